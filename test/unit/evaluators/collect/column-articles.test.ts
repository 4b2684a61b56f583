import { describe, expect, it } from 'vitest';

import { applyReadings, byPriority, planArticles, type PlannedArticle } from '../../../../evaluators/collect/column-articles.js';
import type { ListItem, UnreadPage } from '../../../../evaluators/collect/observations.js';

const host = 'https://www.example.gov.cn';
const item = (n: number, date: string | null): ListItem => ({ title: `信息${n}`, url: `${host}/a/${n}.html`, date, dateSource: date ? 'list' : null });
const read = (n: number, o: { date?: string | null; listLike?: boolean } = {}) => ({
  url: `${host}/a/${n}.html`,
  metas: { ArticleTitle: `信息${n}` },
  date: o.date ?? null,
  listLike: o.listLike ?? false,
});

describe("a column's articles under the page budget", () => {
  const plan = () =>
    planArticles(
      [item(1, '2026-11-20'), item(2, '2026-11-19')],
      [item(3, null), item(4, null), item(5, null)],
      (u) => u,
      (_, index) => index === 0,
    );

  it('plans the sampled articles, then the undated, in list order; gives pages to the scanned one, then the undated', () => {
    const planned = plan();
    expect(planned.map((p) => [p.item.title, p.scan, p.page])).toEqual([
      ['信息1', true, false],
      ['信息2', false, false],
      ['信息3', false, false],
      ['信息4', false, false],
      ['信息5', false, false],
    ]);
    // The article axe scans (the column's template) first, then the undated, then the other sampled one.
    expect(byPriority(planned).map((p) => p.item.title)).toEqual(['信息1', '信息3', '信息4', '信息5', '信息2']);
    planned[0]!.scan = false;
    expect(byPriority(planned).map((p) => p.item.title)).toEqual(['信息3', '信息4', '信息5', '信息1', '信息2']);
  });

  it('an undated item not opened for the budget is unread with the reason, not undated; its date unknown', () => {
    const planned: PlannedArticle[] = plan();
    const [s1, s2, u3, u4, u5] = planned;
    Object.assign(s1!, { page: true, read: read(1, { date: '2026-11-20' }) });
    Object.assign(s2!, { page: false });
    Object.assign(u3!, { page: true, read: read(3, { date: '2026-11-18' }) });
    Object.assign(u4!, { page: true, read: { failure: 'timeout' } });
    Object.assign(u5!, { page: false });
    const unread: UnreadPage[] = [];
    const readings = applyReadings(planned, unread);
    expect(readings).toEqual({ listLike: 0, undatedNotOpened: 1, article: { url: `${host}/a/1.html`, metas: { ArticleTitle: '信息1' } } });
    expect(unread).toEqual([
      { url: `${host}/a/4.html`, name: '信息4', reason: 'timeout' },
      { url: `${host}/a/5.html`, name: '信息5', reason: 'page-budget' },
    ]);
    expect([u3!.item.date, u3!.item.dateSource, u5!.item.date]).toEqual(['2026-11-18', 'article', null]);
    // A sampled item not opened loses nothing measured: the list dates it.
    expect(s2!.item.date).toBe('2026-11-19');
  });

  it('counts the undated items whose page is a list itself; a page that answered 404 is missing, not unread', () => {
    const planned = plan();
    planned.forEach((p, i) => Object.assign(p, { page: true, read: i === 4 ? { failure: 'http-404' } : read(i + 1, { listLike: i >= 2 }) }));
    const unread: UnreadPage[] = [];
    expect(applyReadings(planned, unread)).toMatchObject({ listLike: 2, undatedNotOpened: 0, article: null });
    expect(unread).toEqual([]);
  });
});
