import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { guideElements } from '../../../portals/model/disclosure.js';
import { sampleProfiles } from '../../../portals/model/profiles/index.js';
import { guideElementClasses } from '../../../portals/model/services.js';
import { type FetchedPage, fetchPage } from '../../../portals/reader/fetch-page.js';
import { readDate } from '../../../portals/reader/read-dates.js';
import { challengeCookie } from '../../../portals/reader/waf.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';

const asOf = '2026-11-21';
const ids = sampleProfiles.map((p) => p.id);

/** The words by which a reader recognises each Art. 12 element in a 指南's text. */
const guideCues: Record<(typeof guideElements)[number], RegExp> = {
  信息分类: /分为.*类别/,
  编排体系: /编排/,
  获取方式: /获取/,
  机构名称: /工作机构/,
  办公地址: /办公地址/,
  办公时间: /办公时间/,
  联系电话: /联系电话/,
  传真号码: /传真/,
  互联网联系方式: /电子邮箱/,
};

describe('sample portals: disclosure, mailbox and services pages match the truth', () => {
  let set: RunningPortalSet;
  const cookies = new Map<string, string | undefined>();
  const get = async (id: string, url: string) => fetchPage(url, { cookie: cookies.get(id) });
  beforeAll(async () => {
    set = await startPortalSet({ asOf, seed: 'content-test' });
    for (const p of set.portals) cookies.set(p.id, await challengeCookie(p.url));
  });
  afterAll(() => set.close());

  it.each(ids)('%s: 信息公开 guide, Art. 20 items, annual reports', async (id) => {
    const d = set.get(id).truth.disclosure!;
    const guide = (await get(id, d.guide.url)).$('.article').text();
    const found = guideElements.filter((e) => guideCues[e].test(guide));
    expect(found).toEqual(d.guide.elements);

    const catalogue = await get(id, new URL('/xxgk/fdzdgknr/index.html', d.url).href);
    const labels = catalogue
      .$('.fdzd a')
      .toArray()
      .map((a) => catalogue.$(a).text());
    expect(labels).toEqual(d.art20.items.filter((i) => i.found).map((i) => i.label));
    for (const item of d.art20.items.filter((i) => i.found)) expect((await get(id, item.url!)).status).toBe(200);

    const reports = await get(id, new URL('/xxgk/ndbg/index.html', d.url).href);
    const listed = reports
      .$('.list li')
      .toArray()
      .map((li) => ({
        year: Number(/(\d{4})年政府信息公开工作年度报告/.exec(reports.$(li).text())![1]),
        publishedOn: readDate(reports.$(li).find('.date').text(), asOf),
      }));
    expect(listed).toEqual(d.annualReports.map((r) => ({ year: r.year, publishedOn: r.publishedOn })));
    expect(listed.some((r) => r.year === d.annualReport.year)).toBe(d.annualReport.found);
    if (d.annualReport.found) {
      const report = d.annualReports.find((r) => r.year === d.annualReport.year)!;
      const page = await get(id, report.url);
      expect(
        page
          .$('h3')
          .toArray()
          .map((h) => page.$(h).text()),
      ).toEqual(d.annualReport.headings);
    }
  });

  it.each(ids)('%s: mailbox letters, dates and statuses over every list page', async (id) => {
    const m = set.get(id).truth.mailbox;
    if (!m) {
      // No consultation channel: only 信访/纪检举报 links, which do not count.
      const home = await get(id, set.get(id).url);
      expect(
        home
          .$('a')
          .toArray()
          .map((a) => home.$(a).text()),
      ).not.toContain('领导信箱');
      expect(set.get(id).truth.nonConsultationLinks.length).toBeGreaterThan(0);
      return;
    }
    const entry = await get(id, m.entryUrl);
    if (m.placement === 'iframe') expect(entry.$('iframe').attr('src')).toBe(m.listUrl);
    const pages: FetchedPage[] = [await get(id, m.listUrl)];
    for (;;) {
      const last = pages.at(-1)!;
      const next = last
        .$('a')
        .filter((_, a) => last.$(a).text() === '下一页')
        .attr('href');
      if (!next) break;
      pages.push(await get(id, new URL(next, last.url).href));
    }
    expect(pages.length).toBe(m.pages);
    const letters = [];
    for (const page of pages) {
      const header = page
        .$('table.letters th')
        .toArray()
        .map((th) => page.$(th).text());
      for (const tr of page.$('table.letters tbody tr').toArray()) {
        const cells = page
          .$(tr)
          .find('td')
          .toArray()
          .map((td) => page.$(td).text());
        const url = new URL(page.$(tr).find('a').attr('href')!, page.url).href;
        const replyColumn = header.findIndex((h) => /回复时间|答复时间/.test(h));
        let replied = replyColumn >= 0 ? readDate(cells[replyColumn] ?? '', asOf) : null;
        const detail = await get(id, url);
        const rows = Object.fromEntries(
          detail
            .$('table.letter tr')
            .toArray()
            .map((r) => [detail.$(r).find('th').text(), detail.$(r).find('td').text()]),
        );
        if (!m.listShowsReplyDate) replied = readDate(rows['答复日期'] ?? '', asOf);
        else if (rows['答复日期']) expect(readDate(rows['答复日期'], asOf)).toBe(replied);
        letters.push({ id: cells[0], url, received: readDate(cells[2]!, asOf), status: cells[3], replied });
        for (const field of m.fieldsShown) if (replied) expect(Object.keys(rows), `${url} ${field}`).toContain(field);
      }
    }
    expect(letters).toEqual(m.items.map((l) => ({ id: l.id, url: l.url, received: l.received, status: l.status, replied: l.replied })));
    const day = 86_400_000;
    const lastYear = letters.filter((l) => (Date.parse(asOf) - Date.parse(l.received!)) / day <= 365);
    const overdue = lastYear.filter((l) => !l.replied && (Date.parse(asOf) - Date.parse(l.received!)) / day > 90);
    expect(lastYear.length).toBe(m.lastYear.letters);
    expect(lastYear.filter((l) => l.replied).length).toBe(m.lastYear.replied);
    expect(overdue.length).toBe(m.lastYear.unansweredOver90Days);
  });

  it.each(ids)('%s: 办事指南 element classes, attachments and online handling', async (id) => {
    const s = set.get(id).truth.services;
    if (!s) return expect(set.get(id).truth.portal.services).toBe(false);
    const index = await get(id, s.url);
    const guideUrls = index
      .$('.list a')
      .toArray()
      .map((a) => new URL(index.$(a).attr('href')!, s.url).href);
    expect(guideUrls).toEqual(s.guides.map((g) => g.url));
    for (const g of s.guides) {
      const page = await get(id, g.url);
      const shown = page
        .$('table.guide th')
        .toArray()
        .map((th) => page.$(th).text());
      expect(shown).toEqual(guideElementClasses.filter((c) => !g.missing.includes(c)));
    }
    for (const a of s.attachments) {
      const response = await fetch(a.url, { method: 'HEAD', headers: cookies.get(id) ? { cookie: cookies.get(id)! } : {} });
      expect(response.status, a.url).toBe(a.ok ? 200 : 404);
    }
    for (const o of s.online) {
      const ok = await fetch(o.url).then(
        (r) => r.ok,
        () => false,
      );
      expect(ok, o.url).toBe(o.reachable);
    }
  });
});
