/**
 * The distributed mode's figures (part of `npm run bench`; alone: `npm run bench -- --queue-only`).
 *
 * 1. The coordination layer: a simulated collector (no browser, in a process of its own) answers every
 *    site of a 14,000-site national list with a real site result taken from a sample portal, through the
 *    real BullMQ queue on a real Redis and the real coordinator writing the SQLite store. Prints jobs/s
 *    and the coordinator's write rate: what one coordinator can absorb.
 * 2. The real crawl of the sample portals: embedded, then 1 and 2 `govscore worker` processes, all on
 *    this 2-core machine, with the per-site cost a national run is planned from.
 */
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Queue } from 'bullmq';
import { stringify } from 'yaml';

import { EvidenceSink } from '../evaluators/collect/evidence.js';
import { startPortalSet } from '../portals/server/portal-set.js';
import { keyPrefix, redisOptions } from '../server/queue/connection.js';
import { collectThroughQueue } from '../server/queue/coordinator.js';
import { collectQueue } from '../server/queue/jobs.js';
import { type SiteResult, Store } from '../server/store/store.js';
import { openRun, planRun } from '../server/use-cases/plan-run.js';
import { startRedis } from '../test/integration/queue/redis-server.js';

const bin = new URL('../bin/govscore.js', import.meta.url).pathname;
const asOf = '2026-11-21';

export interface CrawlFigures {
  mode: string;
  workers: number;
  sitesInFlight: number;
  seconds: number;
  pages: number;
  /** Wall seconds of a site on its worker, median over the sites. */
  medianSiteSeconds: number;
}

export interface QueueFigures {
  sites: number;
  resultKb: number;
  enqueueSeconds: number;
  seconds: number;
  jobsPerSecond: number;
  writeMbPerSecond: number;
  coordinatorCpuShare: number;
  storeMb: number;
  crawl: CrawlFigures[];
}

const log = (line: string) => process.stderr.write(line + '\n');

/** Runs a govscore command to its end; its stdout is returned, its stderr shown. */
function govscore(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`govscore ${args[0]} exited ${code}: ${out.slice(-500)}`))));
  });
}

function startWorkers(count: number, redisUrl: string, concurrency: number) {
  // The embedded mode has no rate per host, only its tabs in flight: the workers are not held to one either,
  // so the figures compare the modes, not the politeness setting (the default of 8 requests/s would bind here).
  return Array.from({ length: count }, () =>
    spawn(process.execPath, [bin, 'worker', '--redis', redisUrl, '--concurrency', String(concurrency), '--host-rate', '1000'], { stdio: 'ignore' }),
  );
}

