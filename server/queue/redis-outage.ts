import { isNotConnectionError } from 'bullmq';
import type { Redis } from 'ioredis';

/** Reconnect delays of the worker's own Redis client: 1 s, doubling up to 20 s, as BullMQ's connections back off. */
export const reconnectDelayMs = (attempt: number) => Math.min(1000 * 2 ** Math.max(0, attempt - 1), 20_000);

const remindEveryMs = 5 * 60_000;

const socketErrors = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** A lost or refused connection (BullMQ's own test misses a write on a socket just closed: EPIPE). */
export function isConnectionError(error: Error): boolean {
  return !isNotConnectionError(error) || socketErrors.has((error as NodeJS.ErrnoException).code ?? '');
}

export interface RedisHealth {
  /** Whether the client is connected and ready now. */
  readonly up: boolean;
  /** Resolves true once Redis answers, false if the signal fires first. */
  ready(signal?: AbortSignal): Promise<boolean>;
}

/**
 * Says when Redis cannot be reached (one line with the address, again every 5 minutes while it stays so)
 * and when it answers again, from the events of one client; the client keeps retrying on its own. A worker
 * whose Redis had gone used to say nothing but ioredis's stack traces, one per attempt.
 */
export function watchRedis(client: Redis, url: string, log: (line: string) => void): RedisHealth {
  let down = false;
  let since = 0;
  let said = 0;
  client.on('error', (error: Error) => {
    const now = Date.now();
    if (!down) {
      down = true;
      since = said = now;
      log(
        `无法连接 Redis（${url}）：${error.message}；将不断重试，间隔由 1 秒逐步加长到 20 秒 — cannot reach Redis at ${url}: ${error.message}; retrying, 1 s to 20 s apart`,
      );
    } else if (now - said >= remindEveryMs) {
      said = now;
      const minutes = Math.round((now - since) / 60_000);
      log(`仍无法连接 Redis（${url}），已 ${minutes} 分钟 — still cannot reach Redis at ${url} after ${minutes} min`);
    }
  });
  client.on('ready', () => {
    if (down) log(`Redis（${url}）已连上 — Redis at ${url} answers`);
    down = false;
  });
  return {
    get up() {
      return client.status === 'ready';
    },
    ready: (signal) =>
      new Promise<boolean>((resolve) => {
        if (client.status === 'ready') return resolve(true);
        if (signal?.aborted) return resolve(false);
        const onReady = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(true);
        };
        const onAbort = () => {
          client.off('ready', onReady);
          resolve(false);
        };
        client.once('ready', onReady);
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}
