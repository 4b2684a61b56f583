import type { Config, Flags } from 'lighthouse';
import type { Browser, CookieParam, Page } from 'puppeteer';

import { launchBrowser } from './browser.js';
import { closeTab } from './navigate.js';

/** Lighthouse category scores, 0–100; null when Lighthouse could not score the category. */
export interface LighthouseScores {
  accessibility: number | null;
  performance: number | null;
  bestPractices: number | null;
  seo: number | null;
}

export interface LighthouseResult {
  url: string;
  ms: number;
  scores: LighthouseScores;
  /** Why there are no scores: a Lighthouse runtime error code (e.g. ERRORED_DOCUMENT_REQUEST), "timeout", or a message. */
  error: string | null;
}

const categories = { accessibility: 'accessibility', performance: 'performance', bestPractices: 'best-practices', seo: 'seo' } as const;

const flags: Flags = { logLevel: 'error', output: 'json', onlyCategories: Object.values(categories) };

/**
 * Lighthouse's own desktop preset (desktop form factor, 1350×940 screen, desktop user agent, "dense 4G"
 * network: 40 ms RTT, 10 Mbit/s, no CPU slowdown) with its throttling method, "simulate": the page loads
 * at full speed (a loopback server answers at once) and the metrics are computed for that network by a
 * model. That keeps performance scores comparable between sites whatever the crawler's own link is, and
 * costs no load time — "devtools" throttling would really slow every run down, "provided" would score
 * the crawler's network (every loopback portal near 100).
 */
function config(desktop: Config, timeoutMs: number): Config {
  return {
    ...desktop,
    settings: {
      ...desktop.settings,
      throttlingMethod: 'simulate',
      // Lighthouse's own limits, below ours, so a slow page ends as a named Lighthouse error, not our timeout.
      maxWaitForFcp: Math.round(timeoutMs * 0.4),
      maxWaitForLoad: Math.round(timeoutMs * 0.6),
      // The tab is new (already about:blank), and the full-page screenshot is not used.
      skipAboutBlank: true,
      // A storage reset would drop the firewall cookie the crawl passed on; the profile is fresh anyway.
      disableStorageReset: true,
      disableFullPageScreenshot: true,
    },
  };
}

const noScores: LighthouseScores = { accessibility: null, performance: null, bestPractices: null, seo: null };

/** A run not made on a URL, and why (page-budget: the site's page budget had no page left for it). */
export function lighthouseNotRun(url: string, error: string): LighthouseResult {
  return { url, ms: 0, scores: noScores, error };
}

/**
 * Lighthouse in a browser of its own, launched on first use. In the crawl's browser, Lighthouse's
 * emulation and cache resets hit the crawl's tabs and a run beside a busy crawl could stall until the
 * browser connection dropped (seen on the sample portals: 10 × slower sites, then "Connection closed").
 * Lighthouse also keeps process-wide state (its timing marks): two runs at once in one process break
 * each other ("performance mark has not been set"), so runs take turns; each turn ends only once its run
 * has settled, also after a timeout.
 */
let turns: Promise<unknown> = Promise.resolve();

/** Lighthouse's module, imported once per process: its graph takes 15–90 s to load on a busy 2-core machine. */
let lighthouseModule: Promise<typeof import('lighthouse')> | null = null;
const loadLighthouse = () => (lighthouseModule ??= import('lighthouse'));

export class LighthouseRunner {
  private browser: Promise<Browser> | null = null;

  /** `launch` is passed to launchBrowser (a worker handles the signals itself). */
  constructor(private readonly launch: Parameters<typeof launchBrowser>[0] = {}) {}

  /**
   * One run (four categories) on a URL. `cookies` are the crawl's for the site, so a site behind a firewall
   * challenge the crawl has passed loads here too. Never throws; timeoutMs bounds the run itself, not the
   * wait for an earlier run to finish.
   */
  /**
   * Loads Lighthouse's module and starts its browser now, beside the crawl, so the first run (at the end of
   * the first site's crawl) does not wait for them. Safe to call more than once; failures surface in run().
   */
  warm(): void {
    loadLighthouse().catch(() => undefined);
    this.browser ??= launchBrowser(this.launch);
    this.browser.catch(() => undefined);
  }

  run(url: string, options: { timeoutMs?: number; cookies?: CookieParam[] } = {}): Promise<LighthouseResult> {
    const turn = turns.then(async () => {
      this.browser ??= launchBrowser(this.launch);
      const browser = await this.browser.catch(() => null);
      if (!browser) return { url, ms: 0, scores: noScores, error: 'browser-launch-failed' };
      return runOnce(browser, url, options.timeoutMs ?? 60_000, options.cookies ?? []);
    });
    turns = turn;
    return turn;
  }

  /** Waits for the run in progress unless `abandon` (a stopping worker), which ends it with the browser. */
  async close(options: { abandon?: boolean } = {}): Promise<void> {
    if (!options.abandon) await turns.catch(() => undefined);
    const browser = await this.browser?.catch(() => null);
    this.browser = null;
    await browser?.close().catch(() => undefined);
  }
}

async function runOnce(browser: Browser, url: string, timeoutMs: number, cookies: CookieParam[]): Promise<LighthouseResult> {
  const started = performance.now();
  const done = (scores: LighthouseScores, error: string | null): LighthouseResult => ({ url, ms: Math.round(performance.now() - started), scores, error });
  let page: Page | undefined;
  let run: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    // Loaded on first use (or by warm()): its module graph takes a while to import and most runs need no Lighthouse.
    const { default: lighthouse, desktopConfig } = await loadLighthouse();
    page = await browser.newPage();
    if (cookies.length) await page.setCookie(...cookies);
    const running = lighthouse(url, flags, config(desktopConfig, timeoutMs), page);
    run = running.catch(() => undefined);
    const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const result = await Promise.race([running, deadline]);
    if (result === 'timeout') return done(noScores, 'timeout');
    if (!result) return done(noScores, 'no-result');
    const { lhr } = result;
    const scores = {} as LighthouseScores;
    for (const [key, id] of Object.entries(categories) as Array<[keyof LighthouseScores, string]>) {
      const score = lhr.categories[id]?.score;
      scores[key] = typeof score === 'number' ? Math.round(score * 100) : null;
    }
    return done(scores, lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`.slice(0, 300) : null);
  } catch (error) {
    return done(noScores, (error instanceof Error ? error.message : String(error)).slice(0, 300));
  } finally {
    clearTimeout(timer);
    // Closing the tab makes a run past its time fail soon; the next turn waits for that (10 s at most).
    if (page) await closeTab(page);
    if (run) await Promise.race([run, new Promise((r) => setTimeout(r, 10_000))]);
  }
}
