import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import type { Results } from '../../../reports/results.js';
import { Store } from '../../../server/store/store.js';
import { storeSuspectedRun } from '../../fixtures/suspected-run.js';
import { runCli, tempDir } from '../cli-helpers.js';

/**
 * The 疑似否决 flow through the CLI on a stored run (no crawl): rescore → the reports show 待复核 →
 * publish refused → a reviewer confirms one suspicion and clears the other → rescore → publish allowed.
 */
describe('suspected vetoes through the CLI: rescore, report, publish refused, override, rescore, publish', () => {
  let dir: string;
  let db: string;
  let runId: string;
  const results = async (out: string): Promise<Results> => JSON.parse(await readFile(join(dir, out, 'results.json'), 'utf8'));
  const site = (r: Results, id: string) => r.sites.find((s) => s.id === id)!;

  beforeAll(async () => {
    dir = await tempDir('suspected');
    db = join(dir, 'govscore.db');
    const store = new Store(db);
    runId = storeSuspectedRun(store);
    await store.accounts.add({ login: 'staff', name: '评估办张三', role: 'evaluator', password: 'correct horse battery' });
    store.close();
  });

  it('scores an absence as suspected and a measured staleness as a veto; the reports show 待复核', async () => {
    const scored = await runCli(['rescore', '--db', db, '--run', runId, '--indicators', 'national-2019', '--out', join(dir, 'before')]);
    expect(scored.code, scored.stderr).toBe(0);
    const r = await results('before');
    expect(site(r, 'jyj')).toMatchObject({ passed: true, pendingReview: false, vetoes: [], suspectedVetoes: [], rank: 1 });
    // rsj provides services, but nothing named like 办事服务 among its homepage's 2 links.
    expect(site(r, 'rsj')).toMatchObject({ passed: false, pendingReview: true, grade: '待复核', rank: null, vetoes: [] });
    expect(site(r, 'rsj').suspectedVetoes).toEqual([
      {
        indicator: 'V7',
        reason: expect.stringContaining('在首页的 2 个链接中查找“办事服务/网上办事/政务服务'),
        searched: { where: ['首页的 2 个链接'], for: expect.arrayContaining(['办事服务', '网上办事']) },
      },
    ]);
    expect(site(r, 'rsj').suspectedVetoes[0]!.reason).toMatch(/未找到办事服务入口$/);
    expect(site(r, 'fgw').suspectedVetoes.map((v) => v.indicator)).toEqual(['V6']);
    expect(site(r, 'fgw').suspectedVetoes[0]!.reason).toContain('未找到网上咨询建言渠道（仅有信访事项、违纪违法举报，不属于咨询渠道）');
    // A homepage whose newest item is 40 days old is measured: vetoed at once, ranked after the sites without a veto.
    expect(site(r, 'wjw')).toMatchObject({ vetoes: [{ indicator: 'V2' }], suspectedVetoes: [], pendingReview: false, grade: '不合格', rank: 2 });

    const report = await readFile(join(dir, 'before', 'report.html'), 'utf8');
    expect(report).toContain('待复核 2 个');
    expect(report).toMatch(/<span class="tag pending-review">待复核<\/span><\/td><td><a href="#site-rsj">/);
    expect(report).toContain('疑似否决：未找到办事服务入口');
    const csv = await readFile(join(dir, 'before', 'ranking.csv'), 'utf8');
    expect(csv).toMatch(/市直部门,,某市人力资源和社会保障局,.*,待复核,,,服务不实用：在首页的 2 个链接中查找/);
    const notice = await readFile(join(dir, 'before', 'notice.html'), 'utf8');
    expect(notice).toContain('以下2个网站存在疑似否决项');
    expect(notice).not.toMatch(/评估不合格：[^<]*某市人力资源和社会保障局/);
    const department = await readFile(join(dir, 'before', 'departments', 'rsj.html'), 'utf8');
    expect(department).toContain('疑似否决（待人工复核）');
  });

  it('refuses to publish while suspected vetoes await review, naming the sites and what to do (exit code 3)', async () => {
    const refused = await runCli(['publish', '--db', db, '--run', runId, '--by', 'staff']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('不能发布：2 个网站存在疑似否决项');
    expect(refused.stderr).toContain('某市人力资源和社会保障局（V7 服务不实用）');
    expect(refused.stderr).toContain('某市发展和改革委员会（V6 互动回应差）');
    expect(refused.stderr).toContain(`govscore override add --db ${db} --run ${runId} --site rsj --indicator V7 --veto yes|no`);
    const nobody = await runCli(['publish', '--db', db, '--run', runId, '--by', 'nobody']);
    expect([nobody.code, nobody.stderr]).toEqual([2, expect.stringContaining('--by nobody: no evaluator or admin account')]);
  });

  it('a reviewer clears one suspicion and confirms the other; after the rescore the run can be published', async () => {
    const clear = await runCli([
      'override',
      'add',
      '--db',
      db,
      '--run',
      runId,
      '--site',
      'rsj',
      '--indicator',
      'V7',
      '--veto',
      'no',
      '--reason',
      '办事服务在“便民服务”图片入口下，已核实',
      '--by',
      '张三',
    ]);
    expect(clear.code, clear.stderr).toBe(0);
    const confirm = await runCli([
      'override',
      'add',
      '--db',
      db,
      '--run',
      runId,
      '--site',
      'fgw',
      '--indicator',
      'V6',
      '--veto',
      'yes',
      '--reason',
      '人工核查确无咨询渠道',
      '--by',
      '张三',
    ]);
    expect(confirm.code, confirm.stderr).toBe(0);
    // The stored scores are what gets published: until the rescore they still hold the suspicions.
    expect((await runCli(['publish', '--db', db, '--run', runId, '--by', 'staff'])).code).toBe(3);

    const rescored = await runCli(['rescore', '--db', db, '--run', runId, '--indicators', 'national-2019', '--out', join(dir, 'after')]);
    expect(rescored.code, rescored.stderr).toBe(0);
    const r = await results('after');
    expect(site(r, 'rsj')).toMatchObject({ passed: true, pendingReview: false, suspectedVetoes: [], vetoes: [], rank: expect.any(Number) });
    expect(site(r, 'rsj').indicators.find((i) => i.id === 'V7')).toMatchObject({ status: 'ok', override: { by: '张三', was: { status: 'suspected-veto' } } });
    expect(site(r, 'fgw')).toMatchObject({
      passed: false,
      grade: '不合格',
      suspectedVetoes: [],
      vetoes: [{ indicator: 'V6', reason: '互动回应差：人工复核（人工核查确无咨询渠道）' }],
    });
    expect(await readFile(join(dir, 'after', 'report.html'), 'utf8')).not.toContain('疑似否决：');

    const published = await runCli(['publish', '--db', db, '--run', runId, '--by', 'staff']);
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toContain(`run ${runId} published`);
    const store = new Store(db, { mustExist: true });
    try {
      expect(store.publications.isPublished(runId)).toBe(true);
      expect(store.reviews.auditTrail().map((a) => a.action)).toContain('publish');
    } finally {
      store.close();
    }
  }, 120_000);
});
