/**
 * Reads a publication date out of a piece of page text the way a person would: full dates in the usual
 * Chinese formats, or month-day only with the year taken from the evaluation date (the latest such date
 * not after it). Independent of the product's date parser on purpose.
 */
export function readDate(text: string, asOf: string): string | null {
  const full = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  if (full) return iso(Number(full[1]), Number(full[2]), Number(full[3]));
  const monthDay = /(?:^|[^\d])(\d{2})-(\d{2})(?:$|[^\d])/.exec(text);
  if (!monthDay) return null;
  const year = Number(asOf.slice(0, 4));
  const candidate = iso(year, Number(monthDay[1]), Number(monthDay[2]));
  return candidate <= asOf ? candidate : iso(year - 1, Number(monthDay[1]), Number(monthDay[2]));
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function newest(dates: Array<string | null>): string | null {
  return dates.reduce<string | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}
