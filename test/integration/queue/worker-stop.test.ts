import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';
import type { Results } from '../../../reports/results.js';
import { stopWithinSeconds } from '../../../server/cli/worker.js';
import { startCli, tempDir, writeSitesFile } from '../cli-helpers.js';
import { freePort, startRedis } from './redis-server.js';

type Cli = ReturnType<typeof startCli>;

function startWorker(redisUrl: string, ...extra: string[]) {
  const worker = startCli(['worker', '--redis', redisUrl, '--concurrency', '1', ...extra]);
  const exited = new Promise<{ code: number | null; at: number }>((r) => worker.child.once('exit', (code) => r({ code, at: Date.now() })));
  return { ...worker, exited, id: `-${worker.child.pid}` };
}

async function waitFor(cli: Pick<Cli, 'output'>, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(cli.output());
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${ms} ms in:\n${cli.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends the signal and resolves with how long the worker took to exit, and its exit code. */
async function signal(worker: ReturnType<typeof startWorker>, name: NodeJS.Signals): Promise<{ code: number | null; seconds: number }> {
  const sent = Date.now();
  worker.child.kill(name);
  const { code, at } = await worker.exited;
  return { code, seconds: (at - sent) / 1000 };
}

const taking = /taking sites from/;
const unreachable = (url: string) => new RegExp(`无法连接 Redis（${url}）：.+retrying`);

describe('govscore worker stopping', () => {
  const cleanup: Array<() => unknown> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it(`whose Redis has gone: says so once, and exits within ${stopWithinSeconds} s of SIGTERM`, async () => {
    const redis = await startRedis();
    cleanup.push(() => redis.stop());
    const worker = startWorker(redis.url);
    cleanup.push(() => worker.child.exitCode === null && worker.killHard());
    await waitFor(worker, taking, 60_000);
    await redis.stop();
    await waitFor(worker, unreachable(redis.url), 10_000);
    // BullMQ and ioredis retry meanwhile: no stack trace per attempt, one line for the outage.
    await new Promise((r) => setTimeout(r, 2500));
    const { code, seconds } = await signal(worker, 'SIGTERM');
    expect(seconds, worker.output()).toBeLessThan(stopWithinSeconds);
    expect(code).toBe(0);
    expect(worker.output()).toContain(`${stopWithinSeconds} 秒内退出`);
    expect(worker.output().match(/无法连接 Redis/g)).toHaveLength(1);
    expect(worker.output()).not.toMatch(/Unhandled error event|queue error/);
  }, 90_000);

  // A Redis that keeps its connections but answers nothing (stopped with SIGSTOP): closing waits on it.
  async function workerOnHungRedis() {
    const redis = await startRedis();
    const worker = startWorker(redis.url);
    cleanup.push(async () => {
      if (worker.child.exitCode === null) worker.killHard();
      process.kill(redis.pid, 'SIGCONT');
      await redis.stop();
    });
    await waitFor(worker, taking, 60_000);
    // Stopped once the worker's connections are all up (a connection still opening is dropped at once on
    // close): both its BullMQ workers wait for jobs on their blocking connections.
    const client = redis.client();
    const deadline = Date.now() + 30_000;
    while (((await client.client('LIST')) as string).split('cmd=bzpopmin').length - 1 < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    client.disconnect();
    process.kill(redis.pid, 'SIGSTOP');
    const sent = Date.now();
    worker.child.kill('SIGTERM');
    await waitFor(worker, /秒内退出/, 5000);
    return { worker, sent };
  }

  it(`whose Redis hangs: exits ${stopWithinSeconds} s after SIGTERM all the same`, async () => {
    const { worker, sent } = await workerOnHungRedis();
    const { code, at } = await worker.exited;
    expect(code, worker.output()).toBe(1);
    // The bound's timer, plus the moment a loaded machine takes to run it.
    expect((at - sent) / 1000).toBeLessThan(stopWithinSeconds + 1.5);
    expect(worker.output()).toContain(`${stopWithinSeconds} 秒内未能停下，强制退出`);
  }, 90_000);

  it('exits at once on a second signal', async () => {
    const { worker } = await workerOnHungRedis();
    // The first stop is held up by Redis.
    await new Promise((r) => setTimeout(r, 1000));
    expect(worker.child.exitCode, worker.output()).toBeNull();
    const { code, seconds } = await signal(worker, 'SIGINT');
    expect(code, worker.output()).toBe(130);
    expect(seconds).toBeLessThan(1);
    expect(worker.output()).toContain('SIGINT：立即退出');
  }, 90_000);

  it('started against a dead Redis: says so, keeps trying, connects when it comes, and exits on SIGTERM before it did', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const waiting = startWorker(url);
    cleanup.push(() => waiting.child.exitCode === null && waiting.killHard());
    await waitFor(waiting, unreachable(url), 60_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(waiting.child.exitCode, waiting.output()).toBeNull();
    const { code, seconds } = await signal(waiting, 'SIGTERM');
    expect(code, waiting.output()).toBe(0);
    expect(seconds).toBeLessThan(2);
    expect(waiting.output()).toContain('stopped before Redis answered');

    const patient = startWorker(url);
    cleanup.push(() => patient.child.exitCode === null && patient.killHard());
    await waitFor(patient, unreachable(url), 60_000);
    const redis = await startRedis(port);
    cleanup.push(() => redis.stop());
    await waitFor(patient, new RegExp(`已连上 — Redis at ${url} answers[^]*${taking.source}`), 30_000);
    expect((await signal(patient, 'SIGTERM')).code).toBe(0);
  }, 120_000);

  describe('with a site in hand', () => {
    let set: RunningPortalSet;
    beforeAll(async () => {
      set = await startPortalSet({ asOf: '2026-11-21', seed: 'worker-stop-test' });
    });
    afterAll(() => set?.close());

    it('hands it back to the queue at SIGTERM, journal kept, and the next worker resumes it', async () => {
      const redis = await startRedis();
      cleanup.push(() => redis.stop());
      const dir = await tempDir('worker-stop');
      cleanup.push(() => rm(dir, { recursive: true, force: true }));
      const sitesFile = await writeSitesFile(dir, set, ['zfw']);
      const out = join(dir, 'out');
      // A lock far longer than the test waits: the site can only come back by being handed back.
      const first = startWorker(redis.url, '--lock-ms', '120000');
      cleanup.push(() => first.child.exitCode === null && first.killHard());
      const coordinator = startCli(['assess', sitesFile, '--out', out, '--queue', redis.url, '--max-pages', '12', '--lighthouse-pages', '0', '--axe', 'off']);
      cleanup.push(() => coordinator.child.exitCode === null && coordinator.killHard());
      const runId = (await waitFor(coordinator, /— run (\S+),/, 60_000))[1]!;
      const client = redis.client();
      const journalKey = `govscore:journal:${runId}.zfw`;
      await waitFor(coordinator, new RegExp(`zfw: started on \\S+${first.id}\\n`), 60_000);
      const deadline = Date.now() + 90_000;
      while ((await client.hlen(journalKey)) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

      const { code, seconds } = await signal(first, 'SIGTERM');
      expect(code, first.output()).toBe(0);
      expect(seconds).toBeLessThan(stopWithinSeconds);
      const handedBack = /zfw: 已交还队列，(\d+) 页已记入日志/.exec(first.output());
      expect(handedBack, first.output()).not.toBeNull();
      expect(await client.lrange('govscore:collect:wait', 0, -1)).toEqual([`${runId}.zfw`]);
      const journaled = await client.hlen(journalKey);
      expect(journaled).toBeGreaterThanOrEqual(3);
      expect(Number(handedBack![1])).toBe(journaled);

      const second = startWorker(redis.url);
      cleanup.push(() => second.child.exitCode === null && second.killHard());
      const code2 = await new Promise<number | null>((r) => coordinator.child.once('exit', r));
      expect(code2, coordinator.output()).toBe(0);
      // Taken up at once by the next worker, on the same attempt (handing back spends none), from the journal.
      const resumed = new RegExp(`zfw: started on \\S+${second.id}, resuming after (\\d+) pages`).exec(coordinator.output());
      expect(resumed, coordinator.output()).not.toBeNull();
      expect(Number(resumed![1])).toBe(journaled);
      const results: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
      expect(results.sites.map((s) => [s.id, s.status])).toEqual([['zfw', 'assessed']]);
      await signal(second, 'SIGTERM');
    }, 240_000);
  });
});
