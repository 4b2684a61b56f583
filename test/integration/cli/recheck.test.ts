import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pageSubject } from '../../../evaluators/lib/finding-subject.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';
import type { RecheckResults } from '../../../reports/recheck.js';
import type { Results } from '../../../reports/results.js';
import { Store } from '../../../server/store/store.js';
import { pageHashes } from '../../../server/use-cases/dismissal-basis.js';
import { dismissFinding } from '../../../server/use-cases/dismissals.js';
import { storedRun } from '../../../server/use-cases/stored-run.js';
import { runCli, tempDir, writeSitesFile } from '../cli-helpers.js';

/**
 * `govscore recheck` on one sample portal: a run, then a planted fix (the homepage's 404 link taken away) and a
 * planted regression (another 404 link on the homepage), then the re-check. The truth is the portal model's
 * planted links: exactly the removed link's findings are fixed and the added link's new; everything else found
 * again. A small budget and no accessibility pass or Lighthouse: what is re-checked is under test, not how a page is read.
 */
describe('govscore recheck', () => {
  let set: RunningPortalSet;
  let dir: string;
  let db: string;
  let earlier: Results;
  let recheck: RecheckResults;
  let notice: string;
  let removed: string;
  let added: string;
  /** Findings a reviewer dismissed after the run: one resting on the homepage (which the planted fix changes), one on its key alone. */
  let dismissedOnHomepage: string;
  let dismissedElsewhere: string;
  const budget = ['--max-pages', '30', '--axe', 'off', '--lighthouse-pages', '0', '--concurrency', '1'];

  beforeAll(async () => {
    set = await startPortalSet({ asOf: '2026-11-21', seed: 'recheck-test' });
    dir = await tempDir('recheck');
    const sitesFile = await writeSitesFile(dir, set, ['zfw']);
    const out = join(dir, 'out');
    db = join(out, 'govscore.db');
    const first = await runCli(['assess', sitesFile, '--out', out, ...budget]);
    expect(first.code, first.stderr).toBe(0);
    earlier = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));

    const portal = set.get('zfw');
    const origin = new URL(portal.url).origin;
    const broken = portal.portal.plantedLinks.find((l) => l.foundOn === 'homepage' && l.kind === 'http-404')!;
    removed = origin + broken.url;
    added = origin + '/old/bsfw/index.htm';
    portal.portal.plantedLinks = portal.portal.plantedLinks.filter((l) => l !== broken);
    portal.portal.plantedLinks.push({ url: '/old/bsfw/index.htm', text: '办事服务（旧版）', kind: 'http-404', foundOn: 'homepage' });

    // The department marks two findings fixed before the re-check: the one it fixed and one it did not.
    const keys = earlier.sites[0]!.indicators.flatMap((i) => i.findings.map((f) => f.key));
    const store = new Store(db);
    // A reviewer dismisses two findings: one resting on the homepage the run read (which the planted fix changes), and
    // one naming no page the run read (a link to another site), which rests on its key alone.
    const read = pageHashes(store, earlier.assessment.runId, 'zfw');
    const all = earlier.sites[0]!.indicators.flatMap((i) => i.findings);
    const homepage = (url: string | null) => new URL(url!).pathname.replace(/index\.html?$/, '') === '/';
    dismissedOnHomepage = all.find((f) => f.url && read(f.url) && homepage(f.url))!.key;
    dismissedElsewhere = all.find((f) => f.url && !read(f.url) && !f.key.endsWith(pageSubject('link', removed)))!.key;
    for (const key of [dismissedOnHomepage, dismissedElsewhere]) {
      const done = dismissFinding(store, {
        runId: earlier.assessment.runId,
        key,
        kind: 'false-positive',
        reason: '复核确认为误报',
        by: { name: '测试复核人', userId: null },
      });
      expect(done.ok, JSON.stringify(done)).toBe(true);
    }
    for (const key of [
      keys.find((k) => k.endsWith(pageSubject('link', removed)))!,
      keys.find((k) => !k.endsWith(pageSubject('link', removed)) && k !== dismissedElsewhere)!,
    ])
      store.rechecks.mark({ runId: earlier.assessment.runId, siteId: 'zfw', key, note: '已修改链接', by: null });
    store.close();

    const recheckOut = join(dir, 'recheck');
    const run = await runCli([
      'recheck',
      '--db',
      db,
      '--run',
      earlier.assessment.runId,
      '--as-of',
      '2026-11-21',
      '--deadline',
      '2026-12-31',
      '--out',
      recheckOut,
    ]);
    expect(run.code, run.stderr).toBe(0);
    recheck = JSON.parse(await readFile(join(recheckOut, 'recheck.json'), 'utf8'));
    notice = await readFile(join(recheckOut, 'recheck-notice.html'), 'utf8');
  }, 400_000);
  afterAll(() => set?.close());

  it('reports exactly the planted fix as fixed and the planted regression as new; every other finding is found again', () => {
    const earlierKeys = earlier.sites[0]!.indicators.flatMap((i) => i.findings.map((f) => f.key));
    const of = (status: string) => recheck.findings.filter((f) => f.status === status).map((f) => f.key);
    expect(of('fixed').length).toBeGreaterThan(0);
    expect(
      of('fixed').every((k) => k.endsWith(pageSubject('link', removed))),
      of('fixed').join('\n'),
    ).toBe(true);
    expect(of('new').length).toBeGreaterThan(0);
    expect(
      of('new').every((k) => k.endsWith(pageSubject('link', added))),
      of('new').join('\n'),
    ).toBe(true);
    expect(of('fixed')).toEqual([...new Set(earlierKeys.filter((k) => k.endsWith(pageSubject('link', removed))))]);
    // Every earlier finding but the one a reviewer dismissed that stays dismissed (the next test) is judged.
    expect(new Set([...of('not-fixed'), ...of('fixed'), ...of('not-measured')])).toEqual(new Set(earlierKeys.filter((k) => k !== dismissedElsewhere)));
    expect(of('not-measured')).toEqual([]);
    expect(recheck).toMatchObject({ runId: earlier.assessment.runId, asOf: '2026-11-21', deadline: '2026-12-31', sites: [{ id: 'zfw', state: 'assessed' }] });
    expect(recheck.recheckRunId).not.toBe(earlier.assessment.runId);
  });

  it('keeps a dismissed finding dismissed while it rests on the same thing, and counts it again once its page changed', () => {
    const store = new Store(db);
    try {
      const findings = (runId: string) =>
        storedRun(store, runId)!.sites[0]!.score!.indicators.flatMap((i) => [
          ...i.findings.map((f) => ({ key: `zfw/${i.id}/${f.subject}`, dismissed: false, lapsed: f.dismissal?.lapsed ?? null })),
          ...(i.dismissed ?? []).map((f) => ({ key: `zfw/${i.id}/${f.subject}`, dismissed: true, lapsed: null })),
        ]);
      const later = findings(recheck.recheckRunId);
      const dismissed = (key: string) => key === dismissedOnHomepage || key === dismissedElsewhere;
      // Found again, resting on its key alone: still dismissed in the re-check's run (a page read the same is the unit
      // tests' case: test/unit/server/use-cases/dismissals.test.ts).
      expect(later.find((f) => f.key === dismissedElsewhere)).toEqual({ key: dismissedElsewhere, dismissed: true, lapsed: null });
      // The homepage changed (a link taken away, another added): the finding counts again, marked as once dismissed,
      // and the re-check judges it 未整改 (it was there before), not 新发现.
      expect(later.find((f) => f.key === dismissedOnHomepage)).toEqual({ key: dismissedOnHomepage, dismissed: false, lapsed: 'page-changed' });
      expect(recheck.findings.filter((f) => dismissed(f.key)).map((f) => [f.key, f.status])).toEqual([[dismissedOnHomepage, 'not-fixed']]);
      // In the run they were dismissed in, both stay dismissed.
      expect(
        findings(earlier.assessment.runId)
          .filter((f) => f.dismissed)
          .map((f) => f.key)
          .sort(),
      ).toEqual([dismissedElsewhere, dismissedOnHomepage].sort());
    } finally {
      store.close();
    }
  });

  it('carries the department’s marks with what the re-check found of them', () => {
    const marked = recheck.findings.filter((f) => f.marked);
    expect(marked.map((f) => [f.status, f.marked!.note]).sort()).toEqual([
      ['fixed', '已修改链接'],
      ['not-fixed', '已修改链接'],
    ]);
  });

  it('keeps the re-check in the store, and its run does not count as the previous campaign', () => {
    const store = new Store(db);
    try {
      const [row] = store.rechecks.ofRun(earlier.assessment.runId);
      expect(row?.result.findings.length).toBe(recheck.findings.length);
      expect(store.rechecks.isRecheckRun(recheck.recheckRunId)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('refuses a run the store does not hold, a re-check’s own run and a site not in the run, before collecting anything', async () => {
    const none = await runCli(['recheck', '--db', db, '--run', 'no-such-run', '--out', join(dir, 'x')]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining(`runs stored: ${earlier.assessment.runId}`)]);
    const own = await runCli(['recheck', '--db', db, '--run', recheck.recheckRunId, '--out', join(dir, 'x')]);
    expect([own.code, own.stderr]).toEqual([2, expect.stringContaining(`is a re-check of ${earlier.assessment.runId}`)]);
    const site = await runCli(['recheck', '--db', db, '--run', earlier.assessment.runId, '--sites', 'zfw,nosuch', '--out', join(dir, 'x')]);
    expect([site.code, site.stderr]).toEqual([2, expect.stringContaining('not in run')]);
    const store = new Store(db);
    expect(store.rechecks.ofRun(earlier.assessment.runId).length).toBe(1);
    store.close();
  });

  it('the notice names the unit that has not fixed, with the deadline', () => {
    const $ = load(notice);
    expect($('h1').text()).toContain('整改情况复核的通报');
    expect($('ol.units > li').length).toBe(1);
    expect($('ol.units > li strong').text()).toBe(set.get('zfw').name);
    expect($('.deadline').text()).toBe('2026年12月31日');
    expect($('ol.units').text()).toContain('【新发现】');
  });
});
