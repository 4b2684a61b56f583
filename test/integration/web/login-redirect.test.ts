import { join } from 'node:path';

import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { sessionCookie } from '../../../server/app/auth.js';
import { Store } from '../../../server/store/store.js';
import { tempDir } from '../cli-helpers.js';

const password = 'correct horse battery';
const origin = 'https://govscore.example';

describe('the login form’s next page: ours as a browser reads it, or the role’s home', () => {
  let store: Store;
  let app: FastifyInstance;
  let tries = 0;

  beforeAll(async () => {
    store = new Store(join(await tempDir('login-redirect'), 'govscore.db'));
    await store.accounts.add({ login: 'staff', name: '评估办', role: 'evaluator', password });
    await store.accounts.add({ login: 'edu', name: '市教育局', role: 'department', password, sites: ['edu'] });
    app = await buildApp({ store, dbFile: ':memory:', dataDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  /** The login form as a browser submits it, from an address of its own (the rate limit allows five tries a minute). */
  async function formLogin(login: string, next: string) {
    const remoteAddress = `10.0.${Math.floor(++tries / 250)}.${tries % 250}`;
    const page = await app.inject({ method: 'GET', url: '/login', remoteAddress });
    const cookies = Object.fromEntries((page.cookies as Array<{ name: string; value: string }>).map((c) => [c.name, c.value]));
    const _csrf = load(page.body)('form[action="/login"] input[name=_csrf]').val() as string;
    return app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress,
      cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf, login, password, next }).toString(),
    });
  }

  it('sends hostile values home after a successful login: no other host, no 500', async () => {
    const hostile = [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '/\r\nSet-Cookie: x=1',
      '/\x0b/evil.example',
      '/\x0c/evil.example',
      '/\x00/evil.example',
      '/\x7f/evil.example',
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '/\\/evil.example',
      '\\\\evil.example',
      '/.//evil.example',
      '/..//evil.example',
      'https://evil.example/',
      'http:evil.example',
      'javascript:alert(1)',
      ' /staff',
      'staff',
      '',
      `/${'a'.repeat(2500)}`,
    ];
    for (const next of hostile)
      for (const [login, home] of [
        ['staff', '/staff'],
        ['edu', '/department'],
      ] as const) {
        const response = await formLogin(login, next);
        expect(response.statusCode, JSON.stringify(next)).toBe(303);
        expect(response.headers.location, JSON.stringify(next)).toBe(home);
        expect(response.cookies.some((c: { name: string }) => c.name === sessionCookie)).toBe(true);
      }
  });

  it('follows a path of ours, as the URL parser writes it: encoded forms stay encoded, on our host', async () => {
    const ours: Array<[string, string]> = [
      ['/staff/runs/r1?tab=2#sites', '/staff/runs/r1?tab=2#sites'],
      ['/%09/evil.example', '/%09/evil.example'],
      ['/%5C%5Cevil.example', '/%5C%5Cevil.example'],
      ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
      ['/%0d%0aSet-Cookie:%20x=1', '/%0d%0aSet-Cookie:%20x=1'],
      ['/staff/./runs/../appeals', '/staff/appeals'],
      ['/department/评估?名=值', '/department/%E8%AF%84%E4%BC%B0?%E5%90%8D=%E5%80%BC'],
      [`/staff/${'a'.repeat(1900)}`, `/staff/${'a'.repeat(1900)}`],
    ];
    for (const [next, location] of ours) {
      const response = await formLogin('staff', next);
      expect(response.statusCode, next).toBe(303);
      expect(response.headers.location, next).toBe(location);
      expect(new URL(String(response.headers.location), origin).origin).toBe(origin);
    }
  });
});
