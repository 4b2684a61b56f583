import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../../../../common/config-errors.js';
import { readNewMediaRegister } from '../../../../server/import/new-media-register.js';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-new-media-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SITES = [
  { id: 'jyj', name: '某市教育局' },
  { id: 'wjw', name: '某市卫生健康委员会' },
  { id: 'gov', name: '某市人民政府' },
];

function csvFile(name: string, lines: string[], encoding: 'utf8' | 'gb18030' = 'utf8'): string {
  const file = join(tmp, name);
  const text = lines.join('\r\n') + '\r\n';
  writeFileSync(file, encoding === 'utf8' ? text : iconv.encode(text, 'gb18030'));
  return file;
}

async function xlsxFile(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('新媒体台账');
  rows.forEach((values, i) => (sheet.getRow(i + 1).values = values));
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

describe('the new-media register (CSV)', () => {
  it('reads accounts under a title line, by site id or name, with platform synonyms and several date forms', async () => {
    const file = csvFile('register.csv', [
      '2026年政务新媒体账号登记表,,,,,,',
      '序号,网站,平台,账号名称,账号链接/ID,最后发布日期,近两周发布数,是否提供互动功能,留言未回复数',
      '1,jyj,微信,某市教育发布,gh_0123456789ab,2026/11/18,6,是,0',
      '2,某市教育局,新浪微博,@某市教育,https://weibo.com/u/100,2026年11月1日,,否,',
      '3,JYJ,抖音号,某市教育,,20261120,3,有,2',
      '4,wjw,今日头条,健康某市,,,,,',
      '5,gov,视频号,某市发布,,2026.11.19,,,',
      '填表人：张三,,,,,,',
    ]);
    const register = await readNewMediaRegister(file, SITES);
    expect(register.headerLine).toBe(2);
    expect(register.accounts).toBe(5);
    expect(register.source).toEqual({ file, sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), sheet: null });
    expect([...register.bySite.keys()]).toEqual(['jyj', 'wjw', 'gov']);
    expect(register.bySite.get('jyj')).toEqual([
      {
        platform: '微信公众号',
        name: '某市教育发布',
        link: 'gh_0123456789ab',
        lastPost: '2026-11-18',
        postsInTwoWeeks: 6,
        interaction: true,
        unanswered: 0,
        line: 3,
      },
      {
        platform: '微博',
        name: '@某市教育',
        link: 'https://weibo.com/u/100',
        lastPost: '2026-11-01',
        postsInTwoWeeks: null,
        interaction: false,
        unanswered: null,
        line: 4,
      },
      { platform: '抖音', name: '某市教育', link: null, lastPost: '2026-11-20', postsInTwoWeeks: 3, interaction: true, unanswered: 2, line: 5 },
    ]);
    // An empty date is not given (not measured later), never a made-up one.
    expect(register.bySite.get('wjw')![0]).toMatchObject({ platform: '今日头条', lastPost: null, interaction: null, unanswered: null });
    expect(register.bySite.get('gov')![0]).toMatchObject({ platform: '微信视频号', lastPost: '2026-11-19' });
  });

  it('reads a GBK file as Excel saves "CSV (逗号分隔)", and keeps an unknown platform as written', async () => {
    const file = csvFile('gbk.csv', ['站点标识,所属平台,账号,最近更新日期', 'jyj,学习强国号,某市教育,2026-11-02'], 'gb18030');
    const register = await readNewMediaRegister(file, SITES);
    expect(register.bySite.get('jyj')).toEqual([
      { platform: '学习强国号', name: '某市教育', link: null, lastPost: '2026-11-02', postsInTwoWeeks: null, interaction: null, unanswered: null, line: 2 },
    ]);
  });
});

