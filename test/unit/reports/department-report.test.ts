import { describe, expect, it } from 'vitest';

import { departmentReportBody, indicatorEvidence, renderDepartmentReport } from '../../../reports/department-report.js';
import { html } from '../../../reports/html.js';
import type { Site } from '../../../reports/html-parts.js';
import type { AssessmentInfo, Results } from '../../../reports/results.js';
import { indicator } from './results-fixtures.js';

const SCRIPT = '<script>alert(1)</script>';
const SCRIPT_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const EVIL_NAME = '=HYPERLINK("http://evil","点我")';
const EVIL_NAME_ESCAPED = '=HYPERLINK(&quot;http://evil&quot;,&quot;点我&quot;)';

const assessment: AssessmentInfo = {
  runId: '20261121-1a2b3c4d',
  name: '2026年度某市政府网站绩效评估',
  asOf: '2026-11-21',
  indicatorSet: { id: 'national-2019', version: '2019.2', sha256: 'ab'.repeat(32), title: '政府网站检查指标' },
  crawl: { userAgent: 'govscore', robots: 'respect' },
  evidenceDir: 'evidence',
  generatedAt: '2026-11-21T10:00:00.000Z',
};

function site(id: string, name: string, group: string, o: Partial<Site> = {}): Site {
  return {
    id,
    name,
    group,
    url: `https://${id}.example.gov.cn/`,
    status: 'assessed',
    statusReason: null,
    statusLabel: null,
    retryable: null,
    score: 80,
    grade: '合格',
    passed: true,
    rank: 1,
    vetoes: [],
    suspectedVetoes: [],
    pendingReview: false,
    warnings: [],
    categories: [],
    base: 80,
    bonus: 0,
    scale: 1,
    notMeasured: [],
    indicators: [],
    observations: {} as Site['observations'],
    crawl: null,
    ...o,
  };
}

/** The department's site: a deduction with evidence and advice, a veto, a warning, a review, one not measured, one not applicable. */
const jyj = site('jyj', `某市教育局${SCRIPT}`, '市直部门', {
  score: 45.5,
  grade: '不合格',
  passed: false,
  rank: 3,
  bonus: 2,
  scale: 1.3333,
  vetoes: [{ indicator: 'V2', reason: '首页不更新：40天' }],
  warnings: [{ indicator: 'A1', reason: `首页链接可用性：${EVIL_NAME}` }],
  categories: [
    { id: 'publishing', name: '发布解读', budget: 30, mode: 'deduction', score: 22, deducted: 8, applicable: true },
    { id: 'services', name: '办事服务', budget: 25, mode: 'deduction', score: null, deducted: 0, applicable: false },
  ],
  indicators: [
    indicator('P1', '动态要闻更新', {
      score: 7,
      deduction: 8,
      value: 1 / 3,
      status: 'deducted',
      advice: '每两周至少更新一次动态要闻。',
      findings: [
        {
          key: 'jyj/P1/column://jyj.example.gov.cn/gzdt/',
          message: `栏目“工作动态${SCRIPT}”超过14天未更新`,
          url: 'https://jyj.example.gov.cn/gzdt/',
          evidence: EVIL_NAME,
          screenshot: 'jyj/"gzdt".png',
        },
        { key: 'jyj/P1/link:javascript:alert(1)', message: '链接不可用', url: 'javascript:alert(1)', evidence: null },
      ],
    }),
    indicator('V2', '首页不更新', { score: null, max: null, value: 40, status: 'veto' }),
    indicator('A1', '首页链接可用性', { score: null, max: null, value: 3, status: 'warning' }),
    indicator('P2', '通知公告更新', {
      value: 2,
      override: { by: '张三', at: '2026-11-25T09:30:12.000Z', reason: `维护后已恢复${SCRIPT}`, was: { score: 10, status: 'deducted' } },
    }),
    indicator('D1', '适老化', { score: null, value: null, status: 'not-measured', reason: '待人工评分' }),
    indicator('D2', '移动端', { score: null, value: null, status: 'not-measured' }),
    indicator('S1', '办事指南', { score: null, max: null, value: null, status: 'not-applicable' }),
    indicator('B1', '信息报送加分', { score: 1.5, max: null, value: 3, status: 'earned' }),
    indicator('D8', '栏目更新量', { value: null, lowerBound: 12, reason: '已读取的页面中至少 12 条，已可判定' }),
  ],
});

