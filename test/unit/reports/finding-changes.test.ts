import { describe, expect, it } from 'vitest';

import { evaluatorFindings } from '../../../evaluators/findings.js';
import type { LinksMeasurement } from '../../../evaluators/links.js';
import type { EvaluatorFinding } from '../../../evaluators/registry/finding-groups.js';
import type { ColumnMeasurement, UpdateFrequencyMeasurement } from '../../../evaluators/update-frequency.js';
import type { IndicatorStatus } from '../../../indicators/engine.js';
import { type ComparableResults, compareFindings } from '../../../reports/finding-changes.js';
import { findingKey } from '../../../reports/finding-key.js';

const host = 'https://jyj.example.gov.cn';

function column(name: string, path: string, o: Partial<ColumnMeasurement>): ColumnMeasurement {
  return {
    name,
    url: `${host}/${path}`,
    kind: 'news',
    keyColumn: true,
    itemCount: 10,
    datedItems: 10,
    latest: '2026-05-01',
    windowDays: 14,
    stale: true,
    blank: false,
    placeholder: null,
    unread: [],
    ...o,
  };
}

/** The stale key columns as the evaluator words them on a given day. */
function staleColumns(columns: ColumnMeasurement[]): EvaluatorFinding[] {
  const update = {
    columns,
    excludedColumns: [],
    staleKeyColumns: columns.length,
    staleOtherColumns: 0,
    blank: 0,
    homepage: {
      latest: null,
      stale: false,
      isNavigation: false,
      ageDays: 1,
      source: 'homepage',
      sourceUrl: null,
      searched: { homepageItems: 1, columns: 0, columnItems: 0 },
    },
    newsItemsInWindow: 0,
    newsItemsAtLeast: 0,
    newsItemsCounted: [],
    unread: [],
  } as UpdateFrequencyMeasurement;
  return evaluatorFindings(update, null, [])['updateFrequency.staleKeyColumns']!;
}

function brokenLinks(urls: string[]): EvaluatorFinding[] {
  const links = {
    checked: 10,
    blocked: 0,
    rateLimited: 0,
    brokenOnHomepage: 0,
    brokenElsewhere: urls.length,
    broken: urls.map((url, i) => ({ url, status: 404, result: 'http-4xx', onHomepage: false, foundOn: [`${host}/p${i}.html`] })),
  } as unknown as LinksMeasurement;
  return evaluatorFindings(null, null, [], new Map(), links)['links.elsewhere']!;
}

type Site = ComparableResults['sites'][number];
type Indicator = Site['indicators'][number];

function indicator(
  id: string,
  findings: EvaluatorFinding[],
  status: IndicatorStatus = findings.length ? 'deducted' : 'ok',
  o: Partial<Indicator> = {},
): Indicator {
  return { id, name: `指标${id}`, status, override: null, findings, ...o };
}

/** Findings as results.json carries them: keyed where the results are built. */
function site(id: string, indicators: Indicator[], status: Site['status'] = 'assessed'): Site {
  return {
    id,
    name: `网站${id}`,
    status,
    indicators: indicators.map((i) => ({ ...i, findings: i.findings.map((f) => ({ ...f, key: findingKey(id, i.id, f) })) })),
  };
}

function run(runId: string, asOf: string, sites: Site[], set = { id: 'national-2019', version: '1.0.0' }): ComparableResults {
  return { assessment: { runId, name: `第${runId}次评估`, asOf, indicatorSet: set }, sites };
}

const byChange = (c: ReturnType<typeof compareFindings>, siteId: string) => {
  const s = c.sites.find((x) => x.siteId === siteId)!;
  return Object.fromEntries(
    (['new', 'fixed', 'unchanged', 'not-measured'] as const).map((k) => [k, s.findings.filter((f) => f.change === k).map((f) => f.key)]),
  );
};

