import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type CheckedLink, checkLinks, type LinkResult, type LinkToCheck } from '../../../evaluators/collect/link-check.js';
import { evaluateLinks } from '../../../evaluators/links.js';
import { sampleProfiles } from '../../../portals/model/profiles/index.js';
import { challengeCookie } from '../../../portals/reader/waf.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';

const plantedResult: Record<string, LinkResult> = { 'http-404': 'http-4xx', 'http-500': 'http-5xx', timeout: 'timeout', refused: 'refused' };

/** Every a[href] and img[src] of a page, as the crawler would hand them to the checker. */
async function linksOf(pageUrl: string, encoding: string, cookie?: string): Promise<{ url: string; links: LinkToCheck[] }> {
  const response = await fetch(pageUrl, { headers: cookie ? { cookie } : {} });
  const $ = cheerio.load(new TextDecoder(encoding).decode(await response.arrayBuffer()));
  const links: LinkToCheck[] = $('a[href], img[src]')
    .toArray()
    .map((el) => {
      const image = el.tagName === 'img';
      const url = new URL($(el).attr(image ? 'src' : 'href')!, response.url).href;
      const kind = image ? 'image' : /\.(docx?|xlsx?|pdf|zip|rar|wps)$/i.test(url) ? 'attachment' : 'link';
      return { url, foundOn: response.url, kind };
    });
  return { url: response.url, links };
}

describe('link checker on the sample portals', () => {
  let set: RunningPortalSet;
  const pages = new Map<string, { home: string; article: string; cookie?: string }>();
  let checked: CheckedLink[];

  beforeAll(async () => {
    set = await startPortalSet({ asOf: '2026-11-21', seed: 'links-test' });
    const all: LinkToCheck[] = [];
    for (const { id, truth } of set.portals) {
      // The firewall portal's pages are read with its cookie; the checker itself goes without.
      const cookie = await challengeCookie(truth.portal.url);
      const encoding = truth.portal.encoding === 'gbk' ? 'gbk' : 'utf-8';
      const home = await linksOf(truth.portal.url, encoding, cookie);
      const article = await linksOf(truth.columns.find((c) => c.itemCount > 0)!.items[0]!.url, encoding, cookie);
      pages.set(id, { home: home.url, article: article.url, cookie });
      all.push(...home.links, ...article.links);
    }
    checked = await checkLinks(all, { timeoutMs: 2000 });
  }, 300_000);
  afterAll(() => set?.close());

  const onPortal = (id: string) => checked.filter((c) => c.foundOn.includes(pages.get(id)!.home) || c.foundOn.includes(pages.get(id)!.article));

  it.each(sampleProfiles.map((p) => p.id))('%s: broken links are exactly the planted ones, with their planted kind', (id) => {
    const { truth, url: origin } = set.get(id);
    const { home, article } = pages.get(id)!;
    // Behind the firewall nothing can be told apart without its cookie: those links are blocked, not broken.
    const behindWaf = (url: string) => truth.behaviour.waf && new URL(url).origin === new URL(origin).origin;
    const planted = truth.brokenLinks.filter((l) => !behindWaf(l.url));
    const results = onPortal(id);
    const broken = results.filter((c) => c.broken);
    const found = broken.filter((c) => planted.some((l) => l.url === c.url)).length;
    console.log(
      `${id}: ${results.length} links, broken ${broken.length}, planted ${truth.brokenLinks.length} (${planted.length} visible);` +
        ` precision ${broken.length ? found / broken.length : 1}, recall ${planted.length ? found / planted.length : 1}`,
      broken.map((c) => `${c.result} ${c.url}`),
    );
    expect(new Set(broken.map((c) => c.url))).toEqual(new Set(planted.map((l) => l.url)));
    for (const l of planted) {
      const c = results.find((r) => r.url === l.url)!;
      expect(c.result, l.url).toBe(plantedResult[l.kind]);
      expect(c.foundOn, l.url).toContain(l.foundOn === 'homepage' ? home : article);
      expect(c.kind === 'image', l.url).toBe(l.image);
    }
    const measured = evaluateLinks(results, truth.portal.url);
    expect(measured.brokenOnHomepage).toBe(planted.filter((l) => l.foundOn === 'homepage').length);
  });

  it('wjw: behind the firewall every link of its own host is blocked-by-waf, none broken', () => {
    const { truth, url: origin } = set.get('wjw');
    const results = onPortal('wjw');
    expect(results.filter((c) => c.broken)).toEqual([]);
    const own = results.filter((c) => c.url.startsWith(origin) && c.foundOn.includes(pages.get('wjw')!.home));
    expect(own.length).toBeGreaterThan(10);
    for (const c of own) expect([c.url, c.result, c.status]).toEqual([c.url, 'blocked-by-waf', 412]);
    expect(results.find((c) => c.url === truth.brokenLinks[0]!.url)?.result).toBe('blocked-by-waf');
    expect(evaluateLinks(results, truth.portal.url).blocked).toBe(results.filter((c) => c.url.startsWith(origin)).length);
  });

  it('wjw: with the firewall cookie its planted broken link is found', async () => {
    const { truth } = set.get('wjw');
    const { home, article, cookie } = pages.get('wjw')!;
    const links = checked
      .filter((c) => c.foundOn.includes(home) || c.foundOn.includes(article))
      .flatMap((c) => c.foundOn.map((foundOn) => ({ url: c.url, foundOn, kind: c.kind })));
    const again = await checkLinks(links, { timeoutMs: 2000, headers: { cookie: cookie! } });
    const broken = again.filter((c) => c.broken).map((c) => c.url);
    console.log(
      'wjw with cookie: broken',
      broken,
      'planted',
      truth.brokenLinks.map((l) => l.url),
    );
    expect(new Set(broken)).toEqual(new Set(truth.brokenLinks.map((l) => l.url)));
    expect(again.filter((c) => c.result === 'blocked-by-waf')).toEqual([]);
  });
});

