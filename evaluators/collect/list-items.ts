import { labelledDate, parseDateValue, rowDate } from '../lib/dates.js';
import type { ListItem } from './observations.js';
import type { PageRead, RowRead } from './read-page.js';

/** Header words of the publication-date column in tables, and of dates that are not publication dates. */
const publishHeader = /发布|更新|公开日期|日期|时间/;
const notPublishHeader = /成文|印发|生成|来信|提问|写信|有效/;

/**
 * A list row's publication date: from the table column headed 发布日期 when the list is a table with
 * headers; otherwise from the row text without the title (a date inside a title is not the
 * publication date); otherwise from a title="…" attribute; otherwise unknown.
 */
export function itemFromRow(row: RowRead, headers: string[], asOf: string): ListItem | null {
  if (!row.href) return null;
  const context = { asOf };
  const column = headers.findIndex((h) => publishHeader.test(h) && !notPublishHeader.test(h));
  if (column >= 0 && row.cells.length === headers.length) {
    const date = rowDate(row.cells[column] ?? '', context);
    if (date) return { title: row.title, url: row.href, date, dateSource: 'list' };
  }
  const rest = row.title ? row.text.replace(row.title, ' ') : row.text;
  const date = rowDate(rest, context);
  if (date) return { title: row.title, url: row.href, date, dateSource: 'list' };
  const fromAttr = row.titleAttr && row.titleAttr !== row.title ? rowDate(row.titleAttr.replace(row.title, ' '), context) : null;
  if (fromAttr) return { title: row.title, url: row.href, date: fromAttr, dateSource: 'title-attr' };
  return { title: row.title, url: row.href, date: null, dateSource: null };
}

/** Publication-date metas used by Chinese CMSs, most specific first. */
const dateMetas = ['PubDate', 'pubdate', 'publishdate', 'PublishDate', 'firstpublishedtime', 'article:published_time'];

/** An article's publication date: its PubDate-like meta, else a labelled date (发布时间：…) in its text. */
export function articleDate(read: PageRead, asOf: string): string | null {
  for (const name of dateMetas) {
    const value = read.metas[name];
    const date = value ? parseDateValue(value) : null;
    if (date) return date;
  }
  return labelledDate(read.mainText.slice(0, 2000), { asOf });
}
