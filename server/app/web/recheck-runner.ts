import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { govscoreBin } from './campaign-runner.js';
import { signalGroup, startCommand } from './child-command.js';

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
    const args = ['recheck', '--db', this.o.dbFile, '--run', runId, '--out', folder, ...(options.deadline ? ['--deadline', options.deadline] : [])];
    const { child, ended } = startCommand({ argv: [this.o.bin ?? govscoreBin, ...args], log: join(folder, 'recheck.log'), what: '复核进程' });
    this.children.set(runId, child);
    this.last.set(runId, { state: 'running', startedAt: new Date().toISOString() });
    this.ended.set(
      runId,
      ended.then((end) => {
        if (this.children.get(runId) !== child) return;
        this.children.delete(runId);
        this.last.set(runId, end.ok ? { state: 'done' } : { state: 'failed', message: end.message });
      }),
    );
    return true;
  }

  /** Waits for a run's re-check to end (tests; the service's close). */
  async settled(runId: string): Promise<void> {
    await this.ended.get(runId);
  }

  async close(): Promise<void> {
    for (const [, child] of this.children) signalGroup(child, 'SIGTERM'); // its group: the Chromium it crawls with too
    await Promise.all([...this.ended.values()]);
  }
}
