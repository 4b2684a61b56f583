/**
 * Reproducible random samples of a sites file, for recurring spot checks (抽查), e.g. 20 of a city's 300
 * sites each quarter. The seed is written into the run and the reports, so anyone holding the same sites
 * file can redraw the same sample and check that it was not hand-picked.
 */
import { createHash } from 'node:crypto';

import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

import type { SiteSample } from '../../common/site-sample.js';

/**
 * Picks min(size, sites.length) sites uniformly without replacement, determined by `seed` alone.
 * The draw depends on the generator and this algorithm: changing either (or pure-rand's pinned
 * version) changes the sample an old seed gives, so treat them as part of the published method.
 */
export function sampleSites<T extends { id: string }>(sites: T[], size: number, seed: string): { chosen: T[]; sample: SiteSample } {
  if (!Number.isInteger(size) || size < 1) throw new Error(`sample size must be a whole number of at least 1, got ${size}`);
  // Any string works as a seed ("2026-Q4"); sha256 spreads it over the 32-bit seed space.
  const rng = xoroshiro128plus(createHash('sha256').update(seed, 'utf8').digest().readInt32BE(0));
  const indices = sites.map((_, i) => i);
  const count = Math.min(size, sites.length);
  // Partial Fisher–Yates: the first `count` slots end up a uniform draw without replacement.
  for (let i = 0; i < count; i++) {
    const j = uniformInt(rng, i, indices.length - 1);
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  // Back to sites-file order, so the sample reads like the file and does not hint at draw order.
  const chosen = indices
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => sites[i]!);
  return { chosen, sample: { seed, size: count, population: sites.length, siteIds: chosen.map((s) => s.id) } };
}

/** The sample stored in a run's options (JSON written by an earlier run), or undefined when it has none or it is malformed. */
export function storedSample(value: unknown): SiteSample | undefined {
  const s = value as Partial<SiteSample> | null | undefined;
  const ok =
    typeof s?.seed === 'string' &&
    Number.isInteger(s.size) &&
    Number.isInteger(s.population) &&
    Array.isArray(s.siteIds) &&
    s.siteIds.every((id) => typeof id === 'string');
  return ok ? (s as SiteSample) : undefined;
}
