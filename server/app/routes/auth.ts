import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';

import { html } from '../../../reports/html.js';
import type { Role } from '../../store/accounts.js';
import { sessionCookie, startSession } from '../auth.js';
import type { RouteContext } from '../route-context.js';
import { ErrorReply } from '../schemas.js';
import { csrfField, fromForm, render } from '../web/layout.js';

const Login = Type.Object({
  login: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  // Longer than `landing` follows, so a long one still logs in (and goes home) rather than failing validation.
  next: Type.Optional(Type.String({ maxLength: 8000 })),
  _csrf: Type.Optional(Type.String()),
});
const LoginQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 8000 })) });
const LoggedIn = Type.Object({ user: Type.Object({ login: Type.String(), name: Type.String(), role: Type.String(), sites: Type.Array(Type.String()) }) });

/** The login a request's body names, before validation (the rate limit counts tries per address and login). */
const loginOf = (body: unknown): string => (typeof body === 'object' && body !== null && 'login' in body && typeof body.login === 'string' ? body.login : '');

const placeholder = 'http://placeholder.invalid';

/**
 * Where a form login goes on: the page asked for if it is one of ours, else the role's home. "Ours" as a
 * browser reads it: the URL parser drops tabs and newlines and takes a backslash for "/", so "/\t/evil.example"
 * is "//evil.example", another host. So: a path of at most 2000 characters with no control character or
 * backslash, that parses with the placeholder's origin, sent on as the parser wrote it (percent-encoded,
 * so always a valid header). Anything else is not an error: the login still goes on, to the role's home.
 */
function landing(role: Role, next: string | undefined): string {
  const home = role === 'department' ? '/department' : '/staff';
  if (!next?.startsWith('/') || next.length > 2000 || /[\u0000-\u001f\u007f\\]/.test(next) || !URL.canParse(next, placeholder)) return home;
  const url = new URL(next, placeholder);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" parses to the path "//evil", which a browser reads as a host again.
  return url.origin === placeholder && !path.startsWith('//') ? path : home;
}

function loginForm(csrf: string, next: string | undefined, error: string | null) {
  return html`<h1>登录</h1><p class="meta">评估工作人员和各部门网站负责人使用本单位分配的账号登录。</p>${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/login" class="card">${csrfField(csrf)}${next ? html`<input type="hidden" name="next" value="${next}">` : ''}
<label for="login">账号</label><input id="login" type="text" name="login" autocomplete="username" required>
<label for="password">密码</label><input id="password" type="password" name="password" autocomplete="current-password" required>
<p><button type="submit">登录</button></p></form>`;
}

/** Login (rate limited: 5 tries a minute per address and login), logout, and the CSRF token forms and API clients send back. */
export function authRoutes({ store, secureCookies }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/csrf',
      {
        schema: {
          tags: ['auth'],
          summary: 'a CSRF token for the next POST (header x-csrf-token or form field _csrf)',
          response: { 200: Type.Object({ token: Type.String() }) },
        },
      },
      async (_request, reply) => ({ token: reply.generateCsrf() }),
    );

    app.get('/login', { schema: { tags: ['auth'], summary: '登录页面', hide: true, querystring: LoginQuery } }, async (request, reply) =>
      render(request, reply, '登录', (csrf) => loginForm(csrf, request.query.next, null)),
    );

    app.post(
      '/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'log in; sets the session cookie (a form is sent on to its page: 303)',
          body: Login,
          response: { 200: LoggedIn, '4xx': ErrorReply },
        },
        config: {
          // Per address and login: guessing one account is slowed, and nobody can lock out everyone.
          rateLimit: {
            max: 5,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (request: FastifyRequest) => `${request.ip}|${loginOf(request.body)}`,
          },
        },
        preValidation: app.csrfProtection,
      },
      async (request, reply) => {
        const { login, password, next } = request.body;
        const user = await store.accounts.authenticate(login, password);
        if (!user) {
          store.reviews.audit(null, 'login-failed', `login:${login}`);
          if (fromForm(request)) return render(request, reply, '登录', (csrf) => loginForm(csrf, next, '账号或密码错误。'), { status: 401 });
          return reply.code(401).send({ error: '账号或密码错误' });
        }
        startSession(reply, store, user.id, secureCookies);
        store.reviews.audit(user.id, 'login', `user:${user.id}`);
        if (fromForm(request)) return reply.redirect(landing(user.role, next), 303);
        return { user: { login: user.login, name: user.name, role: user.role, sites: user.sites } };
      },
    );

    app.post(
      '/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'log out (a form is sent on to the home page: 303)',
          response: { 200: Type.Object({ ok: Type.Literal(true) }), '4xx': ErrorReply },
        },
        preValidation: app.csrfProtection,
      },
      async (request, reply) => {
        store.accounts.closeSession(request.cookies[sessionCookie]);
        reply.clearCookie(sessionCookie, { path: '/' });
        if (fromForm(request)) return reply.redirect('/', 303);
        return { ok: true } as const;
      },
    );
  };
}
