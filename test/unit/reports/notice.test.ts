import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../../../common/config-errors.js';
import type { CategoryScore, IndicatorStatus } from '../../../indicators/engine.js';
import { noticeView, renderNotice } from '../../../reports/notice.js';
import type { AssessmentInfo, Results, ResultsIndicator, ResultsSite } from '../../../reports/results.js';

const SCRIPT = '<script>alert(1)</script>';
const EVIL_NAME = '=HYPERLINK("http://evil","点我")';

const assessment: AssessmentInfo = {
  runId: '20261121-1a2b3c4d',
  name: '2026年度某市政府网站检查',
  asOf: '2026-11-21',
  indicatorSet: { id: 'national-2019', version: '2019.2', sha256: 'ab'.repeat(32), title: '政府网站检查指标' },
  crawl: { userAgent: 'govscore', robots: 'respect' },
  evidenceDir: 'evidence',
  // 18:00 in Beijing.
  generatedAt: '2026-11-25T10:00:00.000Z',
};

const category = (id: string, name: string, budget: number, score: number | null, mode: CategoryScore['mode'] = 'deduction'): CategoryScore => ({
  id,
  name,
  budget,
  mode,
  score,
  deducted: score === null ? 0 : budget - score,
  applicable: score !== null,
});

const indicator = (name: string, status: IndicatorStatus): ResultsIndicator => ({
  id: name,
  name,
  category: 'x',
  score: null,
  max: null,
  deduction: 0,
  value: null,
  lowerBound: null,
  status,
  reason: null,
  override: null,
  absence: null,
  advice: null,
  findings: [],
});

type SiteChange = Partial<
  Pick<ResultsSite, 'status' | 'statusLabel' | 'statusReason' | 'score' | 'grade' | 'passed' | 'pendingReview' | 'vetoes' | 'suspectedVetoes'>
>;

function site(name: string, categories: CategoryScore[], problems: Array<[string, IndicatorStatus]>, o: SiteChange = {}): ResultsSite {
  return {
    id: name,
    name,
    group: '市直部门',
    url: 'https://www.example.gov.cn/',
    status: 'assessed',
    statusReason: null,
    statusLabel: null,
    retryable: null,
    score: null,
    grade: null,
    passed: false,
    rank: null,
    vetoes: [],
    suspectedVetoes: [],
    pendingReview: false,
    warnings: [],
    categories,
    base: null,
    bonus: null,
    scale: null,
    notMeasured: [],
    indicators: problems.map(([n, s]) => indicator(n, s)),
    observations: {} as ResultsSite['observations'],
    crawl: null,
    ...o,
  };
}

const cats = (availability: number, publishing: number, services?: number | null) => [
  category('availability', '可用性', 10, availability),
  category('publishing', '发布解读', 30, publishing),
  ...(services === undefined ? [] : [category('services', '办事服务', 25, services)]),
  category('bonus', '加分', 30, 0, 'bonus'),
];

/**
 * Five assessed sites and one unreachable:
 * - 教育局 92.5 良好, 卫健委 88 良好, 统计局 75 合格 (passed);
 * - 发改委 45.5, vetoed (fails); 人社局 85, a suspected veto (pending review);
 * - 统计中心: unreachable.
 */
function fixture(): Results {
  return {
    assessment,
    sites: [
      site(
        '某市统计局',
        cats(10, 15, null),
        [
          ['动态要闻更新', 'deducted'],
          ['站内搜索', 'deducted'],
          ['首页链接', 'warning'],
        ],
        { score: 75, grade: '合格', passed: true },
      ),
      site('某市教育局', cats(10, 27, 20), [['动态要闻更新', 'deducted']], { score: 92.5, grade: '良好', passed: true }),
      site(
        '某市发展和改革委员会',
        cats(5, 6),
        [
          ['首页不更新', 'veto'],
          ['动态要闻更新', 'deducted'],
          ['无障碍设计', 'deducted'],
        ],
        { score: 45.5, grade: '不合格', vetoes: [{ indicator: 'V2', reason: '首页不更新：40天' }] },
      ),
      site(
        '某市人力资源和社会保障局',
        cats(10, 30),
        [
          ['办事服务', 'suspected-veto'],
          ['站内搜索', 'deducted'],
          ['栏目更新', 'deducted'],
        ],
        {
          score: 85,
          grade: '待复核',
          pendingReview: true,
          suspectedVetoes: [{ indicator: 'V7', reason: '未找到办事服务入口', searched: { where: ['首页'], for: ['办事服务'] } }],
        },
      ),
      site(
        '某市卫生健康委员会',
        cats(8, 24, 25),
        [
          ['动态要闻更新', 'deducted'],
          ['站内搜索', 'deducted'],
        ],
        { score: 88, grade: '良好', passed: true },
      ),
      site('某市统计中心', [], [], { status: 'unreachable', statusReason: 'dns ENOTFOUND', statusLabel: '域名无法解析' }),
    ],
  };
}

