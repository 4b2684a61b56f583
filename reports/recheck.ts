import type { FindingComparison, UnmeasuredReason } from './finding-changes.js';

/**
 * What a re-check (整改复核) found of each finding an earlier run made, by finding key (reports/finding-key.ts):
 * - `fixed` (已整改): the re-check measured the same indicator of the site and did not find it;
 * - `not-fixed` (未整改): found again;
 * - `new` (新发现): found by the re-check, not by the earlier run;
 * - `not-measured` (未能复核): the re-check cannot say (the site could not be reached, the indicator could not be
 *   measured, a reviewer decided it). Never counted as fixed.
 */
export type RecheckStatus = 'fixed' | 'not-fixed' | 'new' | 'not-measured';

export const recheckStatuses: readonly RecheckStatus[] = ['not-fixed', 'new', 'fixed', 'not-measured'];

export const recheckStatusNames: Record<RecheckStatus, string> = { fixed: '已整改', 'not-fixed': '未整改', new: '新发现', 'not-measured': '未能复核' };

/** A department's word that it fixed a finding (单位已标记整改), which the re-check verifies. */
export interface FindingMark {
  note: string;
  /** ISO timestamp. */
  at: string;
}

export interface RecheckFinding {
  /** site/indicator/subject: the finding's identity in both runs. */
  key: string;
  site: string;
  indicator: string;
  status: RecheckStatus;
  indicatorName: string;
  /** The wording of the run that has it (the re-check's when both do). */
  message: string;
  url: string | null;
  /** `not-measured` only: why the re-check cannot tell. */
  reason?: UnmeasuredReason;
  /** The department marked it fixed before the re-check (its note and when). */
  marked?: FindingMark;
}

export interface RecheckSite {
  id: string;
  name: string;
  /** Whether the re-check reached the site (`not-assessed`: it could not, so nothing of it is judged). */
  state: 'assessed' | 'not-assessed';
  counts: Record<RecheckStatus, number>;
}

/** recheck.json: what a re-check of a run's findings found (schemas/recheck.schema.json). */
export interface RecheckResults {
  schema: 'govscore-recheck/1';
  /** The run whose findings were re-checked. */
  runId: string;
  runName: string;
  runAsOf: string;
  /** The run in the same store holding what the re-check collected again. */
  recheckRunId: string;
  /** The re-check's evaluation date (YYYY-MM-DD). */
  asOf: string;
  /** When it was made (ISO timestamp). */
  checkedAt: string;
  /** The fix deadline of the order (整改期限, YYYY-MM-DD), when given. */
  deadline: string | null;
  sites: RecheckSite[];
  /** Not fixed first, then new, fixed, not measured; within each by site and in the order of the indicators. */
  findings: RecheckFinding[];
}

const fromChange = { unchanged: 'not-fixed', fixed: 'fixed', new: 'new', 'not-measured': 'not-measured' } as const;

/**
 * The re-check's findings from the comparison of the earlier run with the re-check's run (compareFindings), on
 * the sites re-checked, with the departments' marks by key. Pure.
 */
export function recheckFindings(comparison: FindingComparison, marks: ReadonlyMap<string, FindingMark>): { sites: RecheckSite[]; findings: RecheckFinding[] } {
  const sites: RecheckSite[] = [];
  const findings: RecheckFinding[] = [];
  for (const site of comparison.sites) {
    const counts: Record<RecheckStatus, number> = { fixed: 0, 'not-fixed': 0, new: 0, 'not-measured': 0 };
    for (const f of site.findings) {
      const status = fromChange[f.change];
      counts[status]++;
      const mark = marks.get(f.key);
      findings.push({
        key: f.key,
        site: site.siteId,
        indicator: f.indicator,
        status,
        indicatorName: f.indicatorName,
        message: f.message,
        url: f.url,
        ...(f.reason ? { reason: f.reason } : {}),
        ...(mark ? { marked: mark } : {}),
      });
    }
    sites.push({ id: site.siteId, name: site.name, state: site.now === 'assessed' ? 'assessed' : 'not-assessed', counts });
  }
  const order = (s: RecheckStatus) => recheckStatuses.indexOf(s);
  const sorted = findings.map((f, index) => ({ f, index })).sort((a, b) => order(a.f.status) - order(b.f.status) || a.index - b.index);
  return { sites, findings: sorted.map((x) => x.f) };
}

/** The units named in the notice: sites with a finding not fixed or new, with those findings. */
export function unitsNotFixed(r: RecheckResults): Array<{ site: RecheckSite; findings: RecheckFinding[] }> {
  return r.sites
    .map((site) => ({ site, findings: r.findings.filter((f) => f.site === site.id && (f.status === 'not-fixed' || f.status === 'new')) }))
    .filter((u) => u.findings.length > 0);
}
