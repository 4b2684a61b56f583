import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { probeOnce } from '../../../evaluators/collect/probes.js';

describe('availability probes', () => {
  const server = createServer((_req, res) => res.end('<html><body>首页</body></html>'));
  let connections = 0;
  server.on('connection', () => connections++);
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => void server.close());

  it('open a connection of their own each time, as a new visitor does, so a stale kept-alive socket cannot fail one as "reset"', async () => {
    const probes = [];
    for (let i = 0; i < 3; i++) probes.push((await probeOnce(url, 5000, 'govscore-test'))!);
    expect(probes.map((p) => [p.ok, p.status])).toEqual([
      [true, 200],
      [true, 200],
      [true, 200],
    ]);
    expect(connections).toBe(3);
  });
});
