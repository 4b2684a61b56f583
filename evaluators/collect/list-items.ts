import { type DateContext, firstFullDate, type IsoDate, labelledDate, labelledFound, parseDateValue, rowDate } from '../lib/dates.js';
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
export function itemFromRow(row: RowRead, headers: string[], asOf: string, readAt?: number): ListItem | null {
  if (!row.href && !row.title) return null;
  // An item opened only by the site's own script has no address to follow: it is listed, and named by its title.
  if (!row.href) row = { ...row, href: `javascript:${encodeURIComponent(row.title)}` };
  const context: DateContext = { asOf, readAt };
  const column = headers.findIndex((h) => publishHeader.test(h) && !notPublishHeader.test(h));
  if (column >= 0 && row.cells.length === headers.length) {
    const date = rowDate(row.cells[column] ?? '', context);
    if (date) return { title: row.title, url: row.href!, date, dateSource: 'list' };
  }
  const rest = row.title ? row.text.replace(row.title, ' ') : row.text;
  const date = rowDate(rest, context);
  if (date) return { title: row.title, url: row.href!, date, dateSource: 'list' };
  const fromAttr = row.titleAttr && row.titleAttr !== row.title ? rowDate(row.titleAttr.replace(row.title, ' '), context) : null;
  if (fromAttr) return { title: row.title, url: row.href!, date: fromAttr, dateSource: 'title-attr' };
  return { title: row.title, url: row.href!, date: null, dateSource: null };
}

/** Publication-date metas (by name, property or itemprop, any case), most specific first. */
const dateMetas = [
  'pubdate',
  'publishdate',
  'firstpublishedtime',
  'article:published_time',
  'og:release_date',
  'og:time',
  'apub:time',
  'datepublished',
  'publish_date',
  'publishtime',
  'publication_date',
  'pub_date',
  'dcterms.issued',
  'dc.date.issued',
  'dc.date',
];

export type ArticleDateSource = 'meta' | 'structured' | 'labelled' | 'byline' | 'time' | 'text';

/**
 * An article's publication date as a person reads it: the labelled date beside the title (发布时间 over
 * 更新时间 over 日期; 成文日期 never); else a publication meta (any form), JSON-LD or itemprop
 * datePublished; else the first full date of a short byline line (2019-09-07 13:43 来源：…); else a
 * <time>; else a labelled date anywhere in the text.
 */
export function articleDate(read: PageRead, asOf: string): IsoDate | null {
  return articleDateWithSource(read, asOf)?.date ?? null;
}

export function articleDateWithSource(read: PageRead, asOf: string): { date: IsoDate; source: ArticleDateSource } | null {
  const context = { asOf };
  const zone = titleZone(read);
  // What the page says beside its title (发布时间：…, 日期：…) is what a reader and an inspector go by.
  const found = labelledFound(zone.join('\n'), context);
  const labelled = found?.date ?? null;
  const metas = new Map(Object.entries(read.metas).map(([k, v]) => [k.toLowerCase(), v]));
  const meta = dateMetas.map((name) => parseValue(metas.get(name))).find(Boolean) ?? null;
  // "发布时间：08-20 10:30" has no year and one is inferred from the evaluation date; a meta tag with the
  // same month and day carries the year the page was really published in.
  const year = found?.yearInferred ? yearFromMetas(read.metas, found.date) : null;
  if (year) return { date: year, source: 'meta' };
  if (labelled) return { date: labelled, source: 'labelled' };
  for (const line of zone) {
    if (otherContent.test(line)) continue;
    const found = firstFullDate(line, context);
    // A byline: the date early in a short line, not a date inside a paragraph of the body, nor one that
    // opens a sentence (1997年6月21日祖父…逝世).
    if (found && (line.length <= 100 || found.index <= 30) && !opensProse(line, found)) return { date: found.date, source: 'byline' };
  }
  if (meta) return { date: meta, source: 'meta' };
  const hints = read.dateHints ?? { jsonLd: [], itemprop: [], time: [] };
  for (const value of [...hints.jsonLd, ...hints.itemprop]) {
    const date = parseValue(value);
    if (date) return { date, source: 'structured' };
  }
  for (const value of hints.time) {
    const date = parseValue(value);
    if (date) return { date, source: 'time' };
  }
  const anywhere = labelledDate((read.lines?.length ? read.lines.slice(0, 80).join('\n') : read.mainText).slice(0, 4000), context);
  return anywhere ? { date: anywhere, source: 'text' } : null;
}

/** Lines about other pages (最新推荐文章于 2024-05-07 发布, 上一篇：…): their dates are not this page's. */
const otherContent = /^\s*(最新推荐|相关推荐|推荐阅读|相关阅读|相关文章|热门推荐|上一篇|下一篇|上一条|下一条)/;

/**
 * The date runs straight on into words (1997年6月21日祖父…): a sentence, not a byline, where a space or a
 * separator follows (2019年09月11日 富达传媒) or a byline word (2024-05-06发布, 来源, 星期三).
 */
function opensProse(line: string, found: { index: number; text: string }): boolean {
  const after = line.slice(found.index + found.text.length);
  return (
    /^\p{Script=Han}/u.test(after) && !/^(来源|发布|作者|编辑|责编|浏览|点击|阅读|字号|字体|星期|周[一二三四五六日天]|文章来源|信息来源|发表|更新)/.test(after)
  );
}

/**
 * The day of a year-less date in a meta tag of any name (百家号 writes only dateUpdate beside
 * 发布时间：10-08): a full date there with the same month and day tells the year.
 */
export function yearFromMetas(metas: Record<string, string>, inferred: IsoDate): IsoDate | null {
  for (const value of Object.values(metas)) {
    const date = value.length <= 40 ? parseValue(value) : null;
    if (date && date !== inferred && date.slice(5) === inferred.slice(5)) return date;
  }
  return null;
}

function parseValue(value: string | undefined): IsoDate | null {
  return value ? parseDateValue(value) : null;
}

const squash = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The lines a reader looks at for the date: the title's line and the ten after it (where bylines stand),
 * then the two before it. Without a recognisable title line, the page's first 40 lines.
 */
function titleZone(read: PageRead): string[] {
  const lines = read.lines ?? [];
  const probe = squash(read.heading || read.title.split(/[_|｜—]/)[0] || '').slice(0, 12);
  const at = probe.length >= 2 ? lines.findIndex((l) => squash(l).includes(probe)) : -1;
  if (at < 0) return lines.slice(0, 40);
  // The title's own words are not its date (关于2026年11月3日停水的通知).
  const titleLine = read.heading ? lines[at]!.split(read.heading).join(' ') : '';
  const zone = [titleLine, ...lines.slice(at + 1, at + 11), ...lines.slice(Math.max(0, at - 2), at)];
  // The title written again further down (a hidden copy or a share box first, the article's own header
  // after the menus): the byline stands under the last copy, so its lines are read too.
  const heading = squash(read.heading);
  const again = heading.length >= 4 ? lines.findIndex((l, i) => i > at + 10 && squash(l) === heading) : -1;
  return again < 0 ? zone : [...zone, ...lines.slice(again + 1, again + 11)];
}
