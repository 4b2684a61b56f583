import PQueue from 'p-queue';
import type { Browser, Page } from 'puppeteer';

import { type AxePageResult, runAxe } from './axe.js';
import { classifyError, openUrl } from './navigate.js';
import { type PageCheckOptions, type PageCheckResult, runPageChecks, uncheckedPage } from './page-checks.js';
import { TabPool } from './tab-pool.js';
import { siteRoot } from './url-scope.js';

/**
 * The page checks with the crawl's bounds (10 s, 80 Tab presses): a page they cannot finish in time is recorded as not checked.
 * `restore` loads the page again should a check have taken the tab elsewhere: for a tab read further after the checks.
 * `mark`: the bench's per-part profile (PageCheckOptions.mark).
 */
export function checkTab(
  tab: Page,
  role: PageCheckResult['role'],
  restore?: (url: string) => Promise<unknown>,
  mark?: PageCheckOptions['mark'],
): Promise<PageCheckResult> {
  return runPageChecks(tab, { role, timeoutMs: 10_000, maxTabs: 80, restore, mark });
}

/**
 * The accessibility pass on the page a tab holds, the same in the crawl and in `govscore a11y`: axe-core
 * (every rule), then the checks axe does not make. A page axe could not finish is not checked either (what
 * hung axe would hang them too); `axe` is then null. `pageChecks: false` (the bench's axe-only crawl) runs
 * axe alone: `checks` is then null. `restore`: see checkTab.
 */
export async function auditTab(
  tab: Page,
  role: PageCheckResult['role'],
  o: { axeTimeoutMs: number; pageChecks?: boolean; restore?: (url: string) => Promise<unknown> },
): Promise<{ axe: AxePageResult | null; axeMs: number; checks: PageCheckResult | null }> {
  const started = performance.now();
  const axe = await runAxe(tab, { timeoutMs: o.axeTimeoutMs });
  const axeMs = Math.round(performance.now() - started);
  const checks = o.pageChecks === false ? null : axe ? await checkTab(tab, role, o.restore) : uncheckedPage(tab.url(), role, 0, 'axe-unfinished');
  return { axe, axeMs, checks };
}

/** One page audited on its own (no crawl): where it ended up, why it could not be audited, or what axe and the checks found. */
export interface PageAudit {
  url: string;
  finalUrl: string | null;
  status: number | null;
  /** Why the page was not audited (timeout, http-404, axe-unfinished …); null when it was. */
  error: string | null;
  axe: AxePageResult | null;
  checks: PageCheckResult | null;
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
                if (failed) return { url, finalUrl: opened.finalUrl || null, status: opened.status, error: failed, axe: null, checks: null };
                // Nothing reads the tab after the audit: a check that took it elsewhere is not followed by a reload.
                // A site's root is its homepage, whose title may be the site's name alone.
                const role = siteRoot(url) || siteRoot(opened.finalUrl) ? 'homepage' : 'page';
                const { axe, checks } = await auditTab(tab, role, { axeTimeoutMs: options.axeTimeoutMs });
                return { url, finalUrl: opened.finalUrl, status: opened.status, error: axe ? null : 'axe-unfinished', axe, checks };
              })
              // A tab that could not even be opened is this page's failure, not the run's.
              .catch((error: unknown): PageAudit => ({ url, finalUrl: null, status: null, error: classifyError(error), axe: null, checks: null })),
          { throwOnTimeout: true },
        ),
      ),
    );
  } finally {
    await tabs.close();
  }
}
