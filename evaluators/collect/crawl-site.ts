import PQueue from 'p-queue';
import type { Browser } from 'puppeteer';
import { articleDate, itemFromRow } from './list-items.js';
import { newTab, openUrl } from './navigate.js';
import type { ColumnObservation, ListItem, PageRecord, SiteCollection } from './observations.js';
import type { CollectOptions } from './options.js';
import { columnName, pageKind } from './page-kind.js';
import { readAllPages } from './paginate.js';
import { probeHomepage } from './probes.js';
import { readPage, type PageRead } from './read-page.js';
import { isDocument, pageKey, sameSite } from './url-scope.js';

/**
 * Crawls one site: probes, the homepage, then breadth-first through navigation and "更多" links to
 * every column page, reading each column's items over all its list pages and, for items the list shows
 * without a date, the article page. Articles are read for their date, never crawled further.
 */
export async function collectSite(browser: Browser, url: string, asOf: string, options: CollectOptions): Promise<SiteCollection> {
  const started = performance.now();
  const probes = await probeHomepage(url, { count: options.probes, timeoutMs: options.timeoutMs, spacingMs: options.probeSpacingMs, userAgent: options.userAgent });
  const tab = await newTab(browser, options.userAgent);
  const pages: PageRecord[] = [];
  try {
    const opened = await openUrl(tab, url, options.timeoutMs);
    pages.push({ url, finalUrl: opened.finalUrl, status: opened.status, role: 'homepage', ms: opened.ms, error: opened.error });
    const failure = homepageFailure(opened.error, opened.status, probes.every((p) => !p.ok));
    if (failure) return { failure, homepage: null, columns: [], probes, pages, stats: { pages: 1, articlesOpened: 0, ms: Math.round(performance.now() - started) } };
    const read = await readPage(tab);
    const crawl = new SiteCrawl(browser, new URL(opened.finalUrl).origin, asOf, options, pages, started);
    crawl.markSeen(url, opened.finalUrl);
    const homepage = {
      url,
      finalUrl: opened.finalUrl,
      status: opened.status,
      title: read.title,
      datedItems: read.allRows.map((r) => itemFromRow(r, [], asOf)).filter((i): i is ListItem => !!i?.date),
      metas: read.metas,
    };
    crawl.follow(read, 1);
    await crawl.done();
    return { failure: null, homepage, columns: crawl.columns, probes, pages, stats: { pages: pages.length, articlesOpened: crawl.articlesOpened, ms: Math.round(performance.now() - started) } };
  } finally {
    await tab.close().catch(() => undefined);
  }
}

function homepageFailure(error: string | null, status: number | null, probesAllFailed: boolean): SiteCollection['failure'] {
  if (error) return { status: 'unreachable', reason: error };
  if (status !== null && [403, 412, 429, 521].includes(status)) return { status: 'blocked', reason: `blocked-by-waf (HTTP ${status})` };
  if (status !== null && status >= 500) return { status: 'unreachable', reason: `http-${status}` };
  if (status !== null && status >= 400) return { status: 'error', reason: `http-${status}` };
  if (probesAllFailed) return { status: 'unreachable', reason: 'probes-failed' };
  return null;
}

class SiteCrawl {
  readonly columns: ColumnObservation[] = [];
  articlesOpened = 0;
  private seen = new Set<string>();
  private opened = 0;
  private queue: PQueue;
  private articles: PQueue;

  constructor(
    private browser: Browser,
    private origin: string,
    private asOf: string,
    private options: CollectOptions,
    private pages: PageRecord[],
    private started: number,
  ) {
    this.queue = new PQueue({ concurrency: options.concurrency });
    this.articles = new PQueue({ concurrency: options.articleConcurrency });
  }

  markSeen(...urls: string[]): void {
    for (const u of urls) this.seen.add(pageKey(u));
  }

  /** Queues the navigation and "更多" links of a page. */
  follow(read: PageRead, depth: number): void {
    for (const link of [...read.more, ...read.nav]) this.enqueue(link.href, depth, link.text);
  }

  async done(): Promise<void> {
    await this.queue.onIdle();
  }

  private withinBudget(): boolean {
    return this.opened < this.options.maxPages && performance.now() - this.started < this.options.siteBudgetMs;
  }

  private enqueue(url: string, depth: number, linkText: string | null): void {
    if (depth > this.options.maxDepth || !sameSite(url, this.origin) || isDocument(url)) return;
    const key = pageKey(url);
    if (this.seen.has(key) || !this.withinBudget()) return;
    this.seen.add(key);
    void this.queue.add(() => this.visit(url, depth, linkText));
  }