/** Waits until BullMQ lists this many workers on the collect queue. */
async function workersUp(redisUrl: string, count: number): Promise<void> {
  if (!count) return;
  const queue = new Queue(collectQueue, { connection: redisOptions(redisUrl), prefix: keyPrefix });
  try {
    while ((await queue.getWorkersCount()) < count) await new Promise((r) => setTimeout(r, 200));
  } finally {
    await queue.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The sample portals crawled embedded, then through the queue by 1 and 2 worker processes. */
async function crawlModes(portals: number, dir: string, redisUrl: string): Promise<{ figures: CrawlFigures[]; template: SiteResult }> {
  const set = await startPortalSet({ asOf, seed: 'bench', scale: { portals, pagesPerPortal: 200 } });
  try {
    const sitesFile = join(dir, 'portals.yaml');
    await writeFile(
      sitesFile,
      stringify({
        name: 'bench',
        asOf,
        indicators: 'national-2019',
        sites: set.portals.map((p) => ({ id: p.id, name: p.name, url: p.url, group: '市直部门' })),
      }),
    );
    const modes = [
      { mode: 'embedded', workers: 0, concurrency: 2 },
      { mode: 'queue', workers: 1, concurrency: 2 },
      { mode: 'queue', workers: 2, concurrency: 1 },
      { mode: 'queue', workers: 2, concurrency: 2 },
    ];
    const figures: CrawlFigures[] = [];
    let db = '';
    for (const m of modes) {
      const out = join(dir, `crawl-${m.mode}-${m.workers}x${m.concurrency}`);
      // Workers are long-running services: they are up (Chromium launched on their first site) before the run starts.
      const workers = startWorkers(m.workers, redisUrl, m.concurrency);
      await workersUp(redisUrl, m.workers);
      const started = performance.now();
      const stdout = await govscore([
        'assess',
        sitesFile,
        '--out',
        out,
        '--lighthouse-pages',
        '0',
        ...(m.workers ? ['--queue', redisUrl] : ['--concurrency', String(m.concurrency)]),
      ]);
      const seconds = (performance.now() - started) / 1000;
      await Promise.all(workers.map((w) => new Promise((r) => (w.kill('SIGTERM'), w.once('exit', r)))));
      db = join(out, 'govscore.db');
      const store = new Store(db);
      const pages = store.db.prepare("SELECT count(*) FROM pages WHERE role != 'skipped'").pluck().get() as number;
      store.close();
      const siteSeconds = [...stdout.matchAll(/\] .* in ([\d.]+) s/g)].map((x) => Number(x[1]));
      figures.push({
        mode: m.mode,
        workers: m.workers,
        sitesInFlight: Math.max(1, m.workers) * m.concurrency,
        seconds: Number(seconds.toFixed(1)),
        pages,
        medianSiteSeconds: Number(median(siteSeconds).toFixed(1)),
      });
      log(`  ${m.mode} ${m.workers} workers × ${m.concurrency}: ${seconds.toFixed(1)} s, ${pages} pages`);
    }
    return { figures, template: medianSite(db) };
  } finally {
    set.close();
  }
}

/** The site result of median size in a store: what the simulated collector answers every site with. */
function medianSite(db: string): SiteResult {
  const store = new Store(db);
  try {
    const runId = store.db.prepare('SELECT id FROM runs').pluck().get() as string;
    const sizes = store.db
      .prepare('SELECT site_id AS id, sum(length(json)) AS bytes FROM observations WHERE run_id = ? GROUP BY site_id ORDER BY bytes')
      .all(runId) as Array<{ id: string }>;
    const siteId = sizes[Math.floor(sizes.length / 2)]!.id;
    const observations = Object.fromEntries(
      (
        store.db.prepare('SELECT kind, json FROM observations WHERE run_id = ? AND site_id = ?').all(runId, siteId) as Array<{ kind: string; json: string }>
      ).map((o) => [o.kind, JSON.parse(o.json)]),
    );
    const pages = store.db
      .prepare('SELECT url, final_url AS finalUrl, status, role, ms, error, hash FROM pages WHERE run_id = ? AND site_id = ?')
      .all(runId, siteId) as SiteResult['pages'];
    return { status: 'assessed', statusReason: null, pages, observations };
  } finally {
    store.close();
  }
}

/** 14,000 sites through the real queue and coordinator, answered by the simulated collector. */
async function coordination(sites: number, template: SiteResult, dir: string, redisUrl: string): Promise<Omit<QueueFigures, 'crawl'>> {
  const templateFile = join(dir, 'template.json');
  await writeFile(templateFile, JSON.stringify(template));
  const sitesFile = join(dir, 'national.yaml');
  const ids = Array.from({ length: sites }, (_, i) => `s${String(i + 1).padStart(5, '0')}`);
  await writeFile(
    sitesFile,
    stringify({
      name: '全国抽查（模拟）',
      asOf,
      indicators: 'national-2019',
      sites: ids.map((id, i) => ({ id, name: `模拟网站${i + 1}`, url: `http://${id}.example.gov.cn/`, group: i % 10 ? '市直部门' : '市县政府' })),
    }),
  );
  const db = join(dir, 'national.db');
  const store = new Store(db);
  const worker = spawn(process.execPath, ['--import', 'tsx', new URL('./bench-queue-worker.ts', import.meta.url).pathname, redisUrl, templateFile], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    const plan = planRun({ sitesFile, lighthousePages: 0 });
    const run = openRun(store, plan);
    const pending = store.runSites(run.id);
    let saved = 0;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let enqueued = 0;
    await collectThroughQueue(store, run, pending, {
      redisUrl,
      asOf,
      collect: plan.collect,
      evidence: new EvidenceSink(join(dir, 'evidence'), 0),
      evidenceMb: 0,
      total: sites,
      statusEveryMs: 60_000,
      log: (line) => {
        if (line.startsWith('queue redis')) enqueued = performance.now();
        if (/^\[\d+\/\d+\]/.test(line) && ++saved % 2000 === 0) log(`  ${saved}/${sites} saved`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const storeMb = ['', '-wal'].reduce((sum, s) => sum + statSafe(db + s), 0) / 2 ** 20;
    const resultKb = Buffer.byteLength(JSON.stringify(template)) / 1024;
    return {
      sites,
      resultKb: Number(resultKb.toFixed(0)),
      enqueueSeconds: Number(((enqueued - started) / 1000).toFixed(1)),
      seconds: Number(seconds.toFixed(1)),
      jobsPerSecond: Number((sites / seconds).toFixed(0)),
      writeMbPerSecond: Number(((sites * resultKb) / 1024 / seconds).toFixed(1)),
      coordinatorCpuShare: Number(((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)),
      storeMb: Math.round(storeMb),
    };
  } finally {
    store.close();
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  }
}

function statSafe(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export async function benchQueue(options: { portals: number; sites: number }): Promise<QueueFigures> {
  const redis = await startRedis();
  const dir = await mkdtemp(join(tmpdir(), 'govscore-bench-queue-'));
  try {
    log(`real crawl of ${options.portals} sample portals × 200 pages: embedded, then through the queue`);
    const { figures, template } = await crawlModes(options.portals, dir, redis.url);
    log(`coordination: ${options.sites} sites through the queue, simulated collector`);
    return { ...(await coordination(options.sites, template, dir, redis.url)), crawl: figures };
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function queueTable(q: QueueFigures): string {
  const crawl = q.crawl.map(
    (c) =>
      `  ${`${c.mode}${c.workers ? ` ${c.workers} worker${c.workers > 1 ? 's' : ''}` : ''} × ${c.workers ? c.sitesInFlight / c.workers : c.sitesInFlight}`.padEnd(22)} ${String(c.seconds).padStart(7)} s  ${String(c.pages).padStart(6)} pages  ${(c.pages / c.seconds).toFixed(2).padStart(6)} pages/s  median site ${c.medianSiteSeconds} s  (${(c.seconds / q.crawl[0]!.seconds).toFixed(2)}× embedded)`,
  );
  return [
    `coordination: ${q.sites} sites, each answered with a real ${q.resultKb} KB site result by a simulated collector (no browser)`,
    `  enqueue ${q.enqueueSeconds} s; all saved in ${q.seconds} s: ${q.jobsPerSecond} jobs/s, coordinator writes ${q.writeMbPerSecond} MB/s of results, busy ${Math.round(q.coordinatorCpuShare * 100)}% of one core; store ${q.storeMb} MB`,
    'real crawl, same portals, this machine:',
    ...crawl,
  ].join('\n');
}
