import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';

import { parseDictionaries } from '../../../../evaluators/lib/text-dictionaries.js';
import { parseSitesFile } from '../../../../server/config/sites-file.js';
import { loadDictionaries } from '../../../../server/config/text-dictionaries.js';

const dir = mkdtempSync(join(tmpdir(), 'govscore-dicts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A dictionary folder holding these files. */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(path, file), content);
  return path;
}

const message = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('loadDictionaries', () => {
  it('reads the shipped examples: every file parses, each with its sha256', () => {
    const source = loadDictionaries();
    expect(source.source).toBe('builtin');
    expect(source.files.map((f) => f.name)).toEqual(['leaders.csv', 'sensitive.csv', 'wording.csv']);
    for (const f of source.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parseDictionaries(source.files, 'builtin').leaders.length).toBeGreaterThan(0);
  });

  it('reads a GBK file as Excel saves it', () => {
    const path = folder('gbk', { 'wording.csv': iconv.encode('错误写法,正确写法\r\n按装,安装\r\n', 'gbk') });
    expect(parseDictionaries(loadDictionaries(path).files, path).wording).toEqual([{ wrong: '按装', right: '安装', note: '', line: 2 }]);
  });

  it('names a file that is not a dictionary, an empty folder, a missing folder and a bad row', () => {
    expect(message(() => loadDictionaries(folder('typo', { 'leader.csv': '姓名,职务,状态\n' })))).toMatch(/leader\.csv:1: \(file\): is not a dictionary/);
    expect(message(() => loadDictionaries(folder('empty', {})))).toMatch(/empty:1: --dictionaries: holds no dictionary/);
    expect(message(() => loadDictionaries(join(dir, 'absent')))).toMatch(/absent:1: --dictionaries: cannot be read: no such folder/);
    const bad = folder('bad', { 'leaders.csv': '姓名,职务,状态\n林向东,市长,在岗\n' });
    expect(message(() => loadDictionaries(bad))).toBe(`${bad}/leaders.csv:2: 状态: 在岗 is not a status (write 在任 or 离任)`);
  });
});

describe('the sites file’s dictionaries', () => {
  const sites = (line: string) => `name: 测试\nasOf: 2026-11-21\n${line}\nsites:\n  - { id: a, name: 某局, url: "https://a.example.gov.cn/" }\n`;
  it('is a folder relative to the file, said at its line when it is not there', () => {
    folder('dicts', { 'wording.csv': '错误写法,正确写法\n按装,安装\n' });
    expect(parseSitesFile(sites('dictionaries: dicts'), join(dir, 'sites.yaml')).dictionaries).toBe(join(dir, 'dicts'));
    expect(parseSitesFile(sites(''), join(dir, 'sites.yaml')).dictionaries).toBeNull();
    expect(message(() => parseSitesFile(sites('dictionaries: nowhere'), join(dir, 'sites.yaml')))).toMatch(
      /sites\.yaml:3: dictionaries: nowhere is not a folder/,
    );
  });
});
