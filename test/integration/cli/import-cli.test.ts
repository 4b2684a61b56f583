import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import type { Results } from '../../../reports/results.js';
import { importTable } from '../../../server/cli/import.js';
import { runCli, tempDir } from '../cli-helpers.js';

const fixtures = new URL('../../fixtures/reporting/', import.meta.url).pathname;

/**
 * `govscore import` with the info-reporting preset on the hand-made city table. Expected scores by hand:
 * adoption = min(60, 10×国办 + 5×省 + 2×市 + 5×批示); rate = 20 × min(1, (采用 ÷ 报送) ÷ 0.5);
 * quota = 20 × min(1, 报送 ÷ 任务数).
 */
const expected: Record<string, { score: number; rank: number; grade: string; group: string }> = {
  // 10 + 30 + 36 + 10 = 86 → 60; 25/45 ≥ 0.5 → 20; 45/40 → 20.
  市发展和改革委员会: { score: 100, rank: 1, grade: '优秀', group: '市直部门' },
  // 0 + 15 + 24 + 5 = 44; 15/32 = 0.46875 → 18.75; 32/30 → 20.
  市教育局: { score: 82.75, rank: 3, grade: '良好', group: '市直部门' },
  // 0 + 10 + 18 + 0 = 28; 11/28 → 15.71; 28/30 → 18.67.
  市公安局: { score: 62.38, rank: 4, grade: '一般', group: '市直部门' },
  // 0 + 0 + 14 + 0 = 14; 7/15 → 18.67; 15/30 → 10.
  市财政局: { score: 42.67, rank: 5, grade: '较差', group: '市直部门' },
  // 20 + 25 + 28 + 15 = 88 → 60; 21/38 → 20; 38/30 → 20: tied first with 发改委.
  市卫生健康委员会: { score: 100, rank: 1, grade: '优秀', group: '市直部门' },
  // 10 + 40 + 42 + 20 → 60; 30/52 → 20; 52/50 → 20.
  历下区人民政府: { score: 100, rank: 1, grade: '优秀', group: '区县政府' },
  // 0 + 30 + 38 + 5 → 60; 25/47 → 20; 47/50 → 18.8.
  市中区人民政府: { score: 98.8, rank: 2, grade: '优秀', group: '区县政府' },
};

describe('govscore import: a reporting table scored by info-reporting', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('import');
  });

  it('scores and ranks every department of the CSV by hand-computed totals, ties sharing a rank', async () => {
    const runs = await importTable({
      table: join(fixtures, 'city-2026q3-utf8.csv'),
      db: join(dir, 'a.db'),
      indicators: 'info-reporting',
      out: join(dir, 'a'),
      log: () => undefined,
    });
    expect(runs.map((r) => [r.period, r.units])).toEqual([['2026-Q3', 7]]);
    const results: Results = JSON.parse(await readFile(runs[0]!.outputs.results, 'utf8'));
    expect(results.assessment).toMatchObject({ asOf: '2026-09-30', indicatorSet: { id: 'info-reporting' } });
    const got = Object.fromEntries(results.sites.map((s) => [s.name, { score: s.score, rank: s.rank, grade: s.grade, group: s.group }]));
    expect(got).toEqual(expected);
    // The department sees the figures behind its rate and quota scores.
    const police = results.sites.find((s) => s.name === '市公安局')!;
    expect(police.indicators.find((i) => i.id === 'R5')!.findings[0]!.message).toBe(
      '2026-Q3：报送 28 条，采用 11 次（国办 0、省级 2、市级 9），采用率 39.3%；任务数 30 条，完成 93%',
    );
    expect(police.observations.reporting).toMatchObject({ measurement: { submitted: 28, adoptedTotal: 11 } });
  });

  it('the GBK copy of the table gives the same scores', async () => {
    const runs = await importTable({
      table: join(fixtures, 'city-2026q3-gbk.csv'),
      db: join(dir, 'b.db'),
      indicators: 'info-reporting',
      out: join(dir, 'b'),
      log: () => undefined,
    });
    const results: Results = JSON.parse(await readFile(runs[0]!.outputs.results, 'utf8'));
    expect(Object.fromEntries(results.sites.map((s) => [s.name, s.score]))).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v.score])));
  });

  it('an XLSX with two quarters becomes two runs, one ranking per period, each department keeping its id', async () => {
    const runs = await importTable({
      table: join(fixtures, 'district-2026q2q3.xlsx'),
      db: join(dir, 'c.db'),
      indicators: 'info-reporting',
      out: join(dir, 'c'),
      log: () => undefined,
    });
    expect(runs.map((r) => r.period)).toEqual(['2026-Q2', '2026-Q3']);
    const [q2, q3] = await Promise.all(runs.map(async (r) => JSON.parse(await readFile(r.outputs.results, 'utf8')) as Results));
    expect(runs[0]!.outputs.results).toContain(join('c', '2026-Q2'));
    expect(q2!.sites.map((s) => s.id).sort()).toEqual(q3!.sites.map((s) => s.id).sort());
    for (const r of [q2!, q3!]) expect(r.sites.every((s) => s.status === 'assessed' && s.rank !== null && s.score !== null)).toBe(true);
  });

  it('importing the same table again re-scores the same run instead of adding one', async () => {
    const args = {
      table: join(fixtures, 'city-2026q3-utf8.csv'),
      db: join(dir, 'd.db'),
      indicators: 'info-reporting',
      out: join(dir, 'd'),
      log: () => undefined,
    };
    const first = await importTable(args);
    const second = await importTable(args);
    expect(second[0]!.runId).toBe(first[0]!.runId);
  });

  it('refuses a website indicator set and a broken table with file, line and field, exit 2', async () => {
    const wrongSet = await runCli([
      'import',
      join(fixtures, 'city-2026q3-utf8.csv'),
      '--db',
      join(dir, 'e.db'),
      '--out',
      join(dir, 'e'),
      '--indicators',
      'national-2019',
    ]);
    expect(wrongSet.code).toBe(2);
    expect(wrongSet.stderr).toMatch(/national-2019\.yaml:1: --indicators: national-2019 scores crawled websites/);
    const broken = join(dir, 'broken.csv');
    await writeFile(broken, '单位,期间,报送,市级采用\n市教育局,2026年第三季度,十二,3\n');
    const bad = await runCli(['import', broken, '--db', join(dir, 'f.db'), '--out', join(dir, 'f')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: 报送: `));
  });
});
