import type { SiteScore } from '../../indicators/engine.js';
import { rankWithinGroups } from '../../reports/ranking.js';
import type { RunRow, Store } from '../store/store.js';
import { lastUsedSet } from './run-set.js';
import { computeRun } from './score-run.js';

/** One site of a run as last scored: what the pages, the JSON API and the publish rule read. */
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
  const sites = store.runSites(run.id).map((s) => ({
    id: s.siteId,
    name: s.name,
    group: s.group,
    url: s.url,
    status: s.status,
    statusReason: s.statusReason,
    score: s.status === 'assessed' ? (latest.get(s.siteId) ?? null) : null,
  }));
  const ranks = rankWithinGroups(
    sites.map((s) => ({
      id: s.id,
      group: s.group,
      score: s.score?.score ?? null,
      vetoed: (s.score?.vetoes.length ?? 0) > 0,
      pending: s.score?.pendingReview ?? false,
    })),
  );
  return { run, sites: sites.map((s) => ({ ...s, rank: ranks.get(s.id) ?? null })) };
}

/** Scores the run again (after an override) under the set it was last scored with, and stores them. */
export function rescoreStored(store: Store, runId: string): void {
  const run = store.getRun(runId);
  if (!run) throw new Error(`no run ${runId} in the store`);
  computeRun(store, run.id, lastUsedSet(store, run.id, run.indicators), { userAgent: '', robots: 'respect' }, '.');
}
