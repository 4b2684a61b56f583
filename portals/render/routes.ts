import { html } from '../../reports/html.js';
import type { Item } from '../model/types.js';
import { articlePage } from './article.js';
import { assets } from './assets.js';
import type { RenderContext, Reply } from './context.js';
import { disclosurePages } from './disclosure.js';
import { groupPage, homepage, simplePage, sitemapPage } from './homepage.js';
import { legacyListPage, queryListPage, trsListPage } from './list-page.js';
import { pageCount } from './list-rows.js';
import { catalogueApi, cataloguePage, hanwebColumnPage, hanwebDataProxy } from './list-scripted.js';
import { mailboxPages } from './mailbox.js';
import { planted } from './page-defects.js';
import { searchReply } from './search.js';
import { guidePage, servicesIndex } from './services.js';
import { navFrame } from './skin/nav.js';
import { attachmentLink, onePagePdf, textAttachments } from './text-attachments.js';

type Handler = (query: URLSearchParams) => Reply;
const htmlReply = (body: string): Reply => ({ status: 200, type: 'text/html', body });

/**
 * Every URL a portal answers, as path → handler. Pages are rendered on request from the model, so a
 * 200-page portal costs nothing until it is crawled. Unknown paths are 404 (the planted dead links).
 */
export function portalRoutes(ctx: RenderContext): Map<string, Handler> {
  const p = ctx.portal;
  const routes = new Map<string, Handler>();
  const add = (path: string, render: (q: URLSearchParams) => string) => routes.set(path, (q) => htmlReply(render(q)));

  add(p.behaviour.homepageRedirect ?? '/', () => homepage(ctx));
  if (p.behaviour.homepageRedirect) routes.set('/', () => ({ status: 302, type: 'text/html', body: '', headers: { Location: p.behaviour.homepageRedirect! } }));
  else add('/index.html', () => homepage(ctx));

  if (p.cms === 'legacy') add('/channel.asp', (q) => groupPage(ctx, Number(q.get('id')) - 1) ?? '');
  else ctx.groups().forEach((g, i) => add(g.path, () => groupPage(ctx, i)!));

  addColumns(ctx, routes, add);
  const articleLinks = plantedArticleLinks(ctx);
  const firstItem = p.columns.find((c) => c.items.length > 0)?.items[0];
  // The articles that link a planted attachment (text checks), and the files themselves.
  const attachments = textAttachments(p);
  for (const a of attachments.values()) routes.set(a.path, () => ({ status: 200, type: 'application/pdf', body: onePagePdf(a.text) }));
  const extraFor = (item: Item) => html`${item === firstItem ? articleLinks : ''}${attachmentLink(attachments.get(item))}`;
  for (const column of p.columns) {
    for (const item of column.items) {
      const extra = extraFor(item);
      if (p.cms === 'legacy') continue;
      add(item.path, () => articlePage(ctx, column, item, extra));
    }
  }
  if (p.cms === 'legacy') {
    const byId = new Map<string, { item: Item; column: (typeof p.columns)[number] }>();
    for (const column of p.columns) for (const item of column.items) byId.set(String(item.id), { item, column });
    routes.set('/news/show.asp', (q) => {
      const hit = byId.get(q.get('id') ?? '');
      if (!hit) return { status: 404, type: 'text/html', body: '<h1>404</h1>' };
      return htmlReply(articlePage(ctx, hit.column, hit.item, extraFor(hit.item)));
    });
  }

  if (p.disclosure) for (const [path, render] of disclosurePages(ctx, p.disclosure)) add(path, render);
  if (p.mailbox) for (const [path, render] of mailboxPages(ctx, p.mailbox).portal) add(path, render);
  if (p.services && p.servicesPath) {
    add(p.servicesPath, () => servicesIndex(ctx, p.services!));
    for (const g of p.services) {
      add(g.path, () => guidePage(ctx, g));
      for (const a of g.attachments) if (a.ok) routes.set(a.path, () => attachment(a.name));
    }
  }
  if (p.search !== 'absent') routes.set('/search/', (q) => searchReply(ctx, q.get('q') ?? ''));
  add('/sitemap.html', () => sitemapPage(ctx));
  if (ctx.skin.nav === 'iframe' && !ctx.skin.classic) add('/nav.html', () => navFrame(ctx));
  add('/about.html', () => simplePage(ctx, '关于本站', `${p.name}门户网站是${p.name}依法发布政府信息、提供在线服务、与公众互动交流的官方网站。`));
  add('/contact.html', () => simplePage(ctx, '联系我们', `网站运维电话：0571-8${ctx.stableNumber('ops', 7)}（工作日）`));
  for (const l of p.plantedLinks) {
    if (l.kind === 'http-500') routes.set(l.url, () => ({ status: 500, type: 'text/html', body: '<h1>500 Internal Server Error</h1>' }));
  }
  if (p.behaviour.robotsTxt !== null) {
    routes.set('/robots.txt', () => ({ status: 200, type: 'text/plain', body: `${p.behaviour.robotsTxt}Sitemap: ${ctx.origins.portal}/sitemap.xml\n` }));
    routes.set('/sitemap.xml', () => ({ status: 200, type: 'application/xml', body: sitemapXml(ctx) }));
  }
  for (const [path, file] of assets(p)) routes.set(path, () => ({ status: 200, ...file }));
  return routes;
}

