import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where scripts/ensure-browser.sh writes TrueType copies of the Noto CJK SC fonts (scripts/truetype-cjk-fonts.py).
 * Chromium's PDF writer embeds only TrueType outlines: with fonts-noto-cjk's own CFF outlines every Chinese
 * character is printed as a Type 3 drawing (one font per range of glyphs), which is no font to a reader.
 */
export const printFontDir = '/usr/local/share/govscore/fonts';

/** The families the reports' styles name (reports/html-parts.ts, notice.ts), in the weights they use. */
const faces = [
  { family: 'Noto Sans CJK SC', weight: 400, file: 'NotoSansCJKsc-Regular.ttf' },
  { family: 'Noto Sans CJK SC', weight: 700, file: 'NotoSansCJKsc-Bold.ttf' },
  { family: 'Noto Serif CJK SC', weight: 400, file: 'NotoSerifCJKsc-Regular.ttf' },
  { family: 'Noto Serif CJK SC', weight: 700, file: 'NotoSerifCJKsc-Bold.ttf' },
];

/**
 * @font-face rules that give the reports' font families the TrueType copies present in `dir`, for the page
 * Chromium prints (it subsets and embeds them). Without them the system's CFF fonts are used, as on screen.
 */
export function printFontFaces(dir = printFontDir): string {
  return faces
    .filter((f) => existsSync(join(dir, f.file)))
    .map((f) => `@font-face{font-family:"${f.family}";font-weight:${f.weight};src:url("${pathToFileURL(join(dir, f.file)).href}") format("truetype")}`)
    .join('');
}
