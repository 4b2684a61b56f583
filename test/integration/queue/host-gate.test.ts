import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { installHostGate, withPatience } from '../../../evaluators/collect/host-gate.js';
import { checkLinks } from '../../../evaluators/collect/link-check.js';
import { redisHostGate } from '../../../server/queue/host-limit.js';
import { startRedis } from './redis-server.js';

/** A host answering its first request with 429 and this Retry-After, every later one with 200; requests timed on this process's clock. */
async function startHost(retryAfter: string): Promise<{ url: string; seen: number[]; close: () => Promise<void> }> {
  const seen: number[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(performance.now());
    if (seen.length === 1) return void res.writeHead(429, { 'retry-after': retryAfter }).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const link = (url: string) => [{ url, foundOn: 'http://www.example.gov.cn/', kind: 'link' as const }];

describe("the queue's host gate keeps the pauses hosts ask for in Redis, for every worker", () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    installHostGate(null);
    await redis?.stop();
  });

  // Two workers' gates: each its own Redis connection, nothing shared but Redis.
  const gates = () => [redisHostGate(redis.client(), 50), redisHostGate(redis.client(), 50)] as const;

  it('a 429 asking for an hour through one worker stops the other worker’s requests to that host', async () => {
    const [first, second] = gates();
    const host = await startHost('3600');
    try {
      installHostGate(first);
      expect((await checkLinks(link(`${host.url}a`)))[0]).toMatchObject({ result: 'rate-limited', broken: false });
      installHostGate(second);
      expect((await checkLinks(link(`${host.url}b`)))[0]).toMatchObject({ result: 'rate-limited', broken: false });
      expect(host.seen).toHaveLength(1);
      const held = await second.held(new URL(host.url).host);
      expect(held?.askedS).toBe(3600);
      expect(held?.leftMs).toBeGreaterThan(3_500_000);
    } finally {
      await host.close();
    }
  });

  it('the other worker waits out a short pause the first was asked for, then goes on', async () => {
    const [first, second] = gates();
    const host = await startHost('1');
    try {
      // The first worker's run has no patience at all: it gives the link up; the second's waits the second out.
      installHostGate(first);
      expect((await withPatience(0, () => checkLinks(link(`${host.url}a`))))[0]).toMatchObject({ result: 'rate-limited' });
      installHostGate(second);
      expect((await checkLinks(link(`${host.url}a`)))[0]).toMatchObject({ result: 'ok', status: 200 });
      expect(host.seen).toHaveLength(2);
      expect(host.seen[1]! - host.seen[0]!).toBeGreaterThanOrEqual(990);
    } finally {
      await host.close();
    }
  });

  it('a shorter pause asked later does not cut a longer one short', async () => {
    const [first, second] = gates();
    await first.hold('slow.example.gov.cn', 60_000, 60);
    await second.hold('slow.example.gov.cn', 1000, 1);
    expect(await first.held('slow.example.gov.cn')).toMatchObject({ askedS: 60 });
    expect((await first.held('slow.example.gov.cn'))!.leftMs).toBeGreaterThan(50_000);
    expect(await second.held('fast.example.gov.cn')).toBeNull();
  });
});
