import { html } from '../../reports/html.js';
import type { RenderContext, Reply } from './context.js';
import { page } from './layout.js';

/** Site search over titles; a 'broken' search answers 500 like an overloaded search appliance. */
export function searchReply(ctx: RenderContext, query: string): Reply {
  if (ctx.portal.search === 'broken') {
    return { status: 500, type: 'text/html', body: page(ctx, { title: '系统繁忙', body: html`<div class="wrap"><p>系统繁忙，请稍后再试。</p></div>` }) };
  }
  const q = query.trim();
  const hits = q
    ? ctx.portal.columns
        .flatMap((c) => c.items)
        .filter((i) => i.title.includes(q))
        .slice(0, 30)
    : [];
  const body = html`<div class="wrap"><h2 class="column-title">搜索“${q}”，共找到${hits.length}条结果</h2><ul class="list">${hits.map((i) => html`<li><a href="${i.path}">${i.title}</a><span class="date">${i.date ?? ''}</span></li>`)}</ul></div>`;
  return { status: 200, type: 'text/html', body: page(ctx, { title: '站内搜索', body }) };
}
