import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { collectSite } from '../../../evaluators/collect/crawl-site.js';
import { defaultCollectOptions } from '../../../evaluators/collect/options.js';
import type { SiteSections } from '../../../evaluators/collect/site-features.js';
import { evaluateSite, type SiteMeasurements } from '../../../evaluators/evaluate-site.js';
import { startTileCitySite } from '../../fixtures/tile-city/server.js';

/**
 * The section finders on a portal with none of our markup (test/fixtures/tile-city): a tile homepage of
 * script and image links, sections named only one level down, `left`-classed content, traditional labels,
 * th/td guides behind "…办事指南" links, report dates only in the 年报 list, 突发公共事件. One crawl for
 * the file; every expected figure was counted by hand from those pages.
 */
const asOf = '2026-11-21';

describe('section finders on a tile portal (hand-counted expectations)', () => {
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let m: SiteMeasurements;
  let sections: Partial<SiteSections>;

  beforeAll(async () => {
    site = await startTileCitySite();
    browser = await launchBrowser();
    // Only the section finders are under test here: axe and Lighthouse are tested in accessibility, assess-run and lighthouse.
    const c = await collectSite(browser, site.url, asOf, { ...defaultCollectOptions, maxLinks: 0, axe: 'off', lighthousePages: 0 });
    expect(c.failure).toBeNull();
    sections = c.features ?? {};
    m = evaluateSite({ homepage: c.homepage, columns: c.columns, probes: c.probes, ...(c.features ?? {}) }, asOf, {
      level: 'government',
      services: true,
    }).measurements;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('disclosure: entry from an image tile titled 政務公開; items by their real labels, 9 and 20 missing', () => {
    const d = m.disclosure!;
    expect(d.found).toBe(true);
    expect(d.items.filter((i) => !i.found).map((i) => i.id)).toEqual([9, 20]);
    const item = (id: number) => d.items.find((i) => i.id === id)!;
    expect(item(12)).toMatchObject({ label: '突发公共事件', matchedBy: { term: '突发事件', how: 'inserted', note: '含插入词匹配「突发事件」' } });
    expect(item(7)).toMatchObject({ label: '部门预算决算', matchedBy: { how: 'exact' } });
    expect(item(16)).toMatchObject({ label: '市政建設', matchedBy: { term: '市政建设', how: 'traditional' } });
    expect(item(18).matchedBy?.how).toBe('traditional');
    expect([d.guide.missing, d.institution.missing, d.leaders.missing]).toEqual([[], [], []]);
  });

  it('annual report: dated only beside its link in the 年报 list, so on time', () => {
    expect(m.disclosure!.annualReport).toMatchObject({
      year: 2025,
      found: true,
      publishedOn: '2026-03-25',
      publishedFrom: 'list',
      onTime: true,
      missingHeadings: [],
    });
  });

  it('services: entry named 辦事服務 one level down; th/td guides behind "…办事指南" links, one by a window.open link', () => {
    const s = m.services!;
    expect(s.found).toBe(true);
    expect(s.guidesListed).toBe(3);
    expect(s.guides.map((g) => g.title)).toEqual(['个体工商户设立登记办事指南', '食品经营许可办事指南', '城乡居民医疗保险参保登记办事指南']);
    expect(s.guides.map((g) => g.missing)).toEqual([['办理流程'], [], ['设定依据']]);
    expect(s.missingClasses).toEqual(['设定依据', '办理流程']);
    const searched = sections.services!.searched!;
    expect(searched.pages.map((p) => new URL(p).pathname)).toEqual(['/', '/xwzx/', '/zwgk/', '/smzc/', '/bsfw/']);
    expect(searched.terms).toContain('办事服务');
    expect(searched.links).toBeGreaterThan(10);
  });

  it('mailbox: 市长信箱 one level down (信访 kept apart); a table with traditional headers', () => {
    const b = m.mailbox!;
    expect(b.channels).toEqual(['市长信箱']);
    expect(b.notConsultation).toEqual(['网上信访']);
    // 11-02→11-04: 2, 11-05→11-06: 1, 09-14→09-16: 2 working days.
    expect([b.letters, b.replied, b.unansweredOver90Days]).toEqual([3, 3, 0]);
    expect(b.latencies.map((l) => l.workingDays).sort()).toEqual([1, 2, 2]);
    expect(sections.mailbox!.searched!.pages.length).toBeGreaterThan(1);
  });

  it('identity: the footer found by its registration lines, not by a class', () => {
    expect(m.identity).toMatchObject({ siteIdCode: '3311000001', footerShowsIdCode: true, icp: '浙ICP备12345678号' });
  });
});
