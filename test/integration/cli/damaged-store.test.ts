import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runCli, tempDir } from '../cli-helpers.js';

describe('a store SQLite cannot use', () => {
  it('is one line naming the file and what to do, exit 2, for a file that is not a database and for a damaged one', async () => {
    const dir = await tempDir('damaged-store');
    const notADatabase = join(dir, 'notes.db');
    await writeFile(notADatabase, '这不是数据库。'.repeat(500));
    // A database's header with garbage after it: what a copy cut short or overwritten in the middle looks like.
    const damaged = join(dir, 'damaged.db');
    const page = Buffer.alloc(4096, 0x5a);
    Buffer.from('SQLite format 3\0').copy(page);
    page.writeUInt16BE(4096, 16);
    await writeFile(damaged, Buffer.concat([page, Buffer.alloc(8192, 0xa5)]));
    for (const db of [notADatabase, damaged]) {
      const r = await runCli(['report', '--db', db, '--run', '1', '--out', join(dir, 'out')]);
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toContain(db);
      expect(lines[0]).toContain('请从备份恢复');
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
