import type Database from 'better-sqlite3';

import type { FindingDismissal } from '../../indicators/engine.js';

/** 误报 (the finding is wrong) or 接受的例外 (right, but the office accepts it). */
export type DismissalKind = FindingDismissal['kind'];

export const dismissalKinds: readonly DismissalKind[] = ['false-positive', 'exception'];

export interface DismissalRow {
  id: number;
  siteId: string;
  /** `site/indicator/subject` (reports/finding-key.ts). */
  key: string;
  kind: DismissalKind;
  reason: string;
  /** The run the finding was dismissed in. */
  runId: string;
  /** The page the finding rests on and its content hash then; null when the finding names no page read. */
  basisUrl: string | null;
  basisHash: string | null;
  by: string;
  userId: number | null;
  at: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

interface Row {
  id: number;
  site_id: string;
  finding_key: string;
  kind: DismissalKind;
  reason: string;
  run_id: string;
  basis_url: string | null;
  basis_hash: string | null;
  author: string;
  user_id: number | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}

const toDismissal = (r: Row): DismissalRow => ({
  id: r.id,
  siteId: r.site_id,
  key: r.finding_key,
  kind: r.kind,
  reason: r.reason,
  runId: r.run_id,
  basisUrl: r.basis_url,
  basisHash: r.basis_hash,
  by: r.author,
  userId: r.user_id,
  at: r.created_at,
  undoneAt: r.undone_at,
  undoneBy: r.undone_by,
});

/**
 * Reviewers' dismissals of findings, kept by site and finding key, not by run: a dismissal made in one run
 * holds in every later run of the site while the page it rests on is unchanged (server/use-cases/dismissals.ts
 * decides that). The newest dismissal of a key not undone is the one that counts; the rest is history.
 */
export class DismissalTable {
  constructor(private db: Database.Database) {}

  add(d: Omit<DismissalRow, 'id' | 'at' | 'undoneAt' | 'undoneBy'>, at = new Date().toISOString()): DismissalRow {
    const info = this.db
      .prepare(
        'INSERT INTO dismissals (site_id, finding_key, kind, reason, run_id, basis_url, basis_hash, author, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(d.siteId, d.key, d.kind, d.reason, d.runId, d.basisUrl, d.basisHash, d.by, d.userId, at);
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): DismissalRow | null {
    const row = this.db.prepare('SELECT * FROM dismissals WHERE id = ?').get(id) as Row | undefined;
    return row ? toDismissal(row) : null;
  }

  /** Marks a dismissal undone (the row stays); false when there is no such dismissal still in force. */
  undo(id: number, by: string, at = new Date().toISOString()): boolean {
    return this.db.prepare('UPDATE dismissals SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL').run(at, by, id).changes === 1;
  }

  /** Every dismissal of these sites (all sites when not given), undone ones too, oldest first. */
  history(siteIds?: readonly string[]): DismissalRow[] {
    if (siteIds && !siteIds.length) return [];
    const rows = siteIds
      ? (this.db.prepare(`SELECT * FROM dismissals WHERE site_id IN (${siteIds.map(() => '?').join(', ')}) ORDER BY id`).all(...siteIds) as Row[])
      : (this.db.prepare('SELECT * FROM dismissals ORDER BY id').all() as Row[]);
    return rows.map(toDismissal);
  }

  /** The dismissals in force of one site by finding key: the newest not undone of each key. */
  active(siteId: string): Map<string, DismissalRow> {
    const out = new Map<string, DismissalRow>();
    for (const d of this.history([siteId])) if (!d.undoneAt) out.set(d.key, d);
    return out;
  }
}
