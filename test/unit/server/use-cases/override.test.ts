import { readdir, readFile } from 'node:fs/promises';

import { beforeEach, describe, expect, it } from 'vitest';

import { loadIndicatorSet } from '../../../../indicators/load.js';
import { ruleMax } from '../../../../indicators/rules.js';
import type { Indicator } from '../../../../indicators/types.js';
import { Store } from '../../../../server/store/store.js';
import { checkDecision, type OverrideRequest, recordOverride } from '../../../../server/use-cases/override.js';
import { rescoreStored, storedRun } from '../../../../server/use-cases/stored-run.js';
import { storeSuspectedRun } from '../../../fixtures/suspected-run.js';

const set = loadIndicatorSet('national-2019');
const veto = set.indicators.find((i) => i.id === 'V7')!;
const scored = set.indicators.find((i) => i.rule.type !== 'veto' && ruleMax(i.rule) !== null)!;
const max = ruleMax(scored.rule)!;
/** Points per unit with no cap (an adoption count, say): no full marks to give back. */
const openEnded: Indicator = { ...scored, id: 'X1', rule: { type: 'points', points: 1 } };
const by = { name: '张三', userId: null };

describe('checkDecision: what an override of one indicator may say', () => {
  it('a veto indicator takes yes or no, never points', () => {
    expect(checkDecision(veto, { veto: false, reason: '已核实有办事入口', by })).toEqual({ ok: true, points: null, veto: false, reason: '已核实有办事入口' });
    expect(checkDecision(veto, { veto: true, reason: '  确无入口  ', by })).toMatchObject({ ok: true, veto: true, reason: '确无入口' });
    expect(checkDecision(veto, { points: 3, veto: false, reason: '已核实', by })).toMatchObject({
      ok: false,
      status: 400,
      field: 'points',
      error: 'V7 是否决项：请确认否决或取消否决，不填分数。',
    });
    expect(checkDecision(veto, { reason: '已核实', by })).toMatchObject({ ok: false, field: 'veto' });
    // "Full marks" is only a default (accepting an appeal): on a veto indicator it means nothing.
    expect(checkDecision(veto, { points: 'full', veto: false, reason: '已核实', by })).toMatchObject({ ok: true, points: null, veto: false });
  });

  it('a scored indicator takes points from 0 to its maximum, never a veto', () => {
    expect(checkDecision(scored, { points: max, reason: '已核实', by })).toEqual({ ok: true, points: max, veto: null, reason: '已核实' });
    expect(checkDecision(scored, { points: 0, veto: false, reason: '已核实', by })).toMatchObject({ ok: true, points: 0, veto: null });
    expect(checkDecision(scored, { points: 'full', reason: '已核实', by })).toMatchObject({ ok: true, points: max });
    expect(checkDecision(scored, { points: max + 1, reason: '已核实', by })).toMatchObject({
      ok: false,
      field: 'points',
      error: `${scored.id} 的分数应在 0 到 ${max} 之间。`,
    });
    expect(checkDecision(scored, { points: -1, reason: '已核实', by })).toMatchObject({ ok: false, field: 'points' });
    expect(checkDecision(scored, { points: Number.NaN, reason: '已核实', by })).toMatchObject({
      ok: false,
      field: 'points',
      error: `请填写 ${scored.id} 的保留分数。`,
    });
    expect(checkDecision(scored, { reason: '已核实', by })).toMatchObject({ ok: false, field: 'points' });
    expect(checkDecision(scored, { points: 1, veto: true, reason: '已核实', by })).toMatchObject({
      ok: false,
      field: 'veto',
      error: `${scored.id} 是计分指标，不能判定否决，请填写保留分数。`,
    });
  });

  it('an indicator without full marks needs the points given', () => {
    expect(checkDecision(openEnded, { points: 'full', reason: '已核实', by })).toMatchObject({
      ok: false,
      field: 'points',
      error: `指标 ${openEnded.id} 没有满分，请给出分数。`,
    });
  });

  it('needs a reason of at least 2 characters and the reviewer, checked after the decision', () => {
    expect(checkDecision(scored, { points: 1, reason: ' x ', by })).toMatchObject({ ok: false, field: 'reason', error: '请填写复核理由（至少 2 个字）。' });
    expect(checkDecision(scored, { points: max + 1, reason: '', by })).toMatchObject({ ok: false, field: 'points' });
    expect(checkDecision(scored, { points: 1, reason: '已核实', by: { name: ' ', userId: null } })).toMatchObject({ ok: false, field: 'by' });
  });
});

