import { ruleMax } from '../../indicators/rules.js';
import { loadIndicatorSet } from '../../indicators/load.js';
import { ConfigError } from '../../common/config-errors.js';
import { Store } from '../store/store.js';
import type { OverrideRow } from '../store/overrides.js';

export interface OverrideInput {
  db: string;
  runId: string;
  siteId: string;
  indicator: string;
  points?: number;
  veto?: boolean;
  reason: string;
  by: string;
  /** The set the indicator is checked against (default: the one the run was assessed with). */
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

/**
 * `govscore override add`: a reviewer's decision on one indicator of one site — points kept (or earned)
 * for a scored indicator, a veto set or cleared for a veto — with the reason and the reviewer's name.
 * It counts from the next scoring of the run (rescore, report) on, under any set with that indicator.
 */
export function addOverride(input: OverrideInput): OverrideRow {
  const { store, run } = openRun(input.db, input.runId);
  try {
    const site = store.runSites(run.id).find((s) => s.siteId === input.siteId);
    if (!site) throw new ConfigError(input.db, 1, '--site', `no site ${input.siteId} in run ${run.id}`, `sites of the run: ${store.runSites(run.id).map((s) => s.siteId).join(', ')}`);
    const set = loadIndicatorSet(input.indicators ?? run.indicators);
    const indicator = set.indicators.find((i) => i.id === input.indicator);
    if (!indicator) throw new ConfigError(set.file, 1, '--indicator', `no indicator ${input.indicator} in ${set.id}`, `indicators: ${set.indicators.map((i) => i.id).join(', ')}`);
    if (!input.reason.trim()) throw new ConfigError(input.db, 1, '--reason', 'an override needs a reason', 'say why, e.g. --reason "链接为临时维护，已恢复"');
    if (!input.by.trim()) throw new ConfigError(input.db, 1, '--by', 'an override needs the reviewer', 'give the reviewer, e.g. --by 张三');
    if (indicator.rule.type === 'veto') {
      if (input.veto === undefined || input.points !== undefined) throw new ConfigError(set.file, 1, '--veto', `${indicator.id} is a veto indicator`, 'give --veto yes or --veto no, not --points');
    } else {
      const max = ruleMax(indicator.rule);
      if (input.points === undefined || input.veto !== undefined) throw new ConfigError(set.file, 1, '--points', `${indicator.id} is a scored indicator`, `give --points between 0 and ${max ?? 'its points'}, not --veto`);
      if (input.points < 0 || (max !== null && input.points > max)) throw new ConfigError(set.file, 1, '--points', `${input.points} is outside 0..${max}`, `${indicator.id} gives at most ${max} points`);
    }
    return store.overrides.add({ runId: run.id, siteId: site.siteId, indicator: indicator.id, points: input.points ?? null, veto: input.veto ?? null, reason: input.reason.trim(), by: input.by.trim() });
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
