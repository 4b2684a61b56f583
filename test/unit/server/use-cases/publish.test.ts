import { beforeEach, describe, expect, it } from 'vitest';

import { Store } from '../../../../server/store/store.js';
import { recordOverride } from '../../../../server/use-cases/override.js';
import { freezeUnversionedPublications, isRefusal, publishRefusal, publishRun } from '../../../../server/use-cases/publish.js';
import { pendingCorrection, publicChanges, publishedVersion } from '../../../../server/use-cases/published-version.js';
import { rescoreStored, type SiteView, storedRun } from '../../../../server/use-cases/stored-run.js';
import { storeSuspectedRun } from '../../../fixtures/suspected-run.js';

describe('publishRun: the one rule for publishing', () => {
  let store: Store;
  let runId: string;
  let userId: number;

  beforeEach(async () => {
    store = new Store(':memory:');
    runId = storeSuspectedRun(store);
    rescoreStored(store, runId);
    userId = (await store.accounts.add({ login: 'staff', name: '评估办张三', role: 'evaluator', password: 'correct horse battery' })).id;
    return () => store.close();
  });

  it('refuses a run that does not exist', () => {
    expect(publishRun(store, 'nope', userId)).toMatchObject({ status: 404, message: '未找到该评估。' });
  });

  it('refuses an unfinished run, and publishes nothing', () => {
    store.db.prepare('UPDATE runs SET finished_at = NULL WHERE id = ?').run(runId);
    expect(publishRun(store, runId, userId)).toEqual({ status: 409, message: '评估尚未完成，不能发布。', suspected: [] });
    expect(store.publications.isPublished(runId)).toBe(false);
  });

  it('refuses while a site holds a suspected veto, naming each; publishes once both are decided, audited once', () => {
    const refusal = publishRun(store, runId, userId);
    expect(refusal).toMatchObject({
      status: 409,
      suspected: [
        { siteId: 'rsj', indicators: ['V7'] },
        { siteId: 'fgw', indicators: ['V6'] },
      ],
    });
    expect(isRefusal(refusal!) && refusal.message).toContain('不能发布：2 个网站存在疑似否决项');
    expect(store.publications.isPublished(runId)).toBe(false);
    const by = { name: '评估办张三', userId };
    expect(recordOverride(store, { runId, siteId: 'rsj', indicator: 'V7', veto: false, reason: '已核实有办事入口', by }).ok).toBe(true);
    expect(publishRefusal(store, runId)?.suspected.map((s) => s.siteId)).toEqual(['fgw']);
    expect(recordOverride(store, { runId, siteId: 'fgw', indicator: 'V6', veto: true, reason: '人工核查确无咨询渠道', by }).ok).toBe(true);
    expect(publishRun(store, runId, userId)).toEqual({ version: 1, created: true });
    expect(publishRun(store, runId, userId)).toEqual({ version: 1, created: false });
    expect(store.publications.isPublished(runId)).toBe(true);
    expect(store.reviews.auditTrail().filter((a) => a.action === 'publish')).toHaveLength(1);
  });
});

