import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { HostGate } from '../../evaluators/collect/host-gate.js';
import { keyPrefix } from './connection.js';

/**
 * Page loads and link checks per host per second, counted in Redis by every worker of every machine: a
 * host sees this rate from the whole fleet, not from each worker. When the host's second is used up the
 * caller waits for the next one.
 */
export function redisHostGate(redis: Redis, perSecond: number): HostGate {
  const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${keyPrefix}:host`, points: perSecond, duration: 1 });
  return async (host) => {
    for (;;) {
      try {
        await limiter.consume(host);
        return;
      } catch (refusal) {
        // Anything but a refusal (Redis gone) is thrown on: the job fails and is retried, never run unpaced.
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        await new Promise((r) => setTimeout(r, Math.max(10, refusal.msBeforeNext)));
      }
    }
  };
}
