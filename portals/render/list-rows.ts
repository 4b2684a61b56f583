import { type Html, html } from '../../reports/html.js';
import { formatDate } from '../model/dates.js';
import type { Column, Item } from '../model/types.js';
import type { RenderContext } from './context.js';
import { joinList, skinnedRows } from './skin/lists.js';

/** The date text a list row shows, or null when the list carries none. */
export function listDateText(item: Item): string | null {
  return item.date && item.shown.on === 'list' ? formatDate(item.date, item.shown.format) : null;
}

/** title="…" attribute of the row: some templates put the only date there. */
export function rowTitle(item: Item): string {
  if (item.date && item.shown.on === 'title-attr') return `${item.title} 发布日期：${formatDate(item.date, item.shown.format)}`;
  return item.title;
}

/** List rows in the portal's markup; hrefs are relative to the site root. */
export function listRows(ctx: RenderContext, column: Column, items: Item[]): Html {
  if (items.length === 0) {
    return column.placeholder ? html`<div class="no-data">${column.placeholder}</div>` : html`<ul class="list"></ul>`;
  }
  if (!ctx.skin.classic) return joinList(ctx, skinnedListRows(ctx, column, items));
  switch (ctx.portal.listMarkup) {
    case 'ul':
      return html`<ul class="list">${items.map((i) => {
        const date = listDateText(i);
        return html`<li title="${rowTitle(i)}"><a href="${i.path}" target="_blank">${i.title}</a>${date ? html`<span class="date">${date}</span>` : ''}</li>\n`;
      })}</ul>`;
    case 'table':
      return html`<table class="list" width="100%"><tbody>${items.map((i) => {
        const date = listDateText(i);
        return html`<tr><td class="dot">·</td><td class="title"><a href="${i.path}" title="${rowTitle(i)}" target="_blank">${i.title}</a></td><td class="date" width="110">${date ?? ''}</td></tr>\n`;
      })}</tbody></table>`;
    case 'div':
      return html`<div class="cards">${items.map((i) => {
        const date = listDateText(i);
        return html`<div class="card"><h3><a href="${i.path}" title="${rowTitle(i)}">${i.title}</a></h3><p>${i.paragraphs[0]!.slice(0, 40)}…</p>${date ? html`<em>${date}</em>` : ''}</div>\n`;
      })}</div>`;
  }
}

export function pageCount(column: Column): number {
  return Math.max(1, Math.ceil(column.items.length / column.pageSize));
}

export function pageItems(column: Column, index: number): Item[] {
  return column.items.slice(index * column.pageSize, (index + 1) * column.pageSize);
}

/** A column's rows in a non-classic skin's markup: the list date and title attribute as the model has them. */
export function skinnedListRows(ctx: RenderContext, column: Column, items: Item[]) {
  return skinnedRows(ctx, column, items, (i) => (i.date && i.shown.on === 'list' ? { date: i.date, format: i.shown.format } : null), rowTitle);
}
