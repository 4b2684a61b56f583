/**
 * What goes on each sheet of the XLSX export (see xlsx.ts): the rows, their order and the columns. Cells
 * are written by xlsx-table.ts, which keeps crawled text inert.
 */
import { dismissalKindNames, dismissedFindings, lapsedNote } from './dismissals-section.js';
import type { Results } from './results.js';
import { notAssessedReason } from './site-status.js';
import type { Column, Table, Value } from './xlsx-table.js';

type Site = Results['sites'][number];
type IndicatorResult = Site['indicators'][number];
type Finding = IndicatorResult['findings'][number];

const SCORE = '0.00';

const indicatorStatus: Record<IndicatorResult['status'], string> = {
  ok: '达标',
  deducted: '扣分',
  earned: '得分',
  veto: '单项否决',
  'suspected-veto': '疑似否决（待复核）',
  'not-flagged': '未发现疑似问题',
  warning: '预警',
  'not-measured': '未能测量',
  'not-applicable': '不适用',
};
/** The outcomes 问题清单 lists. */
const problemStatuses = new Set<IndicatorResult['status']>(['deducted', 'veto', 'suspected-veto', 'warning']);

/**
 * Groups in the order the sites file introduces them (as report.html shows them), then by rank; sites not
 * assessed come after the assessed ones of their group, never ranked last as if they had scored 0.
 */
export function rankingOrder(sites: Site[]): Site[] {
  const groupOrder = new Map<string, number>();
  for (const s of sites) if (!groupOrder.has(s.group)) groupOrder.set(s.group, groupOrder.size);
  const place = (s: Site) => (!assessed(s) ? 2e9 : (s.rank ?? 1e9));
  return [...sites].sort((a, b) => groupOrder.get(a.group)! - groupOrder.get(b.group)! || place(a) - place(b));
}

/** The three columns every per-site sheet starts with (frozen, so the site stays in view). */
const siteColumns: Column<Site>[] = [
  { header: '组别', value: (s) => s.group },
  { header: '名次', value: (s) => s.rank },
  { header: '网站', value: (s) => s.name },
];

export function rankingTable(results: Results, sites: Site[]): Table<Site> {
  const a = results.assessment;
  return {
    title: `${a.name}　评估日期：${a.asOf}　指标体系：${a.indicatorSet.title}（${a.indicatorSet.id} v${a.indicatorSet.version}）`,
    rows: sites,
    frozenColumns: 3,
    columns: [
      ...siteColumns,
      { header: '网址', value: (s) => ({ link: s.url }) },
      { header: '得分', value: (s) => s.score, format: SCORE },
      { header: '等级', value: (s) => s.grade },
      { header: '是否合格', value: (s) => (assessed(s) ? (s.pendingReview ? '待复核' : s.passed ? '是' : '否') : null) },
      { header: '单项否决', value: (s) => joinReasons(s.vetoes), wrap: true },
      { header: '疑似否决（待复核）', value: (s) => joinReasons(s.suspectedVetoes ?? []), wrap: true },
      { header: '预警', value: (s) => joinReasons(s.warnings), wrap: true },
      { header: '加分', value: (s) => s.bonus, format: SCORE },
      { header: '状态', value: (s) => (assessed(s) ? '已评估' : '未评估') },
      { header: '未评估原因', value: notAssessedReason, wrap: true },
    ],
  };
}

export interface CategoryColumns {
  id: string;
  name: string;
  budget: number;
  indicators: Array<{ id: string; name: string }>;
}

/** The categories and their indicators as the sites' scores list them: results.json does not carry the set. */
export function categoriesOf(sites: Site[]): CategoryColumns[] {
  const categories = new Map<string, CategoryColumns>();
  for (const s of sites)
    for (const c of s.categories) if (!categories.has(c.id)) categories.set(c.id, { id: c.id, name: c.name, budget: c.budget, indicators: [] });
  const listed = new Set<string>();
  for (const s of sites) {
    for (const i of s.indicators) {
      const category = categories.get(i.category); // veto indicators belong to no scored category
      if (!category || listed.has(i.id)) continue;
      listed.add(i.id);
      category.indicators.push({ id: i.id, name: i.name });
    }
  }
  return [...categories.values()];
}