function addColumns(ctx: RenderContext, routes: Map<string, Handler>, add: (path: string, render: (q: URLSearchParams) => string) => void): void {
  for (const column of ctx.portal.columns) {
    switch (column.style) {
      case 'trs': {
        const dir = column.path.replace(/index\.html$/, '');
        for (let i = 0; i < pageCount(column); i++) add(i === 0 ? column.path : `${dir}index_${i}.html`, () => trsListPage(ctx, column, i));
        break;
      }
      case 'hanweb':
        add(column.path, () => hanwebColumnPage(ctx, column));
        routes.set('/module/web/jpage/dataproxy.jsp', (q) => hanwebDataProxy(ctx, q));
        break;
      case 'query':
        add(column.path, (q) => queryListPage(ctx, column, clampPage(q, pageCount(column))));
        break;
      case 'legacy':
        break; // one handler below serves every classid
      case 'catalogue':
        add(column.path, () => cataloguePage(ctx, column));
        routes.set('/api/xxgk/list', (q) => catalogueApi(ctx, q));
        break;
    }
  }
  if (ctx.portal.columns.some((c) => c.style === 'legacy')) {
    routes.set('/news/list.asp', (q) => {
      const column = ctx.portal.columns.find((c) => String(c.numericId) === q.get('classid'));
      if (!column) return { status: 404, type: 'text/html', body: '<h1>404</h1>' };
      return htmlReply(legacyListPage(ctx, column, clampPage(q, pageCount(column))));
    });
  }
}

function clampPage(q: URLSearchParams, total: number): number {
  const n = Number(q.get('page') ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= total ? n : 1;
}

function plantedArticleLinks(ctx: RenderContext) {
  const links = ctx.portal.plantedLinks.filter((l) => l.foundOn === 'article');
  if (links.length === 0) return html``;
  const heading = planted(ctx.portal, 'bypass', 'article pages') ? html`<b>相关链接</b>` : html`<h3>相关链接</h3>`;
  return html`<div class="related">${heading}<ul>${links.map((l) => html`<li><a href="${ctx.url(l.url)}">${l.text}</a></li>`)}</ul></div>`;
}

/** Office files of plausible size: the checker should fetch them lightly, never open them in the browser. */
function attachment(name: string): Reply {
  const type = name.endsWith('.xls') ? 'application/vnd.ms-excel' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return {
    status: 200,
    type,
    body: Buffer.alloc(24_576, 0x20),
    headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` },
  };
}

function sitemapXml(ctx: RenderContext): string {
  const urls = ['/', ...ctx.portal.columns.map((c) => c.path)].map((u) => `<url><loc>${ctx.origins.portal}${u.replace(/&/g, '&amp;')}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`;
}