describe('recordOverride: checked, stored, audited, re-scored', () => {
  let store: Store;
  let runId: string;
  const request = (o: Partial<OverrideRequest> = {}): OverrideRequest => ({
    runId,
    siteId: 'rsj',
    indicator: 'V7',
    veto: false,
    reason: '办事服务在“便民服务”入口下，已核实',
    by: { name: '张三', userId: null },
    ...o,
  });
  const suspectedOf = (siteId: string) =>
    storedRun(store, runId)!
      .sites.find((s) => s.id === siteId)!
      .score!.suspectedVetoes.map((v) => v.indicator);

  beforeEach(() => {
    store = new Store(':memory:');
    runId = storeSuspectedRun(store);
    rescoreStored(store, runId);
    return () => store.close();
  });

  it('refuses an unknown run or site (404), an unfinished run, and an indicator not in the run’s set, storing nothing', () => {
    expect(recordOverride(store, request({ runId: 'nope' }))).toMatchObject({ ok: false, status: 404, field: 'run' });
    expect(recordOverride(store, request({ siteId: 'nope' }))).toMatchObject({ ok: false, status: 404, field: 'site', hint: expect.stringContaining('rsj') });
    expect(recordOverride(store, request({ indicator: 'D99' }))).toMatchObject({
      ok: false,
      status: 400,
      field: 'indicator',
      error: '指标体系 national-2019 中没有指标 D99。',
    });
    store.db.prepare('UPDATE runs SET finished_at = NULL WHERE id = ?').run(runId);
    expect(recordOverride(store, request())).toMatchObject({ ok: false, status: 400, field: 'site', error: '只能复核已完成评估的网站。' });
    expect(store.overrides.history(runId)).toEqual([]);
    expect(store.reviews.auditTrail()).toEqual([]);
  });

  it('records a cleared suspicion with who and why, audits it and re-scores the run at once', () => {
    expect(suspectedOf('rsj')).toEqual(['V7']);
    const done = recordOverride(store, request({ reasonPrefix: '申诉#3：', by: { name: ' 张三 ', userId: null } }));
    expect(done).toMatchObject({
      ok: true,
      override: { siteId: 'rsj', indicator: 'V7', veto: false, points: null, by: '张三', reason: '申诉#3：办事服务在“便民服务”入口下，已核实' },
    });
    expect(suspectedOf('rsj')).toEqual([]);
    expect(store.reviews.auditTrail()).toMatchObject([
      { action: 'override-added', target: `run:${runId}`, detail: { site: 'rsj', indicator: 'V7', by: '张三' } },
    ]);
  });

  it('with rescore: false (the CLI) the stored scores wait for the next rescore', () => {
    const done = recordOverride(store, request({ rescore: false }));
    expect(done.ok).toBe(true);
    expect(suspectedOf('rsj')).toEqual(['V7']);
    rescoreStored(store, runId);
    expect(suspectedOf('rsj')).toEqual([]);
  });
});

describe('one place records overrides', () => {
  it('nothing in server/ but the override use case adds one (the CLI, the review form and appeals all call it)', async () => {
    const root = new URL('../../../../server/', import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.startsWith('store'));
    const writers: string[] = [];
    for (const file of files) if (/\boverrides\.add\(/.test(await readFile(new URL(file, root), 'utf8'))) writers.push(file.replaceAll('\\', '/'));
    expect(writers).toEqual(['use-cases/override.ts']);
  });
});
