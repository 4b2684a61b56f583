import type { Browser, Page } from 'puppeteer';

import { failureKind } from './failures.js';
import { closeTab, newTab, type OpenedPage, openUrl, settlePage } from './navigate.js';
import type { SiteFailure } from './observations.js';
import type { CollectOptions } from './options.js';
import type { PageShare } from './page-budget.js';
import { type PageRead, readPage } from './read-page.js';
import { pause, retryOnce } from './retry-once.js';
import { stillOnSite } from './url-scope.js';

/** The homepage the crawl starts from: its tab, how it loaded and what it shows, or why the site cannot be assessed. */
export interface Homepage {
  tab: Page;
  opened: OpenedPage;
  read: PageRead | null;
  failure: SiteFailure | null;
  /** The other site the tab went to since it loaded (a script's late navigation), if it did. */
  leftFor: () => string | null;
}

/** How long a page that looks empty once its network is quiet is given to draw (an SPA rendering from its script). */
const EMPTY_WAIT_MS = 1500;

/**
 * Loads and reads the homepage, once more in a fresh tab after a pause when it fails for a passing
 * reason (and the page budget has a page for it: the first load always has). A homepage that took the
 * browser to another site, or shows nothing at all, is a failure of the site (left-site, empty-page):
 * scoring what is there would publish another site's or a blank page's score.
 */
export async function openHomepage(browser: Browser, url: string, options: CollectOptions, pages: PageShare): Promise<Homepage> {
  let tab: Page | null = null;
  pages.take(url);
  return retryOnce(
    async () => {
      if (tab) await closeTab(tab);
      tab = await newTab(browser, options.userAgent);
      return loadHomepage(tab, url, options);
    },
    (h) => h.failure?.reason ?? null,
    { second: () => pages.take(url) },
  );
}

async function loadHomepage(tab: Page, url: string, options: CollectOptions): Promise<Homepage> {
  const leftFor = watchForOtherSite(tab, url, options.allowSubdomains);
  const opened = await openUrl(tab, url, options.timeoutMs);
  const result = (failure: SiteFailure | null, read: PageRead | null = null): Homepage => ({ tab, opened, read, failure, leftFor });
  const away = () => leftFor() ?? (stillOnSite(opened.finalUrl, url, options.allowSubdomains) ? null : opened.finalUrl);
  if (away()) return result(leftSite(away()!));
  const failure = homepageFailure(opened.error, opened.status);
  if (failure) return result(failure);
  let read = await readPage(tab, options.readTimeoutMs).catch(() => null);
  // Read while a same-site navigation replaced the page (a script or refresh to /index.html): read where it landed.
  if (!read && tab.url() !== opened.finalUrl && !away()) {
    await settlePage(tab);
    read = await readPage(tab, options.readTimeoutMs).catch(() => null);
  }
  if (read && looksEmpty(read)) {
    await settlePage(tab);
    await pause(EMPTY_WAIT_MS);
    read = await readPage(tab, options.readTimeoutMs).catch(() => null);
  }
  // A navigation under way while the page was read (a script's or a meta refresh's) takes the visitor elsewhere too.
  const refresh = read ? refreshTarget(read) : null;
  const elsewhere = away() ?? (refresh && !stillOnSite(refresh, url, options.allowSubdomains) ? refresh : null);
  if (elsewhere) return result(leftSite(elsewhere));
  if (!read) return result({ status: 'error', reason: 'script-timeout' });
  if (looksEmpty(read)) return result({ status: 'error', reason: 'empty-page' });
  return result(null, read);
}

/** The site failure of a homepage that went to `url`: left-site and the origin it went to. */
export function leftSite(url: string): SiteFailure {
  return { status: 'error', reason: `left-site ${new URL(url).origin}` };
}

export function homepageFailure(error: string | null, status: number | null): SiteFailure | null {
  if (error) return { status: failureKind(error) === 'rate-limited' ? 'blocked' : 'unreachable', reason: error };
  if (status !== null && [403, 412, 429, 521].includes(status)) return { status: 'blocked', reason: `blocked-by-waf (HTTP ${status})` };
  if (status !== null && status >= 500) return { status: 'unreachable', reason: `http-${status}` };
  if (status !== null && status >= 400) return { status: 'error', reason: `http-${status}` };
  return null;
}

/** No visible text, no link (script links included), no frame: nothing a visitor could read or follow. */
export function looksEmpty(read: PageRead): boolean {
  return read.lines.length === 0 && read.links.length === 0 && read.nav.length === 0 && read.iframes.length === 0;
}

/** Where a `<meta http-equiv="refresh" content="0; url=…">` sends the visitor, if anywhere. */
export function refreshTarget(read: PageRead): string | null {
  const key = Object.keys(read.metas).find((k) => k.toLowerCase() === 'refresh');
  const target = key ? /url\s*=\s*['"]?([^'"\s;]+)/i.exec(read.metas[key]!)?.[1] : undefined;
  if (!target) return null;
  try {
    return new URL(target, read.url).href;
  } catch {
    return null;
  }
}

/** The first address of another site the tab's page committed to (error pages and about:blank aside). */
function watchForOtherSite(tab: Page, url: string, allowSubdomains: boolean): () => string | null {
  let away: string | null = null;
  tab.on('framenavigated', (frame) => {
    const at = frame.url();
    if (away === null && frame === tab.mainFrame() && /^https?:/i.test(at) && !stillOnSite(at, url, allowSubdomains)) away = at;
  });
  return () => away;
}
