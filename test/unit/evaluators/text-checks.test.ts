import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { afterAll, describe, expect, it } from 'vitest';

import { PageTextSink, readPageTexts } from '../../../evaluators/collect/page-texts.js';
import { parseDictionaries } from '../../../evaluators/lib/text-dictionaries.js';
import { compileDictionaries } from '../../../evaluators/lib/wording-matcher.js';
import { evaluateTextChecks, textCheckFindings, type TextDocument } from '../../../evaluators/text-checks.js';

const wording = '错误写法,正确写法\n按装,安装\n';
const source = { source: 'dicts', files: [{ name: 'wording.csv' as const, text: wording, sha256: createHash('sha256').update(wording).digest('hex') }] };
const dictionaries = compileDictionaries(parseDictionaries(source.files, 'dicts'));
const page = (url: string, text: string, title = ''): TextDocument => ({ url, title, text, kind: 'page' });

describe('evaluateTextChecks', () => {
  const footer = '版权所有：某市人民政府。请按装最新浏览器。';
  const m = evaluateTextChecks(
    [
      page('https://a.gov.cn/', `首页\n${footer}`),
      page('https://a.gov.cn/1.html', `公示名单：王某，身份证号110101199003071233，手机13812345678。\n${footer}`, '按装通知'),
      page('https://a.gov.cn/2.html', `补发：王某 110101199003071233\n${footer}`),
      { url: 'https://a.gov.cn/list.xlsx', title: 'list.xlsx', text: '张某 6222 卡号 4111111111111111', kind: 'attachment' },
    ],
    dictionaries,
    source,
  );

  it('counts a footer repeated on every page once, with the pages it is on; a number on two pages once', () => {
    expect(m).toMatchObject({ pagesRead: 3, attachmentsRead: 1, wordingFlags: 2, leakFlags: 3, flagged: 5 });
    expect(m.byKind).toEqual({ 'wrong-word': 2, 'id-card': 1, mobile: 1, 'bank-card': 1 });
    const footerFlag = m.flags.find((f) => f.quote.includes('浏览器'))!;
    expect(footerFlag).toMatchObject({ check: 'wording', url: 'https://a.gov.cn/', pages: 3, entry: '按装 → 安装', source: 'wording.csv:2' });
    // The headline is checked too.
    expect(m.flags.some((f) => f.quote === '按装通知')).toBe(true);
    expect(m.flags.find((f) => f.kind === 'id-card')).toMatchObject({ pages: 2, entry: '11010119900307****' });
    expect(m.dictionaries).toEqual({ source: 'dicts', files: [{ name: 'wording.csv', sha256: source.files[0]!.sha256 }] });
  });

  it('never shows a number in full: quotes and findings carry the masked form', () => {
    const everything = JSON.stringify([m, textCheckFindings(m)]);
    for (const full of ['110101199003071233', '13812345678', '4111111111111111']) expect(everything).not.toContain(full);
    expect(m.flags.find((f) => f.kind === 'id-card')!.quote).toBe('公示名单：王某，身份证号11010119900307****，手机138****5678。');
  });

  it('gives suspected findings with their quote and page, leaks first in the V8 group', () => {
    const findings = textCheckFindings(m);
    expect(findings['textChecks.leaks']![0]).toEqual({
      // The masked number wherever it repeats: not its page nor the count of pages, which change between runs.
      subject: 'leak:id-card:11010119900307****',
      message: '疑似泄露个人信息：居民身份证号 11010119900307****（共 2 个页面），待人工确认',
      url: 'https://a.gov.cn/1.html',
      evidence: '“公示名单：王某，身份证号11010119900307****，手机138****5678。”',
    });
    expect(findings['textChecks.flagged']!.map((f) => f.message.slice(0, 6))).toEqual([
      '疑似泄露个人',
      '疑似泄露个人',
      '疑似泄露个人',
      '疑似错别字或',
      '疑似错别字或',
    ]);
  });

  it('finds nothing on clean pages, and without dictionaries checks the numbers only', () => {
    const clean = evaluateTextChecks([page('https://a.gov.cn/', '咨询电话：13812345678。市长林向东出席会议。')], dictionaries, source);
    expect([clean.flagged, clean.flags]).toEqual([0, []]);
    expect(evaluateTextChecks([page('https://a.gov.cn/', '按装 13812345678')], null, null)).toMatchObject({
      wordingFlags: 0,
      leakFlags: 1,
      dictionaries: null,
    });
  });
});

describe('PageTextSink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govscore-texts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a page’s text gzipped under the site’s folder with its sha256, and reads it back', async () => {
    const sink = new PageTextSink(dir, 1024 * 1024);
    const ref = await sink.keep('jyj', 'https://a.gov.cn/1.html', '通知', '第一行\n第二行', 'page');
    expect(ref).toMatchObject({
      url: 'https://a.gov.cn/1.html',
      chars: 7,
      kind: 'page',
      sha256: createHash('sha256').update('通知\n第一行\n第二行').digest('hex'),
    });
    expect(ref!.file).toMatch(/^jyj\/text\/[0-9a-f]{16}\.json\.gz$/);
    expect(JSON.parse(gunzipSync(readFileSync(join(dir, ref!.file))).toString())).toEqual({
      url: 'https://a.gov.cn/1.html',
      title: '通知',
      text: '第一行\n第二行',
    });
    expect(readPageTexts(dir, [ref!, { ...ref!, file: 'jyj/text/0000000000000000.json.gz' }])).toEqual({
      documents: [{ url: 'https://a.gov.cn/1.html', title: '通知', text: '第一行\n第二行', kind: 'page' }],
      missing: 1,
    });
  });

  it('stops at its bound and counts what it skipped', async () => {
    const sink = new PageTextSink(join(dir, 'small'), 1);
    expect(await sink.keep('jyj', 'https://a.gov.cn/a', '', 'x'.repeat(1000), 'page')).not.toBeNull();
    expect(await sink.keep('jyj', 'https://a.gov.cn/b', '', 'y', 'page')).toBeNull();
    expect([sink.skipped, readdirSync(join(dir, 'small', 'jyj', 'text')).length]).toEqual([1, 1]);
  });
});