  private async visit(url: string, depth: number, linkText: string | null): Promise<void> {
    if (!this.withinBudget()) return;
    const tab = await newTab(this.browser, this.options.userAgent);
    try {
      this.opened++;
      const opened = await openUrl(tab, url, this.options.timeoutMs);
      const record: PageRecord = { url, finalUrl: opened.finalUrl, status: opened.status, role: 'content', ms: opened.ms, error: opened.error };
      this.pages.push(record);
      if (opened.error || (opened.status ?? 200) >= 400 || !sameSite(opened.finalUrl, this.origin)) {
        record.role = 'failed';
        return;
      }
      this.markSeen(opened.finalUrl);
      const read = await readPage(tab);
      const kind = pageKind(read);
      if (kind === 'list') await this.readColumn(tab, read, depth, linkText, record);
      else if (kind === 'blank') {
        record.role = 'column';
        const { name, source } = columnName(read, linkText);
        this.columns.push({ url: read.url, name, nameSource: source, columnNameMeta: read.metas['ColumnName'] ?? null, pages: [read.url], items: [], blank: true, placeholder: read.placeholder, truncated: false });
      } else if (kind === 'hub') record.role = 'hub';
      this.follow(read, depth + 1);
    } finally {
      await tab.close().catch(() => undefined);
    }
  }

  private async readColumn(tab: Awaited<ReturnType<typeof newTab>>, first: PageRead, depth: number, linkText: string | null, record: PageRecord): Promise<void> {
    const list = await readAllPages(tab, first, { maxPages: this.options.maxListPages, timeoutMs: this.options.timeoutMs, seen: this.seen });
    this.opened += list.reads.length - 1;
    for (const u of list.urls.slice(1)) this.pages.push({ url: u, finalUrl: u, status: 200, role: 'list-page', ms: null, error: null });
    const items: ListItem[] = [];
    const urls = new Set<string>();
    for (const read of list.reads) {
      for (const row of read.rows) {
        const item = itemFromRow(row, read.headers, this.asOf);
        if (item && !urls.has(item.url)) {
          urls.add(item.url);
          items.push(item);
        }
      }
    }
    const listLike = await this.datesFromArticles(items);
    // A list whose "articles" are themselves lists is a directory of columns, not a column.
    if (listLike > 0 && listLike >= 0.6 * Math.min(items.filter((i) => !i.date).length, this.options.maxArticlesPerColumn)) {
      record.role = 'hub';
      for (const item of items) this.enqueue(item.url, depth + 1, item.title);
      return;
    }
    record.role = 'column';
    if (this.columns.some((c) => pageKey(c.url) === pageKey(first.url))) return;
    const { name, source } = columnName(first, linkText);
    this.columns.push({
      url: first.url,
      name,
      nameSource: source,
      columnNameMeta: first.metas['ColumnName'] ?? null,
      pages: list.urls,
      items,
      blank: items.length === 0,
      placeholder: items.length === 0 ? first.placeholder : null,
      truncated: list.truncated,
    });
  }

  /** Opens the article of every item the list shows without a date; returns how many were lists themselves. */
  private async datesFromArticles(items: ListItem[]): Promise<number> {
    const undated = items.filter((i) => !i.date && sameSite(i.url, this.origin) && !isDocument(i.url)).slice(0, this.options.maxArticlesPerColumn);
    let listLike = 0;
    await Promise.all(
      undated.map((item) =>
        this.articles.add(async () => {
          if (!this.withinBudget()) return;
          const tab = await newTab(this.browser, this.options.userAgent);
          try {
            this.opened++;
            this.articlesOpened++;
            const opened = await openUrl(tab, item.url, this.options.timeoutMs);
            this.pages.push({ url: item.url, finalUrl: opened.finalUrl, status: opened.status, role: 'article', ms: opened.ms, error: opened.error });
            if (opened.error || (opened.status ?? 200) >= 400) return;
            const read = await readPage(tab);
            const kind = pageKind(read);
            if (kind === 'list' || kind === 'hub') listLike++;
            const date = articleDate(read, this.asOf);
            if (date) Object.assign(item, { date, dateSource: 'article' as const });
          } finally {
            await tab.close().catch(() => undefined);
          }
        }),
      ),
    );
    return listLike;
  }
}
