import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { makeOwnedTempDir, removeOrphanedTempDirs, tempDirOwner } from '../../../common/owned-temp-dirs.js';

/** The pid of a process that has ended (reused only after the kernel's pid counter wraps). */
const endedPid = () => spawnSync('true').pid!;

describe('owned temp folders', () => {
  it('removes the folders of an ended process, and never those of a live one, another kind or another program', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'owned-temp-dirs-'));
    const dead = endedPid();
    const live = process.ppid;
    const names = [
      `govscore-chrome-${dead}-AbC123`,
      `govscore-chrome-${live}-AbC123`,
      `govscore-evidence-${dead}-AbC123`,
      'govscore-chrome-AbC123',
      `puppeteer_dev_chrome_profile-${dead}`,
      `other-chrome-${dead}-AbC123`,
    ];
    for (const name of names) await mkdir(join(dir, name));
    const own = await makeOwnedTempDir('chrome', dir);
    expect(await removeOrphanedTempDirs('chrome', dir)).toEqual([`govscore-chrome-${dead}-AbC123`]);
    expect((await readdir(dir)).sort()).toEqual([...names.slice(1), own.slice(dir.length + 1)].sort());
    await rm(dir, { recursive: true });
  });

  it('reads the kind and the pid from the name', () => {
    expect(tempDirOwner('govscore-evidence-4242-x1Y2z3')).toEqual({ kind: 'evidence', pid: 4242 });
    expect(tempDirOwner('govscore-queue-x1Y2z3')).toBeNull();
    expect(tempDirOwner('govscore-chrome-12-x1-y2')).toBeNull();
  });
});
