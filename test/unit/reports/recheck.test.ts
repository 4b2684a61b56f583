import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';

import type { FindingComparison } from '../../../reports/finding-changes.js';
import { recheckFindings, type RecheckResults, unitsNotFixed } from '../../../reports/recheck.js';
import { renderRecheckNotice } from '../../../reports/recheck-notice.js';

const ref = (runId: string) => ({ runId, name: '2026年网站检查', asOf: '2026-11-21' });
const finding = (key: string, change: 'new' | 'fixed' | 'unchanged' | 'not-measured', message = `问题 ${key}`) => ({
  key,
  change,
  indicator: key.split('/')[1]!,
  indicatorName: `指标${key.split('/')[1]}`,
  message,
  url: null,
  ...(change === 'not-measured' ? { reason: 'indicator-not-measured' as const } : {}),
});
const counts = { new: 0, fixed: 0, unchanged: 0, 'not-measured': 0 };

const comparison: FindingComparison = {
  earlier: ref('r1'),
  current: ref('r2'),
  sameSet: true,
  sites: [
    {
      siteId: 'jyj',
      name: '教育局',
      earlier: 'assessed',
      now: 'assessed',
      counts,
      findings: [
        finding('jyj/D1/link:a', 'new'),
        finding('jyj/D1/link:b', 'fixed'),
        finding('jyj/V3/column:c', 'unchanged'),
        finding('jyj/A1/axe:x', 'not-measured'),
      ],
    },
    { siteId: 'rsj', name: '人社局', earlier: 'assessed', now: 'assessed', counts, findings: [finding('rsj/D2/link:d', 'fixed')] },
    { siteId: 'wjw', name: '卫健委', earlier: 'assessed', now: 'not-assessed', counts, findings: [finding('wjw/D2/link:e', 'not-measured')] },
  ],
};

describe('recheckFindings', () => {
  it('maps a finding found again to not-fixed, keeps fixed, new and not measured, not fixed first', () => {
    const { findings, sites } = recheckFindings(comparison, new Map());
    expect(findings.map((f) => [f.key, f.status])).toEqual([
      ['jyj/V3/column:c', 'not-fixed'],
      ['jyj/D1/link:a', 'new'],
      ['jyj/D1/link:b', 'fixed'],
      ['rsj/D2/link:d', 'fixed'],
      ['jyj/A1/axe:x', 'not-measured'],
      ['wjw/D2/link:e', 'not-measured'],
    ]);
    expect(sites.map((s) => [s.id, s.state, s.counts])).toEqual([
      ['jyj', 'assessed', { fixed: 1, 'not-fixed': 1, new: 1, 'not-measured': 1 }],
      ['rsj', 'assessed', { fixed: 1, 'not-fixed': 0, new: 0, 'not-measured': 0 }],
      ['wjw', 'not-assessed', { fixed: 0, 'not-fixed': 0, new: 0, 'not-measured': 1 }],
    ]);
  });

  it('carries a department’s mark on the finding it names, whatever the re-check found', () => {
    const marks = new Map([
      ['jyj/V3/column:c', { note: '已更新栏目', at: '2026-12-01T02:00:00Z' }],
      ['rsj/D2/link:d', { note: '已删除链接', at: '2026-12-02T02:00:00Z' }],
    ]);
    const { findings } = recheckFindings(comparison, marks);
    expect(findings.filter((f) => f.marked).map((f) => [f.key, f.status, f.marked!.note])).toEqual([
      ['jyj/V3/column:c', 'not-fixed', '已更新栏目'],
      ['rsj/D2/link:d', 'fixed', '已删除链接'],
    ]);
  });
});

describe('the re-check notice', () => {
  const results = (deadline: string | null): RecheckResults => ({
    schema: 'govscore-recheck/1',
    runId: 'r1',
    runName: '2026年网站检查',
    runAsOf: '2026-11-21',
    recheckRunId: 'r2',
    asOf: '2026-12-20',
    checkedAt: '2026-12-20T03:00:00Z',
    deadline,
    ...recheckFindings(
      {
        ...comparison,
        sites: [
          ...comparison.sites,
          {
            siteId: 'fgw',
            name: '发改委<script>',
            earlier: 'assessed',
            now: 'assessed',
            counts,
            findings: [finding('fgw/V5/x', 'unchanged', '<img src=x onerror=alert(1)>')],
          },
        ],
      },
      new Map([['jyj/V3/column:c', { note: '已整改<b>', at: '2026-12-01T02:00:00Z' }]]),
    ),
  });

  it('names the units with a finding not fixed or new, and only them, with the deadline; crawled wording escaped', () => {
    const r = results('2026-12-31');
    expect(unitsNotFixed(r).map((u) => u.site.id)).toEqual(['jyj', 'fgw']);
    const text = renderRecheckNotice(r, { issuer: '江临市政府办公室' });
    const $ = load(text);
    expect(
      $('ol.units > li > strong')
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(['教育局', '发改委<script>']);
    expect($('.deadline').text()).toBe('2026年12月31日');
    expect($('ol.units').text()).toContain('单位已标记整改：已整改<b>；复核结果：未整改');
    expect($('body').text()).toContain('卫健委：复核时网站无法访问');
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain('发改委<script>');
    // 原评估发现的问题 counts the earlier findings only: 6 of the 7 (the new one is counted apart).
    expect($('p').eq(1).text().replace(/\s+/g, '')).toContain('原评估发现的问题共6个，其中已整改2个，未整改2个，未能复核2个；复核中新发现问题1个');
  });

  it('without a deadline asks for the fix 尽快, and says so when every unit has fixed', () => {
    const r = results(null);
    expect(renderRecheckNotice(r)).toContain('尽快完成整改');
    const allFixed = { ...r, findings: r.findings.filter((f) => f.status === 'fixed') };
    expect(load(renderRecheckNotice(allFixed))('body').text()).toContain('复核范围内的单位均已完成整改');
  });
});
