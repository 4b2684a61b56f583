import { type Html, html, raw } from '../../reports/html.js';
import type { Column } from '../model/types.js';
import { standIns } from '../model/urls.js';
import type { RenderContext } from './context.js';
import { backToTop, defectStyles } from './page-defects.js';
import { skinnedBreadcrumb, skinnedHeader } from './skin/header.js';
import { rewriteClasses } from './skin/names.js';
import { skinnedDateMeta } from './skin/pages.js';

/**
 * Under a skin every link is underlined: the classic stylesheet underlines the links set in text (breadcrumb,
 * pager, footer) by class names a skin rewrites, and without it those links would be an accessibility defect
 * (axe link-in-text-block) that the truth does not plant.
 */
const skinLinkStyle = html`<style>a{text-decoration:underline}</style>`;

export interface PageOptions {
  title: string;
  column?: Column;
  article?: { title: string; pubDate: string | null; source: string };
  body: Html;
  breadcrumb?: Array<{ text: string; href: string }>;
}

/** The shared furniture of every page: head with meta tags, header, navigation, footer. */
export function page(ctx: RenderContext, options: PageOptions): string {
  const p = ctx.portal;
  const legacy = p.cms === 'legacy';
  const lang = p.accessibility.missingLang ? '' : ' lang="zh-CN"';
  const charset = legacy ? raw('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">') : raw('<meta charset="utf-8">');
  const skinned = !ctx.skin.classic;
  const crumb = options.breadcrumb ? (skinned ? skinnedBreadcrumb(ctx, options.breadcrumb) : breadcrumb(options.breadcrumb)) : '';
  const out = `<!DOCTYPE html>
<html${lang}>
<head>
${html`${charset}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}${options.title === p.name ? '' : `_${p.name}`}</title>
${metaTags(ctx, options)}
<link rel="stylesheet" href="/css/site.css">${skinned ? skinLinkStyle : ''}${defectStyles(p)}
<script src="/js/common.js"></script>`}
</head>
<body class="${legacy ? 'legacy' : 'modern'}">
${skinned ? skinnedHeader(ctx, { search: searchForm(ctx), assist: assistLinks(ctx) }) : header(ctx)}
${crumb}
<div class="main">${options.body}</div>
${footer(ctx, !!options.article)}
</body>
</html>`;
  return skinned ? rewriteClasses(out, ctx.skin) : out;
}

function metaTags(ctx: RenderContext, options: PageOptions): Html {
  const p = ctx.portal;
  const tags: Array<[string, string]> = [];
  if (p.metaTags.site) tags.push(['SiteName', p.name], ['SiteDomain', `${p.id}.jiangling.gov.cn`], ['SiteIDCode', p.siteIdCode]);
  if (options.column && options.column.columnNameMeta && p.metaTags.column) {
    tags.push(['ColumnName', options.column.name], ['ColumnType', options.column.group]);
  }
  if (options.article) {
    if (p.metaTags.article) tags.push(['ArticleTitle', options.article.title], ['ContentSource', options.article.source]);
    // The spec's PubDate stays where the site writes the article metas (identity is measured on them);
    // elsewhere a skin writes the date in its own form (skinnedDateMeta) instead.
    if (options.article.pubDate && (ctx.skin.classic || p.metaTags.article)) tags.push(['PubDate', options.article.pubDate]);
  }
  const metas = html`${tags.map(([name, content]) => html`<meta name="${name}" content="${content}">\n`)}`;
  const pubDate = options.article?.pubDate;
  if (ctx.skin.classic || !pubDate || (p.metaTags.article && ctx.skin.articleMeta === 'pubdate')) return metas;
  const [date, time] = pubDate.split(' ') as [string, string];
  return html`${metas}${skinnedDateMeta(ctx, { date, time, title: options.article!.title })}`;
}

