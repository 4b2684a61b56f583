import { ConfigError } from '../../common/config-errors.js';
import { loadIndicatorSet } from '../../indicators/load.js';
import type { OverrideRow } from '../store/overrides.js';
import { Store } from '../store/store.js';
import { type OverrideField, recordOverride } from '../use-cases/override.js';

export interface OverrideInput {
  db: string;
  runId: string;
  siteId: string;
  indicator: string;
  points?: number;
  veto?: boolean;
  reason: string;
  by: string;
  /** The set the indicator is checked against (default: the one the run was last scored with). */
  indicators?: string;
}

/** Opens the store and the run, or says which runs exist. */
function openRun(db: string, runId: string) {
  const store = new Store(db, { mustExist: true });
  const run = store.getRun(runId);
  if (!run) {
    const runs = store.listRuns().map((r) => r.id);
    store.close();
    throw new ConfigError(db, 1, '--run', `no run ${runId} in this store`, `runs stored: ${runs.join(', ') || 'none'}`);
  }
  return { store, run };
}

/** The flag a refusal is about, and what to type when the rule gives no list to choose from. */
const flags: Record<OverrideField, { flag: string; fix: string }> = {
  run: { flag: '--run', fix: 'see the runs of the store' },
  site: { flag: '--site', fix: '只能复核已完成评估、已评估的网站' },
  indicator: { flag: '--indicator', fix: '给出本次评估指标体系中的指标' },
  points: { flag: '--points', fix: '计分指标用 --points <分数>，否决项用 --veto yes|no' },
  veto: { flag: '--veto', fix: '否决项用 --veto yes|no，计分指标用 --points <分数>' },
  reason: { flag: '--reason', fix: '例如 --reason "链接为临时维护，已恢复"' },
  by: { flag: '--by', fix: '例如 --by 张三' },
};

/**
 * `govscore override add`: a reviewer's decision on one indicator of one site — points kept (or earned)
 * for a scored indicator, a veto set or cleared for a veto — with the reason and the reviewer's name,
 * under the same rule as the web's review form (server/use-cases/override.ts). It counts from the next
 * scoring of the run (rescore, report) on, under any set with that indicator.
 */
export function addOverride(input: OverrideInput): OverrideRow {
  const { store, run } = openRun(input.db, input.runId);
  try {
    const set = input.indicators ? loadIndicatorSet(input.indicators) : undefined;
    const recorded = recordOverride(store, {
      runId: run.id,
      siteId: input.siteId,
      indicator: input.indicator,
      points: input.points,
      veto: input.veto,
      reason: input.reason,
      by: { name: input.by, userId: null },
      set,
      rescore: false,
    });
    if (!recorded.ok) throw new ConfigError(input.db, 1, flags[recorded.field].flag, recorded.error, recorded.hint ?? flags[recorded.field].fix);
    return recorded.override;
  } finally {
    store.close();
  }
}

export function listOverrides(db: string, runId: string): OverrideRow[] {
  const { store, run } = openRun(db, runId);
  try {
    return store.overrides.history(run.id);
  } finally {
    store.close();
  }
}

export function revokeOverride(db: string, runId: string, id: number, by: string): void {
  const { store, run } = openRun(db, runId);
  try {
    const row = store.overrides.get(id);
    if (!row || row.runId !== run.id) throw new ConfigError(db, 1, '--id', `no override ${id} in run ${run.id}`, 'see `govscore override list`');
    if (!store.overrides.revoke(id, by)) throw new ConfigError(db, 1, '--id', `override ${id} was already revoked on ${row.revokedAt}`, 'nothing to do');
  } finally {
    store.close();
  }
}

/** One line per override for the terminal. */
export function describeOverride(o: OverrideRow): string {
  const decision = o.veto === null ? `${o.points} 分` : o.veto ? '否决' : '取消否决';
  const revoked = o.revokedAt ? `  [revoked ${o.revokedAt} by ${o.revokedBy}]` : '';
  return `#${o.id}  ${o.siteId}  ${o.indicator}  ${decision}  by ${o.by} at ${o.at}: ${o.reason}${revoked}`;
}
