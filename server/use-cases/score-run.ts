import { findAbsences } from '../../evaluators/absences.js';
import { evaluateImported, evaluateSite } from '../../evaluators/evaluate-site.js';
import { evaluateNewMedia } from '../../evaluators/new-media.js';
import { scoreSite } from '../../indicators/engine.js';
import type { IndicatorSet } from '../../indicators/types.js';
import { rankWithinGroups } from '../../reports/ranking.js';
import { type AssessmentInfo, buildResults, type Results, type SiteInput } from '../../reports/results.js';
import { type OutputOptions, writeOutputs } from '../../reports/write-outputs.js';
import { storedSample } from '../config/sample-sites.js';
import type { Store } from '../store/store.js';
import { previousRun } from './previous-run.js';

/** Evaluate → score → rank → write, from stored observations only (no browser). */
export async function scoreRun(
  store: Store,
  runId: string,
  set: IndicatorSet,
  outDir: string,
  crawl: { userAgent: string; robots: 'respect' | 'ignore' },
  evidenceDir: string,
  output: Omit<OutputOptions, 'set' | 'previous'> = {},
) {
  const results = computeRun(store, runId, set, crawl, evidenceDir);
  return writeOutputs(results, outDir, { ...output, set, previous: previousRun(store, runId, new Set(results.sites.map((s) => s.id))) });
}

/** Evaluate → score (stored, with the reviewers' overrides) → rank: the run's results, nothing written but the scores. */
/** `save: false` only reads (a web page showing a run): the scores are stored by the re-score that changed them. */
export function computeRun(
  store: Store,
  runId: string,
  set: IndicatorSet,
  crawl: { userAgent: string; robots: 'respect' | 'ignore' },
  evidenceDir: string,
  options: { save?: boolean } = {},
): Results {
  const run = store.getRun(runId);
  if (!run) throw new Error(`no run ${runId} in the store`);
  if (options.save !== false) store.useIndicatorSet(set);
  const overrides = store.overrides.active(runId);
  const inputs: SiteInput[] = store.runSites(runId).map((site) => {
    const base = { id: site.siteId, name: site.name, group: site.group, url: site.url };
    if (site.status !== 'assessed') {
      // The accounts are the office's, not the crawl's: listed for a site that could not be reached too.
      const newMedia = evaluateNewMedia(store.observations(runId, site.siteId).newMedia, run.asOf);
      return {
        ...base,
        newMedia,
        status: site.status === 'pending' ? 'error' : site.status,
        statusReason: site.statusReason ?? 'not collected',
        score: null,
        update: null,
        availability: null,
        links: null,
        crawl: null,
      };
    }
    const profile = { level: site.level, services: site.services };
    const stored = store.observations(runId, site.siteId);
    if (stored.import) {
      // An imported table row (govscore import), not a crawl.
      const row = stored.import;
      const { measurements, findings } = evaluateImported(row);
      const score = scoreSite(set, measurements, findings, profile, overrides.get(site.siteId) ?? []);
      return {
        ...base,
        status: 'assessed',
        statusReason: null,
        score,
        update: null,
        availability: null,
        links: null,
        reporting: { row, measurement: measurements.reporting! },
        crawl: null,
      };
    }
    const observed = stored;
    const weekBefore = new Date(Date.parse(run.asOf) - 7 * 86_400_000).toISOString();
    const dayAfter = new Date(Date.parse(run.asOf) + 86_400_000).toISOString();
    observed.monitorProbes = store.probes(site.url, weekBefore, dayAfter);
    const { measurements, findings } = evaluateSite(observed, run.asOf, { level: site.level, services: site.services });
    const score = scoreSite(set, measurements, findings, profile, overrides.get(site.siteId) ?? [], findAbsences(observed, measurements));
    return {
      ...base,
      status: 'assessed',
      statusReason: null,
      score,
      update: measurements.updateFrequency,
      availability: measurements.availability,
      responsiveness: measurements.responsiveness,
      links: measurements.links,
      disclosure: measurements.disclosure,
      mailbox: measurements.mailbox,
      services: measurements.services,
      identity: measurements.identity,
      accessibility: measurements.accessibility,
      pageChecks: measurements.pageChecks,
      ipv6: measurements.ipv6,
      newMedia: measurements.newMedia,
      crawl: { pages: store.pageCount(runId, site.siteId), robots: observed.robots ?? null, budget: observed.stats?.budget ?? null },
    };
  });
  if (options.save !== false)
    store.saveScores(
      runId,
      set,
      inputs.filter((s) => s.score).map((s) => ({ siteId: s.id, score: s.score })),
    );
  const ranks = rankWithinGroups(
    inputs.map((s) => ({
      id: s.id,
      group: s.group,
      score: s.score?.score ?? null,
      vetoed: (s.score?.vetoes.length ?? 0) > 0,
      pending: s.score?.pendingReview ?? false,
    })),
  );
  const sample = storedSample(run.options?.['sample']);
  const newMediaSource = run.options?.['newMedia'] as AssessmentInfo['newMedia'];
  return buildResults(
    {
      runId,
      name: run.name,
      asOf: run.asOf,
      indicatorSet: { id: set.id, version: set.version, sha256: set.sha256, title: set.title.zh },
      crawl,
      evidenceDir,
      generatedAt: new Date().toISOString(),
      ...(sample ? { sample } : {}),
      ...(newMediaSource ? { newMedia: newMediaSource } : {}),
    },
    inputs,
    ranks,
    new Map(set.indicators.flatMap((i) => (i.advice ? [[i.id, i.advice] as const] : []))),
  );
}
