import type Database from 'better-sqlite3';

/**
 * One published version of a run's ranking as stored. `sites` and `changes` are kept as the JSON the
 * publishing use case wrote (server/use-cases/published-version.ts gives them their types): the store
 * keeps them whole and never rewrites them.
 */
export interface StoredVersion {
  runId: string;
  version: number;
  publishedAt: string;
  publishedBy: number;
  /** The display name of who published it, for the public list of versions. */
  publisherName: string;
  note: string | null;
  changes: unknown;
  indicatorSetSha256: string | null;
  sites: unknown;
}

interface VersionRow {
  run_id: string;
  version: number;
  published_at: string;
  published_by: number;
  publisher_name: string | null;
  note: string | null;
  changes_json: string;
  indicator_set_sha256: string | null;
  sites_json: string;
}

const toVersion = (r: VersionRow): StoredVersion => ({
  runId: r.run_id,
  version: r.version,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  publisherName: r.publisher_name ?? '',
  note: r.note,
  changes: JSON.parse(r.changes_json),
  indicatorSetSha256: r.indicator_set_sha256,
  sites: JSON.parse(r.sites_json),
});

const selectVersions = 'SELECT v.*, u.name AS publisher_name FROM published_versions v LEFT JOIN users u ON u.id = v.published_by WHERE v.run_id = ?';

/**
 * Published runs and their frozen versions. A run is published from its first version on; each correction
 * (更正) adds the next version. The `publications` row records the first publication (who and when).
 */
export class PublicationTable {
  constructor(private db: Database.Database) {}

  isPublished(runId: string): boolean {
    return this.db.prepare('SELECT 1 FROM publications WHERE run_id = ?').get(runId) !== undefined;
  }

  /** Published runs, the most recently first published first. */
  publishedRuns(): string[] {
    return this.db.prepare('SELECT run_id FROM publications ORDER BY published_at DESC').pluck().all() as string[];
  }

  /** Runs published before versions were kept (no version yet): their current scores are frozen as version 1 at start. */
  runsWithoutVersions(): string[] {
    return this.db
      .prepare('SELECT p.run_id FROM publications p WHERE NOT EXISTS (SELECT 1 FROM published_versions v WHERE v.run_id = p.run_id)')
      .pluck()
      .all() as string[];
  }

  /**
   * Stores a version of a run (version 1 also records the publication). The caller numbers it after the
   * version it compared with, so two publishers racing on the same number fail on the key instead of both writing.
   */
  addVersion(v: {
    runId: string;
    version: number;
    userId: number;
    note: string | null;
    changes: unknown;
    indicatorSetSha256: string | null;
    sites: unknown;
    at?: string;
  }): void {
    const at = v.at ?? new Date().toISOString();
    this.db.transaction(() => {
      if (v.version === 1) this.db.prepare('INSERT OR IGNORE INTO publications VALUES (?, ?, ?)').run(v.runId, at, v.userId);
      this.db
        .prepare('INSERT INTO published_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(v.runId, v.version, at, v.userId, v.note, JSON.stringify(v.changes), v.indicatorSetSha256, JSON.stringify(v.sites));
    })();
  }

  /** Every version of a run, oldest first. */
  versions(runId: string): StoredVersion[] {
    return (this.db.prepare(`${selectVersions} ORDER BY v.version`).all(runId) as VersionRow[]).map(toVersion);
  }

  version(runId: string, version: number): StoredVersion | null {
    const row = this.db.prepare(`${selectVersions} AND v.version = ?`).get(runId, version) as VersionRow | undefined;
    return row ? toVersion(row) : null;
  }

  latest(runId: string): StoredVersion | null {
    const row = this.db.prepare(`${selectVersions} ORDER BY v.version DESC LIMIT 1`).get(runId) as VersionRow | undefined;
    return row ? toVersion(row) : null;
  }
}
