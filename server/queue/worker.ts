import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';

import { type Job, Queue, WaitingError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Browser } from 'puppeteer';

import { makeOwnedTempDir, removeOrphanedTempDirs } from '../../common/owned-temp-dirs.js';
import { launchBrowser } from '../../evaluators/collect/browser.js';
import type { CrawlJournal } from '../../evaluators/collect/crawl-journal.js';
import type { SiteProgress } from '../../evaluators/collect/crawl-site.js';
import { EvidenceSink } from '../../evaluators/collect/evidence.js';
import { installHostGate } from '../../evaluators/collect/host-gate.js';
import { LighthouseRunner } from '../../evaluators/collect/lighthouse.js';
import { siteStand } from '../collect/progress.js';
import { publishEveryMs } from '../collect/progress-publisher.js';
import { type CollectedSite, collectSiteResult } from '../collect/site-result.js';
import { keyPrefix, redisOptions } from './connection.js';
import { packEvidence } from './evidence-transfer.js';
import { redisHostGate } from './host-limit.js';
import { collectQueue, type ResultMessage, resultsQueue, type SiteJob } from './jobs.js';
import { probeWorker } from './monitor-schedule.js';
import { openRedisJournal, type RedisJournal } from './redis-journal.js';
import { isConnectionError, reconnectDelayMs, watchRedis } from './redis-outage.js';

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
  /** Gives up waiting for Redis to answer at the start (a stop signal came first). */
  signal?: AbortSignal;
}

export interface RunningWorker {
  id: string;
  /** Takes no more sites and hands those in hand back to the queue, their crawl journals kept. */
  close: () => Promise<void>;
}

/**
 * Crawls one site of a job; `evidenceDir` is where its screenshots go (`<dir>/<site>/…`), `journal` replays the pages
 * an earlier attempt finished, `progress` is kept up to date for the coordinator's figures.
 */
export type SiteCollector = (job: SiteJob, evidenceDir: string, journal: CrawlJournal, progress: SiteProgress) => Promise<CollectedSite>;

export { defaultWorkerOptions } from './worker-options.js';

/** How long each step of handing a site back (the journal's last writes, the move back) may wait on Redis. */
const handBackStepMs = 3000;

