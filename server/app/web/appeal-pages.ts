import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { type Html, html } from '../../../reports/html.js';
import type { Appeal } from '../../store/reviews.js';
import type { Store } from '../../store/store.js';
import { acceptAppeal, attachmentUrl, rejectAppeal, sendAttachment } from '../appeal-actions.js';
import type { RouteContext } from '../route-context.js';
import { AppealIdPageParams as AppealParams } from '../schemas.js';
import { type AppealList, type AppealRow, listAppeals } from './appeal-list.js';
import { appealStatusTag, shortTime } from './appeal-status.js';
import { csrfField, notice, pageGuard, render, scroll } from './layout.js';

// Form fields arrive as strings: points stays a string here, so an empty box means "full marks", not 0.
const AcceptForm = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: 2000 }),
  points: Type.Optional(Type.String({ pattern: '^([0-9]{1,4}(\\.[0-9]{1,3})?)?$' })),
  veto: Type.Optional(Type.String({ maxLength: 8 })),
  _csrf: Type.Optional(Type.String()),
});
const RejectForm = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 2000 }), _csrf: Type.Optional(Type.String()) });
const ListQuery = Type.Object({
  accepted: Type.Optional(Type.Integer({ minimum: 1 })),
  rejected: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(Type.Number()),
  to: Type.Optional(Type.Number()),
});

const attachmentLink = (a: Appeal): Html =>
  a.attachment
    ? html`<a href="${attachmentUrl('staff', a.id)}">${a.attachment.name}</a>（${Math.max(1, Math.round(a.attachment.bytes / 1024))} KB）`
    : html`无`;

function openAppeal(r: AppealRow, csrf: string): Html {
  const a = r.appeal;
  const id = a.id;
  return html`<article class="card" aria-labelledby="appeal-${id}"><h3 id="appeal-${id}">#${id} ${r.siteName} · ${a.indicator} ${r.indicatorName}</h3>
<p class="meta">${r.runName}；${r.by} 提交于 ${shortTime(a.createdAt)}；附件：${attachmentLink(a)}</p>
<blockquote style="overflow-wrap:break-word">${a.text}</blockquote>
<form method="post" action="/staff/appeals/${id}/accept" class="card">${csrfField(csrf)}<h4>采纳</h4>
<label for="accept-reason-${id}">采纳理由</label><textarea id="accept-reason-${id}" name="reason" minlength="2" maxlength="2000" required></textarea>
${
  r.veto
    ? html`<label for="accept-veto-${id}"><input type="checkbox" id="accept-veto-${id}" name="veto" value="1"> 仍维持单项否决（不勾选则采纳即取消否决）</label>`
    : r.max === null
      ? html`<label for="accept-points-${id}">给分</label><p class="note" id="accept-points-hint-${id}">此指标按数量计分、没有满分，请填写核实后的得分。</p><input type="number" id="accept-points-${id}" name="points" min="0" step="0.001" inputmode="decimal" required aria-describedby="accept-points-hint-${id}">`
      : html`<label for="accept-points-${id}">给分（可选）</label><p class="note" id="accept-points-hint-${id}">不填则给满分 ${r.max} 分。</p><input type="number" id="accept-points-${id}" name="points" min="0" max="${r.max}" step="0.001" inputmode="decimal" aria-describedby="accept-points-hint-${id}">`
}
<p><button type="submit">采纳并重新计分</button></p></form>
<form method="post" action="/staff/appeals/${id}/reject" class="card">${csrfField(csrf)}<h4>驳回</h4>
<label for="reject-reason-${id}">驳回理由</label><textarea id="reject-reason-${id}" name="reason" minlength="2" maxlength="2000" required></textarea>
<p><button type="submit" class="danger">驳回申诉</button></p></form></article>`;
}

/** Where a section's appeals are when the page shows none of them: none match, or they are on another page. */
function elsewhere(list: AppealList, count: number, page: number, kind: string): Html {
  if (!count) return html`<p>${list.table.filtered(list.query) ? `没有符合条件的${kind}申诉。` : `没有${kind}的申诉。`}</p>`;
  return html`<p class="note">本页没有${kind}的申诉，见<a href="${list.table.href(list.query, page)}">第 ${page} 页</a>。</p>`;
}

