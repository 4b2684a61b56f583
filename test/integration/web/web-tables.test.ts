import { join } from 'node:path';

import { type CheerioAPI, load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { importTable } from '../../../server/cli/import.js';
import { Store } from '../../../server/store/store.js';
import { publishRun } from '../../../server/use-cases/publish.js';
import { rescoreStored } from '../../../server/use-cases/stored-run.js';
import { storeSuspectedRun, suspectedRunId } from '../../fixtures/suspected-run.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const fixtures = new URL('../../fixtures/reporting/', import.meta.url).pathname;
const education = '11370100012'; // 市教育局
const police = '11370100020'; // 市公安局
const finance = '11370100039'; // 市财政局
const password = 'correct horse battery';

/** Runs made for the lists, oldest first: every third one unfinished, every fourth finished one published; each holds two department sites. */
const runs = Array.from({ length: 30 }, (_, k) => {
  const i = k + 1;
  const finished = i % 3 !== 1;
  return { id: `r-${String(i).padStart(2, '0')}`, name: i % 5 === 0 ? `专项检查第${i}期` : `季度抽查第${i}期`, finished, published: finished && i % 4 === 0 };
});
/** A run of 60 sites (35 + 25 in two groups) for the review page's paging; every sixth could not be reached. */
const bigRun = 'big-run';
const bigSites = Array.from({ length: 60 }, (_, i) => {
  const n = String(i).padStart(2, '0');
  return { siteId: `site-${n}`, name: `测试网站${n}`, url: `https://s${n}.example.gov.cn/`, group: i < 35 ? '市直部门' : '区县政府' };
});
/** Audit entries of 100 days, an hour apart, written as the store writes them. */
const auditActions = ['publish', 'override-added', 'appeal', 'user-added'];

const rowsOf = ($: CheerioAPI, scope = 'main') => $(`${scope} tbody tr`).toArray();
const cells = ($: CheerioAPI, scope = 'main', column = 0) => rowsOf($, scope).map((tr) => $(tr).find('td').eq(column).text());
const summary = ($: CheerioAPI) => $('.pager-summary').text();

describe('search, filters and paging of the web app’s tables', () => {
  let store: Store;
  let app: FastifyInstance;
  let imported: string;
  let ids: Record<'staff' | 'admin' | 'edu' | 'both' | 'hr', number>;
  let audit: Array<{ at: string; userId: number | null; action: string; target: string }>;
  let staff: ReturnType<typeof injectBrowser>, admin: typeof staff, edu: typeof staff, both: typeof staff;
  const page = async (who: typeof staff, url: string) => {
    const response = await who.get(url);
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return load(response.body);
  };

  beforeAll(async () => {
    const dir = await tempDir('web-tables');
    const db = join(dir, 'govscore.db');
    const [run] = await importTable({
      table: join(fixtures, 'city-2026q3-utf8.csv'),
      db,
      indicators: 'info-reporting',
      out: join(dir, 'out'),
      log: () => undefined,
    });
    imported = run!.runId;
    store = new Store(db);
    storeSuspectedRun(store);
    rescoreStored(store, suspectedRunId);
    const add = async (login: string, role: 'evaluator' | 'admin' | 'department', sites: string[] = []) =>
      (await store.accounts.add({ login, name: `账号${login}`, role, password, sites })).id;
    ids = {
      staff: await add('staff', 'evaluator'),
      admin: await add('admin', 'admin'),
      edu: await add('edu', 'department', [education]),
      both: await add('both', 'department', [education, finance]),
      hr: await add('hr', 'department', ['rsj']),
    };
    for (let i = 1; i <= 25; i++) await add(`dept-${String(i).padStart(2, '0')}`, 'department', [`s${i}`]);
    store.accounts.setDisabled(ids.hr, true);
    store.createRun(
      { id: bigRun, key: bigRun, name: '六十个网站的评估', asOf: '2026-11-21', sitesFile: '', sitesSha256: '', indicators: 'national-2019', options: {} },
      bigSites.map((s, position) => ({ ...s, position, services: true, level: 'department' as const })),
    );
    bigSites.forEach(
      (s, i) => i % 6 === 0 && store.saveSiteResult(bigRun, s.siteId, { status: 'unreachable', statusReason: 'dns', pages: [], observations: {} }),
    );
    for (const r of runs) {
      const site = (siteId: string, position: number) => ({
        siteId,
        position,
        name: siteId === education ? '市教育局' : '市财政局',
        url: '',
        group: '市直部门',
        services: false,
        level: 'department' as const,
      });
      store.createRun({ id: r.id, key: r.id, name: r.name, asOf: '2026-09-30', sitesFile: '', sitesSha256: '', indicators: 'info-reporting', options: {} }, [
        site(education, 0),
        site(finance, 1),
      ]);
      if (r.finished) store.finishRun(r.id);
      if (r.published) expect(publishRun(store, r.id, ids.staff)).toEqual({ version: 1, created: true });
    }
    // 25 appeals of 市教育局 in the imported run (13 decided, alternately accepted and rejected), 3 open ones of rsj in the other.
    for (let i = 1; i <= 25; i++) {
      const a = store.reviews.appeal({ runId: imported, siteId: education, indicator: 'R5', text: `申诉理由-${i}-号`, userId: ids.edu });
      if (i <= 13) store.reviews.decide(a.id, { status: i % 2 ? 'accepted' : 'rejected', userId: ids.staff, decision: `处理意见${i}` });
    }
    for (let i = 1; i <= 3; i++)
      store.reviews.appeal({ runId: suspectedRunId, siteId: 'rsj', indicator: 'V7', text: `办事服务入口在图片中-${i}`, userId: ids.hr });
    audit = Array.from({ length: 2400 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      userId: [null, ids.staff, ids.admin][i % 3]!,
      action: auditActions[i % 4]!,
      target: `run:r${i % 7}`,
    }));
    const insert = store.db.prepare('INSERT INTO audit_log (at, user_id, action, target, detail) VALUES (?, ?, ?, ?, NULL)');
    store.db.transaction(() => audit.forEach((e) => insert.run(e.at, e.userId, e.action, e.target)))();
    app = await buildApp({ store, dbFile: db, dataDir: dir });
    [staff, admin, edu, both] = [injectBrowser(app, password), injectBrowser(app, password), injectBrowser(app, password), injectBrowser(app, password)];
    for (const [who, login] of [
      [staff, 'staff'],
      [admin, 'admin'],
      [edu, 'edu'],
      [both, 'both'],
    ] as const)
      await who.login(login);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  it('the runs list (评估工作台): newest first, 20 a page without overlap, searched by name and filtered by state', async () => {
    const all = [imported, suspectedRunId, bigRun, ...runs.map((r) => r.id)].map((id) => store.getRun(id)!.name);
    const first = await page(staff, '/staff');
    const second = await page(staff, '/staff?page=2');
    const names = [...cells(first), ...cells(second)];
    expect(names).toHaveLength(all.length);
    expect(names).toEqual([...all].reverse());
    expect(cells(first)).toHaveLength(20);
    expect(summary(second)).toBe(`第 21–${all.length} 条，共 ${all.length} 条`);
    // A page past the last is the last.
    expect(cells(await page(staff, '/staff?page=50'))).toEqual(cells(second));
    const named = (f: (r: (typeof runs)[number]) => boolean) => runs.filter(f).map((r) => r.name);
    const unfinished = cells(await page(staff, '/staff?state=unfinished'));
    expect(new Set(unfinished)).toEqual(new Set([...named((r) => !r.finished), '六十个网站的评估']));
    expect(cells(await page(staff, '/staff?state=published'))).toEqual(named((r) => r.published).reverse());
    const unpublished = cells(await page(staff, '/staff?state=unpublished'));
    expect(new Set(unpublished)).toEqual(
      new Set([...named((r) => r.finished && !r.published), store.getRun(imported)!.name, store.getRun(suspectedRunId)!.name]),
    );
    const special = await page(staff, '/staff?q=专项&state=unfinished');
    expect(cells(special)).toEqual(named((r) => r.name.startsWith('专项') && !r.finished).reverse());
    expect(special('#runs-q').val()).toBe('专项');
    expect(special('#runs-state option[selected]').val()).toBe('unfinished');
    expect(summary(special)).toMatch(/（已筛选）$/);
    const none = await page(staff, '/staff?q=没有这样的评估');
    expect([rowsOf(none).length, summary(none)]).toEqual([0, '没有符合条件的评估。']);
  });

  it('a run’s sites on the review page: 50 a page in ranking order, searched by name, id or address, filtered by group and state', async () => {
    const url = `/staff/runs/${bigRun}`;
    const first = await page(staff, url);
    const second = await page(staff, `${url}?page=2`);
    const names = [...cells(first, 'main', 1), ...cells(second, 'main', 1)];
    expect(names).toEqual(bigSites.map((s) => s.name));
    expect([cells(first, 'main', 1).length, cells(second, 'main', 1).length]).toEqual([50, 10]);
    expect(
      first('main h2')
        .toArray()
        .map((h) => first(h).text()),
    ).toEqual(['市直部门', '区县政府']);
    expect(
      second('main h2')
        .toArray()
        .map((h) => second(h).text()),
    ).toEqual(['区县政府']);
    expect(second('nav.pager a[aria-current=page]').text()).toBe('2');
    expect(second('nav.pager a[rel=prev]').attr('href')).toBe(`${url}#sites`);
    expect(cells(await page(staff, `${url}?page=7`), 'main', 1)).toEqual(cells(second, 'main', 1));
    const district = await page(staff, `${url}?group=区县政府`);
    expect(cells(district, 'main', 1)).toEqual(bigSites.filter((s) => s.group === '区县政府').map((s) => s.name));
    expect(district('nav.pager')).toHaveLength(0);
    expect(cells(await page(staff, `${url}?q=site-07`), 'main', 1)).toEqual(['测试网站07']);
    expect(cells(await page(staff, `${url}?q=S41.EXAMPLE`), 'main', 1)).toEqual(['测试网站41']);
    expect(cells(await page(staff, `${url}?q=测试网站1&group=市直部门`), 'main', 1)).toEqual(bigSites.slice(10, 20).map((s) => s.name));
    // Not crawled, or could not be reached: all 未评估 (none scored).
    expect(cells(await page(staff, `${url}?state=unassessed&page=2`), 'main', 1)).toHaveLength(10);
    expect(rowsOf(await page(staff, `${url}?state=passed`))).toHaveLength(0);

    // The states over a scored run partition its sites, each as its row says it.
    const scored = `/staff/runs/${suspectedRunId}`;
    const byState: Record<string, string[]> = {};
    for (const state of ['passed', 'failed', 'veto', 'suspected', 'unassessed']) {
      const $ = await page(staff, `${scored}?state=${state}`);
      byState[state] = cells($, 'main', 1);
      const said = cells($, 'main', 4);
      if (state === 'suspected') said.forEach((s) => expect(s).toContain('疑似否决，待复核'));
      if (state === 'veto') said.forEach((s) => expect(s).toMatch(/^单项否决/));
      if (state === 'passed') said.forEach((s) => expect(s).toBe('已评估'));
    }
    expect(byState.suspected).toEqual(['某市人力资源和社会保障局', '某市发展和改革委员会']);
    expect(byState.veto).toEqual(['某市卫生健康委员会']);
    expect(Object.values(byState).flat().sort()).toEqual(cells(await page(staff, scored), 'main', 1).sort());
  });

  it('appeals (申诉处理): open ones first, then decided ones, 20 a page; filtered by state and run, searched by text or site', async () => {
    const first = await page(staff, '/staff/appeals');
    expect(first('h2#open').text()).toBe('待处理（15）');
    expect(first('h2#decided').text()).toBe('已处理（13）');
    expect(first('article.card')).toHaveLength(15);
    expect(rowsOf(first)).toHaveLength(5);
    const second = await page(staff, '/staff/appeals?page=2');
    expect(second('article.card')).toHaveLength(0);
    expect(second('section[aria-labelledby=open] a').attr('href')).toBe('/staff/appeals#appeals');
    expect(rowsOf(second)).toHaveLength(8);
    // Decided ones are listed last decided first (the newest id first when decided in the same millisecond): 13 … 1, never twice.
    expect([...cells(first), ...cells(second)]).toEqual(
      store.reviews
        .appeals(imported)
        .filter((a) => a.status !== 'open')
        .map((a) => `#${a.id}`)
        .reverse(),
    );
    expect(summary(second)).toBe('第 21–28 条，共 28 条');

    const rejected = await page(staff, '/staff/appeals?state=rejected');
    expect(rejected('h2#open')).toHaveLength(0);
    expect(cells(rejected, 'main', 7)).toEqual(Array(6).fill('已驳回'));
    const other = await page(staff, `/staff/appeals?run=${suspectedRunId}`);
    expect(
      other('article.card h3')
        .toArray()
        .map((h) => other(h).text().split(' · ')[0]),
    ).toEqual(Array(3).fill(expect.stringMatching(/某市人力资源和社会保障局$/)));
    expect(other('h2#decided').text()).toBe('已处理（0）');
    expect(other('section[aria-labelledby=decided] p').text()).toBe('没有符合条件的已处理申诉。');
    expect((await page(staff, '/staff/appeals?q=人力资源'))('article.card')).toHaveLength(3);
    const one = await page(staff, '/staff/appeals?q=理由-7-');
    expect([one('article.card').length, cells(one)]).toEqual([0, [`#${store.reviews.appeals(imported)[6]!.id}`]]);
    expect((await page(staff, `/staff/appeals?q=${education}&state=open`))('article.card')).toHaveLength(12);
    // An unknown run or state is ignored, not an error.
    expect(summary(await page(staff, '/staff/appeals?run=no-such-run&state=lost'))).toBe('第 1–20 条，共 28 条');
  });

  it('the audit log: filtered by action, user, dates and target, newest first, 50 a page counted in SQL', async () => {
    const day = (e: { at: string }) => e.at.slice(0, 10);
    const newestFirst = (f: (e: (typeof audit)[number]) => boolean) => audit.filter(f).reverse();
    const expected = newestFirst(
      (e) => e.action === 'publish' && e.userId === ids.staff && day(e) >= '2026-02-01' && day(e) <= '2026-02-28' && e.target === 'run:r3',
    );
    const narrow = await page(staff, `/staff/audit?action=publish&user=${ids.staff}&from=2026-02-01&to=2026-02-28&q=RUN:R3`);
    expect(cells(narrow)).toEqual(expected.map((e) => e.at.slice(0, 16).replace('T', ' ')));
    expect(expected.length).toBeGreaterThan(0);
    expect(summary(narrow)).toBe(`共 ${expected.length} 条（已筛选）`);
    expect(cells(narrow, 'main', 2)).toEqual(expected.map(() => '发布排名'));

    const appeals = newestFirst((e) => e.action === 'appeal');
    const pages = Math.ceil(appeals.length / 50);
    const third = await page(staff, '/staff/audit?action=appeal&page=3');
    expect(cells(third)).toEqual(appeals.slice(100, 150).map((e) => e.at.slice(0, 16).replace('T', ' ')));
    expect(third('nav.pager a[rel=next]').attr('href')).toBe('/staff/audit?action=appeal&page=4#audit');
    const last = await page(staff, '/staff/audit?action=appeal&page=9999');
    expect(summary(last)).toBe(`第 ${(pages - 1) * 50 + 1}–${appeals.length} 条，共 ${appeals.length} 条（已筛选）`);
    expect(last('nav.pager a[aria-current=page]').text()).toBe(String(pages));
    const withoutAccount = newestFirst((e) => e.userId === null && day(e) === '2026-03-15');
    const none = await page(staff, '/staff/audit?user=none&from=2026-03-15&to=2026-03-15');
    expect([cells(none).length, cells(none, 'main', 1)[0]]).toEqual([withoutAccount.length, '无账号']);
    // The choices come from the log (the logins of this test too) and the accounts, in words.
    expect(
      narrow('#audit-action option')
        .toArray()
        .map((o) => narrow(o).text()),
    ).toEqual(['全部', '提交申诉', '登录', '人工复核', '发布排名', '添加账号']);
    expect(narrow(`#audit-user option[value=${ids.admin}]`).text()).toBe('账号admin（admin）');
    for (const field of ['action', 'user', 'from', 'to', 'q']) expect(narrow(`label[for=audit-${field}]`)).toHaveLength(1);
  });

  it('the accounts page (/staff/users): 20 a page by login, filtered by role and state, searched by login, name or site', async () => {
    const logins = store.accounts.list().map((a) => a.login);
    const first = await page(admin, '/staff/users');
    const second = await page(admin, '/staff/users?page=2');
    expect([...cells(first), ...cells(second)]).toEqual(logins);
    expect(cells(first)).toHaveLength(20);
    expect(cells(await page(admin, '/staff/users?role=evaluator'))).toEqual(['staff']);
    expect(cells(await page(admin, '/staff/users?state=disabled'))).toEqual(['hr']);
    expect(cells(await page(admin, '/staff/users?q=dept-1&role=department'))).toEqual(logins.filter((l) => l.startsWith('dept-1')));
    expect(cells(await page(admin, '/staff/users?q=s17'))).toEqual(['dept-17']);
    expect((await staff.get('/staff/users?role=admin')).statusCode).toBe(403);
  });

  it('a department’s history: its own sites only, searched by run and paged; no query widens it', async () => {
    const own = (runIds: string[]) => runIds.map((id) => store.getRun(id)!.name);
    const finished = [...runs.filter((r) => r.finished).map((r) => r.id)].reverse();
    const mine = await page(edu, '/department');
    const next = await page(edu, '/department?page=2');
    expect([...cells(mine), ...cells(next)]).toEqual(own([...finished, imported]));
    expect(mine('#history-site')).toHaveLength(0); // one site: nothing to choose
    // Another site's id, a run it is not in or that is unfinished, a staff page's parameters: nothing more is shown.
    for (const query of [
      `site=${police}`,
      `site=${finance}`,
      `run=${suspectedRunId}`,
      `q=${police}`,
      'q=市公安局',
      `q=${runs[0]!.name}`,
      'state=published&user=1',
    ])
      for (const who of [edu, both]) {
        const response = await who.get(`/department?${query}`);
        expect(response.statusCode).toBe(200);
        const $ = load(response.body);
        for (const other of ['市公安局', police, runs[0]!.name, '某市人力资源和社会保障局']) expect($('main').text()).not.toContain(other);
      }
    const two = await page(both, '/department');
    expect(
      two('#history-site option')
        .toArray()
        .map((o) => two(o).text()),
    ).toEqual(['全部', '市教育局', '市财政局']);
    expect(
      two('main section h2')
        .toArray()
        .map((h) => two(h).text()),
    ).toEqual(['最新评估的预警', '市教育局']);
    expect(summary(two)).toBe(`第 1–20 条，共 ${2 * (finished.length + 1)} 条`);
    const financeOnly = await page(both, `/department?site=${finance}`);
    expect(
      financeOnly('main section h2')
        .toArray()
        .map((h) => financeOnly(h).text()),
    ).toEqual(['最新评估的预警', '市财政局']);
    const ignored = await page(both, `/department?site=${police}&page=3`);
    expect(summary(ignored)).toBe(`第 41–${2 * (finished.length + 1)} 条，共 ${2 * (finished.length + 1)} 条`);
    expect(cells(await page(edu, `/department?q=${encodeURIComponent('专项检查')}`))).toEqual(
      own(finished.filter((id) => runs.find((r) => r.id === id)!.name.startsWith('专项'))),
    );
    const nothing = await page(edu, `/department?q=${encodeURIComponent(runs[0]!.name)}`);
    expect([rowsOf(nothing).length, summary(nothing)]).toEqual([0, '没有符合条件的评估记录。']);
    // The JSON API takes no filter: still its own sites only. Staff lists stay closed to a department, whatever the query.
    const api = (await edu.get(`/api/department/sites?site=${police}`)).json() as Array<{ siteId: string }>;
    expect(new Set(api.map((s) => s.siteId))).toEqual(new Set([education]));
    for (const url of [
      `/staff/appeals?run=${imported}&q=${police}`,
      `/staff/audit?user=${ids.staff}`,
      `/staff/runs/${imported}?q=公安`,
      '/staff?q=专项',
      '/staff/users?role=admin',
    ])
      expect((await edu.get(url)).statusCode, url).toBe(403);
  });
});
