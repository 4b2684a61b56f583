import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';

import { govscoreBin, lastLine } from './campaign-runner.js';
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

  constructor(private readonly o: { dbFile: string; dataDir: string; bin?: string }) {}

  /** Whether this run's files live in the service's data folder (and so can be rewritten here). */
  holds(runId: string): boolean {
    return existsSync(runFolder(this.o.dataDir, runId));
  }

  state(runId: string): RefreshState | null {
    return this.last.get(runId) ?? null;
  }

  /** Starts a rewrite unless one is running; false when the run's files are not here. */
  refresh(runId: string): boolean {
    if (!this.holds(runId)) return false;
    if (this.children.has(runId)) return true;
    const folder = runFolder(this.o.dataDir, runId);
    const log = join(folder, 'report.log');
    const fd = openSync(log, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, [this.o.bin ?? govscoreBin, 'report', '--db', this.o.dbFile, '--run', runId, '--out', folder], {
        stdio: ['ignore', fd, fd],
        detached: true,
      });
    } finally {
      closeSync(fd);
    }
    this.children.set(runId, child);
    this.last.set(runId, { state: 'running' });
    const done = (state: RefreshState) => {
      if (this.children.get(runId) !== child) return;
      this.children.delete(runId);
      this.last.set(runId, state);
    };
    child.once('error', (error) => done({ state: 'failed', message: `无法启动报告生成进程：${error.message}` }));
    child.once('exit', (code) => done(code === 0 ? { state: 'done' } : { state: 'failed', message: lastLine(log) ?? `报告生成进程退出，代码 ${code}` }));
    return true;
  }

  /** Waits for a run's rewrite to end (tests; the service's close). */
  async settled(runId: string): Promise<void> {
    const child = this.children.get(runId);
    if (child && child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
  }

  async close(): Promise<void> {
    for (const [, child] of this.children)
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM'); // its group: the Chromium it prints with too
      } catch {
        // already gone
      }
    await Promise.all([...this.children.keys()].map((id) => this.settled(id)));
  }
}
