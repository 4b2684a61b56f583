import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import type { SiteSample } from '../../../common/site-sample.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';
import type { Results } from '../../../reports/results.js';
import { sampleSites } from '../../../server/config/sample-sites.js';
import { loadSitesFile } from '../../../server/config/sites-file.js';
import { keyPrefix } from '../../../server/queue/connection.js';
import { monitorQueue } from '../../../server/queue/monitor-schedule.js';
import { Store } from '../../../server/store/store.js';
import { bin, runCli, startCli, tempDir, writeSitesFile } from '../cli-helpers.js';
import { freePort, startRedis } from './redis-server.js';

function runCliWithEnv(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [bin, ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function startWorker(redisUrl: string, ...extra: string[]) {
  return startCli(['worker', '--redis', redisUrl, '--lock-ms', '5000', ...extra]);
}

async function stop(worker: ReturnType<typeof startCli>): Promise<void> {
  if (worker.child.exitCode !== null) return;
  const exited = new Promise((r) => worker.child.once('exit', r));
  worker.child.kill('SIGTERM');
  await exited;
}

async function ready(...workers: Array<ReturnType<typeof startCli>>): Promise<void> {
  for (let i = 0; i < 200 && !workers.every((w) => w.output().includes('taking sites from')); i++) await new Promise((r) => setTimeout(r, 100));
}

describe('the monitor as a BullMQ job scheduler', () => {
  let set: RunningPortalSet;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  beforeAll(async () => {
    [set, redis] = await Promise.all([startPortalSet({ asOf: '2026-11-21', seed: 'schedule-test' }), startRedis()]);
  });
  afterAll(async () => {
    set?.close();
    await redis?.stop();
  });

  it('takes every scheduled round of probes through the workers, spaced as scheduled, and removes the schedule after the last', async () => {
    const dir = await tempDir('queue-monitor');
    const sitesFile = await writeSitesFile(dir, set, ['fgw', 'wjw'], [{ id: 'dead', name: '已关停的网站', url: `${set.deadUrl}/`, group: '市直部门' }]);
    const db = join(dir, 'govscore.db');
    set.get('fgw').host.faults.down = 'http-503';
    const worker = startWorker(redis.url);
    try {
      await ready(worker);
      // 4 rounds 1.5 s apart stand in for the national protocol's 20 a day. The monitor is killed after the
      // second round and started again: the schedule goes on in Redis, and nothing is lost or stored twice.
      const args = ['monitor', sitesFile, '--db', db, '--queue', redis.url, '--days', '1', '--per-day', '4', '--interval-ms', '1500'];
      const first = startCli(args);
      for (let i = 0; i < 300 && !first.output().includes('round 2/4'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(first.output()).toContain('round 2/4: 6 probes stored');
      first.killHard();
      // Started again with another pace by mistake: the running schedule goes on as it is, and says so.
      const monitor = await runCli(
        args.map((arg) => (arg === '4' ? '8' : arg)),
        120_000,
      );
      expect(monitor.code, monitor.stderr + monitor.stdout).toBe(0);
      expect(monitor.stdout).toMatch(/already running with 4 rounds, one every 1\.5 s: it goes on as it is, not with the 8 rounds/);
      expect(monitor.stdout).toMatch(/resuming schedule monitor-\w+ .*: \d+ of 12 probes already stored/);
      expect(monitor.stdout).toContain('round 4/4: 12 probes stored, 8 failed');
    } finally {
      set.get('fgw').host.faults.down = null;
      await stop(worker);
    }
    const store = new Store(db);
    const window = [new Date(Date.now() - 3_600_000).toISOString(), new Date(Date.now() + 3_600_000).toISOString()] as const;
    const probes = Object.fromEntries(['fgw', 'wjw'].map((id) => [id, store.probes(set.get(id).url, ...window)]));
    const dead = store.probes(`${set.deadUrl}/`, ...window);
    store.close();
    expect(probes.fgw!.map((p) => p.failure)).toEqual(Array(4).fill('http-503'));
    expect(probes.wjw!.every((p) => p.ok)).toBe(true);
    expect(dead.map((p) => p.failure)).toEqual(Array(4).fill('refused'));
    for (const list of [probes.fgw!, probes.wjw!, dead]) {
      expect(list).toHaveLength(4);
      // A probe is stamped when a worker runs it, so under load one round can start late and the next
      // on time: single gaps shrink, but four rounds 1.5 s apart still span more than 3 s in all.
      const times = list.map((p) => Date.parse(p.at));
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThan(250);
      expect(times.at(-1)! - times[0]!).toBeGreaterThan(3000);
    }
    const queue = new Queue(monitorQueue, { connection: redis.client(), prefix: keyPrefix });
    expect(await queue.getJobSchedulersCount()).toBe(0);
    await queue.close();
  }, 150_000);
});

describe('recurring campaigns from a BullMQ job scheduler', () => {
  let set: RunningPortalSet;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  beforeAll(async () => {
    [set, redis] = await Promise.all([startPortalSet({ asOf: '2026-11-21', seed: 'campaign-schedule-test' }), startRedis()]);
  });
  afterAll(async () => {
    set?.close();
    await redis?.stop();
  });

  it('starts each occurrence in the web service as a campaign with its own seeded sample, recorded in results.json', async () => {
    const dir = await tempDir('queue-campaigns');
    const sitesFile = await writeSitesFile(dir, set, ['fgw', 'wjw', 'jyj']);
    const db = join(dir, 'govscore.db');
    const account = await runCliWithEnv(['users', 'add', '--db', db, '--login', 'pinggu', '--name', '评估处', '--role', 'evaluator'], {
      GOVSCORE_PASSWORD: 'correct horse battery',
    });
    expect(account.code, account.stderr).toBe(0);
    const refused = await runCli([
      'schedule',
      'add',
      '--redis',
      redis.url,
      '--db',
      db,
      '--name',
      'spot',
      '--sites',
      sitesFile,
      '--by',
      'nobody',
      '--every-ms',
      '2500',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--by nobody');

    const port = await freePort();
    const server = startCli(['serve', '--db', db, '--port', String(port), '--queue', redis.url]);
    const worker = startWorker(redis.url);
    try {
      await ready(worker);
      const added = await runCli([
        'schedule',
        'add',
        '--redis',
        redis.url,
        '--db',
        db,
        '--name',
        'spot',
        '--sites',
        sitesFile,
        '--by',
        'pinggu',
        '--every-ms',
        '2500',
        '--times',
        '2',
        '--sample',
        '1',
        '--seed',
        '季度抽查',
        '--max-pages',
        '8',
        '--lighthouse-pages',
        '0',
      ]);
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toContain('a random sample of 1 of 3 sites');
      const listed = await runCli(['schedule', 'list', '--redis', redis.url]);
      expect(listed.stdout).toMatch(/^spot\s+every 2500 ms/m);
      const finished = async () => {
        const store = new Store(db);
        try {
          return store.campaigns.list().filter((c) => c.state === 'finished' || c.state === 'failed');
        } finally {
          store.close();
        }
      };
      for (let i = 0; i < 240 && (await finished()).length < 2; i++) await new Promise((r) => setTimeout(r, 500));
      const campaigns = await finished();
      expect(campaigns.map((c) => [c.state, c.message])).toEqual([
        ['finished', null],
        ['finished', null],
      ]);
      const store = new Store(db);
      const runs = campaigns.map((c) => store.getRun(c.runId!)!);
      store.close();
      const samples = runs.map((r) => r.options['sample'] as SiteSample);
      for (const [i, sample] of samples.entries()) {
        expect(campaigns[i]!.name).toContain('spot');
        expect(sample).toMatchObject({ size: 1, population: 3 });
        expect(sample.seed).toMatch(/^季度抽查@\d{4}-\d\d-\d\dT/);
        // Anyone can draw the same sample again from the recorded seed.
        const drawn = sampleSites(loadSitesFile(sitesFile).sites, 1, sample.seed).sample;
        expect(drawn.siteIds).toEqual(sample.siteIds);
        const results: Results = JSON.parse(await readFile(join(dir, 'runs', runs[i]!.id, 'results.json'), 'utf8'));
        expect(results.assessment.sample).toEqual(sample);
        expect(results.sites.map((s) => s.id)).toEqual(sample.siteIds);
      }
      // Each occurrence's seed carries the time it was due: 2.5 s (or a multiple, had one been late) apart.
      const due = samples.map((x) => Date.parse(x.seed.split('@')[1]!));
      expect(Math.abs(due[0]! - due[1]!) % 2500).toBe(0);
      expect(due[0]).not.toBe(due[1]);
    } finally {
      await stop(worker);
      await stop(server);
    }
  }, 200_000);
});

/** Two sites on one host, each a homepage, six columns and five articles per column; every request logged. */
async function twoSitesOnOneHost(): Promise<{ server: Server; base: string; requests: Array<{ t: number; path: string }> }> {
  const requests: Array<{ t: number; path: string }> = [];
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ t: Date.now(), path });
    const m = /^\/(a|b)\/(?:(col\d)\/(?:(art\d)\.html)?)?$/.exec(path);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (!m) return void res.writeHead(404).end(page('404', '页面不存在'));
    const [, site, col, art] = m;
    if (art) return void res.end(page(`文章 ${art}`, `<h1>文章</h1><p>发布时间：2026-11-0${art.slice(3)}</p>`));
    if (col)
      return void res.end(
        page(
          `栏目 ${col}`,
          `<h1>栏目</h1><ul>${[1, 2, 3, 4, 5].map((j) => `<li><a href="/${site}/${col}/art${j}.html">通知公告第${j}号</a><span>2026-11-0${j}</span></li>`).join('')}</ul>`,
        ),
      );
    res.end(page(`${site} 市政府`, `<nav>${[1, 2, 3, 4, 5, 6].map((i) => `<a href="/${site}/col${i}/">栏目${i}</a>`).join(' ')}</nav><p>首页</p>`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describe('politeness across workers', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let host: Awaited<ReturnType<typeof twoSitesOnOneHost>>;
  beforeAll(async () => {
    [redis, host] = await Promise.all([startRedis(), twoSitesOnOneHost()]);
  });
  afterAll(async () => {
    host?.server.close();
    await redis?.stop();
  });

  it('holds one host to its request rate when two workers crawl two sites on it at once', async () => {
    const dir = await tempDir('queue-polite');
    const sitesFile = join(dir, 'sites.yaml');
    const sites = ['a', 'b'].map((id) => ({ id, name: `${id} 市政府`, url: `${host.base}/${id}/`, group: '市直部门' }));
    await writeFile(sitesFile, stringify({ name: '同一主机', asOf: '2026-11-21', indicators: 'national-2019', sites }));
    const rate = 5;
    const workers = [0, 1].map(() => startWorker(redis.url, '--concurrency', '1', '--host-rate', String(rate)));
    try {
      await ready(...workers);
      const run = await runCli(['assess', sitesFile, '--out', join(dir, 'out'), '--queue', redis.url, '--lighthouse-pages', '0', '--axe', 'off'], 180_000);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      // Both workers had a site of this host at the same time.
      const onWorker = [...run.stdout.matchAll(/\] (a|b) .* on (\S+)\n/g)].map((m) => m[2]);
      expect(new Set(onWorker).size).toBe(2);
    } finally {
      await Promise.all(workers.map(stop));
    }
    // robots.txt and the sitemap are read once per site before the crawl and are not paced.
    const paced = host.requests.filter((r) => !/^\/(robots\.txt|sitemap.*\.xml)$/.test(r.path));
    const bySite = (s: string) => paced.filter((r) => r.path.startsWith(`/${s}/`));
    expect(bySite('a').length).toBeGreaterThan(20);
    expect(bySite('b').length).toBeGreaterThan(20);
    // The two crawls overlapped in time…
    expect(bySite('a')[0]!.t).toBeLessThan(bySite('b').at(-1)!.t);
    expect(bySite('b')[0]!.t).toBeLessThan(bySite('a').at(-1)!.t);
    // …yet the host saw them one slot (1/rate s) apart: the median gap between two arrivals is a slot, where
    // counting in one-second windows lets each second's requests through in a burst. Single gaps can be
    // shorter: a request the loaded machine sent late arrives close to the next one, so the busiest sliding
    // second may hold a request or two over the rate, never twice the rate. The whole took at least as long
    // as the rate allows.
    const times = paced.map((r) => r.t).sort((x, y) => x - y);
    const busiest = Math.max(...times.map((t, i) => times.slice(i).filter((u) => u - t < 1000).length));
    const gaps = times
      .slice(1)
      .map((t, i) => t - times[i]!)
      .sort((x, y) => x - y);
    const medianGap = gaps[Math.floor(gaps.length / 2)]!;
    console.log(
      `host rate ${rate}/s: ${times.length} requests in ${times.at(-1)! - times[0]!} ms, busiest sliding second ${busiest}, median gap ${medianGap} ms`,
    );
    expect(medianGap).toBeGreaterThanOrEqual(0.9 * (1000 / rate));
    expect(busiest).toBeLessThan(2 * rate);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual((Math.floor(times.length / rate) - 1) * 1000);
  }, 200_000);
});

describe('queue commands given a Redis they cannot use', () => {
  it('exit 2 with what to do, before creating anything', async () => {
    const dir = await tempDir('queue-bad');
    const sitesFile = join(dir, 'sites.yaml');
    await writeFile(
      sitesFile,
      stringify({
        name: '测试',
        asOf: '2026-11-21',
        indicators: 'national-2019',
        sites: [{ id: 'a', name: '甲', url: 'http://127.0.0.1:9/', group: '市直部门' }],
      }),
    );
    const nobody = `redis://127.0.0.1:${await freePort()}`;
    const assess = await runCli(['assess', sitesFile, '--out', join(dir, 'out'), '--queue', nobody]);
    expect(assess.code).toBe(2);
    expect(assess.stderr).toContain(`cannot reach Redis at ${nobody}: connect ECONNREFUSED`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const worker = await runCli(['worker', '--redis', 'http://10.0.0.5:6379']);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toContain('"http://10.0.0.5:6379" is not a Redis URL (expected redis://host:6379)');
  });
});
