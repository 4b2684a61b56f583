import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { itemFromRow } from '../../../evaluators/collect/list-items.js';
import { closeTab, newTab, openUrl } from '../../../evaluators/collect/navigate.js';
import { readFacts } from '../../../evaluators/collect/page-facts.js';
import { pageKind } from '../../../evaluators/collect/page-kind.js';
import { readPage } from '../../../evaluators/collect/read-page.js';

/**
 * The in-page readers on markup shapes seen on real portals and absent from our sample portals, each page
 * written here by hand: a table list with spacer rows between the items, an item titled in one word, a
 * directory of links laid out like a menu bar, a leaders page with a logo and a badge beside the photo.
 */
const rows = Array.from({ length: 12 }, (_, i) => ({
  title: `关于2026年第${i + 1}批公开招聘拟聘人员的公示`,
  date: `26-${String(11 - Math.floor(i / 3)).padStart(2, '0')}-${String(20 - i).padStart(2, '0')}`,
}));
const spacerTable = `<table><tr><td height="15" colspan="3"></td></tr>${rows
  .map(
    (r, i) =>
      `<tr><td><img src="/i/dot.gif" width="5" height="5"></td><td><a href="/tzgg/${i}.html">${r.title}</a></td><td>${r.date}</td></tr><tr><td colspan="3"><img src="/i/line.gif" width="600" height="1"></td></tr>`,
  )
  .join('')}</table>`;
const pages: Record<string, string> = {
  '/tzgg/index.html': `<div>首页 | 通知公告</div><h2>通知公告</h2>${spacerTable}<div>共1页</div>`,
  '/gsgg/index.html': `<h2>公示公告</h2><ul>${['县人社局2026年公开招聘工作人员拟聘用人员名单公示', '公 示', '关于2026年度职称评审结果的公示', '关于第三批就业见习基地认定结果的公示'].map((t, i) => `<li><a href="/gsgg/${i}.html">${t}</a><span>2026-11-${String(20 - i).padStart(2, '0')}</span></li>`).join('')}</ul>`,
  '/xxgk/fdzdgknr/index.html': `<div>${['首页', '新闻中心', '政务公开', '互动交流'].map((t) => `<a href="/${t}.html">${t}</a>`).join(' | ')}</div><h2>法定主动公开内容</h2><div>${['规范性文件', '规划计划', '统计数据', '财政预决算', '政府采购', '社会救助'].map((t, i) => `<a href="/fdzd/${i}.html" style="display:inline-block;margin:4px">${t}</a>`).join('')}</div>`,
  '/zwyw/index_3.html': `<table width="100%"><tr>${['首页', '新闻中心', '政策文件', '政务公开', '办事服务', '互动交流', '专题专栏'].map((t) => `<td><a href="/${encodeURIComponent(t)}/">${t}</a></td>`).join('')}</tr></table><h2>政务要闻</h2><dl><dt><a href="/zwyw/202609/t20260913_8195.html">老旧小区改造：靶向发力见实效</a></dt><dd>2026年9月13日</dd></dl><div><a href="/zwyw/index_2.html">上一页</a> 4/4</div>`,
  '/home.html': `<div><span>今天是2026年12月3日</span> <a href="/sitemap.html">网站地图</a> | <a href="/contact.html">联系我们</a></div><div><h2>卫健要闻</h2><a href="/wjyw/index.html">查看更多</a></div><div>${['江临市召开森林防火工作推进会', '江临市召开重点项目建设专题会议'].map((t, i) => `<div><h3><a href="/wjyw/index.html">[卫健要闻]</a> <a href="/wjyw/${i}.html">${t}</a></h3><p>各有关单位要高度重视，加强组织领导。</p><span>2026年11月${18 - 3 * i}日</span></div>`).join('')}</div>`,
  '/channel/g2/index.html': `<div><a href="/">首页</a> <a href="/channel/g2/index.html">政策文件</a></div><div><div><h2>政策法规</h2><a href="javascript:void(0)" onclick="window.open('/col/col1020/index.html')"><img src="/i/more.png" width="14" height="14"></a></div><dl>${['江临市人民政府办公室关于进一步做好生态环境保护工作的意见', '江临市人民政府办公室关于进一步做好职业技能培训工作的意见', '江临市人民政府关于印发《生态环境保护实施方案》的通知'].map((t, i) => `<dt><a href="/col/col1020/index.html">[政策法规]</a> <a href="/art/2026/11/${17 - i}/art_1020_${i}.html">${t}</a></dt>`).join('')}</dl></div>`,
  '/tzgg2/index.html': `<div><div><h2>通知公告</h2><a href="/rss/tzgg.xml"><img src="/i/rss.png" width="14" height="14"></a></div><ul>${['关于2026年度政府信息公开工作年度报告的公告', '关于开展2026年度安全生产大检查的通知', '关于公布2026年第三批行政许可事项的通告'].map((t, i) => `<li><a href="/tzgg2/${i}.html">${t}</a><span>2026-11-${18 - i}</span></li>`).join('')}</ul></div>`,
  '/xxgk/ldxx/index.html': `<a href="/"><img src="/logo.png" width="64" height="64" alt=""></a><h2>领导信息</h2><p>局长：王建国</p><p>简历：男，1972年5月生。</p><img src="/p.jpg" width="120" height="160" alt="负责人照片"><div><a href="http://www.conac.cn/x"><img src="/dzjg.png" width="46" height="56"></a> 网站标识码：3301000001</div>`,
  '/xxgk/ldxx2/index.html': `<a href="/"><img src="/logo.png" width="64" height="64" alt=""></a><h2>领导信息</h2><p>局长：王建国</p><p>简历：男，1972年5月生。</p><div><a href="http://www.conac.cn/x"><img src="/dzjg.png" width="46" height="56"></a> 网站标识码：3301000001</div>`,
};

