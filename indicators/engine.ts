import { type Absence, type Absences, describeAbsence } from '../evaluators/absences.js';
import { findingGroup, type FindingsByGroup } from '../evaluators/registry/finding-groups.js';
import { importedColumn, importedColumns } from '../evaluators/registry/imported-columns.js';
import { measurementEntry, type MeasurementId, measurementId } from '../evaluators/registry/measurements.js';
import type { SiteMeasurements } from '../evaluators/site-measurements.js';
import { applyRule, round2, ruleMax, ruleMode, settledByLowerBound } from './rules.js';
import type { Category, CategoryMode, Indicator, IndicatorSet } from './types.js';

/** One piece of evidence behind a finding: where, and what shows it. */
export interface Finding {
  /** What it is about, stable between runs (EvaluatorFinding.subject); absent in scores stored before it was kept. */
  subject?: string;
  message: string;
  url: string | null;
  evidence: string | null;
  /** A screenshot of the page, relative to the run's evidence folder. */
  screenshot?: string | null;
  /** A reviewer's dismissal of this finding: in force (the finding is then in IndicatorScore.dismissed) or lapsed (曾被驳回). */
  dismissal?: FindingDismissal;
}

/**
 * A reviewer's dismissal of one finding as it stands in this run (server/use-cases/dismissals.ts decides):
 * in force while the page the finding rests on reads as when it was dismissed; `lapsed` when that page changed
 * or was not read now: the finding counts again and is shown as 曾被驳回.
 */
export interface FindingDismissal {
  id: number;
  kind: 'false-positive' | 'exception';
  reason: string;
  by: string;
  at: string;
  /** The run it was dismissed in. */
  runId: string;
  lapsed?: 'page-changed' | 'page-not-read';
}

/** A site's dismissals for scoring: by indicator id, then by the finding's subject. */
export type SiteDismissals = ReadonlyMap<string, ReadonlyMap<string, FindingDismissal>>;

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

/**
 * `suspected-veto`: a veto resting on an absence ("not found"), awaiting a reviewer's confirmation (疑似否决).
 * `not-flagged`: a veto the set leaves to a reviewer (`review: required`) whose automatic checks flagged nothing —
 * not a pass: they cover only part of what the rule asks (未发现疑似问题).
 */
export type IndicatorStatus = 'ok' | 'deducted' | 'earned' | 'veto' | 'suspected-veto' | 'not-flagged' | 'warning' | 'not-measured' | 'not-applicable';

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
  /** The search that found nothing, when the value is an absence (the evidence of a suspected veto). */
  absence?: Absence;
  /**
   * Set when the value itself could not be measured but is at least this, and the rule is scored on that
   * bound (a minimum the pages read already reach); `value` stays null.
   */
  lowerBound?: number;
  /** Set when a reviewer decided this indicator; `was` is what the measurement alone gave. */
  override?: { by: string; at: string; reason: string; was: { score: number | null; status: IndicatorStatus } };
  /** Findings a reviewer dismissed (误报, 接受的例外), in force in this run: not among `findings`. */
  dismissed?: Finding[];
  /**
   * Whether the dismissed findings were taken out of the value scored (each finding is one unit the rule counts);
   * false when the rule does not count findings one by one (a rate, a threshold of something else): the score is then
   * the measurement's, and only an override changes it.
   */
  dismissalsScored?: boolean;
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
  /** Confirmed vetoes: measured, or confirmed by a reviewer. The site fails. */
  vetoes: Array<{ indicator: string; reason: string }>;
  /** Vetoes resting on an absence, awaiting review (疑似否决): what was searched and where. */
  /** `searched` is null for a veto the set leaves to a reviewer (`review: required`): it rests on flags, not on a search. */
  suspectedVetoes: Array<{ indicator: string; reason: string; searched: Absence['searched'] | null }>;
  /** A suspected veto decides the outcome (no confirmed veto, not failing on its score): grade 待复核, not passed, not ranked. */
  pendingReview: boolean;
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
  /** Known to pass: no veto, no suspected veto awaiting review, and not in the failing band. */
  passed: boolean;
  /** Indicators without a value (awaiting review or could not be measured): the score is incomplete. */
  notMeasured: string[];
}

