import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { load } from 'cheerio';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

import { Store } from '../../../server/store/store.js';
import { comparedRuns, plantedColumn, plantedLinks, storeComparedRuns } from '../../fixtures/compared-runs.js';
import { runCli, tempDir } from '../cli-helpers.js';

const gone = `jyj/D2/link:${plantedLinks.unchanged.replace(/^https:/, '')}`;
const metaColumn = 'jyj/D17/meta:column';
const hostileReason = '<script>alert(1)</script>=HYPERLINK("http://evil.example")';

/**
 * `govscore dismiss` on two stored runs (test/fixtures/compared-runs.ts, no crawl): findings dismissed in the earlier
 * run, the later run reported — the dismissed link stays dismissed (it rests on its key), the finding whose page
 * changed comes back marked 曾被驳回，页面已变化 — in the department report, the ranking report and the XLSX.
 */
describe('govscore dismiss', () => {
  let db: string;
  let out: string;

  beforeAll(async () => {
    const dir = await tempDir('dismiss');
    db = join(dir, 'govscore.db');
    const store = new Store(db);
    storeComparedRuns(store);
    // The column page D17's finding names: read in both runs, changed in the later one.
    const page = store.db.prepare("INSERT INTO pages (run_id, site_id, url, final_url, status, role, ms, hash) VALUES (?, 'jyj', ?, ?, 200, 'column', 10, ?)");
    page.run(comparedRuns.earlier, plantedColumn, plantedColumn, 'before');
    page.run(comparedRuns.later, plantedColumn, plantedColumn, 'after');
    store.close();
    for (const run of [comparedRuns.earlier, comparedRuns.later]) {
      const scored = await runCli(['report', '--db', db, '--run', run, '--out', join(dir, run), '--format', 'html']);
      expect(scored.code, scored.stderr).toBe(0);
    }
    out = join(dir, 'out');
  });

  it('records a dismissal, says what it did to the score, refuses a wrong kind, lists and undoes', async () => {
    const add = (key: string, kind: string, reason: string) =>
      runCli(['dismiss', 'add', '--db', db, '--run', comparedRuns.earlier, '--key', key, '--kind', kind, '--reason', reason, '--by', '李审核']);
    const wrong = await add(gone, 'mistake', '理由');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('驳回类型应为 false-positive（误报）或 exception（接受的例外）');
    const link = await add(gone, 'false-positive', hostileReason);
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout).toMatch(/已驳回 #1 .* 误报 /);
    const [before, after] = link.stdout
      .match(/得分：([\d.]+) → ([\d.]+)/)!
      .slice(1)
      .map(Number);
    expect(after! - before!).toBeCloseTo(0.1);
    const column = await add(metaColumn, 'exception', '栏目页由省平台统一提供');
    expect(column.code, column.stderr).toBe(0);
    const third = await add('jyj/D4/leaders', 'false-positive', '负责人信息在信息公开专栏中');
    expect((await runCli(['dismiss', 'undo', '--db', db, '--id', '3', '--by', '王处长'])).stdout).toContain('已撤销 #3');
    expect(third.code).toBe(0);
    const list = await runCli(['dismiss', 'list', '--db', db, '--site', 'jyj']);
    expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(list.stdout).toContain('[已撤销');
    expect(list.stdout).toContain(`依据页面 ${plantedColumn}`);
    expect((await runCli(['dismiss', 'list', '--db', db, '--site', 'rsj'])).stdout).toContain('没有驳回记录');
  });

  it('the later run’s reports show the dismissal and the lapsed one, only to their own site', async () => {
    const report = await runCli(['report', '--db', db, '--run', comparedRuns.later, '--out', out, '--format', 'html,xlsx']);
    expect(report.code, report.stderr).toBe(0);
    const jyjHtml = await readFile(join(out, 'departments', 'jyj.html'), 'utf8');
    const jyj = load(jyjHtml);
    const section = jyj('section.dismissed');
    expect(section.find('h2').text()).toBe('已驳回的问题');
    expect(section.find('li')).toHaveLength(1);
    expect(section.find('li').text()).toContain(plantedLinks.unchanged);
    expect(section.find('li').text()).toContain('误报：<script>alert(1)</script>');
    expect(section.find('li').text()).toContain('不计扣分');
    expect(jyjHtml).not.toContain('<script>alert(1)');
    // D17's page changed since: the finding counts again, marked.
    expect(jyj('article.problem').text()).toContain('曾被驳回（接受的例外，李审核');
    expect(jyj('article.problem').text()).toContain('页面已变化，重新计入');
    // The undone dismissal is gone from the reports.
    expect(jyj('article.problem').text()).toMatch(/未找到领导信息|领导信息缺少/);
    const rsj = await readFile(join(out, 'departments', 'rsj.html'), 'utf8');
    expect(rsj).not.toContain('已驳回');
    expect(rsj).not.toContain('曾被驳回');
    const ranking = load(await readFile(join(out, 'report.html'), 'utf8'));
    expect(ranking('#site-jyj details.dismissed summary').text()).toBe('已驳回的问题（1 条）');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'results.xlsx'));
    const sheet = workbook.getWorksheet('已驳回问题')!;
    const header = sheet.getRow(2).values as unknown[];
    const row = sheet.getRow(3).values as unknown[];
    const cell = (name: string) => row[header.indexOf(name)];
    expect([cell('网站'), cell('驳回类型'), cell('驳回人'), cell('计分'), cell('问题标识')]).toEqual(['某市教育局', '误报', '李审核', '不计扣分', gone]);
    expect(cell('理由')).toBe(hostileReason);
    expect(sheet.rowCount).toBe(3);
    const findings = workbook.getWorksheet('问题清单')!;
    const lapsed = (findings.getSheetValues() as unknown[][]).find((r) => r?.includes(metaColumn))!;
    expect(String(lapsed.find((v) => typeof v === 'string' && v.startsWith('曾被驳回')))).toContain('页面已变化');
  });
});
