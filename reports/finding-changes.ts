import type { IndicatorStatus } from '../indicators/engine.js';
import { findingKey } from './finding-key.js';
import type { AssessmentInfo, ResultsFinding, ResultsIndicator, ResultsSite } from './results.js';

/**
 * What became of each finding between an earlier run and this one, by finding key (reports/finding-key.ts):
 * - `new` (新发现): found now, not in the earlier run;
 * - `fixed` (已整改): found in the earlier run, and this run measured the same indicator of the site and did not find it;
 * - `unchanged` (仍存在): found in both, whatever the wording, counts or dates say now;
 * - `not-measured` (本次未能测量): found in the earlier run, and this run cannot say — the site was not assessed or
 *   not in the run, the indicator is not in the set, could not be measured or does not apply, or a reviewer
 *   decided it (an override is not a fix). Never counted as fixed.
 */
export type FindingChange = 'new' | 'fixed' | 'unchanged' | 'not-measured';

export const findingChanges: readonly FindingChange[] = ['new', 'fixed', 'unchanged', 'not-measured'];

export const findingChangeNames: Record<FindingChange, string> = { new: '新发现', fixed: '已整改', unchanged: '仍存在', 'not-measured': '本次未能测量' };

/** Why an earlier finding cannot be judged now. */
export type UnmeasuredReason = 'site-not-in-run' | 'site-not-assessed' | 'indicator-not-in-set' | 'indicator-not-measured' | 'overridden';

export const unmeasuredReasonNames: Record<UnmeasuredReason, string> = {
  'site-not-in-run': '本次评估未包含该网站',
  'site-not-assessed': '本次未能评估该网站',
  'indicator-not-in-set': '本次指标体系无此指标',
  'indicator-not-measured': '本次该指标未能测量或不适用',
  overridden: '本次该指标由人工复核判定',
};

export interface ChangedFinding {
  key: string;
  change: FindingChange;
  indicator: string;
  indicatorName: string;
  /** The wording of the run that has it (this run's when both have it). */
  message: string;
  url: string | null;
  /** `new` only: the earlier run did not measure this indicator of the site, so it may not be new on the site. */
  notMeasuredBefore?: boolean;
  /** `not-measured` only. */
  reason?: UnmeasuredReason;
}

export interface SiteFindingChanges {
  siteId: string;
  name: string;
  /** Whether each run assessed the site (`absent`: not in that run). */
  earlier: 'assessed' | 'not-assessed' | 'absent';
  now: 'assessed' | 'not-assessed' | 'absent';
  counts: Record<FindingChange, number>;
  /** New first, then fixed, unchanged, not measured; within each in the order of the indicators. */
  findings: ChangedFinding[];
}

export interface FindingComparison {
  earlier: RunRef;
  current: RunRef;
  /** The two runs were scored under the same indicator set (id and version): otherwise ids may mean other things. */
  sameSet: boolean;
  sites: SiteFindingChanges[];
}

type RunRef = Pick<AssessmentInfo, 'runId' | 'name' | 'asOf'>;

/**
 * As much of a results.json as the comparison reads. A finding's key may be missing in results written before
 * keys were kept: it is derived then (findingKey, marked `legacy:`).
 */
export interface ComparableResults {
  assessment: RunRef & { indicatorSet: Pick<AssessmentInfo['indicatorSet'], 'id' | 'version'> };
  sites: Array<
    Pick<ResultsSite, 'id' | 'name' | 'status'> & {
      indicators: Array<
        Pick<ResultsIndicator, 'id' | 'name' | 'status' | 'override'> & {
          findings: Array<Pick<ResultsFinding, 'subject' | 'url' | 'message'> & { key?: string }>;
        }
      >;
    }
  >;
}

type ComparableSite = ComparableResults['sites'][number];
type ComparableIndicator = ComparableSite['indicators'][number];

const unmeasuredStatuses: ReadonlySet<IndicatorStatus> = new Set(['not-measured', 'not-applicable']);

