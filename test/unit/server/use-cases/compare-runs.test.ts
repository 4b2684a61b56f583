import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { urlSubject } from '../../../../evaluators/lib/finding-subject.js';
import { loadIndicatorSet } from '../../../../indicators/load.js';
import { Store } from '../../../../server/store/store.js';
import { compareRuns, computeRun } from '../../../../server/use-cases/score-run.js';
import { comparedRuns, plantedLinks, storeComparedRuns } from '../../../fixtures/compared-runs.js';

/** Two stored runs with planted changes (test/fixtures/compared-runs.ts), compared as `report --compare` and the department page do. */
describe('compareRuns on stored runs', () => {
  let store: Store;
  const set = loadIndicatorSet('national-2019');
  const crawl = { userAgent: '', robots: 'respect' as const };
  const key = (site: string, indicator: string, kind: string, url: string) => `${site}/${indicator}/${kind}:${urlSubject(url)}`;

  beforeAll(() => {
    store = new Store(':memory:');
    storeComparedRuns(store);
  });
  afterAll(() => store.close());

  it('finds exactly the planted fix, the planted new problems and the problem that stayed, whose wording changed', () => {
    const later = computeRun(store, comparedRuns.later, set, crawl, 'evidence', { save: false });
    const c = compareRuns(store, comparedRuns.earlier, later, set);
    const jyj = c.sites.find((s) => s.siteId === 'jyj')!;
    const of = (change: string) => jyj.findings.filter((f) => f.change === change).map((f) => f.key);
    expect(of('fixed')).toEqual([key('jyj', 'D2', 'link', plantedLinks.fixed)]);
    expect(of('new').sort()).toEqual([key('jyj', 'D2', 'link', plantedLinks.new), 'jyj/D8/news-volume'].sort());
    expect(of('unchanged')).toContain(key('jyj', 'D2', 'link', plantedLinks.unchanged));
    expect(of('not-measured')).toEqual([]);
    const gone = (id: string) => computeRun(store, id, set, crawl, 'evidence', { save: false }).sites[0]!.indicators.find((i) => i.id === 'D2')!.findings;
    const [before, now] = [gone(comparedRuns.earlier), later.sites[0]!.indicators.find((i) => i.id === 'D2')!.findings].map((list) =>
      list.find((f) => f.url === plantedLinks.unchanged)!,
    );
    expect(before!.evidence).not.toBe(now!.evidence);
  });

  it('a site unreachable now leaves every earlier finding not measured, none fixed', () => {
    const later = computeRun(store, comparedRuns.later, set, crawl, 'evidence', { save: false });
    const rsj = compareRuns(store, comparedRuns.earlier, later, set).sites.find((s) => s.siteId === 'rsj')!;
    expect(rsj).toMatchObject({ earlier: 'assessed', now: 'not-assessed', counts: { new: 0, fixed: 0, unchanged: 0 } });
    expect(rsj.counts['not-measured']).toBeGreaterThanOrEqual(2);
    expect(rsj.findings.map((f) => f.key)).toEqual(expect.arrayContaining([key('rsj', 'D2', 'link', plantedLinks.rsj), 'rsj/V7/not-found']));
    expect(new Set(rsj.findings.map((f) => f.reason))).toEqual(new Set(['site-not-assessed']));
  });

  it('reads only the sites asked for in both runs, and saves no score for them', () => {
    const later = computeRun(store, comparedRuns.later, set, crawl, 'evidence', { save: false });
    const c = compareRuns(store, comparedRuns.earlier, later, set, new Set(['jyj']));
    expect(c.sites.map((s) => s.siteId)).toEqual(['jyj']);
    expect(store.scoresOf(comparedRuns.earlier)).toEqual([]);
  });
});