describe('finding keys', () => {
  it('a stale column keeps its key when its wording changes with the date, the counts and the screenshot', () => {
    const [may] = staleColumns([column('工作动态', 'gzdt/', { latest: '2026-05-01', itemCount: 10 })]);
    const [june] = staleColumns([column('工作动态（新）', 'gzdt/index.html', { latest: '2026-06-10', itemCount: 14, datedItems: 12 })]);
    expect(may!.message).not.toBe(june!.message);
    expect(may!.evidence).not.toBe(june!.evidence);
    expect(findingKey('jyj', 'V3', may!)).toBe('jyj/V3/column://jyj.example.gov.cn/gzdt/');
    expect(findingKey('jyj', 'V3', june!)).toBe(findingKey('jyj', 'V3', may!));
  });

  it('a broken link is keyed by its address without fragment, session id or scheme; another address is another finding', () => {
    const [a, b, c] = brokenLinks([`${host}/files/a.pdf#page=2`, 'http://jyj.example.gov.cn/files/a.pdf;jsessionid=XYZ', `${host}/files/b.pdf`]);
    expect(findingKey('jyj', 'D1', a!)).toBe('jyj/D1/link://jyj.example.gov.cn/files/a.pdf');
    expect(findingKey('jyj', 'D1', b!)).toBe(findingKey('jyj', 'D1', a!));
    expect(findingKey('jyj', 'D1', c!)).not.toBe(findingKey('jyj', 'D1', a!));
  });

  it('a finding of a score stored before subjects were kept gets a legacy key from its address, else its wording', () => {
    expect(findingKey('jyj', 'D1', { url: `${host}/a.pdf`, message: '链接不可用' })).toBe('jyj/D1/legacy://jyj.example.gov.cn/a.pdf');
    expect(findingKey('jyj', 'D6', { url: null, message: '未提供站内搜索' })).toBe('jyj/D6/legacy:未提供站内搜索');
  });
});

