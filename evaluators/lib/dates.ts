import { differenceInCalendarDays, isExists, parseISO } from 'date-fns';

/**
 * Reading publication dates out of the text of Chinese government web pages: list rows, article
 * headers and meta values. Pages mix the publication date with look-alikes (phone numbers, index
 * numbers, document numbers, copyright ranges, times) and with other dates (成文日期, 印发日期), so
 * the scanner is strict about what a date looks like and the readers are strict about labels.
 */

/** A calendar day 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface FoundDate {
  date: IsoDate;
  /** Where the date starts in the text (after any bracket). */
  index: number;
  /** The date as written, without brackets or a following time. */
  text: string;
  /** True when the text had no year and it was taken from the evaluation date. */
  yearInferred: boolean;
}

export interface DateContext {
  /** The evaluation date: year-less dates are placed on or before it. */
  asOf: IsoDate;
  /** When the page was read (ms since the epoch): relative times (8小时前, 昨天) count back from it. */
  readAt?: number;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/**
 * Date shapes, tried left to right at each position. A shape preceded by a digit, or by a digit and a
 * separator, is the tail of a longer number (0571-87001234, …X/2026-08500) and is never a date;
 * numeric shapes likewise may not run on into more digits. Year-less numeric dates need two-digit
 * month and day, so page counters (1/5) and ranges (3-5) are not read as dates.
 */
const DATE_SHAPES = new RegExp(
  String.raw`(?<!\d)(?<!\d[-/.:])(?:` +
    [
      // 2026-11-03, 2026-11-3, 2026/11/03, 2026.11.03 (one separator throughout); a time may follow
      // without a space when spans were run together (2019-09-3022:46)
      String.raw`(?<y1>\d{4})(?<sep>[-/.])(?<m1>\d{1,2})\k<sep>(?<d1>\d{1,2})(?:(?=[0-2]?\d:[0-5]\d)|(?![-/.:]?\d))`,
      // 2026年11月3日, 2026年11月03日
      String.raw`(?<y2>\d{4})\s*年\s*(?<m2>\d{1,2})\s*月\s*(?<d2>\d{1,2})\s*日`,
      // 18-03-08: a two-digit year (百家号 bylines 发布时间：18-03-0823:16), dashes only
      String.raw`(?<y5>\d{2})-(?<m5>\d{2})-(?<d5>\d{2})(?:(?=[0-2]\d:[0-5]\d)|(?![-/.:]?\d))`,
      // 11-03, 11/03
      String.raw`(?<m3>\d{2})[-/](?<d3>\d{2})(?:(?=[0-2]\d:[0-5]\d)|(?![-/.:]?\d))`,
      // 11月3日, unless a year written some other way precedes it (26年11月3日)
      String.raw`(?<!年\s*)(?<m4>\d{1,2})\s*月\s*(?<d4>\d{1,2})\s*日`,
    ].join('|') +
    ')',
  'g',
);

/** Full-width digits and separators as ASCII, one character for one, so indexes stay valid. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９／－．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function iso(year: number, month: number, day: number): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fullDate(year: number, month: number, day: number): IsoDate | null {
  if (year < MIN_YEAR || year > MAX_YEAR || !isExists(year, month - 1, day)) return null;
  return iso(year, month, day);
}

/**
 * The latest day with this month and day that is not after `asOf`. Looks back up to eight years so
 * that 02-29 finds the last leap year; impossible days (02-30, month 13) find nothing.
 */
function inferYear(month: number, day: number, asOf: IsoDate): IsoDate | null {
  const asOfYear = Number(asOf.slice(0, 4));
  for (let year = asOfYear; year >= asOfYear - 8; year--) {
    if (!isExists(year, month - 1, day)) continue;
    const date = iso(year, month, day);
    if (date <= asOf) return date;
  }
  return null;
}

/** A matched shape as a date, or null when it is not a real day (or its year is out of range). */
function dateOfMatch(groups: Record<string, string | undefined>, asOf: IsoDate): Omit<FoundDate, 'index' | 'text'> | null {
  const { y1, m1, d1, y2, m2, d2, m3, d3, m4, d4, y5, m5, d5 } = groups;
  if (y5 !== undefined) {
    // 18 is 2018; a two-digit year after the evaluation year is of the last century (98 is 1998).
    const century = 2000 + Number(y5) <= Number(asOf.slice(0, 4)) ? 2000 : 1900;
    const date = fullDate(century + Number(y5), Number(m5), Number(d5));
    return date ? { date, yearInferred: false } : null;
  }
  const year = y1 ?? y2;
  if (year !== undefined) {
    const date = fullDate(Number(year), Number(m1 ?? m2), Number(d1 ?? d2));
    return date ? { date, yearInferred: false } : null;
  }
  const date = inferYear(Number(m3 ?? m4), Number(d3 ?? d4), asOf);
  return date ? { date, yearInferred: true } : null;
}

/** Every date in `text`, in order of appearance. Year-less dates take the latest year that puts them on or before `asOf`. */
export function findDates(text: string, context: DateContext): FoundDate[] {
  const found: FoundDate[] = [];
  // A shape that is not a real date (1972年5月3日, 2026-02-30) still consumes its text, so no part of it is re-read as a year-less date.
  for (const match of toHalfWidth(text).matchAll(DATE_SHAPES)) {
    const date = dateOfMatch(match.groups ?? {}, context.asOf);
    if (date) found.push({ ...date, index: match.index, text: text.slice(match.index, match.index + match[0].length) });
  }
  return found;
}

/**
 * What a label right before a date says about it. Lower ranks are better publication dates: 发布 beats
 * 更新, which beats a bare 日期/时间. 'other' marks dates that are something else (成文, 印发, deadlines…)
 * and never count as the publication date.
 */
type LabelKind = { rank: number } | 'other' | null;

/** Label, then an optional colon and opening bracket, then the date. */
const beforeDate = String.raw`\s*[:：]?\s*[\[(（【〔]?\s*$`;
const otherLabel = new RegExp(
  String.raw`(?:(?:成文|印发|生成|写作|实施|施行|截止|来信|写信|提问|有效|废止|失效)\s*(?:日期|时间)|今天是|今天|当前日期|当前时间|现在时间|现在是)` +
    beforeDate,
);
const rankedLabels: RegExp[] = [
  new RegExp(String.raw`(?:发布|公开)\s*(?:日期|时间)?` + beforeDate),
  new RegExp(String.raw`更新\s*(?:日期|时间)` + beforeDate),
  // A bare 日期/时间 only when it is a word of its own: 办结日期 or 截止时间 label other dates.
  new RegExp(String.raw`(?<!\p{Script=Han})(?:日期|时间)` + beforeDate, 'u'),
];

function labelKind(textBefore: string): LabelKind {
  if (otherLabel.test(textBefore)) return 'other';
  const rank = rankedLabels.findIndex((label) => label.test(textBefore));
  return rank >= 0 ? { rank } : null;
}

interface LabelledDate extends FoundDate {
  label: LabelKind;
}

/** Dates with the label in the text between the previous date and each one. */
function labelledDates(text: string, context: DateContext): LabelledDate[] {
  let previousEnd = 0;
  return findDates(text, context).map((found) => {
    const label = labelKind(text.slice(previousEnd, found.index));
    previousEnd = found.index + found.text.length;
    return { ...found, label };
  });
}

/** The best-ranked publication-labelled date; ties go to the last one or the first one. */
function bestLabelled(dates: LabelledDate[], ties: 'last' | 'first'): LabelledDate | null {
  let best: LabelledDate | null = null;
  for (const found of dates) {
    const { label } = found;
    if (label === null || label === 'other') continue;
    const bestRank = best && best.label !== null && best.label !== 'other' ? best.label.rank : Infinity;
    if (label.rank < bestRank || (ties === 'last' && label.rank === bestRank)) best = found;
  }
  return best;
}

/**
 * The publication date of a list row, given the row's text without its title. A date labelled as the
 * publication date wins; otherwise the last unlabelled date (lists put the publication date in the
 * rightmost column). Dates labelled 成文日期, 印发日期 and the like never win.
 */
export function rowDate(text: string, context: DateContext): IsoDate | null {
  const dates = labelledDates(text, context);
  const labelled = bestLabelled(dates, 'last');
  if (labelled) return labelled.date;
  return dates.filter((d) => d.label === null).at(-1)?.date ?? relativeDate(text, context.readAt);
}

/**
 * The first full date (with its year) that no label marks as another kind of date, and where it stands
 * in the text: the unlabelled byline of an article (2019-09-07 13:43:45 来源：…).
 */
export function firstFullDate(text: string, context: DateContext): FoundDate | null {
  return labelledDates(text, context).find((d) => !d.yearInferred && d.label !== 'other') ?? null;
}

/**
 * The publication date on an article page, from the visible text near its title: the first date
 * labelled 发布时间/发布日期, else 更新时间, else 日期/时间. Unlabelled dates are ignored (they may be
 * dates in the body), and so are 成文日期/印发日期. Null when there is no labelled date.
 */
export function labelledDate(text: string, context: DateContext, only: 'any' | 'publication' = 'any'): IsoDate | null {
  return labelledFound(text, context, only)?.date ?? null;
}

/** The date labelledDate picks, with whether its year was inferred (发布时间：10-08 12:00). */
export function labelledFound(text: string, context: DateContext, only: 'any' | 'publication' = 'any'): FoundDate | null {
  const dates = labelledDates(text, context);
  return bestLabelled(only === 'publication' ? dates.filter((d) => d.label !== null && d.label !== 'other' && d.label.rank === 0) : dates, 'first');
}

/** China's clock: a day begins at 00:00 UTC+8 whatever the crawling machine's zone. */
const CHINA_OFFSET_MS = 8 * 3600_000;

function dayOf(ms: number): IsoDate {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

// 今天 opening the templates' clock (今天是2026年12月3日) is today's date, not an item's.
const RELATIVE = /(刚刚|(\d{1,3})\s*(秒|分钟|小时|天)前|今天(?!\s*是|\s*[：:]?\s*\d{4})|昨天|前天)/;

/**
 * A relative time as news lists write it (刚刚, 5分钟前, 8小时前, 3天前, 今天 10:20, 昨天, 前天), as the
 * day it points to from `readAt`; null without one or when the text has none.
 */
export function relativeDate(text: string, readAt: number | undefined): IsoDate | null {
  if (readAt === undefined) return null;
  const m = RELATIVE.exec(text);
  if (!m) return null;
  const n = Number(m[2] ?? 0);
  const back =
    { 秒: n * 1000, 分钟: n * 60_000, 小时: n * 3600_000, 天: n * 86_400_000 }[m[3] ?? ''] ??
    { 刚刚: 0, 今天: 0, 昨天: 86_400_000, 前天: 2 * 86_400_000 }[m[1]!] ??
    0;
  return dayOf(readAt - back);
}

/** Compact meta values: 20261103, 202611031020, 20261103102000. */
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:\d{4}(?:\d{2})?)?\s*$/;

/**
 * A date from a meta tag value ("2026-11-03 10:20", "2026/11/03", "2026年11月3日",
 * "2026-11-03T10:20:00+08:00"). Only dates with a year: a meta value has no context to infer one.
 */
export function parseDateValue(value: string): IsoDate | null {
  // 2007-08-20-23:59:59: a time joined to the date by a dash.
  value = value.replace(/(\d{4}-\d{1,2}-\d{1,2})-(\d{1,2}:\d{2})/, '$1 $2');
  const compact = COMPACT.exec(value);
  if (compact) return fullDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  // Any asOf will do: year-less dates are dropped.
  const dated = findDates(value, { asOf: '2000-01-01' }).find((d) => !d.yearInferred);
  return dated?.date ?? null;
}

/** Calendar days from `earlier` to `later` (negative when `later` is before `earlier`). */
export function daysBetween(earlier: IsoDate, later: IsoDate): number {
  return differenceInCalendarDays(parseISO(later), parseISO(earlier));
}