/** Peers: 3 assessed sites in 市直部门 (jyj among them); one unreachable and one in another group do not count. */
const results: Results = {
  assessment,
  sites: [
    jyj,
    site('wjw', '某市卫生健康委员会', '市直部门', { score: 91.37 }),
    site('fgw', '某市发展和改革委员会', '市直部门', { score: 72 }),
    site('tjj', '某市统计局', '市直部门', { status: 'unreachable', score: null, statusReason: 'dns ENOTFOUND', statusLabel: '域名无法解析' }),
    site('xq', '某县人民政府', '县区政府', { score: 88.64 }),
  ],
};

describe('renderDepartmentReport', () => {
  const page = renderDepartmentReport(results, jyj, '../evidence');

  it('is a page titled after the department, escaped', () => {
    expect(page.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
    expect(page).toContain(`<title>某市教育局${SCRIPT_ESCAPED} 网站评估报告</title>`);
    expect(page).toContain(`<h1>某市教育局${SCRIPT_ESCAPED} 网站评估报告</h1>`);
    expect(page).not.toContain('<script');
  });

  it('states the assessment, the set and the run', () => {
    expect(page).toContain('<p class="meta">2026年度某市政府网站绩效评估　评估日期：2026-11-21　指标体系：政府网站检查指标（v2019.2）</p>');
    expect(page).toContain(`<footer><p>生成时间：2026-11-21T10:00:00.000Z　运行编号：20261121-1a2b3c4d　指标体系 sha256：${'ab'.repeat(32)}</p></footer>`);
  });

  it('gives the score with bonus and scale, the grade, the rank out of the assessed sites of its group (3rd of 3), and the outcome', () => {
    expect(page).toContain(
      '<td><strong>45.5</strong>（含加分 2）（不适用类别不计，按 ×1.3333 折算）</td><th>等级</th><td><span class="tag grade-fail">不合格</span></td>',
    );
    expect(page).toContain('<tr><th>组内名次</th><td>3 / 3（市直部门）</td><th>是否合格</th><td>不合格</td></tr>');
  });

  it('shows nothing of the other sites but their number', () => {
    for (const other of ['某市卫生健康委员会', '某市发展和改革委员会', '某市统计局', '某县人民政府', '91.37', '88.64']) expect(page).not.toContain(other);
  });

  it('states the vetoes and the warnings, escaped', () => {
    expect(page).toContain('<p class="alarm">单项否决：首页不更新：40天</p>');
    expect(page).toContain(`<p class="warn">预警（尚未否决，请尽快整改）：首页链接可用性：${EVIL_NAME_ESCAPED}</p>`);
  });

  it('tabulates the categories, one not applicable', () => {
    expect(page).toContain('<tr><td>发布解读</td><td>22</td><td>30</td></tr><tr><td>办事服务</td><td>不适用</td><td>25</td></tr>');
  });

  it('gives each problem its points, evidence, screenshot and 整改建议', () => {
    expect(page).toContain('<article class="problem"><h3><span class="tag deducted">扣分</span> P1 动态要闻更新（7 / 15）</h3>');
    expect(page).toContain(
      `<li>栏目“工作动态${SCRIPT_ESCAPED}”超过14天未更新<br>网址：<a href="https://jyj.example.gov.cn/gzdt/" rel="noopener noreferrer">https://jyj.example.gov.cn/gzdt/</a><br><span class="evidence">证据：${EVIL_NAME_ESCAPED}</span><br><img class="shot" alt="动态要闻更新 证据截图" src="../evidence/jyj/&quot;gzdt&quot;.png"></li>`,
    );
    expect(page).toContain('<li>链接不可用<br>网址：javascript:alert(1)</li>');
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).toContain('<p class="advice">整改建议：每两周至少更新一次动态要闻。</p>');
    expect(page).toContain('<h3><span class="tag veto">单项否决</span> V2 首页不更新（否决）</h3>');
    expect(page).toContain('<h3><span class="tag warning">预警</span> A1 首页链接可用性（预警）</h3>');
  });

  it('lists reviewer decisions with what the measurement gave', () => {
    expect(page).toContain(
      `<section><h2>人工复核</h2><ul><li>P2 通知公告更新：15 / 15（原测量结果：10）；理由：维护后已恢复${SCRIPT_ESCAPED}；复核人：张三；时间：2026-11-25 09:30</li></ul></section>`,
    );
  });

  it('lists what awaits a reviewer or could not be measured, with the reason', () => {
    expect(page).toContain('<section><h2>待人工评分或未能测量</h2><p>D1 适老化（待人工评分）；D2 移动端（未能测量）</p></section>');
  });

  it('lists every indicator: the measured value to 3 decimals (1/3 → 0.333), null as a dash, and the points', () => {
    expect(page).toContain('<tr><td>P1</td><td>动态要闻更新</td><td>0.333</td><td>7 / 15</td><td>扣分</td></tr>');
    expect(page).toContain('<tr><td>V2</td><td>首页不更新</td><td>40</td><td>否决</td><td>单项否决</td></tr>');
    expect(page).toContain('<tr><td>P2</td><td>通知公告更新</td><td>2</td><td>15 / 15</td><td>达标（人工复核）</td></tr>');
    expect(page).toContain('<tr><td>D1</td><td>适老化</td><td>—</td><td>未能测量</td><td>未能测量</td></tr>');
    expect(page).toContain('<tr><td>S1</td><td>办事指南</td><td>—</td><td>不适用</td><td>不适用</td></tr>');
    // Earned points without a maximum: the points alone.
    expect(page).toContain('<tr><td>B1</td><td>信息报送加分</td><td>3</td><td>1.5</td><td>得分</td></tr>');
    // A count known only from below (a page unread) that already settles the rule shows as at least.
    expect(page).toContain('<tr><td>D8</td><td>栏目更新量</td><td>≥ 12</td><td>15 / 15</td>');
  });
});

