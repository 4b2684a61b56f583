import { type Html, html } from '../../reports/html.js';
import { formatDate } from '../model/dates.js';
import { resolveUrl } from '../model/urls.js';
import type { RenderContext } from './context.js';
import { page } from './layout.js';
import { clippedNotice, planted, pollBlock, scrollingNotice, trappingSlider } from './page-defects.js';
import { skinnedGroupBody, skinnedHomeBody } from './skin/pages.js';

/** Homepage: a portal of dated blocks, or only a navigation page of tiles. */
export function homepage(ctx: RenderContext): string {
  const p = ctx.portal;
  const body = !ctx.skin.classic ? skinnedHomeBody(ctx) : p.homepage === 'navigation' ? navigationBody(ctx) : blocksBody(ctx);
  return page(ctx, { title: p.name, body: html`${trappingSlider(p)}${clippedNotice(p)}${scrollingNotice(p)}${body}${pollBlock(p)}${linksBar(ctx)}` });
}

function blocksBody(ctx: RenderContext): Html {
  const p = ctx.portal;
  const blocks = p.homepageBlocks.map((b) => {
    const column = ctx.column(b.columnId);
    const rows = column.items.slice(0, b.count).map((i) => {
      const date = i.date && i.shown.on !== 'none' ? formatDate(i.date, b.format) : '';
      return html`<li><a href="${i.path}" title="${i.title}">${i.title}</a><span class="date">${date}</span></li>`;
    });
    return html`<div class="block"><div class="block-head"><h2>${column.name}</h2><a class="more" href="${column.path}">更多&gt;&gt;</a></div><ul>${rows}</ul></div>`;
  });
  const headline = p.columns.find((c) => c.items.length > 0)?.items[0];
  const alt = p.accessibility.imagesWithoutAlt ? '' : html` alt="${headline?.title ?? ''}"`;
  const hero = headline
    ? html`<div class="hero"><a href="${headline.path}"><img src="/images/content/pic_${headline.id % 5}.svg"${alt} width="560" height="315"></a><h2><a href="${headline.path}">${headline.title}</a></h2><p>${headline.paragraphs[0]}</p></div>`
    : '';
  return html`<div class="wrap home">${hero}${quickEntries(ctx)}<div class="blocks">${blocks}</div></div>`;
}

function navigationBody(ctx: RenderContext): Html {
  const tiles = ctx.groups().map((g) => html`<a class="tile" href="${g.path}"><span class="icon">${g.name.slice(0, 1)}</span>${g.name}</a>`);
  return html`<div class="wrap nav-home"><h2 class="welcome">欢迎访问${ctx.portal.name}</h2><div class="tiles">${tiles}</div>${quickEntries(ctx)}</div>`;
}

function quickEntries(ctx: RenderContext): Html {
  const p = ctx.portal;
  const entries: Html[] = [];
  if (p.disclosure) entries.push(html`<a href="${p.disclosure.path}">政府信息公开</a>`);
  if (p.servicesPath) entries.push(html`<a href="${p.servicesPath}">办事服务</a>`);
  if (p.mailbox) entries.push(html`<a href="${p.mailbox.entryPath}">${p.mailbox.name}</a>`);
  for (const l of p.nonConsultationLinks) entries.push(html`<a href="${ctx.url(l.url)}">${l.text}</a>`);
  return html`<div class="quick">${entries}</div>`;
}

/** 专题专栏 / 友情链接: where planted broken homepage links live, as they do on real sites. */
function linksBar(ctx: RenderContext): Html {
  const p = ctx.portal;
  const planted = p.plantedLinks.filter((l) => l.foundOn === 'homepage');
  const items = planted.map((l) => {
    const href = l.url.startsWith('@') ? resolveUrl(l.url, ctx.origins) : l.url;
    return l.asImage
      ? html`<img src="${href}"${p.accessibility.imagesWithoutAlt ? '' : html` alt="${l.text}"`} width="120" height="60">`
      : html`<a href="${href}">${l.text}</a>`;
  });
  return html`<div class="wrap links"><h3>专题专栏 · 友情链接</h3>${items}<a href="${ctx.url('@interaction/ext/govcn/index.html')}">中国政府网</a></div>`;
}

/** Second-level channel page: each column of the group with its newest rows. */
export function groupPage(ctx: RenderContext, index: number): string | null {
  const group = ctx.groups()[index];
  if (!group) return null;
  // A channel page titled with the site's name alone, as the homepage is (2.4.2), where the portal plants it.
  const title = planted(ctx.portal, 'page-title', 'channel pages') ? ctx.portal.name : group.name;
  if (!ctx.skin.classic) return page(ctx, { title, body: skinnedGroupBody(ctx, group.columns), breadcrumb: [{ text: group.name, href: group.path }] });
  const blocks = group.columns.map((c) => {
    const rows = c.items.slice(0, 6).map((i) => html`<li><a href="${i.path}">${i.title}</a></li>`);
    return html`<div class="block"><div class="block-head"><h2>${c.name}</h2><a class="more" href="${c.path}">更多&gt;&gt;</a></div>${rows.length ? html`<ul>${rows}</ul>` : html`<div class="no-data">${c.placeholder ?? ''}</div>`}</div>`;
  });
  return page(ctx, { title, body: html`<div class="wrap blocks">${blocks}</div>`, breadcrumb: [{ text: group.name, href: group.path }] });
}

export function simplePage(ctx: RenderContext, title: string, text: string): string {
  return page(ctx, { title, body: html`<div class="wrap article"><h1>${title}</h1><div class="text"><p>${text}</p></div></div>` });
}

export function sitemapPage(ctx: RenderContext): string {
  const groups = ctx
    .groups()
    .map((g) => html`<h2><a href="${g.path}">${g.name}</a></h2><ul>${g.columns.map((c) => html`<li><a href="${c.path}">${c.name}</a></li>`)}</ul>`);
  return page(ctx, { title: '网站地图', body: html`<div class="wrap sitemap">${groups}</div>` });
}
