import { describe, expect, it } from 'vitest';

import { articleForMetas, type ArticleMetas } from '../../../../evaluators/collect/metas-article.js';
import type { ColumnObservation, ListItem } from '../../../../evaluators/collect/observations.js';

const column = (url: string, dates: Array<string | null>): ColumnObservation => ({
  url,
  name: url,
  nameSource: 'link',
  columnNameMeta: null,
  pages: [url],
  items: dates.map((date, i): ListItem => ({ title: `条目${i}`, url: `${url}${i}.html`, date, dateSource: date ? 'list' : null })),
  blank: false,
  placeholder: null,
  truncated: false,
  screenshot: null,
  fragment: null,
});

describe('the article whose meta tags identity is measured on', () => {
  const read = new Map<string, ArticleMetas>([
    ['/xxgk/', { url: '/xxgk/xxgkzn/index.html', metas: { SiteName: '江临市人民政府' } }],
    ['/zwyw/', { url: '/zwyw/t1.html', metas: { ArticleTitle: '要闻', PubDate: '2026-11-18' } }],
  ]);
  it('comes from the first column of dated items, not a hub listed before it', () => {
    const columns = [column('/xxgk/', [null, null]), column('/zwyw/', ['2026-11-18'])];
    expect(articleForMetas(columns, (u) => read.get(u))?.url).toBe('/zwyw/t1.html');
  });
  it('falls back to the first column that has one when no column is dated', () => {
    const columns = [column('/xxgk/', [null]), column('/zwyw/', [null])];
    expect(articleForMetas(columns, (u) => read.get(u))?.url).toBe('/xxgk/xxgkzn/index.html');
    expect(articleForMetas([column('/tzgg/', ['2026-11-01'])], (u) => read.get(u))).toBeNull();
  });
});
