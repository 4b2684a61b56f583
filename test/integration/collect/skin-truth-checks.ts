import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import type { PortalFigures } from '../../../portals/compare/portal-figures.js';
import { summarize } from '../../../portals/compare/skin-figures.js';
import { runSkin } from '../../../portals/compare/skin-run.js';
import { sampleProfiles } from '../../../portals/model/profiles/index.js';

/**
 * The six sample portals in markup nobody tuned the crawler for (a non-classic skin, portals/render/skin),
 * crawled once per skin with the accuracy budget (no axe, Lighthouse or link checks) and held to the same truth as the
 * classic markup. Every family runs under 3 skins in the suite: the classic one (the portals-*.test.ts files),
 * skin 2 (hashed class names, top-bar navigation, javascript: links, cards), which the shared assessment
 * uses and assess-run.test.ts holds to the truth, and skin 17 here.
 */
const asOf = '2026-11-21';
const families = sampleProfiles.map((p) => p.id);

/** The checks for one skin; each skin has a test file of its own, so two skins crawl at once. */
export function skinTruthTests(skin: string): void {
  describe(`sample portals under skin ${skin}: columns, dates and vetoes as the truth has them`, () => {
    let browser: Browser;
    let figures: PortalFigures[];
    beforeAll(async () => {
      browser = await launchBrowser();
      figures = await runSkin(browser, { asOf, skin, families });
    }, 900_000);
    afterAll(async () => {
      await browser?.close();
      if (figures) console.log(`skin ${skin}: ${summarize(figures).line}\n  ${summarize(figures).evaluatorLine}`);
    });

    it('assesses every portal and finds every column', () => {
      for (const f of figures) {
        expect(f.failure, f.id).toBeNull();
        expect(f.columns.found, `${f.id}: ${f.columns.wrong.join('; ')}`).toBe(f.columns.total);
      }
    });

    it('reads the newest date of at least 98 % of the columns exactly, and the homepage freshness of every portal', () => {
      const s = summarize(figures);
      const wrong = figures.flatMap((f) => f.columns.mismatches.filter((m) => m.got?.latest !== m.expected.latest).map((m) => `${f.id} ${m.name}`));
      expect(s.latestExact / s.truthColumns, wrong.join('; ')).toBeGreaterThanOrEqual(0.98);
      for (const f of figures) expect(f.homepage.got, f.id).toEqual(f.homepage.expected);
    });

    it('reads disclosure, mailbox, services, identity and the reports and documents as the truth has them', () => {
      for (const f of figures) {
        const wrong = Object.entries(f.evaluators).flatMap(([name, t]) => t.wrong.map((w) => `${name} — ${w}`));
        expect(wrong, f.id).toEqual([]);
        expect(Object.keys(f.evaluators), f.id).toEqual(
          expect.arrayContaining(['disclosure items', 'mailbox channel', 'identity and functions', 'website report']),
        );
      }
    });

    it('declares no veto the truth does not have, and finds every veto it has', () => {
      for (const f of figures) {
        expect(f.vetoes.falseConfirmed, `${f.id}: ${f.vetoes.reasons.join('; ')}`).toEqual([]);
        expect(f.vetoes.missed, `${f.id}: ${f.vetoes.reasons.join('; ')}`).toEqual([]);
      }
    });
  });
}
