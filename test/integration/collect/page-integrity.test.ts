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

  it('an icon with font-size:0 over a background image is visible; zero-size text without one is hidden', async () => {
    const icon = `display:inline-block;width:24px;height:24px;font-size:0;background:url(${picture})`;
    expect(
      await hiddenLinks(
        page,
        `<a href="https://share.example/" style="${icon}">分享</a>
         <a href="https://farm.example/b" style="font-size:0">推广链接乙</a>`,
      ),
    ).toEqual([['推广链接乙', 'font-size']]);
  });

  it('a picture too small to see does not make pushed-away text visible', async () => {
    expect(
      await hiddenLinks(
        page,
        `<a href="https://farm.example/c" style="display:block;width:2px;height:2px;overflow:hidden;text-indent:-9999px;background:url(${picture})">推广链接丙</a>`,
      ),
    ).toEqual([['推广链接丙', 'text-indent']]);
  });
});
