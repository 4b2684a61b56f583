/**
 * npm run bench [-- --portals N] [--sites-concurrency N] [--quick] [--scoring-only] [--fresh-tabs] [--report RESULTS.json] [--startup-only] [--lighthouse] [--axe-cost] [--axe-cost-only]
 *                 [--queue-only] [--skip-queue] [--queue-sites N] [--queue-portals N] [--peers [--peers-dir DIR] [--peers-routes N]]
 *
 * Benchmark, not a test: figures and ratios, each against a floor measured in the same run.
 * 1. The scoring engine: 10,000 sites scored and ranked under each preset (bench-scoring.ts).
 * 2. The crawl: the sample portal set crawled by govscore's collect step with its defaults ("ours": axe on
 *    its sample of pages, no Lighthouse), again with axe off (the crawl alone), then exactly the pages ours
 *    opened loaded by plain Puppeteer with the same tabs in flight and the same block list, to
 *    DOMContentLoaded and nothing more (the floor), and again waiting as ours does for the page's requests to go
 *    quiet (the settled floor: the pages' own scripts and XHR lists finish, which a crawler that reads
 *    script-filled lists cannot skip). Wall time, pages/s, peak memory (this Node process and
 *    every Chromium process) and machine CPU busy of each run.
 * 3. axe: the pages ours scanned, scanned again by bare axe-core one at a time with the same rules; its
 *    time per page against ours inside the crawl and against what axe adds to the run per page. With
 *    --axe-cost, also ours with axe on every page it opens: enough scans that what axe adds to the machine's
 *    CPU stands out of the noise between two crawls, against bare axe's CPU on those same pages.
 * 4. The distributed mode (bench-queue.ts), unless --skip-queue: 14,000 sites through the real queue and
 *    coordinator with a simulated collector, and the sample portals crawled embedded and by 1 and 2 workers.
 */
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import PQueue from 'p-queue';
import type { Browser, Page } from 'puppeteer';

import { axeRunOptions } from '../evaluators/collect/axe.js';
import { launchBrowser } from '../evaluators/collect/browser.js';
import { collectSite } from '../evaluators/collect/crawl-site.js';
import { LighthouseRunner } from '../evaluators/collect/lighthouse.js';
import { newTab, settlePage } from '../evaluators/collect/navigate.js';
import type { PageRecord } from '../evaluators/collect/observations.js';
import { type CollectOptions, defaultCollectOptions } from '../evaluators/collect/options.js';
import { startPortalSet } from '../portals/server/portal-set.js';
import { Store } from '../server/store/store.js';
import { installPeers, type PeerFigures, runPa11yCi, runUnlighthouse } from './bench-peers.js';
import { cpuTicks, type MemoryFigures, PeakMemory } from './bench-process.js';
import { benchQueue, queueTable } from './bench-queue.js';
import { benchReport } from './bench-report.js';
import { benchScoring } from './bench-scoring.js';
import { benchStartup, type StartupFigures } from './bench-startup.js';

/** A fixed evaluation date keeps the generated portals, and so the work, identical between runs. */
const asOf = '2026-11-21';
const pagesPerPortal = 200;

interface BenchOptions {
  scoringOnly: boolean;
  portals: number;
  sitesConcurrency: number;
  freshTabs: boolean;
  queueOnly: boolean;
  /** Stop after the crawl and scoring figures (the queue part takes as long again). */
  skipQueue: boolean;
  queueSites: number;
  queuePortals: number;
  /** A finished run's results.json: time only the report phase on it, repeated to reportSites sites. */
  report: string | null;
  reportSites: number;
  /** Ours (defaults) with Lighthouse on its default pages, in its own browser, counted in the memory. */
  lighthouse: boolean;
  /** Also ours with axe on every page, and bare axe on those pages: axe's CPU cost per scan inside the crawl. */
  axeCost: boolean;
  /** Only that: the crawl without axe, with axe on every page, and bare axe on the pages scanned. */
  axeCostOnly: boolean;
  /** Only the start-up of the command (spawn to exit). */
  startupOnly: boolean;
  /** Also run pa11y-ci and Unlighthouse (installed into peersDir) on the same pages and portals. */
  peers: boolean;
  peersDir: string;
  peersRoutes: number;
}