describe('noticeView: the figures', () => {
  const v = noticeView(fixture());

  it('counts sites, assessed, passed (3 of 5 = 60%) and the average of the assessed: (92.5 + 88 + 75 + 45.5 + 85) / 5 = 77.2', () => {
    expect(v).toMatchObject({ siteCount: 6, assessedCount: 5, passedCount: 3, passRate: 60, average: 77.2, notAssessedCount: 1 });
  });

  it('averages each scored category over the sites it applies to, the bonus left out', () => {
    // 可用性 (10 + 10 + 5 + 10 + 8) / 10 / 5 = 86%; 发布解读 (15 + 27 + 6 + 30 + 24) / 30 / 5 = 68%;
    // 办事服务 applies to 2 sites: (20 + 25) / 25 / 2 = 90%.
    expect(v.categories).toEqual([
      { name: '可用性', rate: 86, last: false },
      { name: '发布解读', rate: 68, last: false },
      { name: '办事服务', rate: 90, last: true },
    ]);
  });

  it('takes the grade of the best passed site as the top grade and lists the sites that reached it, best first', () => {
    expect(v.topGrade).toBe('良好');
    expect(v.excellent).toEqual([
      { name: '某市教育局', score: 92.5, group: '市直部门', last: false },
      { name: '某市卫生健康委员会', score: 88, group: '市直部门', last: true },
    ]);
  });

  it('lists as failing only the sites that failed, not those pending review', () => {
    expect(v.failing).toEqual([{ name: '某市发展和改革委员会', score: 45.5, scored: true, vetoes: ['首页不更新：40天'] }]);
    expect(v.pendingCount).toBe(1);
    expect(v.pending).toEqual([{ name: '某市人力资源和社会保障局', reasons: '未找到办事服务入口', last: true }]);
  });

  it('counts common problems (deductions and vetoes, not warnings or suspected vetoes), most sites first, ties in pinyin order', () => {
    // 动态要闻更新 on 4 sites, 站内搜索 on 3; then 1 each: 栏目 (lán) before 首页 (shǒu) before 无障碍 (wú),
    // although 无 (U+65E0) comes before 栏 (U+680F) and 首 (U+9996) in code points.
    expect(v.commonProblems.map((p) => [p.name, p.count])).toEqual([
      ['动态要闻更新', 4],
      ['站内搜索', 3],
      ['栏目更新', 1],
      ['首页不更新', 1],
      ['无障碍设计', 1],
    ]);
  });

  it('names the sites not assessed with the reason in Chinese', () => {
    expect(v.notAssessed).toEqual([{ name: '某市统计中心', reason: '域名无法解析', last: true }]);
  });

  it('keeps six common problems at most', () => {
    const many = site(
      '某市司法局',
      cats(10, 30),
      ['一', '二', '三', '四', '五', '六', '七'].map((n) => [`问题${n}`, 'deducted'] as [string, IndicatorStatus]),
    );
    expect(noticeView({ assessment, sites: [many] }).commonProblems).toHaveLength(6);
  });

  it('writes dates the Chinese way, the issue date by China’s clock (UTC+8)', () => {
    expect([v.asOfText, v.dateText, v.issuer, v.setVersion]).toEqual(['2026年11月21日', '2026年11月25日', '（发文单位）', 'v2019.2']);
    // 23:30 UTC on 24 November is 07:30 on 25 November in Beijing.
    expect(noticeView({ ...fixture(), assessment: { ...assessment, generatedAt: '2026-11-24T23:30:00.000Z' } }).dateText).toBe('2026年11月25日');
    expect(noticeView(fixture(), { date: '2026-12-01', issuer: '某市人民政府办公室' })).toMatchObject({
      dateText: '2026年12月1日',
      issuer: '某市人民政府办公室',
    });
  });

  it('gives zeros, not NaN, for a run with no site assessed', () => {
    const none = noticeView({ assessment, sites: [site('某市统计中心', [], [], { status: 'unreachable', statusLabel: '无法访问' })] });
    expect(none).toMatchObject({ assessedCount: 0, passedCount: 0, passRate: 0, average: 0, topGrade: '', categories: [], excellent: [] });
  });
});

