import type Database from 'better-sqlite3';

/** A campaign set up in the web app: a sites file, an indicator set and a date, and the run it started. */
export interface Campaign {
  id: number;
  name: string;
  sitesFile: string;
  indicators: string;
  asOf: string;
  runId: string | null;
  state: 'draft' | 'running' | 'finished' | 'failed';
  message: string | null;
  createdBy: number;
  createdAt: string;
}

interface CampaignRow {
  id: number;
  name: string;
  sites_file: string;
  indicators: string;
  as_of: string;
  run_id: string | null;
  state: Campaign['state'];
  message: string | null;
  created_by: number;
  created_at: string;
}

const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  name: r.name,
  sitesFile: r.sites_file,
  indicators: r.indicators,
  asOf: r.as_of,
  runId: r.run_id,
  state: r.state,
  message: r.message,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export class CampaignTable {
  constructor(private db: Database.Database) {}

  add(c: { name: string; sitesFile: string; indicators: string; asOf: string; userId: number }): Campaign {
    const info = this.db
      .prepare('INSERT INTO campaigns (name, sites_file, indicators, as_of, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(c.name, c.sitesFile, c.indicators, c.asOf, c.userId, new Date().toISOString());
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): Campaign | null {
    const row = this.db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
    return row ? toCampaign(row) : null;
  }

  list(): Campaign[] {
    return (this.db.prepare('SELECT * FROM campaigns ORDER BY id DESC').all() as CampaignRow[]).map(toCampaign);
  }

  /** Where the campaign's sites file was saved (its folder is named by the id, known only after add). */
  setSitesFile(id: number, file: string): void {
    this.db.prepare('UPDATE campaigns SET sites_file = ? WHERE id = ?').run(file, id);
  }

  /** Records the campaign's state, and its run once the run exists. */
  update(id: number, change: { state: Campaign['state']; runId?: string; message?: string | null }): void {
    this.db
      .prepare('UPDATE campaigns SET state = ?, run_id = COALESCE(?, run_id), message = ? WHERE id = ?')
      .run(change.state, change.runId ?? null, change.message ?? null, id);
  }
}
