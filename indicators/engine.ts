import type { Indicator, IndicatorSet } from './types.js';

/** One piece of evidence behind a finding: where, and what shows it. */
export interface Finding {
  message: string;
  url: string | null;
  evidence: string | null;
  /** A screenshot of the page, relative to the run's evidence folder. */
  screenshot?: string | null;
}

export type IndicatorStatus = 'ok' | 'deducted' | 'veto' | 'warning' | 'not-measured';

export interface IndicatorScore {
  id: string;
  name: string;
  category: string;
  value: number | null;
  unit: string;
  /** Points kept (max − deduction) for deduction indicators; null for vetoes. */
  score: number | null;
  max: number | null;
  deduction: number;
  status: IndicatorStatus;
  findings: Finding[];
}

export interface SiteScore {
  indicators: IndicatorScore[];
  vetoes: Array<{ indicator: string; reason: string }>;
  warnings: Array<{ indicator: string; reason: string }>;
  categories: Array<{ id: string; name: string; budget: number; deducted: number }>;
  score: number;
  grade: { id: string; name: string };
  passed: boolean;
}

/** Points are shown with two decimals: 12 × 0.1 must be 1.2, not 1.2000000000000002. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Reads `a.b.c` from the measurements of a site. */
function valueAt(measurements: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), measurements);
}

function measuredValue(indicator: Indicator, measurements: Record<string, unknown>): number | null {
  if (!indicator.source.startsWith('evaluator:')) return null;
  const v = valueAt(measurements, indicator.source.slice('evaluator:'.length));
  return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : null;
}

function scoreIndicator(indicator: Indicator, value: number | null, findings: Finding[]): IndicatorScore {
  const base = { id: indicator.id, name: indicator.name.zh, category: indicator.category, value, unit: indicator.unit ?? '', findings };
  const rule = indicator.rule;
  if (rule.type === 'veto') {
    const vetoed = value === null ? rule.missing === 'veto' : (rule.atLeast !== undefined && value >= rule.atLeast) || (rule.above !== undefined && value > rule.above);
    const warned = value !== null && ((rule.warnAtLeast !== undefined && value >= rule.warnAtLeast) || (rule.warnAbove !== undefined && value > rule.warnAbove));
    const status: IndicatorStatus = vetoed ? 'veto' : value === null ? 'not-measured' : warned ? 'warning' : 'ok';
    return { ...base, score: null, max: null, deduction: 0, status, findings: status === 'ok' || status === 'not-measured' ? [] : findings };
  }
  const max = rule.type === 'perUnit' ? rule.cap : rule.points;
  if (value === null) return { ...base, score: null, max, deduction: 0, status: 'not-measured', findings: [] };
  let deduction = 0;
  if (rule.type === 'perUnit') {
    if (rule.from === undefined || value >= rule.from) deduction = Math.min(rule.cap, round2(Math.floor(value / rule.unit + 1e-9) * rule.points));
  } else if (value < rule.threshold) deduction = rule.points;
  return { ...base, score: round2(max - deduction), max, deduction, status: deduction > 0 ? 'deducted' : 'ok', findings: deduction > 0 ? findings : [] };
}

function vetoReason(s: IndicatorScore): string {
  if (s.value === null) return `${s.name}：无注明日期的信息，按未更新处理`;
  const shown = s.unit === '%' ? `${(s.value * 100).toFixed(1)}%` : `${s.value}${s.unit}`;
  return `${s.name}：${shown}`;
}

/**
 * Scores one site: vetoes, then deductions summed per category and capped at the category budget
 * ("单项指标扣分之和不超过本项指标总分值"), total = total points − deductions, grade by bands. A pure
 * function: the same measurements and set always give the same score.
 */
export function scoreSite(set: IndicatorSet, measurements: Record<string, unknown>, findings: Record<string, Finding[]>): SiteScore {
  const indicators = set.indicators.map((i) => scoreIndicator(i, measuredValue(i, measurements), i.findings ? (findings[i.findings] ?? []) : []));
  const categories = set.categories.map((c) => {
    const raw = indicators.filter((i) => i.category === c.id).reduce((sum, i) => sum + i.deduction, 0);
    return { id: c.id, name: c.name.zh, budget: c.budget, deducted: round2(Math.min(c.budget, raw)) };
  });
  const score = Math.round((set.total - categories.reduce((s, c) => s + c.deducted, 0)) * 100) / 100;
  const vetoes = indicators.filter((i) => i.status === 'veto').map((i) => ({ indicator: i.id, reason: vetoReason(i) }));
  const warnings = indicators.filter((i) => i.status === 'warning').map((i) => ({ indicator: i.id, reason: vetoReason(i) }));
  const band = vetoes.length ? set.grades[0]! : (set.grades.find((g) => g.below === undefined || score < g.below) ?? set.grades.at(-1)!);
  return { indicators, vetoes, warnings, categories, score, grade: { id: band.id, name: band.name.zh }, passed: vetoes.length === 0 && band.id !== set.grades[0]!.id };
}
