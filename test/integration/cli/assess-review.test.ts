import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { beforeAll, describe, expect, inject, it } from 'vitest';

import type { Results } from '../../../reports/results.js';
import { runCli } from '../cli-helpers.js';
import { type SharedAssessment, sharedAssessment } from '../shared/shared-assessment.js';

/**
 * Review after an assessment, without a browser: rescore under an edited indicator set, reviewers'
 * overrides, and a set that may not change under its version. On a copy of the shared run's store
 * (shared/shared-assessment.ts), since these commands write to it.
 */
describe('rescore and reviewer overrides on a finished assessment', () => {
  let shared: SharedAssessment;
  let copied: string;
  let dir: string;

  beforeAll(async () => {
    shared = await sharedAssessment(inject('sharedAssessmentDir'));
    copied = await shared.copy('assess-review');
    dir = dirname(copied);
  }, 1_200_000);

  it('rescore with one weight changed (D18 −1 per rule instead of −0.5) changes exactly the sites with D18 findings, by the hand-computed amount, without a browser', async () => {
    const preset = await readFile(new URL('../../../indicators/presets/national-2019.yaml', import.meta.url), 'utf8');
    // D13 has the same rule text: edit the one inside D18's block only.
    const edited = preset
      .replace('version: "2019.4"', 'version: "2019.4-d18"')
      .replace(/(- id: D18\n(?:    .*\n)*?    rule: \{ type: perUnit, unit: 1, )points: 0\.5(, cap: 6 \})/, '$1points: 1$2');
    expect(edited.split('points: 0.5, cap: 6').length).toBe(preset.split('points: 0.5, cap: 6').length - 1);
    expect(edited).not.toBe(preset);
    const setFile = join(dir, 'd18-heavier.yaml');
    await writeFile(setFile, edited);
    const started = performance.now();
    const out = join(dir, 'rescored');
    const rescored = await runCli([
      'rescore',
      '--db',
      join(copied, 'govscore.db'),
      '--run',
      shared.results.assessment.runId,
      '--indicators',
      setFile,
      '--out',
      out,
    ]);
    const seconds = (performance.now() - started) / 1000;
    expect(rescored.code, rescored.stderr).toBe(0);
    const after: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(after.assessment.indicatorSet).toMatchObject({ id: 'national-2019', version: '2019.4-d18' });
    const deduction = (i: { score: number | null; max: number | null }) => (i.max ?? 0) - (i.score ?? 0);
    const expectedChanged: string[] = [];
    for (const before of shared.results.sites.filter((s) => s.status === 'assessed')) {
      const now = after.sites.find((s) => s.id === before.id)!;
      const d18 = before.indicators.find((i) => i.id === 'D18')!;
      const design = before.indicators.filter((i) => i.category === 'design');
      const rawBefore = design.reduce((sum, i) => sum + deduction(i), 0);
      const rawAfter = rawBefore - deduction(d18) + Math.min(6, (d18.value ?? 0) * 1);
      // Sites without services are rescaled ×100/75: the category sums change by Δ, the score by Δ × scale.
      const sum = before.categories.filter((c) => c.mode !== 'bonus' && c.applicable).reduce((t, c) => t + c.score!, 0);
      const expected = Math.round((sum - (Math.min(20, rawAfter) - Math.min(20, rawBefore))) * before.scale! * 100) / 100;
      // Category scores in results.json are rounded to cents, and a site without services is rescaled ×100/75:
      // recomputed from those rounded parts, the score can differ from the engine's by one cent.
      expect(Math.abs(now.score! - expected), `${before.id}: ${now.score} vs ${expected}`).toBeLessThanOrEqual(0.011);
      // Every other indicator scores as before.
      expect(
        now.indicators.filter((i) => i.id !== 'D18'),
        before.id,
      ).toEqual(before.indicators.filter((i) => i.id !== 'D18'));
      if (expected !== before.score) expectedChanged.push(before.id);
    }
    expect(expectedChanged.length).toBeGreaterThan(0);
    const listed = rescored.stdout
      .split('\n')
      .filter((l) => / → /.test(l))
      .map((l) => l.split(':')[0]);
    expect(listed.sort()).toEqual(expectedChanged.sort());
    expect(rescored.stdout).toContain(`${expectedChanged.length} site score(s) changed, against national-2019 v2019.4`);
    console.log(`rescore: ${expectedChanged.length} sites changed in ${seconds.toFixed(1)} s (CLI start included)`);
  });

  it('a reviewer override is stored with who and why, counts in the next rescore, survives an edited set, and is shown in the report', async () => {
    const db = join(copied, 'govscore.db');
    const runId = shared.results.assessment.runId;
    // A site that lost points on D1 (broken homepage links) or, failing that, on any deduction indicator.
    const target = shared.results.sites.find((s) => s.indicators.some((i) => i.status === 'deducted' && i.category !== 'veto' && !s.vetoes.length))!;
    const deducted = target.indicators.find((i) => i.status === 'deducted')!;
    const added = await runCli([
      'override',
      'add',
      '--db',
      db,
      '--run',
      runId,
      '--site',
      target.id,
      '--indicator',
      deducted.id,
      '--points',
      String(deducted.max),
      '--reason',
      '复核确认为临时故障，<script>x</script>',
      '--by',
      '张三',
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(new RegExp(`^recorded #1  ${target.id}  ${deducted.id}  ${deducted.max} 分  by 张三`));
    // An indicator the set does not have, and points above its maximum: refused with the field named.
    const unknown = await runCli([
      'override',
      'add',
      '--db',
      db,
      '--run',
      runId,
      '--site',
      target.id,
      '--indicator',
      'D99',
      '--points',
      '1',
      '--reason',
      'x',
      '--by',
      '张三',
    ]);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringMatching(/--indicator: 指标体系 national-2019 中没有指标 D99。/)]);
    const tooMany = await runCli([
      'override',
      'add',
      '--db',
      db,
      '--run',
      runId,
      '--site',
      target.id,
      '--indicator',
      deducted.id,
      '--points',
      String(deducted.max! + 1),
      '--reason',
      'x',
      '--by',
      '张三',
    ]);
    expect([tooMany.code, tooMany.stderr]).toEqual([2, expect.stringMatching(new RegExp(`--points: ${deducted.id} 的分数应在 0 到 ${deducted.max} 之间。`))]);

    const out = join(dir, 'reviewed');
    const rescored = await runCli(['rescore', '--db', db, '--run', runId, '--indicators', 'national-2019', '--out', out]);
    expect(rescored.code, rescored.stderr).toBe(0);
    const after: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const site = after.sites.find((s) => s.id === target.id)!;
    const decided = site.indicators.find((i) => i.id === deducted.id)!;
    expect(decided).toMatchObject({
      score: deducted.max,
      status: 'ok',
      override: { by: '张三', reason: '复核确认为临时故障，<script>x</script>', was: { score: deducted.score, status: 'deducted' } },
    });
    // The category regains what the indicator had lost (unless the category was capped at its budget).
    expect(site.score).toBeGreaterThanOrEqual(target.score!);
    const report = await readFile(join(out, 'report.html'), 'utf8');
    expect(report).toContain('人工复核');
    expect(report).toContain('复核确认为临时故障，&lt;script&gt;x&lt;/script&gt;');
    expect(report).not.toContain('<script>x</script>');

    // Rescored under the edited set (D18 doubled) the override still counts.
    const edited = join(dir, 'd18-heavier.yaml');
    const again = await runCli(['rescore', '--db', db, '--run', runId, '--indicators', edited, '--out', join(dir, 'reviewed-2')]);
    expect(again.code, again.stderr).toBe(0);
    const underEdited: Results = JSON.parse(await readFile(join(dir, 'reviewed-2', 'results.json'), 'utf8'));
    expect(underEdited.sites.find((s) => s.id === target.id)!.indicators.find((i) => i.id === deducted.id)!.override?.by).toBe('张三');

    // Revoked: the next scoring goes back to the measurement; the history keeps both.
    expect((await runCli(['override', 'revoke', '--db', db, '--run', runId, '--id', '1', '--by', '李四'])).code).toBe(0);
    const listed = await runCli(['override', 'list', '--db', db, '--run', runId]);
    expect(listed.stdout).toMatch(/#1 .* \[revoked .* by 李四\]/);
    await runCli(['rescore', '--db', db, '--run', runId, '--indicators', 'national-2019', '--out', join(dir, 'reviewed-3')]);
    const revoked: Results = JSON.parse(await readFile(join(dir, 'reviewed-3', 'results.json'), 'utf8'));
    expect(revoked.sites.find((s) => s.id === target.id)!.score).toBe(target.score);
    // Nine CLI runs, each a fresh process: allow for a busy machine.
  }, 240_000);

  it('an indicator set cannot change under the same version once scores were computed with it', async () => {
    const preset = await readFile(new URL('../../../indicators/presets/national-2019.yaml', import.meta.url), 'utf8');
    const sneaky = join(dir, 'same-version.yaml');
    await writeFile(sneaky, preset.replace('rule: { type: perUnit, unit: 1, points: 1, cap: 5 }', 'rule: { type: perUnit, unit: 1, points: 2, cap: 5 }'));
    const refused = await runCli([
      'rescore',
      '--db',
      join(copied, 'govscore.db'),
      '--run',
      shared.results.assessment.runId,
      '--indicators',
      sneaky,
      '--out',
      join(dir, 'sneaky'),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toMatch(
      new RegExp(
        `^${sneaky.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: version: national-2019 v2019.4 was already used on .*give the edited set a new version`,
      ),
    );
  });
});
