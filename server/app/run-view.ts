import type { SiteScore } from '../../indicators/engine.js';
import type { Results } from '../../reports/results.js';
import { rankWithinGroups } from '../../reports/ranking.js';
import { computeRun } from '../use-cases/score-run.js';
import { lastUsedSet } from '../use-cases/run-set.js';
import type { RunRow, Store } from '../store/store.js';

export interface SiteView {
  id: string;
  name: string;
  group: string;
  url: string;
  status: string;
  statusReason: string | null;
  rank: number | null;
  score: SiteScore | null;
}

/** A run as last scored (stored scores, no re-evaluation): fast enough for every page view. */
export function storedRun(store: Store, runId: string): { run: RunRow; sites: SiteView[] } | null {
  const run = store.getRun(runId);
  if (!run) return null;
  const latest = new Map<string, SiteScore>();
  for (const s of store.scoresOf(run.id)) latest.set(s.siteId, s.score as unknown as SiteScore);
  const sites = store.runSites(run.id).map((s) => ({ id: s.siteId, name: s.name, group: s.group, url: s.url, status: s.status, statusReason: s.statusReason, score: s.status === 'assessed' ? (latest.get(s.siteId) ?? null) : null }));
  const ranks = rankWithinGroups(sites.map((s) => ({ id: s.id, group: s.group, score: s.score?.score ?? null, vetoed: (s.score?.vetoes.length ?? 0) > 0, pending: s.score?.pendingReview ?? false })));
  return { run, sites: sites.map((s) => ({ ...s, rank: ranks.get(s.id) ?? null })) };
}

/** Scores the run again (after an override) under the set it was last scored with, and stores them. */
export function rescoreStored(store: Store, runId: string): void {
  const run = store.getRun(runId)!;
  computeRun(store, run.id, lastUsedSet(store, run.id, run.indicators), { userAgent: '', robots: 'respect' }, '.');
}

/** The public part of a ranking: who, how they scored — no findings, no evidence. */
export function publicRanking(sites: SiteView[]) {
  return sites.map((s) => ({ name: s.name, group: s.group, status: s.status, score: s.score?.score ?? null, grade: s.score?.grade.name ?? null, rank: s.rank, passed: s.score?.passed ?? false }));
}

/**
 * A run's full results (findings, evidence, observations) as the reports have them, computed from the
 * store without writing. Screenshots are linked as /evidence/<run>/<site>/<file>, a route that checks
 * who may see which site. Callers must show a department only its own sites of it.
 */
export function runResults(store: Store, runId: string): Results | null {
  const run = store.getRun(runId);
  if (!run) return null;
  const robots = (run.options as { robots?: 'respect' | 'ignore' } | null)?.robots ?? 'respect';
  return computeRun(store, run.id, lastUsedSet(store, run.id, run.indicators), { userAgent: '', robots }, `/evidence/${run.id}`, { save: false });
}
