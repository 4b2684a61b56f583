import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CategoryScore, IndicatorScore, SiteScore } from '../../../indicators/engine.js';
import { rankWithinGroups } from '../../../reports/ranking.js';
import { type AssessmentInfo, buildResults, type Results, type SiteInput } from '../../../reports/results.js';
import { buildWorkbook, writeXlsx } from '../../../reports/xlsx.js';
import { hyperlinkTarget, safeText, uniqueSheetName } from '../../../reports/xlsx-table.js';

// ---- A Results fixture built through the real buildResults and rankWithinGroups ----

const EVIL_NAME = '=HYPERLINK("http://evil","点我")';
const EVIL_MESSAGE = "+cmd|' /C calc'!A0";
const EVIL_EVIDENCE = '@SUM(1)';

/** The set: two veto indicators and four scored categories, one with a name Excel refuses as a sheet name. */
const CATEGORIES = [
  { id: 'availability', name: '可用性', budget: 10 },
  { id: 'publishing', name: '发布解读', budget: 30 },
  { id: 'services', name: '办事服务', budget: 25 },
  { id: 'design', name: '功能设计/无障碍[适老化]', budget: 35 },
];
const INDICATORS = [
  { id: 'V1', name: '站点无法访问', category: 'veto', max: null },
  { id: 'V2', name: '首页不更新', category: 'veto', max: null },
  { id: 'A1', name: '首页链接可用性', category: 'availability', max: 10 },
  { id: 'P1', name: '动态要闻更新', category: 'publishing', max: 15 },
  { id: 'P2', name: '通知公告更新', category: 'publishing', max: 15 },
  { id: 'S1', name: '办事指南要素', category: 'services', max: 25 },
  { id: 'D1', name: '适老化与无障碍', category: 'design', max: 35 },
];

type IndicatorChange = Partial<Pick<IndicatorScore, 'score' | 'deduction' | 'status' | 'reason' | 'findings' | 'override' | 'value'>>;

/** Every indicator kept in full unless changed; a deduction lowers the score by as much. */
function indicators(changes: Record<string, IndicatorChange>, services: boolean): IndicatorScore[] {
  return INDICATORS.map((d) => {
    const base: IndicatorScore = {
      id: d.id,
      name: d.name,
      category: d.category,
      value: null,
      unit: '',
      score: d.max,
      max: d.max,
      deduction: 0,
      status: 'ok',
      findings: [],
    };
    if (d.category === 'services' && !services) return { ...base, score: null, max: null, status: 'not-applicable', reason: '不适用于本网站' };
    const change = changes[d.id] ?? {};
    const deduction = change.deduction ?? 0;
    return { ...base, score: d.max === null ? null : d.max - deduction, ...change };
  });
}

/** The engine's arithmetic for deduction categories, the ×4/3 rule included. */
function siteScore(list: IndicatorScore[]): SiteScore {
  const categories: CategoryScore[] = CATEGORIES.map((c) => {
    const members = list.filter((i) => i.category === c.id && i.status !== 'not-applicable');
    const score = members.length ? c.budget - members.reduce((s, i) => s + i.deduction, 0) : null;
    return { id: c.id, name: c.name, budget: c.budget, mode: 'deduction', score, deducted: score === null ? 0 : c.budget - score, applicable: score !== null };
  });
  const applicable = categories.filter((c) => c.applicable);
  const scale = 100 / applicable.reduce((s, c) => s + c.budget, 0);
  const base = Math.round(applicable.reduce((s, c) => s + c.score!, 0) * scale * 100) / 100;
  const vetoes = list.filter((i) => i.status === 'veto').map((i) => ({ indicator: i.id, reason: `${i.name}：${i.value ?? ''}` }));
  const warnings = list.filter((i) => i.status === 'warning').map((i) => ({ indicator: i.id, reason: `${i.name}：${i.value ?? ''}` }));
  const failed = vetoes.length > 0 || base < 60;
  return {
    indicators: list,
    vetoes,
    suspectedVetoes: [],
    pendingReview: false,
    warnings,
    categories,
    base,
    scale,
    bonus: 0,
    score: base,
    grade: failed ? { id: 'fail', name: '不合格' } : { id: 'good', name: '良好' },
    passed: !failed,
    notMeasured: list.filter((i) => i.status === 'not-measured').map((i) => i.id),
  };
}

