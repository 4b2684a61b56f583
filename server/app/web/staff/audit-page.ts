import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { html } from '../../../../reports/html.js';
import type { AuditEntry, AuditFilter } from '../../../store/audit-log.js';
import type { Store } from '../../../store/store.js';
import { shortTime } from '../appeal-status.js';
import { render, scroll } from '../layout.js';
import { choice, date, search, Table } from '../table-query.js';

/** The actions the code records, in words; an action not listed here shows as recorded. */
const actionNames: Record<string, string> = {
  login: '登录',
  'login-failed': '登录失败',
  'password-changed': '修改密码',
  'password-change-refused': '修改密码未成功（当前密码错误）',
  'user-added': '添加账号',
  'user-disabled': '停用账号',
  'user-enabled': '启用账号',
  'user-password-reset': '重置密码',
  'campaign-created': '创建评估任务',
  'campaign-started': '开始评估',
  'override-added': '人工复核',
  'finding-dismissed': '驳回问题',
  'dismissal-undone': '撤销驳回',
  publish: '发布排名',
  'publish-correction': '发布更正',
  'outputs-rewritten': '重新生成报告文件',
  'recheck-started': '开始整改复核',
  'finding-marked-fixed': '单位标记问题已整改',
  appeal: '提交申诉',
  'appeal-accepted': '采纳申诉',
  'appeal-rejected': '驳回申诉',
};
/** The user choice for entries made without an account: the command line, or a failed login. */
const noAccount = 'none';

function auditTable(store: Store) {
  const accounts = store.accounts.list();
  return new Table({
    id: 'audit',
    noun: '记录',
    path: '/staff/audit',
    pageSize: 50,
    controls: {
      action: choice(
        '操作',
        store.reviews.auditActions().map((a) => [a, actionNames[a] ?? a] as const),
      ),
      user: choice('操作人', [...accounts.map((a) => [String(a.id), `${a.name}（${a.login}）`] as const), [noAccount, '无账号（命令行或未登录）'] as const]),
      from: date('起始日期'),
      to: date('截止日期'),
      q: search('操作对象', '如 run:评估编号、appeal:12'),
    },
  });
}

/** The fields the code puts in an entry's detail, in words; another field shows as recorded. */
const detailNames: Record<string, string> = {
  login: '账号',
  role: '角色',
  sites: '网站',
  name: '名称',
  site: '网站',
  siteId: '网站',
  runId: '评估',
  indicator: '指标',
  attachment: '附件',
  by: '复核人',
  override: '复核记录',
  campaign: '评估任务',
  reason: '理由',
  version: '版本',
  note: '更正说明',
};

/** An entry's detail as the page shows it: field：value pairs (empty ones left out), lists joined. */
function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${detailNames[k] ?? k}：${Array.isArray(v) ? v.join('、') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join('；');
}

/** 审计日志: every step a person took, newest first, filtered and paged in SQL (the log grows without end). */
export function auditPage(store: Store): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/audit', { schema: { hide: true } }, async (request, reply) => {
      const table = auditTable(store);
      const query = table.parse(request.query);
      const { action, user, from, to, q } = query.filters;
      const filter: AuditFilter = {
        ...(action !== undefined ? { action } : {}),
        ...(user !== undefined ? { userId: user === noAccount ? null : Number(user) } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(q ? { target: q } : {}),
      };
      const window = table.window(query, store.reviews.auditCount(filter));
      const entries = window.total ? store.reviews.auditPage(filter, window) : [];
      const userName = (e: AuditEntry) => {
        if (e.userId === null) return html`<span class="note">无账号</span>`;
        const u = store.accounts.byId(e.userId);
        return u ? `${u.name}（${u.login}）` : `#${e.userId}`;
      };
      return render(
        request,
        reply,
        '审计日志',
        () => html`<h1>审计日志</h1><p class="meta">登录、账号、评估、复核、发布和申诉的每一步操作，最新的在前。时间为协调世界时（UTC）。</p>
${table.around(
  query,
  window,
  scroll(
    html`<table class="audit-log"><caption class="note">审计日志</caption><thead><tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">详情</th></tr></thead><tbody>${entries.map(
      (e) =>
        html`<tr><td>${shortTime(e.at)}</td><td>${userName(e)}</td><td>${actionNames[e.action] ?? e.action}</td><td>${e.target}</td><td>${detailText(e.detail)}</td></tr>`,
    )}</tbody></table>`,
    '审计日志',
  ),
)}`,
      );
    });
  };
}
