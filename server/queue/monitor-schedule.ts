import { createHash } from 'node:crypto';

import { type ConnectionOptions, type Job, Queue, Worker } from 'bullmq';

import type { ProbeObservation } from '../../evaluators/collect/observations.js';
import { monitorProbe } from '../../evaluators/collect/probes.js';
import { keyPrefix } from './connection.js';

/** The queue of the availability monitor: rounds (one per scheduled tick) fan out into one probe job per site. */
export const monitorQueue = 'monitor';
export const probeResultsQueue = (scheduleId: string) => `probes-${scheduleId}`;

export interface RoundJob {
  scheduleId: string;
  /** When the schedule was first set up: a restarted monitor counts the probes stored since. */
  startedAt: string;
  /** The schedule's own length and pace, so a restart given other settings continues it as it is. */
  rounds: number;
  everyMs: number;
  sites: Array<{ id: string; url: string }>;
  timeoutMs: number;
  userAgent: string;
}
export interface ProbeJob {
  scheduleId: string;
  siteId: string;
  url: string;
  timeoutMs: number;
  userAgent: string;
}
type MonitorJob = RoundJob | ProbeJob;

/** The same sites file and store make the same schedule: a restarted monitor continues it. */
export function monitorScheduleId(sitesSha256: string, db: string): string {
  return `monitor-${createHash('sha256').update(`${sitesSha256}\n${db}`).digest('hex').slice(0, 12)}`;
}

/**
 * Registers the monitor's rounds as a BullMQ job scheduler: one round every `everyMs`, `rounds` in all.
 * BullMQ keeps the schedule in Redis, so the rounds come on time whichever process is up.
 */
export async function scheduleMonitor(connection: ConnectionOptions, round: RoundJob): Promise<void> {
  const queue = new Queue<MonitorJob>(monitorQueue, { connection, prefix: keyPrefix });
  try {
    await queue.upsertJobScheduler(
      round.scheduleId,
      { every: round.everyMs, limit: round.rounds },
      { name: 'round', data: round, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  } finally {
    await queue.close();
  }
}

/** The round template of a schedule already in Redis (a monitor restarted mid-way), or null. */
export async function scheduledMonitor(connection: ConnectionOptions, scheduleId: string): Promise<RoundJob | null> {
  const queue = new Queue<MonitorJob>(monitorQueue, { connection, prefix: keyPrefix });
  try {
    return ((await queue.getJobScheduler(scheduleId))?.template?.data as RoundJob | undefined) ?? null;
  } finally {
    await queue.close();
  }
}

export async function unscheduleMonitor(connection: ConnectionOptions, scheduleId: string): Promise<void> {
  const queue = new Queue(monitorQueue, { connection, prefix: keyPrefix });
  try {
    await queue.removeJobScheduler(scheduleId);
  } finally {
    await queue.close();
  }
}

/**
 * The worker side: a round becomes one probe job per site (so thousands of sites are probed by every
 * worker at once, not by whichever took the round), and each probe's outcome goes to the monitor that
 * scheduled it, which stores it.
 */
export function probeWorker(connection: ConnectionOptions, workerId: string, concurrency = 8): { close: (force?: boolean) => Promise<void> } {
  const queue = new Queue<MonitorJob>(monitorQueue, { connection, prefix: keyPrefix });
  const results = new Map<string, Queue<ProbeObservation>>();
  const worker = new Worker<MonitorJob>(
    monitorQueue,
    async (job: Job<MonitorJob>) => {
      if (job.name === 'round') {
        const round = job.data as RoundJob;
        // Probe job ids name the round: a round taken up again after a stall adds no probe twice.
        await queue.addBulk(
          round.sites.map((site) => ({
            name: 'probe',
            data: { scheduleId: round.scheduleId, siteId: site.id, url: site.url, timeoutMs: round.timeoutMs, userAgent: round.userAgent },
            opts: { jobId: `${job.id}.${site.id}`, removeOnComplete: true, removeOnFail: 100 },
          })),
        );
        return;
      }
      const probe = job.data as ProbeJob;
      let out = results.get(probe.scheduleId);
      if (!out) results.set(probe.scheduleId, (out = new Queue<ProbeObservation>(probeResultsQueue(probe.scheduleId), { connection, prefix: keyPrefix })));
      await out.add('probe', await monitorProbe(probe.url, probe.timeoutMs, probe.userAgent), { removeOnComplete: true, removeOnFail: 100 });
    },
    { connection, prefix: keyPrefix, concurrency, name: workerId },
  );
  return {
    /**
     * `force` when Redis is gone and the process is about to exit: the probes in hand are dropped (their jobs
     * run again elsewhere) and the queues left as they are (closing one waits for Redis, whatever the call).
     */
    close: async (force = false) => {
      await worker.close(force);
      if (!force) await Promise.all([queue, ...results.values()].map((q) => q.close()));
    },
  };
}

/** The monitor's side: stores each probe as it comes (the store's single writer) until `expected` are in. */
export function receiveProbes(connection: ConnectionOptions, scheduleId: string, save: (probe: ProbeObservation) => void): { close: () => Promise<void> } {
  const worker = new Worker<ProbeObservation>(probeResultsQueue(scheduleId), async (job) => save(job.data), { connection, prefix: keyPrefix, concurrency: 1 });
  return {
    close: async () => {
      await worker.close();
      const spent = new Queue(probeResultsQueue(scheduleId), { connection, prefix: keyPrefix });
      await spent.obliterate({ force: true }).catch(() => undefined);
      await spent.close();
    },
  };
}
