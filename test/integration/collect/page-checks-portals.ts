import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runAxe } from '../../../evaluators/collect/axe.js';
import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { collectSite } from '../../../evaluators/collect/crawl-site.js';
import { closeTab, newTab, openUrl } from '../../../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { type PageCheckId, type PageCheckResult, runPageChecks } from '../../../evaluators/collect/page-checks.js';
import { evaluateSite } from '../../../evaluators/evaluate-site.js';
import { titleIssues } from '../../../evaluators/page-checks.js';
import type { PageScope } from '../../../portals/model/types.js';
import { groupPath } from '../../../portals/model/urls.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';

const asOf = '2026-11-21';
/** What a page's A/AA failures are, by check (the advisory new-window check is left out). */
const failing = (r: PageCheckResult, extra: PageCheckId[] = []) =>
  [...new Set([...r.issues.map((i) => i.check), ...extra])].filter((c) => c !== 'new-window').sort();

/**
 * The portal tests open two dozen pages, each watched for moving content (about 1.3 s, up to 5.5 s where a
 * carousel may turn): beyond the default minute on a loaded 2-core machine.
 */
const slow = { timeout: 240_000 };

/** Work on a tab of its own, closed after. */
export async function onTab<T>(browser: Browser, work: (tab: Page) => Promise<T>): Promise<T> {
  const tab = await newTab(browser, defaultCollectOptions.userAgent);
  try {
    return await work(tab);
  } finally {
    await closeTab(tab);
  }
}

/**
 * The page checks on the sample portals against their truth, under the skins given (classic; 7: navigation by
 * javascript:/onclick/span links; 1: navigation in an iframe), and a crawl in the sample mode: declared by the test
 * files page-checks-portals-*.test.ts, split so that their minutes of crawling run in two workers at once.
 */
export function portalPageChecks(skins: string[], o: { crawl: boolean }): void {
  describe(`page checks: the sample portals against their truth (skins ${skins.join(', ')}${o.crawl ? ', and a crawl' : ''})`, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    // classic; 7: navigation by javascript:/onclick/span links; 1: navigation in an iframe. Each crawls six
    // portals' pages with the whole pass: minutes, not seconds, on a loaded 2-core machine.
    for (const skin of skins) {
      it(`finds exactly the planted page defects on the homepage, a channel, a column and an article of every portal (skin ${skin})`, slow, async () => {
        const set: RunningPortalSet = await startPortalSet({ asOf, seed: 'page-checks', skin });
        const checksMs: number[] = [];
        const axeMs: number[] = [];
        try {
          let planted = 0;
          let found = 0;
          for (const id of set.portals.map((p) => p.id)) {
            const { url, truth } = set.get(id);
            const column = truth.columns.find((c) => c.items.length > 0)!;
            const pages: Array<{ url: string; kind: PageScope | 'column'; role: PageCheckResult['role'] }> = [
              { url, kind: 'homepage', role: 'homepage' },
              { url: new URL(groupPath(truth.portal, 0), url).href, kind: 'channel pages', role: 'page' },
              { url: column.url, kind: 'column', role: 'page' },
              { url: column.items[0]!.url, kind: 'article pages', role: 'article' },
            ];
            const results: PageCheckResult[] = [];
            for (const p of pages) {
              results.push(
                await onTab(browser, async (tab) => {
                  const opened = await openUrl(tab, p.url, 15_000);
                  expect(opened.status, p.url).toBe(200);
                  if (skin === 'classic') axeMs.push((await runAxe(tab))!.ms);
                  return runPageChecks(tab, { role: p.role });
                }),
              );
            }
            const titled = new Map(titleIssues(results).map(([r]) => [r.url, true]));
            pages.forEach((p, i) => {
              const r = results[i]!;
              checksMs.push(r.ms);
              expect(r.notChecked, `${id} ${p.url}`).toEqual([]);
              const want = truth.accessibility.pageChecks
                .filter((d) => d.on === 'every page' || d.on === p.kind)
                .map((d) => d.check)
                .sort();
              const got = failing(r, titled.get(r.url) ? ['page-title'] : []);
              planted += want.length;
              found += got.filter((c) => (want as string[]).includes(c)).length;
              expect(got, `${id} ${p.kind} ${p.url}`).toEqual(want);
            });
            // The truth's example page of each planted defect is one of these pages.
            for (const d of truth.accessibility.pageChecks) expect(pages.map((p) => p.url)).toContain(d.example);
          }
          const mean = (a: number[]) => Math.round(a.reduce((x, y) => x + y, 0) / a.length);
          console.log(`skin ${skin}: planted ${planted} page defects, found ${found}; page checks ${mean(checksMs)} ms a page (max ${Math.max(...checksMs)})`);
          if (axeMs.length) console.log(`axe on the same pages: ${mean(axeMs)} ms a page; page checks / axe = ${(mean(checksMs) / mean(axeMs)).toFixed(2)}`);
        } finally {
          await set.close();
        }
      });
    }

    if (o.crawl)
      it('a crawl in the sample mode checks the planted pages and the site measurement names every planted defect; axe off runs neither', slow, async () => {
        const set = await startPortalSet({ asOf, seed: 'page-checks-crawl' });
        try {
          for (const id of ['jyj', 'qxx']) {
            const { url, truth } = set.get(id);
            // Every page counts against the budget: 14 pages went to the navigation's pages alone, none to the articles axe scans.
            const options = { ...defaultCollectOptions, maxPages: 30, features: false, lighthousePages: 0 };
            const result = await collectSite(browser, url, asOf, options);
            expect(result.failure, id).toBeNull();
            const checkedUrls = new Set(result.pageChecks.map((p) => p.url));
            expect(result.pageChecks.map((p) => p.url).sort(), id).toEqual(result.axe.map((p) => p.url).sort());
            const kinds = new Set(result.pageChecks.map((p) => p.role));
            expect([...kinds].sort(), id).toEqual(['article', 'homepage', 'page']);
            expect(checkedUrls.has(result.homepage!.finalUrl), id).toBe(true);
            const measured = evaluateSite({ pageChecks: result.pageChecks }, asOf).measurements.pageChecks!;
            expect(measured.pagesNotChecked, id).toBe(0);
            const want = [...new Set(truth.accessibility.pageChecks.map((d) => d.check))].sort();
            expect(
              measured.failures
                // New windows are not planted (an advisory the portals do not model); text zoom, advisory too, is.
                .filter((f) => f.check !== 'new-window')
                .map((f) => f.check)
                .sort(),
              id,
            ).toEqual(want);
            console.log(
              `${id}: ${result.pageChecks.length} pages checked in the crawl, ${result.stats.phases!.pageChecks} ms checks, ${result.stats.phases!.axe} ms axe`,
            );
          }
          const off = await collectSite(browser, set.get('zfw').url, asOf, {
            ...defaultCollectOptions,
            maxPages: 4,
            features: false,
            lighthousePages: 0,
            axe: 'off',
          });
          expect([off.axe.length, off.pageChecks.length]).toEqual([0, 0]);
        } finally {
          await set.close();
        }
      });
  });
}
