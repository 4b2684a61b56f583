import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';
import type { Results } from '../../../reports/results.js';
import { runCli, tempDir, writeSitesFile } from '../cli-helpers.js';

/**
 * Lighthouse through `govscore assess`, on two portals: the only file that pays for loading it (its first run
 * in a process loads for 15–90 s). The two sites crawl at once, so their runs are asked for at once and
 * take turns. The crawl itself is cut short: other files test it.
 */
describe('Lighthouse in an assessment', () => {
  let set: RunningPortalSet;
  let results: Results;
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    set = await startPortalSet({ asOf: '2026-11-21', seed: 'assess-test' });
    const dir = await tempDir('lighthouse');
    const sitesFile = await writeSitesFile(dir, set, ['zfw', 'jyj']);
    // axe stays on: Lighthouse's scores are reported with the accessibility findings, which need a scan. Its run is
    // a page load of the budget: 25 pages set aside the first tries of every check after the crawl, Lighthouse's included
    // (at 5, the one page set aside went to the first of them, the site search, and Lighthouse was not run).
    run = await runCli(['assess', sitesFile, '--out', join(dir, 'out'), '--lighthouse-pages', '1', '--max-pages', '25'], 400_000);
    results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8'));
  }, 450_000);
  afterAll(() => set?.close());

  it('scores each portal homepage in four categories; planted defects lower its accessibility score', () => {
    expect(run.code, run.stderr).toBe(0);
    const homepage = (id: string) => {
      const site = results.sites.find((s) => s.id === id)!;
      const runs = site.observations.accessibility!.lighthouse;
      // --lighthouse-pages 1: the homepage only.
      expect(
        runs.map((l) => new URL(l.url).host),
        id,
      ).toEqual([new URL(site.url).host]);
      return runs[0]!;
    };
    const [clean, defective] = [homepage('zfw'), homepage('jyj')];
    console.log(`lighthouse: zfw ${JSON.stringify(clean.scores)} ${clean.ms} ms; jyj ${JSON.stringify(defective.scores)} ${defective.ms} ms`);
    for (const r of [clean, defective]) {
      expect(r.error).toBeNull();
      expect(Object.keys(r.scores).sort()).toEqual(['accessibility', 'bestPractices', 'performance', 'seo']);
      for (const score of Object.values(r.scores)) {
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }
    }
    // jyj has images without alt (image-alt, link-name); zfw has no planted defect.
    expect(defective.scores.accessibility!).toBeLessThan(clean.scores.accessibility!);
  });
});