/** Pure: the same two results give the same comparison. Sites of this run first (in its order), then those only in the earlier one. */
export function compareFindings(earlier: ComparableResults, current: ComparableResults): FindingComparison {
  const before = new Map(earlier.sites.map((s) => [s.id, s]));
  const now = new Map(current.sites.map((s) => [s.id, s]));
  const ids = [...now.keys(), ...[...before.keys()].filter((id) => !now.has(id))];
  return {
    earlier: runRef(earlier),
    current: runRef(current),
    sameSet:
      earlier.assessment.indicatorSet.id === current.assessment.indicatorSet.id &&
      earlier.assessment.indicatorSet.version === current.assessment.indicatorSet.version,
    sites: ids.map((id) => compareSite(before.get(id), now.get(id))),
  };
}

function runRef(r: ComparableResults): RunRef {
  return { runId: r.assessment.runId, name: r.assessment.name, asOf: r.assessment.asOf };
}

interface Keyed {
  key: string;
  indicator: ComparableIndicator;
  finding: ComparableIndicator['findings'][number];
}

/** Each finding by key; findings about one thing (several failed probes of one homepage) are one entry. */
function keyed(site: ComparableSite | undefined): Map<string, Keyed> {
  const out = new Map<string, Keyed>();
  if (site?.status !== 'assessed') return out;
  for (const indicator of site.indicators)
    for (const finding of indicator.findings) {
      const key = finding.key ?? findingKey(site.id, indicator.id, finding);
      if (!out.has(key)) out.set(key, { key, indicator, finding });
    }
  return out;
}

const presence = (s: ComparableSite | undefined) => (!s ? 'absent' : s.status === 'assessed' ? 'assessed' : 'not-assessed');

function compareSite(earlier: ComparableSite | undefined, current: ComparableSite | undefined): SiteFindingChanges {
  const site = (current ?? earlier)!;
  const before = keyed(earlier);
  const now = keyed(current);
  const earlierIndicators = new Map((earlier?.status === 'assessed' ? earlier.indicators : []).map((i) => [i.id, i]));
  const currentIndicators = new Map((current?.status === 'assessed' ? current.indicators : []).map((i) => [i.id, i]));
  const measured = (i: ComparableIndicator | undefined) => !!i && !unmeasuredStatuses.has(i.status);
  const entry = (k: Keyed, change: FindingChange): ChangedFinding => ({
    key: k.key,
    change,
    indicator: k.indicator.id,
    indicatorName: k.indicator.name,
    message: k.finding.message,
    url: k.finding.url,
  });
  const found: ChangedFinding[] = [];
  for (const k of now.values()) {
    if (before.has(k.key)) found.push(entry(k, 'unchanged'));
    else found.push({ ...entry(k, 'new'), ...(measured(earlierIndicators.get(k.indicator.id)) ? {} : { notMeasuredBefore: true }) });
  }
  for (const k of before.values()) {
    if (now.has(k.key)) continue;
    const reason = unmeasured(current, currentIndicators.get(k.indicator.id));
    found.push(reason ? { ...entry(k, 'not-measured'), reason } : entry(k, 'fixed'));
  }
  const order = (c: FindingChange) => findingChanges.indexOf(c);
  const findings = found.map((f, index) => ({ f, index })).sort((a, b) => order(a.f.change) - order(b.f.change) || a.index - b.index);
  const counts = { new: 0, fixed: 0, unchanged: 0, 'not-measured': 0 };
  for (const f of found) counts[f.change]++;
  return { siteId: site.id, name: site.name, earlier: presence(earlier), now: presence(current), counts, findings: findings.map((x) => x.f) };
}

/** Why this run cannot tell whether an earlier finding is gone, or null when it measured the same thing. */
function unmeasured(site: ComparableSite | undefined, indicator: ComparableIndicator | undefined): UnmeasuredReason | null {
  if (!site) return 'site-not-in-run';
  if (site.status !== 'assessed') return 'site-not-assessed';
  if (!indicator) return 'indicator-not-in-set';
  if (unmeasuredStatuses.has(indicator.status)) return 'indicator-not-measured';
  if (indicator.override) return 'overridden';
  return null;
}