export function categoryTable(results: Results, category: CategoryColumns, sites: Site[]): Table<Site> {
  return {
    title: `${results.assessment.name}　${category.name}（满分 ${category.budget} 分）`,
    rows: sites,
    frozenColumns: 3,
    columns: [
      ...siteColumns,
      ...category.indicators.map((i) => ({ header: `${i.id} ${i.name}`, value: (s: Site) => indicatorCell(s, i.id), format: SCORE })),
      { header: '小计', value: (s) => categorySubtotal(s, category.id), format: SCORE },
      { header: '满分', value: () => category.budget, format: SCORE },
    ],
  };
}

/** Points kept or earned; the three outcomes without points stay apart as words, never as 0. */
function indicatorCell(site: Site, indicatorId: string): Value {
  const i = assessed(site) ? indicatorOf(site, indicatorId) : undefined;
  if (!i) return null;
  if (i.status === 'not-applicable') return '不适用';
  if (i.status === 'not-measured') return i.reason ?? '未能测量';
  if (i.status === 'veto') return '否决';
  if (i.status === 'not-flagged') return indicatorStatus['not-flagged'];
  return i.score;
}

function categorySubtotal(site: Site, categoryId: string): Value {
  if (!assessed(site)) return '未评估';
  const c = site.categories.find((x) => x.id === categoryId);
  if (!c) return null;
  return c.applicable ? c.score : '不适用';
}

interface FindingRow {
  site: Site;
  indicator: IndicatorResult;
  /** null: the indicator is a problem but has no itemised finding; it still gets a row. */
  finding: Finding | null;
  first: boolean;
}

export function findingsTable(results: Results, sites: Site[]): Table<FindingRow> {
  const evidenceDir = results.assessment.evidenceDir;
  return {
    title: `${results.assessment.name}　问题清单：扣分、单项否决和预警的逐条问题与证据（截图路径相对于 results.json 所在目录）`,
    rows: findingRows(sites),
    frozenColumns: 2,
    columns: [
      { header: '组别', value: (r) => r.site.group },
      { header: '网站', value: (r) => r.site.name },
      { header: '指标', value: (r) => `${r.indicator.id} ${r.indicator.name}` },
      { header: '状态', value: (r) => indicatorStatus[r.indicator.status] },
      // On the indicator's first row only, so that summing the column (per site, per indicator) is right.
      { header: '扣分', value: (r) => (r.first && r.indicator.deduction > 0 ? r.indicator.deduction : null), format: SCORE },
      { header: '问题描述', value: (r) => r.finding?.message ?? siteReason(r.site, r.indicator), wrap: true },
      { header: '网址', value: (r) => (r.finding?.url ? { link: r.finding.url } : null) },
      { header: '证据', value: (r) => r.finding?.evidence ?? null, wrap: true },
      { header: '截图', value: (r) => (r.finding?.screenshot ? (evidenceDir ? `${evidenceDir}/${r.finding.screenshot}` : r.finding.screenshot) : null) },
      { header: '整改建议', value: (r) => (r.first ? (r.indicator.advice ?? null) : null), wrap: true },
      { header: '驳回记录', value: (r) => (r.finding ? lapsedNote(r.finding) : null), wrap: true },
      { header: '问题标识', value: (r) => r.finding?.key ?? null },
    ],
  };
}

type DismissedRow = { site: Site; indicator: IndicatorResult; finding: Finding };

