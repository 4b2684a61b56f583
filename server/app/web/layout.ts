import type { FastifyReply, FastifyRequest } from 'fastify';

import { type Html, html, raw } from '../../../reports/html.js';
import type { User } from '../../store/accounts.js';

/**
 * The frame of every web page: Chinese, one column on a phone, a skip link and landmarks for screen
 * readers, and a navigation that shows each audience only its own part. No inline script anywhere:
 * the Content-Security-Policy allows scripts from /assets only, so crawled text that slipped through
 * escaping still could not run.
 */
export function webPage(title: string, body: Html, options: { user: User | null; csrf: string; scripts?: string[] }): string {
  const user = options.user;
  const nav = html`<nav aria-label="主导航"><a class="brand" href="/">政府网站绩效评估</a>
${user && user.role !== 'department' ? html`<a href="/staff">评估工作台</a><a href="/staff/campaigns/new">新建评估</a><a href="/staff/appeals">申诉处理</a>` : ''}
${user?.role === 'department' ? html`<a href="/department">我的网站</a><a href="/department/warnings">预警信息</a>` : ''}
${user ? html`<span class="who">${user.name}</span><a href="/account/password">修改密码</a><form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${options.csrf}"><button type="submit" class="link">退出</button></form>` : html`<a href="/login">登录</a>`}</nav>`;
  const scripts = (options.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html`${title}`} · 政府网站绩效评估</title><link rel="stylesheet" href="/assets/app.css">${html`${scripts}`}</head><body><a class="skip" href="#main">跳到正文</a><header class="top">${nav}</header><main id="main">${body}</main><footer class="bottom"><p>govscore 政府网站绩效评估 · <a href="/docs">接口文档</a></p></footer></body></html>`;
}

/** Scripts only from our own /assets (vega needs eval for its expressions); no framing; forms post here only. */
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/** Sends a web page with its security headers. */
export function sendPage(reply: FastifyReply, markup: string, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', contentSecurityPolicy)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .type('text/html; charset=utf-8')
    .send(markup);
}

/** A page for the request's user with a fresh CSRF token for its forms. */
export function render(
  request: FastifyRequest,
  reply: FastifyReply,
  title: string,
  body: (csrf: string) => Html,
  options: { status?: number; scripts?: string[] } = {},
): FastifyReply {
  const csrf = reply.generateCsrf();
  return sendPage(reply, webPage(title, body(csrf), { user: request.user, csrf, scripts: options.scripts }), options.status);
}

/** A short notice page (not found, not allowed) in the same frame. */
export function notice(request: FastifyRequest, reply: FastifyReply, status: number, title: string, text: string): FastifyReply {
  return render(request, reply, title, () => html`<h1>${title}</h1><p>${text}</p>`, { status });
}

/** Whether a request came from one of our HTML forms (not a JSON API client). */
export function fromForm(request: FastifyRequest): boolean {
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(request.headers['content-type'] ?? '');
}

/** Web pages of a role: not logged in → the login page (and back after); another role → 403 page. */
export function pageGuard(...roles: User['role'][]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.user) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    if (!roles.includes(request.user.role)) return notice(request, reply, 403, '无权访问', '您的账号不能查看此页面。');
  };
}

/** A wide table that scrolls sideways on a phone: focusable and named, so keyboard users can scroll it too. */
export const scroll = (table: Html, name: string): Html =>
  html`<div class="scroll" tabindex="0" role="region" aria-label="${`${name}（表格）`}">${table}</div>`;

/** A hidden CSRF field for a form. */
export const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

export { raw };

/** The `code` of a thrown error (Fastify's FST_…), if it has one. */
export const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