/** A throw-away server with one behaviour per path. */
describe('link checker against a local server', () => {
  let server: Server;
  let base: string;
  const hits = new Map<string, number>();
  const big = { written: 0, closed: false };
  let inFlight = 0;
  let maxInFlight = 0;
  const arrivals: number[] = [];

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, hit: number) => void> = {
    '/ok': (_req, res) => res.end('ok'),
    '/head405': (req, res) => {
      res.statusCode = req.method === 'HEAD' ? 405 : 200;
      res.end();
    },
    '/moved': (_req, res) => res.writeHead(301, { location: '/ok' }).end(),
    '/loop/a': (_req, res) => res.writeHead(302, { location: '/loop/b' }).end(),
    '/loop/b': (_req, res) => res.writeHead(302, { location: '/loop/a' }).end(),
    // A firewall that sets its cookie and sends the client back to the same URL: not a loop.
    '/gate': (req, res) => {
      if ((req.headers.cookie ?? '').includes('gate=1')) res.end('in');
      else res.writeHead(302, { location: '/gate', 'set-cookie': 'gate=1; Path=/' }).end();
    },
    '/flaky': (_req, res, hit) => {
      res.statusCode = hit === 1 ? 503 : 200;
      res.end();
    },
    '/gone': (_req, res) => {
      res.statusCode = 410;
      res.end();
    },
    '/limited': (_req, res) => {
      res.statusCode = 429;
      res.end();
    },
    '/hang': () => undefined,
    '/big': (req, res) => {
      if (req.method === 'HEAD') return void res.writeHead(405).end();
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': 50_000_000 });
      const timer = setInterval(() => {
        big.written += 16_384;
        res.write(Buffer.alloc(16_384));
      }, 50);
      res.on('close', () => {
        clearInterval(timer);
        big.closed = true;
      });
    },
    '/slow': (_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end();
      }, 100);
    },
    '/paced': (_req, res) => {
      arrivals.push(Date.now());
      res.end();
    },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const route = routes[path.replace(/\/\d+$/, '')] ?? routes[path];
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (!route) return void res.writeHead(404).end();
      route(req, res, hits.get(path)!);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const one = async (path: string, options = {}) => (await checkLinks([{ url: base + path, foundOn: base + '/', kind: 'link' }], options))[0]!;

  it('HEAD refused with 405 but GET 200 is ok', async () => {
    expect(await one('/head405')).toMatchObject({ result: 'ok', status: 200, broken: false });
  });

  it('follows redirects and records the final URL; a loop is redirect-loop', async () => {
    expect(await one('/moved')).toMatchObject({ result: 'ok', status: 200, finalUrl: base + '/ok' });
    expect(await one('/loop/a')).toMatchObject({ result: 'redirect-loop', status: null, broken: true, permanent: true });
    expect(await one('/gate')).toMatchObject({ result: 'ok', status: 200, finalUrl: base + '/gate' });
  });

  it('retries a 503 and passes; a 410 is permanent and not retried', async () => {
    expect(await one('/flaky')).toMatchObject({ result: 'ok', status: 200, broken: false });
    expect(hits.get('/flaky')).toBe(2);
    expect(await one('/gone')).toMatchObject({ result: 'http-4xx', status: 410, broken: true, permanent: true });
    expect(hits.get('/gone')).toBe(1);
  });

  it('a 429 is blocked-by-waf, not broken, and not retried', async () => {
    expect(await one('/limited')).toMatchObject({ result: 'blocked-by-waf', status: 429, broken: false });
    expect(hits.get('/limited')).toBe(1);
  });

  it('a big file reached by the GET fallback is not downloaded', async () => {
    const c = await one('/big');
    expect(c).toMatchObject({ result: 'ok', status: 200 });
    expect(c.ms).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(big.closed).toBe(true);
    expect(big.written).toBeLessThan(1_000_000);
  });

  it('names timeouts and refused connections; skips mailto:, tel:, javascript: without a request', async () => {
    expect(await one('/hang', { timeoutMs: 300, retries: 0 })).toMatchObject({ result: 'timeout', broken: true, permanent: false });
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/`;
    await new Promise((resolve) => dead.close(resolve));
    const [refused, ...skipped] = await checkLinks(
      [deadUrl, 'mailto:zfb@example.gov.cn', 'tel:12345', 'javascript:void(0)'].map((url) => ({ url, foundOn: base + '/', kind: 'link' as const })),
    );
    expect(refused).toMatchObject({ result: 'refused', status: null, broken: true });
    for (const s of skipped) expect(s).toMatchObject({ result: 'unsupported-scheme', broken: false, ms: 0 });
  });

  it('checks a URL once, keeping every page it was found on', async () => {
    const links: LinkToCheck[] = [
      { url: base + '/ok', foundOn: base + '/a.html', kind: 'link' },
      { url: base + '/ok#top', foundOn: base + '/b.html', kind: 'link' },
      { url: base + '/ok', foundOn: base + '/a.html', kind: 'link' },
    ];
    const before = hits.get('/ok') ?? 0;
    const result = await checkLinks(links);
    expect(result).toHaveLength(1);
    expect(result[0]!.foundOn).toEqual([base + '/a.html', base + '/b.html']);
    expect(hits.get('/ok')! - before).toBe(1);
  });

  it('keeps to the per-host concurrency and the delay between requests', async () => {
    const many = (path: string) => Array.from({ length: 6 }, (_, i) => ({ url: `${base}${path}/${i}`, foundOn: base + '/', kind: 'link' as const }));
    await checkLinks(many('/slow'), { perHostConcurrency: 2 });
    expect(maxInFlight).toBe(2);
    await checkLinks(many('/paced'), { delayMs: 80, perHostConcurrency: 3 });
    // Requests leave 80 ms apart (unpaced, all six arrive within a few ms); arrivals jitter with the
    // connection set-up, hence one delay of slack.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(4 * 80);
  });
});
