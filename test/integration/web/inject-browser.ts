import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/**
 * A browser over Fastify's inject, shared by the web service's tests: it keeps the cookies the app sets
 * (session, CSRF secret) and sends them back, posts urlencoded and multipart forms as a browser does, and
 * logs in through the JSON login with a token from /api/csrf.
 */
export function injectBrowser(app: FastifyInstance, password: string) {
  const jar = new Map<string, string>();
  const send = async (
    method: 'GET' | 'POST',
    url: string,
    payload?: string | Buffer | object,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> => {
    const response = await app.inject({ method, url, payload, headers, cookies: Object.fromEntries(jar) });
    for (const c of response.cookies as Array<{ name: string; value: string }>) jar.set(c.name, c.value);
    return response;
  };
  const get = (url: string) => send('GET', url);
  const csrfToken = async () => ((await get('/api/csrf')).json() as { token: string }).token;
  return {
    send,
    get,
    csrfToken,
    form: (url: string, fields: Record<string, string>) =>
      send('POST', url, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' }),
    multipart: async (url: string, fields: Array<[string, string | File]>) => {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      // Serialized as a browser would send it (boundary and all).
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      return send('POST', url, Buffer.from(await request.arrayBuffer()), { 'content-type': request.headers.get('content-type')! });
    },
    login: async (login: string) => {
      const response = await send('POST', '/login', { login, password }, { 'x-csrf-token': await csrfToken() });
      expect(response.statusCode, response.body).toBe(200);
      return response;
    },
  };
}
