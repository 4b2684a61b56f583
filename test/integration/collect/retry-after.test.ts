import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { collectSite } from '../../../evaluators/collect/crawl-site.js';
import { failureLabel } from '../../../evaluators/collect/failures.js';
import { withPatience } from '../../../evaluators/collect/host-gate.js';
import { checkLinks } from '../../../evaluators/collect/link-check.js';
import { type CollectOptions, defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { evaluateLinks } from '../../../evaluators/links.js';

const asOf = '2026-11-21';

/** A request as the server saw it: when (this process's clock), what, and whether Chromium sent it. */
interface Seen {
  at: number;
  path: string;
  browser: boolean;
}

/**
 * A small site on a host of its own (a port: a host's pause is the host's alone) that answers one request
 * with 429 and a Retry-After — `limit(path, n)` picks it — and counts every request, before and after.
 */
async function startSite(pages: Record<string, string>, retryAfter: string, limit: (path: string, n: number, browser: boolean) => boolean) {
  const seen: Seen[] = [];
  let limitedAt: number | null = null;
  let limitedSeen: Seen | null = null;
  const perPath = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const n = (perPath.get(path) ?? 0) + 1;
    perPath.set(path, n);
    const request = { at: performance.now(), path, browser: 'upgrade-insecure-requests' in req.headers };
    seen.push(request);
    if (limitedAt === null && limit(path, n, request.browser)) {
      limitedAt = performance.now();
      limitedSeen = request;
      return void res.writeHead(429, { 'retry-after': retryAfter, 'content-type': 'text/plain' }).end('Too Many Requests');
    }
    const body = pages[path];
    if (body === undefined) return void res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404</h1>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    /** The requests that reached the server after the 429 was answered. */
    after: () => seen.filter((s) => limitedAt !== null && s.at > limitedAt),
    limited: () => limitedSeen,
    limitedAt: () => limitedAt,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A county site: a homepage leading to two dated columns, and their articles. No images or scripts: every request is one the crawl chose to make. */
function countySite(): Record<string, string> {
  const article = (title: string) =>
    `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>发布时间：2026-11-18</p><p>${'正文内容。'.repeat(40)}</p></body></html>`;
  const list = (name: string, dir: string) =>
    `<html><head><title>${name}</title></head><body><div><a href="/">首页</a> &gt; ${name}</div><h2>${name}</h2><ul>` +
    [0, 1, 2, 3].map((i) => `<li><a href="/${dir}/${i}.html">${name}第${i + 1}条信息标题文字</a><span>2026-11-1${5 - i}</span></li>`).join('') +
    '</ul></body></html>';
  const pages: Record<string, string> = {
    '/': `<html><head><title>某县人民政府</title></head><body><div><a href="/zwyw/">政务要闻</a> <a href="/tzgg/">通知公告</a></div><p>${'欢迎访问。'.repeat(20)}</p><p><a href="/files/guide.pdf">办事指南下载</a></p></body></html>`,
    '/files/guide.pdf': '%PDF-1.4',
    '/zwyw/': list('政务要闻', 'zwyw'),
    '/tzgg/': list('通知公告', 'tzgg'),
  };
  for (const dir of ['zwyw', 'tzgg']) for (const i of [0, 1, 2, 3]) pages[`/${dir}/${i}.html`] = article(`${dir}第${i + 1}条信息标题文字`);
  return pages;
}

const options: CollectOptions = {
  ...defaultCollectOptions,
  timeoutMs: 5000,
  readTimeoutMs: 5000,
  probes: 3,
  probeSpacingMs: 0,
  axe: 'off',
  features: false,
  lighthousePages: 0,
  linkTimeoutMs: 2000,
};
const homepageRequest = (n: number) => (path: string, count: number) => path === '/' && count === n;

describe('Retry-After on the crawl', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a 429 asking for an hour on a probe: the site is rate-limited, and its host gets no request after it, nor on the retry', async () => {
    // The three probes leave at once: the second probe is the homepage's second request.
    const site = await startSite(countySite(), '3600', homepageRequest(2));
    try {
      const result = await collectSite(browser, site.url, asOf, options);
      expect(site.limited()).toMatchObject({ path: '/', browser: false });
      expect(result.failure).toEqual({ status: 'blocked', reason: 'rate-limited (retry-after 3600 s)' });
      expect(failureLabel(result.failure!.reason)).toBe('被限流（服务器要求 3600 秒后重试）');
      expect(site.after()).toEqual([]);
      // The probe not sent is left out, not counted as the site being down.
      expect(result.probes.map((p) => [p.ok, p.status])).toEqual([
        [true, 200],
        [true, 429],
      ]);
      // The run's one retry of a retryable failure asks the host nothing either (robots.txt included).
      const again = await collectSite(browser, site.url, asOf, options);
      expect(again.failure).toEqual(result.failure);
      expect(site.after()).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('a 429 asking for an hour on the browser’s homepage load: rate-limited, no request after it', async () => {
    // One probe, then robots.txt, then Chromium: the homepage's second request is the browser's.
    const site = await startSite(countySite(), '3600', homepageRequest(2));
    try {
      const result = await collectSite(browser, site.url, asOf, { ...options, probes: 1 });
      expect(site.limited()).toMatchObject({ path: '/', browser: true });
      expect(result.failure).toEqual({ status: 'blocked', reason: 'rate-limited (retry-after 3600 s)' });
      expect(site.after()).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('a 429 asking for an hour in the middle of the crawl: the site is rate-limited, not assessed on the pages read before', async () => {
    // The column's load in the browser. One page at a time and no link checks: no request already on its
    // way when the 429 comes (one sent before the answer arrived is not one sent after it).
    const site = await startSite(countySite(), '3600', (path, _, browser) => path === '/tzgg/' && browser);
    try {
      const result = await collectSite(browser, site.url, asOf, { ...options, probes: 1, concurrency: 1, articleConcurrency: 1, maxLinks: 0 });
      expect(site.limited()).toMatchObject({ path: '/tzgg/', browser: true });
      expect(result.failure).toEqual({ status: 'blocked', reason: 'rate-limited (retry-after 3600 s)' });
      expect(result.columns).toEqual([]);
      expect(site.after()).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('a 429 asking for an hour on a link check of the site’s own host: the site is rate-limited too', async () => {
    // An attachment: only the link checker requests it, never the browser.
    const site = await startSite(countySite(), '3600', (path) => path === '/files/guide.pdf');
    try {
      const result = await collectSite(browser, site.url, asOf, { ...options, probes: 1 });
      expect(site.limited()).toMatchObject({ path: '/files/guide.pdf', browser: false });
      expect(result.failure).toEqual({ status: 'blocked', reason: 'rate-limited (retry-after 3600 s)' });
    } finally {
      await site.close();
    }
  });

  it('a 429 asking for a second on the homepage load: the crawl waits it out, loads the homepage again and completes', async () => {
    const site = await startSite(countySite(), '1', homepageRequest(2));
    try {
      const result = await collectSite(browser, site.url, asOf, { ...options, probes: 1 });
      expect(site.limited()).toMatchObject({ path: '/', browser: true });
      expect(result.failure).toBeNull();
      expect(result.columns.map((c) => c.name).sort()).toEqual(['政务要闻', '通知公告']);
      expect(result.pages[0]).toMatchObject({ role: 'homepage', status: 200, error: null });
      // Nothing reached the host before the second was over (a lower bound: a loaded machine only adds to it).
      const after = site.after();
      expect(after[0]).toMatchObject({ path: '/', browser: true });
      expect(after[0]!.at - site.limitedAt()!).toBeGreaterThanOrEqual(990);
    } finally {
      await site.close();
    }
  });
});

describe('Retry-After on the link checker', () => {
  const links = (base: string, paths: string[]) => paths.map((p) => ({ url: base + p, foundOn: 'http://www.example.gov.cn/', kind: 'link' as const }));

  it('a link answered 429 with an hour to wait is not checked, never broken, and its host is asked nothing more', async () => {
    const host = await startSite({ '/a': 'a', '/b': 'b', '/c': 'c' }, '3600', (_, n) => n === 1);
    try {
      const checked = await checkLinks(links(host.url, ['a', 'b', 'c']), { perHostConcurrency: 1, timeoutMs: 2000 });
      expect(checked.map((c) => [c.result, c.broken])).toEqual([
        ['rate-limited', false],
        ['rate-limited', false],
        ['rate-limited', false],
      ]);
      expect(host.seen).toHaveLength(1);
      expect(evaluateLinks(checked, 'http://www.example.gov.cn/')).toMatchObject({ checked: 0, broken: [], rateLimited: 3 });
    } finally {
      await host.close();
    }
  });

  it('the run’s patience decides: two seconds asked is too long for a patience of one, waited out with the default', async () => {
    const impatient = await startSite({ '/a': 'a' }, '2', (_, n) => n === 1);
    const patient = await startSite({ '/a': 'a' }, '1', (_, n) => n === 1);
    try {
      const [limited] = await withPatience(1000, () => checkLinks(links(impatient.url, ['a']), { timeoutMs: 2000 }));
      expect(limited).toMatchObject({ result: 'rate-limited', broken: false });
      expect(impatient.seen).toHaveLength(1);
      const [waited] = await checkLinks(links(patient.url, ['a']), { timeoutMs: 2000 });
      expect(waited).toMatchObject({ result: 'ok', status: 200 });
      expect(patient.seen).toHaveLength(2);
      expect(patient.after()[0]!.at - patient.limitedAt()!).toBeGreaterThanOrEqual(990);
    } finally {
      await impatient.close();
      await patient.close();
    }
  });
});
