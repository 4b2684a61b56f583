import type { IsoDate } from '../lib/dates.js';
import { leavesUnknown } from './failures.js';
import type { ListItem, UnreadPage } from './observations.js';

/**
 * The articles a column opens: the article of every item its list shows without a date (for the date) and the
 * newest few (for their links and the article template). Which of them the page budget lets it open is decided
 * before any is opened (planned), and what their readings tell is applied to the column once all are in
 * (applyReadings), in list order: nothing here depends on which page finished first.
 */

/** What the crawl keeps of an article page it opened. */
export interface ArticleReading {
  url: string;
  metas: Record<string, string>;
  date: IsoDate | null;
  /** The "article" is a list or a channel page itself: its column is a directory of columns. */
  listLike: boolean;
}

/** An article page that could not be read, and why (failures.ts). */
export interface ArticleFailure {
  failure: string;
}

/** One article a column wants, whether it has a page of the budget, and what reading it gave. */
export interface PlannedArticle {
  item: ListItem;
  key: string;
  /** axe scans it (AxeScope). */
  scan: boolean;
  page: boolean;
  read?: ArticleReading | ArticleFailure;
}

/**
 * The articles of a column in list order: the newest dated ones sampled first, then the undated ones. `scan`
 * says which axe scans (by position and date); none has a page yet.
 */
export function planArticles(
  sampled: ListItem[],
  undated: ListItem[],
  keyOf: (url: string) => string,
  scan: (item: ListItem, index: number) => boolean,
): PlannedArticle[] {
  return [...sampled, ...undated].map((item, index) => ({ item, key: keyOf(item.url), scan: scan(item, index), page: false }));
}

/**
 * The order pages are given in: the first article axe scans (the column's article template, for the accessibility
 * pass), then the undated items (their dates are measured), then the rest, each in list order.
 */
export function byPriority(planned: readonly PlannedArticle[]): PlannedArticle[] {
  const template = planned.find((p) => p.scan);
  const rest = planned.filter((p) => p !== template);
  return [...(template ? [template] : []), ...rest.filter((p) => !p.item.date), ...rest.filter((p) => p.item.date)];
}

/** What a column's articles told, once all are in. */
export interface ColumnReadings {
  /** Undated items whose "article" is a list itself. */
  listLike: number;
  /** Undated items the budget did not let it open. */
  undatedNotOpened: number;
  /** The meta tags of the first dated article read, in list order: the identity evaluator's article metas. */
  article: { url: string; metas: Record<string, string> } | null;
}

/**
 * Applies the readings in list order: an undated item takes its article's date; one whose article could not be
 * read, or was not opened for the budget, has a date nobody saw and goes to `unread` (not measured, not
 * "undated"). Sampled items keep the list's date.
 */
export function applyReadings(planned: readonly PlannedArticle[], unread: UnreadPage[]): ColumnReadings {
  const readings: ColumnReadings = { listLike: 0, undatedNotOpened: 0, article: null };
  for (const { item, page, read } of planned) {
    if (!page) {
      if (!item.date) {
        readings.undatedNotOpened++;
        unread.push({ url: item.url, name: item.title, reason: 'page-budget' });
      }
      continue;
    }
    if (!read) continue; // the site's time ran out before it was opened
    if ('failure' in read) {
      if (!item.date && leavesUnknown(read.failure)) unread.push({ url: item.url, name: item.title, reason: read.failure });
      continue;
    }
    // Only a dated page that is not a list itself is an article whose meta tags the rules ask about.
    if (read.date && !read.listLike) readings.article ??= { url: read.url, metas: read.metas };
    if (item.date) continue; // sampled for its links only; the list's date stands
    if (read.listLike) readings.listLike++;
    if (read.date) Object.assign(item, { date: read.date, dateSource: 'article' as const });
  }
  return readings;
}
