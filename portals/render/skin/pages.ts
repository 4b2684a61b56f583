import { type Html, html, raw } from '../../../reports/html.js';
import { formatDate } from '../../model/dates.js';
import type { Column, Item } from '../../model/types.js';
import type { RenderContext } from '../context.js';
import { isoDateTime, itemTime } from './dates.js';
import { imageLink, skinLink } from './links.js';
import { joinList, skinnedBlock, skinnedRows } from './lists.js';
import { literal } from './names.js';

/** Homepage body: dated blocks, or (navigation homepages) a plain grid of tiles in divs. */
export function skinnedHomeBody(ctx: RenderContext): Html {
  const p = ctx.portal;
  if (p.homepage === 'navigation') {
    const tiles = ctx
      .groups()
      .map((g, i) =>
        ctx.skin.tiles === 'image'
          ? html`<div>${imageLink(ctx, g.path, g.name)}</div>`
          : html`<div>${skinLink(ctx, g.path, html`<span>${g.name.slice(0, 1)}</span>${g.name}`, i)}</div>`,
      );
    return html`<div class="wrap"><h2>欢迎访问${p.name}</h2><div>${tiles}</div>${quickEntries(ctx)}</div>`;
  }
  const blocks = p.homepageBlocks.map((b) => {
    const column = ctx.column(b.columnId);
    const rows = skinnedRows(ctx, column, column.items.slice(0, b.count), (i) => (i.date && i.shown.on !== 'none' ? { date: i.date, format: b.format } : null));
    return skinnedBlock(ctx, column, joinList(ctx, rows));
  });
  const headline = p.columns.find((c) => c.items.length > 0)?.items[0];
  const alt = p.accessibility.imagesWithoutAlt ? '' : html` alt="${headline?.title ?? ''}"`;
  const hero = headline
    ? html`<div class="hero"><a href="${headline.path}"><img src="/images/content/pic_${headline.id % 5}.svg"${alt} width="560" height="315"></a><h2><a href="${headline.path}">${headline.title}</a></h2><p>${headline.paragraphs[0]}</p></div>`
    : '';
  return html`<div class="wrap home">${hero}${quickEntries(ctx)}<div class="blocks">${blocks}</div></div>`;
}

function quickEntries(ctx: RenderContext): Html {
  const p = ctx.portal;
  const entries: Html[] = [];
  if (p.disclosure) entries.push(skinLink(ctx, p.disclosure.path, '政府信息公开', 0));
  if (p.servicesPath) entries.push(skinLink(ctx, p.servicesPath, '办事服务', 1));
  if (p.mailbox) entries.push(skinLink(ctx, p.mailbox.entryPath, p.mailbox.name, 2));
  for (const l of p.nonConsultationLinks) entries.push(html`<a href="${ctx.url(l.url)}">${l.text}</a>`);
  return html`<div class="quick">${entries}</div>`;
}

/** Channel page: one block per column with its newest titles (undated, as on the classic skin). */
export function skinnedGroupBody(ctx: RenderContext, columns: Column[]): Html {
  const blocks = columns.map((c) => {
    const list = c.items.length
      ? joinList(
          ctx,
          skinnedRows(ctx, c, c.items.slice(0, 6), () => null),
        )
      : html`<div class="no-data">${c.placeholder ?? ''}</div>`;
    return skinnedBlock(ctx, c, list);
  });
  return html`<div class="wrap blocks">${blocks}</div>`;
}

/** Column page: the real content inside a float the template calls left/fl-left…, the sidebar beside it. */
export function skinnedColumnBody(ctx: RenderContext, column: Column, list: Html, pager: Html): Html {
  const group = ctx.groups().find((g) => g.name === column.group)!;
  const { content, side } = ctx.skin.layout;
  const sidebar = html`<div class="${literal(side)}"><h2>${group.name}</h2><ul>${group.columns.map((c) => html`<li><a href="${c.path}">${c.name}</a></li>`)}</ul></div>`;
  return html`<div class="wrap"><div class="${literal(content)}"><h2 class="column-title">${column.name}</h2>${list}${pager}</div>${sidebar}</div>`;
}

/** The visible date line of an article in the skin's style, or '' when the article shows no date. */
export function skinnedArticleInfo(ctx: RenderContext, item: Item, visible: boolean): Html {
  const views = ctx.stableNumber(`views:${item.id}`, 3);
  const time = itemTime(item);
  const source = html`<span>来源：${item.source}</span>`;
  if (!visible || !item.date) return html`<div class="info">${source}<span>浏览次数：${views}</span></div>`;
  const date = item.date;
  switch (ctx.skin.articleDate) {
    case 'label':
      return html`<div class="info"><span>发布时间：${date} ${time}</span>${source}<span>浏览次数：${views}</span></div>`;
    case 'label-cn':
      return html`<div class="info"><span>发布日期：${formatDate(date, 'cn-padded')}</span>${source}</div>`;
    case 'unlabelled':
      return html`<div class="info">${date} ${time}:00 来源：${item.source}</div>`;
    case 'br':
      return html`<p class="info">作者：${item.source}<br>时间：${date} ${time}</p>`;
    case 'time':
      return html`<div class="info"><time datetime="${isoDateTime(date, time)}">${formatDate(date, 'cn')}</time> ${source}</div>`;
  }
}

/** The article's machine-readable date in the skin's form (the classic skin writes `<meta name="PubDate">`). */
export function skinnedDateMeta(ctx: RenderContext, item: { date: string; time: string; title: string }): Html {
  const when = isoDateTime(item.date, item.time);
  switch (ctx.skin.articleMeta) {
    case 'pubdate':
      return html`<meta name="PubDate" content="${item.date} ${item.time}">\n`;
    case 'property':
      return html`<meta property="article:published_time" content="${when}">\n`;
    case 'itemprop':
      return html`<meta itemprop="datePublished" content="${when}">\n`;
    case 'jsonld': {
      const data = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: item.title, datePublished: when }).replace(
        /</g,
        '\\u003c',
      );
      return html`<script type="application/ld+json">${raw(data)}</script>\n`;
    }
  }
}
