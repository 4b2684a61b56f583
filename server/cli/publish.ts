import { UsageError } from '../../common/usage-error.js';
import { Store } from '../store/store.js';
import { freezeUnversionedPublications, isRefusal, type PublishRefusal, publishRun } from '../use-cases/publish.js';

/** Publishing refused by the rule (unfinished run, suspected vetoes awaiting review): exit code 3, apart from bad input's 2. */
export class PublishRefused extends Error {
  constructor(readonly refusal: PublishRefusal) {
    super(refusal.message);
  }
}

/**
 * `govscore publish`: makes a run's ranking public as a frozen version, under the same rule as the web
 * service's 发布 button (server/use-cases/publish.ts). A site with a suspected veto must be decided first:
 * `govscore override add … --veto yes|no`, then `govscore rescore`. Once published, scores changed since
 * are published as a correction (更正) with `--correction "why"`.
 */
export function publish(o: { db: string; runId: string; by: string; correction?: string }): string {
  const store = new Store(o.db, { mustExist: true });
  try {
    const user = store.db.prepare("SELECT id FROM users WHERE login = ? AND role IN ('evaluator', 'admin')").get(o.by) as { id: number } | undefined;
    if (!user) throw new UsageError(`--by ${o.by}: no evaluator or admin account of that login in ${o.db} (add one with govscore users add)`);
    freezeUnversionedPublications(store);
    const outcome = publishRun(store, o.runId, user.id, o.correction);
    if (isRefusal(outcome)) throw new PublishRefused(outcome);
    if (!outcome.created) return `run ${o.runId}: its scores equal published version ${outcome.version}; nothing to publish`;
    return outcome.version === 1
      ? `run ${o.runId} published as version 1: the public pages show its ranking`
      : `run ${o.runId}: correction published as version ${outcome.version}; the public pages show it and list the versions`;
  } finally {
    store.close();
  }
}

/** What to do about a refusal, for the terminal. */
export function refusalHelp(e: PublishRefused, db: string, runId: string): string {
  if (e.refusal.status === 409 && e.message.includes('更正说明'))
    return `${e.message}\n发布更正：govscore publish --db ${db} --run ${runId} --by <登录名> --correction "更正说明"`;
  if (!e.refusal.suspected.length) return e.message;
  const site = e.refusal.suspected[0]!;
  return `${e.message}\n复核每一项：govscore override add --db ${db} --run ${runId} --site ${site.siteId} --indicator ${site.indicators[0]} --veto yes|no --reason "…" --by 复核人\n然后重新评分：govscore rescore --db ${db} --run ${runId} --indicators <指标体系>`;
}
