import { describe, expect, it } from 'vitest';

import { calendarFrom, officialCalendar, workingDaysBetween } from '../../../../evaluators/lib/workdays.js';

// Expected values counted by hand on a 2026 wall calendar with the State Council's 2026 notice.
describe('working days under the official holiday and 调休 calendar', () => {
  it('skips the National Day week and counts the next working days', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-09')).toBe(2); // Oct 1–7 off; Thu 8, Fri 9
  });

  it('counts a worked Sunday (调休) and skips the Saturday before it', () => {
    expect(workingDaysBetween('2026-09-18', '2026-09-21')).toBe(2); // Sat 19 off, Sun 20 worked, Mon 21
  });

  it('counts the Saturday worked before the Spring Festival and skips the nine days off', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2); // Sat 14 worked, 15–23 off, Tue 24
  });

  it('ordinary weeks: Friday to Monday is one working day, the same day none', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1);
    expect(workingDaysBetween('2026-11-20', '2026-11-20')).toBe(0);
    expect(workingDaysBetween('2026-11-23', '2026-11-20')).toBe(0);
  });

  it('crosses the New Year of 2023, whose holiday began on 31 December 2022', () => {
    expect(workingDaysBetween('2022-12-30', '2023-01-04')).toBe(2); // Dec 31–Jan 2 off; Tue 3, Wed 4
  });

  it('covers 2020–2027, with 2027 provisional, and falls back to Monday–Friday outside', () => {
    const calendar = officialCalendar();
    expect(calendar.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(calendar.provisional).toEqual([2027]);
    expect(calendar.covers('2028-03-01')).toBe(false);
    expect(workingDaysBetween('2028-03-03', '2028-03-06')).toBe(1);
  });

  it('rejects a malformed range with the file named', () => {
    expect(() => calendarFrom({ 2030: { source: 'x', off: ['2030-05-05..2030-05-01'], work: [] } })).toThrow(
      /cn-holidays\.yaml: bad date or range "2030-05-05\.\.2030-05-01"/,
    );
  });
});
