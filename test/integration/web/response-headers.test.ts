import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { Store } from '../../../server/store/store.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const password = 'correct horse battery';

describe('cache and sniffing headers: nothing personal or JSON is stored, public pages may be', () => {
  let store: Store;
  let app: FastifyInstance;
  let staff: ReturnType<typeof injectBrowser>, edu: ReturnType<typeof injectBrowser>, anyone: ReturnType<typeof injectBrowser>;

  beforeAll(async () => {
    const dir = await tempDir('response-headers');
    store = new Store(join(dir, 'govscore.db'));
    store.createRun({ id: 'r1', key: 'r1', name: '评估', asOf: '2026-06-30', sitesFile: '', sitesSha256: '', indicators: 'info-reporting', options: {} }, [
      { siteId: 'edu', position: 0, name: '市教育局', url: '', group: '市直部门', services: false, level: 'department' },
    ]);
    store.finishRun('r1');
    await mkdir(join(dir, 'evidence', 'r1', 'edu'), { recursive: true });
    await writeFile(join(dir, 'evidence', 'r1', 'edu', 'x.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    await store.accounts.add({ login: 'staff', name: '评估办', role: 'evaluator', password });
    await store.accounts.add({ login: 'edu', name: '市教育局', role: 'department', password, sites: ['edu'] });
    app = await buildApp({ store, dbFile: join(dir, 'govscore.db'), dataDir: dir });
    [staff, edu, anyone] = [injectBrowser(app, password), injectBrowser(app, password), injectBrowser(app, password)];
    await staff.login('staff');
    await edu.login('edu');
    // A visitor who has been here before: the CSRF cookie is already set, so public pages set no cookie.
    await anyone.get('/');
  });
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  const noStore = (response: LightMyRequestResponse, what: string) => {
    expect(response.headers['cache-control'], what).toBe('no-store');
  };

  it('sends every JSON answer — data, errors, the API description — no-store and nosniff, to anyone', async () => {
    const answers: Array<[ReturnType<typeof injectBrowser>, string, number]> = [
      [anyone, '/api/public/runs', 200],
      [anyone, '/api/public/runs/no-such-run', 404],
      [anyone, '/api/staff/runs', 401],
      [anyone, '/api/csrf', 200],
      [anyone, '/docs/json', 200],
      [staff, '/api/staff/runs', 200],
      [staff, '/api/staff/runs/BAD!', 400],
      [edu, '/api/department/sites', 200],
      [edu, '/api/staff/runs', 403],
      [edu, '/api/no-such-route', 404],
    ];
    for (const [who, url, status] of answers) {
      const response = await who.get(url);
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
      noStore(response, url);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      if (status >= 400) expect((response.json() as { error: string }).error, url).toMatch(/[\u4e00-\u9fff]/);
    }
    // An unknown address in a browser is a page in Chinese, not Fastify's English JSON.
    const page = await edu.get('/no-such-route');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('未找到该页面或资源');
  });

  it('sends pages seen while logged in no-store, the public’s pages without it, and keeps a route’s own choice for an image', async () => {
    for (const [who, url] of [
      [staff, '/staff'],
      [staff, '/staff/appeals'],
      [staff, '/'],
      [edu, '/department'],
      [edu, '/'],
      [edu, '/runs/no-such-run'],
    ] as const) {
      const response = await who.get(url);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      noStore(response, url);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
    // A redirect of a logged-in user is not stored either.
    noStore(await edu.get('/staff'), 'redirect');
    for (const url of ['/', '/runs/no-such-run']) expect((await anyone.get(url)).headers['cache-control'], url).toBeUndefined();
    // A first visit sets the CSRF cookie: that answer is not for anyone else.
    noStore(await app.inject({ method: 'GET', url: '/login' }), 'first visit');
    expect((await edu.get('/evidence/r1/edu/x.jpg')).headers['cache-control']).toBe('private, max-age=86400');
    expect((await anyone.get('/assets/app.css')).headers['cache-control']).toBe('public, max-age=3600');
  });
});