/** Memory: peak PSS (peakMb; Node's share includes the sample portal servers, which run in this process) and peak RSS sum. */
interface RunFigures extends MemoryFigures {
  pages: number;
  /** Ours: sites not assessed (failed or crashed); baseline: loads that threw. */
  failures: number;
  seconds: number;
  pagesPerSecond: number;
  /** Share of the machine's CPU time that was busy during the run (all processes, from /proc/stat). */
  cpuBusy: number;
  /** The machine's busy CPU seconds during the run (all cores, all processes). */
  cpuSeconds: number;
}

/** USER_HZ on Linux: /proc/stat counts in hundredths of a second. */
const ticksPerSecond = 100;

function parseOptions(): BenchOptions {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      portals: { type: 'string' },
      'sites-concurrency': { type: 'string' },
      quick: { type: 'boolean', default: false },
      'scoring-only': { type: 'boolean', default: false },
      'fresh-tabs': { type: 'boolean', default: false },
      'queue-only': { type: 'boolean', default: false },
      'skip-queue': { type: 'boolean', default: false },
      'queue-sites': { type: 'string' },
      'queue-portals': { type: 'string' },
      report: { type: 'string' },
      'startup-only': { type: 'boolean', default: false },
      lighthouse: { type: 'boolean', default: false },
      'axe-cost': { type: 'boolean', default: false },
      'axe-cost-only': { type: 'boolean', default: false },
      peers: { type: 'boolean', default: false },
      'peers-dir': { type: 'string' },
      'peers-routes': { type: 'string' },
      'report-sites': { type: 'string' },
    },
  });
  return {
    scoringOnly: values['scoring-only'] ?? false,
    portals: positiveInt('--portals', values.portals) ?? (values.quick ? 6 : 50),
    sitesConcurrency: positiveInt('--sites-concurrency', values['sites-concurrency']) ?? 2,
    freshTabs: values['fresh-tabs'] ?? false,
    queueOnly: values['queue-only'] ?? false,
    skipQueue: values['skip-queue'] ?? false,
    queueSites: positiveInt('--queue-sites', values['queue-sites']) ?? 14_000,
    queuePortals: positiveInt('--queue-portals', values['queue-portals']) ?? (values.quick ? 4 : 8),
    report: values.report ?? null,
    reportSites: positiveInt('--report-sites', values['report-sites']) ?? 50,
    startupOnly: values['startup-only'] ?? false,
    lighthouse: values.lighthouse ?? false,
    axeCost: values['axe-cost'] ?? false,
    axeCostOnly: values['axe-cost-only'] ?? false,
    peers: values.peers ?? false,
    peersDir: values['peers-dir'] ?? join(tmpdir(), 'govscore-bench-peers'),
    peersRoutes: positiveInt('--peers-routes', values['peers-routes']) ?? 10,
  };
}

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: expected a positive integer, got "${raw}"`);
  return n;
}

// ---------------------------------------------------------------------------------------------------
// The two runs.

/** Launches a browser, runs `work` under the memory sampler and the clock, always closes the browser. */
async function measured(work: (browser: Browser) => Promise<{ pages: number; failures: number }>): Promise<RunFigures> {
  const browser = await launchBrowser();
  try {
    const memory = new PeakMemory();
    const started = performance.now();
    const cpuBefore = cpuTicks();
    const { pages, failures } = await work(browser);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuTicks();
    const cpuBusy = round((cpuAfter.busy - cpuBefore.busy) / Math.max(1, cpuAfter.total - cpuBefore.total), 2);
    const cpuSeconds = round((cpuAfter.busy - cpuBefore.busy) / ticksPerSecond, 1);
    return { pages, failures, seconds: round(seconds, 1), pagesPerSecond: round(pages / seconds, 2), cpuBusy, cpuSeconds, ...(await memory.stop()) };
  } finally {
    await browser.close();
  }
}

/** Pages the crawler actually loaded or stepped to: 'skipped' records name pages it decided not to open. */
const loaded = (p: PageRecord) => p.role !== 'skipped';

/** What one run of ours leaves for the others: the pages it loaded, its phases, the pages axe scanned. */
interface OursRecord {
  opened: PageRecord[];
  phases: Record<string, number>;
  /** Every finished axe scan: its page and how long it took inside the crawl. */
  scans: Array<{ url: string; ms: number }>;
}

/** govscore's crawl of every portal, C sites at once on one browser, journaling every page to a store as `govscore assess` does. */
async function runOurs(
  urls: string[],
  sitesConcurrency: number,
  collect: CollectOptions,
  record: OursRecord,
  lighthouse: LighthouseRunner | null = null,
): Promise<RunFigures> {
  const { opened, phases, scans } = record;
  const dbFile = join(tmpdir(), `govscore-bench-${process.pid}.db`);
  const store = new Store(dbFile);
  try {
    return await measured(async (browser) => {
      const queue = new PQueue({ concurrency: sitesConcurrency });
      let failures = 0;
      let done = 0;
      for (const url of urls) {
        void queue.add(async () => {
          const journal = store.crawlJournal('bench', url);
          const result = await collectSite(browser, url, asOf, collect, { journal, lighthouse }).catch((error: unknown) => {
            failures++;
            log(`  crawler error on ${url}: ${String(error).slice(0, 120)}`);
            return null;
          });
          opened.push(...(result?.pages.filter(loaded) ?? []));
          scans.push(...(result?.axe ?? []).filter((a) => !a.unfinished).map((a) => ({ url: a.url, ms: a.ms })));
          for (const [phase, ms] of Object.entries(result?.stats.phases ?? {})) phases[phase] = (phases[phase] ?? 0) + ms;
          if (result?.failure) failures++;
          log(`  ours [${++done}/${urls.length}] ${url} — ${result?.pages.filter(loaded).length ?? 0} pages`);
        });
      }
      await queue.onIdle();
      return { pages: opened.length, failures };
    });
  } finally {
    store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  }
}

/**
 * The floor: plain Puppeteer over the same URLs with the same tabs in flight and the same block list
 * (images, media and fonts off inside Chromium: navigate.ts newTab), each tab reused from URL to URL, each
 * page loaded to DOMContentLoaded and nothing else: no network settling, no reading, no screenshots.
 * Whatever ours spends beyond it is the crawler's own cost. `freshTabs`: one new tab per URL instead.
 * `settled`: after DOMContentLoaded, the same network-quiet wait as ours (navigate.ts settlePage), still no reading.
 */
async function runBaseline(urls: string[], tabs: number, freshTabs: boolean, settled = false): Promise<RunFigures> {
  return measured(async (browser) => {
    let failures = 0;
    let next = 0;
    let done = 0;
    const load = async (page: Page, url: string) => {
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: defaultCollectOptions.timeoutMs });
        if (settled) await settlePage(page);
      } catch {
        failures++;
      }
      if (++done % 500 === 0) log(`  baseline ${done}/${urls.length}`);
    };
    const worker = async () => {
      const tab = () => newTab(browser, defaultCollectOptions.userAgent);
      let page = freshTabs ? null : await tab();
      while (next < urls.length) {
        const url = urls[next++]!;
        if (freshTabs) page = await tab();
        await load(page!, url);
        if (freshTabs) await page!.close();
      }
      if (!freshTabs) await page!.close();
    };
    await Promise.all(Array.from({ length: tabs }, worker));
    return { pages: urls.length, failures };
  });
}

/**
 * Bare axe-core on the pages ours scanned: one tab, one page at a time, each loaded as ours loads a page it
 * scans (DOMContentLoaded, then network quiet), then axe's source injected and axe.run with the same rules,
 * the same result type and frames off. Only the injection and the run are timed: the per-page cost of axe
 * itself, with nothing else competing for the machine; and the machine's busy CPU meanwhile, to set against
 * the CPU axe adds to the crawl (a scan's wall time inside the crawl is mostly waiting for the other tabs).
 */
async function runBareAxe(urls: string[]): Promise<{ pages: number; msPerPage: number; cpuMsPerPage: number }> {
  const browser = await launchBrowser();
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  let total = 0;
  let cpuTicksTotal = 0;
  let pages = 0;
  try {
    const tab = await newTab(browser, defaultCollectOptions.userAgent);
    for (const url of urls) {
      try {
        await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: defaultCollectOptions.timeoutMs });
        await tab.waitForNetworkIdle({ idleTime: 150, timeout: 4000 }).catch(() => undefined);
        const started = performance.now();
        const cpuBefore = cpuTicks().busy;
        await tab.evaluate(source);
        await tab.evaluate(
          (options: import('axe-core').RunOptions) =>
            (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, options).then(() => undefined),
          axeRunOptions,
        );
        total += performance.now() - started;
        cpuTicksTotal += cpuTicks().busy - cpuBefore;
        pages++;
      } catch (error) {
        log(`  bare axe failed on ${url}: ${String(error).slice(0, 120)}`);
      }
    }
  } finally {
    await browser.close();
  }
  return { pages, msPerPage: round(total / Math.max(1, pages), 0), cpuMsPerPage: round((cpuTicksTotal * 1000) / ticksPerSecond / Math.max(1, pages), 0) };
}

// ---------------------------------------------------------------------------------------------------
// Report.

function round(n: number, digits: number): number {
  return Number(n.toFixed(digits));
}

function log(line: string): void {
  process.stderr.write(line + '\n');
}

function table(ours: RunFigures, crawlOnly: RunFigures, baseline: RunFigures, settledFloor: RunFigures, machine: Record<string, string | number>): string {
  const row = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(22) : String(c).padStart(11))).join('');
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const ratioRow = (name: string, a: RunFigures, b: RunFigures) =>
    row([name, '', x(a.seconds, b.seconds), '', x(a.peakMb, b.peakMb), '', '', x(a.peakRssMb, b.peakRssMb), '', x(a.cpuSeconds, b.cpuSeconds)]);
  const line = (name: string, r: RunFigures) =>
    row([name, r.pages, r.seconds, r.pagesPerSecond, r.peakMb, r.peakChromiumMb, r.peakNodeMb, r.peakRssMb, `${Math.round(r.cpuBusy * 100)}%`, r.cpuSeconds]);
  return [
    row(['', 'pages', 'seconds', 'pages/s', 'PSS MB', 'chrome MB', 'node MB', 'RSS sum MB', 'CPU busy', 'CPU s']),
    line('ours (defaults)', ours),
    line('ours, axe off', crawlOnly),
    line('floor', baseline),
    line('floor, settled', settledFloor),
    ratioRow('ours, axe off / floor', crawlOnly, baseline),
    ratioRow('axe off / settled', crawlOnly, settledFloor),
    ratioRow('ours / floor', ours, baseline),
    '',
    `sites not assessed (ours, axe off): ${ours.failures}, ${crawlOnly.failures}; page loads that threw (floor): ${baseline.failures}`,
    `machine: ${machine.nproc} CPUs, ${machine.totalMemoryGb} GB RAM, Node ${machine.node}, ${machine.chromium}`,
  ].join('\n');
}

async function chromiumVersion(): Promise<string> {
  const browser = await launchBrowser();
  try {
    return await browser.version();
  } finally {
    await browser.close();
  }
}

function printScoring() {
  const scoring = benchScoring();
  console.log(`\nscoring engine: ${scoring.sites} sites in ${scoring.groups} peer groups, scored and ranked (one warm pass)`);
  for (const p of scoring.presets)
    console.log(
      `  ${p.id.padEnd(20)} ${String(p.ms).padStart(8)} ms  ${String(p.sitesPerSecond).padStart(9)} sites/s  (${p.vetoed} vetoed, ${p.tiedRanks} shared ranks)`,
    );
  return scoring;
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.scoringOnly) {
    console.log(`\nfigures: ${await saveJson({ scoring: printScoring() })}`);
    return;
  }
  if (options.startupOnly) {
    const startup = printStartup();
    console.log(`\nfigures: ${await saveJson({ startup })}`);
    return;
  }
  if (options.report) {
    log(`report: ${options.report} repeated to ${options.reportSites} sites, every format, PDFs one at a time and then as govscore report prints them`);
    const report = await benchReport(options.report, options.reportSites);
    console.log(
      `\nreport of ${report.sites} sites (${report.pdfs} PDFs): ${report.oursSeconds} s; PDFs one at a time ${report.oneAtATimeSeconds} s (${(report.oursSeconds / report.oneAtATimeSeconds).toFixed(2)}x)`,
    );
    console.log(`\nfigures: ${await saveJson({ report })}`);
    return;
  }
  if (options.queueOnly) {
    const queue = await benchQueue({ portals: options.queuePortals, sites: options.queueSites });
    console.log(`\n${queueTable(queue)}\n\nfigures: ${await saveJson({ queue })}`);
    return;
  }
  const tabs = options.sitesConcurrency * (defaultCollectOptions.concurrency + defaultCollectOptions.articleConcurrency);
  const machine = { nproc: availableParallelism(), totalMemoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, chromium: await chromiumVersion() };
  log(`starting ${options.portals} portals × ~${pagesPerPortal} pages (asOf ${asOf})`);
  const set = await startPortalSet({ asOf, seed: 'bench', scale: { portals: options.portals, pagesPerPortal } });
  let closed = false;
  try {
    if (options.axeCostOnly) {
      log('ours with axe off: the crawl alone');
      const crawlOnly = await runOurs(
        set.portals.map((p) => p.url),
        options.sitesConcurrency,
        { ...defaultCollectOptions, axe: 'off' },
        { opened: [], phases: {}, scans: [] },
      );
      const axeCost = await measureAxeCost(
        set.portals.map((p) => p.url),
        options.sitesConcurrency,
        crawlOnly,
      );
      console.log(`\nfigures: ${await saveJson({ options, machine, crawlOnly, axeCost })}`);
      return;
    }
    log(
      `ours: collectSite with its defaults (axe sample, ${options.lighthouse ? `Lighthouse on ${defaultCollectOptions.lighthousePages} pages a site` : 'no Lighthouse'}), ${options.sitesConcurrency} sites at once`,
    );
    const record: OursRecord = { opened: [], phases: {}, scans: [] };
    const lighthouse = options.lighthouse ? new LighthouseRunner() : null;
    lighthouse?.warm();
    const ours = await runOurs(
      set.portals.map((p) => p.url),
      options.sitesConcurrency,
      defaultCollectOptions,
      record,
      lighthouse,
    ).finally(() => lighthouse?.close());
    log('ours again with axe off: the crawl alone');
    const crawlOnly = await runOurs(
      set.portals.map((p) => p.url),
      options.sitesConcurrency,
      { ...defaultCollectOptions, axe: 'off' },
      { opened: [], phases: {}, scans: [] },
    );
    // Script pagination steps inside one tab ("#page=N"): there is no URL a plain browser could load.
    const urls = record.opened.map((p) => p.url).filter((u) => !/#page=\d+$/.test(u));
    log(`floor: ${urls.length} URLs, ${tabs} tabs in flight, ${options.freshTabs ? 'a fresh tab per URL' : 'each tab reused'}`);
    const baseline = await runBaseline(urls, tabs, options.freshTabs);
    log('settled floor: the same URLs, each also waited on until its requests go quiet');
    const settledFloor = await runBaseline(urls, tabs, options.freshTabs, true);
    log(`bare axe: the ${record.scans.length} pages ours scanned, one at a time`);
    const bareAxe = await runBareAxe(record.scans.map((a) => a.url));
    const axeInCrawl = round(record.scans.reduce((sum, a) => sum + a.ms, 0) / Math.max(1, record.scans.length), 0);
    // What axe adds to the whole run per page it scans: the run's time with axe less its time without, and
    // the same for the machine's CPU: what a scan costs the machine, which a saturated crawl cannot hide.
    const axeMarginal = round(((ours.seconds - crawlOnly.seconds) * 1000) / Math.max(1, record.scans.length), 0);
    const axeMarginalCpu = round(((ours.cpuSeconds - crawlOnly.cpuSeconds) * 1000) / Math.max(1, record.scans.length), 0);
    console.log(
      `\n${options.portals} portals × ~${pagesPerPortal} pages, ${options.sitesConcurrency} sites at once, floor ${tabs} ${options.freshTabs ? 'fresh tabs (one per URL)' : 'reused tabs'}\n`,
    );
    console.log(table(ours, crawlOnly, baseline, settledFloor, machine));
    const axe = {
      pagesScanned: record.scans.length,
      bareMsPerPage: bareAxe.msPerPage,
      bareCpuMsPerPage: bareAxe.cpuMsPerPage,
      inCrawlMsPerPage: axeInCrawl,
      marginalMsPerPage: axeMarginal,
      marginalCpuMsPerPage: axeMarginalCpu,
    };
    // The two runs differ by axe alone; when the one with axe is the faster, the machine's noise was larger than axe's cost.
    const withLighthouse = 'not measured: ours also ran Lighthouse, the crawl without axe did not';
    const marginal = options.lighthouse
      ? `what it adds to the run ${withLighthouse}`
      : axeMarginal > 0
        ? `adding ${axe.marginalMsPerPage} ms a page to the run (${(axeMarginal / bareAxe.msPerPage).toFixed(2)}x bare)`
        : `what it adds to the run not measured: the run with axe was ${-axeMarginal} ms a page faster than without (machine noise)`;
    console.log(
      `axe: ${axe.pagesScanned} pages scanned; bare axe ${axe.bareMsPerPage} ms a page; in the crawl ${axe.inCrawlMsPerPage} ms a page (${(axeInCrawl / bareAxe.msPerPage).toFixed(2)}x bare), ${marginal}`,
    );
    const marginalCpu = options.lighthouse
      ? withLighthouse
      : axeMarginalCpu > 0
        ? `${axeMarginalCpu} ms of CPU a page scanned (${(axeMarginalCpu / Math.max(1, bareAxe.cpuMsPerPage)).toFixed(2)}x bare)`
        : `not measured: the run with axe used ${-axeMarginalCpu} ms of CPU a page less than without (machine noise)`;
    console.log(`axe CPU: bare axe ${axe.bareCpuMsPerPage} ms of machine CPU a page; axe adds to the crawl ${marginalCpu}`);
    // Per-site wall time of each phase, summed over sites (phases overlap inside a site).
    const phaseSeconds = Object.fromEntries(Object.entries(record.phases).map(([k, ms]) => [k, round(ms / 1000, 1)]));
    console.log(
      `phases of ours, site-seconds summed over sites: ${Object.entries(phaseSeconds)
        .map(([k, s]) => `${k} ${s}`)
        .join(', ')}`,
    );
    const axeCost = options.axeCost
      ? await measureAxeCost(
          set.portals.map((p) => p.url),
          options.sitesConcurrency,
          crawlOnly,
        )
      : null;
    const peers = options.peers
      ? await runPeers(
          options,
          record.scans.map((a) => a.url),
          set.portals.map((p) => p.url),
          ours,
          axe,
        )
      : null;
    // After the crawl: its 10,000 score objects would otherwise sit in the crawl's memory figure.
    const scoring = printScoring();
    const startup = printStartup();
    await set.close();
    closed = true;
    const queue = options.skipQueue ? null : await benchQueue({ portals: options.queuePortals, sites: options.queueSites });
    if (queue) console.log(`\n${queueTable(queue)}`);
    const file = await saveJson({
      scoring,
      options,
      tabs,
      asOf,
      pagesPerPortal,
      machine,
      ours,
      crawlOnly,
      phaseSeconds,
      baseline,
      settledFloor,
      axe,
      axeCost,
      startup,
      ratios: {
        time: round(ours.seconds / baseline.seconds, 3),
        crawlTime: round(crawlOnly.seconds / baseline.seconds, 3),
        crawlTimeSettled: round(crawlOnly.seconds / settledFloor.seconds, 3),
        memory: round(ours.peakMb / baseline.peakMb, 3),
        memoryRss: round(ours.peakRssMb / baseline.peakRssMb, 3),
        crawlCpu: round(crawlOnly.cpuSeconds / baseline.cpuSeconds, 3),
      },
      peers,
      queue,
    });
    console.log(`\nfigures: ${file}`);
  } finally {
    if (!closed) await set.close();
  }
}

/**
 * What a scan costs inside the crawl, with enough scans to measure it: ours with axe on every page it opens,
 * against the crawl without axe (already measured), in the machine's busy CPU seconds; bare axe's CPU on the
 * same pages, one at a time. Fifty scans add less CPU than two crawls differ by; seven hundred do not.
 */
async function measureAxeCost(portals: string[], sitesConcurrency: number, crawlOnly: RunFigures) {
  log('axe cost: ours with axe on every page it opens');
  const record: OursRecord = { opened: [], phases: {}, scans: [] };
  const everyPage = await runOurs(portals, sitesConcurrency, { ...defaultCollectOptions, axe: 'all' }, record);
  log(`axe cost: bare axe on the ${record.scans.length} pages scanned, one at a time`);
  const bare = await runBareAxe(record.scans.map((a) => a.url));
  const scans = Math.max(1, record.scans.length);
  const figures = {
    scans: record.scans.length,
    pages: everyPage.pages,
    pagesWithoutAxe: crawlOnly.pages,
    seconds: everyPage.seconds,
    cpuSeconds: everyPage.cpuSeconds,
    addedCpuMsPerScan: round(((everyPage.cpuSeconds - crawlOnly.cpuSeconds) * 1000) / scans, 0),
    addedMsPerScan: round(((everyPage.seconds - crawlOnly.seconds) * 1000) / scans, 0),
    bareCpuMsPerPage: bare.cpuMsPerPage,
    bareMsPerPage: bare.msPerPage,
  };
  console.log(
    `\naxe on every page: ${figures.scans} scans, ${figures.pages} pages (${figures.pagesWithoutAxe} without axe), ${figures.seconds} s, ${figures.cpuSeconds} CPU s;` +
      ` axe adds ${figures.addedCpuMsPerScan} ms of machine CPU a scan (${(figures.addedCpuMsPerScan / Math.max(1, figures.bareCpuMsPerPage)).toFixed(2)}x bare axe's ${figures.bareCpuMsPerPage} ms)` +
      ` and ${figures.addedMsPerScan} ms of run time a scan (bare axe: ${figures.bareMsPerPage} ms a page, alone on the machine)`,
  );
  return figures;
}

