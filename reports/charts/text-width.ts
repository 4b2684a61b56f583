/**
 * Text width in pixels for Noto Sans CJK SC, the charts' font, without a canvas.
 *
 * Vega measures text to lay out axes and legends; in Node it has no canvas and guesses 0.8 em per character,
 * which is too narrow for Chinese (1 em) and too wide for Latin. This gives the real advance widths instead:
 * ASCII from the font's hmtx table, Han/kana/hangul/full-width forms 1 em (true for every such glyph in the
 * font, including the SC full-width punctuation “”…（）《》), other scripts an over- rather than an
 * under-estimate, so a label is never measured narrower than it is drawn. Kerning is ignored (< 1 %).
 */

/** Advance widths of U+0020..U+007E in 1/1000 em, Noto Sans CJK SC Regular (read from NotoSansCJK-Regular.ttc). */
const ASCII_REGULAR = [
  224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555, 555, 555, 555, 555, 555, 555, 555, 555, 278, 278, 555, 555, 555,
  474, 946, 608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742, 633, 742, 635, 596, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338,
  555, 559, 606, 563, 618, 510, 620, 554, 325, 564, 607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 475, 338, 270,
  338, 555,
];

/** The same for Noto Sans CJK SC Bold (titles are bold). */
const ASCII_BOLD = [
  227, 370, 574, 590, 590, 963, 740, 325, 378, 378, 507, 590, 325, 370, 325, 387, 590, 590, 590, 590, 590, 590, 590, 590, 590, 590, 325, 325, 590, 590, 590,
  514, 1007, 641, 681, 656, 714, 615, 585, 717, 757, 330, 568, 686, 578, 853, 749, 770, 667, 770, 682, 624, 625, 748, 619, 915, 627, 580, 613, 378, 387, 378,
  590, 567, 626, 591, 644, 527, 644, 581, 372, 597, 640, 304, 306, 604, 315, 964, 641, 626, 644, 644, 436, 495, 421, 637, 576, 863, 562, 574, 511, 378, 296,
  378, 590,
];

/** Latin-1 letters, Greek, Cyrillic …: the widest ASCII letters are about this wide. */
const OTHER_ALPHABETIC = 700;
const HALF_WIDTH = 500;
const FULL_WIDTH = 1000;

/** Width of one code point in 1/1000 em. */
function advance(codePoint: number, bold: boolean): number {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0; // control characters draw nothing
  if (codePoint <= 0x7e) return (bold ? ASCII_BOLD : ASCII_REGULAR)[codePoint - 0x20]!;
  if (codePoint >= 0xff61 && codePoint <= 0xffdc) return HALF_WIDTH; // half-width katakana and hangul
  if (codePoint < 0x2000) return OTHER_ALPHABETIC;
  // General punctuation, symbols, CJK, full-width forms, emoji: full width in the SC font (or wider than drawn).
  return FULL_WIDTH;
}

/** Width in pixels of `text` drawn at `fontSize` px in Noto Sans CJK SC (bold when `bold`). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += advance(ch.codePointAt(0)!, bold);
  return (units * fontSize) / 1000;
}

/** True for the CSS font weights Vega passes that select the bold face. */
export function isBold(fontWeight: unknown): boolean {
  if (typeof fontWeight === 'number') return fontWeight >= 600;
  return fontWeight === 'bold' || fontWeight === 'bolder' || (typeof fontWeight === 'string' && Number(fontWeight) >= 600);
}

/** `text` cut to at most `maxWidth` px, ending in “…” when cut (the same rule Vega uses for label limits). */
export function truncateToWidth(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', fontSize, bold);
  let kept = '';
  let width = 0;
  for (const ch of text) {
    width += textWidth(ch, fontSize, bold);
    if (width > room) break;
    kept += ch;
  }
  return kept.trimEnd() + '…';
}
