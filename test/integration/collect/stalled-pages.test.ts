import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findAbsences } from '../../../evaluators/absences.js';
import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { type CollectOptions, defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { evaluateSite } from '../../../evaluators/evaluate-site.js';
import { scoreSite } from '../../../indicators/engine.js';
import { loadIndicatorSet } from '../../../indicators/load.js';
import { collectSiteResult } from '../../../server/collect/site-result.js';
import { startStallSite } from '../../fixtures/stall-site.js';

const asOf = '2026-11-21';
// Short read timeouts keep the stalls cheap; the behaviour is the same at the national 10 s.
const options: CollectOptions = {
  ...defaultCollectOptions,
  timeoutMs: 5000,
  readTimeoutMs: 2000,
  probes: 1,
  probeSpacingMs: 0,
  maxLinks: 0,
  axe: 'off',
  lighthousePages: 0,
};

/**
 * A page whose scripts stall the renderer is read again once in a fresh tab; a page that stalls on every
 * load is recorded as not read, and what rests on it is not measured — never "missing", never a deduction.
 */
describe('pages whose renderer stalls', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a column that stalled on its first load only is read on the retry and measured', async () => {
    const site = await startStallSite(asOf, { '/ywdt/': 'first' });
    try {
      const { result } = await collectSiteResult(browser, site.url, asOf, { ...options, features: false }, {});
      expect(result.status).toBe('assessed');
      const columns = Object.fromEntries((result.observations.columns ?? []).map((c) => [c.name, c.items.length]));
      expect(columns['要闻动态']).toBe(12);
      expect(site.loads.get('/ywdt/')).toBeGreaterThanOrEqual(2);
      expect(result.pages.find((p) => new URL(p.url).pathname === '/ywdt/')).toMatchObject({ role: 'column', error: null });
      expect(result.observations.unreadPages ?? []).toEqual([]);
      const { measurements } = evaluateSite(result.observations, asOf);
      expect(measurements.updateFrequency?.newsItemsInWindow).toBe(12);
    } finally {
      await site.close();
    }
  }, 120_000);

  it('pages that stall on every load are not measured, with the reason, and cost no points', async () => {
    const stalled = { '/ywdt/': 'always', '/zwgk/': 'always', '/hdjl/': 'always', '/bsfw/': 'always' } as const;
    const site = await startStallSite(asOf, stalled);
    try {
      const { result } = await collectSiteResult(browser, site.url, asOf, options, {});
      expect(result.status).toBe('assessed');
      const observed = result.observations;
      expect((observed.columns ?? []).map((c) => c.name)).not.toContain('要闻动态');
      // Tried twice, then recorded as not read, with the link that led there and why.
      expect(site.loads.get('/ywdt/')).toBeGreaterThanOrEqual(2);
      expect(observed.unreadPages).toContainEqual({ url: `${site.url}ywdt/`, name: '要闻动态', reason: 'script-timeout' });

      const { measurements, findings } = evaluateSite(observed, asOf);
      expect(measurements.updateFrequency?.newsItemsInWindow).toBeNull();
      expect(measurements.disclosure?.counts.missingItems).toBeNull();
      expect(measurements.mailbox?.counts.noChannel).toBeNull();
      expect(measurements.services?.counts.notFound).toBeNull();

      const set = loadIndicatorSet('national-2019');
      const score = scoreSite(set, measurements, findings, { services: true, level: 'government' }, [], findAbsences(observed, measurements));
      const indicator = (id: string) => score.indicators.find((i) => i.id === id)!;
      // D8 (栏目更新量) would lose 3 points on a news column read as absent.
      expect(indicator('D8')).toMatchObject({ status: 'not-measured', deduction: 0 });
      expect(indicator('D8').reason).toMatch(/要闻动态.*页面脚本长时间占用/);
      for (const id of ['D5', 'V6', 'V7']) {
        expect(indicator(id).status, id).toBe('not-measured');
        expect(indicator(id).reason, id).toMatch(/无法读取/);
      }
      expect(score.suspectedVetoes).toEqual([]);
      expect(score.vetoes).toEqual([]);
    } finally {
      await site.close();
    }
  }, 180_000);
});
