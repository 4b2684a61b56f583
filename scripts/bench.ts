/**
 * npm run bench [-- --portals N] [--sites-concurrency N] [--quick] [--scoring-only] [--fresh-tabs] [--report RESULTS.json] [--startup-only] [--lighthouse] [--axe-cost] [--axe-cost-only]
 *                 [--checks-profile N] [--checks-profile-only]
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
 * 3. The accessibility pass (axe-core, then the page checks axe does not make): the pages ours scanned,
 *    scanned again by bare axe-core one at a time with the same rules; its time per page against ours inside
 *    the crawl and against what the pass adds to the run per page. With --axe-cost, also ours with the pass
 *    on every page it opens, and with axe alone there (the checks off): enough scans that what each adds to
 *    the CPU stands out of the noise between two crawls, against what bare axe adds, measured alike, to the
 *    settled floor over the same pages (the same tabs, block list and memory sampler). Then where the page checks'
 *    time goes, part by part, one page at a time on --checks-profile pages of those scanned (bench-checks.ts);
 *    --checks-profile-only: that alone, on pages a crawl without the pass opened.
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
import { checkTab } from '../evaluators/collect/page-audit.js';
import type { PageCheckResult } from '../evaluators/collect/page-checks.js';
import { startPortalSet } from '../portals/server/portal-set.js';
import { Store } from '../server/store/store.js';
import { profileChecks, profileLines, spread } from './bench-checks.js';
import { installPeers, type PeerFigures, runPa11yCi, runUnlighthouse } from './bench-peers.js';
import { cpuTicks, type MemoryFigures, PeakMemory, TreeCpu } from './bench-process.js';
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
  /** Also ours with the pass on every page, and with axe alone, and bare axe on those pages: the CPU cost per scan inside the crawl. */
  axeCost: boolean;
  /** Only that: the crawl without the pass, with the pass on every page, with axe alone, and bare axe on the pages scanned. */
  axeCostOnly: boolean;
  /** Pages the page checks are profiled on part by part after the pass-cost runs (0: none). */
  checksProfile: number;
  /** Only the profile, on pages a crawl without the pass opened. */
  checksProfileOnly: boolean;
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
  /** The machine's busy CPU seconds during the run (all cores, all processes: other programs' too). */
  cpuSeconds: number;
  /** CPU seconds of this process and every process under it (the browser, the portal servers): the run's own. */
  treeCpuSeconds: number;
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
      'checks-profile': { type: 'string' },
      'checks-profile-only': { type: 'boolean', default: false },
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
    checksProfile: values['checks-profile'] === '0' ? 0 : (positiveInt('--checks-profile', values['checks-profile']) ?? 60),
    checksProfileOnly: values['checks-profile-only'] ?? false,
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

