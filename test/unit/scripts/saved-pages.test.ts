import { describe, expect, it } from 'vitest';

import { savedPageContentType, savedPageText } from '../../../scripts/lib/saved-pages.js';

// 热线 and 投诉 in GBK: a GBK page's Chinese is never valid UTF-8.
const gbkWords = Buffer.from([0xc8, 0xc8, 0xcf, 0xdf, 0xcd, 0xb6, 0xcb, 0xdf]);
const page = (meta: string, body: Buffer) =>
  Buffer.concat([Buffer.from(`<html><head>${meta}<title>t</title></head><body><p>`), body, Buffer.from('</p></body></html>')]);
const gbkMeta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';

describe('saved pages served and read as the live page was (scripts/lib/saved-pages.ts)', () => {
  it('reads a copy stored as UTF-8 as UTF-8, though it kept its GBK <meta> (a saving tool re-encoded it)', () => {
    const copy = page(gbkMeta, Buffer.from('投诉热线400-870-5552'));
    expect(savedPageContentType(copy)).toBe('text/html; charset=utf-8');
    expect(savedPageText(copy)).toContain('投诉热线400-870-5552');
  });

  it('reads a GBK page by its <meta>, and leaves it to the browser to do the same', () => {
    const gbk = page(gbkMeta, gbkWords);
    expect(savedPageContentType(gbk)).toBe('text/html');
    expect(savedPageText(gbk)).toContain('热线投诉');
  });

  it('serves a page that declares nothing as UTF-8 when it is, else leaves it to sniffing', () => {
    expect(savedPageContentType(page('', Buffer.from('热线')))).toBe('text/html; charset=utf-8');
    expect(savedPageContentType(page('', Buffer.from('hotline')))).toBe('text/html; charset=utf-8');
    expect(savedPageContentType(page('', gbkWords))).toBe('text/html');
  });
});
