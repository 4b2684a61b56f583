import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { EvidenceSink } from '../../evaluators/collect/evidence.js';
import { defaultCollectOptions, type CollectOptions } from '../../evaluators/collect/options.js';
import { loadIndicatorSet } from '../../indicators/load.js';
import type { IndicatorSet } from '../../indicators/types.js';
import { sampleSites, type SiteSample } from '../config/sample-sites.js';
import { loadSitesFile, type SitesFile } from '../config/sites-file.js';
import { Store, type RunRow } from '../store/store.js';

export interface AssessOptions {
  sitesFile: string;
  out: string;
  db?: string;
  asOf?: string;
  indicators?: string;
  maxPages?: number;
  concurrency?: number;
  /** The evaluation office's override: crawl pages robots.txt disallows (recorded in the report). */
  ignoreRobots?: boolean;
  /** Pause between page loads on one host, in ms. */
  delayMs?: number;
  /** Screenshots kept per run, in MB (files next to the store). */
  evidenceMb?: number;
  /** Pages axe-core scans and Lighthouse runs per site (CollectOptions.axe / lighthousePages). */
  axe?: CollectOptions['axe'];
  lighthousePages?: number;
  /** Assess a random sample of this many sites of the sites file (recorded in the reports with its seed). */
  sample?: number;
  /** The sample's seed (default: the evaluation date): the same file, size and seed give the same sites. */
  seed?: string;
  /** Redis URL: hand the sites to `govscore worker` processes through the queue instead of crawling here. */
  queue?: string;
  log?: (line: string) => void;
}

/** What identifies a run: the sites file, the date, the indicator set and the crawl budgets. */
export interface RunPlan {
  sites: SitesFile;
  asOf: string;
  set: IndicatorSet;
  collect: CollectOptions;
  /** The sites drawn when the run assesses a sample (`sites.sites` then holds only those). */
  sample?: SiteSample;
}

/** Reads the sites file and the indicator set and settles the crawl options of an assess command. */
export function planRun(options: Omit<AssessOptions, 'out' | 'db' | 'concurrency' | 'evidenceMb' | 'log' | 'queue'>): RunPlan {
  const file = loadSitesFile(options.sitesFile);
  const asOf = options.asOf ?? file.asOf;
  const drawn = options.sample ? sampleSites(file.sites, options.sample, options.seed ?? asOf) : null;
  const sites = drawn ? { ...file, sites: drawn.chosen } : file;
  // An indicator-set path in the sites file is relative to that file; on the command line, to the cwd.
  const fromSitesFile = /^[a-z0-9-]+$/.test(sites.indicators) ? sites.indicators : resolve(dirname(options.sitesFile), sites.indicators);
  const set = loadIndicatorSet(options.indicators ?? fromSitesFile);
  const collect: CollectOptions = { ...defaultCollectOptions, ...(options.maxPages ? { maxPages: options.maxPages } : {}), robots: options.ignoreRobots ? 'ignore' : 'respect', ...(options.delayMs ? { delayMs: options.delayMs } : {}), ...(options.axe ? { axe: options.axe } : {}), ...(options.lighthousePages !== undefined ? { lighthousePages: options.lighthousePages } : {}) };
  return { sites, asOf, set, collect, ...(drawn ? { sample: drawn.sample } : {}) };
}

/**
 * The run of a plan, created on first use. The same sites file, date, indicator set and budgets make the
 * same run, so running the command again resumes it — and the web app can create the run (and know its
 * id) before it starts the assess process, which then finds it.
 */
export function openRun(store: Store, { sites, asOf, set, collect, sample }: RunPlan): RunRow {
  const key = createHash('sha256')
    .update(JSON.stringify([sites.source.sha256, asOf, set.sha256, collect.maxPages, collect.robots, collect.axe, collect.lighthousePages, ...(sample ? [sample.seed, sample.size] : [])]))
    .digest('hex');
  return (
    store.findRunByKey(key) ??
    store.createRun(
      { id: `${asOf.replaceAll('-', '')}-${key.slice(0, 8)}`, key, name: sites.name, asOf, sitesFile: sites.source.file, sitesSha256: sites.source.sha256, indicators: set.id, options: { maxPages: collect.maxPages, robots: collect.robots, axe: collect.axe, lighthousePages: collect.lighthousePages, ...(sample ? { sample } : {}) } },
      sites.sites.map((s, position) => ({ siteId: s.id, position, name: s.name, url: s.url, group: s.group, services: s.services, level: s.level })),
    )
  );
}

/**
 * `govscore assess`: collect every site not yet collected in this run (each page's outcome is
 * journaled as soon as it is read and each site's results saved in one transaction, so a killed run keeps
 * what it did and the same command resumes, mid-site if need be), then evaluate, score, rank and write
 * the reports from the store.
 */
export async function assess(options: AssessOptions): Promise<{ runId: string; outputs: { results: string; csv: string; report: string } }> {
  const log = options.log ?? ((line: string) => console.log(line));
  // A sites file or indicator set with an error is said before the crawler, the queue client and the
  // report writers are loaded (they take a second or more to import): their modules load after the plan.
  const plan = planRun(options);
  // A wrong queue URL or a stopped Redis is said before anything is created.
  if (options.queue) await (await import('../queue/connection.js')).checkRedis(options.queue);
  const { sites, asOf, set, collect } = plan;
  const dbFile = options.db ?? join(options.out, 'govscore.db');
  const store = new Store(dbFile);
  try {
    const run = openRun(store, plan);
    const pending = store.runSites(run.id).filter((s) => s.status === 'pending');
    const total = sites.sites.length;
    if (plan.sample) log(`random sample: ${plan.sample.size} of ${plan.sample.population} sites, seed "${plan.sample.seed}": ${plan.sample.siteIds.join(', ')}`);
    log(`${run.name} — run ${run.id}, asOf ${asOf}, ${set.id} v${set.version}: ${total - pending.length}/${total} sites already collected${pending.length ? `, collecting ${pending.length}` : ''}`);
    const evidence = new EvidenceSink(join(dirname(dbFile), 'evidence', run.id), (options.evidenceMb ?? 500) * 1024 * 1024);
    if (pending.length) {
      const settings = { asOf, collect, evidence, total, log };
      if (options.queue) await (await import('../queue/coordinator.js')).collectThroughQueue(store, run, pending, { ...settings, redisUrl: options.queue, evidenceMb: options.evidenceMb ?? 500 });
      else await (await import('../collect/embedded.js')).collectEmbedded(store, run.id, pending, { ...settings, concurrency: options.concurrency ?? 2 });
      if (evidence.failed || evidence.skipped) log(`screenshots: ${evidence.failed} could not be taken, ${evidence.skipped} skipped over the ${options.evidenceMb ?? 500} MB evidence budget`);
    }
    const { scoreRun } = await import('./score-run.js');
    const outputs = await scoreRun(store, run.id, set, options.out, { userAgent: collect.userAgent, robots: collect.robots }, relative(options.out, evidence.dir) || '.');
    store.finishRun(run.id);
    log(`report: ${outputs.report}\nresults: ${outputs.results}\nranking: ${outputs.csv}`);
    return { runId: run.id, outputs };
  } finally {
    store.close();
  }
}
