import { describe, expect, it } from 'vitest';

import type { AvailabilityMeasurement } from '../../../evaluators/availability.js';
import type { ProbeObservation } from '../../../evaluators/collect/observations.js';
import { evaluatorFindings } from '../../../evaluators/findings.js';
import type { BrokenLink, LinksMeasurement } from '../../../evaluators/links.js';
import type { ColumnMeasurement, HomepageMeasurement, UpdateFrequencyMeasurement } from '../../../evaluators/update-frequency.js';

const host = 'https://www.example.gov.cn';

function column(name: string, o: Partial<ColumnMeasurement> = {}): ColumnMeasurement {
  return {
    name,
    url: `${host}/${encodeURIComponent(name)}/`,
    kind: 'news',
    keyColumn: true,
    itemCount: 10,
    datedItems: 10,
    latest: '2026-11-20',
    windowDays: 14,
    stale: false,
    blank: false,
    placeholder: null,
    unread: [],
    ...o,
  };
}

const freshHome: HomepageMeasurement = {
  latest: '2026-11-20',
  stale: false,
  isNavigation: false,
  ageDays: 1,
  source: 'homepage',
  sourceUrl: null,
  searched: { homepageItems: 12, columns: 0, columnItems: 0 },
};

function update(
  columns: ColumnMeasurement[],
  homepage: Partial<HomepageMeasurement> = {},
  newsItemsInWindow = 0,
  newsItemsCounted: UpdateFrequencyMeasurement['newsItemsCounted'] = [],
): UpdateFrequencyMeasurement {
  return {
    columns,
    excludedColumns: [],
    staleKeyColumns: columns.filter((c) => c.keyColumn && c.stale).length,
    staleOtherColumns: columns.filter((c) => !c.keyColumn && c.stale).length,
    blank: columns.filter((c) => c.blank).length,
    homepage: { ...freshHome, ...homepage },
    newsItemsInWindow,
    newsItemsAtLeast: newsItemsInWindow,
    newsItemsCounted,
    unread: [],
  };
}

const availability: AvailabilityMeasurement = { probes: 3, failures: 1, failureRatio: 1 / 3, failureKinds: { timeout: 1 }, monitored: 0 };

function probe(ok: boolean, at: string, ms: number, failure: string | null = null): ProbeObservation {
  return { at, url: `${host}/`, ok, status: ok ? 200 : null, ms, failure };
}

describe('evaluatorFindings: update frequency', () => {
  it('names stale key columns and stale other columns apart, with the date of their newest item and a screenshot when there is one', () => {
    const stale = column('工作动态', { latest: '2026-10-30', stale: true, itemCount: 20, datedItems: 18 });
    const other = column('人事信息', { kind: 'personnel', keyColumn: false, windowDays: 365, latest: null, datedItems: 0, itemCount: 5, stale: true });
    const f = evaluatorFindings(update([stale, other, column('通知公告', { kind: 'notice' })]), null, [], new Map([[stale.url, 'shots/gzdt.png']]));
    expect(f['updateFrequency.staleKeyColumns']).toEqual([
      {
        subject: `column:${stale.url.replace('https:', '')}`,
        message: '栏目“工作动态”（要闻/动态）超过14天未更新',
        url: stale.url,
        evidence: '最新信息发布日期 2026-10-30（共20条，其中18条注明日期）',
        screenshot: 'shots/gzdt.png',
      },
    ]);
    expect(f['updateFrequency.staleOtherColumns']).toEqual([
      {
        subject: `column:${other.url.replace('https:', '')}`,
        message: '栏目“人事信息”（人事）超过365天未更新',
        url: other.url,
        evidence: '5条信息均未注明发布日期',
        screenshot: null,
      },
    ]);
  });

  it('names blank columns with the placeholder text the page shows, or says the page holds nothing', () => {
    const f = evaluatorFindings(
      update([column('政策解读', { blank: true, placeholder: '暂无信息', itemCount: 0 }), column('规划计划', { kind: 'planning', blank: true, itemCount: 0 })]),
      null,
      [],
    );
    expect(f['updateFrequency.blank']!.map((x) => [x.message, x.evidence])).toEqual([
      ['栏目“政策解读”为空白栏目', '页面显示“暂无信息”'],
      ['栏目“规划计划”为空白栏目', '栏目页无任何信息'],
    ]);
  });

  it('states the homepage age, or that nothing on it or below it is dated', () => {
    expect(evaluatorFindings(update([], { latest: '2026-11-15', ageDays: 6 }), null, [])['updateFrequency.homepage']).toEqual([
      { subject: 'homepage-latest', message: '首页最新信息发布于 2026-11-15', url: null, evidence: '距评估日 6 天' },
    ]);
    expect(evaluatorFindings(update([], { latest: null, ageDays: null }), null, [])['updateFrequency.homepage']![0]).toEqual({
      subject: 'homepage-latest',
      message: '首页最新信息发布于 （无日期）',
      url: null,
      evidence: '首页及二级页面均无注明日期的信息',
    });
  });

  it('says a navigation homepage was judged by its second-level pages', () => {
    const dated = evaluatorFindings(update([], { isNavigation: true, latest: '2026-11-01', ageDays: 20 }), null, [])['updateFrequency.homepage']![0]!;
    expect([dated.message, dated.evidence]).toEqual(['首页为导航页，二级页面最新信息发布于 2026-11-01', '距评估日 20 天']);
    const undated = evaluatorFindings(update([], { isNavigation: true, latest: null, ageDays: null }), null, [])['updateFrequency.homepage']![0]!;
    expect(undated.message).toBe('首页为导航页，二级页面最新信息无发布日期');
  });

  it('gives the news volume of the last 14 days with the news columns it came from, or says there is none', () => {
    const counted = [
      { title: '市政府召开常务会议', date: '2026-11-20', url: `${host}/gzdt/1.html`, column: '工作动态' },
      { title: '部门开展安全检查', date: '2026-11-12', url: `${host}/bmdt/2.html`, column: '部门动态' },
    ];
    const f = evaluatorFindings(update([column('工作动态'), column('通知公告', { kind: 'notice' }), column('部门动态')], {}, 2, counted), null, []);
    // Every item counted, with its date and address: the department can check the count (D8 listed none).
    expect(f['updateFrequency.newsVolume']).toEqual([
      {
        subject: 'news-volume',
        message: '近14天要闻/动态类栏目发布信息 2 条',
        url: `${host}/${encodeURIComponent('工作动态')}/`,
        evidence: `统计的栏目：工作动态、部门动态。计入的信息：2026-11-20《市政府召开常务会议》${host}/gzdt/1.html；2026-11-12《部门开展安全检查》${host}/bmdt/2.html`,
      },
    ]);
    expect(evaluatorFindings(update([column('通知公告', { kind: 'notice' })]), null, [])['updateFrequency.newsVolume']![0]!.evidence).toBe(
      '未发现要闻/动态类栏目',
    );
  });

  it('gives empty lists, not missing groups, for a site with nothing stale', () => {
    const f = evaluatorFindings(update([column('工作动态')]), null, []);
    expect([f['updateFrequency.staleKeyColumns'], f['updateFrequency.staleOtherColumns'], f['updateFrequency.blank']]).toEqual([[], [], []]);
  });
});

