import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';
import type { Results } from '../../../reports/results.js';
import { Store } from '../../../server/store/store.js';
import { runCli, startCli, tempDir, writeSitesFile } from '../cli-helpers.js';

describe('govscore monitor, then assess', () => {
  let set: RunningPortalSet;
  beforeAll(async () => {
    set = await startPortalSet({ asOf: new Date().toISOString().slice(0, 10), seed: 'monitor-test' });
  });
  afterAll(() => set?.close());

  it('stores every probe as taken, and assess judges V1 on the monitored week', async () => {
    const dir = await tempDir('monitor');
    const sitesFile = await writeSitesFile(dir, set, ['fgw', 'wjw']);
    const db = join(dir, 'govscore.db');
    // fgw is down (503) for the whole drill; wjw (behind its firewall) answers 412, which is up.
    set.get('fgw').host.faults.down = 'http-503';
    const drill = startCli(['monitor', sitesFile, '--db', db, '--days', '1', '--per-day', '20', '--interval-ms', '60']);
    const code = await new Promise((r) => drill.child.on('exit', r));
    set.get('fgw').host.faults.down = null;
    expect(code, drill.output()).toBe(0);
    expect(drill.output()).toContain('round 20/20: 40 probes stored, 20 failed');

    const store = new Store(db);
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const fgw = store.probes(set.get('fgw').url, since, until);
    const wjw = store.probes(set.get('wjw').url, since, until);
    store.close();
    expect(fgw).toHaveLength(20);
    expect(fgw.every((p) => !p.ok && p.failure === 'http-503')).toBe(true);
    expect(wjw.every((p) => p.ok && p.status === 412)).toBe(true);

    // V1 is under test here; axe and Lighthouse are tested in accessibility, assess-run and lighthouse, the crawl elsewhere.
    const run = await runCli(['assess', sitesFile, '--out', dir, '--db', db, '--lighthouse-pages', '0', '--axe', 'off', '--max-pages', '10']);
    expect(run.code, run.stderr).toBe(0);
    const results: Results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
    const site = (id: string) => results.sites.find((s) => s.id === id)!;
    expect(site('fgw').observations.availability).toMatchObject({ monitored: 20, probes: 23, failures: 20 });
    expect(site('fgw').vetoes.map((v) => v.indicator)).toContain('V1');
    expect(site('wjw').observations.availability).toMatchObject({ monitored: 20, failures: 0 });
    expect(site('wjw').vetoes.map((v) => v.indicator)).not.toContain('V1');
  }, 240_000);
});
