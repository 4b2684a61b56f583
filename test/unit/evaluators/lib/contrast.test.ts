import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';

import { characterContrast, contrastRatio, judgeTextContrast, luminance, minimumContrast } from '../../../../evaluators/lib/contrast.js';
import { decodePng, type Pixels } from '../../../../evaluators/lib/png.js';

const ratio = (a: [number, number, number], b: [number, number, number]) => contrastRatio(luminance(...a), luminance(...b));

/** An image of `width`×1 pixels per column colour, `height` rows. */
function columns(colours: Array<[number, number, number]>, height = 2): Pixels {
  const rgba = new Uint8Array(colours.length * height * 4);
  for (let y = 0; y < height; y++) colours.forEach((c, x) => rgba.set([...c, 255], (y * colours.length + x) * 4));
  return { width: colours.length, height, rgba };
}

describe('WCAG contrast', () => {
  it('gives the ratios of the WCAG definition', () => {
    expect(ratio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(ratio([0x33, 0x33, 0x33], [255, 255, 255])).toBeCloseTo(12.63, 2);
    expect(ratio([0xaa, 0xaa, 0xaa], [255, 255, 255])).toBeCloseTo(2.32, 2);
    expect(ratio([0x77, 0x77, 0x77], [0xee, 0xee, 0xee])).toBeCloseTo(3.86, 2);
  });

  it('asks 3:1 of large text (18 pt, 14 pt bold) and 4.5:1 of the rest', () => {
    expect(minimumContrast(24, 400)).toBe(3);
    expect(minimumContrast(18.67, 700)).toBe(3);
    expect(minimumContrast(18.67, 400)).toBe(4.5);
    expect(minimumContrast(18, 700)).toBe(4.5);
    expect(minimumContrast(16, 900)).toBe(4.5);
  });

  it("takes a character's best background pixel, the text's alpha laid over each pixel", () => {
    // rgba(90,90,90,.8) over white is 4.2:1, over black 2.3:1 (ACT afw4f7's figures for this text).
    const split = columns([
      [255, 255, 255],
      [255, 255, 255],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const grey: [number, number, number, number] = [90, 90, 90, 0.8];
    expect(characterContrast(split, [0, 0, 2, 2], grey)).toBeCloseTo(4.23, 2);
    expect(characterContrast(split, [2, 0, 2, 2], grey)).toBeCloseTo(2.3, 1);
    expect(characterContrast(split, [1, 0, 2, 2], grey)).toBeCloseTo(4.23, 2);
    // Opaque text: its own colour, whatever lies under it.
    expect(characterContrast(split, [1, 0, 2, 2], [0x33, 0x33, 0x33, 1])).toBeCloseTo(12.63, 2);
    // A box outside the image holds no pixel.
    expect(characterContrast(split, [10, 10, 2, 2], grey)).toBeNull();
  });

  it('fails text whose every character fails all around it, suspects it when half do, passes a few at the end of a gradient', () => {
    expect(judgeTextContrast([2.3, 4.2, 3.9], 4.5)).toMatchObject({ verdict: 'fails', failing: 3, read: 3, worst: 2.3 });
    expect(judgeTextContrast([2.3, 4.2, 5, 6], 4.5)).toMatchObject({ verdict: 'suspected', failing: 2 });
    expect(judgeTextContrast([12, 9, 6, 5, 4.1, 3.9], 4.5)).toMatchObject({ verdict: null, failing: 2 });
    expect(judgeTextContrast([3.2, 3.5], 3)?.verdict).toBeNull();
    expect(judgeTextContrast([null, null], 4.5)).toBeNull();
  });
});

describe('PNG decoding', () => {
  it('reads the pixels of a PNG another encoder wrote (resvg: RGBA)', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30" shape-rendering="crispEdges">
      <rect width="40" height="30" fill="#ffffff"/><rect x="10" y="0" width="10" height="30" fill="#0000ff"/>
      <rect x="20" y="10" width="20" height="10" fill="#336699"/><rect x="0" y="25" width="40" height="5" fill="#aaaaaa" fill-opacity="0.5"/></svg>`;
    const image = decodePng(new Resvg(svg, { background: 'rgba(0,0,0,0)' }).render().asPng());
    expect([image.width, image.height]).toEqual([40, 30]);
    const at = (x: number, y: number) => [...image.rgba.subarray((y * 40 + x) * 4, (y * 40 + x) * 4 + 4)];
    expect(at(0, 0)).toEqual([255, 255, 255, 255]);
    expect(at(15, 5)).toEqual([0, 0, 255, 255]);
    expect(at(30, 15)).toEqual([0x33, 0x66, 0x99, 255]);
    expect(at(39, 29)[3]).toBe(255);
    expect(at(39, 29)[0]).toBeGreaterThan(0xaa);
    expect(at(39, 29)[0]).toBeLessThan(255);
  });

  it('refuses what is not a PNG', () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toThrow();
  });
});