/** How an indicator's value is read from a site's measurements: a registry entry, an imported column, or nothing (manual). */
type Reader = (m: SiteMeasurements) => number | boolean | null | undefined;
/** Why a measurement has no value, when its evaluator knows (a page it rests on could not be read). */
type NotMeasured = (m: SiteMeasurements) => string | null | undefined;
type LowerBound = (m: SiteMeasurements) => number | null | undefined;
interface IndicatorReader {
  read: Reader | null;
  measurement: MeasurementId | null;
  notMeasured: NotMeasured | null;
  atLeast: LowerBound | null;
}
const readers = new WeakMap<Indicator, IndicatorReader>();

function readerOf(indicator: Indicator): IndicatorReader {
  let reader = readers.get(indicator);
  if (!reader) {
    const [kind, name = ''] = indicator.source.split(/:(.*)/s) as [string, string | undefined];
    // The loader refuses unknown names; a set built in code without the loader gets "not measured" for them.
    const measurement = kind === 'evaluator' ? measurementId(name) : null;
    const column = kind === 'import' ? importedColumn(name) : null;
    const read: Reader | null = measurement
      ? measurementEntry(measurement).read
      : column
        ? (m) => (m.imported ? importedColumns[column].read(m.imported) : null)
        : null;
    const entry = measurement ? measurementEntry(measurement) : null;
    reader = { read, measurement, notMeasured: entry?.notMeasured ?? null, atLeast: entry?.atLeast ?? null };
    readers.set(indicator, reader);
  }
  return reader;
}

/** The measured value (numbers; booleans as 0/1), or null when there is none. */
function measuredValue(indicator: Indicator, measurements: SiteMeasurements): number | null {
  const v = readerOf(indicator).read?.(measurements);
  return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'boolean' ? Number(v) : null;
}

function applies(indicator: Indicator, site: SiteProfile): boolean {
  const when = indicator.appliesTo;
  if (!when) return true;
  return (when.services === undefined || when.services === site.services) && (when.level === undefined || when.level.includes(site.level));
}

const noFindings: Finding[] = [];

function findingsOf(indicator: Indicator, findings: FindingsByGroup): Finding[] {
  const group = indicator.findings ? findingGroup(indicator.findings) : null;
  return (group && findings[group]) || noFindings;
}

/** The grade of a site whose outcome waits on a reviewer (a suspected veto): neither a band nor 不合格. */
export const pendingGrade = { id: 'pending-review', name: '待复核' } as const;

/** One shape for every indicator score (the engine builds thousands per re-score). */
function indicatorScore(
  indicator: Indicator,
  value: number | null,
  o: { score: number | null; max: number | null; deduction: number; status: IndicatorStatus },
  reason?: string,
): IndicatorScore {
  return {
    id: indicator.id,
    name: indicator.name.zh,
    category: indicator.category,
    value,
    unit: indicator.unit ?? '',
    score: o.score,
    max: o.max,
    deduction: o.deduction,
    status: o.status,
    reason,
    findings: noFindings,
    absence: undefined,
    lowerBound: undefined,
    override: undefined,
    dismissed: undefined,
    dismissalsScored: undefined,
  };
}

/** Findings kept and those a dismissal in force takes out; a lapsed dismissal stays on its finding (曾被驳回). */
function splitDismissed(findings: Finding[], dismissals: ReadonlyMap<string, FindingDismissal> | undefined): { kept: Finding[]; dismissed: Finding[] } {
  if (!dismissals?.size) return { kept: findings, dismissed: [] };
  const kept: Finding[] = [];
  const dismissed: Finding[] = [];
  for (const f of findings) {
    const d = f.subject === undefined ? undefined : dismissals.get(f.subject);
    if (!d) kept.push(f);
    else if (d.lapsed) kept.push({ ...f, dismissal: d });
    else dismissed.push({ ...f, dismissal: d });
  }
  return { kept, dismissed };
}

