import { describe, expect, it } from 'vitest';

import { loadIndicatorSet } from '../../../../indicators/load.js';
import { sampleSites, storedSample } from '../../../../server/config/sample-sites.js';
import { Store } from '../../../../server/store/store.js';
import { computeRun } from '../../../../server/use-cases/score-run.js';

const sites = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${String(i).padStart(3, '0')}`, name: `网站${i}` }));
const city = sites(300);

describe('sampleSites', () => {
  it('gives the same sites for the same sites, size and seed: the published draw of a seed never changes', () => {
    // The seed is printed in the reports so that anyone can redraw the sample: these are the 20 of 300 that
    // '2026-Q4' drew when the method was published. A change of generator or algorithm fails here.
    const first = sampleSites(city, 20, '2026-Q4');
    expect(first.sample.siteIds).toEqual([
      's003',
      's008',
      's031',
      's037',
      's051',
      's061',
      's066',
      's068',
      's096',
      's131',
      's153',
      's158',
      's160',
      's186',
      's187',
      's264',
      's265',
      's276',
      's291',
      's295',
    ]);
    expect(sampleSites(sites(10), 3, '抽查').sample.siteIds).toEqual(['s001', 's008', 's009']);
    expect(first.sample).toMatchObject({ seed: '2026-Q4', size: 20, population: 300 });
    expect(first.chosen.map((s) => s.id)).toEqual(first.sample.siteIds);
  });

  it('gives different sites for different seeds', () => {
    const draws = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1'].map((seed) => sampleSites(city, 20, seed).sample.siteIds.join());
    expect(new Set(draws).size).toBe(draws.length);
  });

  it('draws without replacement and keeps the sites-file order', () => {
    for (const seed of ['a', 'b', 'c', '抽查']) {
      const { chosen, sample } = sampleSites(city, 50, seed);
      expect(new Set(sample.siteIds).size).toBe(50);
      const positions = chosen.map((s) => city.indexOf(s));
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      expect(positions.every((p) => p >= 0)).toBe(true);
    }
  });

  it('returns every site, in order, when the size reaches the population', () => {
    const ten = sites(10);
    for (const size of [10, 25]) {
      const { chosen, sample } = sampleSites(ten, size, 'x');
      expect(chosen).toEqual(ten);
      expect(sample).toEqual({ seed: 'x', size: 10, population: 10, siteIds: ten.map((s) => s.id) });
    }
  });

  it('picks every site about equally often', () => {
    // 3000 draws of 10 of 30: each site expected 1000 times, standard deviation ≈ 26; ±120 is over 4.5σ.
    const thirty = sites(30);
    const counts = new Map(thirty.map((s) => [s.id, 0]));
    for (let i = 0; i < 3000; i++) for (const id of sampleSites(thirty, 10, `seed-${i}`).sample.siteIds) counts.set(id, counts.get(id)! + 1);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(880);
      expect(count).toBeLessThan(1120);
    }
  });

  it('rejects a size below 1 or not a whole number', () => {
    for (const size of [0, -3, 2.5, Number.NaN]) expect(() => sampleSites(city, size, 'x')).toThrow(/sample size must be a whole number of at least 1/);
  });
});

describe('storedSample', () => {
  it('reads a sample from run options and ignores anything malformed', () => {
    const sample = { seed: '2026-Q4', size: 2, population: 300, siteIds: ['a', 'b'] };
    expect(storedSample(sample)).toEqual(sample);
    for (const bad of [undefined, null, 'x', { ...sample, siteIds: [1] }, { ...sample, size: '2' }]) expect(storedSample(bad)).toBeUndefined();
  });
});

describe('a sampled run', () => {
  it('carries RunRow.options.sample into results.assessment.sample, and nothing when there is none', () => {
    const store = new Store(':memory:');
    const { chosen, sample } = sampleSites(sites(30), 3, '2026-Q4');
    const rows = chosen.map((s, position) => ({
      siteId: s.id,
      position,
      name: s.name,
      url: `https://${s.id}.example.gov.cn/`,
      group: '市直部门',
      services: true,
      level: 'department' as const,
    }));
    const run = (id: string, options: Record<string, unknown>) =>
      store.createRun({ id, key: id, name: '抽查', asOf: '2026-11-21', sitesFile: 'sites.yaml', sitesSha256: 'x', indicators: 'national-2019', options }, rows);
    run('sampled', { robots: 'respect', sample });
    run('whole', { robots: 'respect' });
    const set = loadIndicatorSet('national-2019');
    const crawl = { userAgent: '', robots: 'respect' as const };
    const sampled = computeRun(store, 'sampled', set, crawl, '.', { save: false });
    expect(sampled.assessment.sample).toEqual(sample);
    expect(JSON.parse(JSON.stringify(sampled)).assessment.sample).toEqual(sample);
    expect('sample' in computeRun(store, 'whole', set, crawl, '.', { save: false }).assessment).toBe(false);
    store.close();
  });
});