function site(id: string, name: string, group: string, o: { changes?: Record<string, IndicatorChange>; services?: boolean; failure?: string } = {}): SiteInput {
  const score = o.failure ? null : siteScore(indicators(o.changes ?? {}, o.services ?? true));
  return {
    id,
    name,
    group,
    url: `https://${id}.example.gov.cn/`,
    status: o.failure ? 'unreachable' : 'assessed',
    statusReason: o.failure ?? null,
    score,
    update: null,
    availability: null,
    links: null,
    crawl: null,
  };
}

const ASSESSMENT: AssessmentInfo = {
  runId: '20261121-1a2b3c4d',
  name: '2026年度某市政府网站绩效评估',
  asOf: '2026-11-21',
  indicatorSet: { id: 'national-2019', version: '2019.2', sha256: 'ab'.repeat(32), title: '政府网站检查指标（国办秘函〔2019〕19号）' },
  crawl: { userAgent: 'govscore', robots: 'respect' },
  evidenceDir: 'evidence',
  generatedAt: '2026-11-21T10:00:00.000Z',
};

function fixture(): Results {
  const sites = [
    site('tjj', '某市统计局', '市直部门', { failure: 'dns ENOTFOUND' }), // listed first, shown last of its group
    site('portal', '某市人民政府', '市政府门户'),
    site('jyj', '某市教育局', '市直部门', {
      changes: {
        P1: {
          deduction: 8,
          status: 'deducted',
          findings: [
            { message: EVIL_MESSAGE, url: 'javascript:alert(1)', evidence: EVIL_EVIDENCE, screenshot: 'jyj/p1-1.png' },
            { message: '栏目“工作动态”超过2周未更新', url: 'https://jyj.example.gov.cn/gzdt/', evidence: '最新信息 2026-10-30', screenshot: null },
            { message: '栏目“通知公告”无注明日期的信息', url: '=HYPERLINK("http://evil","x")', evidence: null },
          ],
        },
        P2: {
          score: 15,
          override: { by: '张三', at: '2026-11-25T09:30:00.000Z', reason: '两处链接为临时维护，已恢复', was: { score: 10, status: 'deducted' } },
        },
      },
    }),
    site('evil', EVIL_NAME, '市直部门', {
      changes: { A1: { deduction: 5, status: 'deducted' }, D1: { score: null, status: 'not-measured', reason: '待人工评分' } },
    }),
    site('wjw', '某市卫健委', '市直部门', {
      changes: {
        V1: { status: 'veto', value: 0.08, findings: [{ message: '首页15秒内打不开', url: 'https://wjw.example.gov.cn/', evidence: '20次探测失败2次' }] },
        V2: { status: 'veto', value: 21 },
      },
    }),
    site('dag', '某市档案馆', '市直部门', { services: false, changes: { A1: { deduction: 2, status: 'deducted' } } }),
  ];
  const ranks = rankWithinGroups(sites.map((s) => ({ id: s.id, group: s.group, score: s.score?.score ?? null, vetoed: (s.score?.vetoes.length ?? 0) > 0 })));
  return buildResults(ASSESSMENT, sites, ranks);
}

// ---- Reading the written file back ----

