import { Redis, type RedisOptions } from 'ioredis';

import { UsageError } from '../../common/usage-error.js';

/** Every key govscore keeps in Redis starts with this (BullMQ's `prefix`), beside any other user of the server. */
export const keyPrefix = 'govscore';

/** redis://[user:password@]host[:port][/db] → ioredis options as BullMQ wants them (no retry limit per command). */
export function redisOptions(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--queue/--redis: "${url}" is not a Redis URL (expected redis://host:6379)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new UsageError(`--queue/--redis: "${url}" is not a Redis URL (expected redis://host:6379)`);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(Number.isInteger(db) ? { db } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/**
 * Answers once Redis does, or fails with what to do: without this, a wrong URL or a stopped server leaves
 * BullMQ reconnecting silently forever.
 */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Redis({ ...redisOptions(url), lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  // The connection's own error (ECONNREFUSED, ENOTFOUND, NOAUTH…) says more than the "Connection is closed" connect() rejects with.
  const seen: { cause?: Error } = {};
  client.on('error', (error: Error) => (seen.cause ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = seen.cause?.message ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(`cannot reach Redis at ${url}: ${reason} — start redis-server or correct the URL`);
  } finally {
    client.disconnect();
  }
}
