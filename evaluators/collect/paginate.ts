import type { Page } from 'puppeteer';

import { leavesUnknown } from './failures.js';
import { openUrl } from './navigate.js';
import type { UnreadPage } from './observations.js';
import type { PageShare } from './page-budget.js';
import { type PageRead, readPage } from './read-page.js';
import { retryOnce } from './retry-once.js';
import { pageKey } from './url-scope.js';

export interface ListPages {
  reads: PageRead[];
  /** URLs of the pages read; script-paged lists get "#page=N" after the column URL. */
  urls: string[];
  truncated: boolean;
  /** The list page the walk stopped at because it could not be read, even on a second try, or was not opened (page budget). */
  unread: UnreadPage | null;
  /** Every pager link the walk marked seen, read or not: a resumed crawl marks them again (crawl-journal.ts). */
  marked: string[];
}

interface PaginateOptions {
  maxPages: number;
  timeoutMs: number;
  readTimeoutMs?: number;
  seen: Set<string>;
  /** The visit's pages: each further list page (a load or a script pager's click) and each second try takes one. */
  pages: PageShare;
}

/**
 * Walks a column's pagination from its first page, in the same tab: pager links are followed, script
 * pagers (javascript: links, numbered buttons) are clicked and the list is awaited. Stops at the last
 * page, at a page already seen, at maxPages, or where the page budget has no page left (that page is then unread).
 */
export async function readAllPages(page: Page, first: PageRead, options: PaginateOptions): Promise<ListPages> {
  const reads = [first];
  const urls = [first.url];
  let current = first;
  let unread: UnreadPage | null = null;
  const marked: string[] = [];
  const stopUnread = (url: string, reason: string) => void (unread = leavesUnknown(reason) ? { url, name: null, reason } : null);
  while (reads.length < options.maxPages) {
    const { nextHref, script } = current.pager;
    let next: PageRead | null = null;
    if (nextHref) {
      const key = pageKey(nextHref);
      if (options.seen.has(key)) break;
      options.seen.add(key);
      marked.push(nextHref);
      if (!options.pages.take(nextHref)) {
        stopUnread(nextHref, 'page-budget');
        break;
      }
      // A list page that fails for a passing reason is loaded once more after a pause, in the same tab.
      const loaded = await retryOnce(
        () => loadListPage(page, nextHref, options),
        (r) => r.failure,
        { second: () => options.pages.take(nextHref) },
      );
      if (!loaded.read) {
        stopUnread(nextHref, loaded.failure!);
        break;
      }
      next = loaded.read;
      urls.push(next.url);
    } else if (script) {
      const scripted = `${first.url.split('#')[0]}#page=${reads.length + 1}`;
      if (!options.pages.take(scripted)) {
        stopUnread(scripted, 'page-budget');
        break;
      }
      const before = current.rows[0]?.href ?? null;
      // A DOM click, not a synthetic mouse event: input events wait for the renderer to draw a frame,
      // which a tab in the background (a reused one, while another is in front) may never do.
      const clicked = await page
        .evaluate(() => {
          const next = document.querySelector<HTMLElement>('[data-govscore-next="1"]');
          next?.click();
          return !!next;
        })
        .catch(() => false);
      // No pager to click, or a click that brought no new rows: no page was read, none is counted.
      if (!clicked) {
        options.pages.release();
        break;
      }
      const changed = await waitForNewRows(page, before, options.timeoutMs);
      if (!changed) {
        options.pages.release();
        break;
      }
      next = await readPage(page, options.readTimeoutMs).catch(() => null);
      if (!next) {
        stopUnread(scripted, 'script-timeout');
        break;
      }
      urls.push(scripted);
    } else break;
    if (next.rows.length === 0 || next.rows[0]?.href === current.rows[0]?.href) {
      urls.pop();
      break;
    }
    reads.push(next);
    current = next;
  }
  const last = reads.at(-1)!;
  return { reads, urls, truncated: reads.length >= options.maxPages && (!!last.pager.nextHref || last.pager.script), unread, marked };
}

/** One try at a further list page: its reading, or the failure (failures.ts) that kept it unread. */
async function loadListPage(page: Page, url: string, options: PaginateOptions): Promise<{ read: PageRead | null; failure: string | null }> {
  const opened = await openUrl(page, url, options.timeoutMs);
  if (opened.error || (opened.status ?? 200) >= 400) return { read: null, failure: opened.error ?? `http-${opened.status}` };
  const read = await readPage(page, options.readTimeoutMs).catch(() => null);
  return read ? { read, failure: null } : { read: null, failure: 'script-timeout' };
}

/** Polls until the list's first row differs from `before` (a script pager replaced it). */
async function waitForNewRows(page: Page, before: string | null, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + Math.min(timeoutMs, 8000);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 120));
    const read = await readPage(page).catch(() => null);
    if (read && read.rows.length > 0 && read.rows[0]!.href !== before) return true;
  }
  return false;
}
