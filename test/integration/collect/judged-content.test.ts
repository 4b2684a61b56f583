import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { closeTab, newTab, openUrl } from '../../../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { type PageCheckId, runPageChecks } from '../../../evaluators/collect/page-checks.js';

/** The checks that report only suspected findings on what a person judges (judged-content.ts, and the shortcut probe). */
const judged: PageCheckId[] = [
  'image-name-unhelpful',
  'hidden-image-with-alt',
  'link-name-generic',
  'identical-links-differ',
  'video-without-captions',
  'audio-without-transcript',
  'character-shortcut',
  'element-language',
  'video-description-track-only',
  'label-not-distinct',
  'label-name-generic',
  'title-unrelated',
  'identical-frames-differ',
  'image-of-text',
];

const pages: Array<{ file: string; want: PageCheckId[]; role?: 'homepage' }> = [
  { file: 'names-flagged.html', want: ['image-name-unhelpful', 'hidden-image-with-alt', 'link-name-generic', 'identical-links-differ'] },
  { file: 'names-clean.html', want: [] },
  { file: 'media-flagged.html', want: ['video-without-captions', 'audio-without-transcript'] },
  { file: 'media-clean.html', want: [] },
  { file: 'shortcut-flagged.html', want: ['character-shortcut'] },
  { file: 'shortcut-clean.html', want: [] },
  // A handler on the body is reached by a key pressed with nothing focused; one on a field is not.
  { file: 'shortcut-body-attribute.html', want: ['character-shortcut'] },
  { file: 'shortcut-field-only.html', want: [] },
  { file: 'language-flagged.html', want: ['element-language'] },
  { file: 'language-clean.html', want: [] },
  { file: 'form-flagged.html', want: ['label-not-distinct', 'video-description-track-only'] },
  { file: 'form-clean.html', want: [] },
  { file: 'title-label-flagged.html', want: ['title-unrelated', 'label-name-generic'] },
  { file: 'title-label-clean.html', want: [] },
  { file: 'frames-flagged.html', want: ['identical-frames-differ'] },
  { file: 'frames-clean.html', want: [] },
  { file: 'svg-text-flagged.html', want: ['image-of-text'] },
  { file: 'svg-text-clean.html', want: [] },
  // An article titled only with the government's name its heading starts with; on the homepage that is its name.
  { file: 'title-heading-flagged.html', want: ['title-unrelated'] },
  { file: 'title-heading-flagged.html', role: 'homepage', want: [] },
  { file: 'title-heading-clean.html', want: [] },
];
/** The documents the frames of those pages show. */
const frameDocuments = ['frame-guide.html', 'frame-guide-column.html', 'frame-budget.html'];

describe('page checks: suspected findings on names, media and shortcuts (test/fixtures/judged-content/pages)', () => {
  let browser: Browser;
  let tab: Page;
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    // The fixtures over loopback (links resolve against a real origin); anything else they reference is a 404.
    server = createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
      if (!pages.some((p) => p.file === name) && !frameDocuments.includes(name)) return void res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(readFileSync(new URL(`../../fixtures/judged-content/pages/${name}`, import.meta.url)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    tab = await newTab(browser, defaultCollectOptions.userAgent);
  });
  afterAll(async () => {
    if (tab) await closeTab(tab);
    await browser?.close();
    server?.close();
  });

  for (const p of pages) {
    it(`${p.file}${p.role ? ` as the ${p.role}` : ''}: ${p.want.join(', ') || 'nothing'}`, async () => {
      const opened = await openUrl(tab, `${origin}/${p.file}`, 15_000);
      expect(opened.status).toBe(200);
      const r = await runPageChecks(tab, { role: p.role ?? 'article' });
      expect(r.notChecked).toEqual([]);
      const found = r.issues.filter((i) => judged.includes(i.check));
      expect(found.map((i) => i.check).sort()).toEqual([...p.want].sort());
      // Each is a reviewer's to confirm, and points at what it read.
      for (const i of found) {
        expect(i.suspected, i.check).toBe(true);
        expect(i.examples[0]!.selector, i.check).not.toBe('');
      }
      if (p.file === 'names-flagged.html') {
        const byCheck = new Map(found.map((i) => [i.check, i]));
        expect(byCheck.get('image-name-unhelpful')!.detail).toBe('替代文字如：“IMG_2034.jpg”、“图片”');
        expect(byCheck.get('link-name-generic')!.examples[0]!.html).toContain('更多');
        expect(byCheck.get('identical-links-differ')!.count).toBe(2);
        expect(byCheck.get('identical-links-differ')!.detail).toBe(`“详情”指向 ${origin}/art.jsp?id=1001、${origin}/art.jsp?id=1002`);
      }
      if (p.file === 'shortcut-flagged.html') expect(found[0]!.detail).toContain('（s）');
      if (p.file === 'shortcut-body-attribute.html') expect(found[0]!.detail).toContain('（/）');
      if (p.file === 'language-flagged.html') expect(found[0]!.count).toBe(2);
      // Both 姓名 boxes and both 证件号码 boxes.
      if (p.file === 'form-flagged.html') expect(found.find((i) => i.check === 'label-not-distinct')!.count).toBe(4);
      // 菜单 by its label, 确定 by the button it is labelled by; the title the page's own is not.
      if (p.file === 'title-label-flagged.html') {
        expect(found.find((i) => i.check === 'label-name-generic')!.detail).toBe('标签文字如：“菜单”、“确定”');
        expect(found.find((i) => i.check === 'title-unrelated')!.examples[0]!.html).toBe('<title>关于公布2025年度行政许可事项清单的公告</title>');
      }
      // Both drawn buttons, the one written out and the one in base64.
      if (p.file === 'svg-text-flagged.html') {
        expect(found[0]!.count).toBe(2);
        expect(found[0]!.detail).toBe('图片是含文字的 SVG 图像，文字如：“公共服务”、“便民服务”');
      }
      if (p.file === 'frames-flagged.html') {
        expect(found[0]!.count).toBe(2);
        expect(found[0]!.detail).toBe(`名称相同的框架显示的网页内容几乎没有相同的字词：“办事指南”：${origin}/frame-guide.html、${origin}/frame-budget.html`);
      }
      if (p.file === 'title-heading-flagged.html' && !p.role)
        expect(found[0]!.detail).toBe(
          '标题“某某县人民政府”只是页面主标题“某某县人民政府关于做好2026年冬季森林防火工作的通知”的一部分（常为网站或单位名称），没有说明本页内容',
        );
    });
  }
});
