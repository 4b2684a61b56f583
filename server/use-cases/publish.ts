import type { Store } from '../store/store.js';
import { currentSetSha256, hasChanges, pendingCorrection } from './published-version.js';
import { storedRun } from './stored-run.js';

/** Why a run cannot be published: a status (404 no such run, 409 not yet) and a message in Chinese. */
export interface PublishRefusal {
  status: 404 | 409;
  message: string;
  /** Sites holding a suspected veto (疑似否决), with the indicators awaiting a reviewer. */
  /** `searched`: what each suspicion rests on (a search that found nothing, or null for the text checks' flags). */
  suspected: Array<{ siteId: string; name: string; indicators: string[]; labels: string[]; searched: unknown[] }>;
}

/**
 * The one rule for publishing a run, from the web page, the JSON API and `govscore publish` alike: the run
 * exists, its assessment finished, and no site holds a suspected veto — a veto resting on "not found" must
 * be confirmed or cleared by a reviewer first, so that a finder's miss is never published as 不合格. It reads
 * the stored scores, which are what gets published (the web re-scores after each review; the CLI after `rescore`).
 */
export function publishRefusal(store: Store, runId: string): PublishRefusal | null {
  const view = storedRun(store, runId);
  if (!view) return { status: 404, message: '未找到该评估。', suspected: [] };
  if (!view.run.finishedAt) return { status: 409, message: '评估尚未完成，不能发布。', suspected: [] };
  const suspected = view.sites.flatMap((s) => {
    const pending = s.score?.suspectedVetoes ?? []; // absent in scores stored before suspected vetoes existed
    const label = (id: string) => `${id} ${s.score?.indicators.find((i) => i.id === id)?.name ?? ''}`.trim();
    return pending.length
      ? [
          {
            siteId: s.id,
            name: s.name,
            indicators: pending.map((v) => v.indicator),
            labels: pending.map((v) => label(v.indicator)),
            searched: pending.map((v) => v.searched ?? null),
          },
        ]
      : [];
  });
  if (!suspected.length) return null;
  const list = suspected.map((s) => `${s.name}（${s.labels.join('、')}）`).join('；');
  return { status: 409, message: `不能发布：${suspected.length} 个网站存在疑似否决项，须人工复核确认或排除后才能发布：${list}。`, suspected };
}

/** A publication made or found: the version the public now sees, and whether this call created it. */
export interface Published {
  version: number;
  created: boolean;
}

/**
 * Publishes the run unless the rule refuses: the ranking as it is scored now is frozen as version 1, and the
 * public pages show that version whatever happens later. Once published, the same call publishes a
 * correction (更正) — the next version, with `note` saying why — when the scores have changed since
 * (accepted appeal, override, re-score); it is refused without a note, and publishing unchanged scores again
 * changes nothing. Every publishing path (the 发布 button, POST /api/staff/runs/:runId/publish, `govscore
 * publish`) calls this and nothing else writes a publication; each version is audited.
 */
export function publishRun(store: Store, runId: string, userId: number, note?: string): PublishRefusal | Published {
  const refusal = publishRefusal(store, runId);
  if (refusal) return refusal;
  const view = storedRun(store, runId)!;
  const sha = currentSetSha256(store, runId);
  const pending = pendingCorrection(store, runId);
  if (!pending) {
    store.publications.addVersion({
      runId,
      version: 1,
      userId,
      note: null,
      changes: { sites: [], indicatorSet: null },
      indicatorSetSha256: sha,
      sites: view.sites,
    });
    store.reviews.audit(userId, 'publish', `run:${runId}`, { version: 1 });
    return { version: 1, created: true };
  }
  if (!hasChanges(pending.changes)) return { version: pending.latest.version, created: false };
  const reason = note?.trim() ?? '';
  if (!reason)
    return {
      status: 409,
      message: `已发布的第 ${pending.latest.version} 版与当前评分不同（${pending.changes.sites.length} 个网站有变化）：发布更正须写明更正说明。`,
      suspected: [],
    };
  const version = pending.latest.version + 1;
  store.publications.addVersion({ runId, version, userId, note: reason, changes: pending.changes, indicatorSetSha256: sha, sites: view.sites });
  store.reviews.audit(userId, 'publish-correction', `run:${runId}`, { version, note: reason, sites: pending.changes.sites.map((c) => c.siteId) });
  return { version, created: true };
}

/** True when `publishRun` refused. */
export const isRefusal = (r: PublishRefusal | Published): r is PublishRefusal => 'status' in r;

/**
 * Runs published before versions were kept have a publication and no version: their scores as stored now
 * become version 1 (the nearest to what was published; the public pages read live scores then). Called when
 * the service starts, so every published run has a frozen version before anyone reads it.
 */
export function freezeUnversionedPublications(store: Store): string[] {
  const runs = store.publications.runsWithoutVersions();
  for (const runId of runs) {
    const view = storedRun(store, runId);
    const first = store.db.prepare('SELECT published_at, published_by FROM publications WHERE run_id = ?').get(runId) as {
      published_at: string;
      published_by: number;
    };
    if (!view) continue;
    store.publications.addVersion({
      runId,
      version: 1,
      userId: first.published_by,
      note: null,
      changes: { sites: [], indicatorSet: null },
      indicatorSetSha256: currentSetSha256(store, runId),
      sites: view.sites,
      at: first.published_at,
    });
  }
  return runs;
}
