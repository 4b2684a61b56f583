import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { readDate } from '../../../portals/reader/read-dates.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';

const asOf = '2026-11-21';

/** Rows of a rendered list as the browser shows them: link and the date text beside it. */
async function renderedRows(page: Page) {
  return page.$$eval('ul.list > li, table.list tr', (rows) =>
    rows.map((row) => {
      const a = row.querySelector('a')!;
      return { url: a.href, rest: (row.textContent ?? '').replace(a.textContent ?? '', ''), title: row.getAttribute('title') ?? a.title };
    }),
  );
}

describe('sample portals in a real headless Chromium', () => {
  let set: RunningPortalSet;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    set = await startPortalSet({ asOf, seed: 'browser-test' });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await set?.close();
  });

  it('Hanweb-like lists exist only after the script runs, and javascript: paging walks every page', async () => {
    const column = set.get('jyj').truth.columns.find((c) => c.id === 'jyyw')!;
    const raw = await (await fetch(column.url)).text();
    expect(raw).not.toContain(column.items[0]!.url.replace(/^http:\/\/[^/]+/, ''));
    await page.goto(column.url, { waitUntil: 'networkidle0' });
    const seen: Array<{ url: string; date: string | null }> = [];
    for (let n = 1; ; n++) {
      await page.waitForFunction((k) => document.querySelector('.default_pgCurrentPage')?.textContent?.startsWith(`${k}/`), {}, n);
      for (const row of await renderedRows(page)) seen.push({ url: row.url, date: readDate(row.rest, asOf) });
      const next = await page.$('a[data-page]:last-of-type');
      const text = next ? await next.evaluate((a) => a.textContent) : null;
      if (text !== '下一页') break;
      await next!.click();
    }
    expect(seen).toEqual(column.items.map((i) => ({ url: i.url, date: i.date })));
  });

  it('TRS-like pager links are written by script: absent from the HTML, present in the page', async () => {
    const column = set.get('zfw').truth.columns.find((c) => c.pages > 1)!;
    expect(await (await fetch(column.url)).text()).not.toContain('href="index_1.html"');
    await page.goto(column.url, { waitUntil: 'networkidle0' });
    const links = await page.$$eval('.page a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain(new URL('index_1.html', column.url).href);
    // Every page but the current one (index.html, shown as plain text) is linked.
    expect(new Set(links).size).toBe(column.pages - 1);
    expect(links).toContain(new URL(`index_${column.pages - 1}.html`, column.url).href);
  });

  it('信息公开目录 rows come from the JSON API; 成文日期 precedes 发布日期', async () => {
    const column = set.get('fgw').truth.columns.find((c) => c.style === 'catalogue')!;
    await page.goto(column.url, { waitUntil: 'networkidle0' });
    const rows = await page.$$eval('#catalogue-rows tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.length).toBe(column.pageSize);
    for (const [i, cells] of rows.entries()) {
      expect(cells[6]).toBe(column.items[i]!.date);
      expect(cells[5]! < cells[6]!).toBe(true);
    }
  });

  it('the firewall challenge passes in a browser, the GBK site renders its Chinese', async () => {
    await page.goto(set.get('wjw').url, { waitUntil: 'networkidle0' });
    expect(await page.title()).toBe(set.get('wjw').name);
    await page.goto(set.get('qxx').url, { waitUntil: 'networkidle0' });
    expect(await page.title()).toBe(set.get('qxx').name);
    expect(await page.evaluate(() => document.characterSet)).toBe('GBK');
  });

  it('the iframe mailbox shows the interaction platform letters inside the portal page', async () => {
    const m = set.get('jyj').truth.mailbox!;
    await page.goto(m.entryUrl, { waitUntil: 'networkidle0' });
    const frame = page.frames().find((f) => f.url() === m.listUrl)!;
    expect(frame).toBeDefined();
    const ids = await frame.$$eval('table.letters tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
    expect(ids).toEqual(m.items.slice(0, ids.length).map((l) => l.id));
    expect(ids.length).toBeGreaterThan(0);
  });

  it('the 适老化 entry loads a toolbar where the truth says there is one', async () => {
    for (const p of set.portals) {
      await page.goto(p.url, { waitUntil: 'networkidle0' });
      const entry = await page.$('#assist-open');
      expect(!!entry, p.id).toBe(p.truth.elderlyMode);
      if (!entry) continue;
      await entry.click();
      await page.waitForSelector('#assist-toolbar');
      const buttons = await page.$$eval('#assist-toolbar button', (bs) => bs.map((b) => b.textContent));
      expect(buttons).toEqual(expect.arrayContaining(['放大', '高对比度', '大鼠标', '指读']));
    }
  });
});
