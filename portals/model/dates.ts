import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

/** Dates in the sample portals are calendar days "YYYY-MM-DD", always an offset from the evaluation date. */
export type IsoDate = string;

export function daysBefore(asOf: IsoDate, days: number): IsoDate {
  return format(addDays(parseISO(asOf), -days), 'yyyy-MM-dd');
}

export function daysBetween(earlier: IsoDate, later: IsoDate): number {
  return differenceInCalendarDays(parseISO(later), parseISO(earlier));
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** How a date is written on a page. `md` and `bracket-md` omit the year: a reader infers it from context. */
export type DateFormat = 'iso' | 'slash' | 'dot' | 'cn' | 'cn-padded' | 'bracket-iso' | 'bracket-md' | 'md';

const patterns: Record<DateFormat, string> = {
  iso: 'yyyy-MM-dd',
  slash: 'yyyy/MM/dd',
  dot: 'yyyy.MM.dd',
  cn: 'yyyy年M月d日',
  'cn-padded': 'yyyy年MM月dd日',
  'bracket-iso': '[yyyy-MM-dd]',
  'bracket-md': '[MM-dd]',
  md: 'MM-dd',
};

export function formatDate(date: IsoDate, style: DateFormat): string {
  return format(parseISO(date), patterns[style]);
}

export function formatDateTime(date: IsoDate, hour: number, minute: number): string {
  return `${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Year-less formats are only unambiguous for dates less than a year before the evaluation date. */
export function isYearless(style: DateFormat): boolean {
  return style === 'md' || style === 'bracket-md';
}

/**
 * The most recent occurrence (on or before `asOf`, within the last year) of a fixed-date public holiday.
 * 元旦, 劳动节 and 国庆节 have fixed Gregorian dates, so no lunar calendar is needed to place letters
 * around them.
 */
export function lastHolidayStart(asOf: IsoDate, monthDay: '01-01' | '05-01' | '10-01'): IsoDate {
  const thisYear = `${yearOf(asOf)}-${monthDay}`;
  return thisYear <= asOf ? thisYear : `${yearOf(asOf) - 1}-${monthDay}`;
}
