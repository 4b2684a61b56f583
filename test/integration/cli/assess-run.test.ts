import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Ajv } from 'ajv';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { evaluateSite, type SiteMeasurements, type StoredObservations } from '../../../evaluators/evaluate-site.js';
import { loadIndicatorSet } from '../../../indicators/load.js';
import { truthVetoes } from '../../../portals/compare/truth-compare.js';
import type { PortalTruth } from '../../../portals/model/truth.js';
import { Store } from '../../../server/store/store.js';
import { compareColumns, runCli, tempDir } from '../cli-helpers.js';
import { sharedAsOf as asOf, type SharedAssessment, sharedAssessment, sharedIds as ids } from '../shared/shared-assessment.js';
import { evaluatorTruthTests } from './evaluator-truth-checks.js';

/**
 * `govscore assess` on the six sample portals, end to end (the run shared with assess-review and
 * assess-report: shared/shared-assessment.ts): results.json against the ground truth, the evaluators on the
 * observations it stored, an unreachable site, ranks, and the command run again.
 */
describe('govscore assess on the sample portals, end to end', () => {
  let shared: SharedAssessment;
  const measured = new Map<string, { m: SiteMeasurements; truth: PortalTruth }>();
  const stored = new Map<string, StoredObservations>();

  beforeAll(async () => {
    shared = await sharedAssessment(inject('sharedAssessmentDir'));
    // The evaluators' measurements, from the observations the run stored (evaluator-truth-checks.ts); the
    // store is opened on a copy, as every file that opens it does, so no file reads another's writes.
    const store = new Store(join(await shared.copy('assess-run'), 'govscore.db'));
    for (const id of ids) {
      const truth = shared.truth(id);
      const observed = store.observations(shared.results.assessment.runId, id);
      stored.set(id, structuredClone(observed));
      const { measurements } = evaluateSite(observed, asOf, { level: truth.portal.level, services: truth.portal.services });
      measured.set(id, { m: measurements, truth });
    }
    store.close();
  }, 1_200_000);

  evaluatorTruthTests(asOf, ids, () => measured);

  it('stores observations, evaluates measurements and writes results.json as their published schemas say (schemas/)', async () => {
    const ajv = new Ajv({ allErrors: true });
    const schema = async (file: string) => ajv.compile(JSON.parse(await readFile(new URL(`../../../schemas/${file}`, import.meta.url), 'utf8')));
    const [observations, measurements, results] = await Promise.all(
      ['observations.schema.json', 'measurements.schema.json', 'results.schema.json'].map(schema),
    );
    for (const id of ids) {
      expect(observations!(stored.get(id)), `${id} observations: ${ajv.errorsText(observations!.errors)}`).toBe(true);
      expect(measurements!(measured.get(id)!.m), `${id} measurements: ${ajv.errorsText(measurements!.errors)}`).toBe(true);
    }
    expect(results!(shared.results), `results.json: ${ajv.errorsText(results!.errors)}`).toBe(true);
  });

  it('finishes with exit code 0 and the results.json contract', () => {
    expect(shared.run.code, shared.run.stderr).toBe(0);
    expect(shared.results.assessment).toMatchObject({
      name: '测试评估',
      asOf,
      indicatorSet: { id: 'national-2019', version: loadIndicatorSet('national-2019').version },
    });
    expect(shared.results.assessment.indicatorSet.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(shared.results.assessment.runId).toMatch(/^20261121-[0-9a-f]{8}$/);
    for (const s of shared.results.sites) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining([
          'id',
          'name',
          'group',
          'url',
          'status',
          'statusReason',
          'score',
          'grade',
          'passed',
          'rank',
          'vetoes',
          'indicators',
          'observations',
        ]),
      );
      expect(Object.keys(s.observations)).toEqual(expect.arrayContaining(['columns', 'disclosure', 'mailbox', 'accessibility', 'links', 'availability']));
    }
    // The default page budget, as used: every sample portal is read within it, nothing refused.
    for (const s of shared.results.sites.filter((x) => x.status === 'assessed')) {
      const budget = s.crawl!.budget!;
      expect(budget, s.id).toEqual({ limit: 500, opened: expect.any(Number), refused: 0, cut: {} });
      expect(budget.opened, s.id).toBeGreaterThan(10);
      expect(budget.opened, s.id).toBeLessThanOrEqual(500);
    }
  });

  it('reads every column of every portal as the ground truth has it', () => {
    let correct = 0;
    let total = 0;
    for (const id of ids) {
      const truth = shared.truth(id);
      const site = shared.results.sites.find((s) => s.id === id)!;
      expect(site.status).toBe('assessed');
      const compared = compareColumns(site, truth);
      // No wrong or missing column, and none the truth does not have (a false column would count towards the vetoes).
      expect(compared.wrong, id).toEqual([]);
      correct += compared.correct;
      total += compared.total;
      expect(site.observations.homepage).toMatchObject({
        latest: truth.homepage.latest,
        stale: truth.homepage.stale,
        isNavigation: truth.homepage.isNavigation,
      });
    }
    console.log(`column accuracy: ${correct}/${total}`);
  });

  it('finds exactly the planted broken links (precision and recall)', () => {
    let found = 0;
    let planted = 0;
    let correct = 0;
    for (const id of ids) {
      const truth = shared.truth(id);
      const links = shared.results.sites.find((s) => s.id === id)!.observations.links!;
      const brokenUrls = links.broken.map((b) => b.url).sort();
      const plantedUrls = truth.allBrokenLinks.map((l) => l.url).sort();
      found += brokenUrls.length;
      planted += plantedUrls.length;
      correct += brokenUrls.filter((u) => plantedUrls.includes(u)).length;
      expect(brokenUrls, id).toEqual(plantedUrls);
      const onHomepage = truth.brokenLinks.filter((l) => l.foundOn === 'homepage').length;
      expect(links.brokenOnHomepage, id).toBe(onHomepage);
      expect(links.checked, id).toBeGreaterThan(20);
    }
    console.log(`broken links: precision ${correct}/${found}, recall ${correct}/${planted}`);
  });

  it('finds exactly the planted accessibility defects on the sampled pages, each rule once across them, and deducts D18 for them', () => {
    let planted = 0,
      found = 0,
      correct = 0,
      pages = 0;
    for (const id of ids) {
      const site = shared.results.sites.find((s) => s.id === id)!;
      const a = site.observations.accessibility!;
      const want = shared
        .truth(id)
        .accessibility.planted.map((p) => p.rule)
        .sort();
      // Planted defects are WCAG 2.0/2.1 A/AA failures; the best-practice, AAA and WCAG 2.2 rules that also run are not compared.
      const wcag = a.violations.filter((v) => v.wcag21AA);
      const got = wcag.map((v) => v.rule).sort();
      planted += want.length;
      found += got.length;
      correct += got.filter((r) => want.includes(r)).length;
      pages += a.pagesScanned;
      expect(got, id).toEqual(want);
      // The default sample: the homepage, the first five pages of the main navigation and the newest article of each.
      expect(a.pagesScanned, id).toBeGreaterThanOrEqual(6);
      expect(a.pagesScanned, id).toBeLessThanOrEqual(11);
      // Template defects show on every scanned page of their kind; one rule counts once however many pages.
      for (const v of wcag) expect(v.pages, `${id} ${v.rule}`).toBeGreaterThan(1);
      const serious = wcag.filter((v) => v.impact === 'serious' || v.impact === 'critical').length;
      expect(a.seriousRules, id).toBe(serious);
      const d18 = site.indicators.find((i) => i.id === 'D18')!;
      expect(d18.value, id).toBe(serious);
      expect(d18.score, id).toBe(6 - Math.min(6, serious * 0.5));
      // Lighthouse was not asked for (--lighthouse-pages 0): none ran (lighthouse.test.ts runs it).
      expect(a.lighthouse, id).toEqual([]);
    }
    console.log(`accessibility rules: precision ${correct}/${found}, recall ${correct}/${planted}; ${pages} pages scanned`);
  });

  // The only test file that runs Lighthouse (its first run in a process loads for 15–90 s): two sites crawl at
  // once here, so their Lighthouse runs are asked for at once and take turns.

  it('scores the vetoes the truth implies', () => {
    for (const id of ids) {
      const t = shared.truth(id);
      const site = shared.results.sites.find((s) => s.id === id)!;
      const value = (indicator: string) => site.indicators.find((i) => i.id === indicator)!.value;
      expect([value('V3'), value('V4'), value('V5')], id).toEqual([t.update.staleV3, t.update.staleV4, t.update.blank]);
      const expected = truthVetoes(t);
      // A veto resting on "not found" (fgw's missing consultation channel) awaits a reviewer as 疑似否决.
      const claimed = [...site.vetoes, ...site.suspectedVetoes].map((v) => v.indicator);
      expect(claimed.sort(), id).toEqual([...expected].sort());
      expect(site.passed, id).toBe(expected.length === 0 && site.score! >= 60);
    }
  });

  it('flags the wording errors and personal numbers the portals plant as a suspected V8 with their quotes, numbers masked, and nothing on the clean portals', async () => {
    const byKind = (a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind);
    for (const id of ids) {
      const planted = shared.truth(id).textChecks.planted;
      const site = shared.results.sites.find((s) => s.id === id)!;
      const checks = site.observations.textChecks!;
      expect(checks.pagesRead, id).toBeGreaterThan(10);
      expect(checks.dictionaries?.source, id).toBe('builtin');
      expect(checks.flags.map(({ url, check, kind }) => ({ url, check, kind })).sort(byKind), id).toEqual(
        planted.map(({ url, check, kind }) => ({ url, check, kind })).sort(byKind),
      );
      for (const p of planted) {
        const flag = checks.flags.find((f) => f.kind === p.kind && f.url === p.url)!;
        expect(p.check === 'leak' ? flag.entry : flag.quote, `${id} ${p.kind}`).toContain(p.found);
      }
      const v8 = site.indicators.find((i) => i.id === 'V8')!;
      expect([v8.status, v8.value], id).toEqual(planted.length ? ['suspected-veto', planted.length] : ['not-flagged', 0]);
      if (planted.length) {
        expect(
          site.suspectedVetoes.map((v) => v.indicator),
          id,
        ).toContain('V8');
        for (const f of v8.findings)
          expect([f.message, f.url, f.evidence], id).toEqual([expect.stringMatching(/^疑似.*待人工确认$/), expect.any(String), expect.any(String)]);
      }
    }
    // rsj's planted PDF was fetched and read; the sample portals' guide attachments (blank office files) are not read, with the reason.
    const rsj = shared.results.sites.find((s) => s.id === 'rsj')!.observations.textChecks!.attachments!;
    expect(rsj).toMatchObject({ budget: { maxFiles: 20 }, read: 1, overBudget: 0 });
    // Our outputs never re-publish a planted number in full (the texts kept as evidence do hold them, like the screenshots).
    const outputs = (await readdir(shared.out, { recursive: true })).filter((f) => /\.(json|html|csv)$/.test(f));
    expect(outputs.length).toBeGreaterThan(3);
    for (const file of outputs)
      for (const full of ['33010219880715001X', '13957101234', '330102199202030028'])
        expect(await readFile(join(shared.out, file), 'utf8'), file).not.toContain(full);
  });

  it('lists an unreachable site as not assessed, with its reason, and does not rank it', async () => {
    const dead = shared.results.sites.find((s) => s.id === 'dead')!;
    expect(dead).toMatchObject({ status: 'unreachable', statusReason: 'refused', score: null, rank: null, passed: false });
    const report = await readFile(join(shared.out, 'report.html'), 'utf8');
    expect(report).toContain('未能评估的网站');
    expect(report).toContain('已关停的网站');
    const csv = await readFile(join(shared.out, 'ranking.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // The reason in words with its code, as the report and the XLSX give it (it was the bare code).
    expect(csv).toMatch(/市直部门,,已关停的网站,.*,无法访问,,,,,连接被拒绝（refused），可重试,/);
  });

  it('ranks within peer groups, with shared ranks for ties', () => {
    for (const group of ['市县政府', '市直部门']) {
      const ranked = shared.results.sites.filter((s) => s.group === group && s.rank !== null).sort((a, b) => a.rank! - b.rank!);
      ranked.forEach((s, i) => {
        const previous = ranked[i - 1];
        if (!previous) return expect(s.rank).toBe(1);
        const tie = previous.score === s.score && previous.vetoes.length > 0 === s.vetoes.length > 0;
        expect(s.rank).toBe(tie ? previous.rank : i + 1);
      });
    }
  });

  it('the same command again reuses the finished run without crawling', async () => {
    // On a copy: the command writes its outputs again, which the other files of the run are reading.
    const again = await runCli(['assess', shared.sitesFile, '--out', await shared.copy('assess-again'), '--lighthouse-pages', '0']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`run ${shared.results.assessment.runId}`);
    expect(again.stdout).toContain('8/8 sites already collected');
    expect(again.stdout).not.toMatch(/\[\d+\/8\]/);
  });

  it('a sites file with an invalid field fails with file, line and field', async () => {
    const bad = join(await tempDir('assess-bad'), 'bad.yaml');
    await writeFile(
      bad,
      `name: 测试\nasOf: ${asOf}\nsites:\n  - id: a\n    name: 甲\n    url: http://127.0.0.1:1/\n  - id: b\n    name: 乙\n    url: not-a-url\n`,
    );
    const failed = await runCli(['assess', bad, '--out', join(bad, '..', 'bad-out')]);
    expect(failed.code).toBe(2);
    expect(failed.stderr.trim()).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9: sites\\[1\\]\\.url: `));
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
  });
});
