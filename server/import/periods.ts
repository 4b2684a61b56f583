/**
 * Reporting periods as offices write them, reduced to one sortable form: `2026-Q3`, `2026-09`,
 * `2026-H1`, `2026`. Reporting runs by month, quarter, half-year and year (每月一统计、每季度一通报、
 * 每半年一考核), so those four are the only periods there are.
 */

export const PERIOD_EXAMPLES = '2026年第三季度, 2026Q3, 2026年9月, 2026-09, 2026年上半年, 2026年度';

const QUARTER_NUMERALS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Each pattern's first group is the year; `toPeriod` turns the match into the canonical form. */
const PATTERNS: readonly { pattern: RegExp; toPeriod: (year: string, part: string) => string | null }[] = [
  // 2026年 / 2026年度 / 2026
  { pattern: /^(\d{4})(?:年度?)?$/, toPeriod: (year) => year },
  // 2026年第三季度 / 2026年三季度 / 2026年第3季度
  { pattern: /^(\d{4})年第?([一二三四1-4])季度?$/, toPeriod: (year, q) => quarter(year, q) },
  // 2026Q3 / 2026-Q3 / 2026 Q3 (whitespace is gone by now)
  { pattern: /^(\d{4})[-_/.]?[Qq]([1-4])$/, toPeriod: (year, q) => quarter(year, q) },
  // 2026年9月 / 2026年09月份
  { pattern: /^(\d{4})年(\d{1,2})月份?$/, toPeriod: (year, m) => month(year, m) },
  // 2026-09 / 2026/9 / 2026.09
  { pattern: /^(\d{4})[-/.](\d{1,2})$/, toPeriod: (year, m) => month(year, m) },
  // 2026年上半年 / 2026年下半年度
  { pattern: /^(\d{4})年?([上下])半年度?$/, toPeriod: (year, half) => `${year}-H${half === '上' ? 1 : 2}` },
  // 2026-H1 / 2026H2
  { pattern: /^(\d{4})-?[Hh]([12])$/, toPeriod: (year, half) => `${year}-H${half}` },
];

/** The canonical period of `text`, or null when it is none of the forms above. */
export function normalisePeriod(text: string): string | null {
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  for (const { pattern, toPeriod } of PATTERNS) {
    const match = pattern.exec(compact);
    if (match && plausibleYear(match[1]!)) return toPeriod(match[1]!, match[2] ?? '');
  }
  return null;
}

/**
 * A date typed into the period column of a monthly sheet (Excel shows it as 2026年9月). ExcelJS reads
 * date serials as UTC midnight, so the UTC calendar month is the one the office typed.
 */
export function periodOfDate(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

function quarter(year: string, numeral: string): string {
  return `${year}-Q${QUARTER_NUMERALS[numeral]}`;
}

function month(year: string, digits: string): string | null {
  const m = Number(digits);
  return m >= 1 && m <= 12 ? `${year}-${String(m).padStart(2, '0')}` : null;
}

/** Four digits that are a row number or a code (`1234`) rather than a year are not a period. */
function plausibleYear(year: string): boolean {
  const y = Number(year);
  return y >= 1990 && y <= 2099;
}
