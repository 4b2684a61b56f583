import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Resvg } from '@resvg/resvg-js';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CategoryScore, SiteScore } from '../../../indicators/engine.js';
import { bandsFromGrades, bandsFromSites, categoryHeatmap, changeChart, distributionChart, rankingChart } from '../../../reports/charts/specs.js';
import { textWidth, truncateToWidth } from '../../../reports/charts/text-width.js';
import { writeCharts } from '../../../reports/charts/write-charts.js';
import { rankWithinGroups } from '../../../reports/ranking.js';
import { type AssessmentInfo, buildResults, type Results, type SiteInput } from '../../../reports/results.js';

const SCRIPT_NAME = '<script>alert(1)</script>局';
const FORMULA_NAME = '=HYPERLINK("http://x","y")';
const LONG_NAME = '某市住房和城乡建设局（市人民防空办公室）';
/** Too long for any label: cut with “…”. */
const CUT_NAME = '某市城市管理综合行政执法局（市城市管理局）Municipal Urban Management and Law Enforcement Bureau';
const NOT_ASSESSED = '某县（无法访问）人民政府';
const HOSTILE_RUN = '2026年度某市政府网站绩效评估<img src=x onerror=alert(1)>';

// ---- a Results fixture: two peer groups, national-2019-like categories -------------------------------------

const CATEGORIES = [
  { id: 'availability', name: '可用性', budget: 10 },
  { id: 'publishing', name: '发布解读', budget: 30 },
  { id: 'services', name: '办事服务', budget: 25 },
  { id: 'interaction', name: '互动交流', budget: 15 },
  { id: 'design', name: '功能设计与无障碍', budget: 20 },
] as const;

interface SiteSpec {
  id: string;
  name: string;
  group: string;
  /** Points lost, spread over the scored categories; null: not assessed. */
  lost: number | null;
  bonus?: number;
  veto?: boolean;
  /** 办事服务 does not apply (the ×4/3 rule). */
  noServices?: boolean;
}

function grade(score: number, vetoed: boolean): { id: string; name: string } {
  if (vetoed || score < 60) return { id: 'fail', name: '不合格' };
  return score <= 80 ? { id: 'pass', name: '合格' } : { id: 'good', name: '良好' };
}

/** A SiteScore losing `lost` points in proportion to the category budgets. */
function siteScore(spec: SiteSpec): SiteScore {
  const lost = spec.lost ?? 0;
  const categories: CategoryScore[] = CATEGORIES.map((c) => {
    const applicable = !(spec.noServices && c.id === 'services');
    const score = applicable ? Math.round((c.budget - (lost * c.budget) / 100) * 100) / 100 : null;
    return { ...c, mode: 'deduction', score, deducted: score === null ? 0 : c.budget - score, applicable };
  });
  const bonus = spec.bonus ?? 0;
  categories.push({ id: 'bonus', name: '加分', budget: 30, mode: 'bonus', score: bonus, deducted: 30 - bonus, applicable: true });
  const base = Math.round((100 - lost) * 100) / 100;
  const score = Math.round((base + (spec.veto ? 0 : bonus)) * 100) / 100;
  const vetoes = spec.veto ? [{ indicator: 'V3', reason: '首页超过2周未更新' }] : [];
  return {
    indicators: [],
    vetoes,
    suspectedVetoes: [],
    pendingReview: false,
    warnings: [],
    categories,
    base,
    scale: spec.noServices ? 1.3333 : 1,
    bonus: spec.veto ? 0 : bonus,
    score,
    grade: grade(score, !!spec.veto),
    passed: !spec.veto && score >= 60,
    notMeasured: [],
  };
}

function buildFixture(specs: SiteSpec[], runId: string, asOf: string): Results {
  const assessment: AssessmentInfo = {
    runId,
    name: HOSTILE_RUN,
    asOf,
    indicatorSet: { id: 'national-2019', version: '2019.2', sha256: 'x', title: '政府网站检查指标' },
    crawl: { userAgent: 'govscore-test', robots: 'respect' },
    evidenceDir: 'evidence',
    generatedAt: `${asOf}T08:00:00Z`,
  };
  const sites: SiteInput[] = specs.map((s) => ({
    id: s.id,
    name: s.name,
    group: s.group,
    url: `https://${s.id}.example.gov.cn/`,
    status: s.lost === null ? 'unreachable' : 'assessed',
    statusReason: s.lost === null ? 'connection-refused' : null,
    score: s.lost === null ? null : siteScore(s),
    update: null,
    availability: null,
    links: null,
    crawl: null,
  }));
  const ranks = rankWithinGroups(sites.map((s) => ({ id: s.id, group: s.group, score: s.score?.score ?? null, vetoed: !!s.score?.vetoes.length })));
  return buildResults(assessment, sites, ranks);
}

