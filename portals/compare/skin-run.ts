import type { Browser } from 'puppeteer';

import { collectSite } from '../../evaluators/collect/crawl-site.js';
import { type CollectOptions, defaultCollectOptions } from '../../evaluators/collect/options.js';
import type { SiteCollection } from '../../evaluators/collect/site-collection.js';
import { evaluateSite, type SiteMeasurements } from '../../evaluators/evaluate-site.js';
import { scoreSite, type SiteScore } from '../../indicators/engine.js';
import { loadIndicatorSet } from '../../indicators/load.js';
import type { IndicatorSet } from '../../indicators/types.js';
import { type RunningPortal, startPortalSet } from '../server/portal-set.js';
import { compareEvaluators } from './evaluator-compare.js';
import { markupEvidence } from './markup-evidence.js';
import type { PortalFigures } from './portal-figures.js';
import { compareColumns, truthVetoes } from './truth-compare.js';

/**
 * The crawl budget for accuracy runs: no axe, no Lighthouse, no link checking, one probe. What is measured
 * (columns, dates, vetoes) does not depend on those. The page budget stays the product's (500): a skin that
 * makes the crawler wander must not lose columns to a budget the product would not have.
 */
export const accuracyCollectOptions: CollectOptions = { ...defaultCollectOptions, axe: 'off', lighthousePages: 0, maxLinks: 0, probes: 1 };

export interface SkinRunOptions {
  asOf: string;
  skin: string;
  families: string[];
  seed?: string;
  collect?: CollectOptions;
  /** Portals crawled at once in the one browser. */
  concurrency?: number;
  /** Collect the markup behind wrong measurements while the portals are served (markup-evidence.ts). */
  evidence?: boolean;
}

/** Serves the portals under one skin, runs govscore's collection, evaluation and scoring on each, compares with the truth. */
export async function runSkin(browser: Browser, options: SkinRunOptions): Promise<PortalFigures[]> {
  const set = await startPortalSet({ asOf: options.asOf, seed: options.seed ?? 'skins', skin: options.skin });
  const indicators = loadIndicatorSet('national-2019');
  const collect = options.collect ?? accuracyCollectOptions;
  try {
    const queue = options.families.map((id) => set.get(id));
    const figures: PortalFigures[] = [];
    const worker = async () => {
      for (let portal = queue.shift(); portal; portal = queue.shift()) {
        const f = await measure(browser, portal, options.asOf, set.skin, collect, indicators);
        if (options.evidence) f.evidence = await markupEvidence(portal, f);
        figures.push(f);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
    return options.families.map((id) => figures.find((f) => f.id === id)!);
  } finally {
    await set.close();
  }
}

async function measure(
  browser: Browser,
  portal: RunningPortal,
  asOf: string,
  skin: string,
  collect: CollectOptions,
  indicators: IndicatorSet,
): Promise<PortalFigures> {
  const started = performance.now();
  const truth = portal.truth;
  const c = await collectSite(browser, portal.url, asOf, collect);
  const observed = { homepage: c.homepage, columns: c.columns, probes: c.probes, links: c.links, documents: c.documents, ...(c.features ?? {}) };
  const profile = { level: truth.portal.level, services: truth.portal.services };
  const { measurements, findings } = evaluateSite(observed, asOf, profile);
  const score = scoreSite(indicators, measurements, findings, profile);
  return portalFigures(portal, skin, asOf, c, measurements, score, (performance.now() - started) / 1000);
}

/** One portal's figures from a crawl already evaluated and scored. */
function portalFigures(
  portal: RunningPortal,
  skin: string,
  asOf: string,
  c: SiteCollection,
  measurements: SiteMeasurements,
  score: SiteScore,
  seconds: number,
): PortalFigures {
  const truth = portal.truth;
  const update = measurements.updateFrequency;
  // The planted wording errors and leaks make a suspected V8 only where page texts were kept (an evidence folder):
  // without them the text checks measured nothing, which is not a miss of the crawl.
  const expected = truthVetoes(truth).filter((v) => v !== 'V8' || measurements.textChecks);
  const confirmed = score.vetoes.map((v) => v.indicator);
  const suspected = score.suspectedVetoes.map((v) => v.indicator);
  const claimed = new Set([...confirmed, ...suspected]);
  const home = update?.homepage ? { latest: update.homepage.latest, stale: update.homepage.stale } : null;
  const homeExpected = { latest: truth.homepage.latest, stale: truth.homepage.stale };
  return {
    id: portal.id,
    skin,
    url: portal.url,
    failure: c.failure ? `${c.failure.status}: ${c.failure.reason}` : null,
    columns: compareColumns(update?.columns ?? [], truth),
    evaluators: compareEvaluators(measurements, truth, asOf),
    homepage: { expected: homeExpected, got: home, correct: home !== null && home.latest === homeExpected.latest && home.stale === homeExpected.stale },
    vetoes: {
      expected,
      confirmed,
      suspected,
      falseConfirmed: confirmed.filter((v) => !expected.includes(v)),
      falseSuspected: suspected.filter((v) => !expected.includes(v)),
      missed: expected.filter((v) => !claimed.has(v)),
      reasons: [...score.vetoes, ...score.suspectedVetoes].map((v) => `${v.indicator} ${v.reason}`),
    },
    pages: c.stats.pages,
    phases: { ...(c.stats.phases ?? {}) },
    seconds: Math.round(seconds * 10) / 10,
  };
}
