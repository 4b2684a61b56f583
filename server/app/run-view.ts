import type { Results } from '../../reports/results.js';
import type { Store } from '../store/store.js';
import { lastUsedSet } from '../use-cases/run-set.js';
import { computeRun } from '../use-cases/score-run.js';
import type { SiteView } from '../use-cases/stored-run.js';

/** The public part of a ranking: who, how they scored — no findings, no evidence. */
export function publicRanking(sites: SiteView[]) {
  return sites.map((s) => ({
    name: s.name,
    group: s.group,
    status: s.status,
    score: s.score?.score ?? null,
    grade: s.score?.grade.name ?? null,
    rank: s.rank,
    passed: s.score?.passed ?? false,
  }));
}

/**
 * A run's full results (findings, evidence, observations) as the reports have them, computed from the
 * store without writing. Screenshots are linked as /evidence/<run>/<site>/<file>, a route that checks
 * who may see which site. Callers must show a department only its own sites of it.
 */
export function runResults(store: Store, runId: string): Results | null {
  const run = store.getRun(runId);
  if (!run) return null;
  const robots = run.options?.['robots'] === 'ignore' ? 'ignore' : 'respect';
  return computeRun(store, run.id, lastUsedSet(store, run.id, run.indicators), { userAgent: '', robots }, `/evidence/${run.id}`, { save: false });
}
