/* The audit log's entries as read back, and the filter the audit page narrows them by. */

/** An entry of the audit log: who (null: the command line or a stranger) did what to which target. */
export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  target: string;
  detail: unknown;
}

/** What the audit page narrows the log to; days (YYYY-MM-DD) are those of `at` as stored and shown (UTC). */
export interface AuditFilter {
  action?: string;
  /** An account's id, or null for the entries made without one. */
  userId?: number | null;
  from?: string;
  to?: string;
  /** Occurs in the target, ignoring case. */
  target?: string;
}

export interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  target: string;
  detail: string | null;
}

export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  userId: r.user_id,
  action: r.action,
  target: r.target,
  detail: r.detail ? JSON.parse(r.detail) : null,
});

/** The WHERE clause of a filter and its values, in order. */
export function auditWhere(f: AuditFilter): { where: string; values: Array<string | number> } {
  const clauses: string[] = [];
  const values: Array<string | number> = [];
  const add = (clause: string, ...given: Array<string | number>) => {
    clauses.push(clause);
    values.push(...given);
  };
  if (f.action !== undefined) add('action = ?', f.action);
  if (f.userId === null) add('user_id IS NULL');
  else if (f.userId !== undefined) add('user_id = ?', f.userId);
  // `at` is an ISO time: a day's entries are those from the day itself up to the next day.
  if (f.from) add('at >= ?', f.from);
  if (f.to) add("at < date(?, '+1 day')", f.to);
  if (f.target) add('instr(lower(target), lower(?)) > 0', f.target);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values };
}
