import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { importTable } from '../../../server/cli/import.js';
import { Store } from '../../../server/store/store.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const fixtures = new URL('../../fixtures/reporting/', import.meta.url).pathname;
const education = '11370100012'; // 市教育局: R5 (adoption rate) 18.75 of 20
const police = '11370100020'; // 市公安局
const password = 'correct horse battery';

/** A browser-like client over inject: keeps cookies, fetches a CSRF token for its POSTs (a JSON API client). */
function client(app: FastifyInstance) {
  const b = injectBrowser(app, password);
  return {
    get: b.get,
    post: async (url: string, payload: object = {}, options: { csrf?: boolean } = {}) =>
      b.send('POST', url, payload, options.csrf !== false ? { 'x-csrf-token': await b.csrfToken() } : {}),
    login: b.login,
  };
}

describe('the web service: three audiences that never see each other’s data', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let runId: string;

  beforeAll(async () => {
    dir = await tempDir('server');
    const db = join(dir, 'govscore.db');
    const [run] = await importTable({
      table: join(fixtures, 'city-2026q3-utf8.csv'),
      db,
      indicators: 'info-reporting',
      out: join(dir, 'out'),
      log: () => undefined,
    });
    runId = run!.runId;
    store = new Store(db);
    await store.accounts.add({ login: 'staff', name: '评估办张三', role: 'evaluator', password });
    await store.accounts.add({ login: 'edu', name: '市教育局', role: 'department', password, sites: [education] });
    await store.accounts.add({ login: 'police', name: '市公安局', role: 'department', password, sites: [police] });
    app = await buildApp({ store, dbFile: db, dataDir: dir });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  it('keeps unpublished results from the public and staff routes from anyone not logged in', async () => {
    const anyone = client(app);
    expect((await anyone.get('/api/public/runs')).json()).toEqual([]);
    expect((await anyone.get(`/api/public/runs/${runId}`)).statusCode).toBe(404);
    expect((await anyone.get(`/runs/${runId}`)).statusCode).toBe(404);
    for (const url of [
      '/api/staff/runs',
      `/api/staff/runs/${runId}`,
      '/api/staff/audit',
      '/api/department/sites',
      `/api/department/runs/${runId}/sites/${education}`,
    ]) {
      expect((await anyone.get(url)).statusCode, url).toBe(401);
    }
    expect((await anyone.post(`/api/staff/runs/${runId}/publish`)).statusCode).toBe(401);
  });

  it('refuses a wrong password, a POST without its CSRF token, and a sixth login try within a minute', async () => {
    const guesser = client(app);
    expect((await guesser.post('/login', { login: 'edu', password: 'wrong-password' })).statusCode).toBe(401);
    expect((await guesser.post('/login', { login: 'edu', password }, { csrf: false })).statusCode).toBe(403);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guesser.post('/login', { login: 'nobody', password: 'wrong-password' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Another account from the same address is not locked out by it.
    expect((await guesser.post('/login', { login: 'police', password })).statusCode).toBe(200);
  });

  it('shows a department its own site only; another site’s id in the URL or body is refused like a missing one', async () => {
    const edu = client(app);
    await edu.login('edu');
    const mine = (await edu.get('/api/department/sites')).json() as Array<{ siteId: string }>;
    expect(mine.map((s) => s.siteId)).toEqual([education]);
    const own = await edu.get(`/api/department/runs/${runId}/sites/${education}`);
    expect(own.statusCode).toBe(200);
    expect((own.json() as { score: { score: number } }).score.score).toBe(82.75);
    expect((await edu.get(`/api/department/runs/${runId}/sites/${police}`)).statusCode).toBe(404);
    expect((await edu.get(`/api/department/runs/${runId}/sites/no-such-site`)).statusCode).toBe(404);
    expect((await edu.post(`/api/department/runs/${runId}/sites/${police}/appeals`, { indicator: 'R5', text: '我们的采用数统计有误' })).statusCode).toBe(404);
    expect((await edu.get('/api/staff/runs')).statusCode).toBe(403);
    expect((await edu.post(`/api/staff/runs/${runId}/publish`)).statusCode).toBe(403);
  });

  it('a department appeals; staff accept; the indicator is overridden and the score recomputed; every step is audited', async () => {
    const edu = client(app);
    await edu.login('edu');
    expect(
      (
        await edu.post(
          `/api/department/runs/${runId}/sites/${education}/appeals`,
          { indicator: 'R5', text: '三季度另有2条被省办采用，未计入' },
          { csrf: false },
        )
      ).statusCode,
    ).toBe(403);
    const filed = await edu.post(`/api/department/runs/${runId}/sites/${education}/appeals`, { indicator: 'R5', text: '三季度另有2条被省办采用，未计入' });
    expect(filed.statusCode, filed.body).toBe(201);
    const appeal = filed.json() as { id: number; status: string };
    expect(appeal.status).toBe('open');
    // The other department does not see it.
    const police_ = client(app);
    await police_.login('police');
    expect((await police_.get(`/api/department/runs/${runId}/appeals`)).json()).toEqual([]);

    const staff = client(app);
    await staff.login('staff');
    expect(((await staff.get(`/api/staff/runs/${runId}/appeals`)).json() as Array<{ id: number }>).map((a) => a.id)).toEqual([appeal.id]);
    const accepted = await staff.post(`/api/staff/appeals/${appeal.id}/accept`, { reason: '核实省办采用记录，申诉成立' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // R5 restored to its 20 points: 82.75 − 18.75 + 20 = 84.
    const after = (await edu.get(`/api/department/runs/${runId}/sites/${education}`)).json() as {
      score: { score: number; indicators: Array<{ id: string; override?: { by: string } }> };
    };
    expect(after.score.score).toBe(84);
    expect(after.score.indicators.find((i) => i.id === 'R5')!.override?.by).toBe('评估办张三');
    expect((await staff.post(`/api/staff/appeals/${appeal.id}/reject`, { reason: '重复处理' })).statusCode).toBe(404);
    const actions = ((await staff.get('/api/staff/audit')).json() as Array<{ action: string }>).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['login', 'login-failed', 'appeal', 'appeal-accepted']));
  });

  it('publishes a run: the public then sees the ranking, escaped, and no findings or evidence', async () => {
    const staff = client(app);
    await staff.login('staff');
    expect((await staff.post(`/api/staff/runs/${runId}/publish`)).statusCode).toBe(200);
    const anyone = client(app);
    expect(((await anyone.get('/api/public/runs')).json() as Array<{ id: string }>).map((r) => r.id)).toEqual([runId]);
    const ranking = (await anyone.get(`/api/public/runs/${runId}`)).json() as { ranking: Array<Record<string, unknown>> };
    expect(ranking.ranking).toHaveLength(7);
    expect(Object.keys(ranking.ranking[0]!).sort()).toEqual(['grade', 'group', 'name', 'passed', 'rank', 'score', 'status']);
    const page = await anyone.get(`/runs/${runId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('市教育局');
  });

  it('describes every route in OpenAPI at /docs', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/public/runs', '/api/department/runs/{runId}/sites/{siteId}/appeals', '/api/staff/appeals/{id}/accept', '/login']),
    );
  });
});
