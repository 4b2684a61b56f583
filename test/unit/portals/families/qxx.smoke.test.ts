import { describe, expect, it } from 'vitest';

import { family } from './family.js';

/** qxx, 青溪县人民政府: an old county site, ASP URLs, GBK, table layout, a redirected homepage, slow. */
describe('sample portal family qxx (old ASP site in GBK)', () => {
  const qxx = family('qxx');

  it('is reached through / → 302 /index.asp, served in GBK, slowly', () => {
    expect(qxx.page('/')).toMatchObject({ status: 302, headers: { Location: '/index.asp' } });
    expect(qxx.truth.behaviour).toMatchObject({ encoding: 'gbk', latencyMs: 350, homepageRedirect: '/index.asp', waf: false });
    expect(qxx.truth.portal.encoding).toBe('gbk');
  });

  it('plants five stale V3 columns and a stale 人事信息 (V4); only 政务公开 is fresh', () => {
    expect(qxx.stale).toEqual(['xwdt', 'tzgg', 'zcwj', 'xzdt', 'bmdt', 'rsxx']);
    expect(qxx.blank).toEqual([]);
    expect(qxx.truth.update).toEqual({ staleV3: 5, staleV4: 1, blank: 0 });
    expect(qxx.column('zwgk').stale).toBe(false);
  });

  it('writes year-less dates on the homepage (11-03, [11-03]) and a copyright year range as a decoy', () => {
    const home = qxx.page('/index.asp').body;
    const monthDay = (date: string) => date.slice(5);
    const news = qxx.column('xwdt').items[0]!;
    expect(home).toContain(`${news.title}</a><span class="date">${monthDay(news.date!)}</span>`);
    const open = qxx.column('zwgk').items[0]!;
    expect(home).toContain(`${open.title}</a><span class="date">[${monthDay(open.date!)}]</span>`);
    expect(home).toContain('Copyright 2005-2026');
    expect(home).not.toContain('/search/');
  });

  it('lists on list.asp?classid=N&page=N with [2026-11-03] dates, articles on show.asp?id=N', () => {
    const column = qxx.column('xwdt');
    expect(column.url).toMatch(/\/news\/list\.asp\?classid=\d+$/);
    const newest = column.items[0]!;
    expect(qxx.page(column.url).body).toContain(`[${newest.date}]`);
    const second = qxx.page(`${column.url}&page=2`).body;
    expect(second).toContain(column.items[column.pageSize]!.title);
    expect(newest.url).toMatch(/\/news\/show\.asp\?id=\d+$/);
    expect(qxx.page(newest.url).body).toContain(`更新时间：${newest.date}`);
  });

  it('leaves two letters in its 县长信箱 unanswered for more than three months (V6)', () => {
    const m = qxx.truth.mailbox!;
    // 24 ordinary letters, 2 never answered, one on the eve of each of 元旦, 劳动节 and 国庆节.
    expect(m).toMatchObject({ name: '县长信箱', placement: 'same-site', letters: 24 + 2 + 3 });
    expect(m.lastYear.unansweredOver90Days).toBe(2);
  });

  it('publishes 8 of 22 Art. 20/21 items, last year’s report late without 2 of its 6 headings', () => {
    const d = qxx.truth.disclosure!;
    expect(d.art20).toMatchObject({ applicable: 22, present: 8 });
    expect(d.annualReport).toMatchObject({ year: 2025, deadline: '2026-03-31', found: true, onTime: false });
    expect(d.annualReport.headings).toHaveLength(4);
    expect(d.systemUrl).toBeNull();
  });

  it('has 4 guides missing 4 element classes with dead attachments and no online handling, and every accessibility defect', () => {
    const s = qxx.truth.services!;
    expect(s.guides).toHaveLength(4);
    expect(s.missingClasses).toEqual(['设定依据', '办理地点', '办理时间', '办理流程']);
    expect(s.attachments.filter((a) => !a.ok)).toHaveLength(4);
    expect(s.online).toEqual([]);
    // No search, so no search box to leave unlabeled.
    expect(qxx.truth.accessibility.planted.map((p) => p.rule)).toEqual(['html-has-lang', 'image-alt', 'link-name', 'color-contrast']);
    expect(qxx.truth.accessibility.pageChecks.map((d) => `${d.check} ${d.wcag} ${d.on}`)).toEqual([
      'reflow 1.4.10 every page',
      'text-zoom 1.4.4 homepage',
      'bypass 2.4.1 article pages',
      'moving-content 2.2.2 homepage',
    ]);
    expect(qxx.truth.brokenLinks.map((l) => l.kind)).toEqual(['http-404', 'http-500', 'refused', 'http-404', 'http-404']);
  });
});
