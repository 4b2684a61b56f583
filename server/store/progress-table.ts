import type Database from 'better-sqlite3';

import type { RunFigures } from '../collect/progress.js';

/**
 * The figures of runs being collected, one row a run: the collecting process (the assess command, or the queue's
 * coordinator) replaces its row every few seconds and removes it when collecting ends; the web reads it. A row
 * left by a killed process keeps its last time, by which the reader tells it from a live one.
 */
export class ProgressTable {
  constructor(private db: Database.Database) {}

  save(runId: string, figures: RunFigures, at = new Date()): void {
    this.db.prepare('INSERT OR REPLACE INTO run_progress VALUES (?, ?, ?)').run(runId, JSON.stringify(figures), at.toISOString());
  }

  read(runId: string): { figures: RunFigures; updatedAt: string } | null {
    const row = this.db.prepare('SELECT json, updated_at FROM run_progress WHERE run_id = ?').get(runId) as { json: string; updated_at: string } | undefined;
    return row ? { figures: JSON.parse(row.json) as RunFigures, updatedAt: row.updated_at } : null;
  }

  clear(runId: string): void {
    this.db.prepare('DELETE FROM run_progress WHERE run_id = ?').run(runId);
  }
}
