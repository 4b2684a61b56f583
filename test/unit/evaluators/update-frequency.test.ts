import { describe, expect, it } from 'vitest';

import type { ColumnObservation, HomepageObservation, ListItem } from '../../../evaluators/collect/observations.js';
import { type ColumnMeasurement, evaluateUpdateFrequency, type UpdateFrequencyMeasurement } from '../../../evaluators/update-frequency.js';

const asOf = '2026-11-21';

/** The calendar day `n` days before asOf (negative: after it). */
function daysAgo(n: number): string {
  return new Date(Date.UTC(2026, 10, 21) - n * 86_400_000).toISOString().slice(0, 10);
}

let counter = 0;
function items(dates: Array<string | null>, base: string): ListItem[] {
  return dates.map((date, i) => ({ title: `信息${i}`, url: `${base}art${i}.html`, date, dateSource: date ? 'list' : null }));
}

function column(name: string, dates: Array<string | null>, extra: Partial<ColumnObservation> = {}): ColumnObservation {
  const url = extra.url ?? `https://www.example.gov.cn/col${++counter}/`;
  return {
    url,
    name,
    nameSource: 'link',
    columnNameMeta: null,
    pages: [url],
    items: items(dates, url),
    blank: dates.length === 0,
    placeholder: null,
    truncated: false,
    screenshot: null,
    fragment: null,
    ...extra,
  };
}

function homepage(dates: Array<string | null>): HomepageObservation {
  return {
    url: 'https://www.example.gov.cn/',
    finalUrl: 'https://www.example.gov.cn/',
    status: 200,
    title: '某市人民政府',
    datedItems: items(dates, 'https://www.example.gov.cn/'),
    metas: {},
    screenshot: null,
  };
}

function evaluate(columns: ColumnObservation[], home: HomepageObservation | null = homepage([daysAgo(1)])): UpdateFrequencyMeasurement {
  return evaluateUpdateFrequency({ homepage: home, columns }, asOf);
}

function only(m: UpdateFrequencyMeasurement): ColumnMeasurement {
  expect(m.columns).toHaveLength(1);
  return m.columns[0]!;
}

