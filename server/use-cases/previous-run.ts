import type { Results } from '../../reports/results.js';
import type { Store } from '../store/store.js';

/**
 * The run before this one over the same sites (the latest earlier run sharing at least half of its site
 * ids and holding scores), as much of a Results as the run-over-run chart reads: id, name, group, score.
 */
export function previousRun(store: Store, runId: string, siteIds: Set<string>): Results | null {
  const runs = store.listCampaignRuns();
  const index = runs.findIndex((r) => r.id === runId);
  for (const run of runs.slice(0, Math.max(0, index)).reverse()) {
    const latest = new Map<string, number>();
    for (const s of store.scoresOf(run.id)) latest.set(s.siteId, s.score.score);
    const shared = [...latest.keys()].filter((id) => siteIds.has(id));
    if (!shared.length || shared.length < siteIds.size / 2) continue;
    const sites = store.runSites(run.id).filter((s) => latest.has(s.siteId));
    return {
      assessment: { runId: run.id, name: run.name, asOf: run.asOf },
      sites: sites.map((s) => ({ id: s.siteId, name: s.name, group: s.group, status: 'assessed', score: latest.get(s.siteId)! })),
    } as unknown as Results;
  }
  return null;
}
