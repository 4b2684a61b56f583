import { describe, expect, it } from 'vitest';

import { evaluateAccessibility } from '../../../evaluators/accessibility.js';
import { unfinishedScan } from '../../../evaluators/collect/axe.js';
import type { ColumnObservation } from '../../../evaluators/collect/observations.js';
import { measurementsFrom } from '../../../evaluators/site-measurements.js';
import { evaluateUpdateFrequency } from '../../../evaluators/update-frequency.js';
import { type Finding, scoreSite } from '../../../indicators/engine.js';
import { loadIndicatorSet } from '../../../indicators/load.js';
import { escapeHtml, Html, html, raw } from '../../../reports/html.js';
import { renderReport } from '../../../reports/html-report.js';
import { type AssessmentInfo, buildResults, type SiteInput } from '../../../reports/results.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const SCRIPT_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const IMG_ESCAPED = '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;';

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
  });

  it('escapes an existing entity again rather than trusting it', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });

  it('leaves Chinese and plain text alone', () => {
    expect(escapeHtml('某市教育局 2026-11-21')).toBe('某市教育局 2026-11-21');
  });
});

describe('html template', () => {
  it('escapes interpolated strings', () => {
    expect(html`<p>${SCRIPT}</p>`.value).toBe(`<p>${SCRIPT_ESCAPED}</p>`);
    expect(html`<a title="${IMG}">x</a>`.value).toBe(`<a title="${IMG_ESCAPED}">x</a>`);
  });

  it('does not escape nested Html twice', () => {
    const inner = html`<b>${'a&b'}</b>`;
    expect(html`<p>${inner}</p>`.toString()).toBe('<p><b>a&amp;b</b></p>');
  });

  it('joins arrays and escapes each element', () => {
    expect(html`<ul>${['<x>', html`<li>y</li>`, 3]}</ul>`.value).toBe('<ul>&lt;x&gt;<li>y</li>3</ul>');
  });

  it('renders null, undefined and false as nothing but keeps 0 and true', () => {
    expect(html`[${null}|${undefined}|${false}|${0}|${true}]`.value).toBe('[|||0|true]');
  });

  it('passes raw markup through', () => {
    const r = raw('<b>未更新</b>');
    expect(r).toBeInstanceOf(Html);
    expect(html`<td>${r}</td>`.value).toBe('<td><b>未更新</b></td>');
  });
});

const preset = loadIndicatorSet('national-2019');
const asOf = '2026-11-21';

const assessment: AssessmentInfo = {
  runId: 'run-1',
  name: `2026年度评估${SCRIPT}`,
  asOf,
  indicatorSet: { id: preset.id, version: preset.version, sha256: preset.sha256, title: preset.title.zh },
  crawl: { userAgent: `govscore-test ${SCRIPT}`, robots: 'respect' },
  evidenceDir: 'evidence/run-1',
  generatedAt: '2026-11-21T08:00:00Z',
};

function column(name: string, url: string, dates: Array<string | null>): ColumnObservation {
  return {
    url,
    name,
    nameSource: 'link',
    columnNameMeta: null,
    pages: [url],
    items: dates.map((date, i) => ({ title: `条目${i}`, url: `${url}${i}.html`, date, dateSource: date ? 'list' : null })),
    blank: dates.length === 0,
    placeholder: null,
    truncated: false,
    screenshot: null,
    fragment: null,
  };
}

