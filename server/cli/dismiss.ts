import { ConfigError } from '../../common/config-errors.js';
import { dismissalKindNames } from '../../reports/dismissals-section.js';
import type { DismissalRow } from '../store/dismissals.js';
import { Store } from '../store/store.js';
import { type DismissalField, dismissFinding, undoDismissal } from '../use-cases/dismissals.js';

/** The flag a refusal is about. */
const flags: Record<DismissalField, string> = { run: '--run', key: '--key', kind: '--kind', reason: '--reason', by: '--by', id: '--id' };

function withStore<T>(db: string, work: (store: Store) => T): T {
  const store = new Store(db, { mustExist: true });
  try {
    return work(store);
  } finally {
    store.close();
  }
}

/**
 * `govscore dismiss add`: a finding of a run dismissed as 误报 or 接受的例外, under the same rule as the web's form
 * (server/use-cases/dismissals.ts); the run and the later runs of the site are re-scored at once.
 */
export function addDismissal(input: { db: string; runId: string; key: string; kind: string; reason: string; by: string }) {
  return withStore(input.db, (store) => {
    const done = dismissFinding(store, { runId: input.runId, key: input.key, kind: input.kind, reason: input.reason, by: { name: input.by, userId: null } });
    if (!done.ok) throw new ConfigError(input.db, 1, flags[done.field], done.error, done.hint ?? '');
    return done;
  });
}

export function listDismissals(db: string, siteId?: string): DismissalRow[] {
  return withStore(db, (store) => store.dismissals.history(siteId ? [siteId] : undefined));
}

export function undoDismissalCommand(db: string, id: number, by: string): DismissalRow {
  return withStore(db, (store) => {
    const done = undoDismissal(store, { id, by: { name: by, userId: null } });
    if (!done.ok) throw new ConfigError(db, 1, flags[done.field], done.error, done.hint ?? '');
    return done.dismissal;
  });
}

/** One line per dismissal for the terminal. */
export function describeDismissal(d: DismissalRow): string {
  const basis = d.basisUrl ? `依据页面 ${d.basisUrl}` : '不依赖具体页面';
  const undone = d.undoneAt ? `  [已撤销 ${d.undoneAt}，${d.undoneBy}]` : '';
  return `#${d.id}  ${d.key}  ${dismissalKindNames[d.kind]}  ${d.by} 于 ${d.at}（评估 ${d.runId}，${basis}）：${d.reason}${undone}`;
}
