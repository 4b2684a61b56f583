import { beforeEach, describe, expect, it } from 'vitest';

import { Store } from '../../../../server/store/store.js';
import { recordOverride } from '../../../../server/use-cases/override.js';
import { publishRefusal, publishRun } from '../../../../server/use-cases/publish.js';
import { rescoreStored } from '../../../../server/use-cases/stored-run.js';
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
    expect(store.reviews.isPublished(runId)).toBe(false);
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
    expect(refusal!.message).toContain('不能发布：2 个网站存在疑似否决项');
    expect(store.reviews.isPublished(runId)).toBe(false);
    const by = { name: '评估办张三', userId };
    expect(recordOverride(store, { runId, siteId: 'rsj', indicator: 'V7', veto: false, reason: '已核实有办事入口', by }).ok).toBe(true);
    expect(publishRefusal(store, runId)?.suspected.map((s) => s.siteId)).toEqual(['fgw']);
    expect(recordOverride(store, { runId, siteId: 'fgw', indicator: 'V6', veto: true, reason: '人工核查确无咨询渠道', by }).ok).toBe(true);
    expect(publishRun(store, runId, userId)).toBeNull();
    expect(publishRun(store, runId, userId)).toBeNull();
    expect(store.reviews.isPublished(runId)).toBe(true);
    expect(store.reviews.auditTrail().filter((a) => a.action === 'publish')).toHaveLength(1);
  });
});
