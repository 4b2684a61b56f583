import { describe, expect, it } from 'vitest';

import { chineseDate, family } from './family.js';

/** rsj, 江临市人力资源和社会保障局: a navigation-only homepage and undated card lists, dates only on articles. */
describe('sample portal family rsj (navigation homepage, dates only on the article)', () => {
  const rsj = family('rsj');

  it('has a homepage of tiles, one per navigation group, with no dated item', () => {
    expect(rsj.truth.homepage.isNavigation).toBe(true);
    const home = rsj.page('/').body;
    for (const group of ['新闻中心', '政策法规', '信息公开', '就业创业']) expect(home).toContain(`${group}</a>`);
    expect(home).not.toContain('class="date"');
    for (const c of rsj.truth.columns.filter((c) => c.latest)) expect(home).not.toContain(c.items[0]!.title);
  });

  it('plants five blank columns (V5), one of them saying 该栏目暂无信息, and a stale 政策文件', () => {
    expect(rsj.blank).toEqual(['ghjh', 'jyxx', 'sbjd', 'ldjc', 'zcjd']);
    expect(rsj.column('sbjd').placeholder).toBe('该栏目暂无信息');
    expect(rsj.column('ldjc').placeholder).toBeNull();
    expect(rsj.stale).toEqual(['zcwj']);
    expect(rsj.truth.update).toEqual({ staleV3: 1, staleV4: 0, blank: 5 });
  });

  it('lists without dates; the article says 发布时间：2026年11月03日, or (政策文件) only <meta name="PubDate">', () => {
    const news = rsj.column('gzdt');
    const newest = news.items[0]!;
    const list = rsj.page(news.url).body;
    expect(list).toContain(newest.title);
    expect(list).not.toContain(newest.date!);
    expect(list).not.toContain(chineseDate(newest.date!, true));
    expect(rsj.page(newest.url).body).toContain(`发布时间：${chineseDate(newest.date!, true)}`);

    const policy = rsj.column('zcwj').items[0]!;
    expect(policy.shown.on).toBe('article-meta');
    const article = rsj.page(policy.url).body;
    expect(article).toMatch(new RegExp(`<meta name="PubDate" content="${policy.date} \\d{2}:\\d{2}">`));
    expect(article).not.toContain('发布时间');
  });

  it('writes no identity meta tags at all', () => {
    expect(rsj.truth.identity.meta).toEqual({ site: false, column: false, article: false });
    expect(rsj.truth.identity.columnNameMetaOn).toEqual([]);
    expect(rsj.page(rsj.column('gzdt').url).body).not.toContain('<meta name="SiteName"');
  });

  it('answers under 90 % of its 咨询投诉 within the year, and shows no 答复部门', () => {
    const m = rsj.truth.mailbox!;
    expect(m).toMatchObject({ name: '咨询投诉', placement: 'same-site', letters: 40 + 6 });
    expect(m.lastYear.replyRate!).toBeLessThan(0.9);
    expect(m.fieldsShown).not.toContain('答复部门');
  });

  it('has 8 guides, some without 办理流程 or 联系电话, whose 在线办理 all point at a dead host; an unlabeled search box', () => {
    const s = rsj.truth.services!;
    expect(s.guides).toHaveLength(8);
    expect(s.missingClasses).toEqual(['联系电话', '办理流程']);
    expect(s.online.length).toBeGreaterThan(0);
    expect(s.online.every((o) => !o.reachable)).toBe(true);
    expect(rsj.truth.accessibility.planted.map((p) => p.rule)).toEqual(['label']);
  });
});
