import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../evaluators/collect/browser.js';
import { collectSite } from '../../evaluators/collect/crawl-site.js';
import { defaultCollectOptions } from '../../evaluators/collect/options.js';
import { startMisbehavingSites, type MisbehavingSites } from '../portals/server/misbehaving.js';
import { startPortalSet, type RunningPortalSet } from '../portals/server/portal-set.js';

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

  it('the same site and settings crawl the same pages, also when the page budget cuts the crawl', async () => {
    const options = { ...defaultCollectOptions, maxPages: 12, probes: 1, axe: 'off' as const };
    const crawl = async () => {
      const r = await collectSite(browser, set.get('zfw').url, asOf, options);
      return {
        visited: r.pages.filter((p) => p.role !== 'skipped' && p.role !== 'article' && p.role !== 'list-page').map((p) => p.url).sort(),
        columns: r.columns.map((c) => [c.url, c.items.length]).sort(),
        budgetSkips: r.stats.skipped['budget'] ?? 0,
      };
    };
    const first = await crawl();
    const second = await crawl();
    expect(first.budgetSkips).toBeGreaterThan(0);
    expect(second).toEqual(first);
    // Two crawls with the section finders and link checking: ~40 s alone, more beside the other suites.
  }, 180_000);

  it('robots.txt is respected unless the campaign overrides it, and the choice is recorded', async () => {
    const options = { ...defaultCollectOptions, probes: 1, timeoutMs: 5000 };
    const respected = await collectSite(browser, misbehaving.urls.robots, asOf, options);
    expect(respected.failure).toEqual({ status: 'blocked', reason: 'robots-disallowed' });
    const ignored = await collectSite(browser, misbehaving.urls.robots, asOf, { ...options, robots: 'ignore' });
    expect(ignored.failure).toBeNull();
    expect(ignored.robots).toBe('ignored');
    expect(respected.robots).toBe('respected');
  });
});
