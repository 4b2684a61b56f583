import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import Database from 'better-sqlite3';

import { ConfigError } from '../../common/config-errors.js';
import { UsageError } from '../../common/usage-error.js';
import type { CrawlJournal, VisitOutcome } from '../../evaluators/collect/crawl-journal.js';
import type { StoredObservations } from '../../evaluators/evaluate-site.js';
import { AccountTable } from './accounts.js';
import { CampaignTable } from './campaigns.js';
import { DismissalTable } from './dismissals.js';
import { migrations } from './migrations.js';
import { OverrideTable } from './overrides.js';
import { ProgressTable } from './progress-table.js';
import { PublicationTable } from './publications.js';
import { recheckOfOption, RecheckTable } from './rechecks.js';
import { ReviewTable } from './reviews.js';
import { StoreFiles } from './store-files.js';

/*
 * better-sqlite3 rather than sqlite3: its synchronous API makes "commit one site's results in one
 * transaction" a plain function call, it is several times faster for our many small writes, and it
 * needs no callback plumbing. The coordinator is the single writer (README, Deployment), so blocking calls of a
 * few milliseconds are harmless.
 */

export type SiteStatus = 'pending' | 'assessed' | 'unreachable' | 'blocked' | 'error';

export interface RunRow {
  id: string;
  key: string;
  name: string;
  asOf: string;
  sitesFile: string;
  sitesSha256: string;
  indicators: string;
  options: Record<string, unknown>;
  createdAt: string;
  finishedAt: string | null;
}

export interface RunSiteRow {
  siteId: string;
  position: number;
  name: string;
  url: string;
  group: string;
  services: boolean;
  level: 'government' | 'department';
  /** The portal domain the sites file declares for a department site (domain rules), when it does. */
  portal?: string | null;
  status: SiteStatus;
  statusReason: string | null;
}

export interface PageRow {
  url: string;
  finalUrl: string | null;
  status: number | null;
  role: string;
  ms: number | null;
  error: string | null;
  hash?: string | null;
}

export interface SiteResult {
  status: SiteStatus;
  statusReason: string | null;
  pages: PageRow[];
  observations: StoredObservations;
}

const now = () => new Date().toISOString();

/**
 * A store file SQLite cannot use (damaged, not a database, unreadable) is the operator's to mend, not a bug:
 * one line naming the file and what to do (the CLI exits 2 on a UsageError), not a stack trace.
 */
function unusableStore(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^SQLITE_(NOTADB|CORRUPT|CANTOPEN|IOERR|READONLY|PERM|AUTH)/.test(code)) return error;
  return new UsageError(
    `${file}: 数据库无法使用（${code}：文件已损坏、不是 govscore 数据库或无权读写）。请从备份恢复该文件，或用 --db 指定另一个数据库。` +
      ` / not a usable govscore store (${code}): restore it from a backup or give another --db.`,
  );
}

export class Store {
  readonly db: Database.Database;
  readonly overrides: OverrideTable;
  readonly dismissals: DismissalTable;
  readonly accounts: AccountTable;
  readonly reviews: ReviewTable;
  readonly publications: PublicationTable;
  readonly campaigns: CampaignTable;
  /** The figures of runs being collected, for the web's progress page. */
  readonly progress: ProgressTable;
  /** Re-checks of runs' findings (整改复核) and the departments' marks that a finding is fixed. */
  readonly rechecks: RecheckTable;
  /** Its database, WAL and shared-memory files: what may never be served, and whether the WAL is still ours. */
  readonly files: StoreFiles;

