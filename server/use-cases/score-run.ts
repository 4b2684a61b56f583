import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';

import { findAbsences } from '../../evaluators/absences.js';
import { readPageTexts } from '../../evaluators/collect/page-texts.js';
import { evaluateImported, evaluateSite, type StoredObservations } from '../../evaluators/evaluate-site.js';
import { type DictionarySource, parseDictionaries } from '../../evaluators/lib/text-dictionaries.js';
import { type CompiledDictionaries, compileDictionaries } from '../../evaluators/lib/wording-matcher.js';
import { evaluateNewMedia } from '../../evaluators/new-media.js';
import { evaluateTextChecks, type TextChecksMeasurement } from '../../evaluators/text-checks.js';
import { scoreSite, type SiteScore } from '../../indicators/engine.js';
import type { IndicatorSet } from '../../indicators/types.js';
import { compareFindings, type FindingComparison } from '../../reports/finding-changes.js';
import { rankWithinGroups } from '../../reports/ranking.js';
import { type AssessmentInfo, buildResults, type Results, type SiteInput } from '../../reports/results.js';
import { type OutputOptions, writeOutputs } from '../../reports/write-outputs.js';
import { storedSample } from '../config/sample-sites.js';
import { storedDictionaries } from '../config/text-dictionaries.js';
import type { Store } from '../store/store.js';
import { siteDismissals } from './dismissal-basis.js';
import { previousRun } from './previous-run.js';

/** Text-check measurements kept by site, texts and dictionaries: a web page recomputing a run does not read and match every page again. */
const textCheckCache = new Map<string, TextChecksMeasurement>();
const textCheckCacheSize = 5000;

/**
 * The text checks of each site: its page texts, read from the run's evidence folder beside the store, matched
 * with the run's dictionaries (compiled once per run). The result is kept while the site's texts (their sha256)
 * and the dictionaries stay the same. A site without stored texts (an older run) is not measured.
 */
function textChecker(store: Store, runId: string, source: DictionarySource | null) {
  const dir = store.files.file === ':memory:' ? null : join(dirname(store.files.file), 'evidence', runId);
  const dictionaryKey = source ? source.files.map((f) => f.sha256).join(',') : 'none';
  let compiled: CompiledDictionaries | null | undefined;
  const check = (siteId: string, observed: StoredObservations): TextChecksMeasurement | null => {
    if (!dir || !observed.texts?.length) return null;
    const key = createHash('sha256')
      .update([runId, siteId, dictionaryKey, ...observed.texts.map((t) => `${t.file} ${t.sha256}`), JSON.stringify(observed.attachments ?? null)].join('\n'))
      .digest('hex');
    const kept = textCheckCache.get(key);
    if (kept) return kept;
    compiled ??= source ? compileDictionaries(parseDictionaries(source.files, source.source)) : null;
    const measured = evaluateTextChecks(readPageTexts(dir, observed.texts).documents, compiled, source, observed.attachments ?? null);
    if (textCheckCache.size >= textCheckCacheSize) textCheckCache.delete(textCheckCache.keys().next().value!);
    textCheckCache.set(key, measured);
    return measured;
  };
  return Object.assign(check, { source });
}

/** Evaluate → score → rank → write, from stored observations only (no browser). */
export async function scoreRun(
  store: Store,
  runId: string,
  set: IndicatorSet,
  outDir: string,
  crawl: { userAgent: string; robots: 'respect' | 'ignore' },
  evidenceDir: string,
  output: Omit<OutputOptions, 'set' | 'previous' | 'comparison'> = {},
  /** An earlier run (`govscore report --compare`): each finding new, fixed, unchanged or not measured now. */
  compareWith?: string,
) {
  const results = computeRun(store, runId, set, crawl, evidenceDir);
  const comparison = compareWith ? compareRuns(store, compareWith, results, set) : null;
  return writeOutputs(results, outDir, { ...output, set, previous: previousRun(store, runId, new Set(results.sites.map((s) => s.id))), comparison });
}