describe('renderNotice: the shipped template', () => {
  const notice = renderNotice(fixture(), { issuer: '某市人民政府办公室' });

  it('is a page titled after the assessment', () => {
    expect(notice.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
    expect(notice).toContain('<title>关于2026年度某市政府网站检查情况的通报</title>');
    expect(notice).toContain('<h1>关于2026年度某市政府网站检查情况的通报</h1>');
  });

  it('states the overall figures in one paragraph', () => {
    expect(notice).toContain(
      '<p>本次共评估网站6个，完成评估5个，合格3个，合格率60%，平均得分77.2分。另有1个网站存在疑似否决项，待复核后确定是否合格。另有1个网站因无法访问等原因未能完成评估，不参与排名。</p>',
    );
    expect(notice).toContain('<p>各类指标平均得分率：可用性86%，发布解读68%，办事服务90%。</p>');
  });

  it('names the best sites, the failing ones with their vetoes and score, the pending and the unassessed', () => {
    expect(notice).toContain('以下网站得分较高、运维规范（按得分排序）：某市教育局（92.5分）、某市卫生健康委员会（88分）。');
    expect(notice).toContain('<li>某市发展和改革委员会：首页不更新：40天；得分45.5分。</li>');
    expect(notice).toContain(
      '以下1个网站存在疑似否决项（依据“未找到”作出），待复核：某市人力资源和社会保障局（未找到办事服务入口）。复核确认或排除前，本通报不得印发。',
    );
    expect(notice).toContain('未能完成评估的网站：某市统计中心（域名无法解析）。');
    expect(notice).toContain('<p class="sign">某市人民政府办公室<br>2026年11月25日</p>');
  });

  it('says when no site failed, and when none passed (without an empty grade name)', () => {
    const passedOnly = renderNotice({ assessment, sites: fixture().sites.filter((s) => s.passed) });
    expect(passedOnly).toContain('<p>本次评估没有不合格网站。</p>');
    const failedOnly = renderNotice({ assessment, sites: fixture().sites.filter((s) => s.name === '某市发展和改革委员会') });
    expect(failedOnly).toContain('<p>本次评估中没有评估合格的网站。</p>');
    expect(failedOnly).not.toContain('“”');
  });

  it('gives the score of a failing site even when it is 0', () => {
    const zero = site('某市档案局', cats(0, 0), [['首页不更新', 'veto']], {
      score: 0,
      grade: '不合格',
      vetoes: [{ indicator: 'V2', reason: '首页不更新：90天' }],
    });
    expect(renderNotice({ assessment, sites: [zero] })).toContain('<li>某市档案局：首页不更新：90天；得分0分。</li>');
  });

  it('escapes crawled and typed text: site names, reasons, the issuer', () => {
    const results = fixture();
    results.sites[2] = { ...results.sites[2]!, name: `某市${SCRIPT}委`, vetoes: [{ indicator: 'V2', reason: EVIL_NAME }] };
    results.sites[5] = { ...results.sites[5]!, name: EVIL_NAME };
    const out = renderNotice(results, { issuer: `<b>办公室</b>` });
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<b>办公室');
    expect(out).toContain('某市&lt;script&gt;');
    // Mustache escapes = and " too: the formula is inert text.
    expect(out).toContain('&#x3D;HYPERLINK(&quot;http:');
    expect(out).not.toContain('=HYPERLINK("');
  });
});

describe('renderNotice: an office template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govscore-notice-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders an office’s own template with the same view', () => {
    const file = join(dir, 'own.mustache');
    writeFileSync(file, '<p>{{issuer}}：{{passedCount}}/{{assessedCount}}，{{#failing}}{{name}}{{/failing}}</p>');
    expect(renderNotice(fixture(), { template: file, issuer: '某区办' })).toContain('<body><p>某区办：3/5，某市发展和改革委员会</p></body>');
  });

  it('refuses a template that cannot be read, naming the option', () => {
    const missing = join(dir, 'missing.mustache');
    expect(() => renderNotice(fixture(), { template: missing })).toThrow(ConfigError);
    expect(() => renderNotice(fixture(), { template: missing })).toThrow(/--notice-template/);
  });

  it('refuses a template with broken tags', () => {
    const file = join(dir, 'broken.mustache');
    writeFileSync(file, '{{#failing}}{{name}}');
    expect(() => renderNotice(fixture(), { template: file })).toThrow(ConfigError);
  });
});