describe('evaluateUpdateFrequency: columns', () => {
  it('sanity: daysAgo counts calendar days', () => {
    expect(daysAgo(0)).toBe('2026-11-21');
    expect(daysAgo(14)).toBe('2026-11-07');
    expect(daysAgo(365)).toBe('2025-11-21');
  });

  it.each([
    ['要闻', 14, false],
    ['要闻', 15, true],
    ['工作动态', 0, false],
    ['通知公告', 183, false],
    ['通知公告', 184, true],
    ['政策文件', 183, false],
    ['政策文件', 184, true],
  ] as const)('V3: %s last updated %i days ago → stale %s', (name, age, stale) => {
    const m = evaluate([column(name, [daysAgo(age), daysAgo(age + 30)])]);
    const c = only(m);
    expect(c).toMatchObject({ name, keyColumn: true, latest: daysAgo(age), stale, blank: false, itemCount: 2, datedItems: 2 });
    expect(m.staleKeyColumns).toBe(stale ? 1 : 0);
    expect(m.staleOtherColumns).toBe(0);
  });

  it.each([
    ['人事信息', 365, false],
    ['人事信息', 366, true],
    ['规划计划', 366, true],
    ['统计信息', 365, false],
  ] as const)('V4: %s last updated %i days ago → stale %s', (name, age, stale) => {
    const m = evaluate([column(name, [daysAgo(age)])]);
    expect(only(m)).toMatchObject({ keyColumn: false, windowDays: 365, stale });
    expect(m.staleOtherColumns).toBe(stale ? 1 : 0);
    expect(m.staleKeyColumns).toBe(0);
  });

  it('uses the window of the column kind', () => {
    const m = evaluate([column('要闻', [daysAgo(1)]), column('通知公告', [daysAgo(1)]), column('人事信息', [daysAgo(1)])]);
    expect(m.columns.map((c) => [c.kind, c.windowDays])).toEqual([
      ['news', 14],
      ['notice', 183],
      ['personnel', 365],
    ]);
  });

  it('counts a column of undated items as stale', () => {
    const m = evaluate([column('通知公告', [null, null, null])]);
    expect(only(m)).toMatchObject({ itemCount: 3, datedItems: 0, latest: null, stale: true, blank: false });
    expect(m.staleKeyColumns).toBe(1);
  });

  it('takes the newest dated item, whatever the order, and ignores undated ones', () => {
    const c = only(evaluate([column('工作动态', [null, daysAgo(40), daysAgo(3), null, daysAgo(10)])]));
    expect(c).toMatchObject({ itemCount: 5, datedItems: 3, latest: daysAgo(3), stale: false });
  });

  it('counts a blank column as blank, not stale', () => {
    const m = evaluate([column('公示', [], { placeholder: '暂无信息' })]);
    expect(only(m)).toMatchObject({ blank: true, stale: false, itemCount: 0, latest: null, placeholder: '暂无信息' });
    expect(m.blank).toBe(1);
    expect(m.staleKeyColumns).toBe(0);
    expect(m.staleOtherColumns).toBe(0);
  });

  it('counts a column without items as blank even if not flagged so', () => {
    const m = evaluate([column('人事信息', [], { blank: false })]);
    expect(only(m)).toMatchObject({ blank: true, stale: false });
    expect(m.blank).toBe(1);
    expect(m.staleOtherColumns).toBe(0);
  });

  it.each(['政府信息公开年报', '市长信箱', '办事服务'])('leaves out %s', (name) => {
    const excluded = column(name, [daysAgo(900)]);
    const m = evaluate([excluded, column('要闻', [daysAgo(2)])]);
    expect(m.columns.map((c) => c.name)).toEqual(['要闻']);
    expect(m.excludedColumns).toEqual([{ name, url: excluded.url }]);
    expect([m.staleKeyColumns, m.staleOtherColumns, m.blank]).toEqual([0, 0, 0]);
  });

  it('does not count an excluded blank column as blank', () => {
    const m = evaluate([column('市长信箱', [])]);
    expect(m.columns).toEqual([]);
    expect(m.blank).toBe(0);
  });

  it('takes the kind and name from the ColumnName meta when present', () => {
    const m = evaluate([column('栏目页', [daysAgo(100)], { columnNameMeta: ' 通知公告 ', nameSource: 'meta' })]);
    expect(only(m)).toMatchObject({ name: '通知公告', kind: 'notice', keyColumn: true, windowDays: 183, stale: false });
  });

  it('the meta decides over a contradicting link name', () => {
    const m = evaluate([column('工作动态', [daysAgo(100)], { columnNameMeta: '人事任免' })]);
    expect(only(m)).toMatchObject({ name: '人事任免', kind: 'personnel', keyColumn: false, stale: false });
  });

  it('an excluded ColumnName meta excludes the column', () => {
    const m = evaluate([column('工作动态', [daysAgo(100)], { columnNameMeta: '市长信箱' })]);
    expect(m.columns).toEqual([]);
    expect(m.excludedColumns.map((c) => c.name)).toEqual(['市长信箱']);
  });

  it('falls back to the name when the meta is blank', () => {
    const m = evaluate([column('工作动态', [daysAgo(1)], { columnNameMeta: '   ' })]);
    expect(only(m)).toMatchObject({ name: '工作动态', kind: 'news' });
  });

  it('ignores dates after asOf', () => {
    const c = only(evaluate([column('要闻', [daysAgo(-3), daysAgo(20)])]));
    expect(c).toMatchObject({ itemCount: 2, datedItems: 1, latest: daysAgo(20), stale: true });
  });

  it('a column with future dates only has no latest date and is stale', () => {
    const c = only(evaluate([column('要闻', [daysAgo(-1)])]));
    expect(c).toMatchObject({ datedItems: 0, latest: null, stale: true });
  });
});

