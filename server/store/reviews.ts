import type Database from 'better-sqlite3';

import { type AuditEntry, type AuditFilter, type AuditRow, auditWhere, toAuditEntry } from './audit-log.js';

export interface Appeal {
  id: number;
  runId: string;
  siteId: string;
  indicator: string;
  text: string;
  status: 'open' | 'accepted' | 'rejected';
  createdBy: number;
  createdAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decision: string | null;
  overrideId: number | null;
  /** A file the department sent with the appeal (kept next to the store), or null. */
  attachment: AppealAttachment | null;
}

export interface AppealAttachment {
  name: string;
  type: string;
  bytes: number;
  /** Where the file is, relative to the store's folder. */
  path: string;
}

interface AppealRow {
  id: number;
  run_id: string;
  site_id: string;
  indicator_id: string;
  text: string;
  status: Appeal['status'];
  created_by: number;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision: string | null;
  override_id: number | null;
  attachment_name: string | null;
  attachment_type: string | null;
  attachment_bytes: number | null;
  attachment_path: string | null;
}

const toAppeal = (r: AppealRow): Appeal => ({
  id: r.id,
  runId: r.run_id,
  siteId: r.site_id,
  indicator: r.indicator_id,
  text: r.text,
  status: r.status,
  createdBy: r.created_by,
  createdAt: r.created_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decision: r.decision,
  overrideId: r.override_id,
  attachment: r.attachment_path
    ? { name: r.attachment_name ?? '', type: r.attachment_type ?? 'application/octet-stream', bytes: r.attachment_bytes ?? 0, path: r.attachment_path }
    : null,
});

const now = () => new Date().toISOString();

/** Departments' appeals (申诉) and the audit log: what people did, not what was measured. */
export class ReviewTable {
  constructor(private db: Database.Database) {}

  appeal(a: { runId: string; siteId: string; indicator: string; text: string; userId: number; attachment?: AppealAttachment | null }): Appeal {
    const f = a.attachment ?? null;
    const info = this.db
      .prepare(
        'INSERT INTO appeals (run_id, site_id, indicator_id, text, created_by, created_at, attachment_name, attachment_type, attachment_bytes, attachment_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(a.runId, a.siteId, a.indicator, a.text, a.userId, now(), f?.name ?? null, f?.type ?? null, f?.bytes ?? null, f?.path ?? null);
    return this.getAppeal(Number(info.lastInsertRowid))!;
  }

  getAppeal(id: number): Appeal | null {
    const row = this.db.prepare('SELECT * FROM appeals WHERE id = ?').get(id) as AppealRow | undefined;
    return row ? toAppeal(row) : null;
  }

  /** Appeals of a run, optionally only those of some sites (a department's). */
  appeals(runId: string, sites?: string[]): Appeal[] {
    const rows = (this.db.prepare('SELECT * FROM appeals WHERE run_id = ? ORDER BY id').all(runId) as AppealRow[]).map(toAppeal);
    return sites ? rows.filter((a) => sites.includes(a.siteId)) : rows;
  }

  /** Records a decision on an open appeal; false when it was already decided. */
  decide(id: number, d: { status: 'accepted' | 'rejected'; userId: number; decision: string; overrideId?: number | null }): boolean {
    return (
      this.db
        .prepare("UPDATE appeals SET status = ?, decided_by = ?, decided_at = ?, decision = ?, override_id = ? WHERE id = ? AND status = 'open'")
        .run(d.status, d.userId, now(), d.decision, d.overrideId ?? null, id).changes === 1
    );
  }

  audit(userId: number | null, action: string, target: string, detail?: unknown): void {
    this.db
      .prepare('INSERT INTO audit_log (at, user_id, action, target, detail) VALUES (?, ?, ?, ?, ?)')
      .run(now(), userId, action, target, detail === undefined ? null : JSON.stringify(detail));
  }

  /** One page of the audit log as a filter narrows it, newest first (by id: a stable order for paging). */
  auditPage(filter: AuditFilter, page: { limit: number; offset: number }): AuditEntry[] {
    const { where, values } = auditWhere(filter);
    const rows = this.db.prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...values, page.limit, page.offset) as AuditRow[];
    return rows.map(toAuditEntry);
  }

  /** How many entries the filter keeps, for the pager. */
  auditCount(filter: AuditFilter): number {
    const { where, values } = auditWhere(filter);
    return this.db
      .prepare(`SELECT count(*) FROM audit_log ${where}`)
      .pluck()
      .get(...values) as number;
  }

  /** The actions the log holds, for the filter's choices. */
  auditActions(): string[] {
    return this.db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[];
  }

  auditTrail(target?: string): AuditEntry[] {
    const rows = (
      target
        ? this.db.prepare('SELECT * FROM audit_log WHERE target = ? ORDER BY id').all(target)
        : this.db.prepare('SELECT * FROM audit_log ORDER BY id').all()
    ) as AuditRow[];
    return rows.map(toAuditEntry);
  }
}
