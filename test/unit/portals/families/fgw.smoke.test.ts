import { describe, expect, it } from 'vitest';

import { ageDays, family } from './family.js';

/** fgw, 江临市发展和改革委员会: server-rendered ?page=N tables, and 政策文件 in a 信息公开目录 on a JSON API. */
describe('sample portal family fgw (?page=N tables and a 信息公开目录)', () => {
  const fgw = family('fgw');

  it('plants a stale 价格监测, a 信用建设 with no date anywhere (stale too) and a blank 人事信息', () => {
    expect(fgw.stale).toEqual(['jgjc', 'xyjs']);
    expect(fgw.blank).toEqual(['rsxx']);
    expect(fgw.column('xyjs')).toMatchObject({ itemCount: 9, datedItems: 0, latest: null });
    expect(fgw.truth.update).toEqual({ staleV3: 0, staleV4: 2, blank: 1 });
  });

  it('keeps 政策文件 fresh at 160 days though every 成文日期 is 25–45 days older than its 发布日期', () => {
    const column = fgw.column('zcwj');
    expect(column).toMatchObject({ style: 'catalogue', rule: 'V3', windowDays: 183, stale: false });
    expect(ageDays(column.latest!)).toBe(160);
    for (const item of column.items) expect(ageDays(item.writtenOn!) - ageDays(item.date!)).toSatisfy((gap: number) => gap >= 25 && gap <= 45);
    expect(fgw.truth.disclosure!.catalogueUrl).toBe(column.url);
    // The page is a table the script fills from the API: the API, not the HTML, holds the rows.
    expect(fgw.page(column.url).body).not.toContain(column.items[0]!.title);
    const api = JSON.parse(fgw.page(`/api/xxgk/list?column=zcwj&page=1&size=${column.pageSize}`).body) as {
      data: { total: number; records: Array<{ title: string; publishDate: string; writtenDate: string }> };
    };
    expect(api.data.total).toBe(column.itemCount);
    expect(api.data.records[0]).toMatchObject({ title: column.items[0]!.title, publishDate: column.latest, writtenDate: column.items[0]!.writtenOn });
  });

  it('pages 发改要闻 (30 items, 12 a page) with ?page=N and writes its dates as 2026.11.03', () => {
    const column = fgw.column('fgyw');
    expect(column).toMatchObject({ itemCount: 30, pageSize: 12, pages: 3 });
    const third = fgw.page(`${column.url}?page=3`).body;
    expect(third).toContain(column.items[24]!.title);
    expect(third).toContain(column.items[24]!.date!.replaceAll('-', '.'));
  });

  it('has no consultation channel, only 信访 and 纪检举报 links on the homepage, and no external services', () => {
    expect(fgw.truth.mailbox).toBeNull();
    expect(fgw.truth.services).toBeNull();
    expect(fgw.truth.nonConsultationLinks.map((l) => l.text)).toEqual(['信访事项', '违纪违法举报']);
    const home = fgw.page('/').body;
    for (const l of fgw.truth.nonConsultationLinks) expect(home).toContain(`<a href="${l.url}">${l.text}</a>`);
  });

  it('publishes no report for last year, misses Art. 20 item 12 and 编排体系, and its search answers 500', () => {
    const d = fgw.truth.disclosure!;
    expect(d.annualReport).toMatchObject({ year: 2025, found: false, onTime: false, publishedOn: null });
    expect(d.art20).toMatchObject({ applicable: 15, present: 14 });
    expect(d.guide.elements).not.toContain('编排体系');
    expect(fgw.page('/search/?q=发展').status).toBe(500);
    expect(fgw.page('/').body).toContain('/slow/hang/sjkf.html');
  });
});
