import type { CategoryMode, Indicator, Rule } from './types.js';

/** Points are shown with two decimals: 12 × 0.1 must be 1.2, not 1.2000000000000002. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** What one rule makes of one value, before applicability, overrides and category sums. */
export interface RuleOutcome {
  /** Points kept (deduction, weighted) or earned (points); null for vetoes. */
  score: number | null;
  /** The indicator's most points: the cap or weight; null for vetoes and uncapped points. */
  max: number | null;
  /** Points taken off the category (max − score for deduction and weighted rules; 0 otherwise). */
  deduction: number;
  status: 'ok' | 'deducted' | 'earned' | 'veto' | 'warning';
}

/** The category mode a rule belongs in; a category's rules must agree (checked when a set loads). */
export function ruleMode(rule: Rule): Exclude<CategoryMode, 'bonus'> {
  switch (rule.type) {
    case 'veto':
      return 'veto';
    case 'stepped':
    case 'linear':
      return 'weighted';
    case 'points':
      return 'earned';
    default:
      return 'deduction';
  }
}

/** The indicator's most points, known without a value (what a reviewer's override may give at most). */
export function ruleMax(rule: Rule): number | null {
  switch (rule.type) {
    case 'veto':
      return null;
    case 'perUnit':
      return rule.cap;
    case 'points':
      return rule.cap ?? null;
    default:
      return rule.points;
  }
}

/** The 0..1 score of a weighted rule. */
function fraction(rule: Extract<Rule, { type: 'stepped' | 'linear' }>, value: number): number {
  if (rule.type === 'linear') {
    if (rule.fullAt === rule.zeroAt) return value >= rule.fullAt ? 1 : 0;
    return Math.min(1, Math.max(0, (value - rule.zeroAt) / (rule.fullAt - rule.zeroAt)));
  }
  const step = rule.steps.find((s) => (s.atLeast === undefined || value >= s.atLeast) && (s.atMost === undefined || value <= s.atMost));
  return step ? step.score : (rule.otherwise ?? 0);
}

/** Scores a measured value (never null: missing values are handled before a rule is applied). */
export function applyRule(indicator: Indicator, value: number): RuleOutcome {
  const rule = indicator.rule;
  const max = ruleMax(rule);
  switch (rule.type) {
    case 'veto': {
      const vetoed = (rule.atLeast !== undefined && value >= rule.atLeast) || (rule.above !== undefined && value > rule.above);
      const warned = (rule.warnAtLeast !== undefined && value >= rule.warnAtLeast) || (rule.warnAbove !== undefined && value > rule.warnAbove);
      return { score: null, max: null, deduction: 0, status: vetoed ? 'veto' : warned ? 'warning' : 'ok' };
    }
    case 'perUnit': {
      const applies = rule.from === undefined || value >= rule.from;
      // The epsilon keeps 0.03 / 0.01 at 3 units although the division gives 2.9999999999999996.
      const deduction = applies ? Math.min(rule.cap, round2(Math.floor(value / rule.unit + 1e-9) * rule.points)) : 0;
      return deducted(max!, deduction);
    }
    case 'below':
      return deducted(max!, value < rule.threshold ? rule.points : 0);
    case 'stepped':
    case 'linear': {
      const score = round2(rule.points * fraction(rule, value));
      return deducted(rule.points, round2(rule.points - score));
    }
    case 'points': {
      const earned = round2(Math.floor(value / (rule.unit ?? 1) + 1e-9) * rule.points);
      const score = rule.cap === undefined ? earned : Math.min(rule.cap, earned);
      return { score, max, deduction: 0, status: score > 0 ? 'earned' : 'ok' };
    }
  }
}

function deducted(max: number, deduction: number): RuleOutcome {
  return { score: round2(max - deduction), max, deduction, status: deduction > 0 ? 'deducted' : 'ok' };
}

/**
 * Scores a value known only from below (a count some of whose pages could not be read) when every value at
 * or above the bound scores the same: a minimum already reached, a veto level already passed. Null when the
 * bound does not settle the rule, and the indicator stays not measured.
 */
export function settledByLowerBound(indicator: Indicator, bound: number): RuleOutcome | null {
  const rule = indicator.rule;
  const settles =
    (rule.type === 'below' && bound >= rule.threshold) ||
    (rule.type === 'veto' && ((rule.atLeast !== undefined && bound >= rule.atLeast) || (rule.above !== undefined && bound > rule.above)));
  return settles ? applyRule(indicator, bound) : null;
}