const COUNTIES = '区县政府';
const DEPARTMENTS = '市直部门';

const currentSites: SiteSpec[] = [
  { id: 'zjj', name: LONG_NAME, group: DEPARTMENTS, lost: 6.5, bonus: 8 },
  { id: 'jyj', name: '某市教育局', group: DEPARTMENTS, lost: 12 },
  { id: 'evil', name: SCRIPT_NAME, group: DEPARTMENTS, lost: 36 },
  { id: 'formula', name: FORMULA_NAME, group: DEPARTMENTS, lost: 42.5 },
  { id: 'scj', name: '某市市场监督管理局（市知识产权局）', group: DEPARTMENTS, lost: 20 },
  { id: 'rsj', name: '某市人力资源和社会保障局', group: DEPARTMENTS, lost: 20.5, veto: true },
  { id: 'zrj', name: '某市自然资源和规划局', group: DEPARTMENTS, lost: 17, noServices: true },
  { id: 'xq', name: '某市某某区人民政府', group: COUNTIES, lost: 7.5 },
  { id: 'xx', name: '某县人民政府', group: COUNTIES, lost: 15 },
  { id: 'kfq', name: '某市经济技术开发区管理委员会', group: COUNTIES, lost: 29 },
  { id: 'gxq', name: '某市高新技术产业开发区管理委员会', group: COUNTIES, lost: 48 },
  { id: 'cgj', name: CUT_NAME, group: COUNTIES, lost: 24 },
  { id: 'tjj', name: '某市\u0007统计局\n\u0000', group: COUNTIES, lost: 10 },
  { id: 'down', name: NOT_ASSESSED, group: COUNTIES, lost: null },
];

/** The previous run: some sites moved, one was not in it, the unreachable one was scored then. */
const previousSites: SiteSpec[] = currentSites
  .filter((s) => s.id !== 'xx')
  .map((s, i) => ({ ...s, lost: s.id === 'down' ? 30 : Math.max(0, (s.lost ?? 0) + [4, -3, 0, 6, -2, 2, 5, -6, 0, 3, 1][i % 11]!), veto: false }));
const IN_BOTH_RUNS = currentSites.filter((s) => s.lost !== null && s.id !== 'xx').map((s) => s.id);

const current = buildFixture(currentSites, 'run-2', '2026-11-21');
const previous = buildFixture(previousSites, 'run-1', '2026-05-20');
const bands = bandsFromGrades([{ name: { zh: '不合格' }, below: 60 }, { name: { zh: '合格' }, below: 80.000001 }, { name: { zh: '良好' } }], 130);

// ---- the SVG as drawn: every text element's box, from Vega's transforms and our width function ------------------

