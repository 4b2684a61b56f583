/**
 * Planning a run and opening it in the store: the same for `govscore assess`, the web app's campaigns and the
 * queue's scheduled campaigns.
 */
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';

import type { SiteSample } from '../../common/site-sample.js';
import { type CollectOptions, defaultCollectOptions } from '../../evaluators/collect/options.js';
import type { DictionarySource } from '../../evaluators/lib/text-dictionaries.js';
import { loadIndicatorSet } from '../../indicators/load.js';
import type { IndicatorSet } from '../../indicators/types.js';
import { sampleSites } from '../config/sample-sites.js';
import { loadSitesFile, type SitesFile } from '../config/sites-file.js';
import { builtinDictionaries, loadDictionaries, textDictionariesOption } from '../config/text-dictionaries.js';
import type { RunRow, Store } from '../store/store.js';

/** What a run is asked to assess: the sites, the date, the indicator set and the crawl budgets. */
export interface PlanOptions {
  sitesFile: string;
  asOf?: string;
  indicators?: string;
  maxPages?: number;
  /** The evaluation office's override: crawl pages robots.txt disallows (recorded in the report). */
  ignoreRobots?: boolean;
  /** Pause between page loads on one host, in ms. */
  delayMs?: number;
  /** The longest Retry-After pause waited out, in ms (CollectOptions.rateLimitPatienceMs). */
  rateLimitPatienceMs?: number;
  /** Pages axe-core scans and Lighthouse runs per site (CollectOptions.axe / lighthousePages). */
  axe?: CollectOptions['axe'];
  lighthousePages?: number;
  /** Assess a random sample of this many sites of the sites file (recorded in the reports with its seed). */
  sample?: number;
  /** The sample's seed (default: the evaluation date): the same file, size and seed give the same sites. */
  seed?: string;
  /** The folder of the wording check's dictionaries (overrides the sites file's `dictionaries`). */
  dictionaries?: string;
}

/** What identifies a run: the sites file, the date, the indicator set and the crawl budgets. */
export interface RunPlan {
  sites: SitesFile;
  asOf: string;
  set: IndicatorSet;
  collect: CollectOptions;
  /** The sites drawn when the run assesses a sample (`sites.sites` then holds only those). */
  sample?: SiteSample;
  /** The wording check's dictionaries, read and checked: stored with the run (evaluate-time data, not part of its key). */
  dictionaries: DictionarySource;
}

/** Reads the sites file and the indicator set and settles the crawl options of an assess command. */
export function planRun(options: PlanOptions): RunPlan {
  const file = loadSitesFile(options.sitesFile);
  const asOf = options.asOf ?? file.asOf;
  const drawn = options.sample ? sampleSites(file.sites, options.sample, options.seed ?? asOf) : null;
  const sites = drawn ? { ...file, sites: drawn.chosen } : file;
  // An indicator-set path in the sites file is relative to that file; on the command line, to the cwd.
  const fromSitesFile = /^[a-z0-9-]+$/.test(sites.indicators) ? sites.indicators : resolve(dirname(options.sitesFile), sites.indicators);
  const set = loadIndicatorSet(options.indicators ?? fromSitesFile);
  const collect: CollectOptions = {
    ...defaultCollectOptions,
    ...(options.maxPages ? { maxPages: options.maxPages } : {}),
    robots: options.ignoreRobots ? 'ignore' : 'respect',
    ...(options.delayMs ? { delayMs: options.delayMs } : {}),
    ...(options.rateLimitPatienceMs ? { rateLimitPatienceMs: options.rateLimitPatienceMs } : {}),
    ...(options.axe ? { axe: options.axe } : {}),
    ...(options.lighthousePages !== undefined ? { lighthousePages: options.lighthousePages } : {}),
  };
  const dictionaries = loadDictionaries(options.dictionaries ?? file.dictionaries ?? builtinDictionaries);
  return { sites, asOf, set, collect, dictionaries, ...(drawn ? { sample: drawn.sample } : {}) };
}

/**
 * The run of a plan, created on first use. The same sites file, date, indicator set and budgets make the
 * same run, so running the command again resumes it — and the web app can create the run (and know its
 * id) before it starts the assess process, which then finds it.
 */
export function openRun(store: Store, plan: RunPlan): RunRow {
  const run = findOrCreateRun(store, plan);
  // The dictionaries the command names now are the run's: evaluate-time data, stored by text and sha256.
  store.setRunOption(run.id, textDictionariesOption, plan.dictionaries);
  return store.getRun(run.id)!;
}

function findOrCreateRun(store: Store, { sites, asOf, set, collect, sample }: RunPlan): RunRow {
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        sites.source.sha256,
        asOf,
        set.sha256,
        collect.maxPages,
        collect.robots,
        collect.axe,
        collect.lighthousePages,
        ...(sample ? [sample.seed, sample.size] : []),
      ]),
    )
    .digest('hex');
  return (
    store.findRunByKey(key) ??
    store.createRun(
      {
        id: `${asOf.replaceAll('-', '')}-${key.slice(0, 8)}`,
        key,
        name: sites.name,
        asOf,
        sitesFile: sites.source.file,
        sitesSha256: sites.source.sha256,
        indicators: set.id,
        options: {
          maxPages: collect.maxPages,
          robots: collect.robots,
          axe: collect.axe,
          lighthousePages: collect.lighthousePages,
          ...(sample ? { sample } : {}),
        },
      },
      sites.sites.map((s, position) => ({
        siteId: s.id,
        position,
        name: s.name,
        url: s.url,
        group: s.group,
        services: s.services,
        level: s.level,
        portal: s.portal,
      })),
    )
  );
}
