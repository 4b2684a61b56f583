import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { Store } from '../store/store.js';

/**
 * Retention (issue 23 item 5): how long a store keeps what the crawls collected. A run's observations (the
 * observations, pages and crawl-journal rows: what a re-score reads) go after `observationsYears`, its evidence
 * folder (screenshots, page texts) after `evidenceMonths`, and the monitor's probes after `observationsYears`.
 * A published run is never touched: its published versions, and the observations and evidence they rest on, are
 * kept forever. Scores, overrides, dismissals, appeals and the audit log are kept: they are the record of the decisions.
 */
export interface RetentionPolicy {
  observationsYears: number;
  evidenceMonths: number;
}

export const defaultRetention: RetentionPolicy = { observationsYears: 3, evidenceMonths: 12 };

export interface RetentionReport {
  /** When the policy was applied (the clock given: tests simulate it). */
  at: string;
  policy: RetentionPolicy;
  dryRun: boolean;
  /** Runs whose observations were purged: rows and the bytes of their JSON. */
  observations: Array<{ runId: string; rows: number; bytes: number }>;
  /** Runs whose evidence folder was purged: files and bytes. */
  evidence: Array<{ runId: string; files: number; bytes: number }>;
  probes: { rows: number; bytes: number };
  /** Runs old enough to purge but kept because a version of them was published. */
  keptPublished: string[];
}

/** `now` minus whole years or months, in UTC (29 February less a year is 1 March). */
export function before(now: Date, amount: { years?: number; months?: number }): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - (amount.years ?? 0), d.getUTCMonth() - (amount.months ?? 0));
  return d.toISOString();
}

/** Every file under a folder: how many and their bytes. */
function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** Refuses a policy that would purge what was just collected (zero, negative, not a whole number). */
export function checkPolicy(p: RetentionPolicy): string | null {
  for (const [name, value] of [
    ['observationsYears', p.observationsYears],
    ['evidenceMonths', p.evidenceMonths],
  ] as const)
    if (!Number.isInteger(value) || value < 1) return `${name}: 保留期限须为不小于 1 的整数，不是 ${value}`;
  return null;
}

/**
 * Applies the policy to the store (or, `dryRun`, says what it would purge) and audits it. A run's age is the time
 * its crawl began (`runs.created_at`); a run not finished is never touched.
 */
export function applyRetention(store: Store, policy: RetentionPolicy, options: { now?: Date; dryRun?: boolean } = {}): RetentionReport {
  const problem = checkPolicy(policy);
  if (problem) throw new Error(problem);
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const observationsBefore = before(now, { years: policy.observationsYears });
  const evidenceBefore = before(now, { months: policy.evidenceMonths });
  const published = new Set(store.db.prepare('SELECT run_id FROM published_versions UNION SELECT run_id FROM publications').pluck().all() as string[]);
  const old = (cutoff: string) => store.listRuns().filter((r) => r.finishedAt && r.createdAt < cutoff);
  const report: RetentionReport = { at: now.toISOString(), policy, dryRun, observations: [], evidence: [], probes: { rows: 0, bytes: 0 }, keptPublished: [] };
  const kept = new Set<string>();

  const tables = ['observations', 'pages', 'crawl_journal'] as const;
  for (const run of old(observationsBefore)) {
    if (published.has(run.id)) {
      kept.add(run.id);
      continue;
    }
    let rows = 0;
    let bytes = 0;
    for (const table of tables) {
      const size = store.db
        .prepare(
          `SELECT count(*) AS rows, coalesce(sum(length(CAST(${table === 'pages' ? "url || coalesce(hash, '')" : 'json'} AS BLOB))), 0) AS bytes FROM ${table} WHERE run_id = ?`,
        )
        .get(run.id) as { rows: number; bytes: number };
      rows += size.rows;
      bytes += size.bytes;
    }
    if (!rows) continue;
    report.observations.push({ runId: run.id, rows, bytes });
    if (!dryRun)
      store.db.transaction(() => {
        for (const table of tables) store.db.prepare(`DELETE FROM ${table} WHERE run_id = ?`).run(run.id);
        store.setRunOption(run.id, 'observationsPurgedAt', report.at);
      })();
  }

  const evidenceRoot = store.files.file === ':memory:' ? null : join(dirname(store.files.file), 'evidence');
  if (evidenceRoot)
    for (const run of old(evidenceBefore)) {
      if (published.has(run.id)) {
        kept.add(run.id);
        continue;
      }
      const dir = join(evidenceRoot, run.id);
      if (!existsSync(dir)) continue;
      const size = folderSize(dir);
      report.evidence.push({ runId: run.id, ...size });
      if (!dryRun) {
        rmSync(dir, { recursive: true, force: true });
        store.setRunOption(run.id, 'evidencePurgedAt', report.at);
      }
    }

  const probes = store.db
    .prepare("SELECT count(*) AS rows, coalesce(sum(length(CAST(url || at || coalesce(failure, '') AS BLOB)) + 16), 0) AS bytes FROM probes WHERE at < ?")
    .get(observationsBefore) as { rows: number; bytes: number };
  report.probes = probes;
  if (!dryRun && probes.rows) store.db.prepare('DELETE FROM probes WHERE at < ?').run(observationsBefore);

  report.keptPublished = [...kept];
  store.reviews.audit(null, dryRun ? 'retention-dry-run' : 'retention-applied', 'store', summary(report));
  return report;
}

/** The report's totals, for the audit log and the terminal. */
export function summary(r: RetentionReport) {
  const sum = (list: Array<{ bytes: number }>) => list.reduce((s, x) => s + x.bytes, 0);
  return {
    policy: r.policy,
    observations: { runs: r.observations.length, rows: r.observations.reduce((s, x) => s + x.rows, 0), bytes: sum(r.observations) },
    evidence: { runs: r.evidence.length, files: r.evidence.reduce((s, x) => s + x.files, 0), bytes: sum(r.evidence) },
    probes: r.probes,
    keptPublished: r.keptPublished,
  };
}