function listBody(list: AppealList, csrf: string, message: Html | null): Html {
  const open = list.rows.filter((r) => r.appeal.status === 'open');
  const decided = list.rows.filter((r) => r.appeal.status !== 'open');
  const state = list.query.filters.state;
  return html`<h1>申诉处理</h1>${message ?? ''}${list.table.form(list.query)}
${state && state !== 'open' ? '' : html`<section aria-labelledby="open"><h2 id="open">待处理（${list.open}）</h2>${open.length ? open.map((r) => openAppeal(r, csrf)) : elsewhere(list, list.open, 1, '待处理')}</section>`}
${
  state === 'open'
    ? ''
    : html`<section aria-labelledby="decided"><h2 id="decided">已处理（${list.decided}）</h2>${
        decided.length
          ? scroll(
              html`<table><caption class="note">已处理的申诉，最近处理的在前</caption><thead><tr><th scope="col">编号</th><th scope="col">评估</th><th scope="col">网站</th><th scope="col">指标</th><th scope="col">申诉理由</th><th scope="col">附件</th><th scope="col">提交</th><th scope="col">结果</th><th scope="col">处理意见</th><th scope="col">处理人</th></tr></thead><tbody>${decided.map(
                (r) =>
                  html`<tr><td>#${r.appeal.id}</td><td>${r.runName}</td><td>${r.siteName}</td><td>${r.appeal.indicator} ${r.indicatorName}</td><td>${r.appeal.text}</td><td>${attachmentLink(r.appeal)}</td><td>${r.by}<br>${shortTime(r.appeal.createdAt)}</td><td>${appealStatusTag(r.appeal)}</td><td>${r.appeal.decision ?? ''}</td><td>${r.decidedBy}<br>${shortTime(r.appeal.decidedAt)}</td></tr>`,
              )}</tbody></table>`,
              '已处理的申诉',
            )
          : elsewhere(list, list.decided, list.firstDecidedPage, '已处理')
      }</section>`
}${list.table.pager(list.query, list.window)}`;
}

/** The message after a decision, from the redirect's query (the scores are only shown, never trusted for anything). */
function doneMessage(store: Store, query: { accepted?: number; rejected?: number; from?: number; to?: number }): Html | null {
  const appeal = store.reviews.getAppeal(query.accepted ?? query.rejected ?? 0);
  if (!appeal || appeal.status === 'open') return null;
  const site = store.runSites(appeal.runId).find((s) => s.siteId === appeal.siteId)?.name ?? appeal.siteId;
  if (appeal.status === 'accepted' && query.accepted)
    return html`<p class="success" role="status">已采纳申诉 #${appeal.id}（${site} ${appeal.indicator}），已重新计分：得分 ${query.from ?? '—'} → ${query.to ?? '—'}。</p>`;
  if (appeal.status === 'rejected' && query.rejected)
    return html`<p class="success" role="status">已驳回申诉 #${appeal.id}（${site} ${appeal.indicator}）。</p>`;
  return null;
}

/** Staff decide departments' appeals here: the same actions as the JSON API (override, re-score, audit), as forms. */
export function appealPages({ store, dataDir }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onRequest', pageGuard('evaluator', 'admin'));
    const page = (request: FastifyRequest, reply: FastifyReply, message: Html | null, status = 200) =>
      render(request, reply, '申诉处理', (csrf) => listBody(listAppeals(store, request.query), csrf, message), { status });
    const refused = (request: FastifyRequest, reply: FastifyReply, error: string, status: number) =>
      page(request, reply, html`<p class="error" role="alert">${error}</p>`, status);

    app.get('/', { schema: { hide: true, querystring: ListQuery }, attachValidation: true }, async (request, reply) =>
      page(request, reply, request.validationError ? null : doneMessage(store, request.query)),
    );

    // The CSRF check needs the parsed form field, so it runs after parsing (preValidation), not onRequest.
    app.post(
      '/:id/accept',
      { schema: { hide: true, params: AppealParams, body: AcceptForm }, attachValidation: true, preValidation: app.csrfProtection },
      async (request, reply) => {
        if (request.validationError)
          return refused(
            request,
            reply,
            request.validationError.validationContext === 'body' ? '请填写采纳理由（2 至 2000 字）；给分须为不小于 0 的数字。' : '未找到该申诉。',
            400,
          );
        const body = request.body;
        if (body.reason.trim().length < 2) return refused(request, reply, '请填写采纳理由（2 至 2000 字）。', 400);
        const id = Number(request.params.id);
        const accepted = acceptAppeal(store, request.user!, id, {
          reason: body.reason.trim(),
          points: body.points ? Number(body.points) : undefined,
          veto: body.veto !== undefined,
        });
        if (!accepted.ok) return refused(request, reply, accepted.status === 404 ? `申诉 #${id} 不存在或已处理。` : accepted.error, accepted.status);
        const done = new URLSearchParams({ accepted: String(id) });
        if (accepted.before !== null) done.set('from', String(accepted.before));
        if (accepted.after !== null) done.set('to', String(accepted.after));
        return reply.redirect(`/staff/appeals?${done}`, 303);
      },
    );

    app.post(
      '/:id/reject',
      { schema: { hide: true, params: AppealParams, body: RejectForm }, attachValidation: true, preValidation: app.csrfProtection },
      async (request, reply) => {
        if (request.validationError)
          return refused(request, reply, request.validationError.validationContext === 'body' ? '请填写驳回理由（2 至 2000 字）。' : '未找到该申诉。', 400);
        const reason = request.body.reason.trim();
        if (reason.length < 2) return refused(request, reply, '请填写驳回理由（2 至 2000 字）。', 400);
        const id = Number(request.params.id);
        const rejected = rejectAppeal(store, request.user!, id, reason);
        if (!rejected.ok) return refused(request, reply, `申诉 #${id} 不存在或已处理。`, rejected.status);
        return reply.redirect(`/staff/appeals?rejected=${id}`, 303);
      },
    );

    app.get('/:id/attachment', { schema: { hide: true, params: AppealParams }, attachValidation: true }, async (request, reply) => {
      const appeal = request.validationError ? null : store.reviews.getAppeal(Number(request.params.id));
      return (appeal && (await sendAttachment(reply, store, dataDir, appeal))) ?? notice(request, reply, 404, '未找到', '未找到该附件。');
    });
  };
}
