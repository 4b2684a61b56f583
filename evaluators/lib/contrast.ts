import type { Pixels } from './png.js';

/** A colour as red, green, blue (0–255) and alpha (0–1). */
export type Rgba = [number, number, number, number];

/** An sRGB channel (0–255) made linear, as WCAG 2's relative luminance does. */
function linear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}
/** The 256 whole channel values made linear once: a screenshot's pixels are read by the thousand. */
const linearTable = Float64Array.from({ length: 256 }, (_, c) => linear(c));
const lin = (c: number) => (Number.isInteger(c) && c >= 0 && c <= 255 ? linearTable[c]! : linear(c));

/** WCAG 2 relative luminance of an opaque sRGB colour. */
export function luminance(r: number, g: number, b: number): number {
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two luminances (1 to 21). */
export function contrastRatio(l1: number, l2: number): number {
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

/**
 * 1.4.3's minimum for text of this size: 3:1 for large text (18 pt, or 14 pt bold: 24 px, 18.66 px at weight 700 or
 * more), 4.5:1 otherwise.
 */
export function minimumContrast(fontSizePx: number, fontWeight: number): number {
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700) ? 3 : 4.5;
}

/** A box in an image's pixels: left, top, width, height. */
export type Box = [x: number, y: number, width: number, height: number];

/**
 * The text colour over each background pixel in the character's box (the text's alpha laid over that pixel, as the
 * browser paints it), and the highest contrast of the two: ACT's "highest possible contrast" of the character
 * (afw4f7: a character fails when even its best background pixel is below the minimum). Null when the box holds no pixel.
 */
export function characterContrast(image: Pixels, box: Box, text: Rgba): number | null {
  const [x0, y0] = [Math.max(0, Math.round(box[0])), Math.max(0, Math.round(box[1]))];
  const [x1, y1] = [Math.min(image.width, Math.round(box[0] + box[2])), Math.min(image.height, Math.round(box[1] + box[3]))];
  let highest: number | null = null;
  const alpha = text[3];
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const at = (y * image.width + x) * 4;
      const [r, g, b] = [image.rgba[at]!, image.rgba[at + 1]!, image.rgba[at + 2]!];
      const over = luminance(alpha * text[0] + (1 - alpha) * r, alpha * text[1] + (1 - alpha) * g, alpha * text[2] + (1 - alpha) * b);
      const ratio = contrastRatio(over, luminance(r, g, b));
      if (highest === null || ratio > highest) highest = ratio;
    }
  return highest;
}

/** Characters of an element failing all around, at least this share of those read, for a suspected finding. */
export const suspectedShare = 0.5;

/**
 * One element's text against the background its characters were drawn on: failing (confirmed) when every character
 * read fails all around it (its highest possible contrast below the minimum: no part of the background gives it
 * enough); suspected when at least half of them do (the rest of the text is legible: how much that leaves unread is a
 * person's call); null otherwise, a few characters at a gradient's far end among them (where the text ends on a
 * gradient depends on the fonts the browser has). Returns too the best contrast of the worst character.
 */
export function judgeTextContrast(
  characters: Array<number | null>,
  minimum: number,
): { verdict: 'fails' | 'suspected' | null; failing: number; read: number; worst: number } | null {
  const read = characters.filter((c): c is number => c !== null);
  if (!read.length) return null;
  const failing = read.filter((c) => c < minimum).length;
  const verdict = failing === read.length ? 'fails' : failing >= suspectedShare * read.length ? 'suspected' : null;
  return { verdict, failing, read: read.length, worst: Math.min(...read) };
}
