import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { html } from '../../../../reports/html.js';
import { minPasswordLength, type Role, roles } from '../../../store/accounts.js';
import type { Store } from '../../../store/store.js';
import { CsrfBody } from '../../schemas.js';
import { errorBox } from '../campaign-form.js';
import { csrfField, notice, render, scroll } from '../layout.js';
import { choice, matches, search, Table } from '../table-query.js';

const roleNames: Record<Role, string> = { admin: '管理员', evaluator: '评估人员', department: '部门' };

const NewUser = Type.Object({
  login: Type.String({ maxLength: 100 }),
  name: Type.String({ maxLength: 200 }),
  role: Type.String({ maxLength: 20 }),
  sites: Type.String({ maxLength: 2000 }),
  password: Type.String({ maxLength: 200 }),
  _csrf: Type.Optional(Type.String()),
});
const UserParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Reset = Type.Object({ password: Type.String({ maxLength: 200 }), _csrf: Type.Optional(Type.String()) });

const accountsTable = new Table({
  id: 'accounts',
  noun: '账号',
  path: '/staff/users',
  controls: {
    q: search('搜索账号', '账号、名称或网站标识'),
    role: choice(
      '角色',
      roles.map((r) => [r, roleNames[r]] as const),
    ),
    state: choice('状态', [
      ['active', '启用'],
      ['disabled', '已停用'],
    ]),
  },
});

type NewUserForm = { login: string; name: string; role: string; sites: string; password?: string };

/** 账号管理: every account with its role, sites and state; add one; disable, enable or reset another's password. */
function usersPage(
  request: FastifyRequest,
  reply: FastifyReply,
  store: Store,
  o: { problems?: string[]; done?: string; form?: NewUserForm; status?: number } = {},
) {
  const all = store.accounts.list();
  // After a change (a POST) the query is empty: the list starts again from its first page.
  const query = accountsTable.parse(request.query);
  const { q, role, state } = query.filters;
  const listed = accountsTable.page(
    all.filter((a) => matches(q, a.login, a.name, ...a.sites) && (!role || a.role === role) && (!state || a.disabled === (state === 'disabled'))),
    query,
  );
  const f = o.form ?? { login: '', name: '', role: 'department', sites: '' };
  return render(
    request,
    reply,
    '账号管理',
    (csrf) => html`<h1>账号管理</h1><p class="meta">评估人员和各部门网站负责人的账号。停用的账号不能登录，其申诉、复核等记录保留；每项操作都记入审计日志。</p>
${o.done ? html`<p class="success" role="status">${o.done}</p>` : ''}${errorBox(o.problems ?? null)}
${accountsTable.around(
  query,
  listed.window,
  scroll(
    html`<table><caption class="note">账号（共 ${all.length} 个）</caption><thead><tr><th scope="col">账号</th><th scope="col">名称</th><th scope="col">角色</th><th scope="col">可查看的网站</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead><tbody>${listed.rows.map(
      (a) =>
        html`<tr><td>${a.login}</td><td>${a.name}</td><td>${roleNames[a.role]}</td><td>${a.sites.join('、') || '全部'}</td><td>${a.disabled ? '已停用' : '启用'}</td><td>${
          a.id === request.user!.id
            ? html`<span class="note">当前登录的账号</span>`
            : html`<form method="post" action="/staff/users/${a.id}/${a.disabled ? 'enable' : 'disable'}" class="inline">${csrfField(csrf)}<button type="submit">${a.disabled ? '启用' : '停用'}<span class="skip">：${a.login}</span></button></form>
<form method="post" action="/staff/users/${a.id}/password" class="inline">${csrfField(csrf)}<label for="${`reset-${a.id}`}" class="skip">${a.login} 的新密码</label><input id="${`reset-${a.id}`}" type="password" name="password" autocomplete="new-password" minlength="${minPasswordLength}" placeholder="新密码" required><button type="submit">重置密码<span class="skip">：${a.login}</span></button></form>`
        }</td></tr>`,
    )}</tbody></table>`,
    '账号',
  ),
)}
<h2>添加账号</h2>
<form method="post" action="/staff/users" class="card">${csrfField(csrf)}
<label for="login">账号（登录名）</label><input id="login" type="text" name="login" value="${f.login}" autocomplete="off" required>
<label for="name">名称</label><input id="name" type="text" name="name" value="${f.name}" required>
<label for="role">角色</label><select id="role" name="role">${roles.map((r) => html`<option value="${r}"${f.role === r ? html` selected` : ''}>${roleNames[r]}</option>`)}</select>
<label for="sites">可查看的网站（部门账号必填，网站标识以逗号分隔，如 jyj,jyj-2）</label><input id="sites" type="text" name="sites" value="${f.sites}">
<label for="new-password">初始密码（至少 ${minPasswordLength} 个字符，请告知本人登录后修改）</label><input id="new-password" type="password" name="password" autocomplete="new-password" required>
<p><button type="submit">添加账号</button></p></form>`,
    { status: o.status ?? 200 },
  );
}

