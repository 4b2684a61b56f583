import type { FastifyInstance } from 'fastify';

const json = /^application\/(?:[\w.+-]+\+)?json\b/i;
const htmlType = /^text\/html\b/i;

/**
 * Who may keep an answer, decided here once rather than per route. JSON is never stored and never sniffed
 * (a department's findings, an error naming a run). Whatever an account sees, or whatever sets a cookie
 * (the login page's CSRF secret), is not stored either: a shared proxy would hand it to the next person,
 * and the browser's back button would show it after logout. Such an HTML page is no-store even if a route
 * said otherwise; another answer keeps a route's own choice (evidence: private, for a day). Public pages
 * set nothing and stay cacheable.
 */
export function cacheHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (json.test(type) || htmlType.test(type)) reply.header('x-content-type-options', 'nosniff');
    const personal = request.user !== null || reply.hasHeader('set-cookie');
    if (json.test(type) || (personal && htmlType.test(type)) || (personal && !reply.hasHeader('cache-control'))) reply.header('cache-control', 'no-store');
    return payload;
  });
}
