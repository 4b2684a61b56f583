import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { loadIndicatorSet } from '../../../../indicators/load.js';
import { Store } from '../../../../server/store/store.js';
import { applyRetention, before, checkPolicy } from '../../../../server/use-cases/retention.js';
import { computeRun } from '../../../../server/use-cases/score-run.js';
import { rescoreStored, storedRun } from '../../../../server/use-cases/stored-run.js';
import { comparedRuns, storeComparedRuns } from '../../../fixtures/compared-runs.js';

const old = comparedRuns.earlier;
const recent = comparedRuns.later;
const published = '20220110-published';
const policy = { observationsYears: 3, evidenceMonths: 12 };

describe('before: the cutoff of a policy on a simulated clock', () => {
  it('counts back whole years and months in UTC', () => {
    expect(before(new Date('2026-12-05T10:00:00Z'), { years: 3 })).toBe('2023-12-05T10:00:00.000Z');
    expect(before(new Date('2026-02-15T00:00:00Z'), { months: 3 })).toBe('2025-11-15T00:00:00.000Z');
    expect(before(new Date('2024-02-29T00:00:00Z'), { years: 1 })).toBe('2023-03-01T00:00:00.000Z');
  });
  it('refuses a policy that would purge what was just collected', () => {
    expect(checkPolicy({ observationsYears: 0, evidenceMonths: 12 })).toContain('observationsYears');
    expect(checkPolicy({ observationsYears: 3, evidenceMonths: 1.5 })).toContain('evidenceMonths');
    expect(checkPolicy(policy)).toBeNull();
  });
});

/** Three runs in a store on disk with evidence folders: an old one, a recent one, and an old one that was published. */
describe('applyRetention', () => {
  let dir: string;
  let store: Store;
  const evidence = (runId: string) => join(dir, 'evidence', runId);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'govscore-retention-'));
    store = new Store(join(dir, 'govscore.db'));
    storeComparedRuns(store);
    store.createRun(
      { id: published, key: published, name: '2021年度评估', asOf: '2022-01-10', sitesFile: 's', sitesSha256: 'x', indicators: 'national-2019', options: {} },
      [{ siteId: 'jyj', position: 0, name: '某市教育局', url: 'https://jyj.example.gov.cn/', group: '市直部门', services: true, level: 'department' }],
    );
    store.saveSiteResult(published, 'jyj', { status: 'unreachable', statusReason: 'dns', pages: [], observations: { robots: null } as never });
    store.finishRun(published);
    const user = await store.accounts.add({ login: 'staff', name: '评估办', role: 'evaluator', password: 'correct horse battery' });
    store.db.prepare('INSERT INTO publications (run_id, published_at, published_by) VALUES (?, ?, ?)').run(published, '2022-01-20T00:00:00Z', user.id);
    const created = store.db.prepare('UPDATE runs SET created_at = ? WHERE id = ?');
    created.run('2022-01-10T02:00:00Z', old);
    created.run('2022-01-10T01:00:00Z', published);
    created.run('2026-11-21T02:00:00Z', recent);
    for (const runId of [old, recent, published]) {
      mkdirSync(join(evidence(runId), 'jyj', 'text'), { recursive: true });
      writeFileSync(join(evidence(runId), 'jyj', 'home.png'), Buffer.alloc(1000));
      writeFileSync(join(evidence(runId), 'jyj', 'text', 'a.json.gz'), Buffer.alloc(234));
    }
    const probe = store.db.prepare("INSERT INTO probes (url, at, ok, status, ms, failure) VALUES ('https://jyj.example.gov.cn/', ?, 1, 200, 30, NULL)");
    probe.run('2021-06-01T00:00:00Z');
    probe.run('2026-11-30T00:00:00Z');
  });

  const rows = (runId: string) => store.db.prepare('SELECT count(*) FROM observations WHERE run_id = ?').pluck().get(runId) as number;

  it('a dry run reports what would go and deletes nothing', () => {
    const r = applyRetention(store, policy, { now: new Date('2026-12-05T00:00:00Z'), dryRun: true });
    expect(r.observations.map((o) => o.runId)).toEqual([old]);
    expect(r.observations[0]!.rows).toBe(rows(old));
    expect(r.observations[0]!.bytes).toBeGreaterThan(0);
    expect(r.evidence).toEqual([{ runId: old, files: 2, bytes: 1234 }]);
    expect(r.probes.rows).toBe(1);
    expect(r.keptPublished).toEqual([published]);
    expect(rows(old)).toBeGreaterThan(0);
    expect(existsSync(evidence(old))).toBe(true);
    expect(store.reviews.auditCount({ action: 'retention-dry-run' })).toBe(1);
  });

  it('purges by age on a moving clock; the published run and its evidence stay whatever their age', () => {
    rescoreStored(store, old);
    const scoredBefore = storedRun(store, old)!.sites.find((s) => s.id === 'jyj')!.score!.score;
    // 2024-06: the old run is 2½ years old — past the evidence limit (12 months), within the observations one (3 years).
    const first = applyRetention(store, policy, { now: new Date('2024-06-01T00:00:00Z') });
    expect(first.observations).toEqual([]);
    expect(first.evidence.map((e) => e.runId)).toEqual([old]);
    expect(existsSync(evidence(old))).toBe(false);
    expect(rows(old)).toBeGreaterThan(0);
    // 2025-02: three years passed: its observations go too, and the 2021 probe; the recent run is untouched.
    const second = applyRetention(store, policy, { now: new Date('2025-02-01T00:00:00Z') });
    expect(second.observations.map((o) => o.runId)).toEqual([old]);
    expect(second.evidence).toEqual([]);
    expect(second.probes.rows).toBe(1);
    expect(rows(old)).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM pages WHERE run_id = ?').pluck().get(old)).toBe(0);
    expect(store.getRun(old)!.options['observationsPurgedAt']).toBe('2025-02-01T00:00:00.000Z');
    expect(rows(recent)).toBeGreaterThan(0);
    expect(existsSync(evidence(recent))).toBe(true);
    // Published: never purged, however old.
    const later = applyRetention(store, policy, { now: new Date('2040-01-01T00:00:00Z') });
    expect(later.keptPublished).toContain(published);
    expect(existsSync(evidence(published))).toBe(true);
    expect(rows(published)).toBeGreaterThan(0);
    expect(later.observations.map((o) => o.runId)).toEqual([recent]);
    // A purged run's scores stand: re-scoring it is refused, not computed from nothing.
    expect(() => rescoreStored(store, old)).toThrow(/purged under the retention policy/);
    // What the web pages read of it: its stored score, findings included, not an evaluation of nothing.
    const shown = computeRun(store, old, loadIndicatorSet('national-2019'), { userAgent: '', robots: 'respect' }, '.', { save: false });
    const jyj = shown.sites.find((s) => s.id === 'jyj')!;
    expect(jyj.score).toBe(scoredBefore);
    expect(jyj.indicators.find((i) => i.id === 'D2')!.findings).toHaveLength(2);
    expect(store.reviews.auditCount({ action: 'retention-applied' })).toBe(3);
  });
});