/**
 * Whether the rule counts this indicator's findings one by one: a deduction per unit of 1 or a veto from a count,
 * with the value the number of things found. Then a dismissed finding is one unit less: a false positive deducts
 * nothing, and an accepted exception is outside what the rule counts.
 */
function countsFindings(indicator: Indicator, value: number | null, findings: Finding[]): value is number {
  const rule = indicator.rule;
  const counted = (rule.type === 'perUnit' && rule.unit === 1) || (rule.type === 'veto' && (rule.atLeast !== undefined || rule.above !== undefined));
  return counted && value !== null && Number.isInteger(value) && value === new Set(findings.map((f) => f.subject)).size;
}

function scoreIndicator(
  indicator: Indicator,
  measurements: SiteMeasurements,
  allFindings: Finding[],
  site: SiteProfile,
  override: Override | undefined,
  absences: Absences,
  dismissals?: ReadonlyMap<string, FindingDismissal>,
): IndicatorScore {
  const { kept: findings, dismissed } = splitDismissed(allFindings, dismissals);
  const measured = measuredValue(indicator, measurements);
  const dismissalsScored = dismissed.length > 0 && countsFindings(indicator, measured, allFindings);
  const value = dismissalsScored ? measured - new Set(dismissed.map((f) => f.subject)).size : measured;
  if (!applies(indicator, site)) return indicatorScore(indicator, value, { score: null, max: null, deduction: 0, status: 'not-applicable' }, '不适用于本网站');
  const rule = indicator.rule;
  // A value its evaluator could not measure (a page it rests on could not be read) is not "missing": no veto, no zero.
  const unmeasured = value === null ? readerOf(indicator).notMeasured?.(measurements) : null;
  let scored: IndicatorScore;
  const bound = unmeasured ? readerOf(indicator).atLeast?.(measurements) : null;
  const settled = typeof bound === 'number' ? settledByLowerBound(indicator, bound) : null;
  if (value !== null) scored = indicatorScore(indicator, value, applyRule(indicator, value));
  else if (settled) {
    scored = indicatorScore(indicator, value, settled, `已读取的页面中至少 ${bound} ${indicator.unit ?? ''}，已可判定（${unmeasured}）`);
    scored.lowerBound = bound!;
  } else if (unmeasured)
    scored = indicatorScore(indicator, value, { score: null, max: ruleMax(rule), deduction: 0, status: 'not-measured' }, `未能测量：${unmeasured}`);
  else if (rule.type === 'veto' && rule.missing === 'veto') scored = indicatorScore(indicator, value, { score: null, max: null, deduction: 0, status: 'veto' });
  else if ((rule.type === 'stepped' || rule.type === 'linear') && rule.missing === 'zero')
    scored = indicatorScore(indicator, value, { score: 0, max: rule.points, deduction: rule.points, status: 'deducted' });
  else
    scored = indicatorScore(
      indicator,
      value,
      { score: null, max: ruleMax(rule), deduction: 0, status: 'not-measured' },
      indicator.source === 'manual' ? '待人工评分' : '未能测量',
    );
  const absence = unmeasured ? undefined : absenceOf(indicator, absences);
  if (absence) {
    scored.absence = absence;
    // "Not found" may be the finder's miss: the veto waits for a reviewer unless the set declares it outright.
    if (scored.status === 'veto' && indicator.rule.type === 'veto' && (indicator.rule.absence ?? 'suspected') === 'suspected') {
      scored.status = 'suspected-veto';
      scored.reason = '疑似否决，待人工复核';
    }
  }
  // What only a person can confirm (V8: wording errors, leaks): the evaluator's flags make a suspicion, never a veto.
  if (scored.status === 'veto' && rule.type === 'veto' && rule.review === 'required') {
    scored.status = 'suspected-veto';
    scored.reason = '疑似否决，待人工复核';
  }
  // Nor is the absence of flags a pass: V8's security incidents and forged dates are beyond them. Only a reviewer's
  // clearance (an override) makes it 达标.
  if (scored.status === 'ok' && rule.type === 'veto' && rule.review === 'required') {
    scored.status = 'not-flagged';
    scored.reason = '自动检查未发现疑似问题；自动检查范围以外的情形须人工判定';
  }
  if (override) scored = overridden(indicator, scored, override);
  if (scored.status === 'deducted' || scored.status === 'veto' || scored.status === 'suspected-veto' || scored.status === 'warning') {
    // A veto on an absence shows the search that found nothing (it replaces the evaluator's shorter "not found").
    const vetoOnAbsence = scored.absence && indicator.rule.type === 'veto';
    scored.findings = vetoOnAbsence
      ? [
          {
            subject: 'not-found',
            message: `${scored.status === 'suspected-veto' ? '疑似否决：' : ''}未找到${scored.absence!.what}`,
            url: scored.absence!.url,
            evidence: describeAbsence(scored.absence!),
          },
        ]
      : findings;
  }
  if (dismissed.length) {
    scored.dismissed = dismissed;
    scored.dismissalsScored = dismissalsScored;
  }
  return scored;
}