function header(ctx: RenderContext): Html {
  const p = ctx.portal;
  const search = searchForm(ctx);
  const assist = assistLinks(ctx);
  const alt = p.accessibility.imagesWithoutAlt ? '' : html` alt="${p.name}"`;
  const nav = ctx
    .groups()
    .map((g) => html`<li><a href="${g.path}">${g.name}</a><ul class="sub">${g.columns.map((c) => html`<li><a href="${c.path}">${c.name}</a></li>`)}</ul></li>`);
  return html`<div class="topbar"><div class="wrap"><span>今天是<span id="today"></span></span><span class="tools">${assist}<a href="/sitemap.html">网站地图</a> | <a href="/contact.html">联系我们</a></span></div></div>
<div class="header" style="background-image:url(/images/banner.svg)"><div class="wrap"><a href="/" class="logo"><img src="/images/logo.svg"${alt} width="64" height="64"><span class="site-name">${p.name}</span></a>${search}</div></div>
<div class="nav"><div class="wrap"><ul class="menu"><li><a href="/">首页</a></li>${nav}${p.disclosure ? html`<li><a href="${p.disclosure.path}">政府信息公开</a></li>` : ''}${p.servicesPath ? html`<li><a href="${p.servicesPath}">办事服务</a></li>` : ''}${p.mailbox ? html`<li><a href="${p.mailbox.entryPath}">互动交流</a></li>` : ''}</ul></div></div>`;
}

function searchForm(ctx: RenderContext): Html | string {
  const p = ctx.portal;
  return p.search === 'absent'
    ? ''
    : p.accessibility.unlabeledSearch
      ? // The hint is the field's value, cleared on focus, as old templates do: no label, no placeholder
        // (axe accepts a placeholder as the field's name), so the planted "label" defect is real.
        html`<form class="search" action="/search/"><input type="text" name="q" value="请输入关键字" onfocus="if(this.value==this.defaultValue)this.value=''"><button type="submit">搜索</button></form>`
      : html`<form class="search" action="/search/" role="search"><label for="q" class="sr">站内搜索</label><input id="q" type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form>`;
}

function assistLinks(ctx: RenderContext): Html | string {
  return ctx.portal.elderlyMode
    ? html`<a href="javascript:void(0)" id="assist-open" onclick="govAssist()">无障碍浏览</a> | <a href="javascript:void(0)" onclick="govAssist('elder')">长者模式</a> | `
    : '';
}

function breadcrumb(items: Array<{ text: string; href: string }>): Html {
  return html`<div class="wrap crumb">当前位置：<a href="/">首页</a>${items.map((i) => html` &gt; <a href="${i.href}">${i.text}</a>`)}</div>`;
}

/** © does not exist in GBK: old sites write "Copyright" instead. */
function legacyCopyright(legacy: boolean): string {
  return legacy ? 'Copyright ' : '© ';
}

function footer(ctx: RenderContext, article: boolean): Html {
  const p = ctx.portal;
  const police = p.police && !(article && p.linkPlants?.articleWithoutPolice);
  const ad = p.linkPlants?.adScript ? html`<script src="${ctx.url(`@interaction${standIns.adScript}`)}"></script>` : '';
  const year = Number(p.asOf.slice(0, 4));
  const lowContrast = p.accessibility.lowContrastFooter ? ' low' : '';
  // The planted low contrast is inline under a skin: the classic stylesheet's .footer rule does not reach a
  // skin's class names, and the defect must be there whatever the markup (truth: accessibility.planted).
  const plantedStyle = p.accessibility.lowContrastFooter && !ctx.skin.classic ? raw(' style="background:#eeeeee;color:#c4c4c4"') : '';
  return html`<div class="footer${lowContrast}"${plantedStyle}><div class="wrap">
<a href="${ctx.url(`@interaction${standIns.badge}?id=${p.siteIdCode}`)}" class="badge"><img src="/images/dzjg.svg"${p.accessibility.imagesWithoutAlt ? '' : raw(' alt="党政机关"')} width="46" height="56"></a>
<p><a href="/about.html">关于本站</a> | <a href="/sitemap.html">网站地图</a> | <a href="/contact.html">联系我们</a></p>
<p>主办单位：${p.name}　承办单位：${p.name}办公室　版权所有 ${legacyCopyright(p.cms === 'legacy')}2005-${year}</p>
<p>网站标识码：${p.siteIdCode}　<a href="${ctx.url(`@interaction${standIns.icp}`)}">${p.icp}</a>${police ? html`　<a href="${ctx.url(`@interaction${standIns.police}?recordcode=${p.police.replace(/\D/g, '')}`)}">${p.police}</a>` : ''}</p>
<p>地址：${p.region}人民路${ctx.stableNumber('addr', 3)}号　邮编：31${ctx.stableNumber('zip', 4)}　建议使用1366×768分辨率浏览</p>
${backToTop(p)}${ad}</div></div>`;
}
