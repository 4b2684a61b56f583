import { PNG } from 'pngjs';

/** An image's pixels, four bytes (red, green, blue, alpha) a pixel, row after row. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** A screenshot's pixels (pngjs turns every colour type and depth into 8-bit RGBA). Throws on what is not a PNG. */
export function decodePng(png: Uint8Array): Pixels {
  const { width, height, data } = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  return { width, height, rgba: data };
}
