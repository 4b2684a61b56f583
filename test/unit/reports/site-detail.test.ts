import { describe, expect, it } from 'vitest';

import type { Site } from '../../../reports/html-parts.js';
import type { ResultsColumn } from '../../../reports/results.js';
import { siteDetail } from '../../../reports/site-detail.js';
import { indicator } from './results-fixtures.js';

const SCRIPT = '<script>alert(1)</script>';
const SCRIPT_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const EVIL_NAME = '=HYPERLINK("http://evil","点我")';
const EVIL_NAME_ESCAPED = '=HYPERLINK(&quot;http://evil&quot;,&quot;点我&quot;)';

function column(name: string, o: Partial<ResultsColumn> = {}): ResultsColumn {
  return {
    name,
    url: 'https://jyj.example.gov.cn/gzdt/',
    kind: 'news',
    keyColumn: true,
    itemCount: 20,
    datedItems: 18,
    latest: '2026-11-20',
    windowDays: 14,
    stale: false,
    blank: false,
    ...o,
  };
}

const observations: Site['observations'] = {
  homepage: null,
  columns: [],
  excludedColumns: [],
  disclosure: null,
  mailbox: null,
  services: null,
  identity: null,
  accessibility: null,
  pageChecks: null,
  ipv6: null,
  textChecks: null,
  newMedia: null,
  links: null,
  reporting: null,
  availability: null,
  responsiveness: null,
};

function site(o: Partial<Site> = {}): Site {
  return {
    id: 'jyj',
    name: '某市教育局',
    group: '市直部门',
    url: 'https://jyj.example.gov.cn/',
    status: 'assessed',
    statusReason: null,
    statusLabel: null,
    retryable: null,
    score: 86.5,
    grade: '良好',
    passed: true,
    rank: 2,
    vetoes: [],
    suspectedVetoes: [],
    pendingReview: false,
    warnings: [],
    categories: [],
    base: 86.5,
    bonus: 0,
    scale: 1,
    notMeasured: [],
    indicators: [],
    observations,
    crawl: null,
    ...o,
  };
}

describe('siteDetail: the heading line', () => {
  it('gives score, grade and rank, and says nothing of bonus or scale when there is none', () => {
    const out = siteDetail(site(), 'evidence').value;
    expect(out).toContain(
      '<article id="site-jyj"><h3>某市教育局　<small><a href="https://jyj.example.gov.cn/" rel="noopener noreferrer">https://jyj.example.gov.cn/</a></small></h3>',
    );
    expect(out).toContain('<p>得分 <strong>86.5</strong>　等级 <span class="tag grade-good">良好</span>　组内名次 2</p>');
    expect(out).toContain('<p>未发现扣分或否决问题。</p>');
  });

  it('shows the bonus and the ×4/3 rescaling (rounded to 4 decimals by the engine)', () => {
    expect(siteDetail(site({ score: 90, bonus: 3.5, scale: 1.3333 }), 'evidence').value).toContain(
      '<p>得分 <strong>90</strong>　等级 <span class="tag grade-good">良好</span>　组内名次 2　（含加分 3.5）　（不适用的指标类别不计，按 ×1.3333 折算）</p>',
    );
  });

  it('shows a dash for no score or rank, and 待复核 instead of a rank while review is pending', () => {
    expect(siteDetail(site({ score: null, grade: null, rank: null }), 'evidence').value).toContain('<p>得分 <strong>—</strong>　等级 　组内名次 —</p>');
    expect(siteDetail(site({ pendingReview: true, rank: null, grade: '待复核' }), 'evidence').value).toContain('组内名次 待复核</p>');
  });
});

