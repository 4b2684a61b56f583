import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { html } from '../../../../reports/html.js';
import type { Store } from '../../../store/store.js';
import { RunParams } from '../../schemas.js';
import { notice, raw, render } from '../layout.js';
import { type progressEvents, runProgress } from '../run-progress.js';
import { tag } from './parts.js';

const hiddenIf = (hidden: boolean) => (hidden ? raw(' hidden') : '');

/**
 * 评估进度: a run's sites as they are crawled, kept current by server-sent events while it runs. A site in flight
 * says its phase, pages and time in 说明, and the run its time left: the figures the collecting process shows.
 */
export function progressPages({ store, events }: { store: Store; events: ReturnType<typeof progressEvents> }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/runs/:runId/live', { schema: { hide: true, params: RunParams } }, async (request, reply) => {
      const { runId } = request.params;
      const run = store.getRun(runId);
      const p = runProgress(store, runId);
      if (!run || !p) return notice(request, reply, 404, '未找到', '未找到该评估。');
      const campaign = store.campaigns.list().find((c) => c.runId === runId);
      const active = !p.finished && !p.failed;
      return render(
        request,
        reply,
        `评估进度：${run.name}`,
        () => html`<h1>评估进度</h1><p class="meta">${run.name}　评估日期：${run.asOf}</p>
<p aria-live="polite"><span id="state">${p.finished ? '评估已完成。' : p.failed ? '评估未完成。' : '正在评估……'}</span>进度：<span id="done">${p.done}</span> / <span id="total">${p.total}</span> 个网站<span id="eta">${p.eta ? `，${p.eta}` : ''}</span></p>
<p id="silent" class="warn"${hiddenIf(!p.silent)}>${p.silent}</p>
<p id="finished" class="success"${hiddenIf(!p.finished)}>评估已完成，请<a href="/staff/runs/${runId}">审核与发布</a>。</p>
<div id="failed" class="error"${hiddenIf(!p.failed)}><p>评估进程未正常结束：<span id="failed-message">${p.failed ?? ''}</span></p>${campaign ? html`<p><a href="/staff/campaigns/${campaign.id}">返回评估任务</a>（可重新开始，已完成的网站不会重复采集）</p>` : ''}</div>
${active ? html`<p class="note">本页自动更新；如未更新，请刷新页面。</p>` : ''}
<div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table id="sites" data-events="${active ? `/staff/runs/${runId}/events` : ''}"><caption class="note">各网站的评估状态</caption><thead><tr><th scope="col">网站</th><th scope="col">分组</th><th scope="col">状态</th><th scope="col">说明</th></tr></thead><tbody>${p.sites.map(
          (s) =>
            html`<tr data-site="${s.id}"><td>${s.name}</td><td>${s.group}</td><td>${tag(s)}</td><td class="reason">${s.reason || s.live?.text || ''}</td></tr>`,
        )}</tbody></table></div>`,
        { scripts: active ? ['/assets/progress.js'] : [] },
      );
    });

    app.get('/runs/:runId/events', { schema: { hide: true, params: RunParams } }, async (request, reply) =>
      events.handler(request, reply, request.params.runId),
    );
  };
}