/** One assessed site whose name, findings and column names are hostile, one unreachable one. */
function hostileResults() {
  const update = evaluateUpdateFrequency(
    {
      homepage: null,
      columns: [column(`工作动态${SCRIPT}`, 'https://evil.example.gov.cn/gzdt/', ['2026-11-20']), column(`通知公告${IMG}`, 'javascript:alert(2)', [null])],
    },
    asOf,
  );
  const findings: Record<string, Finding[]> = {
    'updateFrequency.staleKeyColumns': [
      { message: `栏目“${SCRIPT}”未更新`, url: 'javascript:alert(1)', evidence: IMG },
      { message: '栏目“通知公告”未更新', url: 'https://evil.example.gov.cn/tzgg/?a=1&b="x"', evidence: null },
      { message: '大小写混写的脚本地址', url: 'JaVaScRiPt:alert(3)', evidence: null },
    ],
  };
  const score = scoreSite(
    preset,
    measurementsFrom({
      updateFrequency: { staleKeyColumns: 5, staleOtherColumns: 0, blank: 0, newsItemsInWindow: 20, homepage: { ageDays: 1 } },
      availability: { failureRatio: 0 },
    }),
    findings,
  );
  const sites: SiteInput[] = [
    {
      id: 'evil"><script>x</script>',
      name: `某市${SCRIPT}局`,
      group: `市直部门${IMG}`,
      url: 'https://evil.example.gov.cn/',
      status: 'assessed',
      statusReason: null,
      score,
      update,
      availability: { probes: 3, failures: 0, failureRatio: 0, failureKinds: {}, monitored: 0 },
      links: {
        checked: 1,
        broken: [{ url: 'javascript:alert(5)', status: 404, result: 'http-4xx', foundOn: [`https://evil.example.gov.cn/${SCRIPT}`], onHomepage: true }],
        brokenOnHomepage: 1,
        brokenElsewhere: 0,
        blocked: 1,
        rateLimited: 2,
      },
      crawl: { pages: 10, robots: 'respected', budget: null },
      accessibility: evaluateAccessibility(
        [
          { url: 'https://evil.example.gov.cn/', ms: 900, violations: [] },
          unfinishedScan('javascript:alert(6)', 25_000),
          unfinishedScan(`https://evil.example.gov.cn/${SCRIPT}`, 25_000),
        ],
        [],
      ),
    },
    {
      id: 'down',
      name: `无法访问${IMG}`,
      group: `市直部门${IMG}`,
      url: 'javascript:alert(4)',
      status: 'unreachable',
      statusReason: `连接被拒绝${SCRIPT}`,
      score: null,
      update: null,
      links: null,
      availability: null,
      crawl: null,
    },
  ];
  return buildResults(
    assessment,
    sites,
    new Map([
      [sites[0]!.id, 1],
      ['down', null],
    ]),
  );
}

