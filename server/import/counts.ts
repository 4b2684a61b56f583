/**
 * Count cells as offices fill them: text rather than numbers, full-width digits (１２), a unit after the
 * number (12条), and a dash or nothing for none. Anything that is not plainly a whole number is refused
 * rather than guessed, since a misread count changes a department's score.
 */

/** Cells that mean "none" (after NFKC, which folds ／ and － to / and -). */
const ZERO_MARKS = new Set(['', '-', '--', '—', '——', '–', '/', '无']);

/** `12条`, `3篇`, `2次`: the unit a count is written with. */
const WHOLE_NUMBER = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.0+)?(?:条|篇|件|次|期|个)?$/;

/** The count a cell holds, or null when the text is not a non-negative whole number. */
export function parseCount(text: string): number | null {
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  if (ZERO_MARKS.has(compact)) return 0;
  const match = WHOLE_NUMBER.exec(compact);
  if (!match) return null;
  const value = Number(match[1]!.replaceAll(',', ''));
  return Number.isSafeInteger(value) ? value : null;
}

/** Whether a cell has a digit in it: a row with numbers but no unit name is a mistake, not a blank. */
export function hasDigits(text: string): boolean {
  return /\d/.test(text.normalize('NFKC'));
}
