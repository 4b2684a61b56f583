import type Database from 'better-sqlite3';

import type { Override } from '../../indicators/engine.js';

export interface OverrideRow extends Override {
  id: number;
  runId: string;
  siteId: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

interface Row {
  id: number;
  run_id: string;
  site_id: string;
  indicator_id: string;
  points: number | null;
  veto: number | null;
  reason: string;
  author: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

const toOverride = (r: Row): OverrideRow => ({
  id: r.id,
  runId: r.run_id,
  siteId: r.site_id,
  indicator: r.indicator_id,
  points: r.points,
  veto: r.veto === null ? null : r.veto === 1,
  reason: r.reason,
  by: r.author,
  at: r.created_at,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

/**
 * Reviewers' overrides, kept per run and site by indicator id (not by indicator set), so they survive a
 * re-score under an edited set. The newest unrevoked override of an indicator is the one that counts;
 * older ones and revoked ones stay as history.
 */
export class OverrideTable {
  constructor(private db: Database.Database) {}

  add(
    o: { runId: string; siteId: string; indicator: string; points?: number | null; veto?: boolean | null; reason: string; by: string },
    at = new Date().toISOString(),
  ): OverrideRow {
    const veto = o.veto === undefined || o.veto === null ? null : o.veto ? 1 : 0;
    const info = this.db
      .prepare('INSERT INTO overrides (run_id, site_id, indicator_id, points, veto, reason, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(o.runId, o.siteId, o.indicator, o.points ?? null, veto, o.reason, o.by, at);
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): OverrideRow | null {
    const row = this.db.prepare('SELECT * FROM overrides WHERE id = ?').get(id) as Row | undefined;
    return row ? toOverride(row) : null;
  }

  /** Marks an override revoked (the row stays); false when there is no such unrevoked override. */
  revoke(id: number, by: string, at = new Date().toISOString()): boolean {
    return this.db.prepare('UPDATE overrides SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(at, by, id).changes === 1;
  }

  /** Every override of a run, revoked ones too, oldest first: the audit trail. */
  history(runId: string): OverrideRow[] {
    return (this.db.prepare('SELECT * FROM overrides WHERE run_id = ? ORDER BY id').all(runId) as Row[]).map(toOverride);
  }

  /** The overrides that count, per site: the newest unrevoked one of each indicator. */
  active(runId: string): Map<string, OverrideRow[]> {
    const latest = new Map<string, OverrideRow>();
    for (const o of this.history(runId)) if (!o.revokedAt) latest.set(`${o.siteId}\u0000${o.indicator}`, o);
    const bySite = new Map<string, OverrideRow[]>();
    for (const o of latest.values()) bySite.set(o.siteId, [...(bySite.get(o.siteId) ?? []), o]);
    return bySite;
  }
}