describe('departmentReportBody: other outcomes', () => {
  it('says 待复核 instead of a rank while a suspected veto awaits review, and explains the suspected veto', () => {
    const pending = site('rsj', '某市人力资源和社会保障局', '市直部门', {
      pendingReview: true,
      passed: false,
      rank: null,
      grade: '待复核',
      suspectedVetoes: [{ indicator: 'V7', reason: '未找到办事服务入口', searched: { where: ['首页'], for: ['办事服务'] } }],
      indicators: [indicator('V7', '办事服务', { status: 'suspected-veto', score: null, max: null, value: 1 })],
    });
    const out = departmentReportBody(results, pending, 'evidence').value;
    expect(out).toContain('<tr><th>组内名次</th><td>待复核（市直部门）</td><th>是否合格</th><td>待复核</td></tr>');
    expect(out).toContain('<p class="suspected">疑似否决（待人工复核）：未找到办事服务入口。以上判断依据“未找到”作出');
    expect(out).toContain('<span class="tag suspected-veto">疑似否决（待复核）</span> V7 办事服务（疑似否决，待复核）');
  });

  it('says there is no problem, and leaves out the review and pending sections, for a clean site', () => {
    const clean = site('wjw', '某市卫生健康委员会', '市直部门', { indicators: [indicator('P1', '动态要闻更新')] });
    const out = departmentReportBody(results, clean, 'evidence').value;
    expect(out).toContain('<p>未发现扣分、否决或预警问题。</p>');
    expect(out).toContain('<td>1 / 3（市直部门）</td><th>是否合格</th><td>合格</td>');
    for (const absent of ['人工复核', '待人工评分或未能测量', 'class="alarm"', 'class="warn"', 'class="suspected"']) expect(out).not.toContain(absent);
  });

  it('for a site not assessed gives the reason and how to ask for a new check, no score and no indicator table', () => {
    const down = results.sites.find((s) => s.id === 'tjj')!;
    const out = departmentReportBody(results, down, 'evidence').value;
    expect(out).toContain('<p>本次未能完成评估：域名无法解析（dns ENOTFOUND）。未能评估的网站不参与排名，请核实网站可访问后申请复测。</p>');
    expect(out).not.toContain('全部指标');
    expect(out).not.toContain('组内名次');
  });

  it('wraps each table with the given function, naming it', () => {
    const names: string[] = [];
    const out = departmentReportBody(results, jyj, 'evidence', {
      table: (t, name) => {
        names.push(name);
        return html`<div class="scroll">${t}</div>`;
      },
    }).value;
    expect(names).toEqual(['得分与名次', '类别得分', '全部指标']);
    expect(out).toContain('<div class="scroll"><table class="summary">');
  });
});

describe('indicatorEvidence', () => {
  it('gives a finding without URL, evidence or screenshot as its message alone', () => {
    expect(
      indicatorEvidence(indicator('X', 'x', { findings: [{ key: 'jyj/X/search', message: '未提供站内搜索', url: null, evidence: null }] }), 'e').value,
    ).toBe('<ul><li>未提供站内搜索</li></ul>');
  });
});