/** Launches a browser, runs `work` under the memory sampler and the clock, always closes the browser. `pss: false`: no PSS sweeps (PeakMemory). */
async function measured(work: (browser: Browser) => Promise<{ pages: number; failures: number }>, pss = true): Promise<RunFigures> {
  const browser = await launchBrowser();
  try {
    const memory = new PeakMemory(process.pid, pss);
    const started = performance.now();
    const cpuBefore = cpuTicks();
    const { pages, failures } = await work(browser);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuTicks();
    memory.cpu.sample();
    const treeCpuSeconds = round(memory.cpu.ticks() / ticksPerSecond, 1);
    const cpuBusy = round((cpuAfter.busy - cpuBefore.busy) / Math.max(1, cpuAfter.total - cpuBefore.total), 2);
    const cpuSeconds = round((cpuAfter.busy - cpuBefore.busy) / ticksPerSecond, 1);
    return {
      pages,
      failures,
      seconds: round(seconds, 1),
      pagesPerSecond: round(pages / seconds, 2),
      cpuBusy,
      cpuSeconds,
      treeCpuSeconds,
      ...(await memory.stop()),
    };
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
  /** The page checks run after axe: their page, its role and how long they took inside the crawl. */
  checks: Array<{ url: string; role: PageCheckResult['role']; ms: number }>;
}

const emptyRecord = (): OursRecord => ({ opened: [], phases: {}, scans: [], checks: [] });

/** govscore's crawl of every portal, C sites at once on one browser, journaling every page to a store as `govscore assess` does. */
async function runOurs(
  urls: string[],
  sitesConcurrency: number,
  collect: CollectOptions,
  record: OursRecord,
  lighthouse: LighthouseRunner | null = null,
  pss = true,
): Promise<RunFigures> {
  const { opened, phases, scans, checks } = record;
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
          checks.push(...(result?.pageChecks ?? []).map((c) => ({ url: c.url, role: c.role, ms: c.ms })));
          for (const [phase, ms] of Object.entries(result?.stats.phases ?? {})) phases[phase] = (phases[phase] ?? 0) + ms;
          if (result?.failure) failures++;
          log(`  ours [${++done}/${urls.length}] ${url} — ${result?.pages.filter(loaded).length ?? 0} pages`);
        });
      }
      await queue.onIdle();
      return { pages: opened.length, failures };
    }, pss);
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
async function runBaseline(
  urls: string[],
  tabs: number,
  freshTabs: boolean,
  settled = false,
  axeOn: ReadonlySet<string> = new Set(),
  pss = true,
): Promise<RunFigures & { axeRuns: number }> {
  let axeRuns = 0;
  const figures = await measured(async (browser) => {
    let failures = 0;
    let next = 0;
    let done = 0;
    const load = async (page: Page, url: string) => {
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: defaultCollectOptions.timeoutMs });
        if (settled) await settlePage(page);
        if (axeOn.has(url)) {
          await bareAxe(page);
          axeRuns++;
        }
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
  }, pss);
  return { ...figures, axeRuns };
}

/** One part of the pass, one page at a time: wall time, the machine's busy CPU and the bench's own process tree's CPU, per page. */
interface PerPage {
  pages: number;
  msPerPage: number;
  cpuMsPerPage: number;
  treeCpuMsPerPage: number;
}

/**
 * Bare axe-core on the pages ours scanned: one tab (newTab: the crawl's block list), one page at a time, each
 * loaded as ours loads a page it scans (DOMContentLoaded, then network quiet), then axe's source injected and
 * axe.run with the crawl's run options (axeRunOptions: the same rules, result type, frames off). Only the
 * injection and the run are timed: the per-page cost of axe itself, with nothing else of ours competing for
 * the machine; and the CPU meanwhile (the machine's busy time and this process tree's), to set against the
 * CPU the pass adds to the crawl (a scan's wall time inside the crawl is mostly waiting for the other tabs).
 * Then the page checks on the same tab, as the crawl runs them after axe (checkTab: the same function and
 * bounds), timed apart: what the checks alone cost a page beside bare axe.
 */
async function runBareAxe(pages: Array<{ url: string; role: PageCheckResult['role'] }>): Promise<PerPage & { checks: PerPage }> {
  const browser = await launchBrowser();
  // The crawls run under the memory sampler, and its CPU is counted in theirs: here too, alike.
  const sampler = new PeakMemory();
  const tree = new TreeCpu();
  const axe = { ms: 0, cpuTicks: 0, treeTicks: 0, pages: 0 };
  const checks = { ms: 0, cpuTicks: 0, treeTicks: 0, pages: 0 };
  const timed = async (totals: typeof axe, work: () => Promise<unknown>) => {
    tree.sample();
    const treeBefore = tree.ticks();
    const cpuBefore = cpuTicks().busy;
    const started = performance.now();
    await work();
    totals.ms += performance.now() - started;
    totals.cpuTicks += cpuTicks().busy - cpuBefore;
    tree.sample();
    totals.treeTicks += tree.ticks() - treeBefore;
    totals.pages++;
  };
  try {
    const tab = await newTab(browser, defaultCollectOptions.userAgent);
    for (const { url, role } of pages) {
      try {
        await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: defaultCollectOptions.timeoutMs });
        await tab.waitForNetworkIdle({ idleTime: 150, timeout: 4000 }).catch(() => undefined);
        await timed(axe, () => bareAxe(tab));
      } catch (error) {
        log(`  bare axe failed on ${url}: ${String(error).slice(0, 120)}`);
        continue;
      }
      await timed(checks, () => checkTab(tab, role));
    }
  } finally {
    await sampler.stop();
    await browser.close();
  }
  const perPage = (t: typeof axe): PerPage => {
    const n = Math.max(1, t.pages);
    return {
      pages: t.pages,
      msPerPage: round(t.ms / n, 0),
      cpuMsPerPage: round((t.cpuTicks * 1000) / ticksPerSecond / n, 0),
      treeCpuMsPerPage: round((t.treeTicks * 1000) / ticksPerSecond / n, 0),
    };
  };
  return { ...perPage(axe), checks: perPage(checks) };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Bare axe-core on the page a tab holds: its source injected, then axe.run with the crawl's run options (the same rules, result type, frames off). */
