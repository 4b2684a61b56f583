import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../../../../common/config-errors.js';
import { parseCount } from '../../../../server/import/counts.js';
import { normalisePeriod } from '../../../../server/import/periods.js';
import { readReportingTable, reportingUnitId } from '../../../../server/import/reporting-table.js';
import type { ReportingRow } from '../../../../server/import/rows.js';

const fixtures = fileURLToPath(new URL('../../../fixtures/reporting/', import.meta.url));
const fixture = (name: string) => join(fixtures, name);

const tmp = mkdtempSync(join(tmpdir(), 'govscore-reporting-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a CSV (lines joined with CRLF, as Excel does) into the temp dir and returns its path. */
function csvFile(name: string, lines: string[]): string {
  const file = join(tmp, name);
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

/** Writes a one-sheet workbook (plus the extra sheets named) into the temp dir. */
async function xlsxFile(name: string, rows: ExcelJS.CellValue[][], extraSheets: string[] = []): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('报送情况');
  rows.forEach((values, i) => (sheet.getRow(i + 1).values = values));
  for (const extra of extraSheets) workbook.addWorksheet(extra);
  const file = join(tmp, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function errorOf(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** The typed part of the rows (without `raw`), for comparing with hand-written expectations. */
const typed = (rows: ReportingRow[]) => rows.map(({ raw: _raw, ...row }) => row);

/** A row of the city table: its fields in the order of the table's columns. */
function cityRow(line: number, unit: string, code: string, group: string, counts: [number, number, number, number, number, number]) {
  const [submitted, adoptedNational, adoptedProvincial, adoptedCity, instructions, quota] = counts;
  return { line, unit, code, group, period: '2026-Q3', submitted, adoptedNational, adoptedProvincial, adoptedCity, instructions, quota };
}

const CITY_ROWS = [
  cityRow(5, '市发展和改革委员会', '11370100004', '市直部门', [45, 1, 6, 18, 2, 40]),
  cityRow(6, '市教育局', '11370100012', '市直部门', [32, 0, 3, 12, 1, 30]), // ３２ and —
  cityRow(7, '市公安局', '11370100020', '市直部门', [28, 0, 2, 9, 0, 30]), // 28条, empty, "9", -
  cityRow(8, '市财政局', '11370100039', '市直部门', [15, 0, 0, 7, 0, 30]), // ／ and empty
  cityRow(9, '市卫生健康委员会', '11370100047', '市直部门', [38, 2, 5, 14, 3, 30]),
  cityRow(10, '历下区人民政府', '11370102001', '区县政府', [52, 1, 8, 21, 4, 50]),
  cityRow(11, '市中区人民政府', '11370103002', '区县政府', [47, 0, 6, 19, 1, 50]),
];

describe('readReportingTable on the fixtures', () => {
  it('reads a UTF-8 CSV with BOM, title lines, bracketed units, a header broken over two lines and a 合计 row', async () => {
    const table = await readReportingTable(fixture('city-2026q3-utf8.csv'));
    expect(table.file).toBe(fixture('city-2026q3-utf8.csv'));
    expect(table.sheet).toBeNull();
    expect(table.headerLine).toBe(3); // the header record spans lines 3–4
    expect(table.columns).toEqual([
      { header: '序号', field: null },
      { header: '单位名称', field: 'unit' },
      { header: '单位代码', field: 'code' },
      { header: '类别', field: 'group' },
      { header: '统计期间', field: 'period' },
      { header: '报送量 （条）', field: 'submitted' },
      { header: '国办采用（条）', field: 'adoptedNational' },
      { header: '省政府办公厅采用（条）', field: 'adoptedProvincial' },
      { header: '市政府办公室采用（条）', field: 'adoptedCity' },
      { header: '领导批示（次）', field: 'instructions' },
      { header: '任务数（条）', field: 'quota' },
      { header: '备注', field: null },
    ]);
    expect(table.periods).toEqual(['2026-Q3']);
    // Group and period are written in the first row of their block only (merged cells saved as CSV).
    expect(typed(table.rows)).toEqual(CITY_ROWS);
    expect(table.rows[1]!.raw).toEqual({
      序号: '2',
      单位名称: '市教育局',
      单位代码: '11370100012',
      类别: '',
      统计期间: '',
      '报送量 （条）': '３２',
      '国办采用（条）': '—',
      '省政府办公厅采用（条）': '3',
      '市政府办公室采用（条）': '12',
      '领导批示（次）': '1',
      '任务数（条）': '30',
      备注: '',
    });
    expect(table.rows[4]!.raw['备注']).toBe('信息"快报"3期');
    expect(reportingUnitId(table.rows[0]!)).toBe('11370100004');
  });

  it('reads the same table saved as GBK to the same rows', async () => {
    const bytes = readFileSync(fixture('city-2026q3-gbk.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const gbk = await readReportingTable(fixture('city-2026q3-gbk.csv'));
    const utf8 = await readReportingTable(fixture('city-2026q3-utf8.csv'));
    expect(gbk.rows).toEqual(utf8.rows);
    expect(gbk.columns).toEqual(utf8.columns);
    expect(gbk.headerLine).toBe(3);
  });

  it('reads an XLSX with a merged title, two stacked quarters, merged group/period cells, text numbers and formulas', async () => {
    const table = await readReportingTable(fixture('district-2026q2q3.xlsx'));
    expect(table.sheet).toBe('季度统计');
    expect(table.headerLine).toBe(4);
    expect(table.columns.map((c) => [c.header, c.field])).toEqual([
      ['序号', null],
      ['部门 名称', 'unit'],
      ['站点标识', 'code'],
      ['组别', 'group'],
      ['季度', 'period'],
      ['报送数', 'submitted'],
      ['被国办采用', 'adoptedNational'],
      ['省办采用', 'adoptedProvincial'],
      ['市级采用', 'adoptedCity'],
      ['获批示', 'instructions'],
      ['目标数', 'quota'],
      ['采用合计', null],
    ]);
    expect(table.periods).toEqual(['2026-Q2', '2026-Q3']);
    const row = (line: number, unit: string, code: string, group: string, period: string, c: number[]) => ({
      line,
      unit,
      code,
      group,
      period,
      submitted: c[0],
      adoptedNational: c[1],
      adoptedProvincial: c[2],
      adoptedCity: c[3],
      instructions: c[4],
      quota: c[5],
    });
    // Rows 9, 15 (小计), 10 (blank), 16 (总计), 18–19 (备注, signatures) are not data.
    expect(typed(table.rows)).toEqual([
      row(5, '区发展和改革局', '3701120001', '区直部门', '2026-Q2', [36, 1, 4, 10, 2, 30]),
      row(6, '区教育和体育局', '3701120002', '区直部门', '2026-Q2', [23, 0, 2, 8, 0, 30]), // '23' as text
      row(7, '洪家楼街道办事处', '3701120101', '街道', '2026-Q2', [18, 0, 1, 6, 1, 20]), // code a number cell, —
      row(8, '山大路街道办事处', '3701120102', '街道', '2026-Q2', [15, 0, 0, 5, 0, 20]), // empty 获批示
      row(11, '区发展和改革局', '3701120001', '区直部门', '2026-Q3', [41, 2, 5, 12, 3, 30]), // '3' as text
      row(12, '区教育和体育局', '3701120002', '区直部门', '2026-Q3', [27, 1, 3, 9, 1, 30]), // '１'
      row(13, '洪家楼街道办事处', '3701120101', '街道', '2026-Q3', [20, 0, 2, 7, 0, 20]), // '20条'
      row(14, '山大路街道办事处', '3701120102', '街道', '2026-Q3', [16, 0, 1, 6, 0, 20]), // '-'
    ]);
    // The formula column holds the cached result, never the formula.
    expect(table.rows.map((r) => r.raw['采用合计'])).toEqual(['15', '10', '7', '5', '19', '13', '9', '7']);
    expect(table.rows[0]!.raw).toEqual({
      序号: '1',
      '部门 名称': '区发展和改革局',
      站点标识: '3701120001',
      组别: '区直部门',
      季度: '2026年二季度',
      报送数: '36',
      被国办采用: '1',
      省办采用: '4',
      市级采用: '10',
      获批示: '2',
      目标数: '30',
      采用合计: '15',
    });
  });

  it('reads a named sheet whose period column holds dates, leaving absent count columns null', async () => {
    const table = await readReportingTable(fixture('district-2026q2q3.xlsx'), { sheet: '月度明细' });
    expect(table.sheet).toBe('月度明细');
    expect(table.headerLine).toBe(2);
    expect(table.periods).toEqual(['2026-07', '2026-08', '2026-09']);
    const row = (line: number, unit: string, period: string, [s, n, p, c]: number[]) => ({
      line,
      unit,
      code: null,
      group: null,
      period,
      submitted: s,
      adoptedNational: n,
      adoptedProvincial: p,
      adoptedCity: c,
      instructions: null,
      quota: null,
    });
    expect(typed(table.rows)).toEqual([
      row(3, '区教育和体育局', '2026-07', [9, 0, 1, 3]), // date cells
      row(4, '区教育和体育局', '2026-08', [8, 1, 1, 3]),
      row(5, '区教育和体育局', '2026-09', [10, 0, 1, 3]),
      row(6, '洪家楼街道办事处', '2026-07', [6, 0, 0, 2]), // 2026年7月
      row(7, '洪家楼街道办事处', '2026-08', [7, 0, 1, 2]), // 2026.08
      row(8, '洪家楼街道办事处', '2026-09', [7, 0, 1, 3]), // 2026/9
    ]);
  });

  it('takes the period of the whole table from the options when there is no period column', async () => {
    const file = csvFile('no-period.csv', ['部门,报送数,市采用,批示', '市教育局,10,3,1', '市民政局,8,2,0']);
    const table = await readReportingTable(file, { period: '2026年上半年' });
    expect(table.periods).toEqual(['2026-H1']);
    expect(typed(table.rows)).toEqual([
      {
        line: 2,
        unit: '市教育局',
        code: null,
        group: null,
        period: '2026-H1',
        submitted: 10,
        adoptedNational: null,
        adoptedProvincial: null,
        adoptedCity: 3,
        instructions: 1,
        quota: null,
      },
      {
        line: 3,
        unit: '市民政局',
        code: null,
        group: null,
        period: '2026-H1',
        submitted: 8,
        adoptedNational: null,
        adoptedProvincial: null,
        adoptedCity: 2,
        instructions: 0,
        quota: null,
      },
    ]);
    expect(reportingUnitId(table.rows[0]!)).toBe('市教育局');
  });

  it('carries a group and period past a unit name broken over two lines, but not past a blank line', async () => {
    const file = csvFile('carry.csv', [
      '单位,类别,期间,报送,国办采用',
      '"市发展和\n改革委员会",市直部门,2026年9月,3,0',
      '市教育局,,,2,0',
      '',
      '市民政局,,2026-09,1,0',
    ]);
    const table = await readReportingTable(file);
    expect(table.rows.map((r) => [r.line, r.unit, r.group, r.period])).toEqual([
      [2, '市发展和\n改革委员会', '市直部门', '2026-09'],
      [4, '市教育局', '市直部门', '2026-09'],
      [6, '市民政局', null, '2026-09'],
    ]);
  });

  it('skips block titles, a repeated header and 小计 rows between stacked periods', async () => {
    const file = csvFile('stacked.csv', [
      '单位,期间,报送,国办采用,省采用',
      ',2026年一季度,,,',
      '市教育局,2026Q1,5,0,1',
      '市民政局,2026Q1,4,0,0',
      '小　计,,9,0,1',
      '单位,期间,报送,国办采用,省采用',
      '市教育局,2026年第二季度,6,1,1',
      '全市合计,,15,1,2',
    ]);
    const table = await readReportingTable(file);
    expect(table.rows.map((r) => [r.line, r.unit, r.period, r.submitted])).toEqual([
      [3, '市教育局', '2026-Q1', 5],
      [4, '市民政局', '2026-Q1', 4],
      [7, '市教育局', '2026-Q2', 6],
    ]);
    expect(table.periods).toEqual(['2026-Q1', '2026-Q2']);
  });
});

describe('normalisePeriod', () => {
  it.each([
    ['2026年第三季度', '2026-Q3'],
    ['2026年三季度', '2026-Q3'],
    ['2026年第3季度', '2026-Q3'],
    ['2026Q3', '2026-Q3'],
    ['2026-Q3', '2026-Q3'],
    ['2026 q4', '2026-Q4'],
    ['２０２６年第一季度', '2026-Q1'],
    ['2026年9月', '2026-09'],
    ['2026年09月份', '2026-09'],
    ['2026-09', '2026-09'],
    ['2026/9', '2026-09'],
    ['2026.09', '2026-09'],
    ['2026年12月', '2026-12'],
    ['2026年上半年', '2026-H1'],
    ['2026年下半年', '2026-H2'],
    ['2026-H2', '2026-H2'],
    ['2026年', '2026'],
    ['2026年度', '2026'],
    ['2026', '2026'],
  ])('%s → %s', (text, period) => expect(normalisePeriod(text)).toBe(period));

  it.each(['2026年秋季', '2026年第五季度', '2026-13', '2026年13月', '26年9月', '三季度', '2026-09-01', '1234', 'Q3', ''])('%s is not a period', (text) =>
    expect(normalisePeriod(text)).toBeNull(),
  );
});

describe('parseCount', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    ['12条', 12],
    [' 7 ', 7],
    ['0', 0],
    ['', 0],
    ['—', 0],
    ['——', 0],
    ['-', 0],
    ['／', 0],
    ['1,200', 1200],
    ['3.0', 3],
  ])('%j → %d', (text, count) => expect(parseCount(text)).toBe(count));

  it.each(['十二', '-3', '1.5', '12个半', '=1+1', '1e3', '#DIV/0!'])('%j is not a count', (text) => expect(parseCount(text)).toBeNull());
});

describe('readReportingTable errors', () => {
  const header = '单位名称,统计期间,报送量（条）,国办采用（条）,省采用（条）';

  it('names a missing required column at the header line, listing the accepted headers', async () => {
    const file = csvFile('no-submitted.csv', ['2026年三季度统计表,,,', '单位,期间,国办采用,省采用', '市教育局,2026Q3,1,2']);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 2, '报送']);
    expect(error.fix).toContain('报送, 报送量, 报送数, 报送条数, 报送信息数');
  });

  it('asks for a period column, or the period of the table, when there is neither', async () => {
    const file = csvFile('no-period-column.csv', ['单位,报送,国办采用', '市教育局,3,1']);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 1, '期间']);
    expect(error.fix).toContain('期间, 统计期间, 月份, 季度, 时间, 统计时段');
  });

  it('says at line 1 that no header row was found when no row has the unit and two count columns', async () => {
    const file = csvFile('no-header.csv', ['统计表', '名称,数量,备注', '市教育局,3,']);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 1, '(header)']);
    expect(error.fix).toContain('单位, 单位名称, 部门, 部门名称, 报送单位');
  });

  it.each([
    ['十二', '报送量（条）', 3],
    ['-3', '国办采用（条）', 4],
    ['1.5', '省采用（条）', 5],
  ])('refuses the count %j, naming its column as written', async (bad, column, position) => {
    const cells = ['市教育局', '2026Q3', '12', '1', '2'];
    cells[position - 1] = bad;
    const file = csvFile(`bad-count-${position}.csv`, ['标题', header, '市民政局,2026Q3,4,0,1', cells.join(',')]);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 4, column]);
    expect(error.problem).toContain(JSON.stringify(bad));
  });

  it('does not carry a period past a 小计 row into the next block', async () => {
    const file = csvFile('carried.csv', [header, '市教育局,2026Q2,3,0,1', '市民政局,,2,0,0', '小计,,5,0,1', '市教育局,,4,0,0']);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field, error.problem]).toEqual([file, 5, '统计期间', 'is empty']);
  });

  it('looks for the header in the first ten lines only', async () => {
    const file = csvFile('late-header.csv', [...Array.from({ length: 10 }, (_, i) => `说明第${i + 1}行`), header, '市教育局,2026Q3,3,0,1']);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 1, '(header)']);
    const nine = csvFile('header-line-10.csv', [...Array.from({ length: 9 }, (_, i) => `说明第${i + 1}行`), header, '市教育局,2026Q3,3,0,1']);
    expect((await readReportingTable(nine)).headerLine).toBe(10);
  });

  it('refuses a period it cannot read, quoting it', async () => {
    const file = csvFile('bad-period.csv', [header, '市教育局,2026年秋季,3,0,1']);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 2, '统计期间']);
    expect(error.problem).toBe('"2026年秋季" is not a period');
  });

  it('refuses a second row for the same unit and period', async () => {
    const file = csvFile('duplicate.csv', [header, '市教育局,2026Q3,3,0,1', '市民政局,2026Q3,2,0,0', '市教育局,2026年第三季度,4,0,0', '市教育局,2026Q4,1,0,0']);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 4, '单位名称']);
    expect(error.problem).toContain('line 2');
  });

  it('refuses a row with counts but no unit name', async () => {
    const file = csvFile('no-unit.csv', [header, '市教育局,2026Q3,3,0,1', ',2026Q3,3,0,1']);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 3, '单位名称']);
  });

  it('refuses two columns for the same field', async () => {
    const file = csvFile('two-columns.csv', ['单位,期间,报送量,国办采用,报送数', '市教育局,2026Q3,3,0,3']);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 1, '报送数']);
  });

  it('lists the sheets when the named sheet does not exist', async () => {
    const file = fixture('district-2026q2q3.xlsx');
    const error = await errorOf(readReportingTable(file, { sheet: '三季度' }));
    expect([error.file, error.line, error.field]).toEqual([file, 1, 'sheet']);
    expect(error.problem).toBe('no sheet named "三季度"');
    expect(error.fix).toBe('sheets in this workbook: 季度统计, 月度明细, 填表说明');
  });

  it('refuses a period option it cannot read', async () => {
    const file = csvFile('ok.csv', ['单位,报送,国办采用', '市教育局,3,1']);
    const error = await errorOf(readReportingTable(file, { period: '今年' }));
    expect([error.file, error.line, error.field]).toEqual([file, 1, 'period']);
  });

  it('refuses a formula cell whose result was never saved', async () => {
    const file = await xlsxFile('no-result.xlsx', [
      ['单位', '期间', '报送', '国办采用'],
      ['市教育局', '2026Q3', { formula: '2+3' }, 1],
    ]);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 2, '报送']);
  });

  it.each([
    ['a missing file', () => join(tmp, 'nowhere.csv'), 'cannot be read: no such file'],
    ['a missing workbook', () => join(tmp, 'nowhere.xlsx'), 'cannot be read: no such file'],
    ['a text file named .xlsx', () => csvFile('fake.xlsx', ['单位,报送']), 'cannot be read as an XLSX workbook: not a zip file'],
    ['an .xls file', () => csvFile('old.xls', ['单位,报送']), '.xls files are not read'],
  ])('refuses %s at line 1 of (file)', async (_what, makeFile, problem) => {
    const file = makeFile();
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.line, error.field]).toEqual([file, 1, '(file)']);
    expect(error.problem).toContain(problem);
  });

  it('refuses a CSV with an unclosed quote, at its line', async () => {
    const file = csvFile('unclosed.csv', ['单位,期间,报送,国办采用', '市教育局,2026Q3,3,1', '"市民政局,2026Q3,2,0']);
    const error = await errorOf(readReportingTable(file));
    expect([error.file, error.field]).toEqual([file, '(csv)']);
    expect(error.line).toBeGreaterThanOrEqual(3);
  });
});