  /** `mustExist`: open an existing store only (rescore, report); a mistyped path is an error, not a new empty store. */
  constructor(file: string, options: { mustExist?: boolean } = {}) {
    if (options.mustExist && file !== ':memory:' && !existsSync(file))
      throw new ConfigError(file, 1, '--db', 'no such store', 'give the govscore.db an assess run wrote (default: <out>/govscore.db)');
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    try {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      // The web service and the assess process it starts write the same store: wait for each other's locks.
      this.db.pragma('busy_timeout = 10000');
      this.migrate();
    } catch (error) {
      throw unusableStore(file, error);
    }
    this.files = new StoreFiles(file === ':memory:' ? file : resolve(file));
    this.overrides = new OverrideTable(this.db);
    this.dismissals = new DismissalTable(this.db);
    this.accounts = new AccountTable(this.db);
    this.reviews = new ReviewTable(this.db);
    this.publications = new PublicationTable(this.db);
    this.campaigns = new CampaignTable(this.db);
    this.progress = new ProgressTable(this.db);
    this.rechecks = new RecheckTable(this.db);
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set(this.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    migrations.forEach((sql, i) => {
      const version = i + 1;
      if (applied.has(version)) return;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(version, now());
      })();
    });
  }

  close(): void {
    this.db.close();
  }

  findRunByKey(key: string): RunRow | null {
    const row = this.db.prepare('SELECT * FROM runs WHERE key = ?').get(key) as Record<string, string> | undefined;
    return row ? toRun(row) : null;
  }

  /** Every run, oldest first (the id orders runs created in the same millisecond: pages of runs never overlap). */
  listRuns(): RunRow[] {
    return (this.db.prepare('SELECT * FROM runs ORDER BY created_at, id').all() as Array<Record<string, string>>).map(toRun);
  }

  /** The runs of campaigns, oldest first: every run but the re-checks' collections (整改复核, shown with the run they re-check). */
  listCampaignRuns(): RunRow[] {
    return this.listRuns().filter((r) => !r.options[recheckOfOption]);
  }

  getRun(id: string): RunRow | null {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as Record<string, string> | undefined;
    return row ? toRun(row) : null;
  }

  createRun(run: Omit<RunRow, 'createdAt' | 'finishedAt'>, sites: Array<Omit<RunSiteRow, 'status' | 'statusReason'>>): RunRow {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO runs (id, key, name, as_of, sites_file, sites_sha256, indicators, options_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(run.id, run.key, run.name, run.asOf, run.sitesFile, run.sitesSha256, run.indicators, JSON.stringify(run.options), now());
      const insert = this.db.prepare(
        'INSERT INTO run_sites (run_id, site_id, position, name, url, grp, services, level, portal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const s of sites) insert.run(run.id, s.siteId, s.position, s.name, s.url, s.group, s.services ? 1 : 0, s.level, s.portal ?? null);
    })();
    return this.getRun(run.id)!;
  }

  /**
   * Sets one entry of a run's options: the dictionaries of its text checks, which are evaluate-time data (a
   * re-score naming other dictionaries replaces them; the run's key, what makes it the same run, is unchanged).
   */
  setRunOption(runId: string, key: string, value: unknown): void {
    this.db.prepare("UPDATE runs SET options_json = json_set(options_json, '$.' || ?, json(?)) WHERE id = ?").run(key, JSON.stringify(value), runId);
  }

  runSites(runId: string): RunSiteRow[] {
    const rows = this.db.prepare('SELECT * FROM run_sites WHERE run_id = ? ORDER BY position').all(runId) as Array<Record<string, string | number>>;
    return rows.map((r) => ({
      siteId: String(r.site_id),
      position: Number(r.position),
      name: String(r.name),
      url: String(r.url),
      group: String(r.grp),
      services: r.services === 1,
      level: r.level === 'government' ? 'government' : 'department',
      portal: (r.portal as string | null) ?? null,
      status: r.status as SiteStatus,
      statusReason: (r.status_reason as string | null) ?? null,
    }));
  }

  markSiteStarted(runId: string, siteId: string): void {
    this.db.prepare('UPDATE run_sites SET started_at = ? WHERE run_id = ? AND site_id = ?').run(now(), runId, siteId);
  }

  /** One site's status in a run (null when the run has no such site): a cheap check for the queue coordinator. */
  siteStatus(runId: string, siteId: string): SiteStatus | null {
    return (this.db.prepare('SELECT status FROM run_sites WHERE run_id = ? AND site_id = ?').pluck().get(runId, siteId) as SiteStatus | undefined) ?? null;
  }

  /** The crawl journal of one site in a run: outcomes of pages visited before an interruption, and a writer for new ones. */
  crawlJournal(runId: string, siteId: string): CrawlJournal & { size: number } {
    const rows = this.db.prepare('SELECT page_key, json FROM crawl_journal WHERE run_id = ? AND site_id = ?').all(runId, siteId) as Array<{
      page_key: string;
      json: string;
    }>;
    const known = new Map(rows.map((r) => [r.page_key, JSON.parse(r.json) as VisitOutcome]));
    const insert = this.db.prepare('INSERT OR REPLACE INTO crawl_journal VALUES (?, ?, ?, ?, ?)');
    return {
      size: known.size,
      recall: (key) => known.get(key),
      record: (key, outcome) => void insert.run(runId, siteId, key, JSON.stringify(outcome), now()),
    };
  }

  journalSize(runId: string, siteId: string): number {
    return this.db.prepare('SELECT count(*) FROM crawl_journal WHERE run_id = ? AND site_id = ?').pluck().get(runId, siteId) as number;
  }

  /**
   * Sites that ended in `error` (our failure, not the site's: a crash while collecting it, a queue that gave it
   * up after its workers died) go back to pending, so that running the command again collects them.
   */
  reopenErroredSites(runId: string): string[] {
    return this.db.transaction(() => {
      const ids = this.db.prepare("SELECT site_id FROM run_sites WHERE run_id = ? AND status = 'error' ORDER BY site_id").pluck().all(runId) as string[];
      this.db.prepare("UPDATE run_sites SET status = 'pending', status_reason = NULL, finished_at = NULL WHERE run_id = ? AND status = 'error'").run(runId);
      return ids;
    })();
  }

  /** Everything collected for one site lands in one transaction: a crash leaves the site pending, never half-written. */
  saveSiteResult(runId: string, siteId: string, result: SiteResult): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM pages WHERE run_id = ? AND site_id = ?').run(runId, siteId);
      // What the office registered for the site (its new-media accounts) is not the crawl's to replace.
      this.db.prepare(`DELETE FROM observations WHERE run_id = ? AND site_id = ? AND kind NOT IN ('newMedia')`).run(runId, siteId);
      this.db.prepare('DELETE FROM crawl_journal WHERE run_id = ? AND site_id = ?').run(runId, siteId);
      const page = this.db.prepare(
        'INSERT OR REPLACE INTO pages (run_id, site_id, url, final_url, status, role, ms, error, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const p of result.pages) page.run(runId, siteId, p.url, p.finalUrl, p.status, p.role, p.ms, p.error, p.hash ?? null);
      const obs = this.db.prepare('INSERT INTO observations VALUES (?, ?, ?, ?, ?)');
      for (const [kind, value] of Object.entries(result.observations)) obs.run(runId, siteId, kind, JSON.stringify(value), now());
      this.db
        .prepare('UPDATE run_sites SET status = ?, status_reason = ?, finished_at = ? WHERE run_id = ? AND site_id = ?')
        .run(result.status, result.statusReason, now(), runId, siteId);
    })();
  }

  /**
   * The new-media register of a run: each site's accounts stored with its observations (a site without rows has
   * none), and the register's file and sha256 in the run's options, in one transaction.
   */
  saveNewMedia(
    runId: string,
    register: { source: Record<string, unknown>; accounts: number; bySite: ReadonlyMap<string, StoredObservations['newMedia']> },
  ): void {
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM observations WHERE run_id = ? AND kind = 'newMedia'`).run(runId);
      const insert = this.db.prepare(`INSERT INTO observations VALUES (?, ?, 'newMedia', ?, ?)`);
      for (const siteId of this.runSites(runId).map((s) => s.siteId)) {
        const observed = register.bySite.get(siteId);
        if (observed) insert.run(runId, siteId, JSON.stringify(observed), now());
      }
      const options = { ...this.getRun(runId)!.options, newMedia: { ...register.source, accounts: register.accounts } };
      this.db.prepare('UPDATE runs SET options_json = ? WHERE id = ?').run(JSON.stringify(options), runId);
    })();
  }

  observations(runId: string, siteId: string): StoredObservations {
    const rows = this.db.prepare('SELECT kind, json FROM observations WHERE run_id = ? AND site_id = ?').all(runId, siteId) as Array<{
      kind: string;
      json: string;
    }>;
    return Object.fromEntries(rows.map((r) => [r.kind, JSON.parse(r.json)]));
  }

  /** The content hash of each page of a site the run read (`pages.hash`), by the address asked for and the one reached. */
  pageHashes(runId: string, siteId: string): Array<{ url: string; finalUrl: string | null; hash: string }> {
    return this.db
      .prepare('SELECT url, final_url AS finalUrl, hash FROM pages WHERE run_id = ? AND site_id = ? AND hash IS NOT NULL')
      .all(runId, siteId) as Array<{ url: string; finalUrl: string | null; hash: string }>;
  }

  pageCount(runId: string, siteId: string): number {
    return this.db.prepare('SELECT count(*) FROM pages WHERE run_id = ? AND site_id = ?').pluck().get(runId, siteId) as number;
  }

  /**
   * Stores a run's scores. A score equal to the one stored keeps its time: `computed_at` is when the score last
   * changed, which the web app compares with the run's files to call them stale. A rewrite of the files scores the
   * run again before writing them; stamping that unchanged score "now" made files written a few milliseconds
   * later look older than it, as file times come from the kernel's coarse clock.
   */
  saveScores(runId: string, set: { id: string; version: string; sha256: string }, scores: Array<{ siteId: string; score: unknown }>): void {
    this.db.transaction(() => {
      const insert = this.db.prepare(
        `INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, site_id, indicator_set_sha256) DO UPDATE SET
           indicator_set_id = excluded.indicator_set_id, indicator_set_version = excluded.indicator_set_version,
           json = excluded.json, computed_at = excluded.computed_at
         WHERE scores.json IS NOT excluded.json`,
      );
      for (const s of scores) insert.run(runId, s.siteId, set.id, set.version, set.sha256, JSON.stringify(s.score), now());
    })();
  }

  /** Every stored score of a run, under every indicator set it was scored with, oldest first. */
  scoresOf(runId: string): Array<{
    siteId: string;
    setId: string;
    setVersion: string;
    sha256: string;
    score: { score: number; indicators: Array<{ id: string; score: number | null; deduction: number; status: string }> };
    computedAt: string;
  }> {
    const rows = this.db
      .prepare(
        'SELECT site_id, indicator_set_id, indicator_set_version, indicator_set_sha256, json, computed_at FROM scores WHERE run_id = ? ORDER BY computed_at, site_id',
      )
      .all(runId) as Array<{
      site_id: string;
      indicator_set_id: string;
      indicator_set_version: string;
      indicator_set_sha256: string;
      json: string;
      computed_at: string;
    }>;
    return rows.map((r) => ({
      siteId: r.site_id,
      setId: r.indicator_set_id,
      setVersion: r.indicator_set_version,
      sha256: r.indicator_set_sha256,
      score: JSON.parse(r.json),
      computedAt: r.computed_at,
    }));
  }

  /**
   * Records the indicator set a score is about to be computed with. A set is immutable once used: the
   * same id and version with another text is refused, so a stored score always names the rules behind it.
   */
  useIndicatorSet(set: { id: string; version: string; sha256: string; text: string; file: string }): void {
    const clash = this.db
      .prepare('SELECT sha256, first_used_at FROM indicator_sets WHERE id = ? AND version = ? AND sha256 <> ?')
      .get(set.id, set.version, set.sha256) as { sha256: string; first_used_at: string } | undefined;
    if (clash) {
      const line = set.text.split('\n').findIndex((l) => /^version\s*:/.test(l)) + 1 || 1;
      throw new ConfigError(
        set.file,
        line,
        'version',
        `${set.id} v${set.version} was already used on ${clash.first_used_at.slice(0, 10)} with other content (sha256 ${clash.sha256.slice(0, 12)}…); an indicator set cannot change once scores were computed with it`,
        'give the edited set a new version, e.g. "' + set.version + '-1"',
        1,
        `指标体系 ${set.id} 的 ${set.version} 版已于 ${clash.first_used_at.slice(0, 10)} 用于评分，内容不能再改动；修改后请换一个版本号，如“${set.version}-1”`,
      );
    }
    this.db.prepare('INSERT OR IGNORE INTO indicator_sets VALUES (?, ?, ?, ?, ?)').run(set.sha256, set.id, set.version, set.text, now());
  }

  /** The text of an indicator set scores were computed with, by its sha256. */
  indicatorSetText(sha256: string): string | null {
    return (this.db.prepare('SELECT text FROM indicator_sets WHERE sha256 = ?').pluck().get(sha256) as string | undefined) ?? null;
  }

  saveProbe(p: { url: string; at: string; ok: boolean; status: number | null; ms: number; failure: string | null }): void {
    this.db.prepare('INSERT INTO probes VALUES (?, ?, ?, ?, ?, ?)').run(p.url, p.at, p.ok ? 1 : 0, p.status, p.ms, p.failure);
  }

  /** Monitor probes of a URL taken in [from, to) (ISO timestamps). */
  probes(url: string, from: string, to: string): Array<{ url: string; at: string; ok: boolean; status: number | null; ms: number; failure: string | null }> {
    const rows = this.db.prepare('SELECT * FROM probes WHERE url = ? AND at >= ? AND at < ? ORDER BY at').all(url, from, to) as Array<
      Record<string, string | number | null>
    >;
    return rows.map((r) => ({
      url: String(r.url),
      at: String(r.at),
      ok: r.ok === 1,
      status: (r.status as number | null) ?? null,
      ms: Number(r.ms),
      failure: (r.failure as string | null) ?? null,
    }));
  }

  finishRun(runId: string): void {
    this.db.prepare('UPDATE runs SET finished_at = ? WHERE id = ?').run(now(), runId);
  }
}

function toRun(row: Record<string, string>): RunRow {
  return {
    id: row.id!,
    key: row.key!,
    name: row.name!,
    asOf: row.as_of!,
    sitesFile: row.sites_file!,
    sitesSha256: row.sites_sha256!,
    indicators: row.indicators!,
    options: JSON.parse(row.options_json!),
    createdAt: row.created_at!,
    finishedAt: row.finished_at ?? null,
  };
}
