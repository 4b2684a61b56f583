import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { failureLabel } from '../../../../evaluators/collect/failures.js';
import { gradeTag } from '../../../../reports/grade-palette.js';
import { type Html, html } from '../../../../reports/html.js';
import { suspicionBasis } from '../../../../reports/suspicion-basis.js';
import { recheckOfOption } from '../../../store/rechecks.js';
import type { Store } from '../../../store/store.js';
import { isRefusal, type PublishRefusal, publishRefusal, publishRun } from '../../../use-cases/publish.js';
import { hasChanges, pendingCorrection } from '../../../use-cases/published-version.js';
import { type SiteView, storedRun } from '../../../use-cases/stored-run.js';
import { CsrfBody, RunParams } from '../../schemas.js';
import { shortTime } from '../appeal-status.js';
import { errorBox } from '../campaign-form.js';
import { csrfField, notice, render } from '../layout.js';
import type { RecheckRunner } from '../recheck-runner.js';
import type { ReportRefresher } from '../report-refresh.js';
import { outputsWrittenAt, staffDownloads } from '../run-files.js';
import { changesList } from '../version-changes.js';
import { recheckPart } from './recheck-pages.js';
import { listRunSites, siteOutcome } from './run-sites-table.js';

/** A site's state on the ranking: not assessed, vetoed, suspected (疑似否决, with the indicators), passed or not. */
function siteState(s: SiteView) {
  const suspected = s.score?.suspectedVetoes ?? []; // absent in scores stored before they existed
  switch (siteOutcome(s)) {
    case 'unassessed':
      return s.status !== 'assessed' ? `${failureLabel(s.statusReason ?? 'error')}（未评估）` : '待评分';
    case 'veto':
      return html`<span class="tag veto">单项否决</span>${suspected.length ? '（另有疑似否决待复核）' : ''}`;
    case 'suspected':
      return html`<span class="tag suspected-veto">疑似否决，待复核</span> ${suspected.map((v) => `${v.indicator} ${s.score!.indicators.find((i) => i.id === v.indicator)?.name ?? ''}`).join('、')}`;
    case 'passed':
      return '已评估';
    case 'failed':
      return '不合格';
  }
}

/** The sites whose suspected vetoes block publishing, each linked to its page. */
function suspectedList(runId: string, blocked: PublishRefusal | null): Html | string {
  if (!blocked?.suspected.length) return '';
  return html`<div class="error" role="alert"><p>${blocked.suspected.length} 个网站存在疑似否决项（${suspicionBasis(blocked.suspected.flatMap((s) => s.searched.map((searched) => ({ searched }))))}的否决），须逐一人工复核（确认否决或排除）后才能发布：</p><ul>${blocked.suspected.map((s) => html`<li><a href="/staff/runs/${runId}/sites/${s.siteId}">${s.name}</a>：${s.labels.join('、')}</li>`)}</ul></div>`;
}

/**
 * A published run: the version the public sees, and when the scores have changed since (an accepted appeal,
 * an override, a re-score), what changed and the form that publishes it as a correction (更正) with its note.
 */
function publishedPart(store: Store, runId: string, csrf: string, blocked: PublishRefusal | null): Html {
  const pending = pendingCorrection(store, runId)!;
  const { latest, changes } = pending;
  const seen = html`<p class="success">已发布第 ${latest.version} 版（${shortTime(latest.publishedAt)}），公众在<a href="/runs/${runId}">公开页面</a>看到的是该版本${latest.version > 1 ? html`，<a href="/runs/${runId}#versions">各版本及更正说明</a>均可查看` : ''}。</p>`;
  if (!hasChanges(changes)) return html`${seen}<p class="note">当前评分与第 ${latest.version} 版一致，无需更正。</p>`;
  return html`${seen}<form method="post" action="/staff/runs/${runId}/publish" class="card" id="correction">${csrfField(csrf)}<h2>待发布的更正</h2><p>第 ${latest.version} 版发布后评分有以下变化（申诉采纳、复核调整或重新评分）；公开页面仍显示第 ${latest.version} 版，发布更正后显示第 ${latest.version + 1} 版，并列出各版本。</p>${changesList(changes)}${suspectedList(runId, blocked)}<label for="note">更正说明（公开显示，必填）</label><div><textarea id="note" name="note" rows="3" maxlength="2000" required></textarea></div><p><button type="submit">发布更正（第 ${latest.version + 1} 版）</button></p></form>`;
}

