import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { changeUser, listUsers } from '../../../server/cli/users.js';
import { Store } from '../../../server/store/store.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const password = 'correct horse battery';
const renewed = 'staple battery horse 2026';

/** Accounts as an office keeps them: a person changes their own password; an administrator resets, disables and enables one. */
describe('accounts: changing one’s password, and the administrator’s commands', () => {
  let dir: string;
  let db: string;
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await tempDir('accounts');
    db = join(dir, 'govscore.db');
    store = new Store(db);
    await store.accounts.add({ login: 'edu', name: '市教育局', role: 'department', password, sites: ['edu'] });
    await store.accounts.add({ login: 'staff', name: '评估办', role: 'evaluator', password });
    app = await buildApp({ store, dbFile: db, dataDir: dir });
  });
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  const formToken = async (browser: ReturnType<typeof injectBrowser>) =>
    /name="_csrf" value="([^"]+)"/.exec((await browser.get('/account/password')).body)?.[1] ?? '';

  it('sends a stranger to the login page, and shows a logged-in person the form from every page’s header', async () => {
    const stranger = await app.inject({ method: 'GET', url: '/account/password' });
    expect([stranger.statusCode, stranger.headers.location]).toEqual([303, '/login?next=%2Faccount%2Fpassword']);
    const edu = injectBrowser(app, password);
    await edu.login('edu');
    expect((await edu.get('/department')).body).toContain('<a href="/account/password">修改密码</a>');
    expect((await edu.get('/account/password')).body).toContain('<label for="current">当前密码</label>');
  });

  it('says every problem of a refused change at once and changes nothing', async () => {
    const edu = injectBrowser(app, password);
    await edu.login('edu');
    const refused = await edu.form('/account/password', { _csrf: await formToken(edu), current: 'wrong password!', password: 'short', confirm: 'other' });
    expect(refused.statusCode).toBe(400);
    for (const problem of ['当前密码不正确。', '新密码至少 10 个字符。', '两次输入的新密码不一致。']) expect(refused.body).toContain(problem);
    expect(await store.accounts.authenticate('edu', password)).not.toBeNull();
    // Without the form's token nothing is read.
    expect((await edu.form('/account/password', { current: password, password: renewed, confirm: renewed })).statusCode).toBe(403);
  });

  it('changes the password: this browser stays logged in, another session of the account ends, the old password no longer works', async () => {
    const here = injectBrowser(app, password);
    const elsewhere = injectBrowser(app, password);
    await here.login('edu');
    await elsewhere.login('edu');
    const changed = await here.form('/account/password', { _csrf: await formToken(here), current: password, password: renewed, confirm: renewed });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('密码已修改');
    expect((await here.get('/department')).statusCode).toBe(200);
    expect((await elsewhere.get('/department')).statusCode).toBe(303);
    expect(await store.accounts.authenticate('edu', password)).toBeNull();
    expect(await store.accounts.authenticate('edu', renewed)).not.toBeNull();
    expect(store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'password-changed'").pluck().get()).toBe(1);
  });

  it('the administrator’s commands: list, reset a password, disable (sessions end, no login), enable — each audited', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const staff = injectBrowser(app, password);
      await staff.login('staff');
      await changeUser({ db, login: 'staff', change: 'disable' });
      expect((await staff.get('/staff')).statusCode).toBe(303);
      expect(await store.accounts.authenticate('staff', password)).toBeNull();
      listUsers({ db });
      expect(log.mock.calls.map((c) => String(c[0]).split('\t').slice(0, 5))).toEqual(
        expect.arrayContaining([
          ['edu', 'department', '市教育局', 'edu', '启用 active'],
          ['staff', 'evaluator', '评估办', '—', '已停用 disabled'],
        ]),
      );
      await changeUser({ db, login: 'staff', change: 'enable' });
      expect(await store.accounts.authenticate('staff', password)).not.toBeNull();
      vi.stubEnv('GOVSCORE_PASSWORD', 'a new one for staff');
      await changeUser({ db, login: 'staff', change: 'passwd' });
      expect(await store.accounts.authenticate('staff', 'a new one for staff')).not.toBeNull();
      await expect(changeUser({ db, login: 'nobody', change: 'disable' })).rejects.toThrow('no account nobody');
      const actions = store.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'user-%' ORDER BY id").pluck().all();
      expect(actions).toEqual(['user-disabled', 'user-enabled', 'user-password-reset']);
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it('the administrator’s page: evaluators are refused; accounts listed, added (every problem at once), disabled, enabled and reset — audited', async () => {
    await store.accounts.add({ login: 'root', name: '系统管理员', role: 'admin', password });
    // The staff account's password was reset by the test before.
    const evaluator = injectBrowser(app, 'a new one for staff');
    await evaluator.login('staff');
    expect((await evaluator.get('/staff/users')).statusCode).toBe(403);
    const admin = injectBrowser(app, password);
    await admin.login('root');
    const page = await admin.get('/staff/users');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<td>edu</td><td>市教育局</td><td>部门</td><td>edu</td><td>启用</td>');
    expect((await admin.get('/staff')).body).toContain('<a href="/staff/users">账号管理</a>');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;

    const refused = await admin.form('/staff/users', { _csrf: token, login: 'edu', name: ' ', role: 'department', sites: '', password: 'short' });
    expect(refused.statusCode).toBe(400);
    for (const problem of ['账号 edu 已存在。', '请填写名称。', '部门账号须填写可查看的网站。', '初始密码至少 10 个字符。'])
      expect(refused.body).toContain(problem);
    const added = await admin.form('/staff/users', {
      _csrf: token,
      login: 'wjw',
      name: '市卫生健康委',
      role: 'department',
      sites: 'wjw, wjw-2',
      password: 'first password 1',
    });
    expect(added.body).toContain('已添加账号 wjw（部门）。');
    expect(store.accounts.byLogin('wjw')?.sites).toEqual(['wjw', 'wjw-2']);
    expect(await store.accounts.authenticate('wjw', 'first password 1')).not.toBeNull();

    const wjw = store.accounts.byLogin('wjw')!;
    const session = injectBrowser(app, 'first password 1');
    await session.login('wjw');
    expect((await admin.form(`/staff/users/${wjw.id}/disable`, { _csrf: token })).body).toContain('已停用账号 wjw');
    expect((await session.get('/department')).statusCode).toBe(303);
    expect(await store.accounts.authenticate('wjw', 'first password 1')).toBeNull();
    await admin.form(`/staff/users/${wjw.id}/enable`, { _csrf: token });
    expect((await admin.form(`/staff/users/${wjw.id}/password`, { _csrf: token, password: 'reset by admin 9' })).body).toContain('已重置账号 wjw 的密码');
    expect(await store.accounts.authenticate('wjw', 'reset by admin 9')).not.toBeNull();
    // An administrator cannot lock themselves out from the page; nothing without the token.
    const me = store.accounts.byLogin('root')!;
    expect((await admin.form(`/staff/users/${me.id}/disable`, { _csrf: token })).body).toContain('不能停用当前登录的账号。');
    expect((await admin.form(`/staff/users/${wjw.id}/disable`, {})).statusCode).toBe(403);
    const audited = store.db.prepare("SELECT action FROM audit_log WHERE target = ? AND action LIKE 'user-%' ORDER BY id").pluck().all(`user:${wjw.id}`);
    expect(audited).toEqual(['user-added', 'user-disabled', 'user-enabled', 'user-password-reset']);
  });
});
