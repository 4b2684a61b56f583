import { resolve } from 'node:path';

import { defaultCollectOptions } from '../../evaluators/collect/options.js';
import type { MonitorOptions } from '../collect/monitor-options.js';
import type { SitesFile } from '../config/sites-file.js';
import { Store } from '../store/store.js';
import { checkRedis, redisOptions } from './connection.js';
import { monitorScheduleId, receiveProbes, scheduledMonitor, scheduleMonitor, unscheduleMonitor } from './monitor-schedule.js';

/**
 * `govscore monitor --queue`: the rounds are a BullMQ job scheduler, the probes are taken by the workers,
 * and this process stores each probe as it arrives until every round's probes are in. Stopped and started
 * again, it continues the same schedule (the same sites file and store make the same schedule id).
 */
export async function monitorThroughQueue(options: MonitorOptions & { queue: string }, sites: SitesFile): Promise<{ probes: number; failures: number }> {
  const log = options.log ?? ((line: string) => console.log(line));
  await checkRedis(options.queue);
  const connection = redisOptions(options.queue);
  const asked = { rounds: Math.max(1, Math.round(options.days * options.perDay)), everyMs: options.intervalMs ?? Math.round(86_400_000 / options.perDay) };
  const scheduleId = monitorScheduleId(sites.source.sha256, resolve(options.db));
  const store = new Store(options.db);
  // Restarted mid-way: the schedule goes on as it was, and the probes already stored count.
  const existing = await scheduledMonitor(connection, scheduleId);
  // Its own pace, not the one asked now: waiting for rounds the schedule will never fire would never end.
  // (A schedule written before the template kept its pace has no rounds/everyMs: the ones asked now stand in.)
  const rounds = existing?.rounds ?? asked.rounds;
  const every = existing?.everyMs ?? asked.everyMs;
  if (existing && (rounds !== asked.rounds || every !== asked.everyMs)) {
    log(
      `schedule ${scheduleId} is already running with ${rounds} rounds, one every ${interval(every)}: it goes on as it is, not with the ${asked.rounds} rounds every ${interval(asked.everyMs)} asked now (a new store file starts a new schedule)`,
    );
  }
  const expected = rounds * sites.sites.length;
  const startedAt = existing?.startedAt ?? new Date().toISOString();
  const until = new Date(Date.now() + 366 * 86_400_000).toISOString();
  const stored = existing ? sites.sites.flatMap((s) => store.probes(s.url, startedAt, until)) : [];
  let probes = stored.length;
  let failures = stored.filter((p) => !p.ok).length;
  let done!: () => void;
  const allIn = new Promise<void>((r) => (done = r));
  const receiver = receiveProbes(connection, scheduleId, (probe) => {
    store.saveProbe(probe);
    probes++;
    if (!probe.ok) failures++;
    if (probes % sites.sites.length === 0) log(`round ${probes / sites.sites.length}/${rounds}: ${probes} probes stored, ${failures} failed`);
    if (probes >= expected) done();
  });
  try {
    if (existing) log(`resuming schedule ${scheduleId} (started ${startedAt}): ${probes} of ${expected} probes already stored`);
    else
      await scheduleMonitor(connection, {
        scheduleId,
        startedAt,
        rounds,
        everyMs: every,
        sites: sites.sites.map((s) => ({ id: s.id, url: s.url })),
        timeoutMs: options.timeoutMs ?? defaultCollectOptions.timeoutMs,
        userAgent: defaultCollectOptions.userAgent,
      });
    log(`monitoring ${sites.sites.length} sites through ${options.queue}: ${rounds} rounds, one every ${interval(every)} (schedule ${scheduleId}), 15 s rule`);
    if (probes < expected) await allIn;
    await unscheduleMonitor(connection, scheduleId);
  } finally {
    await receiver.close();
    store.close();
  }
  return { probes, failures };
}

/** 72 min, or 1.5 s for the short intervals tests use. */
const interval = (ms: number) => (ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`);
