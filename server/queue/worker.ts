import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Browser } from 'puppeteer';

import { launchBrowser } from '../../evaluators/collect/browser.js';
import type { CrawlJournal } from '../../evaluators/collect/crawl-journal.js';
import { EvidenceSink } from '../../evaluators/collect/evidence.js';
import { installHostGate } from '../../evaluators/collect/host-gate.js';
import { LighthouseRunner } from '../../evaluators/collect/lighthouse.js';
import { type CollectedSite, collectSiteResult } from '../collect/site-result.js';
import { checkRedis, keyPrefix, redisOptions } from './connection.js';
import { packEvidence } from './evidence-transfer.js';
import { redisHostGate } from './host-limit.js';
import { collectQueue, type ResultMessage, resultsQueue, type SiteJob } from './jobs.js';
import { probeWorker } from './monitor-schedule.js';
import { openRedisJournal } from './redis-journal.js';

export interface WorkerOptions {
  redisUrl: string;
  /** Sites crawled at once by this worker (one Chromium, tabs per site). */
  concurrency: number;
  /** Page loads and link checks per host per second, across all workers. */
  hostRate: number;
  /**
   * How long a site's job stays claimed without a sign of life from this worker: after a crash or a
   * kill the site goes back to the queue this long later at most. BullMQ renews it every half of it.
   */
  lockMs: number;
  log: (line: string) => void;
  /** What crawls a site: Chromium by default; the queue benchmark puts a simulated collector here. */
  collector?: SiteCollector;
}

/** Crawls one site of a job; `evidenceDir` is where its screenshots go (`<dir>/<site>/…`), `journal` replays the pages an earlier attempt finished. */
export type SiteCollector = (job: SiteJob, evidenceDir: string, journal: CrawlJournal) => Promise<CollectedSite>;

export { defaultWorkerOptions } from './worker-options.js';

/**
 * `govscore worker`: takes sites from the queue one job each, crawls them with the same code as the
 * embedded mode, and sends the result (with its screenshots) to the run's coordinator. It keeps nothing:
 * a worker can be added, stopped or lost at any time. Also takes the monitor's probes.
 */
export async function startWorker(options: WorkerOptions): Promise<{ close: () => Promise<void>; id: string }> {
  await checkRedis(options.redisUrl);
  const id = `${hostname()}-${process.pid}`;
  const connection = redisOptions(options.redisUrl);
  // Host slots and crawl journals: small commands of the worker's own, beside BullMQ's connections.
  const redis = new Redis(connection);
  installHostGate(redisHostGate(redis, options.hostRate));
  const lighthouse = new LighthouseRunner();
  const results = new Map<string, Queue<ResultMessage>>();
  const send = (runId: string, message: ResultMessage) => {
    let queue = results.get(runId);
    if (!queue) results.set(runId, (queue = new Queue<ResultMessage>(resultsQueue(runId), { connection, prefix: keyPrefix })));
    return queue.add(message.kind, message, { removeOnComplete: true, removeOnFail: 100 });
  };
  let browser: Promise<Browser> | null = null;
  // A crashed Chromium is replaced before the next site rather than failing every site after it.
  const currentBrowser = async () => {
    if (browser && (await browser).connected) return browser;
    browser = launchBrowser();
    return browser;
  };
  const crawl: SiteCollector =
    options.collector ??
    (async ({ runId, siteId, url, asOf, collect, evidenceBytes }, evidenceDir, journal) => {
      const evidence = new EvidenceSink(evidenceDir, evidenceBytes);
      if (collect.lighthousePages > 0) lighthouse.warm();
      const collected = await collectSiteResult(await currentBrowser(), url, asOf, collect, { evidence, siteId, lighthouse, journal });
      if (evidence.failed) options.log(`${runId} ${siteId}: ${evidence.failed} screenshot(s) could not be taken (the page did not answer twice)`);
      return collected;
    });

  const worker = new Worker<SiteJob>(
    collectQueue,
    async (job: Job<SiteJob>) => {
      const { runId, siteId } = job.data;
      const attempt = job.attemptsMade + 1;
      const lastAttempt = attempt >= (job.opts.attempts ?? 1);
      const started = performance.now();
      const evidenceDir = await mkdtemp(join(tmpdir(), 'govscore-evidence-'));
      try {
        // A worker that died mid-site left its finished pages here: they are replayed, not opened again.
        const journal = await openRedisJournal(redis, runId, siteId, evidenceDir, options.log);
        await send(runId, { kind: 'started', siteId, worker: id, attempt, resumedPages: journal.size });
        const collected = await crawl(job.data, evidenceDir, journal);
        await journal.flush();
        // A timeout, refused connection or 5xx may pass later: BullMQ tries again after a backoff.
        if (collected.retryable && !lastAttempt) throw new Error(`retryable: ${collected.summary}`);
        const ms = Math.round(performance.now() - started);
        await send(runId, {
          kind: 'result',
          siteId,
          worker: id,
          attempt,
          ms,
          summary: collected.summary,
          result: collected.result,
          evidence: await packEvidence(evidenceDir, siteId),
        });
        await journal.remove();
        options.log(`${runId} ${siteId}: ${collected.summary} in ${(ms / 1000).toFixed(1)} s`);
      } finally {
        await rm(evidenceDir, { recursive: true, force: true });
      }
    },
    {
      connection,
      prefix: keyPrefix,
      concurrency: options.concurrency,
      name: id,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      maxStalledCount: 2,
    },
  );
  worker.on('failed', (job, error) =>
    options.log(`${job?.data.runId} ${job?.data.siteId}: ${error.message}${job && job.attemptsMade < (job.opts.attempts ?? 1) ? ' — tried again later' : ''}`),
  );
  worker.on('error', (error) => options.log(`queue error: ${error.message}`));
  const probes = probeWorker(connection, id);
  options.log(
    `worker ${id}: taking sites from ${options.redisUrl} (${options.concurrency} at a time, ${options.hostRate} requests/s per host across all workers)`,
  );

  return {
    id,
    close: async () => {
      // Finishes the sites in hand (their results are sent), takes no new ones.
      await Promise.all([worker.close(), probes.close()]);
      await Promise.all([...results.values()].map((q) => q.close()));
      installHostGate(null);
      redis.disconnect();
      await lighthouse.close();
      if (browser) await (await browser).close().catch(() => undefined);
    },
  };
}
