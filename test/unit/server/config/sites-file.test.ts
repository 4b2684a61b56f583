import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../../../../common/config-errors.js';
import { loadSitesFile, parseSitesFile } from '../../../../server/config/sites-file.js';

const valid = `# a comment so that lines do not start at 1
name: 2026年度某市政府网站绩效评估
asOf: 2026-11-21
indicators: national-2019
sites:
  - id: jyj
    name: 某市教育局
    url: https://jyj.example.gov.cn/
    group: 市直部门
    services: true
  - id: wjw-2
    name: 某市卫健委
    url: http://wjw.example.gov.cn/
`;

/** The ConfigError thrown by parsing `text`, so tests can check its line, field and message. */
function errorOf(text: string, file = 'sites.yaml'): ConfigError {
  try {
    parseSitesFile(text, file);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** Replaces one line (1-based) of the valid file. */
const withLine = (line: number, replacement: string) =>
  valid
    .split('\n')
    .map((l, i) => (i === line - 1 ? replacement : l))
    .join('\n');

describe('parseSitesFile', () => {
  it('reads a YAML file, applies defaults and keeps the date a string', () => {
    const sites = parseSitesFile(valid, 'sites.yaml');
    expect(sites).toMatchObject({ name: '2026年度某市政府网站绩效评估', asOf: '2026-11-21', indicators: 'national-2019' });
    expect(sites.sites).toEqual([
      { id: 'jyj', name: '某市教育局', url: 'https://jyj.example.gov.cn/', group: '市直部门', services: true, level: 'department', portal: null },
      { id: 'wjw-2', name: '某市卫健委', url: 'http://wjw.example.gov.cn/', group: '默认分组', services: true, level: 'department', portal: null },
    ]);
    expect(sites.source).toEqual({ file: 'sites.yaml', sha256: createHash('sha256').update(valid).digest('hex') });
  });

  it('names the new-media register as written (null without one), and refuses one that is not a path', () => {
    expect(parseSitesFile(valid, 'sites.yaml').newMedia).toBeNull();
    expect(parseSitesFile(`${valid}newMedia: 台账/政务新媒体.xlsx\n`, 'sites.yaml').newMedia).toBe('台账/政务新媒体.xlsx');
    const error = errorOf(`${valid}newMedia: 3\n`);
    expect([error.line, error.field]).toEqual([14, 'newMedia']);
  });

  it('reads a JSON file with defaults', () => {
    const json = JSON.stringify({ name: 'n', asOf: '2026-02-28', sites: [{ id: 'a1', name: 'A', url: 'https://a.example/', services: false }] }, null, 2);
    const sites = parseSitesFile(json, 'sites.json');
    expect(sites.indicators).toBe('national-2019');
    expect(sites.sites).toEqual([{ id: 'a1', name: 'A', url: 'https://a.example/', group: '默认分组', services: false, level: 'department', portal: null }]);
  });

  it('takes a 人民政府 portal for a government site unless the file says otherwise', () => {
    const yaml = (level: string) =>
      `name: n\nasOf: 2026-02-28\nsites:\n  - { id: a, name: 某县人民政府, url: "https://a.example/"${level} }\n  - { id: b, name: 某县人民政府门户网站, url: "https://b.example/" }\n  - { id: c, name: 某市教育局, url: "https://c.example/" }\n`;
    expect(parseSitesFile(yaml(''), 'sites.yaml').sites.map((s) => s.level)).toEqual(['government', 'government', 'department']);
    expect(parseSitesFile(yaml(', level: department'), 'sites.yaml').sites[0]!.level).toBe('department');
    expect(() => parseSitesFile(yaml(', level: city'), 'sites.yaml')).toThrow(/sites\.yaml:4: sites\[0\]\.level/);
  });

  it("reads a department's portal domain (lower-cased) and refuses one that is not a domain at its line", () => {
    expect(parseSitesFile(withLine(10, '    portal: Example.gov.cn'), 'sites.yaml').sites.map((s) => s.portal)).toEqual(['example.gov.cn', null]);
    const error = errorOf(withLine(10, '    portal: https://www.example.gov.cn/'));
    expect(error).toMatchObject({ file: 'sites.yaml', line: 10, field: 'sites[0].portal' });
  });

  it('keeps an unquoted date a string even under a YAML 1.1 directive', () => {
    expect(parseSitesFile(`%YAML 1.1\n---\n${valid}`, 'sites.yaml').asOf).toBe('2026-11-21');
  });

  it.each([
    ['a bad url', withLine(13, '    url: wjw.example.gov.cn'), 13, 'sites[1].url', 'wjw.example.gov.cn is not an absolute URL'],
    ['a non-http url', withLine(8, '    url: ftp://jyj.example.gov.cn/'), 8, 'sites[0].url', 'ftp://jyj.example.gov.cn/ is not an http: or https: URL'],
    ['a missing site name', withLine(12, ''), 11, 'sites[1].name', 'missing'],
    ['a missing file name', withLine(2, ''), 3, 'name', 'missing'],
    ['an empty name', withLine(2, 'name: ""'), 2, 'name', 'is empty'],
    ['a duplicate id', withLine(11, '  - id: jyj'), 11, 'sites[1].id', 'duplicate id jyj, already used by sites[0] at line 6'],
    ['bad id characters', withLine(6, '  - id: JYJ_1'), 6, 'sites[0].id', '"JYJ_1" is not in the expected form'],
    ['an invalid date', withLine(3, 'asOf: 2026-02-30'), 3, 'asOf', '2026-02-30 is not a calendar date'],
    ['a date in another form', withLine(3, 'asOf: 2026/11/21'), 3, 'asOf', '"2026/11/21" is not in the expected form'],
    ['an unknown key', withLine(10, '    servces: true'), 10, 'sites[0].servces', 'unknown field (did you mean services?)'],
    ['an unknown top-level key', withLine(4, 'indicator: national-2019'), 4, 'indicator', 'unknown field (did you mean indicators?)'],
    ['a quoted boolean', withLine(10, '    services: "yes"'), 10, 'sites[0].services', 'expected true or false, got the text "yes"'],
    ['a number for a string', withLine(6, '  - id: 123'), 6, 'sites[0].id', 'expected text, got the number 123'],
    ['no sites', withLine(5, 'sites: []').split('\n').slice(0, 5).join('\n'), 5, 'sites', 'has no entries'],
    ['a YAML syntax error', withLine(7, '    name: 某市: 教育局'), 7, '(syntax)', 'Nested mappings are not allowed'],
    ['a duplicate key', withLine(4, 'name: again'), 4, '(syntax)', 'Map keys must be unique'],
  ])('reports %s with its line and field', (_, text, line, field, problem) => {
    const error = errorOf(text);
    expect(error).toMatchObject({ file: 'sites.yaml', line, field });
    expect(error.message.startsWith(`sites.yaml:${line}: ${field}: ${problem}`)).toBe(true);
    expect(error.message).toMatch(/ \(.+\)$/); // always says how to fix it
  });

  it('names an empty file at line 1', () => {
    expect(errorOf('').message).toMatch(/^sites\.yaml:1: \(root\): expected a mapping of fields, got no value \(/);
  });

  it('points JSON errors at the right line too', () => {
    const json = '{\n  "name": "n",\n  "asOf": "2026-11-21",\n  "sites": [\n    { "id": "a", "name": "A", "url": "mailto:x@example.com" }\n  ]\n}\n';
    expect(errorOf(json, 'sites.json').message).toMatch(/^sites\.json:5: sites\[0\]\.url: mailto:x@example.com is not an http: or https: URL \(/);
  });
});

describe('loadSitesFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govscore-sites-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file and reports errors under its path', () => {
    const file = join(dir, 'sites.yaml');
    writeFileSync(file, valid);
    expect(loadSitesFile(file).source).toEqual({ file, sha256: createHash('sha256').update(valid).digest('hex') });
    writeFileSync(file, withLine(13, '    url: not a url'));
    expect(() => loadSitesFile(file)).toThrow(`${file}:13: sites[1].url: not a url is not an absolute URL (`);
  });

  it('reports a missing file as a ConfigError', () => {
    expect(() => loadSitesFile(join(dir, 'nope.yaml'))).toThrow(ConfigError);
  });
});
