import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Temp folders of ours, named after the process that made them: `govscore-<kind>-<pid>-XXXXXX`. A process
 * killed outright (kill -9, out of memory) cannot remove its folders, so the next one to make a folder of
 * that kind removes those whose process is gone. A folder of a live process, of an older name or of
 * another program is never touched.
 */
export type TempDirKind = 'chrome' | 'evidence';

const owned = /^govscore-(chrome|evidence)-(\d+)-[^-/]+$/;

/** The kind and owning pid of a folder name, or null when it is not one of ours. */
export function tempDirOwner(name: string): { kind: TempDirKind; pid: number } | null {
  const match = owned.exec(name);
  return match ? { kind: match[1] as TempDirKind, pid: Number(match[2]) } : null;
}

export function makeOwnedTempDir(kind: TempDirKind, dir = tmpdir()): Promise<string> {
  return mkdtemp(join(dir, `govscore-${kind}-${process.pid}-`));
}

/** Removes the folders of this kind whose process has ended; returns their names. */
export async function removeOrphanedTempDirs(kind: TempDirKind, dir = tmpdir()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const orphaned = names.filter((name) => {
    const owner = tempDirOwner(name);
    return owner?.kind === kind && owner.pid !== process.pid && !isRunning(owner.pid);
  });
  await Promise.all(orphaned.map((name) => rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined)));
  return orphaned;
}

/** Signal 0 tests for the process without touching it; EPERM means it exists under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
