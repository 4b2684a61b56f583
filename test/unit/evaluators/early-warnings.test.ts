import { describe, expect, it } from 'vitest';

import type { AvailabilityMeasurement } from '../../../evaluators/availability.js';
import { daysLeft, defaultWarningLeads, earlyWarnings, windowDue, withinLead } from '../../../evaluators/early-warnings.js';
import type { MailboxMeasurement } from '../../../evaluators/mailbox.js';
import type { ColumnMeasurement, UpdateFrequencyMeasurement } from '../../../evaluators/update-frequency.js';

describe('the day arithmetic of early warnings', () => {
  it('counts the days left as the window minus the age: 10 days without an item of 14 leave 4', () => {
    expect(daysLeft('2026-12-01', 14, '2026-12-11')).toBe(4);
    expect(windowDue('2026-12-01', 14)).toBe('2026-12-15');
    // The last day of the window still holds (the evaluator's stale is age > window); the day after is past it.
    expect(daysLeft('2026-12-01', 14, '2026-12-15')).toBe(0);
    expect(daysLeft('2026-12-01', 14, '2026-12-16')).toBe(-1);
  });

  it('crosses months, years and leap days by the calendar', () => {
    expect(windowDue('2026-12-25', 14)).toBe('2027-01-08');
    expect(daysLeft('2026-12-25', 14, '2027-01-04')).toBe(4);
    expect(windowDue('2028-02-20', 14)).toBe('2028-03-05');
    expect(windowDue('2026-06-01', 183)).toBe('2026-12-01');
    // A letter received on 30 November is 3 months (90 days) unanswered after 28 February.
    expect(windowDue('2026-11-30', 90)).toBe('2027-02-28');
    expect(daysLeft('2026-11-30', 90, '2027-01-29')).toBe(30);
  });

  it('warns within the lead and once past the window', () => {
    expect(withinLead(5, 4)).toBe(false);
    expect(withinLead(4, 4)).toBe(true);
    expect(withinLead(-3, 4)).toBe(true);
  });
});

const column = (o: Partial<ColumnMeasurement>): ColumnMeasurement => ({
  name: '工作动态',
  url: 'http://a.example/gzdt/',
  kind: 'news',
  keyColumn: true,
  itemCount: 10,
  datedItems: 10,
  latest: '2026-12-01',
  windowDays: 14,
  stale: false,
  blank: false,
  placeholder: null,
  unread: [],
  ...o,
});

function updates(columns: ColumnMeasurement[], homepageLatest: string | null): UpdateFrequencyMeasurement {
  return {
    columns,
    excludedColumns: [],
    staleKeyColumns: 0,
    staleOtherColumns: 0,
    blank: 0,
    homepage: {
      latest: homepageLatest,
      stale: false,
      isNavigation: false,
      ageDays: null,
      source: 'homepage',
      sourceUrl: null,
      searched: { homepageItems: 1, columns: columns.length, columnItems: 10 },
    },
    newsItemsInWindow: 0,
    newsItemsAtLeast: 0,
    newsItemsCounted: [],
    unread: [],
  };
}

const mailbox = (awaiting: MailboxMeasurement['awaiting']) => ({ awaiting }) as MailboxMeasurement;
const probes = (count: number, failures: number): AvailabilityMeasurement => ({
  probes: count,
  failures,
  failureRatio: count ? failures / count : null,
  failureKinds: {},
  monitored: 0,
});
const inputs = (o: Partial<Parameters<typeof earlyWarnings>[0]>) => ({
  updateFrequency: null,
  mailbox: null,
  availability: null,
  homepageUrl: 'http://a.example/',
  ...o,
});

