import type Database from 'better-sqlite3';

import type { EarlyWarning, WarningKind } from '../../evaluators/early-warnings.js';

/** An early warning as kept: one episode (a site, what it is about, the window's last day) from the check that first found it. */
export interface StoredWarning {
  id: number;
  siteId: string;
  siteName: string;
  kind: WarningKind;
  indicator: string;
  subject: string;
  name: string;
  /** The window's last day; null where no date decides it. */
  due: string | null;
  daysLeft: number | null;
  message: string;
  firstAsOf: string;
  lastAsOf: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** The first check that no longer found it; null while it holds. */
  closedAsOf: string | null;
}

export interface WarningDelivery {
  warningId: number;
  channel: 'webhook' | 'email';
  target: string;
  state: 'sent' | 'failed';
  attempts: number;
  error: string | null;
  at: string;
}

interface WarningRow {
  id: number;
  site_id: string;
  site_name: string;
  kind: WarningKind;
  indicator: string;
  subject: string;
  name: string;
  due: string;
  days_left: number | null;
  message: string;
  first_as_of: string;
  last_as_of: string;
  first_seen_at: string;
  last_seen_at: string;
  closed_as_of: string | null;
}

const toWarning = (r: WarningRow): StoredWarning => ({
  id: r.id,
  siteId: r.site_id,
  siteName: r.site_name,
  kind: r.kind,
  indicator: r.indicator,
  subject: r.subject,
  name: r.name,
  due: r.due || null,
  daysLeft: r.days_left,
  message: r.message,
  firstAsOf: r.first_as_of,
  lastAsOf: r.last_as_of,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  closedAsOf: r.closed_as_of,
});

/** What one check of a site changed: warnings found for the first time, those still holding, those gone. */
export interface CheckOutcome {
  fresh: StoredWarning[];
  continuing: StoredWarning[];
  closed: number;
}

/**
 * The early warnings (migration 14). A warning is the same one from check to check while its site, kind, subject
 * and window's last day stay the same: a daily check updates its days left and does not make it new, so it is
 * delivered once. A column that gets an item moves its window: the old warning closes and a later one is new.
 */
export class WarningTable {
  constructor(private readonly db: Database.Database) {}

  /**
   * Records one check of a site on `asOf`: the warnings it found, and closes the open ones it did not find that it
   * could judge (`judged`: a check that could not read the site, or a column, says nothing of what it did not read).
   */
  recordCheck(
    site: { id: string; name: string },
    found: EarlyWarning[],
    asOf: string,
    judged: (open: StoredWarning) => boolean = () => true,
    at = new Date().toISOString(),
  ): CheckOutcome {
    return this.db.transaction(() => {
      const open = (this.db.prepare('SELECT * FROM early_warnings WHERE site_id = ? AND closed_as_of IS NULL').all(site.id) as WarningRow[]).map(toWarning);
      const identity = (w: { kind: string; subject: string; due: string | null }) => `${w.kind}\n${w.subject}\n${w.due ?? ''}`;
      const openBy = new Map(open.map((w) => [identity(w), w]));
      const fresh: StoredWarning[] = [];
      const continuing: StoredWarning[] = [];
      const seen = new Set<number>();
      for (const w of found) {
        const existing = openBy.get(identity(w));
        if (existing) {
          if (seen.has(existing.id)) continue;
          seen.add(existing.id);
          this.db
            .prepare('UPDATE early_warnings SET days_left = ?, message = ?, name = ?, site_name = ?, last_as_of = ?, last_seen_at = ? WHERE id = ?')
            .run(w.daysLeft, w.message, w.name, site.name, asOf, at, existing.id);
          continuing.push(this.get(existing.id)!);
          continue;
        }
        const id = Number(
          this.db
            .prepare(
              `INSERT INTO early_warnings (site_id, site_name, kind, indicator, subject, name, due, days_left, message, first_as_of, last_as_of, first_seen_at, last_seen_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(site.id, site.name, w.kind, w.indicator, w.subject, w.name, w.due ?? '', w.daysLeft, w.message, asOf, asOf, at, at).lastInsertRowid,
        );
        seen.add(id);
        openBy.set(identity(w), this.get(id)!);
        fresh.push(this.get(id)!);
      }
      const gone = open.filter((w) => !seen.has(w.id) && judged(w));
      for (const w of gone) this.db.prepare('UPDATE early_warnings SET closed_as_of = ? WHERE id = ?').run(asOf, w.id);
      return { fresh, continuing, closed: gone.length };
    })();
  }

  get(id: number): StoredWarning | null {
    const row = this.db.prepare('SELECT * FROM early_warnings WHERE id = ?').get(id) as WarningRow | undefined;
    return row ? toWarning(row) : null;
  }

  /** The open warnings of these sites not yet delivered to `target` on `channel` (new ones, and those whose delivery failed). */
  undelivered(siteIds: readonly string[], channel: WarningDelivery['channel'], target: string): StoredWarning[] {
    if (!siteIds.length) return [];
    const rows = this.db
      .prepare(
        `SELECT w.* FROM early_warnings w
         WHERE w.closed_as_of IS NULL AND w.site_id IN (${siteIds.map(() => '?').join(',')})
           AND NOT EXISTS (SELECT 1 FROM early_warning_deliveries d WHERE d.warning_id = w.id AND d.channel = ? AND d.target = ? AND d.state = 'sent')
         ORDER BY w.days_left IS NOT NULL, w.days_left, w.id`,
      )
      .all(...siteIds, channel, target) as WarningRow[];
    return rows.map(toWarning);
  }

  recordDelivery(delivery: WarningDelivery): void {
    this.db
      .prepare(
        `INSERT INTO early_warning_deliveries (warning_id, channel, target, state, attempts, error, at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (warning_id, channel, target) DO UPDATE SET state = excluded.state, attempts = attempts + excluded.attempts, error = excluded.error, at = excluded.at`,
      )
      .run(delivery.warningId, delivery.channel, delivery.target, delivery.state, delivery.attempts, delivery.error, delivery.at);
  }

  deliveries(warningId: number): WarningDelivery[] {
    const rows = this.db.prepare('SELECT * FROM early_warning_deliveries WHERE warning_id = ? ORDER BY channel, target').all(warningId) as Array<{
      warning_id: number;
      channel: WarningDelivery['channel'];
      target: string;
      state: WarningDelivery['state'];
      attempts: number;
      error: string | null;
      at: string;
    }>;
    return rows.map((r) => ({ warningId: r.warning_id, channel: r.channel, target: r.target, state: r.state, attempts: r.attempts, error: r.error, at: r.at }));
  }

  /** The warnings of these sites, open ones first (most urgent first), then the closed ones, newest first; at most `limit`. */
  forSites(siteIds: readonly string[], limit = 200): StoredWarning[] {
    if (!siteIds.length) return [];
    const rows = this.db
      .prepare(
        `SELECT * FROM early_warnings WHERE site_id IN (${siteIds.map(() => '?').join(',')})
         ORDER BY closed_as_of IS NOT NULL, days_left IS NOT NULL, days_left, last_as_of DESC, id DESC LIMIT ?`,
      )
      .all(...siteIds, limit) as WarningRow[];
    return rows.map(toWarning);
  }
}