function absenceOf(indicator: Indicator, absences: Absences): Absence | undefined {
  const measurement = readerOf(indicator).measurement;
  return measurement ? absences[measurement] : undefined;
}

/** A reviewer's decision replaces what the measurement gave; the measured result is kept in `was`. */
function overridden(indicator: Indicator, scored: IndicatorScore, o: Override): IndicatorScore {
  const record = { by: o.by, at: o.at, reason: o.reason, was: { score: scored.score, status: scored.status } };
  let decided: IndicatorScore;
  if (indicator.rule.type === 'veto') {
    if (o.veto === undefined || o.veto === null) return scored;
    decided = indicatorScore(indicator, scored.value, { score: null, max: null, deduction: 0, status: o.veto ? 'veto' : 'ok' });
  } else {
    if (o.points === undefined || o.points === null) return scored;
    const max = ruleMax(indicator.rule);
    const points = round2(Math.max(0, max === null ? o.points : Math.min(max, o.points)));
    const earned = ruleMode(indicator.rule) === 'earned';
    const deduction = earned ? 0 : round2(max! - points);
    decided = indicatorScore(indicator, scored.value, {
      score: points,
      max,
      deduction,
      status: earned ? (points > 0 ? 'earned' : 'ok') : deduction > 0 ? 'deducted' : 'ok',
    });
  }
  decided.override = record;
  decided.absence = scored.absence;
  return decided;
}

/** Per set, computed once: each category's mode and the positions of its indicators. */
const plans = new WeakMap<IndicatorSet, Array<{ category: Category; mode: CategoryMode; members: number[] }>>();

function planOf(set: IndicatorSet) {
  let plan = plans.get(set);
  if (!plan) {
    plan = set.categories.map((category) => {
      const members = set.indicators.flatMap((i, index) => (i.category === category.id ? [index] : []));
      return {
        category,
        mode: categoryMode(
          category,
          members.map((index) => set.indicators[index]!),
        ),
        members,
      };
    });
    plans.set(set, plan);
  }
  return plan;
}

export function categoryMode(category: Category, members: Indicator[]): CategoryMode {
  return category.bonus ? 'bonus' : members[0] ? ruleMode(members[0].rule) : 'deduction';
}