describe('earlyWarnings', () => {
  it('warns of a news column 4 days before its 2 weeks run out, not 5, and of a 6-month column 30 days before', () => {
    const columns = [
      column({ name: '工作动态', url: 'http://a.example/gzdt/', latest: '2026-12-01' }),
      column({ name: '部门动态', url: 'http://a.example/bmdt/', latest: '2026-12-02' }),
      column({ name: '通知公告', url: 'http://a.example/tzgg/', kind: 'notice', windowDays: 183, latest: '2026-07-01' }),
      column({ name: '政策文件', url: 'http://a.example/zcwj/', kind: 'policy', windowDays: 183, latest: '2026-06-30' }),
    ];
    const warnings = earlyWarnings(inputs({ updateFrequency: updates(columns, '2026-12-10') }), '2026-12-11');
    expect(warnings.map((w) => [w.name, w.daysLeft, w.due])).toEqual([
      ['工作动态', 4, '2026-12-15'],
      ['政策文件', 19, '2026-12-30'],
      ['通知公告', 20, '2026-12-31'],
    ]);
    expect(warnings[0]).toMatchObject({ kind: 'column', indicator: 'V3', subject: 'http://a.example/gzdt/' });
    expect(warnings[0]!.message).toContain('还剩 4 天');
  });

  it('warns of the homepage on its own window and lead, and says so once it has run out', () => {
    const soon = earlyWarnings(inputs({ updateFrequency: updates([], '2026-12-01') }), '2026-12-11');
    expect(soon).toEqual([expect.objectContaining({ kind: 'homepage', indicator: 'V2', daysLeft: 4, due: '2026-12-15' })]);
    expect(earlyWarnings(inputs({ updateFrequency: updates([], '2026-12-02') }), '2026-12-11')).toEqual([]);
    const late = earlyWarnings(inputs({ updateFrequency: updates([], '2026-11-01') }), '2026-12-11');
    expect(late[0]).toMatchObject({ daysLeft: -26 });
    expect(late[0]!.message).toContain('已超过 14 天未更新');
  });

  it('says nothing of a column whose pages could not all be read, and warns of blank and undated columns without days', () => {
    const columns = [
      column({ name: '未读', url: 'http://a.example/x/', latest: '2026-11-01', stale: null }),
      column({ name: '空白', url: 'http://a.example/y/', blank: true, latest: null, itemCount: 0 }),
      column({ name: '无日期', url: 'http://a.example/z/', latest: null, stale: true }),
    ];
    const warnings = earlyWarnings(inputs({ updateFrequency: updates(columns, null) }), '2026-12-11');
    expect(warnings.map((w) => [w.kind, w.indicator, w.name, w.daysLeft])).toEqual([
      ['blank-column', 'V5', '空白', null],
      ['column', 'V3', '无日期', null],
    ]);
  });

  it('warns of a letter 30 days before it is 3 months unanswered, and of one past them', () => {
    const awaiting = [
      { title: '咨询甲', url: 'http://a.example/l/1', received: '2026-10-12', days: 60 },
      { title: '咨询乙', url: 'http://a.example/l/2', received: '2026-10-13', days: 59 },
      { title: '咨询丙', url: null, received: '2026-09-01', days: 101 },
    ];
    const warnings = earlyWarnings(inputs({ mailbox: mailbox(awaiting) }), '2026-12-11');
    expect(warnings.map((w) => [w.name, w.daysLeft, w.due, w.subject])).toEqual([
      ['咨询丙', -11, '2026-11-30', '2026-09-01 咨询丙'],
      ['咨询甲', 30, '2027-01-10', 'http://a.example/l/1'],
    ]);
  });

  it('warns when the homepage fails probes from the lead share, or cannot be read at all', () => {
    expect(earlyWarnings(inputs({ availability: probes(100, 2) }), '2026-12-11')).toEqual([]);
    expect(earlyWarnings(inputs({ availability: probes(100, 3) }), '2026-12-11')).toEqual([
      expect.objectContaining({ kind: 'availability', indicator: 'V1', daysLeft: null }),
    ]);
    const down = earlyWarnings(inputs({ availability: probes(3, 3), unreachable: 'timeout' }), '2026-12-11');
    expect(down[0]!.message).toContain('首页无法访问（timeout）');
  });

  it('takes other leads from the delivery file', () => {
    const columns = [column({ latest: '2026-12-03' })];
    expect(earlyWarnings(inputs({ updateFrequency: updates(columns, null) }), '2026-12-11')).toEqual([]);
    const leads = { ...defaultWarningLeads, columns: { ...defaultWarningLeads.columns, news: 6 } };
    expect(earlyWarnings(inputs({ updateFrequency: updates(columns, null) }), '2026-12-11', leads)).toHaveLength(1);
  });
});