const tmp = mkdtempSync(join(tmpdir(), 'govscore-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let book: ExcelJS.Workbook;
beforeAll(async () => {
  const file = join(tmp, 'out', 'results.xlsx'); // the folder does not exist yet
  await writeXlsx(fixture(), file);
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
});

function sheet(name: string): ExcelJS.Worksheet {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The header (row 2) as text and the data rows (row 3 on) as objects keyed by header. */
function table(name: string): { header: string[]; rows: Array<Record<string, ExcelJS.Cell>> } {
  const ws = sheet(name);
  const header: string[] = [];
  ws.getRow(2).eachCell((cell, c) => (header[c - 1] = String(cell.value)));
  const rows: Array<Record<string, ExcelJS.Cell>> = [];
  for (let r = 3; r <= ws.rowCount; r++) rows.push(Object.fromEntries(header.map((h, c) => [h, ws.getRow(r).getCell(c + 1)])));
  return { header, rows };
}

const values = (rows: Array<Record<string, ExcelJS.Cell>>, column: string) => rows.map((r) => r[column]!.value);

describe('writeXlsx', () => {
  it('writes the ranking, one sheet per scored category (names made legal), the findings and the overrides', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['排名', '可用性', '发布解读', '办事服务', '功能设计_无障碍_适老化_', '问题清单', '人工复核']);
  });

  it('puts a title row with the assessment above a frozen, filtered header row', () => {
    const ws = sheet('排名');
    const title = String(ws.getCell('A1').value);
    expect(title).toContain('2026年度某市政府网站绩效评估');
    expect(title).toContain('评估日期：2026-11-21');
    expect(title).toContain('政府网站检查指标（国办秘函〔2019〕19号）（national-2019 v2019.2）');
    expect(table('排名').header).toEqual([
      '组别',
      '名次',
      '网站',
      '网址',
      '得分',
      '等级',
      '是否合格',
      '单项否决',
      '疑似否决（待复核）',
      '预警',
      '加分',
      '状态',
      '未评估原因',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:M8');
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(14); // 某市人民政府: 6 CJK characters
  });

  it('orders sites by group (as first listed), then rank, with unassessed sites last in their group', () => {
    const { rows } = table('排名');
    expect(rows.map((r) => [r['组别']!.value, r['名次']!.value, r['网站']!.value, r['状态']!.value])).toEqual([
      ['市直部门', 1, '某市档案馆', '已评估'],
      ['市直部门', 2, `'${EVIL_NAME}`, '已评估'],
      ['市直部门', 3, '某市教育局', '已评估'],
      ['市直部门', 4, '某市卫健委', '已评估'], // vetoed: after every site without a veto
      ['市直部门', null, '某市统计局', '未评估'],
      ['市政府门户', 1, '某市人民政府', '已评估'],
    ]);
    const down = rows[4]!;
    expect(down['未评估原因']!.value).toBe('域名无法解析（dns ENOTFOUND）');
    expect([down['得分']!.value, down['是否合格']!.value, down['等级']!.value]).toEqual([null, null, null]);
  });

  it('writes scores as numbers with two decimals, and yes/no, vetoes and warnings as text', () => {
    const { rows } = table('排名');
    const archive = rows[0]!;
    expect(archive['得分']!.type).toBe(ExcelJS.ValueType.Number);
    expect(archive['得分']!.value).toBeCloseTo(97.33, 2); // (8 + 30 + 35) × 100/75
    expect(archive['得分']!.numFmt).toBe('0.00');
    expect(archive['名次']!.type).toBe(ExcelJS.ValueType.Number);
    expect(archive['加分']!.value).toBe(0);
    expect(values(rows, '是否合格')).toEqual(['是', '是', '是', '否', null, '是']);
    expect(rows[3]!['单项否决']!.value).toBe('站点无法访问：0.08；首页不更新：21');
    expect(rows[3]!['等级']!.value).toBe('不合格');
  });

  it('links a site address as an http(s) hyperlink', () => {
    const cell = table('排名').rows[5]!['网址']!;
    expect(cell.type).toBe(ExcelJS.ValueType.Hyperlink);
    expect(cell.hyperlink).toBe('https://portal.example.gov.cn/');
  });

  it('shows each indicator of a category with its points, 不适用, 待人工评分, the subtotal and the budget', () => {
    const { header, rows } = table('办事服务');
    expect(header).toEqual(['组别', '名次', '网站', 'S1 办事指南要素', '小计', '满分']);
    const archive = rows.find((r) => r['网站']!.value === '某市档案馆')!;
    expect([archive['S1 办事指南要素']!.value, archive['小计']!.value, archive['满分']!.value]).toEqual(['不适用', '不适用', 25]);
    const education = rows.find((r) => r['网站']!.value === '某市教育局')!;
    expect(education['S1 办事指南要素']!.type).toBe(ExcelJS.ValueType.Number);
    expect(education['S1 办事指南要素']!.numFmt).toBe('0.00');
    const down = rows.find((r) => r['网站']!.value === '某市统计局')!;
    expect([down['S1 办事指南要素']!.value, down['小计']!.value]).toEqual([null, '未评估']);

    const publishing = table('发布解读').rows.find((r) => r['网站']!.value === '某市教育局')!;
    expect([publishing['P1 动态要闻更新']!.value, publishing['P2 通知公告更新']!.value, publishing['小计']!.value]).toEqual([7, 15, 22]);
    const design = table('功能设计_无障碍_适老化_').rows.find((r) => r['网站']!.value === `'${EVIL_NAME}`)!;
    expect(design['D1 适老化与无障碍']!.value).toBe('待人工评分');
    expect(sheet('发布解读').getCell('A1').value).toBe('2026年度某市政府网站绩效评估　发布解读（满分 30 分）');
  });

  it('lists every finding of a deducted, vetoed or warned indicator, the deduction once per indicator', () => {
    const { header, rows } = table('问题清单');
    expect(header).toEqual(['组别', '网站', '指标', '状态', '扣分', '问题描述', '网址', '证据', '截图', '整改建议', '驳回记录', '问题标识']);
    expect(rows.map((r) => [r['网站']!.value, r['指标']!.value, r['状态']!.value, r['扣分']!.value])).toEqual([
      ['某市档案馆', 'A1 首页链接可用性', '扣分', 2],
      [`'${EVIL_NAME}`, 'A1 首页链接可用性', '扣分', 5],
      ['某市教育局', 'P1 动态要闻更新', '扣分', 8],
      ['某市教育局', 'P1 动态要闻更新', '扣分', null],
      ['某市教育局', 'P1 动态要闻更新', '扣分', null],
      ['某市卫健委', 'V1 站点无法访问', '单项否决', null],
      ['某市卫健委', 'V2 首页不更新', '单项否决', null],
    ]);
    expect(rows[2]!['截图']!.value).toBe('evidence/jyj/p1-1.png');
    expect(rows[3]!['问题描述']!.value).toBe('栏目“工作动态”超过2周未更新');
    expect(rows[6]!['问题描述']!.value).toBe('首页不更新：21'); // no itemised finding: the veto's own wording
    expect(rows[2]!['扣分']!.numFmt).toBe('0.00');
  });

  it('links finding URLs only when they are http(s)', () => {
    const { rows } = table('问题清单');
    const [javascript, http, formula] = [rows[2]!['网址']!, rows[3]!['网址']!, rows[4]!['网址']!];
    expect(http.type).toBe(ExcelJS.ValueType.Hyperlink);
    expect(http.hyperlink).toBe('https://jyj.example.gov.cn/gzdt/');
    expect(javascript.type).toBe(ExcelJS.ValueType.String);
    expect(javascript.value).toBe('javascript:alert(1)');
    expect(javascript.hyperlink).toBeUndefined();
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe(`'=HYPERLINK("http://evil","x")`);
  });

  it('keeps hostile crawled text inert and never writes a formula', () => {
    const finding = table('问题清单').rows[2]!;
    expect(finding['问题描述']!.value).toBe(`'${EVIL_MESSAGE}`);
    expect(finding['证据']!.value).toBe(`'${EVIL_EVIDENCE}`);
    let cells = 0;
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${ws.name}!${cell.address}`).toBeUndefined();
          if (typeof cell.value === 'string') expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
    expect(cells).toBeGreaterThan(150);
  });

  it('lists reviewers’ overrides with the measured result beside them', () => {
    const { rows } = table('人工复核');
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect([r['网站']!.value, r['指标']!.value, r['复核后得分']!.value, r['复核后结果']!.value, r['原测量得分']!.value, r['原测量结果']!.value]).toEqual([
      '某市教育局',
      'P2 通知公告更新',
      15,
      '达标',
      10,
      '扣分',
    ]);
    expect([r['复核人']!.value, r['复核时间']!.value, r['理由']!.value]).toEqual(['张三', '2026-11-25 09:30', '两处链接为临时维护，已恢复']);
  });
});

/** Every cell as [address, type, value, number format], sheet by sheet: what a reader of the file sees. */
function snapshot(workbook: ExcelJS.Workbook) {
  return workbook.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push([cell.address, cell.type, cell.value, cell.numFmt])));
    return { name: ws.name, views: ws.views, autoFilter: ws.autoFilter, widths: ws.columns.map((c) => c.width), cells };
  });
}

describe('buildWorkbook', () => {
  it('holds the same cells, panes, filters and widths as the streamed file', async () => {
    const inMemory = new ExcelJS.Workbook();
    await inMemory.xlsx.load((await buildWorkbook(fixture()).xlsx.writeBuffer()) as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(snapshot(inMemory)).toEqual(snapshot(book));
  });

  it('keeps the fixed sheets when a category takes one of their names', () => {
    const results = fixture();
    for (const s of results.sites) for (const c of s.categories) if (c.id === 'availability') c.name = '排名';
    expect(
      buildWorkbook(results)
        .worksheets.map((w) => w.name)
        .slice(0, 2),
    ).toEqual(['排名', '排名(2)']);
  });

  it('writes an empty run as headers only', () => {
    const workbook = buildWorkbook(buildResults(ASSESSMENT, [], new Map()));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['排名', '问题清单', '人工复核']);
    expect(workbook.getWorksheet('排名')!.rowCount).toBe(2);
  });
});

describe('cell guards', () => {
  it.each([
    ['https://a.gov.cn/x?y=1', 'https://a.gov.cn/x?y=1'],
    ['HTTP://A.GOV.CN/', 'http://a.gov.cn/'],
    ['javascript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['=HYPERLINK("http://evil","x")', null],
    ['file:///etc/passwd', null],
    ['mailto:a@b.cn', null],
    ['http://', null],
    [`https://a.gov.cn/${'x'.repeat(3000)}`, null],
  ])('links %j as %j', (address, expected) => {
    expect(hyperlinkTarget(address)).toBe(expected);
  });

  it('keeps text within Excel’s cell limit and inert', () => {
    expect(safeText('-1')).toBe("'-1");
    expect(safeText('某市教育局')).toBe('某市教育局');
    const long = safeText('=' + '字'.repeat(40_000));
    expect(long.length).toBeLessThanOrEqual(32_767);
    expect(long.startsWith("'=")).toBe(true);
  });

  it('makes sheet names legal and unique', () => {
    const taken = new Set<string>();
    expect(uniqueSheetName('功能设计/无障碍[适老化]:*?\\', taken)).toBe('功能设计_无障碍_适老化_____');
    expect(uniqueSheetName("'引号'", taken)).toBe('引号');
    expect(uniqueSheetName('History', taken)).toBe('History(2)');
    expect(uniqueSheetName('  ', taken)).toBe('工作表');
    const long = '很长的类别名称'.repeat(6);
    expect(uniqueSheetName(long, taken)).toBe(long.slice(0, 31));
    expect(uniqueSheetName(long, taken)).toBe(long.slice(0, 28) + '(2)');
    expect(uniqueSheetName('Sheet', taken)).toBe('Sheet');
    expect(uniqueSheetName('sheet', taken)).toBe('sheet(2)');
    expect(uniqueSheetName('𠀀'.repeat(20), taken)).toBe('𠀀'.repeat(15)); // a surrogate pair is never split
  });
});
