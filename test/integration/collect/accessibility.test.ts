import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { evaluateAccessibility } from '../../../evaluators/accessibility.js';
import { type AxePageResult, runAxe } from '../../../evaluators/collect/axe.js';
import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { collectSite } from '../../../evaluators/collect/crawl-site.js';
import { closeTab, newTab, openUrl } from '../../../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { evaluateSite } from '../../../evaluators/evaluate-site.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';

/** axe on the homepage, the first column and its first article: what a crawl scans on every site. */
async function scanPortal(browser: Browser, urls: string[]): Promise<Array<{ status: number | null; result: AxePageResult | null }>> {
  const scanned = [];
  for (const url of urls) {
    const tab = await newTab(browser, defaultCollectOptions.userAgent);
    try {
      const opened = await openUrl(tab, url, 15_000);
      scanned.push({ status: opened.status, result: await runAxe(tab) });
    } finally {
      await closeTab(tab);
    }
  }
  return scanned;
}

describe('accessibility: axe-core on the sample portals', () => {
  let set: RunningPortalSet;
  let browser: Browser;
  beforeAll(async () => {
    set = await startPortalSet({ asOf: '2026-11-21', seed: 'a11y-test' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await set?.close();
  });

  it('finds exactly the planted WCAG rules on every portal, each counted once across its pages', async () => {
    let planted = 0,
      found = 0,
      correct = 0;
    const axeMs: number[] = [];
    const others: string[] = [];
    // Two portals at a time: the machine has two cores.
    const ids = set.portals.map((p) => p.id);
    const scans = new Map<string, Awaited<ReturnType<typeof scanPortal>>>();
    for (let i = 0; i < ids.length; i += 2) {
      await Promise.all(
        ids.slice(i, i + 2).map(async (id) => {
          const { url, truth } = set.get(id);
          const column = truth.columns[0]!;
          scans.set(id, await scanPortal(browser, [url, column.url, column.items[0]!.url]));
        }),
      );
    }
    for (const id of ids) {
      const scanned = scans.get(id)!;
      // wjw's firewall answers 412 first; openUrl waits through its cookie-and-reload challenge.
      expect(
        scanned.map((s) => s.status),
        id,
      ).toEqual([200, 200, 200]);
      const results = scanned.map((s) => s.result);
      expect(
        results.every((r) => r !== null),
        id,
      ).toBe(true);
      axeMs.push(...results.map((r) => r!.ms));
      const m = evaluateAccessibility(results as AxePageResult[], []);
      expect(m.pagesScanned).toBe(3);
      const want = new Set(set.get(id).truth.accessibility.planted.map((p) => p.rule));
      // The planted defects are WCAG 2.0/2.1 A/AA failures; every axe rule runs, so best practices (and any
      // AAA or WCAG 2.2 rule) may fire on the same pages, and are listed but not compared with the truth.
      const got = new Set(m.violations.filter((v) => v.wcag21AA).map((v) => v.rule));
      others.push(...m.violations.filter((v) => !v.wcag21AA).map((v) => `${id}:${v.rule}:${v.level}`));
      const hits = [...got].filter((r) => want.has(r));
      planted += want.size;
      found += got.size;
      correct += hits.length;
      console.log(`${id}: planted [${[...want].sort()}] found [${[...got].sort()}]`);
      expect([...got].sort(), id).toEqual([...want].sort());
      // Every planted defect is in the page template, so it shows on all three pages, as one rule.
      for (const v of m.violations.filter((v) => v.wcag21AA)) expect(v.pages, `${id} ${v.rule}`).toBe(3);
      expect(m.failingRules, id).toBe(want.size);
    }
    console.log(`other levels (not planted, not compared): ${others.join(' ') || 'none'}`);
    console.log(`a11y rules: planted ${planted}, found ${found}, correct ${correct}`);
    console.log(`axe: ${axeMs.length} pages, mean ${Math.round(axeMs.reduce((a, b) => a + b, 0) / axeMs.length)} ms, max ${Math.max(...axeMs)} ms`);
  });

  it('a crawl records the pages whose scan ran out of time as unfinished, and a site with no finished scan is not measured', async () => {
    const portal = set.get('jyj');
    const result = await collectSite(browser, portal.url, set.asOf, {
      ...defaultCollectOptions,
      maxPages: 12,
      features: false,
      lighthousePages: 0,
      axeTimeoutMs: 1,
    });
    expect(result.failure).toBeNull();
    expect(result.axe.length).toBeGreaterThan(1);
    expect(result.axe.every((p) => p.unfinished && p.violations.length === 0)).toBe(true);
    expect(result.axe[0]!.url).toBe(result.homepage!.finalUrl);
    const urls = new Set(result.axe.map((p) => p.url));
    expect(evaluateAccessibility(result.axe, [])).toMatchObject({ pagesScanned: 0, pagesUnfinished: urls.size, failingRules: 0 });
    expect(evaluateSite({ axe: result.axe }, set.asOf).measurements.accessibility).toBeNull();
  });

  it('axe runs under a CSP that forbids scripts, and a page that hangs its renderer yields null in time', async () => {
    const tab = await browser.newPage();
    try {
      await tab.setContent(
        `<!DOCTYPE html><html lang="zh-CN"><head><meta http-equiv="Content-Security-Policy" content="script-src 'none'"><title>t</title></head><body><main><img src="a.png"></main></body></html>`,
      );
      // The policy is in force: a script tag does not run ...
      await tab.addScriptTag({ content: 'window.cspProbe = 1' }).catch(() => undefined);
      expect(await tab.evaluate('window.cspProbe')).toBeUndefined();
      // ... and axe, evaluated through the protocol, still does.
      const result = await runAxe(tab);
      // The one WCAG failure; the page has no h1, which axe reports as a best practice.
      expect(result?.violations.filter((v) => v.level !== 'best-practice').map((v) => v.rule)).toEqual(['image-alt']);
      expect(result!.violations.find((v) => v.rule === 'image-alt')).toMatchObject({
        impact: 'critical',
        wcag: ['1.1.1'],
        level: 'A',
        nodes: 1,
        examples: [{ target: 'img', html: '<img src="a.png">' }],
      });
      expect(result!.violations.filter((v) => v.level === 'best-practice').map((v) => v.rule)).toEqual(['page-has-heading-one']);
      // The page's own script starts looping forever once loaded: no evaluation gets through any more.
      await tab.evaluate('setTimeout(function () { for (;;) {} }, 0)');
      await new Promise((r) => setTimeout(r, 100));
      const started = performance.now();
      expect(await runAxe(tab, { timeoutMs: 1000 })).toBeNull();
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      await closeTab(tab);
    }
  });
  it('a page script that redefines the globals axe uses (Element, Node, Array.prototype.find) does not stop axe', async () => {
    const tab = await browser.newPage();
    try {
      // As a 繁简切换 script does with a top-level `var Element`, and old libraries with their own Array methods.
      await tab.setContent(
        `<!DOCTYPE html><html lang="zh-CN"><head><title>t</title><script>var Element = function () {}; var Node = {}; Array.prototype.find = function () { return undefined; }; Object.defineProperty(window, 'getComputedStyle', { value: function () { return {}; } });</script></head><body><main><h1>通知</h1><img src="a.png"></main></body></html>`,
      );
      expect(await tab.evaluate('typeof Element.prototype.matches')).toBe('undefined');
      const result = await runAxe(tab);
      expect(result?.violations.map((v) => v.rule)).toEqual(['image-alt']);
      // The page's own globals are as the page left them.
      expect(await tab.evaluate('typeof window.axe + typeof Element.prototype.matches')).toBe('undefinedundefined');
    } finally {
      await closeTab(tab);
    }
  });

  // Lighthouse is tested in lighthouse.test.ts, the one file that pays for loading it.
});
