import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ReportRefresher } from '../../../../server/app/web/report-refresh.js';

/**
 * The refresher against a stand-in for `govscore report` (a Node script): it records each time it is run with
 * the scores it "read", takes a moment, and exits as told. What is tested is the bookkeeping around the child.
 */
describe('rewriting a run’s files after its scores change', () => {
  let dir: string;
  let bin: string;
  const runId = '20261121-abcdef01';
  const runs = async () => (await readFile(join(dir, 'runs', runId, 'calls.txt'), 'utf8').catch(() => '')).split('\n').filter(Boolean);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'govscore-refresh-'));
    await mkdir(join(dir, 'runs', runId), { recursive: true });
    bin = join(dir, 'fake-govscore.mjs');
    // Appends the version of the scores in scores.txt when it starts, waits until the test writes release.txt, then
    // exits with the code in exit.txt: what the test sees does not depend on how fast the machine starts Node.
    await writeFile(
      bin,
      `import { appendFileSync, readFileSync, existsSync } from 'node:fs';
const out = process.argv[process.argv.indexOf('--out') + 1];
appendFileSync(out + '/calls.txt', readFileSync(out + '/scores.txt', 'utf8') + '\\n');
const code = existsSync(out + '/exit.txt') ? Number(readFileSync(out + '/exit.txt', 'utf8')) : 0;
if (code) console.error('生成失败：测试要求的错误');
const wait = () => (existsSync(out + '/release.txt') ? process.exit(code) : setTimeout(wait, 20));
wait();
`,
    );
    await writeFile(join(dir, 'runs', runId, 'scores.txt'), 'v1');
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('runs once more when the scores change while a rewrite runs, so the files end up from the latest scores', async () => {
    const refresher = new ReportRefresher({ dbFile: join(dir, 'db'), dataDir: dir, bin });
    expect(refresher.refresh(runId)).toBe(true);
    expect(refresher.state(runId)).toEqual({ state: 'running' });
    while (!(await runs()).length) await new Promise((resolve) => setTimeout(resolve, 20)); // the first child has read v1
    await writeFile(join(dir, 'runs', runId, 'scores.txt'), 'v2');
    refresher.refresh(runId);
    refresher.refresh(runId); // asked twice while running: one more rewrite, not two
    await writeFile(join(dir, 'runs', runId, 'release.txt'), '');
    await refresher.settled(runId);
    expect(await runs()).toEqual(['v1', 'v2']);
    expect(refresher.state(runId)).toEqual({ state: 'done' });
  });

  it('a single request runs once; a failed rewrite says why', async () => {
    const refresher = new ReportRefresher({ dbFile: join(dir, 'db'), dataDir: dir, bin });
    await writeFile(join(dir, 'runs', runId, 'release.txt'), '');
    refresher.refresh(runId);
    await refresher.settled(runId);
    expect(await runs()).toEqual(['v1']);
    await writeFile(join(dir, 'runs', runId, 'exit.txt'), '3');
    refresher.refresh(runId);
    await refresher.settled(runId);
    expect(refresher.state(runId)).toEqual({ state: 'failed', message: '生成失败：测试要求的错误' });
  });

  it('refuses a run whose files are not in the data folder', () => {
    const refresher = new ReportRefresher({ dbFile: join(dir, 'db'), dataDir: dir, bin });
    expect(refresher.refresh('20261121-00000000')).toBe(false);
    expect(refresher.state('20261121-00000000')).toBeNull();
  });
});
