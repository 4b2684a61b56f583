import type { PageRead } from './read-page.js';

export type PageKind = 'hub' | 'list' | 'blank' | 'content';

/**
 * What a page is, from its structure alone:
 * - hub: channel pages and homepages, blocks with "更多" links to the real columns;
 * - list: a list of items (one link per row), a column page;
 * - blank: a page that is a column but shows nothing, or only "暂无信息";
 * - content: everything else (articles, guides, forms, pages built around an iframe).
 */
export function pageKind(read: PageRead, template: PageTemplate | null = null): PageKind {
  // An article's body outweighs the "更多" blocks and related lists around it: a news page is content.
  const body = prose(read, template);
  if (body >= 300 && body > read.rowsTextLength) return 'content';
  const self = read.url.split('#')[0];
  const moreLinks = read.more.filter((m) => m.href.split('#')[0] !== self).length;
  const paginated = !!read.pager.nextHref || read.pager.script;
  // A paginated list stays a column even with a "更多" block beside it; otherwise "更多" links make a hub.
  if (moreLinks >= 2 || (moreLinks === 1 && !(paginated && isList(read, template)))) return 'hub';
  // Blocks of items, each from another column, with no "更多" link: the blocks' headings lead on.
  if (!paginated && read.itemLists >= 2 && read.rows.length < 0.6 * read.itemListRows) return 'hub';
  // A block headed by a link to its column (<h2><a>在线访谈</a></h2>): a preview of that column.
  if (!paginated && read.previewOf) return 'hub';
  // A page built around a frame of its own (a mailbox on another host); a frame every page has (a navigation frame) does not count.
  if (read.rows.length === 0 && read.iframes.some((f) => !template?.frames.has(f))) return 'content';
  if (isList(read, template)) return 'list';
  if (read.rows.length > 0) return 'content';
  if (read.placeholder) return 'blank';
  // A frame or fragment without the site's template (a navigation frame) is part of a page, not a column.
  if (template && !carriesTemplate(read, template)) return 'content';
  if (ownText(read, template).length > 6) return 'content';
  // A page of nothing but links to pages below it (a grid of tiles) leads on: it is no blank column.
  return read.childLinks >= 2 ? 'hub' : 'blank';
}

/** Whether the page shows at least two of the lines every page of the site shows (footer, header). */
function carriesTemplate(read: PageRead, template: PageTemplate): boolean {
  return read.textLines.filter((l) => template.lines.has(squash(l))).length >= 2;
}

/** The site's template as the homepage shows it: text lines every page repeats (header, footer, furniture). */
export interface PageTemplate {
  lines: Set<string>;
  frames: Set<string>;
}

export function templateOf(homepage: PageRead): PageTemplate {
  return { lines: new Set(homepage.textLines.map(squash)), frames: new Set(homepage.iframes) };
}

const squash = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
const furnitureLine = /^(当前位置|您的位置|您现在的位置|你的位置|所在位置|现在位置|位置|今天是|今天|欢迎)/;

/**
 * What the page says of its own: its text lines outside links, without the lines of the site's template,
 * the breadcrumb, the heading and the names of the page's own navigation. A column page that shows
 * nothing but its frame says nothing.
 */
function ownText(read: PageRead, template: PageTemplate | null): string {
  if (!template) return read.mainText.replace(read.heading, '').replace(/\s/g, '');
  const names = new Set([read.heading, read.title, ...read.crumbs, ...read.nav.map((n) => n.text), ...read.title.split(/[_\-|｜—]/)].map(squash));
  return read.textLines
    .filter((l) => !furnitureLine.test(l.trim()))
    .map(squash)
    .filter((l) => l && !template.lines.has(l) && !names.has(l))
    .join('');
}

/**
 * A list page is mostly its rows, and its rows mostly hold one link each: not an article with a few
 * related links, not a guide with its attachments. "Mostly" is measured against the page's text, or —
 * when the page's template text is unknown in size — against its prose (an article's body).
 */
function isList(read: PageRead, template: PageTemplate | null): boolean {
  if (read.rows.length === 0 || read.singleLinkRows < 0.5 * read.rows.length) return false;
  return read.rowsTextLength >= 0.4 * read.mainTextLength || (read.rows.length >= 3 && prose(read, template) < read.rowsTextLength);
}

/** The page's own prose: link-free lines of 30+ characters the site's template does not show (an article's body). */
function prose(read: PageRead, template: PageTemplate | null): number {
  if (!template) return read.proseLength;
  return read.textLines
    .map(squash)
    .filter((l) => l.length >= 30 && !template.lines.has(l))
    .reduce((n, l) => n + l.length, 0);
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
