import { describe, expect, it } from 'vitest';

import { chineseDate, family } from './family.js';

/** wjw, 江临市卫生健康委员会: TRS-like static lists behind an anti-bot firewall, Chinese-format dates. */
describe('sample portal family wjw (TRS-like behind a firewall)', () => {
  const wjw = family('wjw');

  it('sits behind the firewall (its server answers 412 until the cookie is set) and keeps robots.txt', () => {
    expect(wjw.truth.behaviour).toMatchObject({ waf: true, encoding: 'utf-8', homepageRedirect: null });
    expect(wjw.page('/robots.txt').body).toContain('Disallow: /admin/');
  });

  it('plants a stale 人事信息 only, and a dated 疾控动态 with about a fifth of its items undated', () => {
    expect(wjw.stale).toEqual(['rsxx']);
    expect(wjw.blank).toEqual([]);
    expect(wjw.truth.update).toEqual({ staleV3: 0, staleV4: 1, blank: 0 });
    const column = wjw.column('jbfk');
    expect(column).toMatchObject({ itemCount: 24, stale: false });
    const undated = column.items.filter((i) => i.date === null);
    expect(undated.length).toBeGreaterThan(0);
    expect(undated.length).toBeLessThan(12);
    expect(undated.every((i) => i.shown.on === 'none')).toBe(true);
    expect(column.datedItems).toBe(24 - undated.length);
  });

  it('writes list dates as 2026年11月03日, 2026年11月3日 and [2026-11-03]', () => {
    const padded = wjw.column('wjyw');
    expect(wjw.page(padded.url).body).toContain(chineseDate(padded.items[0]!.date!, true));
    const plain = wjw.column('tzgg');
    expect(wjw.page(plain.url).body).toContain(chineseDate(plain.items[0]!.date!, false));
    const bracketed = wjw.column('jkkp');
    expect(wjw.page(bracketed.url).body).toContain(`[${bracketed.items[0]!.date}]`);
  });

  it('renders a fresh homepage with blocks 卫健要闻, 通知公告 and 健康科普', () => {
    expect(wjw.truth.homepage).toMatchObject({ isNavigation: false, stale: false });
    const home = wjw.page('/').body;
    for (const id of ['wjyw', 'tzgg', 'jkkp']) {
      const column = wjw.column(id);
      expect(home).toContain(`<h2>${column.name}</h2>`);
      expect(home).toContain(column.items[0]!.title);
    }
    expect(home).toContain('/zwgk/2019/jkzs/index.html');
  });

  it('answers one 网上留言 letter after more than 90 days, and publishes its report on time but without 2 headings', () => {
    const m = wjw.truth.mailbox!;
    // 36 ordinary letters, 3 pending, 1 answered late, one on the eve of each of 元旦, 劳动节 and 国庆节.
    expect(m).toMatchObject({ name: '网上留言', placement: 'same-site', letters: 36 + 3 + 1 + 3 });
    expect(m.lastYear.repliedAfter90Days).toBe(1);
    expect(m.lastYear.unansweredOver90Days).toBe(0);
    const d = wjw.truth.disclosure!;
    expect(d.annualReport).toMatchObject({ year: 2025, deadline: '2026-01-31', found: true, onTime: true });
    expect(d.annualReport.headings).toHaveLength(4);
    expect(d.art20).toMatchObject({ applicable: 15, present: 14 });
  });

  it('has 6 guides, some without 办理地点, one attachment that 404s', () => {
    const s = wjw.truth.services!;
    expect(s.guides).toHaveLength(6);
    expect(s.missingClasses).toEqual(['办理地点']);
    expect(s.attachments.filter((a) => !a.ok)).toHaveLength(1);
    expect(wjw.truth.nonConsultationLinks.map((l) => l.text)).toEqual(['医疗纠纷投诉（信访）']);
  });
});
