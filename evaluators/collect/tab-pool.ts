import type { Browser, Page } from 'puppeteer';

import { closeTab, newTab } from './navigate.js';

/**
 * The tabs of one site's crawl, reused from page to page. A new tab costs Chromium a renderer process
 * and a CDP session: measured on the sample portals, opening each page in a fresh tab took 2.3–2.7×
 * the CPU of loading it in a tab that had already been used, and this machine's crawl is CPU-bound.
 *
 * A tab goes back to the pool only when it still answers: a page stuck in a script loop, crashed, or
 * left mid-dialog is closed, never handed on. Pages of one site share a renderer anyway (site-per-process),
 * so reusing a tab shares nothing a fresh tab would have kept apart; cookies are browser-wide either way.
 */
export class TabPool {
  private idle: Page[] = [];
  private uses = new WeakMap<Page, number>();
  private closed = false;

  constructor(
    private browser: Browser,
    private userAgent: string,
    /**
     * Idle tabs kept at most. Each tab is a renderer process: on the 6-portal bench set, keeping 8 idle
     * per site took 5.6 GB of Chromium and more CPU, 3 took 3.7 GB and 15% less time (2 no better).
     */
    private maxIdle = 3,
    /** Pages a tab loads before it is closed: a renderer kept for long keeps the heap its pages grew. */
    private maxUses = 25,
  ) {}

  /** Runs work on a tab of the pool (a new one when none is idle) and takes the tab back after. */
  async use<T>(work: (tab: Page) => Promise<T>): Promise<T> {
    const tab = this.idle.pop() ?? (await newTab(this.browser, this.userAgent));
    let finished = false;
    try {
      const result = await work(tab);
      finished = true;
      return result;
    } finally {
      await this.giveBack(tab, finished);
    }
  }

  /** Closes the idle tabs; tabs still in use are closed when their work ends. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((t) => closeTab(t)));
  }

  private async giveBack(tab: Page, finished: boolean): Promise<void> {
    const uses = (this.uses.get(tab) ?? 0) + 1;
    this.uses.set(tab, uses);
    if (finished && !this.closed && uses < this.maxUses && this.idle.length < this.maxIdle && (await answers(tab))) this.idle.push(tab);
    else await closeTab(tab);
  }
}

/** Whether the tab's page still runs script within a second (a busy loop or a crashed renderer does not). */
async function answers(tab: Page): Promise<boolean> {
  if (tab.isClosed()) return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 1000)));
  try {
    return await Promise.race([
      tab.evaluate('1').then(
        () => true,
        () => false,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