/** 审核与发布: the ranking per group, and the 发布 form with what still blocks it (the rule of server/use-cases/publish.ts). */
async function reviewPage(
  request: FastifyRequest,
  reply: FastifyReply,
  { store, dataDir, refresher, rechecks }: PublishContext,
  runId: string,
  error: string | null = null,
  status = 200,
) {
  const view = storedRun(store, runId);
  if (!view) return notice(request, reply, 404, '未找到', '未找到该评估。');
  const { run, sites } = view;
  const listed = listRunSites(request.query, run.id, sites); // the page of sites the search form asks for, in ranking order
  const downloads = run.finishedAt
    ? await staffDownloads(dataDir, run.id, sites, { scoredAt: store.scoresOf(run.id).at(-1)?.computedAt ?? null, refresh: refresher.state(run.id) })
    : () => '';
  const published = store.publications.isPublished(run.id);
  const groups = [...new Set(sites.map((s) => s.group))];
  const blocked = run.finishedAt ? publishRefusal(store, run.id) : null;
  return render(
    request,
    reply,
    `审核与发布：${run.name}`,
    (
      csrf,
    ) => html`<h1>审核与发布</h1><p class="meta">${run.name}　评估日期：${run.asOf}　指标体系：${run.indicators}　${run.finishedAt ? html`完成于 ${run.finishedAt.slice(0, 16).replace('T', ' ')}` : html`<a href="/staff/runs/${run.id}/live">评估进行中，查看进度</a>`}</p>${errorBox(error)}
${published ? publishedPart(store, run.id, csrf, blocked) : run.finishedAt ? html`<form method="post" action="/staff/runs/${run.id}/publish" class="card">${csrfField(csrf)}<p>发布后公众可查看各分组的排名、得分和等级（不含问题明细和截图）。发布的是此刻的评分，之后的变化（申诉采纳、复核调整、重新评分）须作为更正另行发布。</p>${suspectedList(run.id, blocked)}<button type="submit">发布</button></form>` : html`<p class="note">评估完成后才能发布。</p>`}
${listed.form}
${groups.map((g) => {
  const rows = listed.rows.filter((s) => s.group === g);
  if (!rows.length) return '';
  return html`<section><h2>${g}</h2><div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">${g}：名次、得分、等级与状态</caption><thead><tr><th scope="col">名次</th><th scope="col">网站</th><th scope="col">得分</th><th scope="col">等级</th><th scope="col">状态</th></tr></thead><tbody>${rows.map(
    (s) =>
      html`<tr><td>${s.score?.pendingReview ? '待复核' : (s.rank ?? '—')}</td><td><a href="/staff/runs/${run.id}/sites/${s.id}">${s.name}</a></td><td>${s.score?.score ?? '—'}</td><td>${gradeTag({ assessed: s.status === 'assessed', passed: s.score?.passed ?? false, grade: s.score?.grade.name ?? null })}</td><td>${siteState(s)}</td></tr>`,
  )}</tbody></table></div></section>`;
})}
${listed.pager}${downloads(csrf)}${run.finishedAt && !run.options[recheckOfOption] ? recheckPart(store, run.id, rechecks.state(run.id), csrf) : ''}`,
    { status },
  );
}

const PublishForm = Type.Object({ ...CsrfBody.properties, note: Type.Optional(Type.String({ maxLength: 2000 })) });

interface PublishContext {
  store: Store;
  dataDir: string;
  refresher: ReportRefresher;
  rechecks: RecheckRunner;
}

/** A run's review page and publishing it: refused, with the reason on the page, while the rule says no. */
export function publishPages(context: PublishContext): FastifyPluginAsyncTypebox {
  const { store, dataDir, refresher } = context;
  /** Rewrites the run's files when they are older than its last scoring, so that downloads match what is published. */
  const refreshIfStale = async (runId: string) => {
    const scoredAt = store.scoresOf(runId).at(-1)?.computedAt ?? null;
    const writtenAt = await outputsWrittenAt(
      dataDir,
      runId,
      store.runSites(runId).map((s) => ({ id: s.siteId })),
    );
    if (scoredAt && writtenAt && writtenAt < scoredAt) refresher.refresh(runId);
  };
  return async (app) => {
    app.get('/runs/:runId', { schema: { hide: true, params: RunParams } }, async (request, reply) => reviewPage(request, reply, context, request.params.runId));

    app.post(
      '/runs/:runId/publish',
      { schema: { hide: true, params: RunParams, body: PublishForm }, preValidation: app.csrfProtection },
      async (request, reply) => {
        const { runId } = request.params;
        const outcome = publishRun(store, runId, request.user!.id, request.body.note);
        if (isRefusal(outcome) && outcome.status === 404) return notice(request, reply, 404, '未找到', outcome.message);
        if (isRefusal(outcome)) return reviewPage(request, reply, context, runId, outcome.message, outcome.status);
        if (outcome.created) await refreshIfStale(runId);
        return reply.redirect(`/staff/runs/${runId}`, 303);
      },
    );

    // 按当前评分重新生成报告文件: the run's files rewritten from the store (runs whose files are in the data folder).
    app.post(
      '/runs/:runId/outputs',
      { schema: { hide: true, params: RunParams, body: CsrfBody }, preValidation: app.csrfProtection },
      async (request, reply) => {
        const { runId } = request.params;
        if (!store.getRun(runId) || !refresher.refresh(runId)) return notice(request, reply, 404, '未找到', '未找到该评估的报告文件。');
        store.reviews.audit(request.user!.id, 'outputs-rewritten', `run:${runId}`);
        return reply.redirect(`/staff/runs/${runId}`, 303);
      },
    );
  };
}
