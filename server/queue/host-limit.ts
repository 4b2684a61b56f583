import type { Redis } from 'ioredis';

import type { HostGate } from '../../evaluators/collect/host-gate.js';
import { keyPrefix } from './connection.js';

/**
 * Reserves the host's next free slot and returns how long the caller waits for it. Slots are spaced by
 * ARGV[1] ms on Redis's clock (one clock for every machine), so no sliding second ever holds more than
 * the rate — where counting in fixed one-second windows lets two windows' worth through around a border.
 * The key lives only as long as a reservation is pending.
 */
const reserveSlot = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local after = slot + tonumber(ARGV[1])
redis.call('SET', KEYS[1], after, 'PX', math.ceil(after - now) + 1000)
return slot - now`;

/**
 * Page loads, link checks and probes per host per second, paced in Redis for every worker of every
 * machine: a host sees this rate from the whole fleet, not from each worker. A caller whose slot is
 * ahead waits for it; a Redis error is thrown on (the job fails and is retried, never run unpaced).
 */
export function redisHostGate(redis: Redis, perSecond: number): HostGate {
  const spacingMs = 1000 / perSecond;
  return async (host) => {
    const waitMs = Number(await redis.eval(reserveSlot, 1, `${keyPrefix}:host:${host}`, spacingMs));
    if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  };
}