interface TextBox {
  role: string;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function translations(transform: string | undefined): { x: number; y: number; rotated: boolean } {
  let x = 0;
  let y = 0;
  for (const m of (transform ?? '').matchAll(/translate\(([-\d.e]+),\s*([-\d.e]+)\)/g)) {
    x += Number(m[1]);
    y += Number(m[2]);
  }
  return { x, y, rotated: /rotate\((?!0\))/.test(transform ?? '') };
}

/**
 * Boxes of the text elements (horizontal ones): x from the anchor and textWidth, y from the baseline with
 * the font's ascent/descent (0.88/0.12 em); extra lines (tspans) go down by their dy.
 */
function textBoxes(svg: string): TextBox[] {
  const $ = cheerio.load(svg, { xml: true });
  const boxes: TextBox[] = [];
  $('text').each((_, el) => {
    const node = $(el);
    if (node.attr('opacity') === '0') return; // labels Vega hid to avoid overlap
    let x = 0;
    let y = 0;
    let rotated = false;
    for (const g of [el, ...node.parents().toArray()]) {
      const t = translations($(g).attr('transform'));
      x += t.x;
      y += t.y;
      rotated ||= t.rotated;
    }
    if (rotated) throw new Error(`rotated text "${node.text()}": the charts should have none`);
    const size = parseFloat(node.attr('font-size') ?? '11');
    const bold = node.attr('font-weight') === 'bold';
    const tspans = node.find('tspan').toArray();
    const lines = tspans.length ? tspans.map((t) => $(t).text()) : [node.text()];
    const lineGap = tspans.slice(1).reduce((sum, t) => sum + parseFloat($(t).attr('dy') ?? '0'), 0);
    const width = Math.max(...lines.map((l) => textWidth(l, size, bold)));
    const anchor = node.attr('text-anchor') ?? 'start';
    const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
    boxes.push({
      role: node.parent().attr('class') ?? '',
      text: lines.join('/'),
      left,
      right: left + width,
      top: y - 0.88 * size,
      bottom: y + lineGap + 0.12 * size,
    });
  });
  return boxes;
}

const overlap = (a: TextBox, b: TextBox) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function svgSize(svg: string): { width: number; height: number } {
  const [, width, height] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { width: Number(width), height: Number(height) };
}

/** The y-axis labels in drawing order (top to bottom). */
function yLabels(svg: string): TextBox[] {
  const $ = cheerio.load(svg, { xml: true });
  const axis = $('g.role-axis[aria-label^="Y-axis"]').first();
  const texts = new Set(
    axis
      .find('g.role-axis-label text')
      .toArray()
      .map((t) => $(t).text()),
  );
  return textBoxes(svg)
    .filter((b) => b.role.includes('role-axis-label') && texts.has(b.text))
    .sort((a, b) => a.top - b.top);
}

/** Left edge of the plot: the x of the y axis's group. */
function plotLeft(svg: string): number {
  const $ = cheerio.load(svg, { xml: true });
  const axis = $('g.role-axis[aria-label^="Y-axis"] > g').first();
  return [axis.get(0)!, ...axis.parents().toArray()].reduce((x, g) => x + translations($(g).attr('transform')).x, 0);
}

// ---- tests ---------------------------------------------------------------------------------------------------

const CHARTS = ['ranking-1', 'ranking-2', 'distribution', 'heatmap', 'change'] as const;
type ChartName = (typeof CHARTS)[number];
let dir: string;
let files: Awaited<ReturnType<typeof writeCharts>>;
const svgs = {} as Record<ChartName, string>;
const pngs = {} as Record<ChartName, Buffer>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govscore-charts-'));
  files = await writeCharts(current, dir, { previous, bands });
  for (const name of CHARTS) {
    svgs[name] = await readFile(join(dir, `${name}.svg`), 'utf8');
    pngs[name] = await readFile(join(dir, `${name}.png`));
  }
  // CHARTS_PREVIEW_DIR=/tmp/charts-preview npx vitest run test/unit/reports/charts.test.ts keeps the charts to look at.
  const preview = process.env.CHARTS_PREVIEW_DIR;
  if (preview) {
    await mkdir(preview, { recursive: true });
    for (const name of CHARTS) {
      await writeFile(join(preview, `${name}.png`), pngs[name]);
      await writeFile(join(preview, `${name}.svg`), svgs[name]);
    }
  }
  // Rendering six charts to PNG takes seconds alone and much longer on a loaded 2-core machine.
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('text widths (Noto Sans CJK SC)', () => {
  it("counts Chinese and full-width punctuation as 1 em and Latin by the font's advances", () => {
    expect(textWidth('某市教育局', 12)).toBe(60);
    expect(textWidth('（）《》“”…', 10)).toBe(70);
    expect(textWidth('iiii', 10)).toBeCloseTo(11, 0);
    expect(textWidth('WWWW', 10)).toBeCloseTo(35.1, 1);
    expect(textWidth('W', 10, true)).toBeGreaterThan(textWidth('W', 10));
  });

  it('matches the ink resvg draws with the installed font', () => {
    for (const text of [LONG_NAME, 'Shanghai Municipal Bureau 2026', FORMULA_NAME]) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="60"><text x="10" y="40" font-family="Noto Sans CJK SC" font-size="20">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text></svg>`;
      const ink = new Resvg(svg, { font: { loadSystemFonts: true } }).getBBox()!;
      const estimate = textWidth(text, 20);
      // Ink is the advance minus the side bearings of the first and last glyph.
      expect(ink.width).toBeLessThanOrEqual(estimate + 1);
      expect(ink.width).toBeGreaterThan(estimate * 0.94);
    }
  });

  it('cuts to a width with an ellipsis', () => {
    const cut = truncateToWidth(CUT_NAME, 300, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(300);
    expect(truncateToWidth('某市教育局', 300, 12)).toBe('某市教育局');
  });
});

describe('rankingChart', () => {
  const spec = rankingChart(current, DEPARTMENTS, bands) as {
    data: { values: Array<{ site: string; rank: number; vetoed: boolean; legend: string; label: string }> };
  };
  const rows = spec.data.values;

  it("lists the group's assessed sites in rank order, the vetoed one marked", () => {
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows.at(-1)).toMatchObject({ vetoed: true, legend: '单项否决' });
    expect(rows.at(-1)!.label).toContain('否决');
    expect(rows[0]!.site).toBe(`1. ${LONG_NAME}`);
  });

  it('keeps every grade on the colour scale but lists in its legend only what the chart draws, and notes the veto order', () => {
    type Layered = {
      title: { subtitle?: string[] };
      data: { values: Array<{ legend: string }> };
      layer: Array<{ encoding?: { color?: { scale: { domain: string[] }; legend: { values: string[] } } } }>;
    };
    const colourOf = (chart: Layered) => chart.layer[0]!.encoding!.color!;
    const full = rankingChart(current, DEPARTMENTS, bands) as unknown as Layered;
    // The group cut to its first site: one grade drawn, the scale unchanged (the same colours as the full group's).
    const first = current.sites.find((s) => s.group === DEPARTMENTS && s.rank === 1)!;
    const alone = rankingChart({ ...current, sites: [first] }, DEPARTMENTS, bands) as unknown as Layered;
    const gradesOf = (chart: Layered) => {
      const scale = colourOf(chart).scale as { domain: string[]; range: string[] };
      const n = scale.domain.filter((d) => d !== '单项否决' && d !== '待复核').length;
      return { domain: scale.domain.slice(0, n), range: scale.range.slice(0, n) };
    };
    expect(gradesOf(alone).domain.length).toBeGreaterThan(1);
    expect(gradesOf(alone)).toEqual(gradesOf(full));
    expect(colourOf(alone).legend.values).toEqual([first.grade]);
    expect(colourOf(full).legend.values).toEqual(colourOf(full).scale.domain.filter((entry) => full.data.values.some((r) => r.legend === entry)));
    expect(alone.title.subtitle ?? []).not.toContain('单项否决的网站（深褐色）排在其他网站之后，不按得分排序');
    expect((spec as unknown as Layered).title.subtitle).toContain('单项否决的网站（深褐色）排在其他网站之后，不按得分排序');
  });

  it('leaves out the site that could not be assessed', () => {
    const counties = rankingChart(current, COUNTIES, bands) as { data: { values: Array<{ name: string }> } };
    expect(counties.data.values.map((v) => v.name)).not.toContain(NOT_ASSESSED);
    expect(counties.data.values).toHaveLength(6);
    expect(svgs['ranking-2']).not.toContain(NOT_ASSESSED);
    expect(svgs['ranking-2']).not.toContain('无法访问');
  });

  it('draws the labels in rank order, uncut, hostile ones as escaped text', () => {
    const labels = yLabels(svgs['ranking-1']).map((b) => b.text);
    expect(labels).toEqual(rows.map((r) => r.site));
    expect(labels).toContain(`5. ${SCRIPT_NAME}`);
    expect(labels).toContain(`6. ${FORMULA_NAME}`);
  });

  it('cuts a name too long for any label with an ellipsis, and drops control characters', () => {
    const labels = yLabels(svgs['ranking-2']).map((b) => b.text);
    expect(labels.some((l) => l.startsWith('4. 某市城市管理综合行政执法局') && l.endsWith('…'))).toBe(true);
    expect(labels).toContain('2. 某市统计局');
  });
});

describe('the other charts', () => {
  it('distributionChart shades the grade bands and counts every assessed site once', () => {
    const spec = distributionChart(current, bands) as { layer: Array<{ data: { values: Array<Record<string, unknown>> } }> };
    expect(spec.layer[0]!.data.values.map((b) => [b.band, b.from, b.to])).toEqual([
      ['不合格', 0, 60],
      ['合格', 60, 80.000001],
      ['良好', 80.000001, 110],
    ]);
    expect(spec.layer[2]!.data.values).toHaveLength(current.sites.filter((s) => s.status === 'assessed').length);
  });

  it('bandsFromSites guesses bands that hold every site of their grade', () => {
    const guessed = bandsFromSites(current);
    expect(guessed.map((b) => b.name)).toEqual(['不合格', '合格', '良好']);
    expect(guessed[1]!.from).toBe(60);
    for (const s of current.sites.filter((x) => x.score !== null && !x.vetoes.length)) {
      const band = guessed.find((b) => b.name === s.grade)!;
      expect(s.score!).toBeGreaterThanOrEqual(band.from);
      expect(s.score!).toBeLessThan(band.to);
    }
  });

  it('categoryHeatmap writes every score, bonus points as such and 不适用 where a category drops out', () => {
    const spec = categoryHeatmap(current) as { vconcat: Array<{ data: { values: Array<{ site: string; text: string; share: number | null }> } }> };
    const cells = spec.vconcat.flatMap((b) => b.data.values);
    expect(cells).toHaveLength(current.sites.filter((x) => x.status === 'assessed').length * 6);
    expect(cells.find((c) => c.site === '某市自然资源和规划局' && c.text === '不适用')).toMatchObject({ share: null });
    expect(cells.find((c) => c.site === LONG_NAME && c.text === '+8')).toMatchObject({ share: null });
    expect(svgs.heatmap).toContain('不适用');
    expect(svgs.heatmap).not.toContain(NOT_ASSESSED);
  });

  it('changeChart shows only sites scored in both runs, most improved first', () => {
    const spec = changeChart(current, previous) as { data: { values: Array<{ delta: number; previous: number; current: number }> } };
    const rows = spec.data.values;
    expect(rows).toHaveLength(IN_BOTH_RUNS.length);
    expect(rows.map((r) => r.delta)).toEqual([...rows.map((r) => r.delta)].sort((a, b) => b - a));
    for (const r of rows) expect(r.delta).toBeCloseTo(r.current - r.previous, 2);
    expect(svgs.change).not.toContain('某县人民政府<'); // xx is new this run
  });
});

describe('writeCharts and the rendered files', () => {
  it('writes spec, SVG and PNG per chart, ranking-<n> per group with an index, and ranking.svg/.png', async () => {
    expect(files.map((f) => [f.name, f.group])).toEqual([
      ['ranking-1', DEPARTMENTS],
      ['ranking-2', COUNTIES],
      ['distribution', undefined],
      ['heatmap', undefined],
      ['change', undefined],
    ]);
    const written = await readdir(dir);
    for (const name of [...CHARTS, 'ranking']) for (const ext of ['vl.json', 'svg', 'png']) expect(written).toContain(`${name}.${ext}`);
    expect(await readFile(join(dir, 'ranking.svg'), 'utf8')).toBe(svgs['ranking-1']);
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    expect(index[1]).toMatchObject({ name: 'ranking-2', group: COUNTIES, title: `网站得分排名（${COUNTIES}）`, files: { svg: 'ranking-2.svg' } });
    const spec = JSON.parse(await readFile(join(dir, 'ranking-1.vl.json'), 'utf8'));
    expect(spec.data.values).toHaveLength(7);
  });

  it('writes PNGs at twice the SVG size', () => {
    for (const name of CHARTS) {
      const png = pngs[name];
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      const { width, height } = svgSize(svgs[name]);
      expect(png.readUInt32BE(16)).toBe(width * 2);
      expect(png.readUInt32BE(20)).toBe(height * 2);
      expect(width).toBeGreaterThan(300);
      expect(width).toBeLessThan(2000);
    }
  });

  it('keeps hostile text inert: escaped text nodes, no markup', () => {
    for (const name of CHARTS) {
      const svg = svgs[name];
      expect(svg).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
      expect(svg).not.toContain('<foreignObject');
      expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/); // invalid in XML
    }
    expect(svgs['ranking-1']).toContain('&lt;script&gt;alert(1)&lt;/script&gt;局');
    expect(svgs['ranking-1']).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svgs['ranking-1']).toContain('=HYPERLINK("http://x","y")');
  });

  it('puts every Chinese label inside the picture without overlapping another text', () => {
    for (const name of CHARTS) {
      const svg = svgs[name];
      const { width, height } = svgSize(svg);
      const boxes = textBoxes(svg).filter((b) => b.text.trim());
      for (const b of boxes) {
        expect(b.left, `${name}: "${b.text}" cut on the left`).toBeGreaterThanOrEqual(0);
        expect(b.right, `${name}: "${b.text}" cut on the right`).toBeLessThanOrEqual(width);
        expect(b.top).toBeGreaterThanOrEqual(0);
        expect(b.bottom).toBeLessThanOrEqual(height);
      }
      for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${name}: "${a.text}" overlaps "${b.text}"`).toBe(false);
    }
  });

  it('ends the longest site label left of the plot, below the axis title', () => {
    for (const name of ['ranking-1', 'heatmap', 'change'] as const) {
      const svg = svgs[name];
      const labels = yLabels(svg);
      const longest = labels.reduce((a, b) => (b.right - b.left > a.right - a.left ? b : a));
      expect(longest.right).toBeLessThanOrEqual(plotLeft(svg));
      const title = textBoxes(svg).find((b) => b.role.includes('role-axis-title') && b.text === '网站')!;
      expect(title.bottom).toBeLessThanOrEqual(labels[0]!.top);
      expect(longest.left).toBeGreaterThan(0);
    }
  });
});
