import { readFileSync } from 'node:fs';

import type { Page } from 'puppeteer';

const readerScript = readFileSync(new URL('./in-page/page-reader.js', import.meta.url), 'utf8');

export interface RowRead {
  title: string;
  href: string | null;
  text: string;
  cells: string[];
  titleAttr: string;
}

/** What in-page/page-reader.js reports about a page. */
export interface PageRead {
  url: string;
  title: string;
  /** Every meta of the page by name, property, itemprop or http-equiv (the first of each wins). */
  metas: Record<string, string>;
  /** Machine-readable publication dates: JSON-LD datePublished, itemprop=datePublished, <time> values. */
  dateHints: { jsonLd: string[]; itemprop: string[]; time: string[] };
  crumbs: string[];
  heading: string;
  nav: Array<{ text: string; href: string }>;
  more: Array<{ text: string; href: string }>;
  rows: RowRead[];
  headers: string[];
  /** Separate lists of items on the page (blocks of a channel page) and their rows in all. */
  itemLists: number;
  itemListRows: number;
  /** Rows holding exactly one titled link, and the text length of all rows: list pages are mostly their rows. */
  singleLinkRows: number;
  rowsTextLength: number;
  allRows: RowRead[];
  placeholder: string | null;
  /** Same-site pages linked below this page's folder (not its own ?page= variants): a directory has children. */
  childLinks: number;
  /** The page its list (or its 暂无信息) previews: a block headed by a link to another page, on a channel page. */
  previewOf: string | null;
  pager: { nextHref: string | null; script: boolean };
  mainText: string;
  mainTextLength: number;
  /** Visible text in lines, broken at blocks and <br> as a reader sees it (at most 600 lines). */
  lines: string[];
  /** Visible text outside links and the semantic furniture, a line per block: what the page says itself. */
  textLines: string[];
  /** Characters of prose (link-free runs of 30+ characters): an article's body, not a list's dates. */
  proseLength: number;
  fragment: string;
  /** Every link and image of the page, for the link checker. */
  links: Array<{ href: string; image: boolean }>;
  iframes: string[];
}

export class ReadTimeout extends Error {
  constructor() {
    super('script-timeout');
  }
}

/**
 * Runs the page reader in the page (plain browser JS, so no bundler helper leaks into the page). A page
 * whose own scripts hog the renderer, or whose DOM is enormous, gets `timeoutMs` and is then given up.
 */
export async function readPage(page: Page, timeoutMs = 10_000): Promise<PageRead> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new ReadTimeout()), timeoutMs)));
  try {
    return await Promise.race([
      (async () => {
        await page.evaluate(readerScript);
        return (await page.evaluate('window.__govscoreRead()')) as PageRead;
      })(),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