async function bareAxe(tab: Page): Promise<void> {
  await tab.evaluate(axeSource);
  await tab.evaluate(
    (options: import('axe-core').RunOptions) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, options).then(() => undefined),
    axeRunOptions,
  );
}

/** The pages a crawl scanned, each with the role its page checks ran under (the checks differ a little by role). */
function scannedPages(record: OursRecord): Array<{ url: string; role: PageCheckResult['role'] }> {
  const roles = new Map(record.checks.map((c) => [c.url, c.role]));
  return record.scans.map((a) => ({ url: a.url, role: roles.get(a.url) ?? 'page' }));
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
    if (options.checksProfileOnly) {
      log('checks profile: the pages a crawl without the pass opens');
      const record = emptyRecord();
      await runOurs(
        set.portals.map((p) => p.url),
        options.sitesConcurrency,
        { ...defaultCollectOptions, axe: 'off' },
        record,
        null,
        false,
      );
      const role = (p: PageRecord): PageCheckResult['role'] => (p.role === 'homepage' ? 'homepage' : p.role === 'article' ? 'article' : 'page');
      const pages = record.opened.filter((p) => !/#page=\d+$/.test(p.url)).map((p) => ({ url: p.url, role: role(p) }));
      const checksProfile = await runProfile(spread(pages, options.checksProfile));
      console.log(`\nfigures: ${await saveJson({ options, machine, checksProfile })}`);
      return;
    }
    if (options.axeCostOnly) {
      const axeCost = await measureAxeCost(
        set.portals.map((p) => p.url),
        options.sitesConcurrency,
        tabs,
        options.checksProfile,
      );
      console.log(`\nfigures: ${await saveJson({ options, machine, axeCost })}`);
      return;
    }
    log(
      `ours: collectSite with its defaults (axe sample, ${options.lighthouse ? `Lighthouse on ${defaultCollectOptions.lighthousePages} pages a site` : 'no Lighthouse'}), ${options.sitesConcurrency} sites at once`,
    );
    const record: OursRecord = emptyRecord();
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
      emptyRecord(),
    );
    // Script pagination steps inside one tab ("#page=N"): there is no URL a plain browser could load.
    const urls = record.opened.map((p) => p.url).filter((u) => !/#page=\d+$/.test(u));
    log(`floor: ${urls.length} URLs, ${tabs} tabs in flight, ${options.freshTabs ? 'a fresh tab per URL' : 'each tab reused'}`);
    const baseline = await runBaseline(urls, tabs, options.freshTabs);
    log('settled floor: the same URLs, each also waited on until its requests go quiet');
    const settledFloor = await runBaseline(urls, tabs, options.freshTabs, true);
    log(`bare axe: the ${record.scans.length} pages ours scanned, one at a time, then the page checks on each`);
    const bareAxe = await runBareAxe(scannedPages(record));
    const perScan = (total: number, n: number) => round(total / Math.max(1, n), 0);
    const axeInCrawl = perScan(
      record.scans.reduce((sum, a) => sum + a.ms, 0),
      record.scans.length,
    );
    const checksInCrawl = perScan(
      record.checks.reduce((sum, c) => sum + c.ms, 0),
      record.checks.length,
    );
    // What the pass (axe, then the checks) adds to the whole run per page it scans: the run's time with it less
    // its time without, and the same for the CPU: what a scan costs the machine, which a saturated crawl cannot hide.
    const axeMarginal = perScan((ours.seconds - crawlOnly.seconds) * 1000, record.scans.length);
    const axeMarginalCpu = perScan((ours.cpuSeconds - crawlOnly.cpuSeconds) * 1000, record.scans.length);
    const axeMarginalTreeCpu = perScan((ours.treeCpuSeconds - crawlOnly.treeCpuSeconds) * 1000, record.scans.length);
    console.log(
      `\n${options.portals} portals × ~${pagesPerPortal} pages, ${options.sitesConcurrency} sites at once, floor ${tabs} ${options.freshTabs ? 'fresh tabs (one per URL)' : 'reused tabs'}\n`,
    );
    console.log(table(ours, crawlOnly, baseline, settledFloor, machine));
    const axe = {
      pagesScanned: record.scans.length,
      pagesChecked: record.checks.length,
      bareMsPerPage: bareAxe.msPerPage,
      bareCpuMsPerPage: bareAxe.cpuMsPerPage,
      bareTreeCpuMsPerPage: bareAxe.treeCpuMsPerPage,
      bareChecks: bareAxe.checks,
      inCrawlMsPerPage: axeInCrawl,
      checksInCrawlMsPerPage: checksInCrawl,
      marginalMsPerPage: axeMarginal,
      marginalCpuMsPerPage: axeMarginalCpu,
      marginalTreeCpuMsPerPage: axeMarginalTreeCpu,
    };
    // The two runs differ by the pass alone; when the one with it is the faster, the machine's noise was larger than its cost.
    const withLighthouse = 'not measured: ours also ran Lighthouse, the crawl without axe did not';
    const marginal = options.lighthouse
      ? `what it adds to the run ${withLighthouse}`
      : axeMarginal > 0
        ? `adding ${axe.marginalMsPerPage} ms a page to the run (${(axeMarginal / bareAxe.msPerPage).toFixed(2)}x bare axe)`
        : `what it adds to the run not measured: the run with it was ${-axeMarginal} ms a page faster than without (machine noise)`;
    console.log(
      `accessibility pass: ${axe.pagesScanned} pages scanned; bare axe ${axe.bareMsPerPage} ms a page; in the crawl axe ${axe.inCrawlMsPerPage} ms a page (${(axeInCrawl / bareAxe.msPerPage).toFixed(2)}x bare),` +
        ` the page checks ${checksInCrawl} ms a page (${(checksInCrawl / Math.max(1, axeInCrawl)).toFixed(2)}x axe in the crawl); the pass ${marginal}`,
    );
    console.log(
      `page checks one page at a time after bare axe: ${bareAxe.checks.msPerPage} ms a page (${(bareAxe.checks.msPerPage / Math.max(1, bareAxe.msPerPage)).toFixed(2)}x bare axe),` +
        ` ${bareAxe.checks.treeCpuMsPerPage} ms of CPU (bare axe ${bareAxe.treeCpuMsPerPage} ms: ${(bareAxe.checks.treeCpuMsPerPage / Math.max(1, bareAxe.treeCpuMsPerPage)).toFixed(2)}x)`,
    );
    const cpuAdded = (added: number, bare: number, what: string) =>
      options.lighthouse
        ? withLighthouse
        : added > 0
          ? `${added} ms of ${what} a page scanned (${(added / Math.max(1, bare)).toFixed(2)}x bare axe's ${bare} ms)`
          : `not measured in ${what}: the run with the pass used ${-added} ms a page less than without (noise)`;
    console.log(
      `pass CPU: adds to the crawl ${cpuAdded(axeMarginalTreeCpu, bareAxe.treeCpuMsPerPage, "the run's own CPU")}; ${cpuAdded(axeMarginalCpu, bareAxe.cpuMsPerPage, 'machine CPU')}`,
    );
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
          tabs,
          options.checksProfile,
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
 * What the accessibility pass costs a page inside the crawl, with enough scans to measure it: ours with the
 * pass on every page it opens (axe 'all', templates still capped at axePerTemplate), and again with axe alone
 * there (the page checks off), each against the crawl without the pass (already measured): the CPU and run
 * time each adds, per page scanned. The baseline is measured the same way on the same pages: the settled floor
 * over the URLs the full pass opened (the same tabs in flight, the same block list, the same memory sampler
 * running through the run), and again with bare axe-core on the pages the full pass scanned: what bare axe adds
 * to that run, per page it scanned. Both sides are thus a difference of two whole runs, with the sampler's and
 * the other tabs' share of the CPU counted alike (bare axe one page at a time in a tab of its own, set against a
 * crawl's added CPU, carried neither). The CPU is read two ways: this process tree's own (the run's, whatever
 * else the machine does) and the machine's busy time (everything on it). Fifty scans add less CPU than two
 * crawls differ by; several hundred do not.
 */
async function measureAxeCost(portals: string[], sitesConcurrency: number, tabs: number, profilePages: number) {
  // Every run here without the PSS sweeps (the memory is not what is measured): their CPU grows with a run's
  // length, and would be counted as the pass's where it makes a run longer. The CPU sampling stays, alike in all.
  const pss = false;
  log('pass cost: ours without the pass (axe off)');
  const crawlOnly = await runOurs(portals, sitesConcurrency, { ...defaultCollectOptions, axe: 'off' }, emptyRecord(), null, pss);
  log('pass cost: ours with the accessibility pass (axe, then the page checks) on every page it opens');
  const record: OursRecord = emptyRecord();
  const fullPass = await runOurs(portals, sitesConcurrency, { ...defaultCollectOptions, axe: 'all' }, record, null, pss);
  log('pass cost: ours with axe alone on every page it opens (the page checks off)');
  const axeRecord: OursRecord = emptyRecord();
  const axeOnly = await runOurs(portals, sitesConcurrency, { ...defaultCollectOptions, axe: 'all', pageChecks: false }, axeRecord, null, pss);
  // Script pagination steps inside one tab ("#page=N"): there is no URL a plain browser could load.
  const urls = record.opened.map((p) => p.url).filter((u) => !/#page=\d+$/.test(u));
  const scanned = new Set(record.scans.map((a) => a.url));
  log(`pass cost: the settled floor over the ${urls.length} URLs the full pass opened, ${tabs} tabs in flight`);
  const floor = await runBaseline(urls, tabs, false, true, new Set(), pss);
  log(`pass cost: the same floor with bare axe on the ${scanned.size} pages the full pass scanned`);
  const floorAxe = await runBaseline(urls, tabs, false, true, scanned, pss);
  const perScan = (ms: number, n: number) => round(ms / Math.max(1, n), 0);
  const bare = {
    pages: floorAxe.axeRuns,
    seconds: floorAxe.seconds,
    secondsWithout: floor.seconds,
    treeCpuSeconds: floorAxe.treeCpuSeconds,
    treeCpuSecondsWithout: floor.treeCpuSeconds,
    cpuSeconds: floorAxe.cpuSeconds,
    cpuSecondsWithout: floor.cpuSeconds,
    failures: floorAxe.failures,
    msPerPage: perScan((floorAxe.seconds - floor.seconds) * 1000, floorAxe.axeRuns),
    cpuMsPerPage: perScan((floorAxe.cpuSeconds - floor.cpuSeconds) * 1000, floorAxe.axeRuns),
    treeCpuMsPerPage: perScan((floorAxe.treeCpuSeconds - floor.treeCpuSeconds) * 1000, floorAxe.axeRuns),
  };
  const added = (run: RunFigures, scans: number) => ({
    scans,
    pages: run.pages,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    treeCpuSeconds: run.treeCpuSeconds,
    addedMsPerScan: perScan((run.seconds - crawlOnly.seconds) * 1000, scans),
    addedCpuMsPerScan: perScan((run.cpuSeconds - crawlOnly.cpuSeconds) * 1000, scans),
    addedTreeCpuMsPerScan: perScan((run.treeCpuSeconds - crawlOnly.treeCpuSeconds) * 1000, scans),
  });
  const inCrawl = (items: Array<{ ms: number }>) => round(items.reduce((sum, i) => sum + i.ms, 0) / Math.max(1, items.length), 0);
  const figures = {
    pagesWithoutPass: crawlOnly.pages,
    secondsWithoutPass: crawlOnly.seconds,
    cpuSecondsWithoutPass: crawlOnly.cpuSeconds,
    treeCpuSecondsWithoutPass: crawlOnly.treeCpuSeconds,
    fullPass: added(fullPass, record.scans.length),
    axeOnly: added(axeOnly, axeRecord.scans.length),
    /** Wall time inside the full-pass crawl (its phase times, per page): axe a scan, the page checks a checked page. */
    inCrawl: { axeMsPerScan: inCrawl(record.scans), checksMsPerPage: inCrawl(record.checks), pagesChecked: record.checks.length },
    /** Bare axe: what it adds to the settled floor over the same URLs, per page it scanned. */
    bare,
    target: 2,
  };
  const x = (a: number, b: number) => `${(a / Math.max(1, b)).toFixed(2)}x`;
  const row = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(34) : String(c).padStart(14))).join('');
  const addedRow = (name: string, f: ReturnType<typeof added>) =>
    row([
      name,
      f.scans,
      f.addedTreeCpuMsPerScan,
      x(f.addedTreeCpuMsPerScan, bare.treeCpuMsPerPage),
      f.addedCpuMsPerScan,
      x(f.addedCpuMsPerScan, bare.cpuMsPerPage),
      f.addedMsPerScan,
    ]);
  const runRow = (name: string, r: RunFigures) => row([name, r.pages, r.seconds, r.treeCpuSeconds, r.cpuSeconds]);
  const fullRatio = figures.fullPass.addedTreeCpuMsPerScan / Math.max(1, bare.treeCpuMsPerPage);
  console.log(
    [
      '',
      `accessibility pass on every page ours opens (axe 'all', at most ${defaultCollectOptions.axePerTemplate} pages a template):`,
      row(['run', 'pages', 'seconds', 'own CPU s', 'machine CPU s']),
      runRow('crawl without the pass', crawlOnly),
      runRow('crawl, full pass (axe + checks)', fullPass),
      runRow('crawl, axe alone', axeOnly),
      runRow('settled floor, same URLs', floor),
      runRow('settled floor + bare axe', floorAxe),
      '',
      row(['added a page scanned', 'scans', 'own CPU ms', '/ bare axe', 'machine ms', '/ bare axe', 'run ms']),
      addedRow('full pass (axe + checks)', figures.fullPass),
      addedRow('axe alone', figures.axeOnly),
      row(['bare axe (to the settled floor)', bare.pages, bare.treeCpuMsPerPage, '1x', bare.cpuMsPerPage, '1x', bare.msPerPage]),
      '',
      `in the crawl (phase times, wall): axe ${figures.inCrawl.axeMsPerScan} ms a scan, the page checks ${figures.inCrawl.checksMsPerPage} ms a page (${x(figures.inCrawl.checksMsPerPage, figures.inCrawl.axeMsPerScan)} axe)`,
      `page loads that threw: floor ${floor.failures}, floor + bare axe ${floorAxe.failures}`,
      `target: the full pass ≤ ${figures.target}x bare axe a page (own CPU): ${fullRatio.toFixed(2)}x, ${fullRatio <= figures.target ? 'holds' : 'missed'}`,
    ].join('\n'),
  );
  const checksProfile = profilePages ? await runProfile(spread(scannedPages(record), profilePages)) : null;
  return { ...figures, checksProfile };
}

/** The page checks part by part on these pages, in a browser of their own (bench-checks.ts), printed. */
async function runProfile(pages: Array<{ url: string; role: PageCheckResult['role'] }>) {
  log(`checks profile: bare axe, then the page checks part by part, one page at a time on ${pages.length} pages`);
  const browser = await launchBrowser();
  try {
    const profile = await profileChecks(browser, pages, bareAxe);
    console.log(['', ...profileLines(profile)].join('\n'));
    return profile;
  } finally {
    await browser.close();
  }
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
