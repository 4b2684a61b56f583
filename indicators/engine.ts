import { applyRule, round2, ruleMax, ruleMode } from './rules.js';
import type { Category, CategoryMode, Indicator, IndicatorSet } from './types.js';

/** One piece of evidence behind a finding: where, and what shows it. */
export interface Finding {
  message: string;
  url: string | null;
  evidence: string | null;
  /** A screenshot of the page, relative to the run's evidence folder. */
  screenshot?: string | null;
}

/** What the applicability conditions of a set look at (from the sites file). */
export interface SiteProfile {
  services: boolean;
  level: 'government' | 'department';
}

/** A reviewer's decision on one indicator of one site: points kept/earned, or a veto set or cleared. */
export interface Override {
  indicator: string;
  points?: number | null;
  veto?: boolean | null;
  reason: string;
  by: string;
  at: string;
}

export type IndicatorStatus = 'ok' | 'deducted' | 'earned' | 'veto' | 'warning' | 'not-measured' | 'not-applicable';

export interface IndicatorScore {
  id: string;
  name: string;
  category: string;
  value: number | null;
  unit: string;
  /** Points kept (deduction, weighted) or earned (points); null for vetoes, not measured, not applicable. */
  score: number | null;
  max: number | null;
  deduction: number;
  status: IndicatorStatus;
  /** Why there is no score: not applicable to this site, awaiting a reviewer, could not be measured. */
  reason?: string;
  findings: Finding[];
  /** Set when a reviewer decided this indicator; `was` is what the measurement alone gave. */
  override?: { by: string; at: string; reason: string; was: { score: number | null; status: IndicatorStatus } };
}

export interface CategoryScore {
  id: string;
  name: string;
  budget: number;
  mode: CategoryMode;
  /** Points of the category; null when nothing in it applies to the site (its budget drops out). */
  score: number | null;
  /** budget − score: points lost (or, in earned and bonus categories, not earned). */
  deducted: number;
  applicable: boolean;
}

export interface SiteScore {
  indicators: IndicatorScore[];
  vetoes: Array<{ indicator: string; reason: string }>;
  warnings: Array<{ indicator: string; reason: string }>;
  categories: CategoryScore[];
  /** Score of the scored categories, rescaled to the total when some do not apply (the ×4/3 rule). */
  base: number;
  /** total ÷ the budgets that apply: 1, or 4/3 for a site without services under national-2019. */
  scale: number;
  /** Bonus added: 0 when vetoed or when the base does not pass the bonus gate. */
  bonus: number;
  score: number;
  grade: { id: string; name: string };
  passed: boolean;
  /** Indicators without a value (awaiting review or could not be measured): the score is incomplete. */
  notMeasured: string[];
}

/** Reads `a.b.c` from the measurements of a site. */
function valueAt(measurements: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), measurements);
}

/** An evaluator's measurement, or an imported column (`measurements.import.<field>`); manual has none. */
function measuredValue(indicator: Indicator, measurements: Record<string, unknown>): number | null {
  const [kind, path] = indicator.source.split(/:(.*)/s) as [string, string | undefined];
  if (kind === 'manual' || !path) return null;
  const v = valueAt(measurements, kind === 'import' ? `import.${path}` : path);
  return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'boolean' ? Number(v) : null;
}

function applies(indicator: Indicator, site: SiteProfile): boolean {
  const when = indicator.appliesTo;
  if (!when) return true;
  return (when.services === undefined || when.services === site.services) && (when.level === undefined || when.level.includes(site.level));
}

function scoreIndicator(indicator: Indicator, measurements: Record<string, unknown>, findings: Finding[], site: SiteProfile, override: Override | undefined): IndicatorScore {
  const value = measuredValue(indicator, measurements);
  const base = { id: indicator.id, name: indicator.name.zh, category: indicator.category, value, unit: indicator.unit ?? '', findings: [] as Finding[] };
  if (!applies(indicator, site)) return { ...base, score: null, max: null, deduction: 0, status: 'not-applicable', reason: '不适用于本网站' };
  const rule = indicator.rule;
  let scored: IndicatorScore;
  if (value !== null) scored = { ...base, ...applyRule(indicator, value) };
  else if (rule.type === 'veto' && rule.missing === 'veto') scored = { ...base, score: null, max: null, deduction: 0, status: 'veto' };
  else scored = { ...base, score: null, max: ruleMax(rule), deduction: 0, status: 'not-measured', reason: indicator.source === 'manual' ? '待人工评分' : '未能测量' };
  if (override) scored = overridden(indicator, scored, override);
  if (['deducted', 'veto', 'warning'].includes(scored.status)) scored.findings = findings;
  return scored;
}

