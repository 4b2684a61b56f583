import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { Store } from '../../../server/store/store.js';
import { comparedRuns, storeComparedRuns } from '../../fixtures/compared-runs.js';
import { runCli, tempDir } from '../cli-helpers.js';

/** `govscore retention` on a store on disk with evidence folders (two stored runs, no crawl): the earlier one made five years old. */
describe('govscore retention', () => {
  let db: string;
  let dir: string;
  const evidence = (runId: string) => join(dir, 'evidence', runId);

  beforeAll(async () => {
    dir = await tempDir('retention');
    db = join(dir, 'govscore.db');
    const store = new Store(db);
    storeComparedRuns(store);
    const fiveYearsAgo = new Date(Date.now() - 5 * 365 * 86_400_000).toISOString();
    store.db.prepare('UPDATE runs SET created_at = ? WHERE id = ?').run(fiveYearsAgo, comparedRuns.earlier);
    store.close();
    for (const runId of [comparedRuns.earlier, comparedRuns.later]) {
      mkdirSync(join(evidence(runId), 'jyj'), { recursive: true });
      writeFileSync(join(evidence(runId), 'jyj', 'home.png'), Buffer.alloc(2 * 1024 * 1024));
    }
  });

  it('--dry-run says what would go, in counts and bytes, and deletes nothing', async () => {
    const r = await runCli(['retention', '--db', db, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('保留期限：采集数据 3 年，证据文件 12 个月，已发布版本永久保留（试运行，未删除）');
    expect(r.stdout).toMatch(/将清除采集数据：1 次评估，\d+ 行/);
    expect(r.stdout).toContain('将清除证据文件：1 次评估，1 个文件，2.00 MB');
    expect(r.stdout).toContain(`  ${comparedRuns.earlier}：1 个文件，2.00 MB`);
    expect(existsSync(evidence(comparedRuns.earlier))).toBe(true);
  });

  it('applies the policy: the old run’s observations and evidence go, the recent run stays', async () => {
    const r = await runCli(['retention', '--db', db, '--evidence-months', '6']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已清除证据文件：1 次评估，1 个文件，2.00 MB');
    expect(existsSync(evidence(comparedRuns.earlier))).toBe(false);
    expect(existsSync(evidence(comparedRuns.later))).toBe(true);
    const store = new Store(db);
    try {
      expect(store.observations(comparedRuns.earlier, 'jyj')).toEqual({});
      expect(Object.keys(store.observations(comparedRuns.later, 'jyj')).length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
    const again = await runCli(['retention', '--db', db]);
    expect(again.stdout).toContain('已清除采集数据：0 次评估，0 行');
    // Re-scoring the purged run is refused; its stored scores stand.
    const rescore = await runCli(['report', '--db', db, '--run', comparedRuns.earlier, '--out', join(dir, 'out')]);
    expect(rescore.code).not.toBe(0);
    expect(rescore.stderr).toContain('purged under the retention policy');
  });
});
