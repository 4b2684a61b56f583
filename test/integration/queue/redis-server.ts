import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

import { Redis } from 'ioredis';

/** A free loopback port, found by letting the OS pick one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A real redis-server of the test's own (no persistence), on a free port: tests never share queue state.
 * The port is free when chosen but may be taken before redis binds it (another test's server asking the OS
 * for a port at that moment): a redis that exits before answering is started again on another port, and a
 * slow start on a loaded machine is waited for up to 30 s.
 */
export async function startRedis(onPort?: number): Promise<ReturnType<typeof running>> {
  let lastOutput = '';
  // On a given port (a worker already waiting for it), one attempt only.
  for (let attempt = 1; attempt <= (onPort ? 1 : 4); attempt++) {
    const port = onPort ?? (await freePort());
    const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-2000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let exited = false;
    child.once('exit', () => void (exited = true));
    child.once('error', () => void (exited = true));
    if (await answers(port, () => exited)) return running(port, child);
    child.kill('SIGKILL');
    lastOutput = output.trim().split('\n').slice(-3).join(' | ');
  }
  throw new Error(`redis-server did not start (is it installed? bash scripts/ensure-redis.sh). Its last words: ${lastOutput || '(none)'}`);
}

/** Whether redis on the port answers a PING within 30 s; false as soon as the process has exited. */
async function answers(port: number, exited: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !exited()) {
    const probe = new Redis({ port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      probe.disconnect();
    }
  }
  return false;
}

function running(port: number, child: ChildProcess): { url: string; pid: number; client: () => Redis; stop: () => Promise<void> } {
  const url = `redis://127.0.0.1:${port}`;
  const clients: Redis[] = [];
  return {
    url,
    pid: child.pid!,
    client: () => {
      const c = new Redis({ port, maxRetriesPerRequest: null });
      clients.push(c);
      return c;
    },
    stop: async () => {
      for (const c of clients) c.disconnect();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
