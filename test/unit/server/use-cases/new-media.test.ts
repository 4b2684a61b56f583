import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { UsageError } from '../../../../common/usage-error.js';
import { loadIndicatorSet, parseIndicatorSet } from '../../../../indicators/load.js';
import { renderDepartmentReport } from '../../../../reports/department-report.js';
import { renderReport } from '../../../../reports/html-report.js';
import type { Results } from '../../../../reports/results.js';
import { buildWorkbook } from '../../../../reports/xlsx.js';
import { readNewMediaRegister } from '../../../../server/import/new-media-register.js';
import { Store } from '../../../../server/store/store.js';
import { storeNewMedia } from '../../../../server/use-cases/new-media.js';
import { computeRun } from '../../../../server/use-cases/score-run.js';
import { observations, storeSuspectedRun } from '../../../fixtures/suspected-run.js';

/**
 * The register through the store and the scoring, no crawl: the suspected-veto fixture run (evaluated on
 * 2026-11-21) with a register of accounts for jyj and wjw; rsj and fgw have none.
 */
const tmp = mkdtempSync(join(tmpdir(), 'govscore-new-media-run-'));
const crawl = { userAgent: 'test', robots: 'respect' as const };
const hostile = '<script>alert(1)</script>';
const formula = '=HYPERLINK("http://evil.example/","点我")';

let store: Store;
let runId: string;
let withoutRegister: Results;
let national: Results;
const site = (r: Results, id: string) => r.sites.find((s) => s.id === id)!;
const indicator = (r: Results, id: string, ind: string) => site(r, id).indicators.find((i) => i.id === ind)!;