/**
 * This run's findings against an earlier run of the store. The earlier run is evaluated again from its stored
 * observations under this run's indicator set, so both sides carry keys made by today's code (a run stored
 * before findings had keys compares like any other) and an indicator id means the same on both sides.
 * `sites`: only these sites of both runs (a department's page reads its own site alone).
 */
export function compareRuns(store: Store, earlierRunId: string, current: Results, set: IndicatorSet, sites?: ReadonlySet<string>): FindingComparison {
  const robots = store.getRun(earlierRunId)?.options?.['robots'] === 'ignore' ? 'ignore' : 'respect';
  const earlier = computeRun(store, earlierRunId, set, { userAgent: '', robots }, current.assessment.evidenceDir, { save: false, sites });
  return compareFindings(earlier, sites ? { ...current, sites: current.sites.filter((s) => sites.has(s.id)) } : current);
}

/** Evaluate → score (stored, with the reviewers' overrides) → rank: the run's results, nothing written but the scores. */
/**
 * `save: false` only reads (a web page showing a run): the scores are stored by the re-score that changed them.
 * `sites`: only these sites are evaluated (reading one site's findings of an earlier run); with it nothing is saved
 * and the ranks are those among them.
 */
export function computeRun(
  store: Store,
  runId: string,
  set: IndicatorSet,
  crawl: { userAgent: string; robots: 'respect' | 'ignore' },
  evidenceDir: string,
  options: { save?: boolean; sites?: ReadonlySet<string> } = {},
): Results {
  const run = store.getRun(runId);
  if (!run) throw new Error(`no run ${runId} in the store`);
  const save = options.save !== false && !options.sites;
  // Scores computed from purged observations would replace the run's real ones with empty findings.
  if (save && run.options?.['observationsPurgedAt'])
    throw new Error(
      `run ${runId}: its observations were purged under the retention policy on ${String(run.options['observationsPurgedAt'])}; its stored scores stand`,
    );
  if (save) store.useIndicatorSet(set);
  const overrides = store.overrides.active(runId);
  const texts = textChecker(store, runId, storedDictionaries(run.options));
  const chosen = options.sites;
  // Observations purged (retention): what is left of an assessed site is its score as last stored, findings included.
  const purged = run.options?.['observationsPurgedAt'] ? new Map(store.scoresOf(runId).map((s) => [s.siteId, s.score as unknown as SiteScore])) : null;
  const inputs: SiteInput[] = store
    .runSites(runId)
    .filter((site) => !chosen || chosen.has(site.siteId))
    .map((site) => {
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
      if (purged)
        return {
          ...base,
          status: 'assessed',
          statusReason: null,
          score: purged.get(site.siteId) ?? null,
          update: null,
          availability: null,
          links: null,
          crawl: null,
        };
      const profile = { level: site.level, services: site.services, portal: site.portal ?? null };
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
      const { measurements, findings } = evaluateSite(observed, run.asOf, profile, texts(site.siteId, observed));
      const dismissals = siteDismissals(store, run, site.siteId, observed.texts);
      const score = scoreSite(set, measurements, findings, profile, overrides.get(site.siteId) ?? [], findAbsences(observed, measurements), dismissals);
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
        textChecks: measurements.textChecks ?? null,
        newMedia: measurements.newMedia,
        websiteReport: measurements.websiteReport ?? null,
        policyDocuments: measurements.policyDocuments ?? null,
        crawl: { pages: store.pageCount(runId, site.siteId), robots: observed.robots ?? null, budget: observed.stats?.budget ?? null },
      };
    });
  if (save)
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
      textDictionaries: texts.source ? { source: texts.source.source, files: texts.source.files.map((f) => ({ name: f.name, sha256: f.sha256 })) } : null,
      ...(sample ? { sample } : {}),
      ...(newMediaSource ? { newMedia: newMediaSource } : {}),
    },
    inputs,
    ranks,
    new Map(set.indicators.flatMap((i) => (i.advice ? [[i.id, i.advice] as const] : []))),
  );
}
