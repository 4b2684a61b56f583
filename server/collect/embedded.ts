import PQueue from 'p-queue';

import { launchBrowser } from '../../evaluators/collect/browser.js';
import type { SiteProgress } from '../../evaluators/collect/crawl-site.js';
import type { EvidenceSink } from '../../evaluators/collect/evidence.js';
import { LighthouseRunner } from '../../evaluators/collect/lighthouse.js';
import type { CollectOptions } from '../../evaluators/collect/options.js';
import type { RunSiteRow, Store } from '../store/store.js';
import { ProgressDisplay, type RunProgress, siteFinished, siteStarted } from './progress.js';
import { publishProgress } from './progress-publisher.js';
import { collectSiteResult } from './site-result.js';

const retryDelayMs = 3000;

/**
 * The embedded mode: this process's Chromium crawls the pending sites, `concurrency` at a time, and each
 * site's result is saved as soon as it is done (its pages journaled as they are read, so a killed run
 * resumes mid-site).
 */
export async function collectEmbedded(
  store: Store,
  runId: string,
  pending: RunSiteRow[],
  settings: {
    asOf: string;
    collect: CollectOptions;
    evidence: EvidenceSink;
    concurrency: number;
    total: number;
    log: (line: string) => void;
    /** Show the sites in flight and the run's remaining time (server/collect/progress.ts). */
    progress?: boolean;
  },
): Promise<void> {
  const { asOf, collect, evidence, total } = settings;
  const state: RunProgress = {
    total,
    done: total - pending.length,
    durations: [],
    concurrency: settings.concurrency,
    budget: collect.maxPages,
    inFlight: [],
  };
  const display = settings.progress ? new ProgressDisplay(state) : null;
  const log = display ? (line: string) => display.log(line) : settings.log;
  display?.start();
  const browser = await launchBrowser();
  const lighthouse = new LighthouseRunner();
  if (collect.lighthousePages > 0) lighthouse.warm();
  // The web's progress page reads the same figures from the store.
  const published = publishProgress(store, runId, state);
  try {
    const queue = new PQueue({ concurrency: settings.concurrency });
    for (const site of pending) {
      void queue.add(async () => {
        store.markSiteStarted(runId, site.siteId);
        const started = performance.now();
        const progress: SiteProgress = { phase: 'start', pages: [] };
        siteStarted(state, { siteId: site.siteId, name: site.name, startedAt: Date.now(), progress });
        const journal = store.crawlJournal(runId, site.siteId);
        if (journal.size) log(`${site.siteId}: resuming after ${journal.size} pages recorded before the interruption`);
        const attempt = () => collectSiteResult(browser, site.url, asOf, collect, { evidence, siteId: site.siteId, journal, lighthouse, progress });
        let collected = await attempt();
        // A timeout, refused connection or 5xx may pass a moment later: one more try before recording it.
        if (collected.retryable) {
          await new Promise((r) => setTimeout(r, retryDelayMs));
          collected = await attempt();
        }
        store.saveSiteResult(runId, site.siteId, collected.result);
        siteFinished(state, site.siteId, (performance.now() - started) / 1000);
        log(`[${state.done}/${total}] ${site.siteId} ${site.name} — ${collected.summary} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      });
    }
    await queue.onIdle();
  } finally {
    published.stop();
    display?.stop();
    await lighthouse.close();
    await browser.close();
  }
}
