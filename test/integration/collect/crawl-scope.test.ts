import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import type { VisitOutcome } from '../../../evaluators/collect/crawl-journal.js';
import { type CollectContext, collectSite } from '../../../evaluators/collect/crawl-site.js';
import { defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { urlTemplate } from '../../../evaluators/collect/url-scope.js';
import { type MisbehavingSites, startMisbehavingSites } from '../../../portals/server/misbehaving.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';
import { Store } from '../../../server/store/store.js';

const asOf = '2026-11-21';

describe('crawl scope: reproducible sampling and the robots.txt override', () => {
  let set: RunningPortalSet;
  let misbehaving: MisbehavingSites;
  let browser: Browser;
  beforeAll(async () => {
    set = await startPortalSet({ asOf, seed: 'scope-test' });
    misbehaving = await startMisbehavingSites();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await set?.close();
    await misbehaving?.close();
  });

  // zfw's pages are all on its own host (its 信访 and 在线办理 links, on the interaction platform, are never loaded
  // as pages): the browser's page loads the host saw are every page the crawl opened.
  const options = { ...defaultCollectOptions, probes: 1, axe: 'off' as const, maxLinks: 0, lighthousePages: 0 };
  const timing = new Set(['ms', 'at', 'hash', 'screenshot']);
  // What the crawl found, without timings, in a stable order (a section's parts are recorded as they finish).
  const stable = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(stable)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .filter((k) => !timing.has(k))
              .sort()
              .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
          )
        : value;
  const crawl = async (maxPages: number, tabs: Partial<typeof options> = {}, context: CollectContext = {}) => {
    const portal = set.get('zfw');
    portal.host.documentLoads.clear();
    const r = await collectSite(browser, portal.url, asOf, { ...options, ...tabs, maxPages }, context);
    return {
      loads: [...portal.host.documentLoads.values()].reduce((a, b) => a + b, 0),
      loaded: new Map(portal.host.documentLoads),
      budget: r.stats.budget!,
      result: stable({
        pages: r.pages.map((p) => `${p.role} ${p.url} ${p.status} ${p.error}`).sort(),
        columns: r.columns,
        unread: [...r.unreadPages].sort((a, b) => (a.url < b.url ? -1 : 1)),
        features: r.features,
        articlesOpened: r.stats.articlesOpened,
      }),
    };
  };

  it('the page budget holds: every page load counted, never more than the budget, and two crawls under a tight one give the same result', async () => {
    for (const maxPages of [3, 12]) {
      const { loads, budget } = await crawl(maxPages);
      expect(budget.opened).toBeLessThanOrEqual(maxPages);
      expect(loads).toBe(budget.opened);
      expect(budget.refused).toBeGreaterThan(0);
    }
    // Tight enough that a level's visits, their articles and the sections all want more than they get; crawled one
    // page at a time, then several at once: which pages the budget gives must not hang on what finishes first
    // (with the crawl's pages taken first come, first served, the two crawls read different list pages here).
    const first = await crawl(30, { concurrency: 1, articleConcurrency: 1 });
    const second = await crawl(30);
    expect(second.result).toEqual(first.result);
    expect(second.budget).toEqual(first.budget);
    expect(first.budget).toMatchObject({ limit: 30, opened: 30 });
    expect([first.loads, second.loads]).toEqual([30, 30]);
    // The budget cut columns, articles and the sections: what rests on them is unread, with the reason.
    expect(Object.keys(first.budget.cut)).toEqual(expect.arrayContaining(['columns', 'articles', 'disclosure']));
    expect((first.result as { unread: Array<{ reason: string }> }).unread.some((u) => u.reason === 'page-budget')).toBe(true);
  }, 180_000);

  it('a crawl resumed from its journal under a budget that cuts opens the pages the uninterrupted crawl opened, wherever it was interrupted', async () => {
    // A budget under which zfw's first level is cut: list pages refused in the visits' slices, articles read there and
    // in the level's second round, others refused in that round. The uninterrupted crawl's journal is written to a
    // store as an assess run writes it; a run killed after its first k visits left the first k rows.
    const maxPages = 70;
    const store = new Store(':memory:');
    const whole = await crawl(maxPages, {}, { journal: store.crawlJournal('whole', 'zfw') });
    expect(Object.keys(whole.budget.cut)).toEqual(expect.arrayContaining(['columns', 'articles']));
    const rows = store.db.prepare("SELECT page_key, json, at FROM crawl_journal WHERE run_id = 'whole' ORDER BY rowid").all() as Array<{
      page_key: string;
      json: string;
      at: string;
    }>;
    const outcomes = rows.map((r) => JSON.parse(r.json) as VisitOutcome);
    // Visits are journaled as they finish: those that had room for their articles first, then the level's columns
    // that waited for its second round. Interrupted in the middle of the first round, right after it, and in the
    // middle of the second round (after a waiting column that read articles in it).
    const firstWaiting = outcomes.findIndex((o) => o.budget?.round);
    const readInRound = outcomes.length - [...outcomes].reverse().findIndex((o) => o.budget?.round?.reads.length);
    expect([firstWaiting > 1, readInRound > firstWaiting + 1, readInRound < outcomes.length]).toEqual([true, true, true]);
    for (const k of [Math.ceil(firstWaiting / 2), firstWaiting, readInRound]) {
      const insert = store.db.prepare('INSERT INTO crawl_journal VALUES (?, ?, ?, ?, ?)');
      for (const row of rows.slice(0, k)) insert.run(`at-${k}`, 'zfw', row.page_key, row.json, row.at);
      const resumed = await crawl(maxPages, {}, { journal: store.crawlJournal(`at-${k}`, 'zfw') });
      expect(resumed.budget, `interrupted after ${k} visits`).toEqual(whole.budget);
      expect(resumed.result, `interrupted after ${k} visits`).toEqual(whole.result);
      // Page for page: what the resumed crawl loaded and what the journaled visits had loaded are what the
      // uninterrupted crawl loaded (script-paged lists' "#page=N" are clicks, not loads).
      const journaled = outcomes.slice(0, k).flatMap((o) => o.pages.filter((p) => p.role !== 'skipped' && !p.url.includes('#')));
      const loaded = new Map(resumed.loaded);
      for (const p of journaled)
        loaded.set(new URL(p.url).pathname + new URL(p.url).search, (loaded.get(new URL(p.url).pathname + new URL(p.url).search) ?? 0) + 1);
      expect(new Map([...loaded].sort()), `interrupted after ${k} visits`).toEqual(new Map([...whole.loaded].sort()));
      expect(resumed.loads + outcomes.slice(0, k).reduce((n, o) => n + o.opened, 0)).toBe(whole.loads);
    }
    store.close();
  }, 240_000);

  it('robots.txt is respected unless the campaign overrides it, and the choice is recorded', async () => {
    const options = { ...defaultCollectOptions, probes: 1, timeoutMs: 5000 };
    const respected = await collectSite(browser, misbehaving.urls.robots, asOf, options);
    expect(respected.failure).toEqual({ status: 'blocked', reason: 'robots-disallowed' });
    const ignored = await collectSite(browser, misbehaving.urls.robots, asOf, { ...options, robots: 'ignore' });
    expect(ignored.failure).toBeNull();
    expect(ignored.robots).toBe('ignored');
    expect(respected.robots).toBe('respected');
  });

  it('with axe on every page, an article two columns list is opened and scanned once', async () => {
    // Written here: two columns whose lists share their newest item, as a 置顶 notice often is.
    const article = (title: string) =>
      `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>发布时间：2026-11-18</p><p>${'正文内容。'.repeat(40)}</p></body></html>`;
    const list = (name: string, own: string) =>
      `<html><head><title>${name}</title></head><body><div><a href="/">首页</a> &gt; ${name}</div><h2>${name}</h2><ul>` +
      [
        ['/shared.html', '关于做好2026年冬季安全生产工作的通知', '2026-11-18'],
        ...[0, 1, 2].map((i) => [`/${own}/${i}.html`, `${name}第${i + 1}条信息标题文字`, `2026-11-1${5 - i}`]),
      ]
        .map(([href, title, date]) => `<li><a href="${href}">${title}</a><span>${date}</span></li>`)
        .join('') +
      '</ul></body></html>';
    const pages: Record<string, string> = {
      '/': `<html><head><title>某县人民政府</title></head><body><div><a href="/zwyw/">政务要闻</a> <a href="/tzgg/">通知公告</a></div><p>${'欢迎访问。'.repeat(20)}</p></body></html>`,
      '/zwyw/': list('政务要闻', 'zwyw'),
      '/tzgg/': list('通知公告', 'tzgg'),
    };
    const opened = new Map<string, number>();
    const server: Server = createServer((req, res) => {
      const path = req.url ?? '/';
      // Page loads in the browser, not the link checker's requests for the same URLs.
      if (req.headers['sec-fetch-mode'] === 'navigate') opened.set(path, (opened.get(path) ?? 0) + 1);
      const body = pages[path] ?? (/\.html$/.test(path) ? article(`信息${path}`) : undefined);
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const r = await collectSite(browser, url, asOf, { ...defaultCollectOptions, axe: 'all', features: false, lighthousePages: 0, probes: 1 });
      expect(r.columns.map((c) => c.items.length).sort()).toEqual([4, 4]);
      expect(r.pages.filter((p) => p.role === 'article' && p.url.endsWith('/shared.html'))).toHaveLength(1);
      expect(r.axe.filter((a) => a.url.endsWith('/shared.html'))).toHaveLength(1);
      expect(opened.get('/shared.html')).toBe(1);
    } finally {
      server.close();
    }
  }, 120_000);
  it('scans at most axePerTemplate pages of one URL template, counting the rest as skipped', async () => {
    const r = await collectSite(browser, set.get('zfw').url, asOf, {
      ...defaultCollectOptions,
      axe: 'all',
      axePerTemplate: 2,
      maxPages: 20,
      maxLinks: 0,
      lighthousePages: 0,
    });
    const perTemplate = new Map<string, number>();
    for (const page of r.axe.slice(1)) {
      const key = urlTemplate(page.url);
      perTemplate.set(key, (perTemplate.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perTemplate.values())).toBe(2);
    expect(r.stats.skipped['axe-template']).toBeGreaterThan(0);
    // Every scanned page has its page checks beside its axe scan.
    expect(r.pageChecks.map((p) => p.url).sort()).toEqual(r.axe.map((p) => p.url).sort());
  }, 180_000);
  it('with pageChecks off (the axe-only crawl of the bench) axe still scans its pages and no page is checked', async () => {
    const r = await collectSite(browser, set.get('zfw').url, asOf, {
      ...defaultCollectOptions,
      pageChecks: false,
      maxPages: 12,
      maxLinks: 0,
      lighthousePages: 0,
    });
    expect(r.axe.length).toBeGreaterThan(1);
    expect(r.pageChecks).toEqual([]);
    expect(r.stats.phases?.pageChecks).toBe(0);
  }, 180_000);
});
