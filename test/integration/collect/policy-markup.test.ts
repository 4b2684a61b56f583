import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { closeTab, newTab, openUrl } from '../../../evaluators/collect/navigate.js';
import { readFacts } from '../../../evaluators/collect/page-facts.js';
import { readPolicyPage, websiteReportLinks } from '../../../evaluators/collect/policy-pages.js';

/**
 * Validity marks, the links between a document and its 解读, and the website's annual report link, read in
 * Chromium from markup written here by hand in the shapes real portals use (a metadata table, a dt/dd list, a
 * bracket after the title, an info line, none) with class names that mean nothing: only the words count.
 */
const title = '江临市人民政府关于印发《江临市住房公积金管理办法》的通知';
const body = `<div class="x9f"><p>各县（市、区）人民政府，市政府各部门：</p><p>现将《江临市住房公积金管理办法》印发给你们，请认真贯彻执行。本办法自2026年12月1日起施行，有效期5年。</p></div>`;
const pages: Record<string, string> = {
  '/table.html': `<table class="k1"><tr><th>索引号：</th><td>001-2026-0001</td><th>发文字号：</th><td>江政发〔2026〕5号</td></tr><tr><th>成文日期：</th><td>2026年10月28日</td><th>有效性：</th><td>有效</td></tr></table><h1>${title}</h1>${body}`,
  '/dl.html': `<div class="q"><dl><dt>发布机构</dt><dd>江临市人民政府</dd><dt>时效性</dt><dd>现行有效</dd></dl></div><div class="t">${title}</div>${body}`,
  '/bracket.html': `<h2>${title}<span class="z">【已废止】</span></h2><div>发布时间：2026-11-03 10:20 来源：市政府办公室</div>${body}`,
  '/line.html': `<div class="c-8f2"><div class="a">${title}</div><div class="b">发布日期：2026年11月3日　效力状态：已修订</div></div>${body}`,
  '/none.html': `<h1>${title}</h1><div>发布时间：2026-11-03 10:20 来源：市政府办公室</div>${body}<div>相关解读：<a href="/jd/1.html">《江临市住房公积金管理办法》政策解读</a></div>`,
  '/jd.html': `<nav><a href="/zcwj/">政策文件</a> <a href="/zcjd/">政策解读</a></nav><h1>《江临市住房公积金管理办法》政策解读</h1><div>发布时间：2026-11-05</div><p>为便于理解，现就有关内容解读如下。</p><p class="y">原文链接：<a href="/none.html">${title}</a></p>`,
  '/home.html': `<nav><a href="/xxgk/">政府信息公开</a></nav><ul class="r"><li><a href="/bb/2025.html">江临市人民政府网站2025年度工作报表</a><span>2026-01-20</span></li><li><a href="/xxgk/ndbg/2025.html">江临市人民政府2025年政府信息公开工作年度报告</a><span>2026-03-20</span></li></ul><footer><a href="/wzbb/">政府网站工作年度报表</a></footer>`,
};

describe('policy pages and report links as Chromium reads them', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let tab: Page;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const bodyHtml = pages[req.url ?? ''];
      if (!bodyHtml) return void res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!DOCTYPE html><html lang="zh-CN"><head><title>${title}</title></head><body>${bodyHtml}</body></html>`);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    tab = await newTab(browser, 'Mozilla/5.0 govscore-test');
  }, 60_000);
  afterAll(async () => {
    if (tab) await closeTab(tab);
    await browser?.close();
    server?.close();
  });
  const read = async (path: string, kind: 'policy' | 'interpretation') => {
    expect((await openUrl(tab, origin + path, 10_000)).error).toBeNull();
    const facts = await readFacts(tab);
    return readPolicyPage(facts!, kind, '政策文件', title, '2026-11-03');
  };

  it('reads the validity mark from a metadata table, a dt/dd list, a bracket after the title and an info line; none where there is none', async () => {
    expect((await read('/table.html', 'policy')).validity).toEqual({ label: '有效性', value: '有效', from: 'field' });
    expect((await read('/dl.html', 'policy')).validity).toEqual({ label: '时效性', value: '现行有效', from: 'field' });
    expect((await read('/bracket.html', 'policy')).validity).toMatchObject({ value: '已废止' });
    expect((await read('/line.html', 'policy')).validity).toMatchObject({ label: '效力状态', value: '已修订' });
    // The body's 有效期5年 is the rules' own term, not a mark on the document.
    expect((await read('/none.html', 'policy')).validity).toBeNull();
  });

  it('reads the document’s link to its 解读 and the 解读’s link to its original, not the menu’s column links', async () => {
    expect((await read('/none.html', 'policy')).links).toEqual([
      { role: 'interpretation', text: '《江临市住房公积金管理办法》政策解读', href: `${origin}/jd/1.html`, row: '相关解读：' },
    ]);
    expect((await read('/jd.html', 'interpretation')).links).toEqual([{ role: 'original', text: title, href: `${origin}/none.html`, row: '原文链接：' }]);
  });

  it('finds the website annual report’s links with their rows, and not the 政府信息公开工作年度报告', async () => {
    expect((await openUrl(tab, `${origin}/home.html`, 10_000)).error).toBeNull();
    const links = websiteReportLinks((await readFacts(tab))!.anchors);
    expect(links.map((l) => [l.text, l.href.slice(origin.length), l.row.trim()])).toEqual([
      ['江临市人民政府网站2025年度工作报表', '/bb/2025.html', '2026-01-20'],
      ['政府网站工作年度报表', '/wzbb/', ''],
    ]);
  });
});
