import { describe, expect, it } from 'vitest';

import { family, origins } from './family.js';

/** jyj, 江临市教育局: a department on a Hanweb-like CMS whose lists a script fills from an XML data proxy. */
describe('sample portal family jyj (Hanweb-like, lists from a data proxy)', () => {
  const jyj = family('jyj');

  it('plants stale 通知公告 and 学校动态 (V3) and 规划计划 (V4), and a blank 教育督导 without placeholder', () => {
    expect(jyj.stale).toEqual(['tzgg', 'xxdt', 'ghjh']);
    expect(jyj.blank).toEqual(['jydd']);
    expect(jyj.column('jydd').placeholder).toBeNull();
    expect(jyj.truth.update).toEqual({ staleV3: 2, staleV4: 1, blank: 1 });
    expect(jyj.truth.homepage).toMatchObject({ isNavigation: false, stale: false });
  });

  it('writes no row into the column page: the rows come from dataproxy.jsp as CDATA records dated 2026/11/03', () => {
    const column = jyj.column('jyyw');
    const newest = column.items[0]!;
    const page = jyj.page(column.url).body;
    expect(page).toContain('hanwebList(');
    expect(page).not.toContain(newest.title);
    const numericId = /col(\d+)/.exec(column.url)![1];
    const xml = jyj.page(`/module/web/jpage/dataproxy.jsp?columnid=${numericId}&startrecord=1&endrecord=${column.pageSize}&perpage=${column.pageSize}`).body;
    expect(xml.match(/<record><!\[CDATA\[/g)).toHaveLength(column.pageSize);
    expect(xml).toContain(`<totalrecord>${column.itemCount}</totalrecord>`);
    expect(xml).toContain(newest.title);
    expect(xml).toContain(newest.date!.replaceAll('-', '/'));
  });

  it('dates 政策法规 only in a title attribute, and writes the ColumnName meta on some columns only', () => {
    expect(jyj.column('zcfg').items.every((i) => i.shown.on === 'title-attr')).toBe(true);
    expect(jyj.truth.identity.columnNameMetaOn).toEqual(['tzgg', 'xxdt', 'rsrm', 'jydd']);
  });

  it('misses 4 of its 15 Art. 20 items and 2 指南 elements, and published last year’s report late', () => {
    const d = jyj.truth.disclosure!;
    expect(d.art20).toMatchObject({ applicable: 15, present: 11 });
    expect(d.art20.items.filter((i) => !i.found).map((i) => i.id)).toEqual([6, 8, 10, 13]);
    expect(d.guide.elements).not.toContain('传真号码');
    expect(d.guide.elements).not.toContain('互联网联系方式');
    expect(d.guide.elements).toHaveLength(7);
    expect(d.annualReport).toMatchObject({ year: 2025, deadline: '2026-01-31', found: true, onTime: false });
    expect(d.annualReport.publishedOn! > '2026-01-31').toBe(true);
  });

  it('shows its 局长信箱 in an iframe from the interaction platform, the list without reply dates', () => {
    const m = jyj.truth.mailbox!;
    expect(m).toMatchObject({ name: '局长信箱', placement: 'iframe', listShowsReplyDate: false, letters: 28 + 1 + 3 });
    expect(m.listUrl.startsWith(origins.interaction)).toBe(true);
    expect(jyj.page(m.entryUrl).body).toMatch(new RegExp(`<iframe[^>]+src="${m.listUrl}"`));
  });

  it('has 5 guides without 设定依据 and 办理时间, one dead attachment, and images without alt', () => {
    const s = jyj.truth.services!;
    expect(s.guides).toHaveLength(5);
    expect(s.missingClasses).toEqual(['设定依据', '办理时间']);
    expect(s.attachments.filter((a) => !a.ok)).toHaveLength(1);
    expect(jyj.truth.accessibility.planted.map((p) => p.rule)).toEqual(['image-alt', 'link-name']);
    expect(jyj.truth.accessibility.pageChecks.map((d) => `${d.check} ${d.wcag} ${d.on}`)).toEqual([
      'keyboard-trap 2.1.2 homepage',
      'mouse-only 2.1.1 every page',
      'focus-not-visible 2.4.7 every page',
      'group-without-name 1.3.1 homepage',
      'placeholder-only 3.3.2 homepage',
      'page-title 2.4.2 channel pages',
    ]);
  });
});