describe('the new-media register (XLSX)', () => {
  it('reads date cells, text dates and counts from a workbook', async () => {
    const file = await xlsxFile('register.xlsx', [
      ['某市政务新媒体台账'],
      [],
      ['单位名称', '平台名称', '账号名称', '最后更新时间', '近两周发布数', '互动功能'],
      ['某市教育局', '微信公众号', '某市教育发布', new Date(Date.UTC(2026, 10, 18)), 4, '是'],
      ['某市卫生健康委员会', '快手', '健康某市', '2026-10-01', '0', '否'],
      ['某市卫生健康委员会', 'B站', '健康某市', '—', '', ''],
    ]);
    const register = await readNewMediaRegister(file, SITES);
    expect(register.headerLine).toBe(3);
    expect(register.source.sheet).toBe('新媒体台账');
    expect(register.bySite.get('jyj')).toEqual([
      { platform: '微信公众号', name: '某市教育发布', link: null, lastPost: '2026-11-18', postsInTwoWeeks: 4, interaction: true, unanswered: null, line: 4 },
    ]);
    expect(register.bySite.get('wjw')!.map((a) => [a.platform, a.lastPost, a.postsInTwoWeeks, a.interaction, a.line])).toEqual([
      ['快手', '2026-10-01', 0, false, 5],
      ['哔哩哔哩', null, null, null, 6],
    ]);
  });
});

describe('errors name the file, the line and the column', () => {
  const header = '网站,平台,账号名称,最后发布日期,近两周发布数,是否提供互动功能';
  const cases: Array<[string, string[], number, string, RegExp]> = [
    [
      'a site not in the sites file (with the list of ids)',
      [header, 'jyj,微信,甲,2026-11-01,,', 'tyj,微博,乙,2026-11-01,,'],
      3,
      '网站',
      /"tyj" is no site of the sites file.*ids: jyj, wjw, gov/,
    ],
    ['a date that is no date', [header, 'jyj,微信,甲,11月上旬,,'], 2, '最后发布日期', /"11月上旬" is not a date with a year/],
    ['a count that is no count', [header, 'jyj,微信,甲,2026-11-01,很多,'], 2, '近两周发布数', /"很多" is not a whole number/],
    ['an interaction cell that is neither yes nor no', [header, 'jyj,微信,甲,2026-11-01,,部分'], 2, '是否提供互动功能', /"部分" is neither yes nor no/],
    ['an account without a name', [header, 'jyj,微信,,2026-11-01,,'], 2, '账号名称', /is empty/],
    ['the same account twice', [header, 'jyj,微信,甲,2026-11-01,,', 'jyj,微信公众号,甲,2026-11-02,,'], 3, '账号名称', /listed twice \(first on line 2\)/],
    ['no last-post column', ['网站,平台,账号名称', 'jyj,微信,甲'], 1, '最后发布日期', /no such column in the header row/],
    ['two site columns', ['网站,单位,平台,账号名称,最后发布日期', 'jyj,jyj,微信,甲,2026-11-01'], 1, '单位', /names the same thing as the column "网站"/],
  ];
  it.each(cases)('%s', async (_what, lines, line, field, problem) => {
    const file = csvFile(`bad-${line}-${field}.csv`, lines);
    const error = await errorOf(readNewMediaRegister(file, SITES));
    expect({ file: error.file, line: error.line, field: error.field }).toEqual({ file, line, field });
    expect(error.message).toMatch(problem);
    expect(error.message.startsWith(`${file}:${line}: ${field}: `)).toBe(true);
  });

  it('an XLSX cell names its row and its column as headed', async () => {
    const file = await xlsxFile('bad.xlsx', [
      ['网站', '平台', '账号名称', '最后发布日期'],
      ['jyj', '微信', '甲', '昨天'],
    ]);
    const error = await errorOf(readNewMediaRegister(file, SITES));
    expect([error.file, error.line, error.field]).toEqual([file, 2, '最后发布日期']);
    expect(error.zh).toContain('第 2 行“最后发布日期”列');
  });

  it('a table without a header, and a file of another kind', async () => {
    const noHeader = await errorOf(readNewMediaRegister(csvFile('no-header.csv', ['a,b,c', '1,2,3']), SITES));
    expect([noHeader.line, noHeader.field]).toEqual([1, '(header)']);
    const txt = join(tmp, 'register.txt');
    writeFileSync(txt, '网站,平台');
    expect((await errorOf(readNewMediaRegister(txt, SITES))).message).toMatch(/\.txt files are not read as new-media registers/);
  });
});
