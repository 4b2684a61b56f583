import { beforeEach, describe, expect, it } from 'vitest';

import { findingKey } from '../../../../reports/finding-key.js';
import { Store } from '../../../../server/store/store.js';
import { dismissFinding, undoDismissal } from '../../../../server/use-cases/dismissals.js';
import { rescoreStored, storedRun } from '../../../../server/use-cases/stored-run.js';
import { comparedRuns, plantedColumn, plantedLinks } from '../../../fixtures/compared-runs.js';
import { storeComparedRuns } from '../../../fixtures/compared-runs.js';

/**
 * Dismissals that last (issue 23 item 3) on two stored runs a week apart (test/fixtures/compared-runs.ts, no crawl):
 * what a dismissal does to the score, how it holds in the later run while the page it rests on reads the same, and
 * how it lapses when the page changes or is not read.
 */
const gone = `jyj/D2/${'link:' + plantedLinks.unchanged.replace(/^https:/, '')}`;
const metaColumn = 'jyj/D17/meta:column';
const reviewer = { name: '李审核', userId: null };

function site(store: Store, runId: string, id = 'jyj') {
  return storedRun(store, runId)!.sites.find((s) => s.id === id)!.score!;
}
const indicator = (store: Store, runId: string, id: string) => site(store, runId).indicators.find((i) => i.id === id)!;
const keys = (store: Store, runId: string, id: string) => indicator(store, runId, id).findings.map((f) => findingKey('jyj', id, f));

/** The page the D17 finding names, read in a run with this content hash (null: not read). */
function readColumn(store: Store, runId: string, hash: string | null) {
  store.db.prepare('DELETE FROM pages WHERE run_id = ? AND url = ?').run(runId, plantedColumn);
  if (hash)
    store.db
      .prepare("INSERT INTO pages (run_id, site_id, url, final_url, status, role, ms, hash) VALUES (?, 'jyj', ?, ?, 200, 'column', 10, ?)")
      .run(runId, plantedColumn, plantedColumn, hash);
}

