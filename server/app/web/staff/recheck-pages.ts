import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

import { type Html, html } from '../../../../reports/html.js';
import { type RecheckSite, recheckStatuses, recheckStatusNames } from '../../../../reports/recheck.js';
import { renderRecheckNotice } from '../../../../reports/recheck-notice.js';
import type { RecheckRow } from '../../../store/rechecks.js';
import type { Store } from '../../../store/store.js';
import { CsrfBody, RunId, RunParams } from '../../schemas.js';
import { shortTime } from '../appeal-status.js';
import { csrfField, notice, render, scroll } from '../layout.js';
import type { RecheckRunner, RecheckState } from '../recheck-runner.js';
import { recheckCounts, recheckMeta, recheckTable } from '../recheck-view.js';

const RecheckParams = Type.Object({ runId: RunId, recheckRunId: RunId });
const RecheckForm = Type.Object({ ...CsrfBody.properties, deadline: Type.Optional(Type.String({ maxLength: 10 })) });
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

function runnerState(state: RecheckState | null): Html | string {
  if (!state) return '';
  if (state.state === 'running')
    return html`<p class="note" role="status">整改复核进行中（开始于 ${shortTime(state.startedAt)}），完成后结果显示在下方。刷新本页查看进度。</p>`;
  if (state.state === 'failed') return html`<p class="error" role="alert">上一次整改复核未完成：${state.message}</p>`;
  return html`<p class="success" role="status">整改复核已完成。</p>`;
}

/** Each re-checked unit with its counts, those with a finding not fixed or new first (the units the notice names). */
function unitTable(r: RecheckRow): Html {
  const open = (s: RecheckSite) => s.counts['not-fixed'] + s.counts.new;
  const sites = [...r.result.sites].sort((a, b) => Number(open(b) > 0) - Number(open(a) > 0));
  return scroll(
    html`<table><caption class="note">各单位复核结果（未完成整改的单位在前）</caption><thead><tr><th scope="col">单位</th>${recheckStatuses.map((s) => html`<th scope="col">${recheckStatusNames[s]}</th>`)}</tr></thead><tbody>${sites.map(
      (s) =>
        html`<tr><td>${s.name}${s.state === 'assessed' ? '' : '（复核时无法访问）'}</td>${recheckStatuses.map((status) => html`<td>${s.counts[status]}</td>`)}</tr>`,
    )}</tbody></table>`,
    '各单位复核结果',
  );
}

/**
 * 整改复核 on a finished run's page: start a re-check (with the order's deadline), whether one runs, and the
 * re-checks made, the latest with its totals, the units not fixed and links to its findings and notice.
 */
export function recheckPart(store: Store, runId: string, state: RecheckState | null, csrf: string): Html {
  const rechecks = store.rechecks.ofRun(runId);
  const latest = rechecks[0];
  const running = state?.state === 'running';
  return html`<section id="recheck" aria-labelledby="recheck-title"><h2 id="recheck-title">整改复核</h2>
<p class="note">复核只重新采集本次评估发现问题的网站，按问题标识逐条判断已整改、未整改或未能复核，并列出复核中新发现的问题；部门标记已整改的问题由复核验证。</p>
${runnerState(state)}
<form method="post" action="/staff/runs/${runId}/recheck" class="card">${csrfField(csrf)}<label for="recheck-deadline">整改期限（写入复核通报，可不填）</label><input id="recheck-deadline" type="date" name="deadline"> <button type="submit"${running ? html` disabled` : ''}>开始整改复核</button></form>
${
  latest
    ? html`<h3>最近一次复核</h3><p class="meta">${recheckMeta(latest)}</p>${recheckCounts(latest.result.sites)}
${unitTable(latest)}
<p><a href="/staff/runs/${runId}/rechecks/${latest.recheckRunId}">查看逐条复核结果</a>　<a href="/staff/runs/${runId}/rechecks/${latest.recheckRunId}/notice" download="recheck-notice.html">下载复核通报（网页文件）</a></p>
${rechecks.length > 1 ? html`<p class="note">更早的复核：${rechecks.slice(1).map((r) => html`<a href="/staff/runs/${runId}/rechecks/${r.recheckRunId}">${shortTime(r.checkedAt)}</a> `)}</p>` : ''}`
    : html`<p>本次评估尚未复核。</p>`
}</section>`;
}

/** Starting a re-check, and a re-check's findings and notice. */
export function recheckPages({ store, runner }: { store: Store; runner: RecheckRunner }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/runs/:runId/recheck',
      { schema: { hide: true, params: RunParams, body: RecheckForm }, preValidation: app.csrfProtection },
      async (request, reply) => {
        const { runId } = request.params;
        const run = store.getRun(runId);
        if (!run || store.rechecks.isRecheckRun(runId)) return notice(request, reply, 404, '未找到', '未找到该评估。');
        if (!run.finishedAt) return notice(request, reply, 409, '评估尚未完成', '评估完成后才能整改复核。');
        const deadline = request.body.deadline?.trim() || undefined;
        if (deadline && !isDate(deadline)) return notice(request, reply, 400, '整改期限不正确', '请按 2026-12-31 的格式填写整改期限。');
        if (runner.start(runId, { deadline })) store.reviews.audit(request.user!.id, 'recheck-started', `run:${runId}`, deadline ? { deadline } : undefined);
        return reply.redirect(`/staff/runs/${runId}#recheck`, 303);
      },
    );

    app.get('/runs/:runId/rechecks/:recheckRunId', { schema: { hide: true, params: RecheckParams } }, async (request, reply) => {
      const { runId, recheckRunId } = request.params;
      const row = store.rechecks.ofRun(runId).find((r) => r.recheckRunId === recheckRunId);
      if (!row) return notice(request, reply, 404, '未找到', '未找到该复核。');
      const names = new Map(row.result.sites.map((s) => [s.id, s.name]));
      return render(
        request,
        reply,
        `整改复核：${row.result.runName}`,
        () => html`<p><a href="/staff/runs/${runId}#recheck">← 返回评估</a></p><h1>整改复核结果</h1><p class="meta">${row.result.runName}　${recheckMeta(row)}</p>
${recheckCounts(row.result.sites)}
${recheckTable(row.result.findings, names, '逐条复核结果（未整改、新发现在前）')}`,
      );
    });

    // The notice as a file to download (it quotes crawled wording, escaped; never shown in our pages' origin).
    app.get('/runs/:runId/rechecks/:recheckRunId/notice', { schema: { hide: true, params: RecheckParams } }, async (request, reply) => {
      const { runId, recheckRunId } = request.params;
      const row = store.rechecks.ofRun(runId).find((r) => r.recheckRunId === recheckRunId);
      if (!row) return notice(request, reply, 404, '未找到', '未找到该复核。');
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="recheck-notice-${recheckRunId}.html"`)
        .send(renderRecheckNotice(row.result));
    });
  };
}
