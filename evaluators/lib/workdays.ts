import { readFileSync } from 'node:fs';

import { addDays, format, getDay, parseISO } from 'date-fns';
import { parse } from 'yaml';

import type { IsoDate } from './dates.js';

/**
 * Working days under the official holiday and 调休 calendar (data: evaluators/data/cn-holidays.yaml).
 * A reply on the day of receipt took 0 working days, on the next working day 1, and so on.
 */

interface CalendarYear {
  source: string;
  provisional?: boolean;
  off: string[];
  work: string[];
}

export interface WorkCalendar {
  years: number[];
  provisional: number[];
  isWorkingDay(date: IsoDate): boolean;
  /** Whether the official calendar covers this date (outside it: Monday–Friday). */
  covers(date: IsoDate): boolean;
}

const calendarFile = new URL('../data/cn-holidays.yaml', import.meta.url);
let official: WorkCalendar | null = null;

/** The shipped calendar, loaded once. */
export function officialCalendar(): WorkCalendar {
  official ??= calendarFrom(parse(readFileSync(calendarFile, 'utf8')) as Record<string, CalendarYear>);
  return official;
}

export function calendarFrom(data: Record<string, CalendarYear>): WorkCalendar {
  const off = new Set<string>();
  const work = new Set<string>();
  for (const year of Object.values(data)) {
    for (const entry of year.off) for (const d of expand(entry)) off.add(d);
    for (const entry of year.work) for (const d of expand(entry)) work.add(d);
  }
  const years = Object.keys(data).map(Number).sort();
  const provisional = Object.entries(data)
    .filter(([, y]) => y.provisional)
    .map(([k]) => Number(k));
  return {
    years,
    provisional,
    covers: (date) => years.includes(Number(date.slice(0, 4))),
    isWorkingDay(date) {
      if (off.has(date)) return false;
      if (work.has(date)) return true;
      const weekday = getDay(parseISO(date));
      return weekday !== 0 && weekday !== 6;
    },
  };
}

/** "2026-02-15..2026-02-23" → every day of the range; a single date → itself. */
function expand(entry: string): IsoDate[] {
  const [from, to = from] = String(entry).split('..') as [string, string?];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to!) || to! < from) throw new Error(`cn-holidays.yaml: bad date or range "${entry}"`);
  const days: IsoDate[] = [];
  for (let d = parseISO(from); format(d, 'yyyy-MM-dd') <= to!; d = addDays(d, 1)) days.push(format(d, 'yyyy-MM-dd'));
  return days;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later than `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkCalendar = officialCalendar()): number {
  let count = 0;
  for (let d = addDays(parseISO(from), 1); format(d, 'yyyy-MM-dd') <= to; d = addDays(d, 1)) {
    if (calendar.isWorkingDay(format(d, 'yyyy-MM-dd'))) count++;
  }
  return count;
}
