import type { Store } from '../store/store.js';
import { storedRun } from './stored-run.js';

/** Why a run cannot be published: a status (404 no such run, 409 not yet) and a message in Chinese. */
export interface PublishRefusal {
  status: 404 | 409;
  message: string;
  /** Sites holding a suspected veto (疑似否决), with the indicators awaiting a reviewer. */
  suspected: Array<{ siteId: string; name: string; indicators: string[]; labels: string[] }>;
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
    return pending.length ? [{ siteId: s.id, name: s.name, indicators: pending.map((v) => v.indicator), labels: pending.map((v) => label(v.indicator)) }] : [];
  });
  if (!suspected.length) return null;
  const list = suspected.map((s) => `${s.name}（${s.labels.join('、')}）`).join('；');
  return { status: 409, message: `不能发布：${suspected.length} 个网站存在疑似否决项，须人工复核确认或排除后才能发布：${list}。`, suspected };
}

/**
 * Publishes the run unless the rule refuses (publishing twice is harmless); the publication is audited.
 * Every publishing path (the 发布 button, POST /api/staff/runs/:runId/publish, `govscore publish`) calls
 * this and nothing else writes a publication.
 */
export function publishRun(store: Store, runId: string, userId: number): PublishRefusal | null {
  const refusal = publishRefusal(store, runId);
  if (refusal) return refusal;
  if (!store.reviews.isPublished(runId)) {
    store.reviews.publish(runId, userId);
    store.reviews.audit(userId, 'publish', `run:${runId}`);
  }
  return null;
}
