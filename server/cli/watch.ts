import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

import { UsageError } from '../../common/usage-error.js';
import { loadSitesFile } from '../config/sites-file.js';
import { loadWatchConfig, noDelivery } from '../config/watch-config.js';
import type { RetryPolicy } from '../notify/webhook.js';
import { checkRedis, redisOptions } from '../queue/connection.js';
import { type ScheduledWatch, scheduleWatch, unscheduleWatch, watchWorker } from '../queue/watch-schedule.js';
import { Store } from '../store/store.js';
import { runWatchCheck, type WatchCheckSummary } from '../use-cases/watch-check.js';

export interface WatchOptions {
  sitesFile: string;
  db: string;
  /** The check's date (a simulated clock for drills and tests); default: today in `tz`. With --queue, every occurrence's date. */
  asOf?: string;
  /** The delivery file (SMTP, departments' e-mail and webhooks, lead days); without it, warnings are only stored. */
  notify?: string;
  concurrency?: number;
  queue?: string;
  cron?: string;
  everyMs?: number;
  /** With --queue: stop (and remove the schedule) after this many checks. */
  times?: number;
  tz?: string;
  name?: string;
  retry?: RetryPolicy;
  log?: (line: string) => void;
}

/**
 * `govscore watch`: the light check between campaigns that warns departments before a veto. Once, here and now;
 * or, with --queue, as a BullMQ job scheduler (the pattern of the monitor's and the campaigns' schedules) whose
 * occurrences this process takes and runs until stopped, each dated the day it is due.
 */
export async function watch(o: WatchOptions): Promise<WatchCheckSummary[]> {
  const log = o.log ?? ((line: string) => console.log(line));
  // Both files are checked now: a mistake shows here, not at the first occurrence.
  loadSitesFile(o.sitesFile);
  if (o.notify) loadWatchConfig(o.notify);
  if (!o.queue) {
    if (o.cron || o.everyMs || o.times) throw new UsageError('--cron, --every-ms and --times schedule the check through --queue');
    return [
      await checkOnce(
        { name: 'watch', sitesFile: resolve(o.sitesFile), db: resolve(o.db), notify: o.notify ? resolve(o.notify) : null },
        o.asOf ?? dayIn(new Date(), o.tz ?? 'Asia/Shanghai'),
        o,
        log,
      ),
    ];
  }
  if (!o.cron === !o.everyMs) throw new UsageError('with --queue, give either --cron (e.g. "0 7 * * *", every day at 07:00) or --every-ms');
  await checkRedis(o.queue);
  const connection = redisOptions(o.queue);
  const scheduled: ScheduledWatch = {
    name:
      o.name ??
      `watch-${createHash('sha256')
        .update(`${resolve(o.sitesFile)}\n${resolve(o.db)}`)
        .digest('hex')
        .slice(0, 12)}`,
    sitesFile: resolve(o.sitesFile),
    db: resolve(o.db),
    notify: o.notify ? resolve(o.notify) : null,
  };
  await scheduleWatch(connection, scheduled, {
    ...(o.cron ? { pattern: o.cron, tz: o.tz ?? 'Asia/Shanghai' } : { every: o.everyMs }),
    ...(o.times ? { limit: o.times } : {}),
  });
  log(`watch schedule ${scheduled.name}: ${o.cron ? `cron "${o.cron}" (${o.tz ?? 'Asia/Shanghai'})` : `every ${o.everyMs} ms`}; checks run here until stopped`);
  const summaries: WatchCheckSummary[] = [];
  let finished!: () => void;
  const done = new Promise<void>((r) => (finished = r));
  const worker = watchWorker(
    connection,
    async (job, dueAt) => {
      summaries.push(await checkOnce(job, o.asOf ?? dayIn(dueAt, o.tz ?? 'Asia/Shanghai'), o, log));
      if (o.times && summaries.length >= o.times) finished();
    },
    log,
  );
  const stop = () => finished();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await done;
    if (o.times && summaries.length >= o.times) await unscheduleWatch(connection, scheduled.name);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await worker.close();
  }
  return summaries;
}

/** The calendar day of a moment in a time zone (en-CA writes YYYY-MM-DD): a 07:00 Beijing check is that day's, whatever the machine's zone. */
const dayIn = (moment: Date, tz: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);

async function checkOnce(job: ScheduledWatch, asOf: string, o: WatchOptions, log: (line: string) => void): Promise<WatchCheckSummary> {
  // Read again at each occurrence: the office edits them between checks.
  const sites = loadSitesFile(job.sitesFile);
  const config = job.notify ? loadWatchConfig(job.notify) : noDelivery;
  const store = new Store(job.db);
  try {
    log(`checking ${sites.sites.length} sites as of ${asOf}`);
    const summary = await runWatchCheck(store, sites, { asOf, config, concurrency: o.concurrency, retry: o.retry, log });
    log(
      `watch ${asOf}: ${summary.fresh} new warnings, ${summary.continuing} still open, ${summary.closed} closed; ${summary.delivery.sent} deliveries sent, ${summary.delivery.failed.length} failed`,
    );
    return summary;
  } finally {
    store.close();
  }
}
