import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sampleProfiles } from '../../../portals/model/profiles/index.js';
import { fetchPage } from '../../../portals/reader/fetch-page.js';
import { challengeCookie } from '../../../portals/reader/waf.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';

const ids = sampleProfiles.map((p) => p.id);

/** What a link checker would see: a status, or the name of the network failure. */
async function probe(url: string, cookie?: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1500), headers: cookie ? { cookie } : {} });
    await response.arrayBuffer();
    return `http-${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    if ((error as Error).name === 'TimeoutError') return 'timeout';
    return cause === 'ECONNREFUSED' ? 'refused' : `error:${cause ?? (error as Error).name}`;
  }
}

describe('sample portals: planted defects and server behaviours', () => {
  let set: RunningPortalSet;
  beforeAll(async () => {
    set = await startPortalSet({ asOf: '2026-11-21', seed: 'behaviour-test' });
  });
  afterAll(() => set.close());

  it.each(ids)('%s: planted broken links are on their page and fail the planted way', async (id) => {
    const { truth } = set.get(id);
    const cookie = await challengeCookie(truth.portal.url);
    const firstArticle = truth.columns.find((c) => c.itemCount > 0)!.items[0]!.url;
    for (const link of truth.brokenLinks) {
      const page = await fetchPage(link.foundOn === 'homepage' ? truth.portal.url : firstArticle, { cookie });
      const attribute = link.image ? 'src' : 'href';
      const hrefs = page
        .$(link.image ? 'img' : 'a')
        .toArray()
        .map((el) => new URL(page.$(el).attr(attribute)!, page.url).href);
      expect(hrefs, link.url).toContain(link.url);
      expect(await probe(link.url, cookie), link.url).toBe(link.kind);
    }
    // Every other link on the homepage works (so the planted ones are the only broken ones).
    const home = await fetchPage(truth.portal.url, { cookie });
    const planted = new Set(truth.brokenLinks.map((l) => l.url));
    const others = new Set(
      home
        .$('a[href], img[src]')
        .toArray()
        .map((el) => home.$(el).attr('href') ?? home.$(el).attr('src')!)
        .filter((h) => !h.startsWith('javascript:'))
        .map((h) => new URL(h, home.url).href)
        .filter((u) => !planted.has(u)),
    );
    const statuses = await Promise.all([...others].map(async (url) => [url, await probe(url, cookie)]));
    for (const [url, status] of statuses) expect(status, url).toBe('http-200');
  });

  it.each(ids)('%s: planted accessibility defects and page furniture', async (id) => {
    const { truth } = set.get(id);
    const cookie = await challengeCookie(truth.portal.url);
    const home = await fetchPage(truth.portal.url, { cookie });
    const rules = truth.accessibility.planted.map((p) => p.rule);
    expect(home.$('html').attr('lang') === undefined).toBe(rules.includes('html-has-lang'));
    expect(home.$('img:not([alt])').length > 0).toBe(rules.includes('image-alt'));
    const input = home.$('form.search input[name=q]');
    if (input.length) expect(!input.attr('id') || home.$(`label[for="${input.attr('id')}"]`).length === 0).toBe(rules.includes('label'));
    expect(home.$('.footer.low').length > 0).toBe(rules.includes('color-contrast'));
    expect(home.$('.footer').text()).toContain(`网站标识码：${truth.identity.siteIdCode}`);
    expect(home.$('meta[name="SiteIDCode"]').attr('content')).toBe(truth.identity.meta.site ? truth.identity.siteIdCode : undefined);
    expect(home.text.includes('无障碍浏览')).toBe(truth.elderlyMode);
    expect(home.$('form.search').length > 0).toBe(truth.search !== 'absent');
    const pages = await Promise.all(truth.columns.map((c) => fetchPage(c.url, { cookie })));
    truth.columns.forEach((c, i) => {
      const expected = truth.identity.columnNameMetaOn.includes(c.id) && truth.identity.meta.column ? c.name : undefined;
      expect(pages[i]!.$('meta[name="ColumnName"]').attr('content'), c.id).toBe(expected);
    });
  });

  it('the GBK site declares its charset only in <meta> and decodes to the right text', async () => {
    const { truth } = set.get('qxx');
    const response = await fetch(truth.portal.url);
    expect(response.redirected).toBe(true);
    expect(new URL(response.url).pathname).toBe('/index.asp');
    expect(response.headers.get('content-type')).toBe('text/html');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.includes(Buffer.from(truth.portal.name, 'utf8'))).toBe(false);
    const page = await fetchPage(truth.portal.url);
    expect(page.$('title').text()).toBe(truth.portal.name);
    expect(page.$('.footer').text()).toContain('Copyright 2005-2026');
  });

  it('the firewall stops a plain client with 412 and lets a browser-like client through', async () => {
    const { truth } = set.get('wjw');
    expect((await fetch(truth.portal.url)).status).toBe(412);
    const cookie = await challengeCookie(truth.portal.url);
    expect(cookie).toMatch(/^wzws_cid=/);
    expect((await fetch(truth.portal.url, { headers: { cookie: cookie! } })).status).toBe(200);
  });

  it('robots.txt and sitemap.xml where the truth says so', async () => {
    for (const p of set.portals) {
      const robots = await fetch(new URL('/robots.txt', p.url), { headers: { cookie: (await challengeCookie(p.url)) ?? '' } });
      expect(robots.status, p.id).toBe(p.truth.behaviour.robotsTxt === null ? 404 : 200);
      if (robots.ok) expect(await robots.text()).toContain(p.truth.behaviour.robotsTxt!);
    }
    const sitemap = await (await fetch(new URL('/sitemap.xml', set.get('zfw').url))).text();
    for (const c of set.get('zfw').truth.columns) expect(sitemap).toContain(`<loc>${c.url}</loc>`);
  });

  it('faults can be switched on and off at run time: reset, hang, 5xx, latency', async () => {
    const zfw = set.get('zfw');
    const faults = zfw.host.faults;
    try {
      faults.down = 'http-503';
      expect(await probe(zfw.url)).toBe('http-503');
      faults.down = 'hang';
      expect(await probe(zfw.url)).toBe('timeout');
      faults.down = 'reset';
      expect(await probe(zfw.url)).toMatch(/^error:/);
      faults.down = null;
      faults.latencyMs = 600;
      const started = performance.now();
      expect(await probe(zfw.url)).toBe('http-200');
      expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    } finally {
      faults.down = null;
      faults.latencyMs = 0;
    }
    expect(await probe(zfw.url)).toBe('http-200');
    expect(await probe(new URL('/slow/delay/300/index.html', zfw.url).href)).toBe('http-200');
  });
});
