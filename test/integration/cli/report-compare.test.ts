import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { load } from 'cheerio';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

import { Store } from '../../../server/store/store.js';
import { comparedRuns, plantedLinks, storeComparedRuns } from '../../fixtures/compared-runs.js';
import { runCli, tempDir } from '../cli-helpers.js';

const hostile = '=HYPERLINK("http://evil.example","点我")<script>alert(1)</script>';

/** `govscore report --compare` on two stored runs with planted changes (no crawl): the report, department reports and XLSX show them. */
describe('govscore report --compare', () => {
  let dir: string;
  let db: string;
  let out: string;
  let stdout: string;

  beforeAll(async () => {
    dir = await tempDir('report-compare');
    db = join(dir, 'govscore.db');
    const store = new Store(db);
    storeComparedRuns(store, { rsj: hostile });
    store.close();
    out = join(dir, 'out');
    const run = await runCli(['report', '--db', db, '--run', comparedRuns.later, '--compare', comparedRuns.earlier, '--out', out, '--format', 'html,xlsx']);
    expect(run.code, run.stderr).toBe(0);
    stdout = run.stdout;
  });

  it('prints the totals and writes keys into results.json', async () => {
    expect(stdout).toContain(`compared with run ${comparedRuns.earlier}: 新发现 2，已整改 1，`);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const d2 = results.sites[0].indicators.find((i: { id: string }) => i.id === 'D2');
    expect(d2.findings.map((f: { key: string }) => f.key).sort()).toEqual([
      'jyj/D2/link://jyj.example.gov.cn/files/new.doc',
      'jyj/D2/link://jyj.example.gov.cn/gone.html',
    ]);
  });

  it("each department report shows its own site's changes: counts, lists, and the reason nothing is judged fixed", async () => {
    const jyj = load(await readFile(join(out, 'departments', 'jyj.html'), 'utf8'));
    const section = jyj('section.finding-changes');
    expect(section.find('h2').text()).toBe(`与上次评估相比（2026年11月网站检查，评估日期 2026-11-21，运行编号 ${comparedRuns.earlier}）`);
    expect(section.find('.change-counts').text().replace(/\s+/g, ' ')).toBe(
      '新发现 2 已整改 1 仍存在 ' + section.find('.change.unchanged strong').text() + ' 本次未能测量 0',
    );
    expect(section.find('details.fixed li').text()).toContain(plantedLinks.fixed);
    expect(section.find('details.new li').text()).toContain(plantedLinks.new);
    expect(section.find('details.unchanged li').text()).toContain(plantedLinks.unchanged);
    // Nothing of the other site.
    expect(jyj.html()).not.toContain('rsj.example.gov.cn');
    const rsjHtml = await readFile(join(out, 'departments', 'rsj.html'), 'utf8');
    const rsj = load(rsjHtml)('section.finding-changes');
    expect(rsj.find('.change.fixed strong').text()).toBe('0');
    expect(rsj.find('details.not-measured li').first().text()).toContain('（本次未能评估该网站）');
    expect(rsj.text()).toContain('本次未能完成本网站的评估，上次发现的问题均无法判断是否已整改。');
    expect(rsjHtml).not.toContain('<script>alert(1)');
    expect(rsjHtml).toContain('&lt;script&gt;alert(1)&lt;');
  });

  it('the ranking report shows the comparison in the assessed site’s detail', async () => {
    const report = load(await readFile(join(out, 'report.html'), 'utf8'));
    expect(report('#site-jyj section.finding-changes h4').text()).toContain('与上次评估相比');
    expect(report('#site-jyj .change.new strong').text()).toBe('2');
  });

  it('the XLSX has a 问题变化 sheet, one row per finding, hostile cells inert', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'results.xlsx'));
    const sheet = workbook.getWorksheet('问题变化')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '组别', '网站', '变化', '指标', '问题描述', '网址', '说明', '问题标识']);
    const rows = sheet.getSheetValues().slice(3) as unknown[][];
    const changeOf = (k: string) => rows.find((r) => r[8] === k)?.[3];
    expect(changeOf('jyj/D2/link://jyj.example.gov.cn/files/old.pdf')).toBe('已整改');
    expect(changeOf('jyj/D2/link://jyj.example.gov.cn/files/new.doc')).toBe('新发现');
    expect(changeOf('jyj/D2/link://jyj.example.gov.cn/gone.html')).toBe('仍存在');
    expect(changeOf('rsj/D2/link://rsj.example.gov.cn/x.html')).toBe('本次未能测量');
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(cells.map((c) => c.text)).toContain(`'${hostile}`);
  });

  it('refuses to compare a run with itself or with a run the store does not hold', async () => {
    const self = await runCli([
      'report',
      '--db',
      db,
      '--run',
      comparedRuns.later,
      '--compare',
      comparedRuns.later,
      '--out',
      join(dir, 'x'),
      '--format',
      'html',
    ]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('--compare');
    const none = await runCli(['report', '--db', db, '--run', comparedRuns.later, '--compare', 'no-such-run', '--out', join(dir, 'y'), '--format', 'html']);
    expect([none.code, none.stderr.includes('no run no-such-run')]).toEqual([2, true]);
  });
});
