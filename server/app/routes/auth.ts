import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { html } from '../../../reports/html.js';
import { page } from '../../../reports/html-parts.js';
import { sessionCookie } from '../auth.js';
import type { RouteContext } from '../app.js';

const Login = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }), _csrf: Type.Optional(Type.String()) });

/** Login (rate limited: 5 tries a minute per address and login), logout, and the CSRF token forms and API clients send back. */
export function authRoutes({ store, secureCookies }: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/csrf', { schema: { tags: ['auth'], summary: 'a CSRF token for the next POST (header x-csrf-token or form field _csrf)' } }, async (_request, reply) => ({ token: reply.generateCsrf() }));

    app.get('/login', { schema: { tags: ['auth'], summary: '登录页面', hide: true } }, async (_request, reply) => {
      const token = reply.generateCsrf();
      return reply.type('text/html').send(page('登录', html`<h1>政府网站绩效评估 · 登录</h1><form method="post" action="/login"><input type="hidden" name="_csrf" value="${token}"><p><label>账号 <input name="login" autocomplete="username" required></label></p><p><label>密码 <input name="password" type="password" autocomplete="current-password" required></label></p><p><button type="submit">登录</button></p></form>`));
    });

    app.post(
      '/login',
      { schema: { tags: ['auth'], summary: 'log in; sets the session cookie', body: Login }, config: {
          // Per address and login: guessing one account is slowed, and nobody can lock out everyone.
          rateLimit: { max: 5, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (request: FastifyRequest) => `${request.ip}|${(request.body as { login?: string } | undefined)?.login ?? ''}` },
        }, onRequest: app.csrfProtection },
      async (request, reply) => {
        const { login, password } = request.body as { login: string; password: string };
        const user = await store.accounts.authenticate(login, password);
        if (!user) {
          store.reviews.audit(null, 'login-failed', `login:${login}`);
          return reply.code(401).send({ error: '账号或密码错误' });
        }
        const token = store.accounts.openSession(user.id);
        store.reviews.audit(user.id, 'login', `user:${user.id}`);
        reply.setCookie(sessionCookie, token, { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/', maxAge: 8 * 3600 });
        return { user: { login: user.login, name: user.name, role: user.role, sites: user.sites } };
      },
    );

    app.post('/logout', { schema: { tags: ['auth'], summary: 'log out' }, onRequest: app.csrfProtection }, async (request, reply) => {
      store.accounts.closeSession(request.cookies[sessionCookie]);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true };
    });
  };
}
