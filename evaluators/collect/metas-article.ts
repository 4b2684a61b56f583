import type { ColumnObservation } from './observations.js';

export interface ArticleMetas {
  url: string;
  metas: Record<string, string>;
}

/**
 * The article whose meta tags identity is measured on: of the first column of dated items that has one (a
 * hub such as 政府信息公开 lists its guide and sub-columns, not articles), else of the first column that
 * has one. Chosen by column order, so the choice does not depend on which page finished first.
 */
export function articleForMetas(columns: ColumnObservation[], byColumnUrl: (url: string) => ArticleMetas | undefined): ArticleMetas | null {
  const first = (cs: ColumnObservation[]) => cs.map((c) => byColumnUrl(c.url)).find(Boolean);
  return first(columns.filter((c) => c.items.some((i) => i.date))) ?? first(columns) ?? null;
}