/** The administrator's account pages (/staff/users): evaluators may not see or change accounts. */
export function userPages(store: Store): FastifyPluginAsyncTypebox {
  return async (app) => {
    const adminOnly = async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.user?.role !== 'admin') return notice(request, reply, 403, '无权访问', '只有管理员可以管理账号。');
    };
    const target = (id: number) => store.accounts.list().find((a) => a.id === id) ?? null;

    app.get('/users', { schema: { hide: true }, onRequest: adminOnly }, async (request, reply) => usersPage(request, reply, store));

    app.post('/users', { schema: { hide: true, body: NewUser }, onRequest: adminOnly, preValidation: app.csrfProtection }, async (request, reply) => {
      const { login, name, role, sites, password } = request.body;
      const siteIds = sites
        .split(/[,，\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const problems: string[] = [];
      if (!/^[A-Za-z0-9._-]{2,60}$/.test(login)) problems.push('账号应为 2 到 60 个字母、数字、点、下划线或连字符。');
      else if (store.accounts.byLogin(login)) problems.push(`账号 ${login} 已存在。`);
      if (!name.trim()) problems.push('请填写名称。');
      if (!roles.includes(role as Role)) problems.push('请选择角色。');
      if (role === 'department' && !siteIds.length) problems.push('部门账号须填写可查看的网站。');
      if (siteIds.some((s) => !/^[a-z0-9-]{1,60}$/.test(s))) problems.push('网站标识只能包含小写字母、数字和连字符。');
      if (password.length < minPasswordLength) problems.push(`初始密码至少 ${minPasswordLength} 个字符。`);
      if (problems.length) return usersPage(request, reply, store, { problems, form: { login, name, role, sites }, status: 400 });
      const user = await store.accounts.add({ login, name: name.trim(), role: role as Role, password, sites: role === 'department' ? siteIds : [] });
      store.reviews.audit(request.user!.id, 'user-added', `user:${user.id}`, { login: user.login, role: user.role, sites: user.sites });
      return usersPage(request, reply, store, { done: `已添加账号 ${user.login}（${roleNames[user.role]}）。` });
    });

    for (const change of ['disable', 'enable'] as const)
      app.post(
        `/users/:id/${change}`,
        { schema: { hide: true, params: UserParams, body: CsrfBody }, onRequest: adminOnly, preValidation: app.csrfProtection },
        async (request, reply) => {
          const user = target(request.params.id);
          if (!user) return notice(request, reply, 404, '未找到', '未找到该账号。');
          // An administrator cannot lock themselves out here (the CLI can, on the machine).
          if (user.id === request.user!.id) return usersPage(request, reply, store, { problems: ['不能停用当前登录的账号。'], status: 400 });
          store.accounts.setDisabled(user.id, change === 'disable');
          store.reviews.audit(request.user!.id, change === 'disable' ? 'user-disabled' : 'user-enabled', `user:${user.id}`, { login: user.login });
          return usersPage(request, reply, store, { done: change === 'disable' ? `已停用账号 ${user.login}，其登录已失效。` : `已启用账号 ${user.login}。` });
        },
      );

    app.post(
      '/users/:id/password',
      { schema: { hide: true, params: UserParams, body: Reset }, onRequest: adminOnly, preValidation: app.csrfProtection },
      async (request, reply) => {
        const user = target(request.params.id);
        if (!user) return notice(request, reply, 404, '未找到', '未找到该账号。');
        if (request.body.password.length < minPasswordLength)
          return usersPage(request, reply, store, { problems: [`新密码至少 ${minPasswordLength} 个字符。`], status: 400 });
        await store.accounts.setPassword(user.id, request.body.password);
        store.reviews.audit(request.user!.id, 'user-password-reset', `user:${user.id}`, { login: user.login });
        return usersPage(request, reply, store, { done: `已重置账号 ${user.login} 的密码，其登录已失效。请告知本人新密码，登录后修改。` });
      },
    );
  };
}
