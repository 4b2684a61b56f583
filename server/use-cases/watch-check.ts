import PQueue from 'p-queue';
import type { Browser } from 'puppeteer';

import { launchBrowser } from '../../evaluators/collect/browser.js';
import { type CollectOptions, defaultCollectOptions } from '../../evaluators/collect/options.js';
import { earlyWarnings, type WarningLeads } from '../../evaluators/early-warnings.js';
import { evaluateSite } from '../../evaluators/evaluate-site.js';
import type { SiteMeasurements } from '../../evaluators/site-measurements.js';
import { collectSiteResult } from '../collect/site-result.js';
import type { SitesFile } from '../config/sites-file.js';
import type { WatchConfig } from '../config/watch-config.js';
import { deliverWarnings, type DeliverySummary } from '../notify/deliver.js';
import type { RetryPolicy } from '../notify/webhook.js';
import type { Store } from '../store/store.js';
import { type StoredWarning, WarningTable } from '../store/warnings.js';

/**
 * The light crawl of a check between campaigns: the homepage and the columns it links to (one level), their first
 * list page, the 信箱 section with the other sections the crawl finds beside it, and the homepage probes. No axe,
 * Lighthouse, link check or IPv6: what it watches is dates and letters. The depth keeps the crawl small (42–73
 * pages on two sample portals); the page budget is wide so that the mailbox's quarter share reaches every letter's
 * page (at 120 pages 29 of one portal's letter pages were refused, and a letter not read cannot be warned of).
 */
export const watchCollectOptions: CollectOptions = {
  ...defaultCollectOptions,
  maxPages: 400,
  maxDepth: 1,
  maxListPages: 1,
  maxArticlesPerColumn: 5,
  sampleArticlesPerColumn: 0,
  sitemapLimit: 0,
  maxLinks: 0,
  axe: 'off',
  pageChecks: false,
  lighthousePages: 0,
  ipv6Pages: 0,
};

export interface WatchCheckOptions {
  asOf: string;
  config: WatchConfig;
  /** Sites checked at once. */
  concurrency?: number;
  collect?: CollectOptions;
  retry?: RetryPolicy;
  log?: (line: string) => void;
}

export interface WatchCheckSummary {
  asOf: string;
  sites: number;
  fresh: number;
  continuing: number;
  closed: number;
  delivery: DeliverySummary;
}

/**
 * One check of every site of the sites file on `asOf`: collected lightly, evaluated with the campaign's own
 * evaluators (update windows, letters, probes with the monitor's of the last week), its early warnings stored
 * (a warning already open stays the same warning), then each department sent what it has not received yet.
 */
export async function runWatchCheck(store: Store, sites: SitesFile, options: WatchCheckOptions): Promise<WatchCheckSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const table = new WarningTable(store.db);
  const totals = { fresh: 0, continuing: 0, closed: 0 };
  const browser: Browser = await launchBrowser();
  try {
    const queue = new PQueue({ concurrency: options.concurrency ?? 2 });
    for (const site of sites.sites)
      void queue.add(async () => {
        const found = await checkSite(browser, store, site, options);
        const outcome = table.recordCheck({ id: site.id, name: site.name }, found.warnings, options.asOf, found.judged);
        totals.fresh += outcome.fresh.length;
        totals.continuing += outcome.continuing.length;
        totals.closed += outcome.closed;
        log(
          `${site.id} ${site.name} — ${found.summary}: ${outcome.fresh.length} new warnings, ${outcome.continuing.length} still open, ${outcome.closed} closed`,
        );
      });
    await queue.onIdle();
  } finally {
    await browser.close();
  }
  const delivery = await deliverWarnings(table, options.config, options.asOf, options.retry);
  for (const f of delivery.failed) log(`delivery to ${f.department} by ${f.channel} (${f.target}) failed: ${f.error}; tried again at the next check`);
  return { asOf: options.asOf, sites: sites.sites.length, ...totals, delivery };
}

async function checkSite(browser: Browser, store: Store, site: SitesFile['sites'][number], options: WatchCheckOptions) {
  const collected = await collectSiteResult(browser, site.url, options.asOf, options.collect ?? watchCollectOptions, { siteId: site.id });
  const observed = collected.result.observations;
  // The availability monitor's probes of the last week count with this check's own (as assess counts them).
  const now = Date.now();
  observed.monitorProbes = store.probes(site.url, new Date(now - 7 * 86_400_000).toISOString(), new Date(now + 60_000).toISOString());
  const { measurements } = evaluateSite(observed, options.asOf, { level: site.level, services: site.services, portal: site.portal });
  const failed = collected.result.status !== 'assessed';
  const warnings = earlyWarnings(
    {
      updateFrequency: failed ? null : measurements.updateFrequency,
      mailbox: failed ? null : measurements.mailbox,
      availability: measurements.availability,
      unreachable: failed ? (collected.result.statusReason ?? collected.result.status) : null,
      homepageUrl: site.url,
    },
    options.asOf,
    options.config.leads satisfies WarningLeads,
  );
  return { warnings, summary: collected.summary, judged: judgedBy(failed, measurements) };
}

/**
 * Which open warnings this check may close when it did not find them again: only what it read. A site that could
 * not be read says nothing of its columns and letters; a column, the homepage or letters whose pages could not be
 * read are not known to have been mended.
 */
function judgedBy(failed: boolean, m: SiteMeasurements): (open: StoredWarning) => boolean {
  if (failed) return (w) => w.kind === 'availability';
  const unreadColumns = new Set((m.updateFrequency?.columns ?? []).filter((c) => c.stale === null).map((c) => c.url));
  return (w) => {
    if (w.kind === 'column' || w.kind === 'blank-column')
      return !!m.updateFrequency && !unreadColumns.has(w.subject) && !m.updateFrequency.unread.some((p) => p.url === w.subject);
    if (w.kind === 'homepage') return !!m.updateFrequency && m.updateFrequency.homepage.stale !== null;
    if (w.kind === 'letter') return !!m.mailbox && m.mailbox.unread.length === 0;
    return true;
  };
}
