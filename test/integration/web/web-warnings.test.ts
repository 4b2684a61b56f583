import { join } from 'node:path';

import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { EarlyWarning } from '../../../evaluators/early-warnings.js';
import { buildApp } from '../../../server/app/app.js';
import { Store } from '../../../server/store/store.js';
import { WarningTable } from '../../../server/store/warnings.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const password = 'correct horse battery';
const hostile = '<img src=x onerror=alert(1)>动态';

const column = (name: string, url: string, due: string, daysLeft: number): EarlyWarning => ({
  kind: 'column',
  indicator: 'V3',
  subject: url,
  name,
  due,
  daysLeft,
  message: `栏目“${name}”更新期限 14 天，还剩 ${daysLeft} 天`,
});

describe('预警信息: each department sees the early warnings of its own sites only', () => {
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = new Store(join(await tempDir('web-warnings'), 'govscore.db'));
    await store.accounts.add({ login: 'edu', name: '市教育局', role: 'department', password, sites: ['jyj'] });
    await store.accounts.add({ login: 'dev', name: '市发改委', role: 'department', password, sites: ['fgw'] });
    await store.accounts.add({ login: 'staff', name: '评估办', role: 'evaluator', password });
    const table = new WarningTable(store.db);
    // 学校动态 is found on the 10th and not on the 11th (closed); 教育要闻 on the 11th.
    table.recordCheck({ id: 'jyj', name: '某市教育局' }, [column('学校动态', 'http://jyj.example/xxdt/', '2026-12-01', -9)], '2026-12-10');
    const [jyj] = table.recordCheck({ id: 'jyj', name: '某市教育局' }, [column('教育要闻', 'http://jyj.example/jyyw/', '2026-12-15', 4)], '2026-12-11').fresh;
    table.recordDelivery({
      warningId: jyj!.id,
      channel: 'email',
      target: 'web@jyj.example',
      state: 'sent',
      attempts: 1,
      error: null,
      at: '2026-12-11T00:00:00Z',
    });
    table.recordCheck({ id: 'fgw', name: '某市发改委' }, [column(hostile, 'javascript:alert(1)', '2026-12-13', 2)], '2026-12-11');
    app = await buildApp({ store, dbFile: ':memory:', dataDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  it('lists its own open warnings with the days left and what was sent, and the closed ones apart', async () => {
    const browser = injectBrowser(app, password);
    await browser.login('edu');
    const page = await browser.get('/department/warnings');
    expect(page.statusCode).toBe(200);
    const $ = load(page.body);
    expect($('nav a[href="/department/warnings"]').text()).toBe('预警信息');
    const open = $('h2:contains("待整改")').next().find('tbody tr');
    expect(open).toHaveLength(1);
    expect(open.text()).toContain('教育要闻');
    expect(open.text()).toContain('剩余 4 天');
    expect(open.text()).toContain('V3 栏目不更新');
    expect(open.text()).toContain('邮件已送达');
    const closed = $('h2:contains("已解除")').next().find('tbody tr');
    expect(closed.text()).toContain('学校动态');
    expect(closed.text()).toContain('已于 2026-12-11 解除');
    expect(page.body).not.toContain('某市发改委');
    // The home page says how many wait (this department's only: 1, not fgw's).
    expect(load((await browser.get('/department')).body)('main p[role=status]').text()).toBe('日常监测发现 1 项预警待整改，查看预警信息。');
    expect(page.body).not.toContain('动态</a>'.replace('动态', hostile));
  });

  it('answers 404 for another department’s site, as for one that does not exist, and shows that site’s warnings to nobody else', async () => {
    const edu = injectBrowser(app, password);
    await edu.login('edu');
    const crossing = await edu.get('/department/warnings?site=fgw');
    const missing = await edu.get('/department/warnings?site=nosuchsite');
    const malformed = await edu.get('/department/warnings?site=..%2Ffgw');
    for (const r of [crossing, missing, malformed]) expect(r.statusCode).toBe(404);
    expect(crossing.body).not.toContain('某市发改委');
    expect(load(crossing.body)('main').text()).toBe(load(missing.body)('main').text());
    expect((await edu.get('/department/warnings?site=jyj')).body).toContain('教育要闻');

    const dev = injectBrowser(app, password);
    await dev.login('dev');
    const own = await dev.get('/department/warnings');
    expect(own.body).not.toContain('教育要闻');
    expect((await dev.get('/department/warnings?site=jyj')).statusCode).toBe(404);
    // Crawled text is escaped, and an address that is not http(s) is no link.
    const $ = load(own.body);
    expect($('main img')).toHaveLength(0);
    expect($('main').text()).toContain(hostile);
    expect($('main a[href^="javascript:"]')).toHaveLength(0);
  });

  it('is not for staff nor for the public', async () => {
    const staff = injectBrowser(app, password);
    await staff.login('staff');
    expect((await staff.get('/department/warnings')).statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: '/department/warnings' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fdepartment%2Fwarnings');
  });
});
