import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { closeTab, newTab } from '../../../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { readIntegrity } from '../../../evaluators/collect/page-integrity.js';

// A 16×16 grey PNG: a background image the page can show without a request.
const picture = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAAAEklEQVR42mNsYGBgYGBgYGBgAAAEhAEBfm7hZQAAAABJRU5ErkJggg==';

/** The links to other hosts the in-page check reads as hidden, by text, and how. */
async function hiddenLinks(page: Page, body: string): Promise<Array<[string, string]>> {
  await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
  const read = await readIntegrity(page, 'page', 10_000);
  return read!.hidden.map((h) => [h.text, h.how.replace(/:.*/, '')]);
}

describe('hidden links: text pushed away from a picture the link shows', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newTab(browser, defaultCollectOptions.userAgent);
  });
  afterAll(async () => {
    if (page) await closeTab(page);
    await browser?.close();
  });

  it('a CSS logo (text-indent over a background image, on the link or its box) is a visible link; the same text without a picture is hidden', async () => {
    const logo = `display:block;width:120px;height:40px;background:url(${picture})`;
    expect(
      await hiddenLinks(
        page,
        `<a href="https://partner.example/" style="${logo};text-indent:-9999px">合作平台</a>
         <div style="text-indent:-9999px;width:120px;height:40px;background:url(${picture})"><a href="https://other.example/" style="display:block;height:40px">兄弟网站</a></div>
         <a href="https://farm.example/a" style="display:block;width:120px;height:40px;text-indent:-9999px">推广链接甲</a>`,
      ),
    ).toEqual([['推广链接甲', 'text-indent']]);
  });

  it('an icon with font-size:0 over a background image is visible; text of 0 or 1px without one is hidden, small print is not', async () => {
    const icon = `display:inline-block;width:24px;height:24px;font-size:0;background:url(${picture})`;
    expect(
      await hiddenLinks(
        page,
        `<a href="https://share.example/" style="${icon}">分享</a>
         <a href="https://farm.example/b" style="font-size:0">推广链接乙</a>
         <a href="https://farm.example/b1" style="font-size:1px">推广链接乙一</a>
         <a href="https://partner.example/b2" style="font-size:9px">版权所有</a>`,
      ),
    ).toEqual([
      ['推广链接乙', 'font-size'],
      ['推广链接乙一', 'font-size'],
    ]);
  });

  it('a picture too small to see does not make pushed-away text visible', async () => {
    expect(
      await hiddenLinks(
        page,
        `<a href="https://farm.example/c" style="display:block;width:2px;height:2px;overflow:hidden;text-indent:-9999px;background:url(${picture})">推广链接丙</a>`,
      ),
    ).toEqual([['推广链接丙', 'text-indent']]);
  });

  it('text in the background’s colour or one shade off it is hidden; faint but readable grey and yellow on white are not', async () => {
    expect(
      await hiddenLinks(
        page,
        `<div style="background:#f3f3f3">
           <a href="https://farm.example/d" style="color:#f3f3f3">网站建设甲</a>
           <a href="https://farm.example/e" style="color:#f5f5f5">网站建设乙</a>
           <a href="https://partner.example/f" style="color:#b0b0b0">技术支持：某公司</a>
         </div>
         <a href="https://farm.example/g" style="color:#fdfdfd">网站建设丙</a>
         <a href="https://partner.example/h" style="color:#e0e0e0">友情链接</a>
         <a href="https://partner.example/i" style="color:yellow">论坛应用</a>`,
      ),
    ).toEqual([
      ['网站建设甲', 'color'],
      ['网站建设乙', 'color'],
      ['网站建设丙', 'color'],
    ]);
  });
});

