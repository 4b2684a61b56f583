import * as cheerio from 'cheerio';

import type { PortalTruth } from '../model/truth.js';
import { type FetchedPage, fetchPage } from './fetch-page.js';
import { readArticleDate } from './read-article.js';
import { readDate } from './read-dates.js';

type ColumnTruth = PortalTruth['columns'][number];

export interface ReadRow {
  url: string;
  title: string;
  date: string | null;
  from: 'list' | 'title-attr' | 'article' | null;
}

export interface ReadColumn {
  rows: ReadRow[];
  pages: number;
  placeholder: string | null;
}

/**
 * Reads every row of a column with a plain HTTP client, page by page, the way each CMS exposes it:
 * a script-written pager (TRS), a data proxy (Hanweb), a JSON API (信息公开目录), or ordinary links.
 */
export async function readColumn(column: ColumnTruth, asOf: string, cookie?: string): Promise<ReadColumn> {
  if (column.style === 'hanweb') return readHanweb(column, asOf, cookie);
  if (column.style === 'catalogue') return readCatalogue(column, cookie);
  const pages: FetchedPage[] = [await fetchPage(column.url, { cookie })];
  if (column.style === 'trs') {
    const pager = /createPageHTML\((\d+),\s*(\d+)/.exec(pages[0]!.text);
    const total = pager ? Number(pager[1]) : 1;
    for (let i = 1; i < total; i++) pages.push(await fetchPage(new URL(`index_${i}.html`, column.url).href, { cookie }));
  } else {
    for (let next = nextLink(pages[0]!); next; next = nextLink(pages.at(-1)!)) pages.push(await fetchPage(next, { cookie }));
  }
  const rows: ReadRow[] = [];
  for (const page of pages) rows.push(...(await rowsOf(page.$, page.url, asOf, cookie)));
  return { rows, pages: pages.length, placeholder: pages[0]!.$('.no-data').text().trim() || null };
}

function nextLink(page: FetchedPage): string | null {
  const href = page
    .$('a')
    .filter((_, a) => page.$(a).text().trim() === '下一页')
    .attr('href');
  return href ? new URL(href, page.url).href : null;
}

async function rowsOf($: cheerio.CheerioAPI, base: string, asOf: string, cookie?: string): Promise<ReadRow[]> {
  const rows: ReadRow[] = [];
  for (const el of $('ul.list > li, table.list tr, .cards .card').toArray()) {
    const row = $(el);
    const link = row.find('a[href]').first();
    const url = new URL(link.attr('href')!, base).href;
    const title = link.text().trim();
    // The link text may itself contain a date (a decoy); only the rest of the row is the date column.
    const listDate = readDate(row.text().replace(title, ''), asOf);
    if (listDate) {
      rows.push({ url, title, date: listDate, from: 'list' });
      continue;
    }
    const attr = [row.attr('title'), link.attr('title')].find((t) => t?.includes('发布日期'));
    if (attr) {
      rows.push({ url, title, date: readDate(attr.split('发布日期')[1]!, asOf), from: 'title-attr' });
      continue;
    }
    const articleDate = await readArticleDate(url, asOf, cookie);
    rows.push({ url, title, date: articleDate, from: articleDate ? 'article' : null });
  }
  return rows;
}

async function readHanweb(column: ColumnTruth, asOf: string, cookie?: string): Promise<ReadColumn> {
  const page = await fetchPage(column.url, { cookie });
  const id = /columnid:\s*(\d+)/.exec(page.text)![1];
  const proxy = new URL('/module/web/jpage/dataproxy.jsp', column.url);
  const rows: ReadRow[] = [];
  let total = Infinity;
  let pages = 0;
  for (let start = 1; start <= total; start += column.pageSize) {
    proxy.search = `startrecord=${start}&endrecord=${start + column.pageSize - 1}&perpage=${column.pageSize}&columnid=${id}`;
    const xml = await fetchPage(proxy.href, { cookie });
    total = Number(/<totalrecord>(\d+)<\/totalrecord>/.exec(xml.text)![1]);
    const html = [...xml.text.matchAll(/<record><!\[CDATA\[([\s\S]*?)\]\]><\/record>/g)].map((m) => m[1]).join('');
    rows.push(...(await rowsOf(cheerio.load(`<ul class="list">${html}</ul>`), column.url, asOf, cookie)));
    pages++;
  }
  const placeholder = /placeholder:\s*"([^"]*)"/.exec(page.text)?.[1] || null;
  return { rows, pages: Math.max(1, pages), placeholder };
}

async function readCatalogue(column: ColumnTruth, cookie?: string): Promise<ReadColumn> {
  const rows: ReadRow[] = [];
  let pages = 0;
  for (let page = 1; ; page++) {
    const api = new URL(`/api/xxgk/list?column=${column.id}&page=${page}&size=${column.pageSize}`, column.url);
    const response = await fetch(api, { headers: cookie ? { cookie } : {} });
    const { data } = (await response.json()) as {
      data: { total: number; records: Array<{ url: string; title: string; publishDate: string; writtenDate: string }> };
    };
    pages++;
    for (const r of data.records) rows.push({ url: new URL(r.url, column.url).href, title: r.title, date: r.publishDate || null, from: 'list' });
    if (page * column.pageSize >= data.total) break;
  }
  return { rows, pages, placeholder: null };
}
