import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { html } from '../../../../reports/html.js';
import { indicatorStatus } from '../../../../reports/html-parts.js';
import { siteDetail } from '../../../../reports/site-detail.js';
import type { Store } from '../../../store/store.js';
import { dismissFinding, undoDismissal } from '../../../use-cases/dismissals.js';
import { recordOverride } from '../../../use-cases/override.js';
import { lastUsedSet } from '../../../use-cases/run-set.js';
import { runResults } from '../../run-view.js';
import { IndicatorId, RunParams, SiteId, SiteParams } from '../../schemas.js';
import { errorBox } from '../campaign-form.js';
import { csrfField, notice, render } from '../layout.js';
import { dismissalForms } from './dismissal-forms.js';

// Loose on purpose: a missing or wrong value re-renders the form with the override rule's Chinese message instead of a bare 400.
const OverrideBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  siteId: SiteId,
  indicator: IndicatorId,
  points: Type.Optional(Type.String({ maxLength: 20 })),
  veto: Type.Optional(Type.Union([Type.Literal('yes'), Type.Literal('no')])),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});

const DismissalBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  siteId: SiteId,
  key: Type.Optional(Type.String({ maxLength: 2000 })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});
const UndoParams = Type.Object({ runId: RunParams.properties.runId, id: Type.String({ pattern: '^[0-9]{1,12}$' }) });
const UndoBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })), siteId: SiteId });

/** One site of a run: its findings with evidence, the 疑似否决复核 forms, the 人工复核 form and the overrides so far. */
function sitePage(request: FastifyRequest, reply: FastifyReply, store: Store, runId: string, siteId: string, error: string | null = null, status = 200) {
  const run = store.getRun(runId);
  const stored = run ? store.runSites(runId).find((s) => s.siteId === siteId) : undefined;
  if (!run || !stored) return notice(request, reply, 404, '未找到', '未找到该网站的评估结果。');
  const results = run.finishedAt ? runResults(store, runId) : null;
  const site = results?.sites.find((s) => s.id === siteId);
  const set = site ? lastUsedSet(store, run.id, run.indicators) : null;
  const vetoIds = new Set(set?.indicators.filter((i) => i.rule.type === 'veto').map((i) => i.id));
  const history = store.overrides.history(runId).filter((o) => o.siteId === siteId);
  return render(
    request,
    reply,
    `${stored.name}：评估详情`,
    (csrf) => html`<h1>${stored.name}</h1><p class="meta">${run.name}　<a href="/staff/runs/${run.id}">返回审核与发布</a></p>${errorBox(error)}
${
  !site
    ? html`<p>评估尚未完成，完成后可查看问题明细并人工复核。<a href="/staff/runs/${run.id}/live">查看评估进度</a></p>`
    : html`
${site.status !== 'assessed' ? html`<p class="error">未能评估：${site.statusLabel ?? ''}（${site.statusReason ?? ''}）</p>` : ''}
${
  site.suspectedVetoes.length
    ? html`<h2>疑似否决复核</h2>${site.suspectedVetoes.map(
        (
          v,
        ) => html`<form method="post" action="/staff/runs/${run.id}/overrides" class="card suspected">${csrfField(csrf)}<input type="hidden" name="siteId" value="${site.id}"><input type="hidden" name="indicator" value="${v.indicator}">
<p><span class="tag suspected-veto">待复核</span> ${v.reason}</p><p class="note">请人工核查该网站：确有相关栏目或内容时排除（按得分评定），确实没有时确认否决（判定为不合格）。</p>
<label for="reason-${v.indicator}">复核理由（必填，如核查到的网址）</label><textarea id="reason-${v.indicator}" name="reason" required maxlength="2000" rows="2"></textarea>
<p><button type="submit" name="veto" value="yes" class="danger">确认否决</button>　<button type="submit" name="veto" value="no">排除疑似否决</button></p></form>`,
      )}`
    : ''
}
<div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）">${siteDetail(site, results!.assessment.evidenceDir)}</div>
${
  site.status === 'assessed' && site.indicators.length
    ? html`<h2>人工复核</h2><form method="post" action="/staff/runs/${run.id}/overrides" class="card">${csrfField(csrf)}<input type="hidden" name="siteId" value="${site.id}">
<label for="indicator">指标</label><select id="indicator" name="indicator" required>${site.indicators.map((i) => html`<option value="${i.id}">${i.id} ${i.name}${vetoIds.has(i.id) ? '（否决项）' : ''}：${i.score === null ? (indicatorStatus[i.status] ?? i.status) : i.max !== null ? `${i.score}/${i.max}` : `${i.score} 分`}</option>`)}</select>
<label for="points">保留分数（计分指标填写）</label><input id="points" type="number" name="points" min="0" step="any" inputmode="decimal">
<label for="veto"><input id="veto" type="checkbox" name="veto" value="yes"> 判定否决（仅用于否决项；否决项不勾选即为取消否决）</label>
<label for="reason">复核理由（必填）</label><textarea id="reason" name="reason" required maxlength="2000" rows="3"></textarea>
<p><button type="submit">提交复核</button></p></form>`
    : ''
}
${site.status === 'assessed' ? dismissalForms(csrf, run.id, site, store.dismissals.history([site.id])) : ''}
${
  history.length
    ? html`<h2>复核记录</h2><div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">本网站的人工复核记录（最新的有效记录生效）</caption><thead><tr><th scope="col">时间</th><th scope="col">指标</th><th scope="col">决定</th><th scope="col">理由</th><th scope="col">复核人</th></tr></thead><tbody>${history.map(
        (o) =>
          html`<tr><td>${o.at.slice(0, 16).replace('T', ' ')}</td><td>${o.indicator}</td><td>${o.veto === null ? `${o.points} 分` : o.veto ? '否决' : '取消否决'}${o.revokedAt ? '（已撤销）' : ''}</td><td>${o.reason}</td><td>${o.by}</td></tr>`,
      )}</tbody></table></div>`
    : ''
}`
}`,
    { status },
  );
}

