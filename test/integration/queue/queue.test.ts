import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';
import type { Results } from '../../../reports/results.js';
import { type LiveSite, runProgress } from '../../../server/app/web/run-progress.js';
import { evidencePath } from '../../../server/queue/evidence-transfer.js';
import { Store } from '../../../server/store/store.js';
import { browserPids, killNewBrowsers, runCli, startCli, tempDir, writeSitesFile } from '../cli-helpers.js';
import { startRedis } from './redis-server.js';

/** What depends on the clock: when results.json was written, and how long the probes took (the response-time figures derive from them). */
const clockKeys = new Set(['generatedAt', 'ms', 'at', 'medianMs', 'p90Ms', 'slowest']);

/** results.json without what depends on the clock. Everything else must match. */
function withoutTimings(results: Results): unknown {
  return JSON.parse(JSON.stringify(results), (key, value) => (clockKeys.has(key) ? undefined : value));
}

/** Every screenshot a site's stored observations refer to (`<site>/<name>.jpg`), sorted. */
/** The files of a site's evidence folder (screenshots, and the page texts in its text/ folder), as `site/…` paths. */
async function evidenceFiles(root: string, runId: string, site: string): Promise<string[]> {
  const folder = join(root, 'evidence', runId, site);
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => `${site}/${relative(folder, join(e.parentPath, e.name))}`)
    .sort();
}

function screenshotsNamed(dbFile: string, runId: string, siteId: string): string[] {
  const store = new Store(dbFile);
  try {
    const named = new Set<string>();
    JSON.stringify(store.observations(runId, siteId), (_key, value) => {
      if (typeof value === 'string' && evidencePath.test(value)) named.add(value);
      return value;
    });
    return [...named].sort();
  } finally {
    store.close();
  }
}

/** A `govscore worker` process; its id in the coordinator's log is `<hostname>-<pid>`. */
function startWorker(redisUrl: string, ...extra: string[]) {
  // One site at a time each: two workers then crawl as many sites at once as the embedded run, and the
  // machine is not loaded more than other test files running beside this one can bear.
  const worker = startCli(['worker', '--redis', redisUrl, '--concurrency', '1', '--lock-ms', '5000', ...extra]);
  return { ...worker, id: `-${worker.child.pid}` };
}

async function stopWorker(worker: ReturnType<typeof startWorker>): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  const exited = new Promise((r) => worker.child.once('exit', r));
  worker.child.kill('SIGTERM');
  await exited;
}

