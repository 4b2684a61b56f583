import { Queue, QueueEvents, Worker } from 'bullmq';

import type { EvidenceSink } from '../../evaluators/collect/evidence.js';
import type { CollectOptions } from '../../evaluators/collect/options.js';
import { ProgressDisplay, receivedStand, type RunProgress, siteFinished, siteLeft, type SiteStand, siteStarted } from '../collect/progress.js';
import { publishProgress } from '../collect/progress-publisher.js';
import type { RunRow, RunSiteRow, Store } from '../store/store.js';
import { checkRedis, keyPrefix, redisOptions } from './connection.js';
import { unpackEvidence } from './evidence-transfer.js';
import { collectQueue, type ResultMessage, resultsQueue, retryBackoffMs, siteAttempts, type SiteJob, siteJobId } from './jobs.js';

export interface QueueSettings {
  redisUrl: string;
  asOf: string;
  collect: CollectOptions;
  evidence: EvidenceSink;
  /** Screenshots kept for the run, in MB: each site gets its share (at least 2 MB). */
  evidenceMb: number;
  total: number;
  log: (line: string) => void;
  /** How often the queue's state is logged while sites are out. */
  statusEveryMs?: number;
  /** Show the sites in flight and the run's remaining time (server/collect/progress.ts), as the embedded mode does. */
  progress?: boolean;
}

/**
 * The distributed mode's coordinator: puts one job per pending site on the queue, and is the only writer
 * of the store — each result a worker sends is saved in one transaction as it arrives, once: a site
 * whose job ran twice (a worker thought dead came back) keeps its first result. Returns when every
 * pending site has a result. Run again after a crash, it resumes: jobs still queued are not added twice,
 * results sent meanwhile wait in Redis, and sites whose job failed for good are queued again.
 */