describe('hostile cell text', () => {
  const hostile = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '<img src=x onerror=alert(1)>'];

  it('keeps formula-like CSV cells as plain text', async () => {
    const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const file = csvFile('hostile.csv', ['单位,期间,报送,国办采用,备注', ...hostile.map((text, i) => `${quote(text)},2026Q3,${i},0,${quote(text)}`)]);
    const table = await readReportingTable(file);
    expect(table.rows.map((r) => r.unit)).toEqual(hostile);
    expect(table.rows.map((r) => r.raw['备注'])).toEqual(hostile);
  });

  it('never evaluates a formula-like count', async () => {
    const file = csvFile('formula-count.csv', ['单位,期间,报送,国办采用', '市教育局,2026Q3,=1+1,0']);
    const error = await errorOf(readReportingTable(file));
    expect([error.line, error.field, error.problem]).toEqual([2, '报送', '"=1+1" is not a whole number of 0 or more']);
  });

  it('takes an XLSX formula cell by its cached result and keeps formula-like text as text', async () => {
    const file = await xlsxFile('hostile.xlsx', [
      ['单位', '期间', '报送', '国办采用', '备注'],
      [{ formula: 'HYPERLINK("http://x","y")', result: 'y' }, '2026Q3', { formula: 'SUM(1,2)', result: 3 }, 0, '=HYPERLINK("http://x","y")'],
      ['+cmd', '2026Q3', 1, 0, { text: '链接', hyperlink: 'javascript:alert(1)' }],
    ]);
    const table = await readReportingTable(file);
    expect(table.rows.map((r) => [r.unit, r.submitted, r.raw['备注']])).toEqual([
      ['y', 3, '=HYPERLINK("http://x","y")'],
      ['+cmd', 1, '链接'],
    ]);
  });
});
