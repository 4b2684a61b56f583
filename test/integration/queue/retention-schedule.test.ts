import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CampaignRunner } from '../../../server/app/web/campaign-runner.js';
import { startScheduledCampaigns } from '../../../server/app/web/scheduled-campaigns.js';
import { campaignSchedules, retentionScheduler, scheduleRetention, unscheduleCampaign } from '../../../server/queue/campaign-schedule.js';
import { redisOptions } from '../../../server/queue/connection.js';
import { Store } from '../../../server/store/store.js';
import { comparedRuns, storeComparedRuns } from '../../fixtures/compared-runs.js';
import { tempDir } from '../cli-helpers.js';
import { startRedis } from './redis-server.js';

/**
 * The retention policy on schedule: a job scheduler of the campaigns' queue (no scheduler of its own), taken by the
 * web service's scheduled-campaign worker, which purges the store it serves. Two stored runs, the earlier made old.
 */
describe('retention as a BullMQ job scheduler', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('the scheduled job purges the old run’s observations and evidence of the served store and logs what went', async () => {
    const dir = await tempDir('retention-schedule');
    const store = new Store(join(dir, 'govscore.db'));
    storeComparedRuns(store);
    store.db.prepare('UPDATE runs SET created_at = ? WHERE id = ?').run('2020-01-01T00:00:00Z', comparedRuns.earlier);
    for (const runId of [comparedRuns.earlier, comparedRuns.later]) {
      mkdirSync(join(dir, 'evidence', runId), { recursive: true });
      writeFileSync(join(dir, 'evidence', runId, 'home.png'), Buffer.alloc(500));
    }
    const lines: string[] = [];
    // No campaign comes: a runner that is never asked.
    const service = startScheduledCampaigns({ store, dataDir: dir, runner: {} as CampaignRunner, redisUrl: redis.url, log: (l) => lines.push(l) });
    const connection = redisOptions(redis.url);
    try {
      await scheduleRetention(connection, { observationsYears: 3, evidenceMonths: 12 }, { every: 60_000 });
      expect((await campaignSchedules(connection)).map((s) => s.name)).toEqual([retentionScheduler]);
      for (let i = 0; i < 200 && !lines.some((l) => l.startsWith('retention:')); i++) await new Promise((r) => setTimeout(r, 50));
      expect(lines.find((l) => l.startsWith('retention:'))).toMatch(
        /observations of 1 runs \(\d+ rows, \d+ bytes\), evidence of 1 runs \(1 files, 500 bytes\)/,
      );
      expect(existsSync(join(dir, 'evidence', comparedRuns.earlier))).toBe(false);
      expect(existsSync(join(dir, 'evidence', comparedRuns.later))).toBe(true);
      expect(store.observations(comparedRuns.earlier, 'jyj')).toEqual({});
      expect(store.reviews.auditCount({ action: 'retention-applied' })).toBe(1);
    } finally {
      await unscheduleCampaign(connection, retentionScheduler);
      await service.close();
      store.close();
    }
  });
});
