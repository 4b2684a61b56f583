import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import { ConfigError } from '../../common/config-errors.js';
import { EvidenceSink } from '../../evaluators/collect/evidence.js';
import { type CollectOptions, defaultCollectOptions } from '../../evaluators/collect/options.js';
import type { IndicatorSet } from '../../indicators/types.js';
import { compareFindings } from '../../reports/finding-changes.js';
import { recheckFindings, type RecheckResults } from '../../reports/recheck.js';
import { renderRecheckNotice } from '../../reports/recheck-notice.js';
import type { Results } from '../../reports/results.js';
import { textDictionariesOption } from '../config/text-dictionaries.js';
import { recheckOfOption } from '../store/rechecks.js';
import type { RunRow, Store } from '../store/store.js';
import { lastUsedSet, runsStored } from './run-set.js';
import { computeRun } from './score-run.js';

export interface RecheckOptions {
  /** The run whose findings are re-checked. */
  runId: string;
  /** Only these sites (default: every site of the run with a finding). */
  sites?: string[];
  out: string;
  /** The fix deadline of the order (整改期限), stated in the notice. */
  deadline?: string;
  /** The re-check's evaluation date (default: today, UTC+8). */
  asOf?: string;
  /** Pages opened per site at most (default: the earlier run's budget, so the same pages are opened again). */
  maxPages?: number;
  concurrency?: number;
  issuer?: string;
  log?: (line: string) => void;
}

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 整改复核: collects again, with the same collection as the earlier run, only the sites that had findings, and
 * only the measurements those findings rest on (the accessibility pass only when an accessibility finding is
 * to be re-checked), into a run of its own in the same store; evaluates it under the earlier run's indicator
 * set and records each earlier finding as fixed, not fixed or not measured, and what is new on those sites.
 * Writes recheck.json and the notice (recheck-notice.html) to `out` and keeps the re-check in the store.
 */
export async function recheckRun(store: Store, o: RecheckOptions): Promise<{ result: RecheckResults; files: { json: string; notice: string } }> {
  const log = o.log ?? ((line: string) => console.log(line));
  const run = store.getRun(o.runId);
  if (!run) throw new ConfigError(store.files.file, 1, '--run', `no run ${o.runId} in this store`, runsStored(store));
  if (run.options[recheckOfOption])
    throw new ConfigError(
      store.files.file,
      1,
      '--run',
      `${run.id} is a re-check of ${String(run.options[recheckOfOption])}`,
      'name the run that was re-checked',
    );
  const set = lastUsedSet(store, run.id, run.indicators);
  const robots = run.options['robots'] === 'ignore' ? 'ignore' : 'respect';
  const runSites = store.runSites(run.id);
  const unknown = (o.sites ?? []).filter((id) => !runSites.some((s) => s.siteId === id));
  if (unknown.length)
    throw new ConfigError(
      store.files.file,
      1,
      '--sites',
      `not in run ${run.id}: ${unknown.join(', ')}`,
      `its sites: ${runSites.map((s) => s.siteId).join(', ')}`,
    );
  const chosen = new Set(o.sites?.length ? o.sites : runSites.map((s) => s.siteId));
  const earlier = computeRun(store, run.id, set, { userAgent: '', robots }, '.', { save: false, sites: chosen });
  const withFindings = earlier.sites.filter((s) => s.status === 'assessed' && s.indicators.some((i) => i.findings.length > 0));
  const asOf = o.asOf ?? chinaToday();
  const checkedAt = new Date().toISOString();
  const collect = recheckCollect(run, set, withFindings, o.maxPages);
  const recheck = createRecheckRun(
    store,
    run,
    asOf,
    checkedAt,
    withFindings.map((s) => s.id),
    collect,
  );
  log(
    `整改复核 ${run.id} → ${recheck.id}: ${withFindings.length} site(s) with findings (${withFindings.map((s) => s.id).join(', ') || 'none'}), asOf ${asOf}, ` +
      `max ${collect.maxPages} pages, accessibility pass ${collect.axe}`,
  );
  const evidence = new EvidenceSink(join(dirname(resolve(store.files.file)), 'evidence', recheck.id), 500 * 1024 * 1024);
  const pending = store.runSites(recheck.id);
  if (pending.length)
    await (
      await import('../collect/embedded.js')
    ).collectEmbedded(store, recheck.id, pending, { asOf, collect, evidence, concurrency: o.concurrency ?? 2, total: pending.length, log });
  store.finishRun(recheck.id);
  const result = judgeRecheck(store, earlier, recheck.id, set, { deadline: o.deadline ?? null, checkedAt, evidenceDir: relative(o.out, evidence.dir) || '.' });
  mkdirSync(o.out, { recursive: true });
  const files = { json: join(o.out, 'recheck.json'), notice: join(o.out, 'recheck-notice.html') };
  writeFileSync(files.json, JSON.stringify(result, null, 2) + '\n');
  writeFileSync(files.notice, renderRecheckNotice(result, { issuer: o.issuer }));
  return { result, files };
}

