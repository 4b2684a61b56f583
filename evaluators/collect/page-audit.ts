import PQueue from 'p-queue';
import type { Browser } from 'puppeteer';

import { type AxePageResult, runAxe } from './axe.js';
import { classifyError, openUrl } from './navigate.js';
import { TabPool } from './tab-pool.js';

/** One page audited on its own (no crawl): where it ended up, why it could not be audited, or what axe found. */
export interface PageAudit {
  url: string;
  finalUrl: string | null;
  status: number | null;
  /** Why the page was not audited (timeout, http-404, axe-unfinished …); null when it was. */
  error: string | null;
  axe: AxePageResult | null;
}

export interface PageAuditOptions {
  userAgent: string;
  timeoutMs: number;
  axeTimeoutMs: number;
  /** Pages audited at once (tabs). */
  concurrency: number;
}

/**
 * Audits given pages the way the crawl scans the pages it samples, for a web team re-testing what it
 * fixed (`govscore a11y`): each page loaded and settled in a reused tab, then the accessibility pass.
 * A page that cannot be loaded or audited is recorded with its reason; the others go on. Results come
 * back in the order the URLs were given.
 */
export async function auditPages(browser: Browser, urls: readonly string[], options: PageAuditOptions): Promise<PageAudit[]> {
  const tabs = new TabPool(browser, options.userAgent);
  const queue = new PQueue({ concurrency: options.concurrency });
  try {
    return await Promise.all(
      urls.map((url) =>
        queue.add(
          () =>
            tabs
              .use(async (tab): Promise<PageAudit> => {
                const opened = await openUrl(tab, url, options.timeoutMs, true);
                const failed = opened.error ?? ((opened.status ?? 200) >= 400 ? `http-${opened.status}` : null);
                if (failed) return { url, finalUrl: opened.finalUrl || null, status: opened.status, error: failed, axe: null };
                const axe = await runAxe(tab, { timeoutMs: options.axeTimeoutMs });
                return { url, finalUrl: opened.finalUrl, status: opened.status, error: axe ? null : 'axe-unfinished', axe };
              })
              // A tab that could not even be opened is this page's failure, not the run's.
              .catch((error: unknown): PageAudit => ({ url, finalUrl: null, status: null, error: classifyError(error), axe: null })),
          { throwOnTimeout: true },
        ),
      ),
    );
  } finally {
    await tabs.close();
  }
}
