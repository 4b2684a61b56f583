import { type ConnectionOptions, Queue } from 'bullmq';

import { keyPrefix } from './connection.js';

/** Scheduled campaigns fire here; the web service started with `--queue` takes them and starts each one. */
export const campaignQueue = 'campaigns';

/** A recurring campaign: which sites file, who set it up, and what each occurrence assesses. */
export interface ScheduledCampaign {
  /** The schedule's name, e.g. quarterly-spot-check; each occurrence's campaign is named after it. */
  name: string;
  /** Absolute path on the machine of the web service; each occurrence copies the file as it is then. */
  sitesFile: string;
  /** The staff account the occurrences are recorded under. */
  userId: number;
  indicators?: string;
  maxPages?: number;
  lighthousePages?: number;
  /** Assess a random sample of this many sites; each occurrence draws its own, reproducibly (see occurrenceSeed). */
  sample?: number;
  seed?: string;
}

export interface CampaignRepeat {
  /** Cron pattern, e.g. `0 2 1 1,4,7,10 *` (02:00 on the first day of each quarter). */
  pattern?: string;
  every?: number;
  limit?: number;
  tz?: string;
}

/**
 * An occurrence's sampling seed: the schedule's seed and the time the occurrence was due. Every quarter
 * draws a different sample, and anyone can draw the same one again from the seed the report records.
 */
export function occurrenceSeed(schedule: ScheduledCampaign, dueAt: Date): string {
  return `${schedule.seed ?? schedule.name}@${dueAt.toISOString()}`;
}

/** When an occurrence was due: BullMQ names a scheduler's jobs `repeat:<scheduler>:<due millis>`. */
export function dueTime(jobId: string | undefined, fallback: number): Date {
  const millis = /^repeat:.+:(\d+)$/.exec(jobId ?? '')?.[1];
  return new Date(millis ? Number(millis) : fallback);
}

async function withQueue<T>(connection: ConnectionOptions, work: (queue: Queue<ScheduledCampaign>) => Promise<T>): Promise<T> {
  const queue = new Queue<ScheduledCampaign>(campaignQueue, { connection, prefix: keyPrefix });
  try {
    return await work(queue);
  } finally {
    await queue.close();
  }
}

/** Adds or replaces the schedule of this name (BullMQ job scheduler: the occurrences come from Redis). */
export function scheduleCampaign(connection: ConnectionOptions, campaign: ScheduledCampaign, repeat: CampaignRepeat): Promise<void> {
  return withQueue(connection, async (queue) => {
    await queue.upsertJobScheduler(campaign.name, repeat, { name: 'campaign', data: campaign, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  });
}

export function campaignSchedules(
  connection: ConnectionOptions,
): Promise<Array<{ name: string; pattern: string | null; every: number | null; next: number | null; data: ScheduledCampaign | null }>> {
  return withQueue(connection, async (queue) =>
    (await queue.getJobSchedulers(0, -1, true)).map((s) => ({
      name: s.key,
      pattern: s.pattern ?? null,
      every: s.every ? Number(s.every) : null,
      next: s.next ?? null,
      data: (s.template?.data as ScheduledCampaign | undefined) ?? null,
    })),
  );
}

export function unscheduleCampaign(connection: ConnectionOptions, name: string): Promise<boolean> {
  return withQueue(connection, (queue) => queue.removeJobScheduler(name));
}

/**
 * The store's retention policy applied on schedule (issue 23 item 5): a job scheduler of this same queue, taken by the
 * same web service (`govscore serve --queue`), which applies it to the store it serves. Its key holds a colon, which no
 * campaign's name may, so it never replaces a campaign's schedule.
 */
export const retentionScheduler = 'retention:store';
export const retentionJob = 'retention';

export interface ScheduledRetention {
  observationsYears: number;
  evidenceMonths: number;
}

export async function scheduleRetention(connection: ConnectionOptions, policy: ScheduledRetention, repeat: CampaignRepeat): Promise<void> {
  const queue = new Queue<ScheduledRetention>(campaignQueue, { connection, prefix: keyPrefix });
  try {
    await queue.upsertJobScheduler(retentionScheduler, repeat, { name: retentionJob, data: policy, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  } finally {
    await queue.close();
  }
}
