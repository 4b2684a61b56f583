import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { failureLabel } from '../../../../evaluators/collect/failures.js';
import { gradeTag } from '../../../../reports/grade-palette.js';
import { html } from '../../../../reports/html.js';
import type { Store } from '../../../store/store.js';
import { publishRefusal, publishRun } from '../../../use-cases/publish.js';
import { type SiteView, storedRun } from '../../../use-cases/stored-run.js';
import { CsrfBody, RunParams } from '../../schemas.js';
import { errorBox } from '../campaign-form.js';
import { csrfField, notice, render } from '../layout.js';
import { staffDownloads } from '../run-files.js';

/** A site's state on the ranking: not assessed, vetoed, suspected (疑似否决, with the indicators), passed or not. */
function siteState(s: SiteView) {
  const suspected = s.score?.suspectedVetoes ?? []; // absent in scores stored before they existed
  if (s.status !== 'assessed') return `${failureLabel(s.statusReason ?? 'error')}（未评估）`;
  if (!s.score) return '待评分';
  if (s.score.vetoes.length) return html`<span class="tag veto">单项否决</span>${suspected.length ? '（另有疑似否决待复核）' : ''}`;
  if (suspected.length)
    return html`<span class="tag suspected-veto">疑似否决，待复核</span> ${suspected.map((v) => `${v.indicator} ${s.score!.indicators.find((i) => i.id === v.indicator)?.name ?? ''}`).join('、')}`;
  return s.score.passed ? '已评估' : '不合格';
}

/** 审核与发布: the ranking per group, and the 发布 form with what still blocks it (the rule of server/use-cases/publish.ts). */
async function reviewPage(
  request: FastifyRequest,
  reply: FastifyReply,
  { store, dataDir }: { store: Store; dataDir: string },
  runId: string,
  error: string | null = null,
  status = 200,
) {
  const view = storedRun(store, runId);
  if (!view) return notice(request, reply, 404, '未找到', '未找到该评估。');
  const { run, sites } = view;
  const downloads = run.finishedAt ? await staffDownloads(dataDir, run.id, sites) : '';
  const published = store.reviews.isPublished(run.id);
  const groups = [...new Set(sites.map((s) => s.group))];
  const blocked = run.finishedAt && !published ? publishRefusal(store, run.id) : null;
  return render(
    request,
    reply,
    `审核与发布：${run.name}`,
    (
      csrf,
    ) => html`<h1>审核与发布</h1><p class="meta">${run.name}　评估日期：${run.asOf}　指标体系：${run.indicators}　${run.finishedAt ? html`完成于 ${run.finishedAt.slice(0, 16).replace('T', ' ')}` : html`<a href="/staff/runs/${run.id}/live">评估进行中，查看进度</a>`}</p>${errorBox(error)}
${published ? html`<p class="success">已发布，公众可在<a href="/runs/${run.id}">公开页面</a>查看排名。</p>` : run.finishedAt ? html`<form method="post" action="/staff/runs/${run.id}/publish" class="card">${csrfField(csrf)}<p>发布后公众可查看各分组的排名、得分和等级（不含问题明细和截图）。</p>${blocked?.suspected.length ? html`<div class="error" role="alert"><p>${blocked.suspected.length} 个网站存在疑似否决项（依据“未找到”作出的否决），须逐一人工复核（确认否决或排除）后才能发布：</p><ul>${blocked.suspected.map((s) => html`<li><a href="/staff/runs/${run.id}/sites/${s.siteId}">${s.name}</a>：${s.labels.join('、')}</li>`)}</ul></div>` : ''}<button type="submit">发布</button></form>` : html`<p class="note">评估完成后才能发布。</p>`}
${groups.map((g) => {
  const rows = sites.filter((s) => s.group === g).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  return html`<section><h2>${g}</h2><div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">${g}：名次、得分、等级与状态</caption><thead><tr><th scope="col">名次</th><th scope="col">网站</th><th scope="col">得分</th><th scope="col">等级</th><th scope="col">状态</th></tr></thead><tbody>${rows.map(
    (s) =>
      html`<tr><td>${s.score?.pendingReview ? '待复核' : (s.rank ?? '—')}</td><td><a href="/staff/runs/${run.id}/sites/${s.id}">${s.name}</a></td><td>${s.score?.score ?? '—'}</td><td>${gradeTag({ assessed: s.status === 'assessed', passed: s.score?.passed ?? false, grade: s.score?.grade.name ?? null })}</td><td>${siteState(s)}</td></tr>`,
  )}</tbody></table></div></section>`;
})}${downloads}`,
    { status },
  );
}

/** A run's review page and publishing it: refused, with the reason on the page, while the rule says no. */
export function publishPages({ store, dataDir }: { store: Store; dataDir: string }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/runs/:runId', { schema: { hide: true, params: RunParams } }, async (request, reply) =>
      reviewPage(request, reply, { store, dataDir }, request.params.runId),
    );

    app.post(
      '/runs/:runId/publish',
      { schema: { hide: true, params: RunParams, body: CsrfBody }, preValidation: app.csrfProtection },
      async (request, reply) => {
        const { runId } = request.params;
        const refusal = publishRun(store, runId, request.user!.id);
        if (refusal?.status === 404) return notice(request, reply, 404, '未找到', refusal.message);
        if (refusal) return reviewPage(request, reply, { store, dataDir }, runId, refusal.message, refusal.status);
        return reply.redirect(`/staff/runs/${runId}`, 303);
      },
    );
  };
}