describe('compareFindings', () => {
  const gzdt = column('工作动态', 'gzdt/', { latest: '2026-05-01' });
  const tzgg = column('通知公告', 'tzgg/', { kind: 'notice', latest: '2026-04-01' });
  const zcwj = column('政策文件', 'zcwj/', { kind: 'policy', latest: '2026-06-01' });

  it('tells new, fixed and unchanged apart by key, whatever the wording and the order say', () => {
    const earlier = run('1', '2026-05-31', [site('jyj', [indicator('V3', staleColumns([gzdt, tzgg])), indicator('D1', brokenLinks([`${host}/a.pdf`]))])]);
    // Six months on: 工作动态 still stale (another date, other counts), 通知公告 updated, 政策文件 newly stale, listed first.
    const later = run('2', '2026-11-30', [
      site('jyj', [
        indicator('D1', brokenLinks([`${host}/a.pdf`, `${host}/b.pdf`])),
        indicator('V3', staleColumns([zcwj, { ...gzdt, latest: '2026-07-15', itemCount: 31 }])),
      ]),
    ]);
    const c = compareFindings(earlier, later);
    expect(byChange(c, 'jyj')).toEqual({
      new: ['jyj/D1/link://jyj.example.gov.cn/b.pdf', 'jyj/V3/column://jyj.example.gov.cn/zcwj/'],
      fixed: ['jyj/V3/column://jyj.example.gov.cn/tzgg/'],
      unchanged: ['jyj/D1/link://jyj.example.gov.cn/a.pdf', 'jyj/V3/column://jyj.example.gov.cn/gzdt/'],
      'not-measured': [],
    });
    expect(c.sites[0]!.counts).toEqual({ new: 2, fixed: 1, unchanged: 2, 'not-measured': 0 });
    // The unchanged finding is shown as this run words it.
    expect(c.sites[0]!.findings.find((f) => f.key.endsWith('/gzdt/'))!.message).toContain('超过14天未更新');
    expect(c.sameSet).toBe(true);
    expect([c.earlier.runId, c.current.runId]).toEqual(['1', '2']);
  });

  it('an indicator measured before and not measured now leaves its findings not measured, never fixed', () => {
    const earlier = run('1', '2026-05-31', [site('jyj', [indicator('V3', staleColumns([gzdt])), indicator('D1', brokenLinks([`${host}/a.pdf`]))])]);
    const later = run('2', '2026-11-30', [site('jyj', [indicator('V3', [], 'not-measured'), indicator('D1', [], 'not-applicable')])]);
    const s = compareFindings(earlier, later).sites[0]!;
    expect(s.counts).toEqual({ new: 0, fixed: 0, unchanged: 0, 'not-measured': 2 });
    expect(s.findings.map((f) => f.reason)).toEqual(['indicator-not-measured', 'indicator-not-measured']);
  });

  it('an indicator the set no longer has, or a reviewer decided now, does not make its findings fixed', () => {
    const earlier = run('1', '2026-05-31', [site('jyj', [indicator('V3', staleColumns([gzdt])), indicator('D1', brokenLinks([`${host}/a.pdf`]))])]);
    const override = { by: '张三', at: '2026-12-01T08:00:00Z', reason: '临时维护', was: { score: 4, status: 'deducted' as const } };
    const later = run('2', '2026-11-30', [site('jyj', [indicator('D1', [], 'ok', { override })])], { id: 'national-2019', version: '1.1.0' });
    const c = compareFindings(earlier, later);
    expect(c.sameSet).toBe(false);
    expect(c.sites[0]!.findings.map((f) => [f.indicator, f.change, f.reason])).toEqual([
      ['V3', 'not-measured', 'indicator-not-in-set'],
      ['D1', 'not-measured', 'overridden'],
    ]);
  });

  it('a site missing from one run: its earlier findings are not measured now; its findings now are new but marked as not measured before', () => {
    const earlier = run('1', '2026-05-31', [site('jyj', [indicator('V3', staleColumns([gzdt]))]), site('rsj', [indicator('V3', staleColumns([tzgg]))])]);
    const later = run('2', '2026-11-30', [site('jyj', [indicator('V3', staleColumns([gzdt]))]), site('wjw', [indicator('V3', staleColumns([zcwj]))])]);
    const c = compareFindings(earlier, later);
    expect(c.sites.map((s) => [s.siteId, s.earlier, s.now])).toEqual([
      ['jyj', 'assessed', 'assessed'],
      ['wjw', 'absent', 'assessed'],
      ['rsj', 'assessed', 'absent'],
    ]);
    expect(c.sites[1]!.findings).toMatchObject([{ change: 'new', notMeasuredBefore: true }]);
    expect(c.sites[2]!.findings).toMatchObject([{ change: 'not-measured', reason: 'site-not-in-run' }]);
  });

  it('a site not assessed now (unreachable) has all its earlier findings not measured; one not assessed before makes nothing fixed', () => {
    const assessed = site('jyj', [indicator('V3', staleColumns([gzdt]))]);
    const down = site('jyj', [], 'unreachable');
    expect(compareFindings(run('1', '2026-05-31', [assessed]), run('2', '2026-11-30', [down])).sites[0]!.findings).toMatchObject([
      { change: 'not-measured', reason: 'site-not-assessed' },
    ]);
    expect(compareFindings(run('1', '2026-05-31', [down]), run('2', '2026-11-30', [assessed])).sites[0]!).toMatchObject({
      earlier: 'not-assessed',
      counts: { new: 1, fixed: 0, unchanged: 0, 'not-measured': 0 },
      findings: [{ change: 'new', notMeasuredBefore: true }],
    });
  });

  it('findings about one thing count once, and results written before keys were kept are compared by their derived keys', () => {
    const probe = (at: string): EvaluatorFinding => ({ subject: 'homepage-availability', message: `首页访问失败（${at}）`, url: `${host}/`, evidence: null });
    const legacy = (s: Site): Site => ({
      ...s,
      indicators: s.indicators.map((i) => ({ ...i, findings: i.findings.map(({ message, url }) => ({ message, url })) })),
    });
    const earlier = run('1', '2026-05-31', [legacy(site('jyj', [indicator('D1', brokenLinks([`${host}/a.pdf`]))]))]);
    const later = run('2', '2026-11-30', [
      legacy(site('jyj', [indicator('D1', brokenLinks([`${host}/a.pdf`])), indicator('V1', [probe('09:00'), probe('10:00')], 'veto')])),
    ]);
    expect(byChange(compareFindings(earlier, later), 'jyj')).toEqual({
      new: ['jyj/V1/legacy://jyj.example.gov.cn/'],
      fixed: [],
      unchanged: ['jyj/D1/legacy://jyj.example.gov.cn/a.pdf'],
      'not-measured': [],
    });
  });
});
