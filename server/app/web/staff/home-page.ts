import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { html } from '../../../../reports/html.js';
import type { RunRow, Store } from '../../../store/store.js';
import { render } from '../layout.js';
import { choice, matches, search, Table } from '../table-query.js';
import { campaignStates, tag } from './parts.js';

const runsTable = new Table({
  id: 'runs',
  noun: '评估',
  path: '/staff',
  controls: {
    q: search('评估名称'),
    state: choice('状态', [
      ['published', '已发布'],
      ['unpublished', '已完成，未发布'],
      ['unfinished', '未完成'],
    ]),
  },
});

/** The runs the query asks for, newest first. */
function listRuns(store: Store, raw: unknown) {
  const query = runsTable.parse(raw);
  const { q, state } = query.filters;
  const stateOf = (r: RunRow) => (!r.finishedAt ? 'unfinished' : store.publications.isPublished(r.id) ? 'published' : 'unpublished');
  const all = store.listCampaignRuns();
  const runs = all.filter((r) => matches(q, r.name) && (!state || stateOf(r) === state)).reverse();
  return { any: all.length > 0, query, ...runsTable.page(runs, query) };
}

/** 评估工作台: the campaigns made here and every run in the store, each with its way on. */
export function homePage(store: Store): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const campaigns = store.campaigns.list();
      const runs = listRuns(store, request.query);
      return render(
        request,
        reply,
        '评估工作台',
        () => html`<h1>评估工作台</h1><p><a class="button" href="/staff/campaigns/new">新建评估</a>${request.user?.role === 'admin' ? html`　<a href="/staff/users">账号管理</a>` : ''}　<a href="/staff/audit">审计日志</a></p>
<h2>评估任务</h2>${
          campaigns.length
            ? html`<div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">在本系统创建的评估任务</caption><thead><tr><th scope="col">名称</th><th scope="col">评估日期</th><th scope="col">指标体系</th><th scope="col">状态</th></tr></thead><tbody>${campaigns.map(
                (c) =>
                  html`<tr><td><a href="/staff/campaigns/${c.id}">${c.name}</a></td><td>${c.asOf}</td><td>${c.indicators}</td><td>${tag(campaignStates[c.state])}</td></tr>`,
              )}</tbody></table></div>`
            : html`<p>还没有评估任务。</p>`
        }
<h2>评估结果</h2>${runs.any ? runsTable.form(runs.query) : ''}${
          runs.rows.length
            ? html`<div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">存储中的全部评估（含命令行运行和导入的）</caption><thead><tr><th scope="col">名称</th><th scope="col">评估日期</th><th scope="col">已完成网站</th><th scope="col">完成时间</th><th scope="col">发布</th><th scope="col">操作</th></tr></thead><tbody>${runs.rows.map(
                (r) => {
                  const sites = store.runSites(r.id);
                  return html`<tr><td>${r.name}</td><td>${r.asOf}</td><td>${sites.filter((s) => s.status !== 'pending').length} / ${sites.length}</td><td>${r.finishedAt ? r.finishedAt.slice(0, 16).replace('T', ' ') : '未完成'}</td><td>${store.publications.isPublished(r.id) ? '已发布' : '未发布'}</td><td><a href="/staff/runs/${r.id}">审核与发布<span class="skip">：${r.name}</span></a>　<a href="/staff/runs/${r.id}/live">评估进度<span class="skip">：${r.name}</span></a></td></tr>`;
                },
              )}</tbody></table></div>`
            : runs.any
              ? ''
              : html`<p>还没有评估结果。</p>`
        }${runs.any ? runsTable.pager(runs.query, runs.window) : ''}`,
      );
    });
  };
}