describe('renderReport', () => {
  const results = hostileResults();
  const report = renderReport(results);

  it('is a complete HTML document', () => {
    expect(report.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
    expect(report.endsWith('</body></html>')).toBe(true);
  });

  it('never lets an interpolated <script> or <img> through', () => {
    expect(report).not.toContain('<script');
    expect(report).not.toContain('<img');
    expect(report).not.toMatch(/onerror=alert\(1\)>/);
  });

  it('escapes the site name, group, assessment name, status reason and findings', () => {
    expect(report).toContain(`某市${SCRIPT_ESCAPED}局`);
    expect(report).toContain(`排名：市直部门${IMG_ESCAPED}`);
    expect(report).toContain(`<title>2026年度评估${SCRIPT_ESCAPED}</title>`);
    expect(report).toContain(`<h1>2026年度评估${SCRIPT_ESCAPED}</h1>`);
    expect(report).toContain(`连接被拒绝${SCRIPT_ESCAPED}`);
    expect(report).toContain(`无法访问${IMG_ESCAPED}`);
    expect(report).toContain(`栏目“${SCRIPT_ESCAPED}”未更新`);
    expect(report).toContain(`<span class="evidence">${IMG_ESCAPED}</span>`);
  });

  it('escapes column names in the column table', () => {
    expect(report).toContain(`工作动态${SCRIPT_ESCAPED}`);
    expect(report).toContain(`通知公告${IMG_ESCAPED}`);
  });

  it('escapes the site id inside attributes', () => {
    expect(report).toContain('id="site-evil&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(report).toContain('href="#site-evil&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('does not turn javascript: URLs into links, whatever their case', () => {
    expect(report).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    // They are still shown, as text.
    expect(report).toContain(' — javascript:alert(1)<br><span class="evidence">');
    expect(report).toContain(' — JaVaScRiPt:alert(3)</li>');
    expect(report).toContain('<td>javascript:alert(4)</td>');
  });

  it('links http(s) URLs, escaping them inside the attribute', () => {
    expect(report).toContain(
      '<a href="https://evil.example.gov.cn/tzgg/?a=1&amp;b=&quot;x&quot;" rel="noopener noreferrer">https://evil.example.gov.cn/tzgg/?a=1&amp;b=&quot;x&quot;</a>',
    );
    expect(report).toContain('<a href="https://evil.example.gov.cn/" rel="noopener noreferrer">https://evil.example.gov.cn/</a>');
  });

  it('names the pages whose accessibility scan did not finish, escaped and without javascript: links', () => {
    expect(report).toContain('1 个页面，0 条规则未通过；另有 2 个页面检测超时，未计入');
    expect(report).toContain(`https://evil.example.gov.cn/${SCRIPT_ESCAPED}`);
    expect(report).not.toMatch(/href="javascript:alert\(6\)/i);
    expect(results.sites[0]!.observations.accessibility).toMatchObject({ pagesScanned: 1, pagesUnfinished: 2 });
  });

  it('reports the veto, the counts and the unassessed site', () => {
    expect(report).toContain('共 2 个网站，完成评估 1 个，合格 0 个（合格率 0%），未能评估 1 个。');
    expect(report).toContain('<span class="tag veto">单项否决</span> V3 栏目不更新');
    expect(report).toContain('栏目不更新：5个');
    expect(report).toContain('<td>无法访问</td>');
    expect(report).toContain('未能评估的网站不参与排名');
  });

  it('takes its time of writing from the results, not the clock, so the same results give the same report', () => {
    expect(report).toContain(`<footer><p>生成时间：2026-11-21T08:00:00Z　指标体系 sha256：${preset.sha256}</p></footer>`);
  });
});

describe('renderReport of a sampled run', () => {
  const sample = { seed: `2026-Q4${SCRIPT}`, size: 20, population: 300, siteIds: ['a', 'b'] };
  const sampled = { ...hostileResults(), assessment: { ...assessment, sample } };
  const line = `抽样：从 300 个网站中按随机种子“2026-Q4${SCRIPT_ESCAPED}”抽取 20 个（可复现：同一站点文件与种子得到同一样本）。`;

  it('states the sample, seed escaped, with or without the indicator set', () => {
    for (const report of [renderReport(sampled), renderReport(sampled, { set: preset })]) {
      expect(report).toContain(line);
      expect(report).not.toContain('<script');
    }
    expect(renderReport(sampled, { set: preset })).toMatch(/<section class="method"><h2>评估方法<\/h2>\n<p>指标体系：[^\n]*\n<p class="sample">抽样：/);
  });

  it('says nothing of sampling when the whole sites file was assessed', () => {
    for (const report of [renderReport(hostileResults()), renderReport(hostileResults(), { set: preset })]) expect(report).not.toContain('抽样');
  });

  it('records the sample in results.json', () => {
    expect(JSON.parse(JSON.stringify(buildResults({ ...assessment, sample }, [], new Map()))).assessment.sample).toEqual(sample);
    expect(JSON.parse(JSON.stringify(hostileResults())).assessment).not.toHaveProperty('sample');
  });
});

describe('buildResults', () => {
  it('keeps unassessed sites unscored and unranked, and assessed sites with their score', () => {
    const results = hostileResults();
    expect(results.sites.map((s) => [s.status, s.score, s.grade, s.passed, s.rank])).toEqual([
      ['assessed', 100, '不合格', false, 1],
      ['unreachable', null, null, false, null],
    ]);
    expect(results.sites[0]!.observations.columns.map((c) => [c.kind, c.stale])).toEqual([
      ['news', false],
      ['notice', true],
    ]);
  });

  it('states the links that could not be checked: answered by a firewall, or on a host that asked for a longer pause', () => {
    expect(hostileResults().sites[0]!.observations.links).toMatchObject({ checked: 1, blocked: 1, rateLimited: 2 });
  });
});