/** pa11y-ci on the pages ours scanned, Unlighthouse on the portals: per page, against ours in the same run. */
async function runPeers(
  options: BenchOptions,
  scanned: string[],
  portals: string[],
  ours: RunFigures,
  axe: { inCrawlMsPerPage: number },
): Promise<PeerFigures[]> {
  log(
    `peers: installing ${options.peersDir} (once), then pa11y-ci on the ${scanned.length} pages ours scanned and Unlighthouse on ${portals.length} portals (${options.peersRoutes} pages each)`,
  );
  installPeers(options.peersDir);
  const pa11y = await runPa11yCi(options.peersDir, scanned);
  const unlighthouse = await runUnlighthouse(options.peersDir, portals, options.peersRoutes);
  console.log('\n| peer | pages | seconds | CPU seconds | peak MB | per page | ours per page | ours / peer |\n|---|---|---|---|---|---|---|---|');
  const row = (f: PeerFigures, oursMsPerPage: number, label: string) => {
    if (f.error) return console.log(`| ${f.tool} | not measured: ${f.error} | | | | | | |`);
    const peerMs = (f.seconds * 1000) / f.pages;
    console.log(
      `| ${f.tool} | ${f.pages} | ${f.seconds} | ${f.cpuSeconds} | ${f.peakMb} | ${Math.round(peerMs)} ms | ${Math.round(oursMsPerPage)} ms (${label}) | ${(oursMsPerPage / peerMs).toFixed(2)}x |`,
    );
  };
  // A page scan inside the crawl (load excluded) against pa11y's whole time per URL (load, then axe).
  row(pa11y, axe.inCrawlMsPerPage, 'one axe scan inside the crawl');
  row(unlighthouse, (ours.seconds * 1000) / Math.max(1, ours.pages), 'whole crawl per page');
  return [pa11y, unlighthouse];
}

function printStartup(): StartupFigures[] {
  const startup = benchStartup();
  console.log('\nstart-up, spawn to exit (compiled dist/ when up to date), three runs each:');
  for (const s of startup)
    console.log(`  ${s.command.padEnd(48)} ${s.seconds.map((x) => x.toFixed(2)).join(' / ')} s  (exit ${[...new Set(s.exitCodes)].join(', ')})`);
  return startup;
}

async function saveJson(figures: object): Promise<string> {
  const dir = join('out', 'bench');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2) + '\n');
  return file;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
