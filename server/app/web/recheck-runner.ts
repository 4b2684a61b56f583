import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

import { govscoreBin, lastLine } from './campaign-runner.js';

export type RecheckState = { state: 'running'; startedAt: string } | { state: 'failed'; message: string } | { state: 'done' };

/** Where a run's re-checks write recheck.json, the notice and their log (the store keeps every re-check). */
export const recheckFolder = (dataDir: string, runId: string) => join(dataDir, 'rechecks', runId);

/**
 * Starts the re-checks (整改复核) staff ask for: `govscore recheck --run <run>` as a child process, as an
 * operator would run it (it crawls with Chromium: a crash of it cannot take the service down), one at a time
 * per run. Its result is stored by the command; here only whether it runs and how the last one ended.
 */
export class RecheckRunner {
  private readonly children = new Map<string, ChildProcess>();
  private readonly last = new Map<string, RecheckState>();
  private readonly ended = new Map<string, Promise<void>>();

  constructor(private readonly o: { dbFile: string; dataDir: string; bin?: string }) {}

  state(runId: string): RecheckState | null {
    return this.last.get(runId) ?? null;
  }

  /** False when a re-check of the run is running already. */
  start(runId: string, options: { deadline?: string } = {}): boolean {
    if (this.children.has(runId)) return false;
    const folder = recheckFolder(this.o.dataDir, runId);
    mkdirSync(folder, { recursive: true });
    const log = join(folder, 'recheck.log');
    const fd = openSync(log, 'a');
    let child: ChildProcess;
    try {
      const args = ['recheck', '--db', this.o.dbFile, '--run', runId, '--out', folder, ...(options.deadline ? ['--deadline', options.deadline] : [])];
      child = spawn(process.execPath, [this.o.bin ?? govscoreBin, ...args], { stdio: ['ignore', fd, fd], detached: true });
    } finally {
      closeSync(fd);
    }
    this.children.set(runId, child);
    this.last.set(runId, { state: 'running', startedAt: new Date().toISOString() });
    this.ended.set(
      runId,
      new Promise<void>((resolve) => {
        const done = (state: RecheckState) => {
          if (this.children.get(runId) !== child) return;
          this.children.delete(runId);
          this.last.set(runId, state);
          resolve();
        };
        child.once('error', (error) => done({ state: 'failed', message: `无法启动复核进程：${error.message}` }));
        child.once('exit', (code) => done(code === 0 ? { state: 'done' } : { state: 'failed', message: lastLine(log) ?? `复核进程退出，代码 ${code}` }));
      }),
    );
    return true;
  }

  /** Waits for a run's re-check to end (tests; the service's close). */
  async settled(runId: string): Promise<void> {
    await this.ended.get(runId);
  }

  async close(): Promise<void> {
    for (const [, child] of this.children)
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM'); // its group: the Chromium it crawls with too
      } catch {
        // already gone
      }
    await Promise.all([...this.ended.values()]);
  }
}
