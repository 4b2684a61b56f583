import type { Browser, Page } from 'puppeteer';

import { newTab } from '../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../evaluators/collect/options.js';
import { checkTab } from '../evaluators/collect/page-audit.js';
import { type PageCheckPart, pageCheckParts, type PageCheckResult } from '../evaluators/collect/page-checks.js';
import { TreeCpu } from './bench-process.js';

/** USER_HZ on Linux: /proc counts CPU in hundredths of a second. */
const ticksPerSecond = 100;

/** What a part of the pass took, a page on average: wall time and the bench's own process tree's CPU. */
export interface PartFigures {
  part: PageCheckPart | 'axe' | 'checks';
  msPerPage: number;
  cpuMsPerPage: number;
}

export interface ChecksProfile {
  pages: number;
  parts: PartFigures[];
  /** How the Tab walks went: presses and stops a page, and how many walks ended how. */
  keyboard: { pressesPerPage: number; stopsPerPage: number; ended: Record<string, number> };
}

/**
 * Where the page checks' time goes: bare axe, then the page checks on the same tab, one page at a time, each
 * part timed apart (PageCheckOptions.mark): its wall time and the CPU of this process and every process under it
 * (the browser, the portal servers in this process) read from /proc at each part's start. Ticks are hundredths
 * of a second, so a part's figure is good only summed over many pages. The motion part is mostly waiting.
 */
export async function profileChecks(
  browser: Browser,
  pages: Array<{ url: string; role: PageCheckResult['role'] }>,
  scan: (tab: Page) => Promise<void>,
): Promise<ChecksProfile> {
  const tree = new TreeCpu();
  const totals = new Map<PartFigures['part'], { ms: number; ticks: number }>();
  const add = (part: PartFigures['part'], ms: number, ticks: number) => {
    const t = totals.get(part) ?? { ms: 0, ticks: 0 };
    totals.set(part, { ms: t.ms + ms, ticks: t.ticks + ticks });
  };
  const now = () => {
    tree.sample();
    return { at: performance.now(), ticks: tree.ticks() };
  };
  let profiled = 0;
  let presses = 0;
  let stops = 0;
  const ended: Record<string, number> = {};
  const tab = await newTab(browser, defaultCollectOptions.userAgent);
  try {
    for (const { url, role } of pages) {
      try {
        await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: defaultCollectOptions.timeoutMs });
        await tab.waitForNetworkIdle({ idleTime: 150, timeout: 4000 }).catch(() => undefined);
        const before = now();
        await scan(tab);
        const after = now();
        add('axe', after.at - before.at, after.ticks - before.ticks);
      } catch {
        continue;
      }
      let current: { part: PageCheckPart; at: number; ticks: number } | null = null;
      const started = now();
      const result = await checkTab(tab, role, undefined, (part) => {
        const t = now();
        if (current) add(current.part, t.at - current.at, t.ticks - current.ticks);
        current = part === 'end' ? null : { part, ...t };
      });
      const finished = now();
      add('checks', finished.at - started.at, finished.ticks - started.ticks);
      profiled++;
      presses += result.keyboard?.presses ?? 0;
      stops += result.keyboard?.stops ?? 0;
      const how = result.keyboard?.ended ?? result.notChecked.find((n) => n.area === 'keyboard')?.reason ?? 'none';
      ended[how] = (ended[how] ?? 0) + 1;
    }
  } finally {
    await tab.close().catch(() => undefined);
  }
  const n = Math.max(1, profiled);
  const parts = (['axe', 'checks', ...pageCheckParts] as const).map((part) => {
    const t = totals.get(part) ?? { ms: 0, ticks: 0 };
    return { part, msPerPage: Math.round(t.ms / n), cpuMsPerPage: Math.round((t.ticks * 1000) / ticksPerSecond / n) };
  });
  return { pages: profiled, parts, keyboard: { pressesPerPage: Math.round(presses / n), stopsPerPage: Math.round(stops / n), ended } };
}

/** The profile as lines for the bench's output. */
export function profileLines(profile: ChecksProfile): string[] {
  const axe = profile.parts.find((p) => p.part === 'axe')?.cpuMsPerPage ?? 0;
  const row = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(30) : String(c).padStart(12))).join('');
  return [
    `the page checks part by part, one page at a time after bare axe (${profile.pages} pages; own CPU in hundredths of a second, summed):`,
    row(['part', 'wall ms', 'own CPU ms', '/ bare axe']),
    ...profile.parts.map((p) =>
      row([
        p.part === 'axe' ? 'bare axe' : p.part === 'checks' ? 'page checks, all parts' : `  ${p.part}`,
        p.msPerPage,
        p.cpuMsPerPage,
        `${(p.cpuMsPerPage / Math.max(1, axe)).toFixed(2)}x`,
      ]),
    ),
    `Tab walk: ${profile.keyboard.pressesPerPage} presses and ${profile.keyboard.stopsPerPage} stops a page; ended ${Object.entries(profile.keyboard.ended)
      .map(([how, n]) => `${how} ${n}`)
      .join(', ')}`,
  ];
}

/** Up to n of the pages, spread evenly over the list (the crawl lists a site's pages together). */
export function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}
