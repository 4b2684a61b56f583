import { type ConnectionOptions, type Job, Queue, Worker } from 'bullmq';

import { dueTime } from './campaign-schedule.js';
import { keyPrefix } from './connection.js';

/** The early-warning checks' occurrences fire here; the `govscore watch --queue` process takes them and runs each check. */
export const watchQueue = 'watch';

/** A recurring check: the files it reads again at each occurrence (absolute paths on the checking machine). */
export interface ScheduledWatch {
  name: string;
  sitesFile: string;
  db: string;
  notify: string | null;
}

export interface WatchRepeat {
  /** Cron pattern, e.g. `0 7 * * *` (07:00 every day). */
  pattern?: string;
  every?: number;
  limit?: number;
  tz?: string;
}

/** Adds or replaces the check of this name as a BullMQ job scheduler (as campaign-schedule.ts does for campaigns). */
export async function scheduleWatch(connection: ConnectionOptions, watch: ScheduledWatch, repeat: WatchRepeat): Promise<void> {
  const queue = new Queue<ScheduledWatch>(watchQueue, { connection, prefix: keyPrefix });
  try {
    await queue.upsertJobScheduler(watch.name, repeat, { name: 'watch', data: watch, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  } finally {
    await queue.close();
  }
}

export async function unscheduleWatch(connection: ConnectionOptions, name: string): Promise<boolean> {
  const queue = new Queue(watchQueue, { connection, prefix: keyPrefix });
  try {
    return await queue.removeJobScheduler(name);
  } finally {
    await queue.close();
  }
}

/**
 * Takes the occurrences of the scheduled checks, one at a time: `check` is given the check and the time it was
 * due (its date is the check's date). A failed check stays in BullMQ's failed list with its error.
 */
export function watchWorker(
  connection: ConnectionOptions,
  check: (watch: ScheduledWatch, dueAt: Date) => Promise<void>,
  onError: (line: string) => void,
): { close: () => Promise<void> } {
  const worker = new Worker<ScheduledWatch>(watchQueue, (job: Job<ScheduledWatch>) => check(job.data, dueTime(job.id, job.timestamp)), {
    connection,
    prefix: keyPrefix,
    concurrency: 1,
  });
  worker.on('failed', (job, error) => onError(`watch ${job?.data.name}: ${error.message}`));
  worker.on('error', (error) => onError(`watch queue: ${error.message}`));
  return { close: () => worker.close() };
}