/** Each hidden link to another host the in-page check reads, by text, with how the page shows it (null: nothing tried shows it). */
async function shownBy(page: Page, head: string, body: string): Promise<Record<string, string | null>> {
  await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>${head}</style></head><body>${body}</body></html>`);
  const read = await readIntegrity(page, 'page', 10_000);
  return Object.fromEntries(read!.hidden.map((h) => [h.text, h.shownBy ? h.shownBy.how : null]));
}

describe('hidden links: a block the page shows when used, or one nobody can see', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newTab(browser, defaultCollectOptions.userAgent);
  });
  afterAll(async () => {
    if (page) await closeTab(page);
    await browser?.close();
  });

  it('a dropdown shown by a :hover rule or a mouse handler, a phone-width menu, a login box, a closable notice, a menu button’s popup and a tab set are the page’s own', async () => {
    const read = await shownBy(
      page,
      `.menu .sub { display: none } .menu:hover .sub { display: block }
       .phone { display: none } @media (max-width: 600px) { .phone { display: block } }
       .tabs .pane { display: none } .tabs .pane.on { display: block }`,
      `<ul><li class="menu"><span>合作媒体</span><div class="sub"><a href="https://paper.example/">某某日报</a></div></li></ul>
       <div><span id="js-label">兄弟网站</span><div id="js-menu" style="display:none"><a href="https://brother.example/">兄弟网站甲</a></div></div>
       <script>document.getElementById('js-label').addEventListener('mouseenter', function () { document.getElementById('js-menu').style.display = 'block'; });</script>
       <div class="phone"><a href="https://app.example/">下载客户端</a></div>
       <div style="display:none"><input type="password"><a href="https://login.example/forgot">忘记密码</a></div>
       <div style="display:none"><a href="https://browser.example/">升级浏览器</a><a>关闭</a></div>
       <div role="button" aria-haspopup="true" aria-expanded="false">更多<ul style="visibility:hidden"><li><a href="https://video.example/">视频</a></li></ul></div>
       <div class="tabs"><div class="pane on"><a href="/a">本站新闻</a></div><div class="pane"><a href="https://exhibit.example/">艺术展览</a></div></div>`,
    );
    expect(read).toEqual({
      某某日报: 'hover',
      兄弟网站甲: 'hover',
      下载客户端: 'width',
      忘记密码: 'panel',
      升级浏览器: 'panel',
      视频: 'menu',
      艺术展览: 'set',
    });
    // What was tried is taken back: no rule or mark of the check stays in the page.
    expect(await page.evaluate(() => document.querySelectorAll('[data-govscore], [data-govscore-on]').length)).toBe(0);
  });

  it('a page whose Content-Security-Policy refuses inline styles is still read: its handlers are tried, its rules cannot be', async () => {
    // A tab of its own: the policy a page declares stays with the tab's document after setContent.
    const strict = await newTab(browser, defaultCollectOptions.userAgent);
    await strict.setContent(
      `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="style-src 'none'"></head><body>
       <div><span id="label">兄弟网站</span><div id="menu" hidden><a href="https://brother.example/">兄弟网站甲</a></div></div>
       <script>document.getElementById('label').addEventListener('mouseover', function () { document.getElementById('menu').hidden = false; });</script>
       <div hidden><a href="https://farm.example/">北京搬家</a></div></body></html>`,
    );
    const read = await readIntegrity(strict, 'page', 10_000);
    await closeTab(strict);
    expect(read!.hidden.map((h) => [h.text, h.shownBy?.how ?? null])).toEqual([
      ['兄弟网站甲', 'hover'],
      ['北京搬家', null],
    ]);
  });

  it('the slides of a carousel (turned by its track, or shown one at a time beside its buttons) and a widget not yet faded in are the page’s own', async () => {
    const read = await shownBy(
      page,
      `.slides li { float: left; width: 400px; height: 150px; list-style: none }`,
      `<div style="width:400px;height:150px;overflow:hidden">
         <ul class="slides" style="width:1600px;margin:0 0 0 -800px;padding:0">
           <li><a href="https://zt-one.example.gov.cn/">专题一</a></li><li><a href="https://zt-two.example/">专题二</a></li>
           <li><a href="https://zt-three.example/">专题三</a></li><li><a href="https://zt-four.example/">专题四</a></li>
         </ul>
       </div>
       <div>
         <div style="width:400px;height:150px;overflow:hidden;position:relative">
           <div style="display:none"><a href="https://zt-five.example/">专题五</a><p>说明</p></div>
           <div style="display:none"><a href="https://zt-six.example/">专题六</a><p>说明</p></div>
         </div>
         <span>‹</span><span>›</span>
       </div>
       <div style="opacity:0;pointer-events:none"><div><a href="https://recommend-a.example/">推荐文章甲</a><a href="https://recommend-b.example/">推荐文章乙</a></div></div>`,
    );
    expect(read).toEqual({ 专题一: 'slide', 专题二: 'slide', 专题五: 'slide', 专题六: 'slide', 推荐文章甲: 'fading', 推荐文章乙: 'fading' });
  });

  it('injected blocks beside a carousel, in a visible item of a clipped list, see-through but clickable, or in a box hiding all its like parts stay unexplained', async () => {
    const read = await shownBy(
      page,
      `.slides li { float: left; width: 400px; height: 150px; list-style: none }`,
      `<div>
         <div style="width:400px;height:150px;overflow:hidden">
           <ul class="slides" style="width:1200px;margin:0 0 0 -400px;padding:0">
             <li><a href="https://zt-one.example/">专题一</a></li><li><a href="/two">专题二</a></li><li><a href="/three">专题三</a></li>
           </ul>
         </div>
         <span>‹</span><span>›</span>
         <div style="display:none"><a href="https://farm-f.example/">成都搬家</a><a href="https://farm-g.example/">重庆装修</a></div>
         <div style="position:absolute;left:-9999px"><a href="https://farm-h.example/">武汉开锁</a><a href="https://farm-i.example/">长沙搬家</a></div>
       </div>
       <ul style="overflow:hidden"><li><a href="/1">本站新闻一</a><span style="display:none"><a href="https://farm-j.example/">西安租车</a></span></li>
         <li><a href="/2">本站新闻二</a><span></span></li></ul>
       <div style="opacity:0"><a href="https://farm-k.example/">南京保洁</a><a href="https://farm-l.example/">苏州家政</a></div>
       <div><div style="width:400px;height:60px;overflow:hidden;margin-left:-10px">
         <div style="position:relative;left:-2000px;width:0;overflow:hidden"><p><a href="https://farm-m.example/">福州搬家</a></p><p><a href="https://farm-n.example/">厦门搬家</a></p></div>
       </div><span>‹</span><span>›</span></div>`,
    );
    expect(read).toEqual({
      专题一: 'slide',
      成都搬家: null,
      重庆装修: null,
      武汉开锁: null,
      长沙搬家: null,
      西安租车: null,
      南京保洁: null,
      苏州家政: null,
      福州搬家: null,
      厦门搬家: null,
    });
  });

  it('injected blocks stay unexplained: hidden, off-screen or tiny, at the top of the page, beside a hover menu or inside a navigation that shows', async () => {
    const read = await shownBy(
      page,
      `.menu .sub { display: none } .menu:hover .sub { display: block } nav a { color: #333 }`,
      `<div style="display:none"><a href="https://farm-a.example/">北京搬家</a></div>
       <ul><li class="menu"><span>合作媒体</span><div class="sub"><a href="https://paper.example/">某某日报</a></div></li>
         <li class="menu"><div style="position:absolute;left:-9999px"><a href="https://farm-b.example/">上海装修</a></div></li></ul>
       <nav><a href="/">首页</a><div style="display:none"><a href="https://farm-c.example/">广州租车</a></div></nav>
       <p style="font-size:0"><a href="https://farm-d.example/">深圳保洁</a></p>
       <div class="menu"><a href="https://farm-e.example/" style="color:#fff">杭州家政</a></div>`,
    );
    expect(read).toEqual({ 某某日报: 'hover', 北京搬家: null, 上海装修: null, 广州租车: null, 深圳保洁: null, 杭州家政: null });
  });
});
