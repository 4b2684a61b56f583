import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { collectSite } from '../../../evaluators/collect/crawl-site.js';
import { failureLabel, isRetryable } from '../../../evaluators/collect/failures.js';
import { type CollectOptions, defaultCollectOptions } from '../../../evaluators/collect/options.js';

const asOf = '2026-11-21';
const options: CollectOptions = {
  ...defaultCollectOptions,
  timeoutMs: 5000,
  readTimeoutMs: 3000,
  probes: 1,
  probeSpacingMs: 0,
  maxPages: 6,
  maxLinks: 0,
  axe: 'off',
  features: false,
  lighthousePages: 0,
};

const content = (title: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>` +
  `<p>${'欢迎访问本网站。'.repeat(10)}</p><a href="news/">要闻动态</a></body></html>`;

/**
 * Homepages that take the visitor to another site, or show nothing, are site failures (left-site with the
 * origin they went to, empty-page), not sites to score; a server's own redirects (to www., to a subdomain
 * when allowed, to /index.html) and a homepage drawn by its script are the site itself. Every site here is
 * one path of one loopback server, reached under the hosts Chromium resolves to it (127.0.0.1, localhost,
 * www.localhost, xxgk.localhost: different hosts, as different sites are).
 */
describe('homepages that leave the site or show nothing', () => {
  let server: Server;
  let port: number;
  let browser: Browser;
  const other = () => `http://localhost:${port}`;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      const redirect = (to: string) => res.writeHead(302, { location: to }).end();
      const page = url.pathname;
      if (host === 'localhost' && page.startsWith('/elsewhere/')) return html(content('另一个网站'));
      if (page === '/left-script/') return html(`<html><head><script>location.replace('${other()}/elsewhere/');</script></head><body></body></html>`);
      if (page === '/left-meta/') return html(`<html><head><meta http-equiv="refresh" content="0; url=${other()}/elsewhere/"></head><body></body></html>`);
      if (page === '/left-late/')
        return html(content('即将跳转').replace('<head>', `<head><meta http-equiv="Refresh" content="5;URL='${other()}/elsewhere/'">`));
      if (page === '/empty/') return html('<!DOCTYPE html><html><head><title></title></head><body>  </body></html>');
      if (page === '/spa/')
        return html(
          `<!DOCTYPE html><html><head><title>某县人民政府</title></head><body><div id="app"></div><script>setTimeout(function () {` +
            `document.getElementById('app').innerHTML = '<h1>某县人民政府</h1><p>欢迎访问某县人民政府门户网站。</p><a href="news/">要闻动态</a>'; }, 800);</script></body></html>`,
        );
      if (page === '/moved/') return redirect('/moved/index.html');
      if (page === '/script-index/') return html(`<html><head><script>location.replace('/script-index/index.html');</script></head><body></body></html>`);
      if (page === '/bare/' && host === 'localhost') return redirect(`http://www.localhost:${port}/bare/`);
      if (page === '/sub/' && host === 'localhost') return redirect(`http://xxgk.localhost:${port}/sub/`);
      if (/^\/[\w-]+\/(index\.html|news\/)?$/.test(page)) return html(content(`本站 ${host}${page}`));
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '::', resolve));
    port = (server.address() as AddressInfo).port;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  const at = (host: string, path: string) => `http://${host}:${port}${path}`;

  it.each([
    ['a script replacing the location', '/left-script/'],
    ['a meta refresh at once', '/left-meta/'],
    ['a meta refresh after a while', '/left-late/'],
  ])('%s to another site: left-site, with where it went, and not assessed', async (_, path) => {
    const result = await collectSite(browser, at('127.0.0.1', path), asOf, options);
    expect(result.failure).toEqual({ status: 'error', reason: `left-site ${other()}` });
    expect(failureLabel(result.failure!.reason)).toBe('首页跳转到其他网站');
    expect(isRetryable(result.failure!.reason)).toBe(false);
    expect(result.homepage).toBeNull();
    expect(result.columns).toEqual([]);
  });

  it('an empty 200 page: empty-page, not assessed', async () => {
    const result = await collectSite(browser, at('127.0.0.1', '/empty/'), asOf, options);
    expect(result.failure).toEqual({ status: 'error', reason: 'empty-page' });
    expect(failureLabel('empty-page')).toBe('首页为空白页面');
    expect(result.homepage).toBeNull();
  });

  it('a homepage drawn by its script after it loaded is the site, not empty', async () => {
    const result = await collectSite(browser, at('127.0.0.1', '/spa/'), asOf, options);
    expect(result.failure).toBeNull();
    expect(result.homepage?.title).toBe('某县人民政府');
  });

  it.each([
    ['a redirect to its /index.html', 'localhost', '/moved/', false, '/moved/index.html'],
    ['a script going to its /index.html', 'localhost', '/script-index/', false, '/script-index/index.html'],
    ['a redirect from the bare domain to www.', 'localhost', '/bare/', false, '/bare/'],
    ['a redirect to a subdomain, subdomains allowed', 'localhost', '/sub/', true, '/sub/'],
  ])('%s is the site itself', async (_, host, path, allowSubdomains, landed) => {
    const result = await collectSite(browser, at(host, path), asOf, { ...options, allowSubdomains });
    expect(result.failure).toBeNull();
    expect(new URL(result.homepage!.finalUrl).pathname).toBe(landed);
  });

  it('a redirect to a subdomain when subdomains are not allowed is another site', async () => {
    const result = await collectSite(browser, at('localhost', '/sub/'), asOf, options);
    expect(result.failure).toEqual({ status: 'error', reason: `left-site http://xxgk.localhost:${port}` });
  });
});