describe('dismissals', () => {
  let store: Store;
  beforeEach(() => {
    store = new Store(':memory:');
    storeComparedRuns(store);
    readColumn(store, comparedRuns.earlier, 'h1');
    readColumn(store, comparedRuns.later, 'h1');
    rescoreStored(store, comparedRuns.earlier);
    rescoreStored(store, comparedRuns.later);
  });

  it('a dismissed false positive of a counted rule deducts nothing, in its run and the later one', () => {
    expect(keys(store, comparedRuns.later, 'D2')).toContain(gone);
    const before = { earlier: indicator(store, comparedRuns.earlier, 'D2'), later: indicator(store, comparedRuns.later, 'D2') };
    const done = dismissFinding(store, { runId: comparedRuns.earlier, key: gone, kind: 'false-positive', reason: '链接在浏览器中可以打开', by: reviewer });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    // A link's target is no page read: the dismissal rests on the key alone.
    expect(done.dismissal).toMatchObject({ basisUrl: null, basisHash: null, kind: 'false-positive' });
    expect(done.after! - done.before!).toBeCloseTo(0.1);
    for (const run of [comparedRuns.earlier, comparedRuns.later]) {
      const d2 = indicator(store, run, 'D2');
      expect(keys(store, run, 'D2')).not.toContain(gone);
      expect(d2.dismissed!.map((f) => findingKey('jyj', 'D2', f))).toEqual([gone]);
      expect(d2.dismissed![0]!.dismissal).toMatchObject({ kind: 'false-positive', reason: '链接在浏览器中可以打开', by: '李审核' });
      expect(d2.dismissalsScored).toBe(true);
      expect(d2.value).toBe(1);
    }
    expect(indicator(store, comparedRuns.later, 'D2').deduction).toBeCloseTo(before.later.deduction - 0.1);
    expect(indicator(store, comparedRuns.earlier, 'D2').deduction).toBeCloseTo(before.earlier.deduction - 0.1);
    expect(store.reviews.auditPage({ action: 'finding-dismissed' }, { limit: 5, offset: 0 })[0]).toMatchObject({
      target: `run:${comparedRuns.earlier}`,
      detail: { key: gone, kind: 'false-positive', site: 'jyj' },
    });
  });

  it('holds while the page it rests on reads the same, lapses when it changes or is not read', () => {
    const d17 = indicator(store, comparedRuns.later, 'D17');
    const done = dismissFinding(store, { runId: comparedRuns.earlier, key: metaColumn, kind: 'exception', reason: '栏目页由省平台统一提供', by: reviewer });
    expect(done.ok && done.dismissal).toMatchObject({ basisUrl: plantedColumn, basisHash: 'html:h1' });
    // Same page in the later run: still dismissed. D17 counts missing tags, not its findings: the score stays the measurement's.
    const held = indicator(store, comparedRuns.later, 'D17');
    expect(keys(store, comparedRuns.later, 'D17')).not.toContain(metaColumn);
    expect(held.dismissalsScored).toBe(false);
    expect(held.deduction).toBe(d17.deduction);

    readColumn(store, comparedRuns.later, 'h2');
    rescoreStored(store, comparedRuns.later);
    const back = indicator(store, comparedRuns.later, 'D17').findings.find((f) => findingKey('jyj', 'D17', f) === metaColumn);
    expect(back?.dismissal).toMatchObject({ kind: 'exception', lapsed: 'page-changed' });
    expect(indicator(store, comparedRuns.later, 'D17').dismissed).toBeUndefined();
    // The run it was dismissed in still reads h1.
    expect(keys(store, comparedRuns.earlier, 'D17')).not.toContain(metaColumn);

    readColumn(store, comparedRuns.later, null);
    rescoreStored(store, comparedRuns.later);
    expect(indicator(store, comparedRuns.later, 'D17').findings.find((f) => f.subject === 'meta:column')?.dismissal?.lapsed).toBe('page-not-read');
  });

  it('does not reach back to an earlier run', () => {
    const institution = 'jyj/D4/institution';
    expect(
      dismissFinding(store, { runId: comparedRuns.later, key: institution, kind: 'false-positive', reason: '机构职能页在信息公开专栏中', by: reviewer }).ok,
    ).toBe(true);
    expect(keys(store, comparedRuns.later, 'D4')).not.toContain(institution);
    expect(keys(store, comparedRuns.earlier, 'D4')).toContain(institution);
  });

  it('undone, the finding counts again; the row stays with who undid it', () => {
    const done = dismissFinding(store, { runId: comparedRuns.earlier, key: gone, kind: 'false-positive', reason: '误报', by: reviewer });
    if (!done.ok) throw new Error(done.error);
    const undone = undoDismissal(store, { id: done.dismissal.id, by: { name: '王处长', userId: null } });
    expect(undone.ok && undone.dismissal).toMatchObject({ undoneBy: '王处长' });
    expect(keys(store, comparedRuns.later, 'D2')).toContain(gone);
    expect(site(store, comparedRuns.earlier).score).toBe(done.before);
    expect(undoDismissal(store, { id: done.dismissal.id, by: reviewer })).toMatchObject({ ok: false, error: expect.stringContaining('已于') });
    expect(store.reviews.auditCount({ action: 'dismissal-undone' })).toBe(1);
  });

  it('refuses what it cannot record, in Chinese, and keeps a department to its own sites', () => {
    const ask = (over: Partial<Parameters<typeof dismissFinding>[1]>) =>
      dismissFinding(store, { runId: comparedRuns.earlier, key: gone, kind: 'false-positive', reason: '误报的理由', by: reviewer, ...over });
    expect(ask({ key: 'jyj/D2/link://jyj.example.gov.cn/none.html' })).toMatchObject({ ok: false, status: 404, field: 'key' });
    expect(ask({ kind: 'wrong' })).toMatchObject({ ok: false, field: 'kind', error: expect.stringContaining('误报') });
    expect(ask({ reason: ' 误 ' })).toMatchObject({ ok: false, field: 'reason' });
    expect(ask({ runId: 'nope' })).toMatchObject({ ok: false, status: 404, field: 'run' });
    // rsj's V7 rests on a search that found nothing: a suspected veto is a reviewer's decision, not a finding to hide.
    expect(ask({ key: 'rsj/V7/not-found' })).toMatchObject({ ok: false, field: 'key', error: expect.stringContaining('人工复核') });
    // rsj's account cannot touch jyj's findings, nor undo jyj's dismissals.
    expect(ask({ sites: new Set(['rsj']) })).toMatchObject({ ok: false, status: 404 });
    const done = ask({});
    if (!done.ok) throw new Error(done.error);
    expect(undoDismissal(store, { id: done.dismissal.id, by: reviewer, sites: new Set(['rsj']) })).toMatchObject({ ok: false, status: 404 });
    expect(store.dismissals.history(['rsj'])).toEqual([]);
  });
});
