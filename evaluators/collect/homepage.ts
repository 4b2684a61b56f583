import type { Browser, Page } from 'puppeteer';

import { closeTab, newTab, type OpenedPage, openUrl } from './navigate.js';
import type { SiteFailure } from './observations.js';
import type { CollectOptions } from './options.js';
import { type PageRead, readPage } from './read-page.js';
import { retryOnce } from './retry-once.js';

/** The homepage the crawl starts from: its tab, how it loaded and what it shows, or why the site cannot be assessed. */
export interface Homepage {
  tab: Page;
  opened: OpenedPage;
  read: PageRead | null;
  failure: SiteFailure | null;
}

/** Loads and reads the homepage, once more in a fresh tab after a pause when it fails for a passing reason. */
export async function openHomepage(browser: Browser, url: string, options: CollectOptions): Promise<Homepage> {
  let tab: Page | null = null;
  return retryOnce(
    async () => {
      if (tab) await closeTab(tab);
      tab = await newTab(browser, options.userAgent);
      return loadHomepage(tab, url, options);
    },
    (h) => h.failure?.reason ?? null,
  );
}

async function loadHomepage(tab: Page, url: string, options: CollectOptions): Promise<Homepage> {
  const opened = await openUrl(tab, url, options.timeoutMs);
  const result = (failure: SiteFailure | null, read: PageRead | null = null): Homepage => ({ tab, opened, read, failure });
  const failure = homepageFailure(opened.error, opened.status);
  if (failure) return result(failure);
  const read = await readPage(tab, options.readTimeoutMs).catch(() => null);
  if (!read) return result({ status: 'error', reason: 'script-timeout' });
  return result(null, read);
}

export function homepageFailure(error: string | null, status: number | null): SiteFailure | null {
  if (error) return { status: 'unreachable', reason: error };
  if (status !== null && [403, 412, 429, 521].includes(status)) return { status: 'blocked', reason: `blocked-by-waf (HTTP ${status})` };
  if (status !== null && status >= 500) return { status: 'unreachable', reason: `http-${status}` };
  if (status !== null && status >= 400) return { status: 'error', reason: `http-${status}` };
  return null;
}
