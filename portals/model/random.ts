import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** FNV-1a, so that a text seed ("sz-2026") gives a stable numeric seed. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (const char of seed) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded random source: the same seed always builds the same portal. */
export class Random {
  private readonly rng;
  constructor(seed: string) {
    this.rng = xoroshiro128plus(hashSeed(seed));
  }
  /** Integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }
  chance(probability: number): boolean {
    return this.int(0, 9999) < probability * 10000;
  }
  pick<T>(values: readonly T[]): T {
    return values[this.int(0, values.length - 1)]!;
  }
  /** A new independent stream, so adding draws in one part of a portal does not shift another. */
  fork(label: string): Random {
    return new Random(`${this.int(0, 2 ** 30)}:${label}`);
  }
  shuffle<T>(values: readonly T[]): T[] {
    const copy = [...values];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
}