describe('the page readers on markup our sample portals do not use', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let tab: Page;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = pages[req.url ?? ''];
      if (!body) return void res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!DOCTYPE html><html lang="zh-CN"><head><title>页面</title></head><body>${body}</body></html>`);
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
  const open = async (path: string) => {
    const opened = await openUrl(tab, origin + path, 10_000);
    expect(opened.error).toBeNull();
  };

  it('reads a table list whose items alternate with spacer rows as one list of all its items', async () => {
    await open('/tzgg/index.html');
    const read = await readPage(tab);
    expect(pageKind(read)).toBe('list');
    expect(read.rows).toHaveLength(12);
  });

  it('counts an item titled in one word among titled rows', async () => {
    await open('/gsgg/index.html');
    const read = await readPage(tab);
    expect(read.rows.map((r) => r.text.replace(/\s/g, ''))).toEqual(expect.arrayContaining([expect.stringContaining('公示2026-11-19')]));
    expect(read.rows).toHaveLength(4);
  });

  it("reads a column's last page holding one dated item beside a longer menu bar", async () => {
    await open('/zwyw/index_3.html');
    const read = await readPage(tab);
    expect(read.rows.map((r) => r.title)).toEqual(['老旧小区改造：靶向发力见实效']);
  });

  it('reads the date of a card whose title follows a [category] tag, and not the clock as an item', async () => {
    await open('/home.html');
    const read = await readPage(tab);
    const dated = read.allRows.map((r) => itemFromRow(r, [], '2026-11-21', Date.parse('2026-12-03T02:00:00Z'))).filter((i) => i?.date);
    expect(dated.map((i) => [i!.title, i!.date])).toEqual([
      ['江临市召开森林防火工作推进会', '2026-11-18'],
      ['江临市召开重点项目建设专题会议', '2026-11-15'],
    ]);
  });

  it('reads a channel page previewing one column under a heading and an image "more" link as a preview, not a column', async () => {
    await open('/channel/g2/index.html');
    const read = await readPage(tab);
    expect(read.previewOf).toBe(`${origin}/col/col1020/index.html`);
    expect(pageKind(read)).toBe('hub');
    // A column whose heading carries an RSS icon is the column itself.
    await open('/tzgg2/index.html');
    const column = await readPage(tab);
    expect(column.previewOf).toBeNull();
    expect(pageKind(column)).toBe('list');
  });

  it('puts the links of a directory in one block, whatever the zone', async () => {
    await open('/xxgk/fdzdgknr/index.html');
    const facts = (await readFacts(tab))!;
    const directory = facts.anchors.filter((a) => a.href?.includes('/fdzd/'));
    expect(directory).toHaveLength(6);
    expect(new Set(directory.map((a) => a.block)).size).toBe(1);
    expect(directory[0]!.block).not.toBeNull();
    const menu = facts.anchors.find((a) => a.text === '新闻中心')!;
    expect(menu.block).not.toBe(directory[0]!.block);
  });

  it('counts the photo of a leaders page, not the logo linked home nor a badge linking elsewhere', async () => {
    await open('/xxgk/ldxx/index.html');
    expect((await readFacts(tab))!.mainImages).toBe(1);
    await open('/xxgk/ldxx2/index.html');
    expect((await readFacts(tab))!.mainImages).toBe(0);
  });
});
