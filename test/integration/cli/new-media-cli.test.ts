import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { loadIndicatorSet } from '../../../indicators/load.js';
import type { Results } from '../../../reports/results.js';
import { Store } from '../../../server/store/store.js';
import { openRun, planRun } from '../../../server/use-cases/plan-run.js';
import { observations } from '../../fixtures/suspected-run.js';
import { runCli, tempDir } from '../cli-helpers.js';

/**
 * The new-media register through the command line without a crawl: the run of the sites file is stored with
 * every site already collected (so `assess` has nothing to crawl), then `assess` reads the register the sites
 * file names, stores it with the run and reports it; `rescore` under another set needs neither the table nor a crawl.
 */
describe('govscore assess with a new-media register, then rescore without it', () => {
  let dir: string;
  let sitesFile: string;
  let register: string;
  let db: string;
  const results = async (out: string): Promise<Results> => JSON.parse(await readFile(join(dir, out, 'results.json'), 'utf8'));

  beforeAll(async () => {
    dir = await tempDir('new-media');
    sitesFile = join(dir, 'sites.yaml');
    register = join(dir, '政务新媒体账号.csv');
    db = join(dir, 'govscore.db');
    const sites = [
      { id: 'jyj', name: '某市教育局', url: 'https://jyj.example.gov.cn/', group: '市直部门' },
      { id: 'wjw', name: '某市卫生健康委员会', url: 'https://wjw.example.gov.cn/', group: '市直部门', services: false },
    ];
    await writeFile(sitesFile, stringify({ name: '政务新媒体测试', asOf: '2026-11-21', newMedia: '政务新媒体账号.csv', sites }));
    await writeFile(
      register,
      [
        '网站,平台,账号名称,最后发布日期,是否提供互动功能',
        'jyj,微信公众号,某市教育发布,2026-11-19,是',
        'jyj,抖音,某市教育,2026年10月1日,是',
        '某市卫生健康委员会,微博,健康某市,2026/11/20,否',
      ].join('\r\n'),
    );
    const store = new Store(db);
    const run = openRun(store, planRun({ sitesFile }));
    for (const s of sites)
      store.saveSiteResult(run.id, s.id, {
        status: 'assessed',
        statusReason: null,
        pages: [],
        observations: observations(new URL(s.url).host, { homepageAge: 2, channel: true, services: s.id === 'jyj' }),
      });
    store.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a register naming a site the sites file lacks, with its line, column and the ids, before anything', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, '网站,平台,账号名称,最后发布日期\njyj,微信,某市教育发布,2026-11-19\ntyj,微博,某市体育,2026-11-19\n');
    const refused = await runCli(['assess', sitesFile, '--new-media', bad, '--out', join(dir, 'bad'), '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(
      `${bad}:3: 网站: "tyj" is no site of the sites file (neither an id nor a name) (write the id or name of a site in the sites file; ids: jyj, wjw)`,
    );
  });

  it('stores the register the sites file names and reports each site’s accounts', async () => {
    const assessed = await runCli(['assess', sitesFile, '--out', join(dir, 'out'), '--db', db]);
    expect(assessed.code, assessed.stderr).toBe(0);
    expect(assessed.stdout).toContain('政务新媒体登记表');
    expect(assessed.stdout).toContain('3 accounts of 2 sites');
    expect(assessed.stdout).toContain('2/2 sites already collected');
    const r = await results('out');
    expect(r.assessment.newMedia).toEqual({
      file: register,
      sha256: createHash('sha256')
        .update(await readFile(register))
        .digest('hex'),
      sheet: null,
      accounts: 3,
    });
    const jyj = r.sites.find((s) => s.id === 'jyj')!;
    expect(jyj.warnings.map((w) => w.indicator)).toEqual(['N1']);
    expect(jyj.indicators.find((i) => i.id === 'N1')!.findings[0]!.message).toBe('抖音「某市教育」超过两周未更新：最后发布 2026-10-01（距评估日 51 天）');
    expect(r.sites.find((s) => s.id === 'wjw')!.warnings.map((w) => w.indicator)).toEqual(['N2']);
    const department = await readFile(join(dir, 'out', 'departments', 'jyj.html'), 'utf8');
    expect(department).toContain('<td>抖音</td><td>某市教育</td><td>2026-10-01</td><td>51</td><td>超过两周未更新</td>');
  });

  it('re-scores from the stored accounts after the table is gone, under the preset’s current version', async () => {
    await rm(register);
    const rescored = await runCli([
      'rescore',
      '--db',
      db,
      '--run',
      (await results('out')).assessment.runId,
      '--indicators',
      'annual-performance',
      '--out',
      join(dir, 'annual'),
    ]);
    expect(rescored.code, rescored.stderr).toBe(0);
    const r = await results('annual');
    expect(r.assessment.indicatorSet.version).toBe(loadIndicatorSet('annual-performance').version);
    // jyj: 1 of its 2 accounts posted in the last 2 weeks — at the zero point (half) of M1's line; wjw: its one account did.
    expect(r.sites.map((s) => [s.id, s.indicators.find((i) => i.id === 'M1')!.value, s.indicators.find((i) => i.id === 'M1')!.score])).toEqual([
      ['jyj', 0.5, 0],
      ['wjw', 1, 2],
    ]);
  });
});
