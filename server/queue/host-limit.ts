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
 * A pause a host asked for: the key holds the seconds asked and expires when the pause is over, so what
 * is left of it is the key's time to live, counted by Redis alone (no machine's clock is compared).
 * A longer pause already running is kept.
 */
const extendHold = `
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[1]) end`;
const readHold = `
local asked = redis.call('GET', KEYS[1])
if not asked then return false end
return {tonumber(asked), redis.call('PTTL', KEYS[1])}`;

/**
 * Page loads, link checks and probes per host per second, paced in Redis for every worker of every
 * machine: a host sees this rate from the whole fleet, not from each worker. A caller whose slot is
 * ahead waits for it; a Redis error is thrown on (the job fails and is retried, never run unpaced).
 * The pauses hosts ask for (Retry-After) are kept there too: one worker's 429 holds every worker back.
 */
export function redisHostGate(redis: Redis, perSecond: number): HostGate {
  const spacingMs = 1000 / perSecond;
  return {
    pace: async (host) => {
      const waitMs = Number(await redis.eval(reserveSlot, 1, `${keyPrefix}:host:${host}`, spacingMs));
      if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
    },
    held: async (host) => {
      const hold = (await redis.eval(readHold, 1, `${keyPrefix}:hold:${host}`)) as [number, number] | null;
      return hold && hold[1] > 0 ? { askedS: hold[0], leftMs: hold[1] } : null;
    },
    hold: async (host, ms, askedS) => {
      await redis.eval(extendHold, 1, `${keyPrefix}:hold:${host}`, Math.ceil(ms), askedS);
    },
  };
}