/**
 * `govscore worker`: takes sites from the queue one job each, crawls them with the same code as the
 * embedded mode, and sends the result (with its screenshots) to the run's coordinator. It keeps nothing:
 * a worker can be added, stopped or lost at any time. Also takes the monitor's probes. Waits for Redis
 * to answer (null when `signal` fires first), saying so while it cannot reach it.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker | null> {
  const { log } = options;
  const id = `${hostname()}-${process.pid}`;
  const connection = redisOptions(options.redisUrl);
  // Host slots and crawl journals: small commands of the worker's own, beside BullMQ's connections. Its
  // events also tell whether Redis answers.
  const redis = new Redis({ ...connection, retryStrategy: reconnectDelayMs });
  const health = watchRedis(redis, options.redisUrl, log);
  if (!(await health.ready(options.signal))) {
    redis.disconnect();
    return null;
  }
  // Screenshot folders of workers killed mid-site (their journal in Redis keeps what the next one needs).
  await removeOrphanedTempDirs('evidence');
  installHostGate(redisHostGate(redis, options.hostRate));
  const lighthouse = new LighthouseRunner({ handleSignals: false });
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
    browser = launchBrowser({ handleSignals: false });
    return browser;
  };
  const crawl: SiteCollector =
    options.collector ??
    (async ({ runId, siteId, url, asOf, collect, evidenceBytes }, evidenceDir, journal, progress) => {
      const evidence = new EvidenceSink(evidenceDir, evidenceBytes);
      if (collect.lighthousePages > 0) lighthouse.warm();
      const collected = await collectSiteResult(await currentBrowser(), url, asOf, collect, { evidence, siteId, lighthouse, journal, progress });
      if (evidence.failed) log(`${runId} ${siteId}: ${evidence.failed} screenshot(s) could not be taken (the page did not answer twice)`);
      return collected;
    });

  // Fires when the worker stops: the crawls in hand record nothing more and give their sites back.
  const stopping = new AbortController();
  const stopped = new Promise<null>((resolve) => stopping.signal.addEventListener('abort', () => resolve(null), { once: true }));

  /** Puts a site back in the queue at once, for another worker to resume from its journal, rather than when its lock runs out. */
  const handBack = async (job: Job<SiteJob>, token: string | undefined, journal: RedisJournal, pages: number) => {
    const { runId, siteId } = job.data;
    const inTime = (step: Promise<unknown>) =>
      Promise.race([step.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), handBackStepMs).unref())]).catch(() => false);
    if (health.up && (await inTime(journal.flush())) && token && (await inTime(job.moveToWait(token))))
      return log(`${runId} ${siteId}: 已交还队列，${pages} 页已记入日志 — handed back to the queue, ${pages} pages journaled for the next worker`);
    log(
      `${runId} ${siteId}: Redis 无应答，未能交还，锁到期（${options.lockMs / 1000} 秒）后回到队列 — Redis did not answer: the site goes back to the queue when its lock runs out`,
    );
  };

  const worker = new Worker<SiteJob>(
    collectQueue,
    async (job: Job<SiteJob>, token?: string) => {
      const { runId, siteId } = job.data;
      const attempt = job.attemptsMade + 1;
      const lastAttempt = attempt >= (job.opts.attempts ?? 1);
      const started = performance.now();
      const evidenceDir = await makeOwnedTempDir('evidence');
      try {
        // A worker that died mid-site left its finished pages here: they are replayed, not opened again.
        const journal = await openRedisJournal(redis, runId, siteId, evidenceDir, log);
        await send(runId, { kind: 'started', siteId, worker: id, attempt, resumedPages: journal.size });
        // Once stopping, nothing more is recorded: a page failing because its browser is closing is no outcome of the site.
        let recorded = 0;
        const recording: CrawlJournal = {
          recall: (key) => journal.recall(key),
          record: (key, outcome) => {
            if (stopping.signal.aborted) return;
            journal.record(key, outcome);
            recorded++;
          },
        };
        const progress: SiteProgress = { phase: 'start', pages: [] };
        const reporting = reportProgress(job, progress);
        const crawling = crawl(job.data, evidenceDir, recording, progress);
        crawling.catch(() => undefined);
        const collected = await Promise.race([crawling, stopped]).finally(() => clearInterval(reporting));
        if (!collected) {
          await handBack(job, token, journal, journal.size + recorded);
          // Tells BullMQ the job was moved by hand: not a failure, no attempt spent.
          throw new WaitingError();
        }
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
        log(`${runId} ${siteId}: ${collected.summary} in ${(ms / 1000).toFixed(1)} s`);
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
    log(`${job?.data.runId} ${job?.data.siteId}: ${error.message}${job && job.attemptsMade < (job.opts.attempts ?? 1) ? ' — tried again later' : ''}`),
  );
  // Lost connections are said once, by watchRedis, not once per connection and attempt.
  worker.on('error', (error) => {
    if (health.up && !isConnectionError(error)) log(`queue error: ${error.message}`);
  });
  const probes = probeWorker(connection, id);
  log(`worker ${id}: taking sites from ${options.redisUrl} (${options.concurrency} at a time, ${options.hostRate} requests/s per host across all workers)`);

  return {
    id,
    close: async () => {
      // With Redis gone nothing can be handed back or closed politely.
      const force = !health.up;
      // close() stops taking jobs at once; the crawls in hand then stop and hand their sites back.
      const closed = Promise.all([worker.close(force), probes.close(force)]);
      stopping.abort();
      await closed;
      // Closing a queue waits for Redis, whatever the call: with Redis gone they are left to the process's exit.
      if (!force) await Promise.all([...results.values()].map((q) => q.close()));
      installHostGate(null);
      redis.disconnect();
      await lighthouse.close({ abandon: true });
      if (browser) await (await browser).close().catch(() => undefined);
    },
  };
}

/**
 * Sends the site's phase and pages read as the job's progress when they changed, at most every few seconds: the
 * coordinator hears it through the queue's events and writes the run's figures to its store.
 */
function reportProgress(job: Job<SiteJob>, progress: SiteProgress): NodeJS.Timeout {
  let sent = '';
  const timer = setInterval(() => {
    const stand = siteStand(progress);
    const json = JSON.stringify(stand);
    if (json === sent) return;
    sent = json;
    job.updateProgress(stand).catch(() => undefined); // a job handed back or a Redis outage: figures only
  }, publishEveryMs);
  timer.unref();
  return timer;
}