/** A site's review: its findings, and overrides under the one override rule (server/use-cases/override.ts), re-scored at once. */
export function reviewPages(store: Store): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/runs/:runId/sites/:siteId', { schema: { hide: true, params: SiteParams } }, async (request, reply) =>
      sitePage(request, reply, store, request.params.runId, request.params.siteId),
    );

    app.post(
      '/runs/:runId/overrides',
      { schema: { hide: true, params: RunParams, body: OverrideBody }, preValidation: app.csrfProtection },
      async (request, reply) => {
        const { runId } = request.params;
        const { siteId, indicator, points, veto, reason } = request.body;
        // A checkbox left empty sends nothing: on a veto indicator that clears the veto.
        const recorded = recordOverride(store, {
          runId,
          siteId,
          indicator,
          points: points?.trim() ? Number(points) : undefined,
          veto: veto === 'yes',
          reason: reason ?? '',
          by: { name: request.user!.name, userId: request.user!.id },
        });
        if (!recorded.ok && recorded.status === 404) return notice(request, reply, 404, '未找到', '未找到该网站的评估结果。');
        if (!recorded.ok) return sitePage(request, reply, store, runId, siteId, recorded.error, 400);
        return reply.redirect(`/staff/runs/${runId}/sites/${siteId}`, 303);
      },
    );

    app.post(
      '/runs/:runId/dismissals',
      { schema: { hide: true, params: RunParams, body: DismissalBody }, preValidation: app.csrfProtection },
      async (request, reply) => {
        const { runId } = request.params;
        const { siteId, key, kind, reason } = request.body;
        const done = dismissFinding(store, {
          runId,
          key: key ?? '',
          kind: kind ?? '',
          reason: reason ?? '',
          by: { name: request.user!.name, userId: request.user!.id },
          sites: new Set([siteId]),
        });
        if (!done.ok && done.field === 'run') return notice(request, reply, 404, '未找到', '未找到该网站的评估结果。');
        if (!done.ok) return sitePage(request, reply, store, runId, siteId, done.error, done.status);
        return reply.redirect(`/staff/runs/${runId}/sites/${siteId}`, 303);
      },
    );

    app.post(
      '/runs/:runId/dismissals/:id/undo',
      { schema: { hide: true, params: UndoParams, body: UndoBody }, preValidation: app.csrfProtection },
      async (request, reply) => {
        const { runId, id } = request.params;
        const { siteId } = request.body;
        const done = undoDismissal(store, { id: Number(id), by: { name: request.user!.name, userId: request.user!.id }, sites: new Set([siteId]) });
        if (!done.ok) return sitePage(request, reply, store, runId, siteId, done.error, done.status);
        return reply.redirect(`/staff/runs/${runId}/sites/${siteId}`, 303);
      },
    );
  };
}
