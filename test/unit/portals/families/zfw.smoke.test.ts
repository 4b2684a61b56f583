import { describe, expect, it } from 'vitest';

import { ageDays, family } from './family.js';

/** zfw, 江临市人民政府: the well-kept reference on a TRS-like static CMS (portals/README.md). */
describe('sample portal family zfw (TRS-like static, the reference site)', () => {
  const zfw = family('zfw');

  it('plants stale 规划计划 and 统计信息 (V4), a blank 在线访谈 saying 暂无信息, and keeps the rest fresh', () => {
    expect(zfw.stale).toEqual(['ghjh', 'tjxx']);
    expect(zfw.blank).toEqual(['zxft']);
    expect(zfw.column('zxft').placeholder).toBe('暂无信息');
    expect(zfw.truth.update).toEqual({ staleV3: 0, staleV4: 2, blank: 1 });
    // 政务要闻 is news: updated within two weeks (V3, 14 days).
    expect(zfw.column('zwyw')).toMatchObject({ rule: 'V3', windowDays: 14, itemCount: 46, stale: false });
    expect(ageDays(zfw.column('zwyw').latest!)).toBeLessThanOrEqual(14);
  });

  it('renders a fresh homepage whose blocks are 政务要闻, 通知公告 and 政策文件 with their newest items', () => {
    expect(zfw.truth.homepage).toMatchObject({ isNavigation: false, stale: false });
    const home = zfw.page('/').body;
    for (const id of ['zwyw', 'tzgg', 'zcwj']) {
      const column = zfw.column(id);
      expect(home).toContain(`<h2>${column.name}</h2>`);
      expect(home).toContain(column.items[0]!.title);
    }
    // The 政务要闻 block writes dates as [11-03].
    const [, month, day] = zfw.column('zwyw').items[0]!.date!.split('-');
    expect(home).toContain(`[${month}-${day}]`);
    expect(home).toContain('/old/zwgk/index.htm');
  });

  it('pages its lists as index.html, index_1.html … with a createPageHTML() pager script', () => {
    const column = zfw.column('zwyw');
    expect(column.pages).toBeGreaterThan(1);
    const first = zfw.page(column.url).body;
    expect(first).toContain('createPageHTML(');
    expect(first).toContain(column.items[0]!.title);
    const second = zfw.page(column.url.replace(/index\.html$/, 'index_1.html'));
    expect(second.status).toBe(200);
    expect(second.body).toContain(column.items[column.pageSize]!.title);
  });

  it('publishes 20 of its 22 Art. 20/21 items, a complete 指南 and last year’s report on time', () => {
    const d = zfw.truth.disclosure!;
    expect(d.art20).toMatchObject({ applicable: 22, present: 20 });
    expect(d.art20.items.filter((i) => !i.found).map((i) => i.id)).toEqual([8, 10]);
    expect(d.guide.elements).toHaveLength(9);
    expect(d.annualReport).toMatchObject({ year: 2025, found: true, onTime: true });
  });

  it('answers letters in its 市长信箱 on the portal, some of them around public holidays', () => {
    const m = zfw.truth.mailbox!;
    // 52 ordinary letters, 2 still pending, and one on the eve of each of 元旦, 劳动节 and 国庆节.
    expect(m).toMatchObject({ name: '市长信箱', placement: 'same-site', letters: 52 + 2 + 3, listShowsReplyDate: true });
    expect(m.lastYear.unansweredOver90Days).toBe(0);
    expect(m.lastYear.repliedAfter90Days).toBe(0);
    const holidays = m.items.filter((l) => l.aroundHoliday).map((l) => [l.aroundHoliday, l.received, l.replied]);
    expect(holidays).toEqual([
      ['国庆节', '2026-09-30', '2026-10-09'],
      ['劳动节', '2026-04-30', '2026-05-06'],
      ['元旦', '2025-12-31', '2026-01-04'],
    ]);
    expect(zfw.page(m.listUrl).body).toContain(m.items[0]!.title);
  });

  it('has complete 办事指南 with reachable online handling, and a robots.txt keeping crawlers out of /search/', () => {
    const s = zfw.truth.services!;
    expect(s.guides).toHaveLength(6);
    expect(s.missingClasses).toEqual([]);
    expect(s.online.every((o) => o.reachable)).toBe(true);
    expect(zfw.page('/robots.txt').body).toContain('Disallow: /search/');
  });
});
