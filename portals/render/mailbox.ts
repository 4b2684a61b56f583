import { type Html, html } from '../../reports/html.js';
import { formatDate } from '../model/dates.js';
import type { Letter, Mailbox } from '../model/types.js';
import type { RenderContext } from './context.js';
import { page } from './layout.js';

/** Strips the symbolic host: pages on the interaction platform are served under their path. */
export function hostPath(u: string): string {
  return u.replace(/^@[a-z]+/, '');
}

/** Mailbox pages keyed by path, for the host that serves them (portal or interaction platform). */
export function mailboxPages(
  ctx: RenderContext,
  m: Mailbox,
): { portal: Map<string, (q: URLSearchParams) => string>; platform: Map<string, (q: URLSearchParams) => string> } {
  const onPlatform = m.placement === 'iframe';
  const wrap = (title: string, body: Html) =>
    onPlatform
      ? platformPage(ctx, title, body)
      : page(ctx, {
          title,
          body: html`<div class="wrap">${body}</div>`,
          breadcrumb: [
            { text: '互动交流', href: m.entryPath },
            { text: title, href: '#' },
          ],
        });
  const lists = new Map<string, (q: URLSearchParams) => string>();
  lists.set(hostPath(m.listPath), (q) => wrap(m.name, letterList(m, Number(q.get('page') ?? 1))));
  for (const letter of m.letters) lists.set(hostPath(letter.path), () => wrap(letter.title, letterDetail(m, letter)));
  const entry = onPlatform
    ? html`<div class="wrap"><h2 class="column-title">${m.name}</h2><iframe src="${ctx.url(m.listPath)}" title="${m.name}" width="100%" height="900" frameborder="0" scrolling="auto"></iframe></div>`
    : html`<div class="wrap"><h2 class="column-title">互动交流</h2><div class="quick"><a href="${m.listPath}">${m.name}</a><a href="/hdjl/login.html">我要写信</a><a href="/hdjl/login.html">信件查询</a></div>${letterList(m, 1)}</div>`;
  const portal = new Map<string, (q: URLSearchParams) => string>();
  portal.set(m.entryPath, () => page(ctx, { title: '互动交流', body: entry, breadcrumb: [{ text: '互动交流', href: m.entryPath }] }));
  portal.set('/hdjl/login.html', () =>
    page(ctx, {
      title: '用户登录',
      body: html`<div class="wrap"><form class="login" method="post" action="/hdjl/login.do"><label>用户名 <input name="u"></label><label>密码 <input name="p" type="password"></label><label>验证码 <input name="c"></label><button>登录</button></form></div>`,
    }),
  );
  if (onPlatform) return { portal, platform: lists };
  for (const [k, v] of lists) portal.set(k, v);
  return { portal, platform: new Map() };
}

function letterList(m: Mailbox, pageNo: number): Html {
  const total = Math.max(1, Math.ceil(m.letters.length / m.pageSize));
  const letters = m.letters.slice((pageNo - 1) * m.pageSize, pageNo * m.pageSize);
  const base = hostPath(m.listPath);
  const link = (n: number, text: string) => (n < 1 || n > total || n === pageNo ? html`<span>${text}</span>` : html`<a href="${base}?page=${n}">${text}</a>`);
  const rows = letters.map(
    (l) =>
      html`<tr><td>${l.id}</td><td class="title"><a href="${hostPath(l.path)}" target="_blank">${l.title}</a></td><td>${formatDate(l.received, 'iso')}</td><td>${l.status}</td>${m.listShowsReplyDate ? html`<td>${l.replied ? formatDate(l.replied, 'iso') : ''}</td>` : ''}</tr>\n`,
  );
  return html`<table class="letters" width="100%"><thead><tr><th>信件编号</th><th>标题</th><th>${m.receivedLabel}</th><th>办理状态</th>${m.listShowsReplyDate ? html`<th>${m.repliedLabel}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table>
<div class="pager">共${m.letters.length}封 第${pageNo}/${total}页 ${link(1, '首页')} ${link(pageNo - 1, '上一页')} ${link(pageNo + 1, '下一页')} ${link(total, '尾页')}</div>`;
}

function letterDetail(m: Mailbox, l: Letter): Html {
  const field = (name: string, value: string) => (m.detailFields.includes(name as never) ? html`<tr><th>${name}</th><td>${value}</td></tr>` : '');
  const reply = l.replied
    ? html`${field('受理日期', formatDate(l.received, 'iso'))}${field('答复日期', formatDate(l.replied, 'iso'))}${field('答复部门', l.department)}${m.detailFields.includes('答复内容') ? html`<tr><th>答复内容</th><td>${l.answer}</td></tr>` : ''}`
    : html`<tr><th>办理情况</th><td>该信件正在办理中，请耐心等待。</td></tr>`;
  return html`<table class="letter" width="100%"><tr><th>信件编号</th><td>${l.id}</td></tr><tr><th>信件标题</th><td>${l.title}</td></tr><tr><th>${m.receivedLabel}</th><td>${formatDate(l.received, 'iso')}</td></tr><tr><th>办理状态</th><td>${l.status}</td></tr><tr><th>来信内容</th><td>${l.question}</td></tr>${reply}</table>`;
}

/** The interaction platform's own plain template (another vendor, another look). */
export function platformPage(ctx: RenderContext, title: string, body: Html): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html`${title}`}-${html`${ctx.portal.name}`}互动交流平台</title><link rel="stylesheet" href="/platform.css"></head><body><div class="platform">${html`<h1>${title}</h1>${body}`}</div></body></html>`;
}