function scoreCategory(category: Category, mode: CategoryMode, members: IndicatorScore[]): CategoryScore {
  // Plain loops: this runs for every category of every site of a re-score.
  let applicable = 0;
  let measured = 0;
  let points = 0;
  let weight = 0;
  let deductions = 0;
  for (const i of members) {
    if (i.status === 'not-applicable') continue;
    applicable++;
    deductions += i.deduction;
    if (i.score === null) continue;
    measured++;
    points += i.score;
    weight += i.max ?? 0;
  }
  // Nothing applies (or, for a weighted category, nothing could be scored): the budget drops out.
  if (!applicable || (mode === 'weighted' && !measured)) return categoryScore(category, mode, null);
  if (mode === 'weighted') return categoryScore(category, mode, round2((category.budget * points) / weight));
  if (mode === 'earned' || mode === 'bonus') return categoryScore(category, mode, round2(Math.min(category.budget, points)));
  // 单项指标扣分之和不超过本项指标总分值: a category loses at most its budget.
  return categoryScore(category, mode, round2(category.budget - Math.min(category.budget, deductions)));
}

function categoryScore(category: Category, mode: CategoryMode, score: number | null): CategoryScore {
  return {
    id: category.id,
    name: category.name.zh,
    budget: category.budget,
    mode,
    score,
    deducted: score === null ? 0 : round2(category.budget - score),
    applicable: score !== null,
  };
}

function shown(s: IndicatorScore): string {
  if (s.override) return `${s.name}：人工复核（${s.override.reason}）`;
  if (s.absence) return `${s.name}：${describeAbsence(s.absence)}`;
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
  measurements: SiteMeasurements,
  findings: FindingsByGroup,
  site: SiteProfile = { services: true, level: 'department' },
  overrides: Override[] = [],
  absences: Absences = {},
  dismissals?: SiteDismissals,
): SiteScore {
  const plan = planOf(set);
  const byIndicator = overrides.length ? new Map(overrides.map((o) => [o.indicator, o])) : null;
  const indicators = set.indicators.map((i) =>
    scoreIndicator(i, measurements, findingsOf(i, findings), site, byIndicator?.get(i.id), absences, dismissals?.get(i.id)),
  );
  const categories = plan.map(({ category, mode, members }) =>
    scoreCategory(
      category,
      mode,
      members.map((index) => indicators[index]!),
    ),
  );
  const scored = categories.filter((c) => c.mode !== 'bonus' && c.applicable);
  const budget = scored.reduce((s, c) => s + c.budget, 0);
  const scale = budget > 0 ? set.total / budget : 1;
  const base = round2(scored.reduce((s, c) => s + c.score!, 0) * scale);
  const vetoes = indicators.filter((i) => i.status === 'veto').map((i) => ({ indicator: i.id, reason: shown(i) }));
  const suspectedVetoes = indicators
    .filter((i) => i.status === 'suspected-veto')
    .map((i) => ({ indicator: i.id, reason: shown(i), searched: i.absence?.searched ?? null }));
  const warnings = indicators.filter((i) => i.status === 'warning').map((i) => ({ indicator: i.id, reason: shown(i) }));
  // A site awaiting review is scored as if the reviewer cleared the suspicion (bonus included): the score it keeps then.
  const bonus = vetoes.length
    ? 0
    : round2(
        categories
          .filter((c) => c.mode === 'bonus' && c.applicable && base > set.categories.find((x) => x.id === c.id)!.bonus!.above)
          .reduce((s, c) => s + c.score!, 0),
      );
  const score = round2(base + bonus);
  const band = vetoes.length ? set.grades[0]! : (set.grades.find((g) => g.below === undefined || score < g.below) ?? set.grades.at(-1)!);
  // The outcome waits on the reviewer only when the suspicion decides it: a site failing on its score fails anyway.
  const pendingReview = suspectedVetoes.length > 0 && band.id !== set.grades[0]!.id;
  return {
    indicators,
    vetoes,
    suspectedVetoes,
    pendingReview,
    warnings,
    categories,
    base,
    scale: Math.round(scale * 1e4) / 1e4,
    bonus,
    score,
    grade: pendingReview ? pendingGrade : { id: band.id, name: band.name.zh },
    passed: vetoes.length === 0 && !pendingReview && band.id !== set.grades[0]!.id,
    notMeasured: indicators.filter((i) => i.status === 'not-measured').map((i) => i.id),
  };
}