/** A reviewer's decision replaces what the measurement gave; the measured result is kept in `was`. */
function overridden(indicator: Indicator, scored: IndicatorScore, o: Override): IndicatorScore {
  const record = { by: o.by, at: o.at, reason: o.reason, was: { score: scored.score, status: scored.status } };
  const { reason: _measuredReason, ...rest } = scored;
  if (indicator.rule.type === 'veto') {
    if (o.veto === undefined || o.veto === null) return scored;
    return { ...rest, status: o.veto ? 'veto' : 'ok', override: record };
  }
  if (o.points === undefined || o.points === null) return scored;
  const max = ruleMax(indicator.rule);
  const points = round2(Math.max(0, max === null ? o.points : Math.min(max, o.points)));
  if (ruleMode(indicator.rule) === 'earned') return { ...rest, score: points, max, deduction: 0, status: points > 0 ? 'earned' : 'ok', override: record };
  const deduction = round2(max! - points);
  return { ...rest, score: points, max, deduction, status: deduction > 0 ? 'deducted' : 'ok', override: record };
}

export function categoryMode(category: Category, members: Indicator[]): CategoryMode {
  return category.bonus ? 'bonus' : members[0] ? ruleMode(members[0].rule) : 'deduction';
}

function scoreCategory(category: Category, mode: CategoryMode, members: IndicatorScore[]): CategoryScore {
  const base = { id: category.id, name: category.name.zh, budget: category.budget, mode };
  const applicable = members.filter((i) => i.status !== 'not-applicable');
  const measured = applicable.filter((i) => i.score !== null);
  // Nothing applies (or, for a weighted category, nothing could be scored): the budget drops out.
  if (!applicable.length || (mode === 'weighted' && !measured.length)) return { ...base, score: null, deducted: 0, applicable: false };
  let score: number;
  if (mode === 'weighted') {
    const weight = measured.reduce((s, i) => s + i.max!, 0);
    score = round2((category.budget * measured.reduce((s, i) => s + i.score!, 0)) / weight);
  } else if (mode === 'earned' || mode === 'bonus') {
    score = round2(Math.min(category.budget, measured.reduce((s, i) => s + i.score!, 0)));
  } else {
    // 单项指标扣分之和不超过本项指标总分值: a category loses at most its budget.
    score = round2(category.budget - Math.min(category.budget, applicable.reduce((s, i) => s + i.deduction, 0)));
  }
  return { ...base, score, deducted: round2(category.budget - score), applicable: true };
}

function shown(s: IndicatorScore): string {
  if (s.override) return `${s.name}：人工复核（${s.override.reason}）`;
  if (s.value === null) return `${s.name}：无注明日期的信息，按未更新处理`;
  return `${s.name}：${s.unit === '%' ? `${(s.value * 100).toFixed(1)}%` : `${s.value}${s.unit}`}`;
}

/**
 * Scores one site, a pure function of its measurements, the set, the site's profile and the reviewers'
 * overrides. Order of the national rules: vetoes decide pass/fail first (a vetoed site fails and gets no
 * bonus; its indicator scores are still shown so it knows what else to fix); then each scored category
 * (deductions capped at its budget, weighted 0..1 scores, or earned points); categories that do not
 * apply drop out and the rest is rescaled to the total (the ×4/3 rule); the bonus counts only above
 * its gate ("高于80分，则进入加分指标评分环节"); the grade comes from the bands.
 */
export function scoreSite(
  set: IndicatorSet,
  measurements: Record<string, unknown>,
  findings: Record<string, Finding[]>,
  site: SiteProfile = { services: true, level: 'department' },
  overrides: Override[] = [],
): SiteScore {
  const byIndicator = new Map(overrides.map((o) => [o.indicator, o]));
  const indicators = set.indicators.map((i) => scoreIndicator(i, measurements, i.findings ? (findings[i.findings] ?? []) : [], site, byIndicator.get(i.id)));
  const categories = set.categories.map((c) => {
    const members = set.indicators.filter((i) => i.category === c.id);
    return scoreCategory(c, categoryMode(c, members), indicators.filter((i) => i.category === c.id));
  });
  const scored = categories.filter((c) => c.mode !== 'bonus' && c.applicable);
  const budget = scored.reduce((s, c) => s + c.budget, 0);
  const scale = budget > 0 ? set.total / budget : 1;
  const base = round2(scored.reduce((s, c) => s + c.score!, 0) * scale);
  const vetoes = indicators.filter((i) => i.status === 'veto').map((i) => ({ indicator: i.id, reason: shown(i) }));
  const warnings = indicators.filter((i) => i.status === 'warning').map((i) => ({ indicator: i.id, reason: shown(i) }));
  const bonus = vetoes.length
    ? 0
    : round2(categories.filter((c) => c.mode === 'bonus' && c.applicable && base > set.categories.find((x) => x.id === c.id)!.bonus!.above).reduce((s, c) => s + c.score!, 0));
  const score = round2(base + bonus);
  const band = vetoes.length ? set.grades[0]! : (set.grades.find((g) => g.below === undefined || score < g.below) ?? set.grades.at(-1)!);
  return {
    indicators,
    vetoes,
    warnings,
    categories,
    base,
    scale: Math.round(scale * 1e4) / 1e4,
    bonus,
    score,
    grade: { id: band.id, name: band.name.zh },
    passed: vetoes.length === 0 && band.id !== set.grades[0]!.id,
    notMeasured: indicators.filter((i) => i.status === 'not-measured').map((i) => i.id),
  };
}