describe('evaluateUpdateFrequency: homepage', () => {
  it('takes the newest homepage date when the homepage shows dated items', () => {
    const m = evaluate([column('要闻', [daysAgo(1)])], homepage([daysAgo(9), daysAgo(5), daysAgo(30)]));
    expect(m.homepage).toEqual({
      latest: daysAgo(5),
      stale: false,
      isNavigation: false,
      ageDays: 5,
      source: 'homepage',
      sourceUrl: null,
      searched: { homepageItems: 3, columns: 1, columnItems: 1 },
    });
  });

  it('is stale after 14 days, not at 14', () => {
    expect(evaluate([], homepage([daysAgo(14)])).homepage).toMatchObject({ latest: daysAgo(14), stale: false, isNavigation: false, ageDays: 14 });
    expect(evaluate([], homepage([daysAgo(15)])).homepage).toMatchObject({ latest: daysAgo(15), stale: true, isNavigation: false, ageDays: 15 });
  });

  it('a navigation-only homepage takes the newest column date, and says which column it rests on', () => {
    const news = column('要闻', [daysAgo(8), daysAgo(12)]);
    const m = evaluate([column('通知公告', [daysAgo(40)]), news, column('人事信息', [null])], homepage([]));
    expect(m.homepage).toEqual({
      latest: daysAgo(8),
      stale: false,
      isNavigation: true,
      ageDays: 8,
      source: 'columns',
      sourceUrl: news.url,
      searched: { homepageItems: 0, columns: 3, columnItems: 4 },
    });
  });

  it('a navigation-only homepage whose columns are dated 40 days ago is measured stale (a veto on evidence, not an absence)', () => {
    const m = evaluate([column('要闻', [daysAgo(40), daysAgo(45)])], homepage([]));
    expect(m.homepage).toMatchObject({ latest: daysAgo(40), ageDays: 40, stale: true, source: 'columns' });
  });

  it('a missing homepage observation is treated as navigation-only', () => {
    const m = evaluate([column('要闻', [daysAgo(20)])], null);
    expect(m.homepage).toMatchObject({ latest: daysAgo(20), stale: true, isNavigation: true, ageDays: 20, source: 'columns' });
  });

  it('does not use excluded columns for a navigation-only homepage', () => {
    const m = evaluate([column('市长信箱', [daysAgo(1)]), column('要闻', [daysAgo(30)])], homepage([]));
    expect(m.homepage.latest).toBe(daysAgo(30));
  });

  it('with no dated item anywhere: no date, no age, stale, and no source (an absence: what was searched is kept)', () => {
    const m = evaluate([column('通知公告', [null]), column('公示', [])], homepage([]));
    expect(m.homepage).toEqual({
      latest: null,
      stale: true,
      isNavigation: true,
      ageDays: null,
      source: null,
      sourceUrl: null,
      searched: { homepageItems: 0, columns: 2, columnItems: 1 },
    });
  });

  it('ignores homepage dates after asOf', () => {
    const m = evaluate([], homepage([daysAgo(-2), daysAgo(6)]));
    expect(m.homepage).toMatchObject({ latest: daysAgo(6), ageDays: 6, isNavigation: false });
  });
});

describe('evaluateUpdateFrequency: news volume', () => {
  it('counts dated news items of the last 14 days', () => {
    const m = evaluate([column('要闻', [daysAgo(0), daysAgo(7), daysAgo(14), daysAgo(15), daysAgo(30), null, daysAgo(-1)])]);
    expect(m.newsItemsInWindow).toBe(3);
  });

  it('adds up every news column and only news columns', () => {
    const m = evaluate([
      column('政务要闻', [daysAgo(1), daysAgo(2)]),
      column('工作动态', [daysAgo(3)]),
      column('通知公告', [daysAgo(1), daysAgo(1)]),
      column('人事信息', [daysAgo(1)]),
    ]);
    expect(m.newsItemsInWindow).toBe(3);
    // The items counted, newest first, each with its column: what D8's evidence lists.
    expect(m.newsItemsCounted.map((i) => [i.date, i.column])).toEqual([
      [daysAgo(1), '政务要闻'],
      [daysAgo(2), '政务要闻'],
      [daysAgo(3), '工作动态'],
    ]);
  });

  it('does not count news-like items of excluded columns', () => {
    const m = evaluate([column('办事服务动态', [daysAgo(1), daysAgo(2)]), column('工作动态', [daysAgo(4)])]);
    expect(m.newsItemsInWindow).toBe(1);
  });

  it('is 0 without news columns', () => {
    expect(evaluate([column('通知公告', [daysAgo(1)])]).newsItemsInWindow).toBe(0);
  });
});

describe('evaluateUpdateFrequency: options and purity', () => {
  it('uses the windows given in the options', () => {
    const m = evaluateUpdateFrequency({ homepage: homepage([daysAgo(4)]), columns: [column('要闻', [daysAgo(8), daysAgo(2)])] }, asOf, {
      homepageDays: 3,
      windows: { news: 7, notice: 30, policy: 30, personnel: 90, planning: 90, other: 90 },
      newsVolumeDays: 2,
    });
    expect(m.columns[0]).toMatchObject({ windowDays: 7, stale: false });
    expect(m.homepage).toMatchObject({ stale: true, ageDays: 4 });
    expect(m.newsItemsInWindow).toBe(1);
  });

  it('reads its observations without changing them (a re-score evaluates the same stored objects again)', () => {
    const deepFreeze = <T>(o: T): T => {
      if (o && typeof o === 'object') for (const v of Object.values(o)) deepFreeze(v);
      return Object.freeze(o);
    };
    const columns = deepFreeze([column('要闻', [daysAgo(3)]), column('通知公告', [null]), column('公示', [])]);
    const home = deepFreeze(homepage([daysAgo(2)]));
    const m = evaluate(columns, home);
    expect([m.staleKeyColumns, m.blank, m.homepage.ageDays]).toEqual([1, 1, 2]);
  });
});
