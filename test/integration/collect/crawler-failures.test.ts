import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { collectSite } from '../../../evaluators/collect/crawl-site.js';
import { failureKind, isRetryable } from '../../../evaluators/collect/failures.js';
import { type CollectOptions, defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { type MisbehavingSites, type MisbehaviourName, startMisbehavingSites } from '../../../portals/server/misbehaving.js';

const asOf = '2026-11-21';
// Short timeouts keep the test quick; the behaviour is the same at the national 15 s.
// maxPageBytes is lowered so that the 2 MB page stands for a too-large one.
const options: CollectOptions = {
  ...defaultCollectOptions,
  timeoutMs: 3000,
  readTimeoutMs: 3000,
  probes: 1,
  probeSpacingMs: 0,
  maxPages: 80,
  siteBudgetMs: 90_000,
  maxPageBytes: 1_000_000,
  linkTimeoutMs: 2000,
};

describe('the crawler on sites that fail or fight back', () => {
  let sites: MisbehavingSites;
  let browser: Browser;
  beforeAll(async () => {
    sites = await startMisbehavingSites();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await sites?.close();
  });

  const expected: Array<[MisbehaviourName, 'unreachable' | 'blocked' | 'error', RegExp, boolean]> = [
    ['refused', 'unreachable', /^refused$/, true],
    ['hang', 'unreachable', /^timeout$/, true],
    ['slowloris', 'unreachable', /^timeout$/, true],
    ['http500', 'unreachable', /^http-500$/, true],
    ['http404', 'error', /^http-404$/, false],
    ['waf', 'blocked', /^blocked-by-waf \(HTTP 412\)$/, true],
    ['redirectLoop', 'unreachable', /^redirect-loop$/, false],
    ['tls', 'unreachable', /^tls$/, false],
    ['robots', 'blocked', /^robots-disallowed$/, false],
  ];

  it.each(expected)('%s: the site is %s with a named reason, not an empty site', async (name, status, reason, retryable) => {
    const result = await collectSite(browser, sites.urls[name], asOf, options);
    expect(result.failure?.status).toBe(status);
    expect(result.failure?.reason).toMatch(reason);
    expect(isRetryable(result.failure!.reason)).toBe(retryable);
    expect(result.columns).toEqual([]);
  });

  it('a site full of traps finishes within its budget and keeps its real column', async () => {
    const started = performance.now();
    const result = await collectSite(browser, sites.urls.trap, asOf, options);
    expect(result.failure).toBeNull();
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(result.columns.map((c) => [c.name, c.items.length])).toEqual([['新闻动态', 12]]);
    expect(Object.keys(result.stats.skipped).some((k) => k.startsWith('trap:'))).toBe(true);
    // The session-id copy of the column is the same page, not a second column.
    expect(result.pages.filter((p) => p.url.includes('jsessionid') && p.role !== 'skipped')).toEqual([]);
    expect(result.pages.filter((p) => p.url.includes('/calendar/') && p.role !== 'skipped').length).toBeLessThanOrEqual(options.maxPerTemplate);
  });

  it('dialogs, popups, script loops, endless scrolling, too-large pages and redirect loops are each bounded', async () => {
    const tabsBefore = (await browser.pages()).length;
    const started = performance.now();
    // The 2 MB page needs a few seconds to load on a busy 2-core machine before its size can be judged.
    const result = await collectSite(browser, sites.urls.hostile, asOf, { ...options, timeoutMs: 8000 });
    expect(result.failure).toBeNull();
    expect(performance.now() - started).toBeLessThan(90_000);
    const columns = Object.fromEntries(result.columns.map((c) => [c.name, c.items.length]));
    expect(columns['弹窗栏目']).toBe(10);
    expect(columns['新窗口栏目']).toBe(8);
    expect(columns['正常栏目']).toBe(6);
    expect(columns['无限滚动栏目']).toBeGreaterThanOrEqual(10);
    const page = (path: string) => result.pages.find((p) => new URL(p.url).pathname === path);
    expect(page('/busy.html')).toMatchObject({ role: 'failed', error: 'script-timeout' });
    expect(page('/loop')).toMatchObject({ role: 'failed', error: 'redirect-loop' });
    expect(page('/huge.html')).toMatchObject({ role: 'failed', error: 'too-large' });
    expect(failureKind('http-503')).toBe('http-5xx');
    // No popup window outlives the crawl.
    expect((await browser.pages()).length).toBe(tabsBefore);
  });
});
