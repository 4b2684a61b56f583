import { type Html, html, raw } from '../../reports/html.js';
import type { Column } from '../model/types.js';
import type { RenderContext } from './context.js';
import { page } from './layout.js';
import { listRows, pageCount, pageItems } from './list-rows.js';
import { skinnedColumnBody } from './skin/pages.js';

/** The column page in a sidebar + list frame, shared by every server-rendered CMS. */
export function columnFrame(ctx: RenderContext, column: Column, list: Html, pager: Html): string {
  const group = ctx.groups().find((g) => g.name === column.group)!;
  return page(ctx, {
    title: column.name,
    column,
    breadcrumb: [
      { text: group.name, href: group.path },
      { text: column.name, href: column.path },
    ],
    body: !ctx.skin.classic
      ? skinnedColumnBody(ctx, column, list, pager)
      : html`<div class="wrap cols"><div class="side"><h2>${group.name}</h2><ul>${group.columns.map((c) => html`<li${c.id === column.id ? raw(' class="on"') : ''}><a href="${c.path}">${c.name}</a></li>`)}</ul></div>
<div class="content"><h2 class="column-title">${column.name}</h2>${list}${pager}</div></div>`,
  });
}

/** TRS-like: index.html, index_1.html … and a pager that exists only after its inline script runs. */
export function trsListPage(ctx: RenderContext, column: Column, index: number): string {
  const pager = html`<div class="page"><script>createPageHTML(${pageCount(column)}, ${index}, "index", "html");</script></div>`;
  return columnFrame(ctx, column, listRows(ctx, column, pageItems(column, index)), column.items.length ? pager : html``);
}

/** Server-rendered ?page=N (1-based) with ordinary links. */
export function queryListPage(ctx: RenderContext, column: Column, pageNo: number): string {
  const total = pageCount(column);
  const link = (n: number, text: string) =>
    n === pageNo || n < 1 || n > total ? html`<span>${text}</span>` : html`<a href="${column.path}?page=${n}">${text}</a>`;
  const numbers = Array.from({ length: total }, (_, i) => link(i + 1, String(i + 1)));
  const pager = html`<div class="pager">共${column.items.length}条 ${link(1, '首页')}${link(pageNo - 1, '上一页')}${numbers}${link(pageNo + 1, '下一页')}${link(total, '尾页')}</div>`;
  return columnFrame(ctx, column, listRows(ctx, column, pageItems(column, pageNo - 1)), column.items.length ? pager : html``);
}

/** Old ASP sites: list.asp?classid=N&page=N, plain text pager. */
export function legacyListPage(ctx: RenderContext, column: Column, pageNo: number): string {
  const total = pageCount(column);
  const href = (n: number) => `${column.path}&page=${n}`;
  const pager = html`<table class="pager" width="100%"><tr><td align="center">共 ${column.items.length} 条记录 第 ${pageNo}/${total} 页 <a href="${href(1)}">首页</a> ${pageNo > 1 ? html`<a href="${href(pageNo - 1)}">上一页</a>` : '上一页'} ${pageNo < total ? html`<a href="${href(pageNo + 1)}">下一页</a>` : '下一页'} <a href="${href(total)}">尾页</a></td></tr></table>`;
  return columnFrame(ctx, column, listRows(ctx, column, pageItems(column, pageNo - 1)), column.items.length ? pager : html``);
}
