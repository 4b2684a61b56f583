import { type Html, html, raw } from '../../../reports/html.js';
import type { DateFormat } from '../../model/dates.js';
import type { Column, Item } from '../../model/types.js';
import type { RenderContext } from '../context.js';
import { skinListDate } from './dates.js';
import { skinLink } from './links.js';

/** A list in the skin's markup: the wrapper written around each block of rows, and the rows. */
export interface SkinnedList {
  open: string;
  close: string;
  rows: string[];
}

/** Which date a row shows (already formatted by the model's rules), or null. */
export type RowDate = (item: Item) => { date: string; format: DateFormat } | null;

/** Rows of a column (list page, Hanweb record, homepage block) in the skin's row style. */
export function skinnedRows(ctx: RenderContext, column: Column, items: Item[], dateOf: RowDate, title: (i: Item) => string = (i) => i.title): SkinnedList {
  const skin = ctx.skin;
  const rows = items.map((item) => {
    const shown = dateOf(item);
    const dateText = shown ? skinListDate(skin, item, shown.date, shown.format) : '';
    const tag = skin.categoryTag ? html`<a href="${column.path}" class="tag">[${column.name}]</a> ` : '';
    const link = html`${tag}<a href="${item.path}" title="${title(item)}" target="_blank">${item.title}</a>`;
    const before = skin.listDate.placement === 'before';
    const date = dateText ? html`<span class="date">${dateText}</span>` : '';
    switch (skin.list) {
      case 'ul':
        return html`<li>${before ? date : ''}${link}${before ? '' : date}</li>\n`.value;
      case 'table': {
        const cell = html`<td class="date" width="120">${dateText}</td>`;
        return html`<tr>${before ? cell : ''}<td class="title">${link}</td>${before ? '' : cell}</tr>\n`.value;
      }
      case 'dl':
        return html`<dt>${before ? date : ''}${link}</dt>${dateText && !before ? html`<dd class="date">${dateText}</dd>` : ''}\n`.value;
      case 'cards':
        return html`<div class="card">${before ? date : ''}<h3>${link}</h3><p>${item.paragraphs[0]!.slice(0, 40)}…</p>${before ? '' : date}</div>\n`.value;
    }
  });
  const wrappers = {
    ul: ['<ul class="list">', '</ul>'],
    table: ['<table class="list" width="100%"><tbody>', '</tbody></table>'],
    dl: ['<dl class="list">', '</dl>'],
    cards: ['<div class="cards">', '</div>'],
  } as const;
  const [open, close] = wrappers[skin.list];
  return { open, close, rows };
}

/** The list as sibling blocks of `splitRows` rows each (one block when the skin does not split). */
export function joinList(ctx: RenderContext, list: SkinnedList): Html {
  const size = ctx.skin.splitRows ?? Math.max(1, list.rows.length);
  const blocks: string[] = [];
  for (let i = 0; i < Math.max(1, list.rows.length); i += size) blocks.push(list.open + list.rows.slice(i, i + size).join('') + list.close);
  return raw(blocks.join('\n'));
}

/** A homepage or channel block: heading, the skin's "more" link (or the heading as the link), rows. */
export function skinnedBlock(ctx: RenderContext, column: Column, list: Html): Html {
  const more = ctx.skin.more;
  const heading = more === 'heading' ? skinLink(ctx, column.path, column.name) : html`${column.name}`;
  let moreLink: Html | string = '';
  if (more === 'arrow-image') {
    const alt = ctx.portal.accessibility.imagesWithoutAlt ? '' : raw(' alt="更多"');
    moreLink = skinLink(ctx, column.path, html`<img src="/images/logo.svg"${alt} width="14" height="14">`, 1, 'more');
  } else if (more !== 'heading') {
    moreLink = skinLink(ctx, column.path, more, 1, 'more');
  }
  return html`<div class="block"><div class="block-head"><h2>${heading}</h2>${moreLink}</div>${list}</div>`;
}
