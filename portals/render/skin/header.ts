import { type Html, html } from '../../../reports/html.js';
import type { RenderContext } from '../context.js';
import { skinNav } from './nav.js';

/** Header of a skinned page: the same tools, logo and search as the classic one, the skin's navigation. */
export function skinnedHeader(ctx: RenderContext, parts: { search: Html | string; assist: Html | string }): Html {
  const p = ctx.portal;
  const alt = p.accessibility.imagesWithoutAlt ? '' : html` alt="${p.name}"`;
  return html`<div class="topbar"><span>今天是<span id="today"></span></span> ${parts.assist}<a href="/sitemap.html">网站地图</a> | <a href="/contact.html">联系我们</a></div>
<div class="header"><a href="/"><img src="/images/logo.svg"${alt} width="64" height="64"><span class="site-name">${p.name}</span></a>${parts.search}</div>
${skinNav(ctx)}`;
}

/** Breadcrumb with a class (rewritten by the skin), bare text in a plain div, or none at all. */
export function skinnedBreadcrumb(ctx: RenderContext, items: Array<{ text: string; href: string }>): Html | string {
  const style = ctx.skin.breadcrumb;
  if (style === 'none') return '';
  const trail = html`<a href="/">首页</a>${items.map((i) => html` &gt; <a href="${i.href}">${i.text}</a>`)}`;
  return style === 'class' ? html`<div class="crumb">您现在的位置：${trail}</div>` : html`<div>当前位置：${trail}</div>`;
}
