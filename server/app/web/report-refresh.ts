import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { govscoreBin } from './campaign-runner.js';
import { signalGroup, startCommand } from './child-command.js';
import { type RefreshState, runFolder } from './run-files.js';

/**
 * Rewrites a run's files (report, notice, workbook, CSV, JSON, department reports) from the store's current
 * scores after they change — an accepted appeal or a review, then a correction published — so that what staff
 * download matches what was published: `govscore report --out <dataDir>/runs/<run>` as a child process (its
 * PDFs need Chromium and take a while; a crash of it cannot take the service down), one at a time per run.
 * Only runs whose files are in this service's data folder (started here) are rewritten.
 */
export class ReportRefresher {
  private readonly children = new Map<string, ChildProcess>();
  private readonly last = new Map<string, RefreshState>();
  /** Runs whose scores changed while their rewrite ran: rewritten once more when it ends. */
  private readonly again = new Set<string>();
  private closing = false;
  private readonly ended = new WeakMap<ChildProcess, Promise<void>>();

  constructor(private readonly o: { dbFile: string; dataDir: string; bin?: string }) {}

  /** Whether this run's files live in the service's data folder (and so can be rewritten here). */
  holds(runId: string): boolean {
    return existsSync(runFolder(this.o.dataDir, runId));
  }

  state(runId: string): RefreshState | null {
    return this.last.get(runId) ?? null;
  }

  /**
   * Starts a rewrite; when one is already running it is asked for again once that one ends: the running child
   * read the scores before this change (a correction published while the first publication's rewrite runs),
   * so its files would be stale the moment it finishes. False when the run's files are not here.
   */
  refresh(runId: string): boolean {
    if (!this.holds(runId)) return false;
    if (this.children.has(runId)) this.again.add(runId);
    else this.start(runId);
    return true;
  }

  private start(runId: string): void {
    const folder = runFolder(this.o.dataDir, runId);
    const { child, ended } = startCommand({
      argv: [this.o.bin ?? govscoreBin, 'report', '--db', this.o.dbFile, '--run', runId, '--out', folder],
      log: join(folder, 'report.log'),
      what: '报告生成进程',
    });
    this.children.set(runId, child);
    this.last.set(runId, { state: 'running' });
    this.ended.set(
      child,
      ended.then((end) => {
        if (this.children.get(runId) !== child) return;
        this.children.delete(runId);
        if (this.again.delete(runId) && !this.closing) this.start(runId);
        else this.last.set(runId, end.ok ? { state: 'done' } : { state: 'failed', message: end.message });
      }),
    );
  }

  /** Waits for a run's rewrites to end, the one asked for again included (tests; the service's close). */
  async settled(runId: string): Promise<void> {
    for (let child = this.children.get(runId); child; child = this.children.get(runId)) await this.ended.get(child);
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const [, child] of this.children) signalGroup(child, 'SIGTERM'); // its group: the Chromium it prints with too
    await Promise.all([...this.children.keys()].map((id) => this.settled(id)));
  }
}
