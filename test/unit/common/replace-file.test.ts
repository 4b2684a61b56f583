import { lstat, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { replaceFile } from '../../../common/replace-file.js';

describe('replaceFile', () => {
  it('replaces a symbolic link at the name instead of writing through it, and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'replace-file-'));
    const outside = join(dir, 'govscore.db');
    await writeFile(outside, 'the store');
    await symlink(outside, join(dir, 'shot.jpg'));
    await replaceFile(join(dir, 'shot.jpg'), 'a screenshot');
    expect(await readFile(outside, 'utf8')).toBe('the store');
    expect((await lstat(join(dir, 'shot.jpg'))).isSymbolicLink()).toBe(false);
    expect(await readFile(join(dir, 'shot.jpg'), 'utf8')).toBe('a screenshot');
    expect((await readdir(dir)).sort()).toEqual(['govscore.db', 'shot.jpg']);
  });

  it('writes a new file and overwrites an existing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'replace-file-'));
    await replaceFile(join(dir, 'a.jpg'), 'one');
    await replaceFile(join(dir, 'a.jpg'), 'two');
    expect(await readFile(join(dir, 'a.jpg'), 'utf8')).toBe('two');
  });
});
