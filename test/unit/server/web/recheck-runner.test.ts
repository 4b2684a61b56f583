import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { recheckFolder, RecheckRunner } from '../../../../server/app/web/recheck-runner.js';

/**
 * The runner against a stand-in for `govscore recheck` (a Node script) that records its arguments, takes a moment
 * and exits as told: what is tested is the command line and the bookkeeping around the child.
 */
describe('starting a re-check from the web app', () => {
  let dir: string;
  let bin: string;
  const runId = '20261121-abcdef01';

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'govscore-recheck-runner-'));
    bin = join(dir, 'fake-govscore.mjs');
    await writeFile(
      bin,
      `import { appendFileSync, existsSync, readFileSync } from 'node:fs';
const out = process.argv[process.argv.indexOf('--out') + 1];
appendFileSync(out + '/args.txt', process.argv.slice(2).join(' ') + '\\n');
const code = existsSync(out + '/exit.txt') ? Number(readFileSync(out + '/exit.txt', 'utf8')) : 0;
if (code) console.error('no run x in this store');
setTimeout(() => process.exit(code), 300);
`,
    );
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('runs govscore recheck on the store with the deadline, once at a time per run', async () => {
    const runner = new RecheckRunner({ dbFile: join(dir, 'govscore.db'), dataDir: dir, bin });
    expect(runner.state(runId)).toBeNull();
    expect(runner.start(runId, { deadline: '2026-12-31' })).toBe(true);
    expect(runner.state(runId)?.state).toBe('running');
    expect(runner.start(runId)).toBe(false); // already running
    await runner.settled(runId);
    expect(runner.state(runId)).toEqual({ state: 'done' });
    const folder = recheckFolder(dir, runId);
    expect((await readFile(join(folder, 'args.txt'), 'utf8')).trim()).toBe(
      `recheck --db ${join(dir, 'govscore.db')} --run ${runId} --out ${folder} --deadline 2026-12-31`,
    );
  });

  it('a failed re-check says why, with the last line the command wrote', async () => {
    const runner = new RecheckRunner({ dbFile: join(dir, 'govscore.db'), dataDir: dir, bin });
    runner.start(runId);
    await runner.settled(runId);
    await writeFile(join(recheckFolder(dir, runId), 'exit.txt'), '2');
    runner.start(runId);
    await runner.settled(runId);
    expect(runner.state(runId)).toEqual({ state: 'failed', message: 'no run x in this store' });
  });
});
