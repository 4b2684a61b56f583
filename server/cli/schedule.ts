import { resolve } from 'node:path';

import { UsageError } from '../../common/usage-error.js';
import { loadIndicatorSet } from '../../indicators/load.js';
import { loadSitesFile } from '../config/sites-file.js';
import {
  type CampaignRepeat,
  campaignSchedules,
  retentionScheduler,
  scheduleCampaign,
  scheduleRetention,
  unscheduleCampaign,
} from '../queue/campaign-schedule.js';
import { checkRedis, redisOptions } from '../queue/connection.js';
import { Store } from '../store/store.js';
import { checkPolicy, defaultRetention, type RetentionPolicy } from '../use-cases/retention.js';

export interface ScheduleAddOptions {
  redis: string;
  db: string;
  name: string;
  sitesFile: string;
  by: string;
  cron?: string;
  everyMs?: number;
  times?: number;
  tz?: string;
  sample?: number;
  seed?: string;
  indicators?: string;
  maxPages?: number;
  lighthousePages?: number;
}

/**
 * `govscore schedule add`: a recurring campaign, kept by BullMQ in Redis and started by the web service
 * (`govscore serve --queue`) each time it is due. The sites file and indicator set are checked now, so a
 * mistake shows here and not at 2 a.m. on the first day of the quarter.
 */
export async function addSchedule(o: ScheduleAddOptions): Promise<string> {
  if (!o.cron === !o.everyMs) throw new UsageError('give either --cron (e.g. "0 2 1 1,4,7,10 *", each quarter) or --every-ms');
  if (!/^[a-z0-9-]+$/.test(o.name)) throw new UsageError(`--name "${o.name}": lowercase letters, digits and - only, e.g. quarterly-spot-check`);
  const sitesFile = resolve(o.sitesFile);
  const sites = loadSitesFile(sitesFile);
  if (o.indicators) loadIndicatorSet(o.indicators);
  if (o.sample && o.sample > sites.sites.length) throw new UsageError(`--sample ${o.sample}: the sites file has only ${sites.sites.length} sites`);
  const store = new Store(o.db, { mustExist: true });
  let userId: number;
  try {
    const row = store.db.prepare("SELECT id FROM users WHERE login = ? AND role IN ('evaluator', 'admin')").get(o.by) as { id: number } | undefined;
    if (!row) throw new UsageError(`--by ${o.by}: no evaluator or admin account of that login in ${o.db}`);
    userId = row.id;
  } finally {
    store.close();
  }
  await checkRedis(o.redis);
  const repeat: CampaignRepeat = {
    ...(o.cron ? { pattern: o.cron } : { every: o.everyMs }),
    ...(o.times ? { limit: o.times } : {}),
    ...(o.tz ? { tz: o.tz } : {}),
  };
  await scheduleCampaign(
    redisOptions(o.redis),
    {
      name: o.name,
      sitesFile,
      userId,
      ...(o.indicators ? { indicators: o.indicators } : {}),
      ...(o.maxPages ? { maxPages: o.maxPages } : {}),
      ...(o.lighthousePages !== undefined ? { lighthousePages: o.lighthousePages } : {}),
      ...(o.sample ? { sample: o.sample, seed: o.seed ?? o.name } : {}),
    },
    repeat,
  );
  const what = o.sample
    ? `a random sample of ${o.sample} of ${sites.sites.length} sites (seed "${o.seed ?? o.name}" + the time due)`
    : `all ${sites.sites.length} sites`;
  return `scheduled ${o.name}: ${what} of ${sitesFile}, ${o.cron ? `cron "${o.cron}"` : `every ${o.everyMs} ms`}${o.times ? `, ${o.times} times` : ''}; started by \`govscore serve --queue ${o.redis}\``;
}

export async function listSchedules(redis: string): Promise<string[]> {
  await checkRedis(redis);
  const schedules = await campaignSchedules(redisOptions(redis));
  if (!schedules.length) return ['no scheduled campaigns'];
  return schedules.map((s) =>
    s.name === retentionScheduler
      ? `${s.name.padEnd(24)} cron "${s.pattern}"  next ${s.next ? new Date(s.next).toISOString() : '—'}  保留期限清理`
      : `${s.name.padEnd(24)} ${s.pattern ? `cron "${s.pattern}"` : `every ${s.every} ms`}  next ${s.next ? new Date(s.next).toISOString() : '—'}  ${s.data?.sample ? `sample ${s.data.sample}` : 'all sites'}  ${s.data?.sitesFile ?? ''}`,
  );
}

export async function removeSchedule(redis: string, name: string): Promise<string> {
  await checkRedis(redis);
  if (!(await unscheduleCampaign(redisOptions(redis), name))) throw new UsageError(`no scheduled campaign named ${name}`);
  return `removed ${name}`;
}

/**
 * `govscore schedule retention`: the retention policy applied on schedule by the web service (`serve --queue`) to the
 * store it serves, through the same BullMQ job schedulers as the campaigns. Replaces an earlier retention schedule.
 */
export async function addRetentionSchedule(o: { redis: string; cron: string; tz?: string; policy: Partial<RetentionPolicy> }): Promise<string> {
  const policy = { ...defaultRetention, ...o.policy };
  const problem = checkPolicy(policy);
  if (problem) throw new UsageError(problem);
  await checkRedis(o.redis);
  await scheduleRetention(redisOptions(o.redis), policy, { pattern: o.cron, ...(o.tz ? { tz: o.tz } : {}) });
  return `已安排保留期限清理：cron "${o.cron}"，采集数据保留 ${policy.observationsYears} 年，证据文件保留 ${policy.evidenceMonths} 个月，已发布版本永久保留；由 \`govscore serve --queue ${o.redis}\` 执行`;
}