describe('evaluatorFindings: links and availability', () => {
  const broken = (url: string, onHomepage: boolean, foundOn: string[], status: number | null, result: BrokenLink['result']): BrokenLink => ({
    url,
    status,
    result,
    foundOn,
    onHomepage,
  });

  it('splits broken links into the homepage and elsewhere, naming at most 3 pages and how many in all', () => {
    const pages = [1, 2, 3, 4, 5].map((n) => `${host}/p${n}.html`);
    const links: LinksMeasurement = {
      checked: 40,
      broken: [broken(`${host}/old/`, true, [`${host}/`], 404, 'http-4xx'), broken('http://127.0.0.1:9/', false, pages, null, 'refused')],
      brokenOnHomepage: 1,
      brokenElsewhere: 1,
      blocked: 0,
      rateLimited: 0,
    };
    const f = evaluatorFindings(null, null, [], new Map(), links);
    expect(f['links.homepage']).toEqual([
      {
        subject: 'link://www.example.gov.cn/old/',
        message: '链接不可用（页面不存在或拒绝访问，HTTP 404）',
        url: `${host}/old/`,
        evidence: `所在页面：${host}/`,
      },
    ]);
    expect(f['links.elsewhere']).toEqual([
      {
        subject: 'link://127.0.0.1:9/',
        message: '链接不可用（连接被拒绝）',
        url: 'http://127.0.0.1:9/',
        evidence: `所在页面：${pages[0]}、${pages[1]}、${pages[2]} 等5处`,
      },
    ]);
  });

  it('names 3 pages without "等"', () => {
    const pages = [1, 2, 3].map((n) => `${host}/p${n}.html`);
    const links: LinksMeasurement = {
      checked: 1,
      broken: [broken(`${host}/x`, false, pages, 500, 'http-5xx')],
      brokenOnHomepage: 0,
      brokenElsewhere: 1,
      blocked: 0,
      rateLimited: 0,
    };
    expect(evaluatorFindings(null, null, [], new Map(), links)['links.elsewhere']![0]!.evidence).toBe(`所在页面：${pages.join('、')}`);
  });

  it('lists the failed probes with their time and duration', () => {
    const probes = [probe(true, '2026-11-20T08:00:00Z', 300), probe(false, '2026-11-20T09:00:00Z', 15000, 'timeout'), probe(true, '2026-11-20T10:00:00Z', 280)];
    expect(evaluatorFindings(null, availability, probes)['availability.failures']).toEqual([
      { subject: 'homepage-availability', message: '首页访问失败（超时）', url: `${host}/`, evidence: '2026-11-20T09:00:00Z，耗时 15000 ms' },
    ]);
  });

  it('gives no group for what was not measured (null), rather than an empty one', () => {
    const f = evaluatorFindings(null, null, [probe(false, '2026-11-20T09:00:00Z', 15000, 'timeout')]);
    expect(f).toEqual({});
  });
});
