import { type Html, html } from '../../reports/html.js';
import { formatDate } from '../model/dates.js';
import type { Column, Item } from '../model/types.js';
import { standIns } from '../model/urls.js';
import type { RenderContext } from './context.js';
import { page } from './layout.js';
import { planted } from './page-defects.js';
import { skinnedArticleInfo } from './skin/pages.js';

/** An article page. Where the date appears follows the item's `shown`: text, PubDate meta only, or nowhere. */
export function articlePage(ctx: RenderContext, column: Column, item: Item, extraLinks: Html = html``): string {
  const time = `${10 + (item.id % 8)}:${String((item.id * 7) % 60).padStart(2, '0')}`;
  const pubDate = item.date && item.shown.on !== 'none' ? `${item.date} ${time}` : null;
  const dateText = pubDate && item.shown.on !== 'article-meta' ? dateLine(ctx, item, time) : '';
  const views = ctx.stableNumber(`views:${item.id}`, 3);
  const alt = ctx.portal.accessibility.imagesWithoutAlt ? '' : item.title;
  const image =
    item.id % 3 === 0
      ? html`<p class="pic"><img src="/images/content/pic_${item.id % 5}.svg" ${alt ? html`alt="${alt}"` : ''} width="600" height="340"></p>`
      : '';
  const written = item.writtenOn
    ? html`<table class="doc-info"><tr><th>索引号：</th><td>${item.indexNumber}</td><th>发文字号：</th><td>${item.docNumber}</td></tr><tr><th>成文日期：</th><td>${formatDate(item.writtenOn, 'cn')}</td><th>有效性：</th><td>${item.validity}</td></tr></table>`
    : '';
  // Old templates set the title in bold type, not a heading: with no skip link and no main landmark either,
  // nothing lets a keyboard user jump past the navigation (2.4.1), where the portal plants it.
  const noHeadings = planted(ctx.portal, 'bypass', 'article pages');
  const heading = noHeadings ? html`<div style="text-align:center;font-size:22px;font-weight:bold">${item.title}</div>` : html`<h1>${item.title}</h1>`;
  const body = html`<div class="wrap article">${written}${heading}${validityMark(ctx, column, item)}
${ctx.skin.classic ? html`<div class="info">${dateText}<span>来源：${item.source}</span><span>浏览次数：${views}</span><span class="font">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span></div>` : skinnedArticleInfo(ctx, item, !!pubDate && item.shown.on !== 'article-meta')}
<div class="text">${item.paragraphs.map((p, i) => html`<p>${p}</p>${i === 0 ? image : ''}`)}</div>
${relatedLinks(ctx, item)}${extraLinks}${hiddenLink(ctx)}
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div></div>`;
  return page(ctx, {
    title: item.title,
    column,
    article: { title: item.title, pubDate, source: item.source },
    body,
    breadcrumb: [
      { text: column.name, href: column.path },
      { text: '正文', href: item.path },
    ],
  });
}

function dateLine(ctx: RenderContext, item: Item, time: string): Html {
  const date = item.date!;
  // Each CMS labels and formats the article date its own way.
  switch (ctx.portal.cms) {
    case 'query':
      return html`<span>发布时间：${formatDate(date, 'cn-padded')} ${time}</span>`;
    case 'legacy':
      return html`<span>更新时间：${date} ${time}:00</span>`;
    case 'hanweb':
      return html`<span>发布日期：${formatDate(date, 'iso')}</span>`;
    default:
      return html`<span>发布时间：${date} ${time}</span>`;
  }
}

/** The planted 暗链: a block hidden by display:none with a link to a gambling stand-in, as injected into a hacked template. */
function hiddenLink(ctx: RenderContext): Html | string {
  if (!ctx.portal.linkPlants?.hiddenArticleLink) return '';
  return html`<div style="display:none"><a href="${ctx.url(`@interaction${standIns.gambling}`)}">澳门博彩娱乐城</a></div>`;
}

/** A policy document's validity mark as the portal writes it (documentPlants.validityMarks): an info line, a bracket, or a dt/dd list. */
function validityMark(ctx: RenderContext, column: Column, item: Item): Html | string {
  const shape = ctx.portal.documentPlants?.validityMarks;
  // A catalogue's documents carry theirs in the metadata table above the title.
  if (!shape || column.kind !== 'policy' || item.writtenOn) return '';
  const value = item.validity ?? '现行有效';
  if (shape === 'bracket') return html`<p style="text-align:center">【${value}】</p>`;
  if (shape === 'list') return html`<dl><dt>发布机构</dt><dd>${ctx.portal.name}</dd><dt>时效性</dt><dd>${value}</dd></dl>`;
  return html`<div>有效性：${value}</div>`;
}

/** A document's 相关解读 and an interpretation's 原文链接 (model/documents.ts). */
function relatedLinks(ctx: RenderContext, item: Item): Html | string {
  if (!item.related) return '';
  const byPath = (path: string) => ctx.portal.columns.flatMap((c) => c.items).find((i) => i.path === path);
  const original = item.related.original ? byPath(item.related.original) : undefined;
  const interpretations = (item.related.interpretations ?? []).map(byPath).filter((i): i is Item => !!i);
  return html`${original ? html`<p>原文链接：<a href="${original.path}">${original.title}</a></p>` : ''}${interpretations.map((i) => html`<p>相关解读：<a href="${i.path}">${i.title}</a></p>`)}`;
}