beforeAll(async () => {
  store = new Store(':memory:');
  runId = storeSuspectedRun(store);
  const set = loadIndicatorSet('national-2019');
  withoutRegister = computeRun(store, runId, set, crawl, '.', { save: false });
  const file = join(tmp, '政务新媒体账号.csv');
  writeFileSync(
    file,
    [
      '网站,平台,账号名称,账号链接/ID,最后发布日期,是否提供互动功能,留言未回复数',
      'jyj,微信公众号,某市教育发布,https://mp.weixin.qq.com/s/abc,2026-11-19,是,0',
      `jyj,微信,${hostile},,2026-10-20,否,`,
      `jyj,微博,"${formula.replaceAll('"', '""')}",javascript:alert(1),2026-11-01,是,3`,
      '某市卫生健康委员会,抖音,健康某市,,,,',
    ].join('\n'),
  );
  const register = await readNewMediaRegister(
    file,
    store.runSites(runId).map((s) => ({ id: s.siteId, name: s.name })),
  );
  storeNewMedia(store, store.getRun(runId)!, register);
  rmSync(file); // a re-score needs the stored accounts only
  national = computeRun(store, runId, set, crawl, '.', { save: false });
});
afterAll(() => {
  store.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the register stored with the run', () => {
  it('records the file and sha256 with the run and each site’s accounts with its observations', () => {
    expect(store.getRun(runId)!.options['newMedia']).toMatchObject({ accounts: 4, sheet: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(national.assessment.newMedia).toEqual(store.getRun(runId)!.options['newMedia']);
    expect(store.observations(runId, 'jyj').newMedia!.accounts.map((a) => a.line)).toEqual([2, 3, 4]);
    expect(store.observations(runId, 'rsj').newMedia).toBeUndefined();
  });

  it('survives the site being collected again (the crawl does not own it)', () => {
    store.saveSiteResult(runId, 'jyj', {
      status: 'assessed',
      statusReason: null,
      pages: [],
      observations: observations('jyj.example.gov.cn', { homepageAge: 2, channel: true, services: true }),
    });
    expect(store.observations(runId, 'jyj').newMedia!.accounts).toHaveLength(3);
  });

  it('cannot change once the run is published', async () => {
    store.db.prepare("INSERT INTO users (login, name, role, password_hash, created_at) VALUES ('u', 'u', 'evaluator', 'x', 'now')").run();
    store.db.prepare('INSERT INTO publications VALUES (?, ?, (SELECT id FROM users))').run(runId, 'now');
    const changed = join(tmp, 'changed.csv');
    writeFileSync(changed, '网站,平台,账号名称,最后发布日期\njyj,微信,某市教育发布,2026-11-20\n');
    const register = await readNewMediaRegister(changed, [{ id: 'jyj', name: '某市教育局' }]);
    expect(() => storeNewMedia(store, store.getRun(runId)!, register)).toThrow(UsageError);
    store.db.prepare('DELETE FROM publications WHERE run_id = ?').run(runId);
  });
});

describe('national-2019: new media warns on the website’s sheet, never vetoes or deducts it', () => {
  it('warns of the stale accounts, the account without interaction, the unanswered messages and the two 微信公众号', () => {
    const jyj = site(national, 'jyj');
    expect(jyj.warnings.map((w) => w.indicator)).toEqual(['N1', 'N2', 'N3', 'N4']);
    expect([indicator(national, 'jyj', 'N1').value, indicator(national, 'jyj', 'N3').value, indicator(national, 'jyj', 'N4').value]).toEqual([2, 3, 1]);
    expect(indicator(national, 'jyj', 'N1').findings.map((f) => f.message)).toEqual([
      `微信公众号「${hostile}」超过两周未更新：最后发布 2026-10-20（距评估日 32 天）`,
      `微博「${formula}」超过两周未更新：最后发布 2026-11-01（距评估日 20 天）`,
    ]);
    expect(indicator(national, 'jyj', 'N3').findings.map((f) => f.message)).toEqual([`微博「${formula}」有 3 条留言未回复`]);
    // The website's score and outcome are what they were without the register.
    expect([jyj.score, jyj.passed, jyj.vetoes]).toEqual([site(withoutRegister, 'jyj').score, true, []]);
  });

  it('an undated account is not measured; a site with no rows is not measured, never zero', () => {
    expect(indicator(national, 'wjw', 'N1')).toMatchObject({ status: 'not-measured', reason: '未能测量：登记的账号均未填写可用的最后发布日期' });
    expect(indicator(national, 'rsj', 'N1')).toMatchObject({ status: 'not-measured', value: null });
    expect(indicator(national, 'rsj', 'N1').reason).toContain('未登记政务新媒体账号');
  });

  it('an office that judges them together makes a stale account a veto of the website with atLeast', () => {
    const text = readFileSync(loadIndicatorSet('national-2019').file, 'utf8')
      .replace(/^version: .*$/m, 'version: "office-1"')
      .replace(
        'source: evaluator:newMedia.staleAccounts\n    findings: newMedia.stale\n    unit: "个"\n    rule: { type: veto, warnAtLeast: 1 }',
        'source: evaluator:newMedia.staleAccounts\n    findings: newMedia.stale\n    unit: "个"\n    rule: { type: veto, atLeast: 1 }',
      );
    const strict = computeRun(store, runId, parseIndicatorSet(text, 'office.yaml'), crawl, '.', { save: false });
    expect(site(strict, 'jyj')).toMatchObject({ passed: false, grade: '不合格', vetoes: [{ indicator: 'N1' }] });
  });
});

describe('annual-performance: M1 scores the share of fresh accounts', () => {
  it('scores jyj’s 1 fresh account of 3 (below half: 0 of 2 points) and leaves M1 out for the sites without accounts', () => {
    const preset = loadIndicatorSet('annual-performance');
    const annual = computeRun(store, runId, preset, crawl, '.', { save: false });
    expect(annual.assessment.indicatorSet.version).toBe(preset.version);
    expect(indicator(annual, 'jyj', 'M1')).toMatchObject({ value: 0.333, score: 0, max: 2, status: 'deducted' });
    expect(indicator(annual, 'rsj', 'M1')).toMatchObject({ status: 'not-measured', score: null });
  });
});

describe('the reports list each site’s accounts, escaped', () => {
  it('the department report: platform, account, last post, days and status, the hostile name as text', () => {
    const page = renderDepartmentReport(national, site(national, 'jyj'), '.');
    expect(page).toContain('<h2>政务新媒体</h2><p>登记账号 3 个，超过两周未更新 2 个，1 个平台开设了多个账号');
    expect(page).toContain(
      '<tr class="fresh"><td>微信公众号</td><td><a href="https://mp.weixin.qq.com/s/abc" rel="noopener noreferrer">某市教育发布</a></td><td>2026-11-19</td><td>2</td><td>正常</td><td>同一平台有多个账号</td></tr>',
    );
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain(hostile);
    expect(page).not.toContain('href="javascript:');
    // The register by its name, not the office's folders.
    expect(page).toContain('登记表：政务新媒体账号.csv　sha256：');
    expect(page).not.toContain(tmp);
    expect(page).toContain(
      '<td>微博</td><td>=HYPERLINK(&quot;http://evil.example/&quot;,&quot;点我&quot;)<br><span class="evidence">javascript:alert(1)</span></td><td>2026-11-01</td><td>20</td><td>超过两周未更新</td><td>3 条留言未回复</td>',
    );
    expect(renderDepartmentReport(national, site(national, 'rsj'), '.')).not.toContain('<h2>政务新媒体</h2>');
  });

  it('the main report’s site detail', () => {
    const report = renderReport(national);
    expect(report).toContain('<summary>政务新媒体（登记账号 1 个，超过两周未更新 0 个，未能测量 1 个）</summary>');
    expect(report).not.toContain(hostile);
  });

  it('the XLSX sheet 政务新媒体, with the register’s text kept inert', () => {
    const sheet = buildWorkbook(national).getWorksheet('政务新媒体')!;
    const rows = sheet.getSheetValues().slice(3) as unknown[][];
    expect(rows.map((r) => [r[2], r[3], r[6] ?? null, r[7] ?? null, r[8]])).toEqual([
      ['某市教育局', '微信公众号', '2026-11-19', 2, '正常'],
      ['某市教育局', '微信公众号', '2026-10-20', 32, '超过两周未更新'],
      ['某市教育局', '微博', '2026-11-01', 20, '超过两周未更新'],
      ['某市卫生健康委员会', '抖音', null, null, '未能测量'],
    ]);
    expect(rows[2]![4]).toBe(`'${formula}`);
    expect(sheet.getCell('E3').value).toMatchObject({ hyperlink: 'https://mp.weixin.qq.com/s/abc' });
    expect(buildWorkbook(withoutRegister).getWorksheet('政务新媒体')).toBeUndefined();
  });
});
