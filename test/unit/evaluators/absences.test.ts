import { describe, expect, it } from 'vitest';

import { describeAbsence, findAbsences } from '../../../evaluators/absences.js';
import { evaluateSite, type StoredObservations } from '../../../evaluators/evaluate-site.js';

const home = 'https://www.example.gov.cn/';
const column = (path: string, dates: Array<string | null>) => ({
  url: `${home}${path}/`,
  name: path === 'xw' ? '新闻' : '通知',
  nameSource: 'link' as const,
  columnNameMeta: null,
  pages: [`${home}${path}/`],
  items: dates.map((date, i) => ({ title: `信息${i}`, url: `${home}${path}/${i}.html`, date, dateSource: date ? ('list' as const) : null })),
  blank: false,
  placeholder: null,
  truncated: false,
  screenshot: null,
  fragment: null,
});
const observed = (dates: Array<string | null>): StoredObservations => ({
  homepage: { url: home, finalUrl: home, status: 200, title: '首页', datedItems: [], metas: {}, screenshot: null },
  columns: [column('xw', dates), column('tz', [null])],
});
const absencesOf = (o: StoredObservations) => findAbsences(o, evaluateSite(o, '2026-11-21').measurements);

describe('findAbsences: which values rest on "not found", and what was searched', () => {
  it('a navigation-only homepage whose columns carry no date: V2 rests on an absence, with the pages and items searched', () => {
    const a = absencesOf(observed([null, null]))['updateFrequency.homepage.ageDays'];
    expect(a).toMatchObject({ found: false, what: '注明发布日期的信息', url: home });
    expect(describeAbsence(a!)).toBe('在首页（0 条带日期的行）、2 个栏目页（共 3 条信息）中查找“发布日期”，未找到注明发布日期的信息');
  });

  it('a navigation-only homepage read through its dated columns is measured, not absent (even when stale)', () => {
    expect(absencesOf(observed(['2026-10-01']))['updateFrequency.homepage.ageDays']).toBeUndefined();
  });

  it('no annual report and no disclosure section are absences when features were collected; an older run without them has none', () => {
    const collected = {
      ...observed(['2026-11-20']),
      disclosure: null,
      functions: {
        search: { present: false, query: null, resultsUrl: null, status: null, found: null, error: null },
        elderly: { entries: [], toolbar: false },
        mobile: { viewportMeta: null, scrollWidth: null, width: 375 },
        article: null,
        https: true,
      },
    };
    const a = absencesOf(collected);
    expect(Object.keys(a).sort()).toEqual([
      'disclosure.counts.missingItems',
      'disclosure.counts.reportMissing',
      'mailbox.counts.noChannel',
      'mailbox.counts.noChannelOrOverdue',
      'services.counts.notFound',
    ]);
    expect(describeAbsence(a['disclosure.counts.reportMissing']!)).toMatch(
      /^在首页的链接中查找“政府信息公开\/政务公开\/信息公开\/政府公开\/公开目录”，未找到2025年政府信息公开工作年度报告$/,
    );
    expect(absencesOf(observed(['2026-11-20']))).toEqual({});
  });
});
