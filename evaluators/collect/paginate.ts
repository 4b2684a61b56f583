import type { Page } from 'puppeteer';

import { openUrl } from './navigate.js';
import { type PageRead, readPage } from './read-page.js';
import { pageKey } from './url-scope.js';

export interface ListPages {
  reads: PageRead[];
  /** URLs of the pages read; script-paged lists get "#page=N" after the column URL. */
  urls: string[];
  truncated: boolean;
}

/**
 * Walks a column's pagination from its first page, in the same tab: pager links are followed, script
 * pagers (javascript: links, numbered buttons) are clicked and the list is awaited. Stops at the last
 * page, at a page already seen, or at the budget.
 */
export async function readAllPages(page: Page, first: PageRead, options: { maxPages: number; timeoutMs: number; seen: Set<string> }): Promise<ListPages> {
  const reads = [first];
  const urls = [first.url];
  let current = first;
  while (reads.length < options.maxPages) {
    const { nextHref, script } = current.pager;
    let next: PageRead | null = null;
    if (nextHref) {
      const key = pageKey(nextHref);
      if (options.seen.has(key)) break;
      options.seen.add(key);
      const opened = await openUrl(page, nextHref, options.timeoutMs);
      if (opened.error || (opened.status ?? 200) >= 400) break;
      next = await readPage(page).catch(() => null);
      if (!next) break;
      urls.push(next.url);
    } else if (script) {
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
      if (!clicked) break;
      const changed = await waitForNewRows(page, before, options.timeoutMs);
      if (!changed) break;
      next = await readPage(page).catch(() => null);
      if (!next) break;
      urls.push(`${first.url.split('#')[0]}#page=${reads.length + 1}`);
    } else break;
    if (next.rows.length === 0 || next.rows[0]?.href === current.rows[0]?.href) {
      urls.pop();
      break;
    }
    reads.push(next);
    current = next;
  }
  const last = reads.at(-1)!;
  return { reads, urls, truncated: reads.length >= options.maxPages && (!!last.pager.nextHref || last.pager.script) };
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
