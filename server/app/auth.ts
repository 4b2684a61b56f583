import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { Role, User } from '../store/accounts.js';
import type { Store } from '../store/store.js';

export const sessionCookie = 'govscore_session';

/** Opens a session for the account and gives this browser its cookie (8 hours, like the session itself). */
export function startSession(reply: FastifyReply, store: Store, userId: number, secureCookies: boolean): void {
  const token = store.accounts.openSession(userId);
  reply.setCookie(sessionCookie, token, { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/', maxAge: 8 * 3600 });
}

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

/** Reads the session cookie on every request: `request.user` is the account, or null for the public. */
export function sessionHook(app: FastifyInstance, store: Store): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    request.user = store.accounts.sessionUser(request.cookies[sessionCookie]);
  });
}

/**
 * A guard for one audience: no session → 401, another role → 403. Departments are further limited to
 * their own sites by `ownSite` in their routes.
 */
export function requireRole(...allowed: Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.user) return reply.code(401).send({ error: '请先登录' });
    if (!allowed.includes(request.user.role)) return reply.code(403).send({ error: '无权访问' });
  };
}

/** Whether a department account may see a site; staff see all. */
export function maySee(user: User, siteId: string): boolean {
  return user.role !== 'department' || user.sites.includes(siteId);
}