/** 已驳回问题: the findings reviewers dismissed that stay dismissed in this run, with who, when, why and the effect on the score. */
export function dismissedTable(results: Results, sites: Site[]): Table<DismissedRow> {
  return {
    title: `${results.assessment.name}　已驳回问题：评估办驳回的问题（误报或接受的例外），所在页面内容不变时保持驳回`,
    rows: sites.flatMap((site) => dismissedFindings(site).map(({ indicator, finding }) => ({ site, indicator, finding }))),
    frozenColumns: 2,
    columns: [
      { header: '组别', value: (r) => r.site.group },
      { header: '网站', value: (r) => r.site.name },
      { header: '指标', value: (r) => `${r.indicator.id} ${r.indicator.name}` },
      { header: '驳回类型', value: (r) => dismissalKindNames[r.finding.dismissal!.kind] },
      { header: '问题描述', value: (r) => r.finding.message, wrap: true },
      { header: '网址', value: (r) => (r.finding.url ? { link: r.finding.url } : null) },
      { header: '理由', value: (r) => r.finding.dismissal!.reason, wrap: true },
      { header: '驳回人', value: (r) => r.finding.dismissal!.by },
      { header: '驳回时间', value: (r) => r.finding.dismissal!.at.slice(0, 16).replace('T', ' ') },
      { header: '计分', value: (r) => (r.indicator.dismissalsScored ? '不计扣分' : '得分未变（本指标不按逐条问题计分）') },
      { header: '问题标识', value: (r) => r.finding.key },
    ],
  };
}

function findingRows(sites: Site[]): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const site of sites) {
    for (const indicator of site.indicators) {
      if (!problemStatuses.has(indicator.status)) continue;
      const findings = indicator.findings.length ? indicator.findings : [null];
      findings.forEach((finding, index) => rows.push({ site, indicator, finding, first: index === 0 }));
    }
  }
  return rows;
}

/** The site-level wording of a veto or warning (the measured value), for an indicator without findings. */
function siteReason(site: Site, indicator: IndicatorResult): string | null {
  const list =
    indicator.status === 'veto'
      ? site.vetoes
      : indicator.status === 'suspected-veto'
        ? site.suspectedVetoes
        : indicator.status === 'warning'
          ? site.warnings
          : [];
  return list.find((v) => v.indicator === indicator.id)?.reason ?? null;
}

type OverrideRow = { site: Site; indicator: IndicatorResult; override: NonNullable<IndicatorResult['override']> };

export function overridesTable(results: Results, sites: Site[]): Table<OverrideRow> {
  return {
    title: `${results.assessment.name}　人工复核：复核人对单项指标的判定，及测量本身给出的结果`,
    rows: sites.flatMap((site) => site.indicators.flatMap((indicator) => (indicator.override ? [{ site, indicator, override: indicator.override }] : []))),
    frozenColumns: 2,
    columns: [
      { header: '组别', value: (r) => r.site.group },
      { header: '网站', value: (r) => r.site.name },
      { header: '指标', value: (r) => `${r.indicator.id} ${r.indicator.name}` },
      { header: '复核后得分', value: (r) => r.indicator.score, format: SCORE },
      { header: '复核后结果', value: (r) => indicatorStatus[r.indicator.status] },
      { header: '原测量得分', value: (r) => r.override.was.score, format: SCORE },
      { header: '原测量结果', value: (r) => indicatorStatus[r.override.was.status] },
      { header: '复核人', value: (r) => r.override.by },
      { header: '复核时间', value: (r) => r.override.at.slice(0, 16).replace('T', ' ') },
      { header: '理由', value: (r) => r.override.reason, wrap: true },
    ],
  };
}

function assessed(site: Site): boolean {
  return site.status === 'assessed';
}

function joinReasons(list: Array<{ reason: string }>): string | null {
  return list.length ? list.map((v) => v.reason).join('；') : null;
}

/** Indicator lookup by id, indexed once per site (category sheets ask for every indicator of every site). */
const indicatorIndex = new WeakMap<Site, Map<string, IndicatorResult>>();

function indicatorOf(site: Site, id: string): IndicatorResult | undefined {
  let index = indicatorIndex.get(site);
  if (!index) indicatorIndex.set(site, (index = new Map(site.indicators.map((i) => [i.id, i]))));
  return index.get(id);
}
