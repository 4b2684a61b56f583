import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { collectSite } from '../../../evaluators/collect/crawl-site.js';
import { defaultCollectOptions } from '../../../evaluators/collect/options.js';
import type { SiteCollection } from '../../../evaluators/collect/site-collection.js';
import { scriptNavPages, startScriptNavSite } from '../../fixtures/script-nav/server.js';

/**
 * A site navigated only by pictures without text behind script links (test/fixtures/script-nav): the crawl
 * must still reach every page, and the accessibility pass (axe, sample mode) must scan each of them —
 * those pages are where such a site's barriers are.
 */
describe('a site whose navigation is script links on nameless pictures', () => {
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let c: SiteCollection;

  beforeAll(async () => {
    site = await startScriptNavSite();
    browser = await launchBrowser();
    c = await collectSite(browser, site.url, '2026-11-21', { ...defaultCollectOptions, maxLinks: 0, lighthousePages: 0, axe: 'sample' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('opens every page the five script links lead to', () => {
    expect(c.failure).toBeNull();
    const opened = new Set(c.pages.filter((p) => !p.error).map((p) => new URL(p.finalUrl ?? p.url).pathname));
    for (const page of scriptNavPages.filter((p) => p !== 'index.html')) expect(opened, page).toContain(`/${page}`);
  });

  it('scans every page with axe, and finds the pictures without text alternatives on each', () => {
    const scanned = c.axe.filter((p) => !p.unfinished).map((p) => new URL(p.url).pathname.replace(/\/$/, '/index.html'));
    expect([...new Set(scanned)].sort()).toEqual(scriptNavPages.map((p) => `/${p}`).sort());
    for (const page of c.axe)
      expect(
        page.violations.map((v) => v.rule),
        page.url,
      ).toContain('image-alt');
  });
});