describe('assess through the BullMQ queue, with two worker processes', () => {
  let set: RunningPortalSet;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let sitesFile: string;
  let dir: string;
  let embedded: Results;
  // Two portals and a dead host: both workers take a site, and one of them retries the dead one.
  const ids = ['zfw', 'jyj'];
  // No axe: its scan of a page is cut at 10 s, so how many pages it scans depends on how loaded the machine
  // is (the other test files run beside this one) — a timing, not something the queue could change.
  // A budget that cuts pages (columns, list pages, articles, sections): the site resumed after its worker was killed is
  // compared with the uninterrupted crawl, what the budget refused included (crawl.budget in results.json).
  const budget = ['--max-pages', '8', '--lighthouse-pages', '0', '--axe', 'off'];

  beforeAll(async () => {
    [set, redis] = await Promise.all([startPortalSet({ asOf: '2026-11-21', seed: 'queue-test' }), startRedis()]);
    dir = await tempDir('queue');
    sitesFile = await writeSitesFile(dir, set, ids, [{ id: 'dead', name: '已关停的网站', url: `${set.deadUrl}/`, group: '市直部门' }]);
    const run = await runCli(['assess', sitesFile, '--out', join(dir, 'embedded'), ...budget]);
    expect(run.code, run.stderr).toBe(0);
    embedded = JSON.parse(await readFile(join(dir, 'embedded', 'results.json'), 'utf8'));
  }, 240_000);
  afterAll(async () => {
    set?.close();
    await redis?.stop();
  });

  it('gives the same results.json as the embedded mode, the screenshots included, with both workers taking sites', async () => {
    const workers = [startWorker(redis.url), startWorker(redis.url)];
    try {
      const out = join(dir, 'queued');
      const run = await runCli(['assess', sitesFile, '--out', out, '--queue', redis.url, ...budget]);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      const queued: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
      expect(withoutTimings(queued)).toEqual(withoutTimings(embedded));
      expect(queued.sites.find((s) => s.id === 'dead')?.status).toBe('unreachable');
      // The refused connection is retryable: the queue tried the dead site a second time after a backoff.
      expect(run.stdout).toMatch(/dead: started on \S+ \(attempt 2\)/);
      for (const worker of workers) expect(run.stdout, `sites done by worker ${worker.id}`).toMatch(new RegExp(`\\d/3\\] .* on \\S+${worker.id}\\n`));
      // The screenshots the workers took were sent back and sit where the reports look for them: exactly
      // the files the stored observations name, as in the embedded run. (Which pages got one is not
      // compared file for file: a capture the loaded machine could not answer twice is left out, in
      // either mode.)
      for (const site of ['zfw', 'jyj']) {
        const queuedFiles = await evidenceFiles(out, queued.assessment.runId, site);
        expect(queuedFiles.length, site).toBeGreaterThan(3);
        expect(queuedFiles).toEqual(screenshotsNamed(join(out, 'govscore.db'), queued.assessment.runId, site));
        expect(await evidenceFiles(join(dir, 'embedded'), embedded.assessment.runId, site)).toEqual(
          screenshotsNamed(join(dir, 'embedded', 'govscore.db'), embedded.assessment.runId, site),
        );
      }
    } finally {
      await Promise.all(workers.map(stopWorker));
    }
  }, 300_000);

  it('finishes the run with every site once when a worker is killed in the middle of a site', async () => {
    const browsersBefore = browserPids();
    const victim = startWorker(redis.url);
    const survivor = startWorker(redis.url);
    try {
      const out = join(dir, 'killed');
      const coordinator = startCli(['assess', sitesFile, '--out', out, '--queue', redis.url, ...budget]);
      const exited = new Promise<number | null>((r) => coordinator.child.once('exit', (code) => r(code)));
      // Once the victim has finished a few pages of a site (its crawl journal in Redis holds them) and the
      // coordinator has written the site's figures for the web, kill it and its Chromium without a chance to finish.
      let killedOn = '';
      let journaled = 0;
      let figures: LiveSite | null = null;
      let live: Store | null = null;
      const redisClient = redis.client();
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(async () => {
          const started = new RegExp(`(\\S+): started on \\S+${victim.id}\\n`).exec(coordinator.output());
          const runId = /— run (\S+),/.exec(coordinator.output())?.[1];
          if (!started || !runId || killedOn) return;
          journaled = await redisClient.hlen(`govscore:journal:${runId}.${started[1]}`);
          live ??= new Store(join(out, 'govscore.db'));
          figures = runProgress(live, runId)?.sites.find((s) => s.id === started[1])?.live ?? null;
          if (journaled < 3 || !figures?.pagesRead || killedOn) return;
          clearInterval(timer);
          killedOn = started[1]!;
          victim.killHard();
          resolve();
        }, 50);
        setTimeout(() => reject(new Error(`the victim journaled no pages or no figures were written: ${coordinator.output()}`)), 90_000);
      });
      killNewBrowsers(browsersBefore);
      // The server's live progress reads the store, which the coordinator keeps current: the site is 采集中,
      // with the phase and pages its worker reported through the queue.
      expect(figures!.text).toMatch(/^[^，]+，已读取 [1-9]\d*/);
      const runId = live!.db.prepare('SELECT id FROM runs').pluck().get() as string;
      expect(runProgress(live!, runId)?.sites.find((s) => s.id === killedOn)?.label).toBe('采集中');
      live!.close();
      expect(await exited, coordinator.output()).toBe(0);
      const log = coordinator.output();
      expect(log).toContain(`${killedOn}: its worker stopped answering`);
      // The survivor replayed the pages the victim had finished instead of opening them again.
      const resumed = new RegExp(`${killedOn}: started on \\S+${survivor.id}.*, resuming after (\\d+) pages recorded before the interruption`).exec(log);
      expect(resumed, log).not.toBeNull();
      expect(Number(resumed![1])).toBeGreaterThanOrEqual(journaled);
      expect(log).toMatch(new RegExp(`\\d/3\\] ${killedOn} .* on \\S+${survivor.id}\\n`));
      const results: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
      expect(results.sites.map((s) => s.id).sort()).toEqual([...ids, 'dead'].sort());
      expect(withoutTimings(results)).toEqual(withoutTimings(embedded));
      // The budget cut the killed site's pages: what it refused was replayed from the journal, not counted again or lost.
      expect(results.sites.find((s) => s.id === killedOn)?.crawl?.budget?.refused).toBeGreaterThan(0);
      expect(existsSync(join(out, 'report.html'))).toBe(true);
      // The screenshots of the replayed pages came along from the journal; the journals are gone.
      const files = await evidenceFiles(out, results.assessment.runId, killedOn);
      expect(files).toEqual(screenshotsNamed(join(out, 'govscore.db'), results.assessment.runId, killedOn));
      expect(await redisClient.keys('govscore:journal*')).toEqual([]);
    } finally {
      await stopWorker(survivor);
      killNewBrowsers(browsersBefore);
    }
  }, 300_000);
});