describe('siteDetail: problems, suspected vetoes and reviews', () => {
  const findings = [
    {
      key: 'jyj/P1/column://jyj.example.gov.cn/gzdt/',
      message: `栏目“工作动态${SCRIPT}”超过14天未更新`,
      url: 'https://jyj.example.gov.cn/gzdt/',
      evidence: '最新信息发布日期 2026-10-30',
      screenshot: 'jyj/gzdt.png',
    },
    { key: 'jyj/P1/link:javascript:alert(1)', message: EVIL_NAME, url: 'javascript:alert(1)', evidence: null },
  ];
  const s = site({
    indicators: [
      indicator('P1', '动态要闻更新', { score: 7, deduction: 8, status: 'deducted', findings }),
      indicator('V2', '首页不更新', {
        score: null,
        max: null,
        status: 'veto',
        findings: [{ key: 'jyj/V2/homepage-latest', message: '首页最新信息发布于 2026-10-01', url: null, evidence: null }],
      }),
      indicator('A1', '首页链接可用性', { status: 'warning', score: null, max: null }),
      indicator('D1', '适老化', { status: 'not-measured', score: null }),
      indicator('P3', '政策解读', { status: 'ok' }),
    ],
  });
  const out = siteDetail(s, 'evidence/run-1').value;

  it('lists deductions, vetoes and warnings with their points, not indicators kept or not measured', () => {
    expect(out).toContain('<li><span class="tag deducted">扣分</span> P1 动态要闻更新（7/15）<ul>');
    expect(out).toContain('<li><span class="tag veto">单项否决</span> V2 首页不更新<ul><li>首页最新信息发布于 2026-10-01</li></ul></li>');
    expect(out).toContain('<li><span class="tag warning">预警</span> A1 首页链接可用性<ul></ul></li>');
    expect(out).not.toContain('D1 适老化');
    expect(out).not.toContain('P3 政策解读');
    expect(out).not.toContain('未发现扣分或否决问题');
  });

  it('gives each finding its link, evidence and screenshot, escaping the message and never linking javascript:', () => {
    expect(out).toContain(
      `<li>栏目“工作动态${SCRIPT_ESCAPED}”超过14天未更新 — <a href="https://jyj.example.gov.cn/gzdt/" rel="noopener noreferrer">https://jyj.example.gov.cn/gzdt/</a><br><span class="evidence">最新信息发布日期 2026-10-30</span> <a class="shot" href="evidence/run-1/jyj/gzdt.png">[截图]</a></li>`,
    );
    expect(out).toContain(`<li>${EVIL_NAME_ESCAPED} — javascript:alert(1)</li>`);
    expect(out).not.toContain('<script');
    expect(out).not.toMatch(/href="javascript:/i);
  });

  it('names the suspected vetoes, with the indicator names, and says the outcome waits while review is pending', () => {
    const suspected = site({
      pendingReview: true,
      indicators: [indicator('V7', '办事服务', { status: 'suspected-veto', score: null, max: null }), indicator('V6', '互动回应', { status: 'ok' })],
      suspectedVetoes: [
        { indicator: 'V7', reason: '未找到办事服务入口', searched: { where: ['首页'], for: ['办事服务'] } },
        { indicator: 'V6', reason: '未找到咨询渠道', searched: { where: ['首页'], for: ['办事服务'] } },
      ],
    });
    const text = siteDetail(suspected, 'evidence').value;
    expect(text).toContain(
      '<p class="suspected"><span class="tag suspected-veto">疑似否决</span> 以下否决项依据“未找到”作出，可能是检测未能识别，须经人工复核确认或排除：V7 办事服务、V6 互动回应。复核前不评定等级、不参与排名，评估结果不能发布。</p>',
    );
    expect(text).toContain('<span class="tag suspected-veto">疑似否决（待复核）</span> V7 办事服务');
    expect(siteDetail({ ...suspected, pendingReview: false }, 'evidence').value).toContain('须经人工复核确认或排除：V7 办事服务、V6 互动回应。</p>');
  });

  it('shows each reviewer decision: the points, or 判定否决, with what the measurement gave, the reason (escaped), reviewer and minute', () => {
    const reviewed = site({
      indicators: [
        indicator('P2', '通知公告更新', {
          override: { by: '张三', at: '2026-11-25T09:30:12.000Z', reason: `两处链接已恢复${SCRIPT}`, was: { score: 10, status: 'deducted' } },
        }),
        indicator('V6', '互动回应', {
          status: 'veto',
          score: null,
          max: null,
          override: { by: '李四', at: '2026-11-26T14:05:00.000Z', reason: '信箱长期无人回复', was: { score: null, status: 'suspected-veto' } },
        }),
      ],
    });
    const text = siteDetail(reviewed, 'evidence').value;
    expect(text).toContain(
      `<li><span class="tag override">人工复核</span> P2 通知公告更新：15/15（原测量结果：10）<br><span class="evidence">理由：两处链接已恢复${SCRIPT_ESCAPED}；复核人：张三；时间：2026-11-25 09:30</span></li>`,
    );
    expect(text).toContain('<li><span class="tag override">人工复核</span> V6 互动回应：判定否决（原测量结果：疑似否决（待复核））');
  });
});

describe('siteDetail: columns and accessibility', () => {
  it('tabulates the columns: stale in bold, blank, no date as a dash; names escaped and javascript: not linked', () => {
    const out = siteDetail(
      site({
        observations: {
          ...observations,
          columns: [
            column(`工作动态${SCRIPT}`, { stale: true, latest: '2026-10-30' }),
            column('通知公告', { url: 'javascript:alert(2)', kind: 'notice', blank: true, itemCount: 0, datedItems: 0, latest: null }),
          ],
        },
      }),
      'evidence',
    ).value;
    expect(out).toContain('<summary>栏目更新情况（2 个栏目）</summary>');
    expect(out).toContain(
      `<tr><td><a href="https://jyj.example.gov.cn/gzdt/" rel="noopener noreferrer">工作动态${SCRIPT_ESCAPED}</a></td><td>news</td><td>20</td><td>18</td><td>2026-10-30</td><td><b>未更新</b></td></tr>`,
    );
    expect(out).toContain('<tr><td>通知公告</td><td>notice</td><td>0</td><td>0</td><td>—</td><td>空白</td></tr>');
  });

  it('leaves out the accessibility section when nothing was scanned (null)', () => {
    expect(siteDetail(site(), 'evidence').value).not.toContain('无障碍检测');
  });

  it('summarises the axe scan and the Lighthouse scores, a missing score as a dash', () => {
    const out = siteDetail(
      site({
        observations: {
          ...observations,
          accessibility: {
            pagesScanned: 4,
            pagesUnfinished: 1,
            unfinishedUrls: ['https://jyj.example.gov.cn/slow.html'],
            seriousRules: 1,
            failingRules: 1,
            failedCriteria: 1,
            seriousRulesAnyLevel: 1,
            failingRulesAnyLevel: 1,
            wcag22Rules: 0,
            wcagAAACriteria: 0,
            bestPracticeRules: 0,
            violations: [
              {
                rule: 'image-alt',
                impact: 'critical',
                pages: 2,
                nodes: 7,
                wcag: ['1.1.1'],
                level: 'A',
                wcag21AA: true,
                help: `图片须有替代文本${SCRIPT}`,
                urls: ['https://jyj.example.gov.cn/'],
                examples: [],
              },
            ],
            lighthouse: [
              { url: 'https://jyj.example.gov.cn/', ms: 9000, scores: { accessibility: 88, performance: null, bestPractices: 92, seo: 100 }, error: null },
            ],
          },
        },
      }),
      'evidence',
    ).value;
    expect(out).toContain(
      '<summary>无障碍检测（axe-core 全部规则，4 个页面，1 条规则未通过；另有 1 个页面检测超时，未计入；其中 WCAG 2.0/2.1 A/AA级 1 条，涉及 1 条成功准则）</summary>',
    );
    expect(out).toContain(`<tr><td>图片须有替代文本${SCRIPT_ESCAPED}（image-alt）</td><td>critical</td><td>1.1.1</td><td>A</td><td>2</td><td>7</td>`);
    expect(out).toContain('<th>Lighthouse 页面</th><th>无障碍</th><th>性能</th><th>最佳实践</th><th>搜索引擎优化</th>');
    expect(out).toContain('</a></td><td>88</td><td>—</td><td>92</td><td>100</td></tr>');
  });
});

describe("siteDetail: the assist mode's 适老化 items", () => {
  it('tabulates each item with its result and what was seen (escaped), and counts the items met', () => {
    const item = (status: 'holds' | 'fails' | 'absent' | 'offered', evidence: string) => ({ status, control: null, evidence });
    const assist = {
      enlarge: { ...item('fails', '按“放大”10次后文字为原来的 1.2 倍'), factor: 1.2 },
      contrast: item('holds', '按下“高对比度”后页面颜色或滤镜改变'),
      cursor: item('absent', '未找到相应按钮'),
      readAloud: item('offered', `提供“${SCRIPT}”`),
      noPopups: item('holds', '未发现弹窗或浮动广告'),
    };
    const identity = { assist } as unknown as NonNullable<Site['observations']['identity']>;
    const out = siteDetail(site({ observations: { ...observations, identity } }), 'evidence').value;
    expect(out).toContain('无障碍/长者模式适老化检测（5 项中 2 项符合）');
    expect(out).toContain('<tr><td>文字放大</td><td>不起作用</td><td>按“放大”10次后文字为原来的 1.2 倍</td></tr>');
    expect(out).toContain('<tr><td>特大鼠标</td><td>未提供</td>');
    expect(out).toContain(`<tr><td>语音阅读</td><td>已提供（效果需人工确认）</td><td>提供“${SCRIPT_ESCAPED}”</td></tr>`);
    expect(out).not.toContain(SCRIPT);
  });

  it('leaves the section out when the mode was not checked', () => {
    expect(siteDetail(site(), 'evidence').value).not.toContain('适老化检测');
  });
});

describe('siteDetail: the browser checks', () => {
  it('tabulates the failing A/AA checks with criterion, level, pages, elements and an example; advisories and clean sites apart', () => {
    const failure = (check: 'reflow' | 'new-window', o: object) => ({
      check,
      wcag: ['1.4.10'],
      level: 'AA' as const,
      advisory: false,
      zh: '320像素宽度下页面需要横向滚动',
      pages: 3,
      elements: 3,
      urls: ['https://qxx.example.gov.cn/'],
      examples: [{ url: 'https://qxx.example.gov.cn/', selector: 'body', html: '<body>', detail: `文档宽 1000 像素${SCRIPT}` }],
      ...o,
    });
    const pageChecks = {
      pagesChecked: 6,
      pagesPartlyChecked: 1,
      pagesNotChecked: 0,
      notChecked: [{ url: 'https://qxx.example.gov.cn/slow.html', area: 'keyboard' as const, reason: 'time' }],
      failures: [failure('reflow', {}), failure('new-window', { advisory: true, wcag: ['3.2.5'], level: 'AAA', zh: '新窗口未提示' })],
      failingChecks: 1,
      failingCriteria: 1,
      pagesWithFailures: 3,
      msPerPage: 130,
    };
    const out = siteDetail(site({ observations: { ...observations, pageChecks } }), 'evidence').value;
    expect(out).toContain('键盘、焦点、重排等浏览器检查（6 个页面，1 项未通过；1 个页面部分检查未能完成）');
    expect(out).toContain('<td>320像素宽度下页面需要横向滚动（reflow）</td><td>1.4.10</td><td>AA</td><td>3</td><td>3</td>');
    expect(out).toContain(`<code>body</code><br><span class="evidence">文档宽 1000 像素${SCRIPT_ESCAPED}</span>`);
    expect(out).not.toContain('新窗口未提示');
    expect(out).toContain('（keyboard：time）');
    expect(siteDetail(site(), 'evidence').value).not.toContain('浏览器检查');
  });
});
