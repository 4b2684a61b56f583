import { describe, expect, it } from 'vitest';

import { inertCell, toCsv } from '../../../reports/csv.js';

const BOM = '\ufeff';

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    const csv = toCsv(['组别', '网站'], [['市直部门', '某市教育局']]);
    expect(csv).toBe(`${BOM}组别,网站\r\n市直部门,某市教育局\r\n`);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes a header-only table as one line', () => {
    expect(toCsv(['a', 'b'], [])).toBe(`${BOM}a,b\r\n`);
  });

  it('quotes cells with commas, quotes and newlines, doubling quotes', () => {
    const csv = toCsv(['x'], [['a,b'], ['say "hi"'], ['line1\nline2'], ['cr\rhere'], ['crlf\r\nhere'], ['plain']]);
    expect(csv).toBe(`${BOM}x\r\n"a,b"\r\n"say ""hi"""\r\n"line1\nline2"\r\n"cr\rhere"\r\n"crlf\r\nhere"\r\nplain\r\n`);
  });

  it('keeps numbers and booleans as they are and writes null as an empty cell', () => {
    expect(toCsv(['n', 'neg', 'frac', 'b', 'empty'], [[95, -1, 79.5, true, null]])).toBe(`${BOM}n,neg,frac,b,empty\r\n95,-1,79.5,true,\r\n`);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","点击")', `"'=HYPERLINK(""http://evil.example"",""点击"")"`],
    ['+cmd', "'+cmd"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['=1+1', "'=1+1"],
  ])('makes the formula-like cell %j inert', (cell, expected) => {
    expect(toCsv(['x'], [[cell]])).toBe(`${BOM}x\r\n${expected}\r\n`);
  });

  it('makes formula-like header cells inert too', () => {
    expect(toCsv(['=x', 'y'], [])).toBe(`${BOM}'=x,y\r\n`);
  });

  it('leaves text that merely contains formula characters alone', () => {
    expect(toCsv(['x'], [['a=b'], ['1+2'], ['邮箱 a@b.cn'], ['2026-11-21']])).toBe(`${BOM}x\r\na=b\r\n1+2\r\n邮箱 a@b.cn\r\n2026-11-21\r\n`);
  });

  it('writes a ranking row the way Excel should read it', () => {
    const csv = toCsv(
      ['组别', '名次', '网站', '得分', '合格'],
      [
        ['市直部门', 1, '某市教育局', 96.5, '是'],
        ['市直部门', null, '某市卫健委', null, null],
      ],
    );
    expect(csv.split('\r\n')).toEqual([`${BOM}组别,名次,网站,得分,合格`, '市直部门,1,某市教育局,96.5,是', '市直部门,,某市卫健委,,', '']);
  });
});

describe('inertCell', () => {
  it.each([
    ['=1', "'=1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['x=1', 'x=1'],
    ['', ''],
    // Spreadsheets skip leading blanks before a formula, and WPS reads full-width operators typed with a
    // Chinese input method as formula starts too.
    [' =1+1', "' =1+1"],
    ['\u3000=1', "'\u3000=1"],
    ['\u00a0@SUM(A1)', "'\u00a0@SUM(A1)"],
    ['\n=1', "'\n=1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['  ＝HYPERLINK(1)', "'  ＝HYPERLINK(1)"],
    [' 市教育局', ' 市教育局'],
    ['（=1）', '（=1）'],
  ])('%j → %j', (input, expected) => {
    expect(inertCell(input)).toBe(expected);
  });
});
