import type { PageRead } from './read-page.js';

export type PageKind = 'hub' | 'list' | 'blank' | 'content';

/**
 * What a page is, from its structure alone:
 * - hub: channel pages and homepages, blocks with "更多" links to the real columns;
 * - list: a list of items (one link per row), a column page;
 * - blank: a page that is a column but shows nothing, or only "暂无信息";
 * - content: everything else (articles, guides, forms, pages built around an iframe).
 */
export function pageKind(read: PageRead): PageKind {
  const self = read.url.split('#')[0];
  const moreLinks = read.more.filter((m) => m.href.split('#')[0] !== self).length;
  const paginated = !!read.pager.nextHref || read.pager.script;
  // A paginated list stays a column even with a "更多" block beside it; otherwise "更多" links make a hub.
  if (moreLinks >= 2 || (moreLinks === 1 && !(paginated && isList(read)))) return 'hub';
  if (read.iframes.length > 0 && read.rows.length === 0) return 'content';
  // A list page is mostly its rows, and its rows mostly hold one link each: not an article with a few
  // related links, not a guide with its attachments, not a sentence naming three documents.
  if (isList(read)) return 'list';
  if (read.rows.length > 0) return 'content';
  if (read.placeholder) return 'blank';
  const withoutHeading = read.mainText.replace(read.heading, '').replace(/\s/g, '');
  return withoutHeading.length <= 6 ? 'blank' : 'content';
}

function isList(read: PageRead): boolean {
  return read.rows.length > 0 && read.singleLinkRows >= 0.5 * read.rows.length && read.rowsTextLength >= 0.4 * read.mainTextLength;
}

/** A column's name: ColumnName meta, else the breadcrumb's last step, the link that led here, the heading, the title. */
export function columnName(read: PageRead, linkText: string | null): { name: string; source: 'meta' | 'breadcrumb' | 'link' | 'heading' | 'title' } {
  const meta = read.metas['ColumnName']?.trim();
  if (meta) return { name: meta, source: 'meta' };
  const crumb = [...read.crumbs].reverse().find((c) => !/^(首页|正文|当前位置|网站首页|>+)$/.test(c));
  if (crumb) return { name: crumb, source: 'breadcrumb' };
  if (linkText && !/更多|more/i.test(linkText)) return { name: linkText, source: 'link' };
  if (read.heading) return { name: read.heading, source: 'heading' };
  return { name: read.title.split(/[_\-|｜—]/)[0]!.trim(), source: 'title' };
}
