import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

import { Worker } from 'bullmq';
import { format } from 'date-fns';

import { loadSitesFile } from '../../config/sites-file.js';
import { campaignQueue, dueTime, occurrenceSeed, retentionJob, type ScheduledCampaign, type ScheduledRetention } from '../../queue/campaign-schedule.js';
import { keyPrefix, redisOptions } from '../../queue/connection.js';
import type { Store } from '../../store/store.js';
import { applyRetention, summary } from '../../use-cases/retention.js';
import { saveCampaign } from './campaign-form.js';
import { campaignOptions, type CampaignRunner, saveCampaignOptions } from './campaign-runner.js';

/**
 * Takes the occurrences of scheduled campaigns from the queue: each becomes a campaign in the web app,
 * dated the day it was due and (for a spot check) with its own seeded sample, and starts at once through
 * the campaign runner — so it is watched, reviewed and published like one started by hand. The scheduled retention
 * job (campaign-schedule.ts scheduleRetention) comes the same way and purges the store this service serves.
 */
export function startScheduledCampaigns(o: { store: Store; dataDir: string; runner: CampaignRunner; redisUrl: string; log: (line: string) => void }): {
  close: () => Promise<void>;
} {
  const worker = new Worker<ScheduledCampaign>(
    campaignQueue,
    async (job) => {
      if (job.name === retentionJob) {
        const applied = summary(applyRetention(o.store, job.data as unknown as ScheduledRetention));
        o.log(
          `retention: observations of ${applied.observations.runs} runs (${applied.observations.rows} rows, ${applied.observations.bytes} bytes), evidence of ${applied.evidence.runs} runs (${applied.evidence.files} files, ${applied.evidence.bytes} bytes), ${applied.probes.rows} probes purged`,
        );
        return;
      }
      const schedule = job.data;
      // A job taken up again (this service restarted mid-way) must not start a second campaign.
      if (o.store.campaigns.list().some((c) => campaignOptions(c).scheduledJob === job.id)) return;
      const dueAt = dueTime(job.id, job.timestamp);
      const asOf = format(dueAt, 'yyyy-MM-dd');
      const sites = loadSitesFile(schedule.sitesFile);
      const indicators = schedule.indicators ?? sites.indicators;
      const form = {
        text: readFileSync(schedule.sitesFile, 'utf8'),
        fileName: null,
        indicators: schedule.indicators ?? '',
        asOf,
        maxPages: schedule.maxPages ? String(schedule.maxPages) : '',
        rateLimitPatience: '',
        sample: schedule.sample ? String(schedule.sample) : '',
        seed: schedule.sample ? occurrenceSeed(schedule, dueAt) : '',
        // The register the schedule's sites file names, as it is on the day the occurrence is due.
        register: sites.newMedia ? { name: basename(sites.newMedia), bytes: readFileSync(resolve(dirname(schedule.sitesFile), sites.newMedia)) } : null,
      };
      const campaign = saveCampaign(
        o.store,
        o.dataDir,
        form,
        { sites: { ...sites, name: `${sites.name}（${schedule.name} ${asOf}）` }, indicators },
        schedule.userId,
      );
      saveCampaignOptions(campaign.sitesFile, {
        ...campaignOptions(campaign),
        ...(schedule.lighthousePages !== undefined ? { lighthousePages: schedule.lighthousePages } : {}),
        scheduledJob: job.id ?? null,
      });
      const run = o.runner.start(campaign, schedule.userId);
      o.log(`scheduled campaign ${schedule.name}: campaign #${campaign.id}, run ${run.id}`);
    },
    { connection: redisOptions(o.redisUrl), prefix: keyPrefix, concurrency: 1 },
  );
  worker.on('failed', (job, error) => o.log(`scheduled campaign ${job?.data.name}: ${error.message}`));
  worker.on('error', (error) => o.log(`campaign schedule queue: ${error.message}`));
  return { close: () => worker.close() };
}
