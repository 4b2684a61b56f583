import type Database from 'better-sqlite3';

import type { FindingMark, RecheckResults } from '../../reports/recheck.js';

/** The run option that marks a run as a re-check's collection (not a campaign), naming the run re-checked. */
export const recheckOfOption = 'recheckOf';

export interface RecheckRow {
  recheckRunId: string;
  runId: string;
  deadline: string | null;
  checkedAt: string;
  result: RecheckResults;
}

export interface FindingMarkRow extends FindingMark {
  runId: string;
  siteId: string;
  key: string;
  by: number | null;
}

const toRecheck = (r: { recheck_run_id: string; run_id: string; deadline: string | null; checked_at: string; result_json: string }): RecheckRow => ({
  recheckRunId: r.recheck_run_id,
  runId: r.run_id,
  deadline: r.deadline,
  checkedAt: r.checked_at,
  result: JSON.parse(r.result_json) as RecheckResults,
});

/**
 * Re-checks (整改复核) of runs' findings, and the departments' marks that a finding is fixed. A mark belongs to
 * the run whose finding it is; marking it again replaces the note (the latest word counts).
 */
export class RecheckTable {
  constructor(private db: Database.Database) {}

  save(r: RecheckResults): void {
    this.db
      .prepare('INSERT OR REPLACE INTO rechecks (recheck_run_id, run_id, deadline, checked_at, result_json) VALUES (?, ?, ?, ?, ?)')
      .run(r.recheckRunId, r.runId, r.deadline, r.checkedAt, JSON.stringify(r));
  }

  /** The re-checks of a run, newest first. */
  ofRun(runId: string): RecheckRow[] {
    return (
      this.db.prepare('SELECT * FROM rechecks WHERE run_id = ? ORDER BY checked_at DESC, recheck_run_id DESC').all(runId) as Parameters<typeof toRecheck>[0][]
    ).map(toRecheck);
  }

  /** Whether a run holds re-collected observations of a re-check (not a campaign of its own). */
  isRecheckRun(runId: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM rechecks WHERE recheck_run_id = ?').get(runId);
  }

  mark(m: { runId: string; siteId: string; key: string; note: string; by: number | null }, at = new Date().toISOString()): void {
    this.db
      .prepare('INSERT OR REPLACE INTO finding_marks (run_id, site_id, finding_key, note, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(m.runId, m.siteId, m.key, m.note, m.by, at);
  }

  /** The marks of a run (of one site when given), by finding key. */
  marks(runId: string, siteId?: string): Map<string, FindingMarkRow> {
    const rows = (
      siteId
        ? this.db.prepare('SELECT * FROM finding_marks WHERE run_id = ? AND site_id = ?').all(runId, siteId)
        : this.db.prepare('SELECT * FROM finding_marks WHERE run_id = ?').all(runId)
    ) as Array<{ run_id: string; site_id: string; finding_key: string; note: string; marked_by: number | null; marked_at: string }>;
    return new Map(
      rows.map((r) => [r.finding_key, { runId: r.run_id, siteId: r.site_id, key: r.finding_key, note: r.note, at: r.marked_at, by: r.marked_by }]),
    );
  }
}