/**
 * The earlier run's collection, so that the same pages are opened again and a finding is found again where it
 * still is; the accessibility pass (which opens no page of its own) only when an accessibility finding is to be
 * re-checked. `maxPages` overrides the budget.
 */
export function recheckCollect(run: RunRow, set: IndicatorSet, sites: Results['sites'], maxPages?: number): CollectOptions {
  // What an indicator rests on: its measurement, and where its findings come from when that is another one.
  const source = new Map(set.indicators.map((i) => [i.id, `${i.source} ${i.findings ?? ''}`]));
  const accessibility = sites.some((s) => s.indicators.some((i) => i.findings.length > 0 && /\b(accessibility|pageChecks)\b/.test(source.get(i.id) ?? '')));
  const earlierAxe = (run.options['axe'] as CollectOptions['axe'] | undefined) ?? defaultCollectOptions.axe;
  return {
    ...defaultCollectOptions,
    maxPages: maxPages ?? (run.options['maxPages'] as number | undefined) ?? defaultCollectOptions.maxPages,
    robots: run.options['robots'] === 'ignore' ? 'ignore' : 'respect',
    axe: accessibility ? earlierAxe : 'off',
    lighthousePages: (run.options['lighthousePages'] as number | undefined) ?? defaultCollectOptions.lighthousePages,
  };
}

/**
 * Judges a re-check from the store: the earlier run's results (`earlier`, its sites re-checked only) against the
 * re-check run's, each earlier finding fixed, not fixed or not measured, the new ones added, with the departments'
 * marks; kept in the store.
 */
export function judgeRecheck(
  store: Store,
  earlier: Results,
  recheckRunId: string,
  set: IndicatorSet,
  o: { deadline: string | null; checkedAt: string; evidenceDir: string },
): RecheckResults {
  const recheck = store.getRun(recheckRunId)!;
  const robots = recheck.options['robots'] === 'ignore' ? 'ignore' : 'respect';
  const current = computeRun(store, recheckRunId, set, { userAgent: defaultCollectOptions.userAgent, robots }, o.evidenceDir);
  const rechecked = new Set(current.sites.map((s) => s.id));
  const compared = compareFindings(withLapsedDismissals({ ...earlier, sites: earlier.sites.filter((s) => rechecked.has(s.id)) }, current), current);
  const runId = earlier.assessment.runId;
  const marks = new Map([...store.rechecks.marks(runId)].map(([key, m]) => [key, { note: m.note, at: m.at }]));
  const result: RecheckResults = {
    schema: 'govscore-recheck/1',
    runId,
    runName: earlier.assessment.name,
    runAsOf: earlier.assessment.asOf,
    recheckRunId,
    asOf: recheck.asOf,
    checkedAt: o.checkedAt,
    deadline: o.deadline,
    ...recheckFindings(compared, marks),
  };
  store.rechecks.save(result);
  return result;
}

/**
 * A finding a reviewer dismissed in the earlier run is not among its findings, so it was not ordered fixed; when its
 * dismissal lapsed by the re-check (its page changed) and it is found again, it is the same problem still there —
 * 未整改, not 新发现 — so it joins the earlier run's findings. One still dismissed stays out of both.
 */
function withLapsedDismissals(earlier: Results, current: Results): Results {
  const lapsed = new Set(current.sites.flatMap((s) => s.indicators.flatMap((i) => i.findings.filter((f) => f.dismissal?.lapsed).map((f) => f.key))));
  if (!lapsed.size) return earlier;
  return {
    ...earlier,
    sites: earlier.sites.map((s) => ({
      ...s,
      indicators: s.indicators.map((i) => ({ ...i, findings: [...i.findings, ...(i.dismissed ?? []).filter((f) => lapsed.has(f.key))] })),
    })),
  };
}

function createRecheckRun(store: Store, run: RunRow, asOf: string, checkedAt: string, siteIds: string[], collect: CollectOptions): RunRow {
  const key = createHash('sha256')
    .update(JSON.stringify(['recheck', run.id, checkedAt, siteIds]))
    .digest('hex');
  const sites = store.runSites(run.id).filter((s) => siteIds.includes(s.siteId));
  return store.createRun(
    {
      id: `${asOf.replaceAll('-', '')}-${key.slice(0, 8)}`,
      key,
      name: `${run.name}（整改复核）`,
      asOf,
      sitesFile: run.sitesFile,
      sitesSha256: run.sitesSha256,
      indicators: run.indicators,
      options: {
        maxPages: collect.maxPages,
        robots: collect.robots,
        axe: collect.axe,
        lighthousePages: collect.lighthousePages,
        [recheckOfOption]: run.id,
        ...(run.options[textDictionariesOption] ? { [textDictionariesOption]: run.options[textDictionariesOption] } : {}),
      },
    },
    sites.map(({ status: _s, statusReason: _r, ...site }, position) => ({ ...site, position })),
  );
}
