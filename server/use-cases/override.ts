import { ruleMax } from '../../indicators/rules.js';
import type { Indicator, IndicatorSet } from '../../indicators/types.js';
import type { OverrideRow } from '../store/overrides.js';
import type { Store } from '../store/store.js';
import { lastUsedSet, runsStoredZh } from './run-set.js';
import { rescoreStored, storedRun } from './stored-run.js';

/*
 * A reviewer's override (人工复核) of one indicator of one site: the one rule for `govscore override add`,
 * the review form of the staff pages and accepting an appeal (JSON API and page). The front ends only turn
 * their input into an OverrideRequest and show the refusal; what is allowed is decided here.
 */

/** What a refusal is about: the CLI names the matching flag (--site, --points…), the web shows the message. */
export type OverrideField = 'run' | 'site' | 'indicator' | 'points' | 'veto' | 'reason' | 'by';

/** A refusal: 404 for a run or site that does not exist, 400 for a request the rule does not allow. */
export interface OverrideRefusal {
  ok: false;
  status: 400 | 404;
  field: OverrideField;
  /** One sentence in Chinese saying what is wrong. */
  error: string;
  /** What would be accepted (the sites, the indicators), when that helps. */
  hint?: string;
}

export interface OverrideRequest {
  runId: string;
  siteId: string;
  indicator: string;
  /** Points the site keeps (or earns) on a scored indicator; `'full'` gives the rule's full marks (refused when it has none). */
  points?: number | 'full';
  /** A veto indicator: set (true) or clear (false) the veto. `false` on a scored indicator says nothing and is allowed. */
  veto?: boolean;
  /** Why, at least 2 characters; kept with the override and shown in the reports. */
  reason: string;
  /** Put before the reason as stored, e.g. `申诉#12：` for an accepted appeal. */
  reasonPrefix?: string;
  /** The reviewer: the name kept with the override, and the account in the audit log (null from the command line). */
  by: { name: string; userId: number | null };
  /** The set the indicator is checked against (default: the one the run was last scored with). */
  set?: IndicatorSet;
  /**
   * Re-score the run and store its scores now (the web: the next page shows the change), or leave that to the
   * next `govscore rescore` (the CLI, which writes the reports then). Default: now.
   */
  rescore?: boolean;
}

export type OverrideResult = { ok: true; override: OverrideRow; before: number | null; after: number | null } | OverrideRefusal;

/** What is stored for a decision that the rule allows. */
export interface OverrideDecision {
  points: number | null;
  veto: boolean | null;
  reason: string;
}

const refuse = (field: OverrideField, error: string, hint?: string, status: 400 | 404 = 400): OverrideRefusal => ({
  ok: false,
  status,
  field,
  error,
  ...(hint ? { hint } : {}),
});

/**
 * The rule for one indicator, without the store: a veto indicator takes a veto decision (yes or no) and no
 * points; a scored indicator takes points between 0 and its maximum and no veto; a reason of at least 2
 * characters and the reviewer's name are required.
 */
export function checkDecision(
  indicator: Indicator,
  request: Pick<OverrideRequest, 'points' | 'veto' | 'reason' | 'by'>,
): ({ ok: true } & OverrideDecision) | OverrideRefusal {
  const id = indicator.id;
  let points: number | null = null;
  let veto: boolean | null = null;
  if (indicator.rule.type === 'veto') {
    if (typeof request.points === 'number') return refuse('points', `${id} 是否决项：请确认否决或取消否决，不填分数。`);
    if (request.veto === undefined) return refuse('veto', `${id} 是否决项：请选择确认否决或取消否决。`);
    veto = request.veto;
  } else {
    const max = ruleMax(indicator.rule);
    if (request.veto === true) return refuse('veto', `${id} 是计分指标，不能判定否决，请填写保留分数。`);
    if (request.points === 'full' && max === null) return refuse('points', `指标 ${id} 没有满分，请给出分数。`);
    const given = request.points === 'full' ? max : request.points;
    if (given === undefined || given === null || !Number.isFinite(given)) return refuse('points', `请填写 ${id} 的保留分数。`);
    if (given < 0 || (max !== null && given > max)) return refuse('points', max === null ? `${id} 的分数不能小于 0。` : `${id} 的分数应在 0 到 ${max} 之间。`);
    points = given;
  }
  const reason = request.reason.trim();
  if (reason.length < 2) return refuse('reason', '请填写复核理由（至少 2 个字）。');
  if (!request.by.name.trim()) return refuse('by', '请给出复核人。');
  return { ok: true, points, veto, reason };
}

/**
 * Records a reviewer's override after checking it against the rule: the run and the site exist, the site
 * was assessed in a finished run, the indicator is in the run's set and the decision fits its rule. It is
 * audited and, unless `rescore: false`, the run is re-scored at once. Revoking stays `store.overrides.revoke`.
 */
export function recordOverride(store: Store, request: OverrideRequest): OverrideResult {
  const run = store.getRun(request.runId);
  if (!run) return refuse('run', `未找到评估 ${request.runId}。`, runsStoredZh(store), 404);
  const sites = store.runSites(run.id);
  const site = sites.find((s) => s.siteId === request.siteId);
  if (!site) return refuse('site', `评估 ${run.id} 中没有网站 ${request.siteId}。`, `本次评估的网站：${sites.map((s) => s.siteId).join('、')}`, 404);
  if (!run.finishedAt || site.status !== 'assessed') return refuse('site', '只能复核已完成评估的网站。');
  const set = request.set ?? lastUsedSet(store, run.id, run.indicators);
  const indicator = set.indicators.find((i) => i.id === request.indicator);
  if (!indicator) return refuse('indicator', `指标体系 ${set.id} 中没有指标 ${request.indicator}。`, `指标：${set.indicators.map((i) => i.id).join('、')}`);
  const decision = checkDecision(indicator, request);
  if (!decision.ok) return decision;
  const scoreOf = () => storedRun(store, run.id)?.sites.find((s) => s.id === site.siteId)?.score?.score ?? null;
  const before = scoreOf();
  const name = request.by.name.trim();
  const override = store.overrides.add({
    runId: run.id,
    siteId: site.siteId,
    indicator: indicator.id,
    points: decision.points,
    veto: decision.veto,
    reason: `${request.reasonPrefix ?? ''}${decision.reason}`,
    by: name,
  });
  store.reviews.audit(request.by.userId, 'override-added', `run:${run.id}`, { override: override.id, site: site.siteId, indicator: indicator.id, by: name });
  if (request.rescore === false) return { ok: true, override, before, after: before };
  rescoreStored(store, run.id);
  return { ok: true, override, before, after: scoreOf() };
}
