import { findingKey } from '../../reports/finding-key.js';
import { type DismissalKind, dismissalKinds, type DismissalRow } from '../store/dismissals.js';
import type { Store } from '../store/store.js';
import { basisOf, pageHashes, speaksFor } from './dismissal-basis.js';
import { runsStoredZh } from './run-set.js';
import { rescoreStored, storedRun } from './stored-run.js';

/**
 * Dismissals that last (issue 23 item 3). A reviewer dismisses one finding of a run as 误报 or 接受的例外; the
 * dismissal is kept by the finding's key with the content hash of the page the finding rests on (its address,
 * when the run read that page), and holds in that run and every later run of the site while that page reads
 * the same. When it changed, or was not read, the finding counts again and is shown as 曾被驳回. A finding that
 * names no page read (a link's target, a rule across pages, a fact of the site) rests on its key alone.
 */

export type DismissalField = 'run' | 'key' | 'kind' | 'reason' | 'by' | 'id';

export interface DismissalRefusal {
  ok: false;
  status: 400 | 404;
  field: DismissalField;
  /** One sentence in Chinese. */
  error: string;
  hint?: string;
}

export interface DismissalRequest {
  runId: string;
  /** The finding's key (`site/indicator/subject`), as results.json and the reports give it. */
  key: string;
  kind: string;
  reason: string;
  by: { name: string; userId: number | null };
  /** Only these sites may be touched (a department's own); all when not given. */
  sites?: ReadonlySet<string>;
}

export type DismissalResult = { ok: true; dismissal: DismissalRow; before: number | null; after: number | null } | DismissalRefusal;

const refuse = (field: DismissalField, error: string, hint?: string, status: 400 | 404 = 400): DismissalRefusal => ({
  ok: false,
  status,
  field,
  error,
  ...(hint ? { hint } : {}),
});

/** Where a finding of a run is, by key, in its stored scores (found or dismissed: both may be dismissed anew). */
function findStored(store: Store, runId: string, key: string) {
  const run = storedRun(store, runId);
  for (const site of run?.sites ?? [])
    for (const indicator of site.score?.indicators ?? [])
      for (const finding of [...indicator.findings, ...(indicator.dismissed ?? [])])
        if (findingKey(site.id, indicator.id, finding) === key) return { site, indicator, finding };
  return null;
}

/**
 * Records a dismissal after checking it: the run is finished, the key is a finding of it (of an allowed site),
 * the kind is known and the reason says why (at least 2 characters). A dismissal of the same key still in force is
 * undone first (one in force per key). Audited, and the run is re-scored at once.
 */
export function dismissFinding(store: Store, request: DismissalRequest): DismissalResult {
  const run = store.getRun(request.runId);
  if (!run) return refuse('run', `未找到评估 ${request.runId}。`, runsStoredZh(store), 404);
  if (!run.finishedAt) return refuse('run', '只能驳回已完成评估中的问题。');
  const siteId = request.key.split('/')[0] ?? '';
  if (request.sites && !request.sites.has(siteId)) return refuse('key', `评估 ${run.id} 中没有问题 ${request.key}。`, undefined, 404);
  const found = findStored(store, run.id, request.key);
  if (!found) return refuse('key', `评估 ${run.id} 中没有问题 ${request.key}。`, '问题标识见报告、results.json 或 XLSX 的“问题标识”列', 404);
  // The search that found nothing stands for a suspected veto: a reviewer decides it (人工复核), it is not a finding to hide.
  if (found.finding.subject === 'not-found')
    return refuse('key', '“未找到”的否决项不能驳回，请在人工复核中确认否决或排除。', `指标 ${found.indicator.id}：用人工复核（override）`);
  if (!dismissalKinds.includes(request.kind as DismissalKind))
    return refuse('kind', `驳回类型应为 false-positive（误报）或 exception（接受的例外），不是 ${request.kind}。`);
  const reason = request.reason.trim();
  if (reason.length < 2) return refuse('reason', '请说明驳回理由（至少2个字）。');
  const name = request.by.name.trim();
  if (!name) return refuse('by', '请给出驳回人。');
  const before = found.site.score?.score ?? null;
  const basis = basisOf(pageHashes(store, run.id, siteId), found.finding);
  const previous = store.dismissals.active(siteId).get(request.key);
  const dismissal = store.db.transaction(() => {
    if (previous) store.dismissals.undo(previous.id, name);
    return store.dismissals.add({
      siteId,
      key: request.key,
      kind: request.kind as DismissalKind,
      reason,
      runId: run.id,
      basisUrl: basis.url,
      basisHash: basis.hash,
      by: name,
      userId: request.by.userId,
    });
  })();
  store.reviews.audit(request.by.userId, 'finding-dismissed', `run:${run.id}`, {
    dismissal: dismissal.id,
    site: siteId,
    key: request.key,
    kind: dismissal.kind,
    reason,
    by: name,
    ...(previous ? { replaces: previous.id } : {}),
  });
  rescoreSpoken(store, run.id, siteId);
  return { ok: true, dismissal, before, after: findStored(store, run.id, request.key)?.site.score?.score ?? null };
}

/**
 * Undoes a dismissal (its row stays, with who and when): the finding counts again from the next scoring on. The run
 * it was made in is re-scored at once. `sites`: only a dismissal of these sites may be undone.
 */
export function undoDismissal(
  store: Store,
  request: { id: number; by: { name: string; userId: number | null }; sites?: ReadonlySet<string> },
): { ok: true; dismissal: DismissalRow } | DismissalRefusal {
  const row = store.dismissals.get(request.id);
  if (!row || (request.sites && !request.sites.has(row.siteId))) return refuse('id', `没有驳回记录 #${request.id}。`, '见 govscore dismiss list', 404);
  const name = request.by.name.trim();
  if (!name) return refuse('by', '请给出撤销人。');
  if (!store.dismissals.undo(row.id, name)) return refuse('id', `驳回记录 #${row.id} 已于 ${row.undoneAt} 撤销。`);
  store.reviews.audit(request.by.userId, 'dismissal-undone', `run:${row.runId}`, { dismissal: row.id, site: row.siteId, key: row.key, by: name });
  rescoreSpoken(store, row.runId, row.siteId);
  return { ok: true, dismissal: store.dismissals.get(row.id)! };
}

/** Re-scores the run a dismissal was made in and every later finished run of the site already scored: their stored scores show it. */
function rescoreSpoken(store: Store, runId: string, siteId: string): void {
  const made = store.getRun(runId);
  for (const run of store.listRuns())
    if (
      run.finishedAt &&
      !run.options?.['observationsPurgedAt'] &&
      speaksFor(made, run) &&
      store.scoresOf(run.id).length &&
      store.runSites(run.id).some((s) => s.siteId === siteId)
    )
      rescoreStored(store, run.id);
}
