import { spawn } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bin, tempDir } from '../cli-helpers.js';
import { descendants, killAll, stillRunning } from '../process-tree.js';

const until = async (check: () => boolean, ms: number, what: string) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** `govscore a11y <url>` with its own temp directory, so its profile folders are the only ones there. */
function a11y(url: string, tmp: string) {
  const child = spawn('node', [bin, 'a11y', url], { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, exited, output: () => out };
}

const profiles = async (tmp: string) => (await readdir(tmp)).filter((name) => name.startsWith('govscore-chrome-'));

describe('the browser of a killed process', () => {
  let server: Server;
  let base: string;
  const held: ServerResponse[] = [];
  beforeAll(async () => {
    // /hang never answers, so the audit is still loading it when its process is killed.
    server = createServer((req, res) => {
      if (req.url === '/hang') return void held.push(res);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!doctype html><html lang="zh-CN"><title>测试</title><main><h1>测试页</h1></main></html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    for (const res of held) res.destroy();
    server?.close();
  });

  it('dies with it on kill -9, and the next launch removes the profile folder it left', async () => {
    const dir = await tempDir('browser-life');
    const tmp = join(dir, 'tmp');
    await mkdir(tmp);
    const first = a11y(`${base}/hang`, tmp);
    let seen = new Map<number, string>();
    try {
      await until(() => held.length > 0 && (seen = descendants(first.child.pid!)).size > 0, 60_000, `the audit's browser to load the page: ${first.output()}`);
      const chromium = [...seen].filter(([, args]) => /chrom/.test(args)).map(([pid]) => pid);
      expect(chromium.length).toBeGreaterThan(2);
      first.child.kill('SIGKILL');
      await first.exited;
      // The pipe closes with the process: Chromium exits within a second or two (5 s allowed on a loaded machine).
      await until(() => stillRunning(chromium).pids.length === 0, 5000, 'Chromium to exit').catch(() => undefined);
      expect(stillRunning(chromium).pids, 'Chromium processes alive 5 s after kill -9').toEqual([]);
      // A killed process cannot remove its folder: it is named after that process.
      expect(await profiles(tmp)).toEqual([expect.stringMatching(new RegExp(`^govscore-chrome-${first.child.pid}-`))]);

      const second = a11y(`${base}/`, tmp);
      expect(await second.exited, second.output()).not.toBeNull();
      expect(second.output()).toContain(base);
      // The stale folder went at the second launch, the second's own at its exit.
      expect(await profiles(tmp)).toEqual([]);
    } finally {
      killAll(stillRunning(seen.keys()).pids);
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