export async function collectThroughQueue(store: Store, run: RunRow, pending: RunSiteRow[], settings: QueueSettings): Promise<void> {
  const { total } = settings;
  await checkRedis(settings.redisUrl);
  const connection = redisOptions(settings.redisUrl);
  const sites = new Queue<SiteJob>(collectQueue, { connection, prefix: keyPrefix });
  const events = new QueueEvents(collectQueue, { connection, prefix: keyPrefix });
  const outstanding = new Set(pending.map((s) => s.siteId));
  // The sites in flight as the workers report them: drawn here and written to the store for the web.
  const state: RunProgress = { total, done: total - pending.length, durations: [], concurrency: 1, budget: settings.collect.maxPages, inFlight: [] };
  const display = settings.progress ? new ProgressDisplay(state) : null;
  const log = display ? (line: string) => display.log(line) : settings.log;
  let done!: () => void;
  const allIn = new Promise<void>((resolve) => (done = resolve));
  /** Saves a site's result once; `seconds`: the worker's time on it (null: given up, no crawl to count). */
  const save = (siteId: string, seconds: number | null, write: () => void) => {
    if (!outstanding.has(siteId) || store.siteStatus(run.id, siteId) !== 'pending') return false;
    write();
    outstanding.delete(siteId);
    siteFinished(state, siteId, seconds);
    if (!outstanding.size) done();
    return true;
  };
  const names = new Map(pending.map((s) => [s.siteId, s.name]));
  const inFlight = (siteId: string, progress: SiteStand = { phase: 'start', pagesRead: 0 }) => {
    siteStarted(state, { siteId, name: names.get(siteId) ?? '', startedAt: Date.now(), progress });
    // The workers' capacity is not known here: the most sites seen in flight at once stands for it.
    state.concurrency = Math.max(state.concurrency, state.inFlight.length);
  };

  const results = new Worker<ResultMessage>(
    resultsQueue(run.id),
    async (job) => {
      const message = job.data;
      if (message.kind === 'started') {
        if (!outstanding.has(message.siteId)) return;
        store.markSiteStarted(run.id, message.siteId);
        inFlight(message.siteId);
        return log(
          `${message.siteId}: started on ${message.worker}${message.attempt > 1 ? ` (attempt ${message.attempt})` : ''}${message.resumedPages ? `, resuming after ${message.resumedPages} pages recorded before the interruption` : ''}`,
        );
      }
      if (!outstanding.has(message.siteId)) return log(`${message.siteId}: a second result (from ${message.worker}) ignored — the site was already saved`);
      await unpackEvidence(settings.evidence.dir, message.siteId, message.evidence);
      if (save(message.siteId, message.ms / 1000, () => store.saveSiteResult(run.id, message.siteId, message.result)))
        log(
          `[${state.done}/${total}] ${message.siteId} ${names.get(message.siteId) ?? ''} — ${message.summary} in ${(message.ms / 1000).toFixed(1)} s on ${message.worker}`,
        );
    },
    // Several messages in hand at once: fetching the next from Redis overlaps the SQLite write of this one.
    // The write itself is synchronous, so the check that a site is still pending and its save cannot interleave.
    { connection, prefix: keyPrefix, concurrency: 8 },
  );

  // A job that failed for good (its worker died more often than BullMQ allows): recorded, not waited for.
  events.on('failed', ({ jobId, failedReason }) => {
    const siteId = siteOfJob(run.id, jobId);
    if (!siteId) return;
    siteLeft(state, siteId);
    void sites.getJobState(jobId).then((jobState) => {
      if (
        jobState === 'failed' &&
        save(siteId, null, () =>
          store.saveSiteResult(run.id, siteId, { status: 'error', statusReason: `worker-failed: ${failedReason.slice(0, 200)}`, pages: [], observations: {} }),
        )
      )
        log(`[${state.done}/${total}] ${siteId} — error: the queue gave up (${failedReason.slice(0, 80)})`);
    });
  });
  events.on('stalled', ({ jobId }) => {
    const siteId = siteOfJob(run.id, jobId);
    if (!siteId) return;
    siteLeft(state, siteId);
    log(`${siteId}: its worker stopped answering — the site goes back to the queue`);
  });
  // Handed back by a stopping worker, or put back for another attempt: no longer in flight until started again.
  events.on('waiting', ({ jobId, prev }) => {
    const siteId = siteOfJob(run.id, jobId);
    if (siteId && prev) siteLeft(state, siteId);
  });
  // A worker's phase and pages (server/queue/worker.ts); one may come before the site's start message.
  events.on('progress', ({ jobId, data }) => {
    const siteId = siteOfJob(run.id, jobId);
    const stand = receivedStand(data);
    if (!siteId || !stand || !outstanding.has(siteId)) return;
    const site = state.inFlight.find((s) => s.siteId === siteId);
    if (site) site.progress = stand;
    else inFlight(siteId, stand);
  });

  try {
    await events.waitUntilReady();
    // A site whose job failed for good in an earlier attempt at this run gets a new job.
    for (const job of await sites.getFailed(0, -1)) {
      const siteId = job?.id ? siteOfJob(run.id, job.id) : null;
      if (siteId && outstanding.has(siteId)) await job.remove();
    }
    const jobs = pending.map((s) => ({
      name: s.siteId,
      data: {
        runId: run.id,
        siteId: s.siteId,
        url: s.url,
        asOf: settings.asOf,
        collect: settings.collect,
        evidenceBytes: Math.max(2 << 20, Math.floor((settings.evidenceMb << 20) / total)),
      },
      opts: {
        jobId: siteJobId(run.id, s.siteId),
        attempts: siteAttempts,
        backoff: { type: 'exponential', delay: retryBackoffMs },
        removeOnComplete: true,
        removeOnFail: { count: 5000 },
      },
    }));
    for (let i = 0; i < jobs.length; i += 1000) await sites.addBulk(jobs.slice(i, i + 1000));
    log(`queue ${settings.redisUrl}: ${pending.length} sites handed to the workers`);

    const status = setInterval(() => void logQueueState(sites, outstanding.size, settings.redisUrl, log), settings.statusEveryMs ?? 15_000);
    const published = publishProgress(store, run.id, state);
    display?.start();
    try {
      if (outstanding.size) await allIn;
    } finally {
      clearInterval(status);
      published.stop();
      display?.stop();
    }
  } finally {
    await results.close();
    await events.close();
    await sites.close();
    // The run's results queue is empty now: remove its keys.
    const spent = new Queue(resultsQueue(run.id), { connection, prefix: keyPrefix });
    await spent.obliterate({ force: true }).catch(() => undefined);
    await spent.close();
  }
}

function siteOfJob(runId: string, jobId: string): string | null {
  return jobId.startsWith(`${runId}.`) ? jobId.slice(runId.length + 1) : null;
}

async function logQueueState(sites: Queue, outstanding: number, url: string, log: (line: string) => void): Promise<void> {
  try {
    const [counts, workers] = await Promise.all([sites.getJobCounts('waiting', 'active', 'delayed'), sites.getWorkersCount()]);
    log(
      `queue: ${outstanding} sites outstanding — ${counts.waiting} waiting, ${counts.active} being crawled, ${counts.delayed} to be retried; ${workers} workers`,
    );
    if (!workers) log(`no worker is taking sites: start one with \`govscore worker --redis ${url}\``);
  } catch (error) {
    log(`queue state unavailable: ${String(error)}`);
  }
}