describe('a publication is frozen; later changes reach the public as a correction (更正)', () => {
  let store: Store;
  let runId: string;
  let userId: number;
  const by = () => ({ name: '评估办张三', userId });

  beforeEach(async () => {
    store = new Store(':memory:');
    runId = storeSuspectedRun(store);
    rescoreStored(store, runId);
    userId = (await store.accounts.add({ login: 'staff', name: '评估办张三', role: 'evaluator', password: 'correct horse battery' })).id;
    recordOverride(store, { runId, siteId: 'rsj', indicator: 'V7', veto: false, reason: '已核实有办事入口', by: by() });
    recordOverride(store, { runId, siteId: 'fgw', indicator: 'V6', veto: false, reason: '已核实有咨询渠道', by: by() });
    return () => store.close();
  });

  const vetoesOf = (sites: SiteView[] | undefined, id: string) => sites?.find((s) => s.id === id)?.score?.vetoes.map((v) => v.indicator);

  it('keeps version 1 as published when the scores change, and publishes the change only with a note', () => {
    expect(publishRun(store, runId, userId)).toEqual({ version: 1, created: true });
    const published = vetoesOf(publishedVersion(store, runId)?.sites, 'wjw');
    expect(published).toEqual(['V2']);
    expect(pendingCorrection(store, runId)?.changes.sites).toEqual([]);

    // A reviewer lifts wjw's measured V2 veto: the live score changes, the published version does not.
    expect(recordOverride(store, { runId, siteId: 'wjw', indicator: 'V2', veto: false, reason: '首页另有当日更新', by: by() }).ok).toBe(true);
    expect(vetoesOf(storedRun(store, runId)?.sites, 'wjw')).toEqual([]);
    expect(vetoesOf(publishedVersion(store, runId)?.sites, 'wjw')).toEqual(['V2']);
    const pending = pendingCorrection(store, runId)!;
    const wjw = pending.changes.sites.find((c) => c.siteId === 'wjw')!;
    expect(wjw).toMatchObject({ before: { vetoed: true, passed: false }, after: { vetoed: false } });
    expect(wjw.indicators.map((i) => i.id)).toContain('V2');
    expect(publicChanges(pending.changes).map((c) => c.siteId)).toContain('wjw');

    // Without a note: refused, nothing new published.
    const refused = publishRun(store, runId, userId, '  ');
    expect(refused).toMatchObject({ status: 409 });
    expect(isRefusal(refused) && refused.message).toContain('更正说明');
    expect(store.publications.versions(runId)).toHaveLength(1);

    // With a note: version 2, the public sees it; version 1 stays readable as it was.
    expect(publishRun(store, runId, userId, '经复核，卫健委首页当日有更新，撤销单项否决。')).toEqual({ version: 2, created: true });
    expect(vetoesOf(publishedVersion(store, runId)?.sites, 'wjw')).toEqual([]);
    expect(vetoesOf(publishedVersion(store, runId, 1)?.sites, 'wjw')).toEqual(['V2']);
    const v2 = publishedVersion(store, runId, 2)!;
    expect(v2.note).toBe('经复核，卫健委首页当日有更新，撤销单项否决。');
    expect(v2.changes.sites.map((c) => c.siteId)).toEqual(pending.changes.sites.map((c) => c.siteId));
    expect(v2.publisherName).toBe('评估办张三');
    expect(publishRun(store, runId, userId, '再发一次')).toEqual({ version: 2, created: false });
    expect(store.reviews.auditTrail().map((a) => a.action)).toEqual(expect.arrayContaining(['publish', 'publish-correction']));
    expect(store.reviews.auditTrail().filter((a) => a.action === 'publish-correction')).toHaveLength(1);
  });

  it('refuses a correction while a site holds a suspected veto', () => {
    publishRun(store, runId, userId);
    const [override] = store.overrides.active(runId).get('rsj')!;
    store.overrides.revoke(override!.id, '评估办张三');
    rescoreStored(store, runId);
    expect(publishRun(store, runId, userId, '更正')).toMatchObject({ status: 409, suspected: [{ siteId: 'rsj' }] });
    expect(store.publications.versions(runId)).toHaveLength(1);
  });

  it('freezes a run published before versions were kept as version 1, at its publication time', () => {
    store.db.prepare('INSERT INTO publications VALUES (?, ?, ?)').run(runId, '2026-11-25T08:00:00.000Z', userId);
    expect(publishedVersion(store, runId)).toBeNull();
    expect(freezeUnversionedPublications(store)).toEqual([runId]);
    expect(publishedVersion(store, runId)).toMatchObject({ version: 1, publishedAt: '2026-11-25T08:00:00.000Z', note: null });
    expect(freezeUnversionedPublications(store)).toEqual([]);
  });
});
