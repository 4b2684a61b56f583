import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { failureLabel } from '../../../evaluators/collect/failures.js';
import { listPresets } from '../../../indicators/load.js';
import { ruleMax } from '../../../indicators/rules.js';
import { ConfigError } from '../../../common/config-errors.js';
import { html } from '../../../reports/html.js';
import { indicatorStatus } from '../../../reports/html-parts.js';
import { siteDetail } from '../../../reports/site-detail.js';
import { lastUsedSet } from '../../use-cases/run-set.js';
import { sampleSites } from '../../config/sample-sites.js';
import { loadSitesFile, type SitesFile } from '../../config/sites-file.js';
import type { Campaign } from '../../store/campaigns.js';
import type { RouteContext } from '../route-context.js';
import { publishRefusal, publishRun } from '../publish-rule.js';
import { rescoreStored, runResults, storedRun } from '../run-view.js';
import { CampaignBusy, campaignOptions, CampaignRunner } from './campaign-runner.js';
import { startScheduledCampaigns } from './scheduled-campaigns.js';
import { campaignFormPage, checkCampaignForm, describeConfigError, errorBox, FormProblem, readCampaignForm, saveCampaign, type CampaignForm } from './campaign-form.js';
import { csrfField, notice, pageGuard, raw, render } from './layout.js';
import { progressEvents, runProgress } from './run-progress.js';

const RunParams = Type.Object({ runId: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }) });
const SiteParams = Type.Object({ runId: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }), siteId: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }) });
const CampaignParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const CsrfBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) });
const CsrfQuery = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) });
// Loose on purpose: a missing or wrong value re-renders the form with a Chinese message instead of a bare 400.
const OverrideBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  siteId: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }),
  indicator: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,30}$' }),
  points: Type.Optional(Type.String({ maxLength: 20 })),
  veto: Type.Optional(Type.Union([Type.Literal('yes'), Type.Literal('no')])),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});

const campaignStates: Record<Campaign['state'], { label: string; tag: string }> = {
  draft: { label: '未开始', tag: 'pending' },
  running: { label: '评估中', tag: 'running' },
  finished: { label: '已完成', tag: 'finished' },
  failed: { label: '未完成', tag: 'failed' },
};
const tag = (t: { label: string; tag: string }) => html`<span class="tag ${t.tag}">${t.label}</span>`;
const hiddenIf = (hidden: boolean) => (hidden ? raw(' hidden') : '');

/** The staff pages: campaigns (create, start, watch), review with overrides, publishing. */
export function staffPages({ store, dbFile, dataDir, queueUrl }: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const runner = new CampaignRunner({ store, dbFile, dataDir, queueUrl });
    const schedules = queueUrl ? startScheduledCampaigns({ store, dataDir, runner, redisUrl: queueUrl, log: (line) => app.log.info(line) }) : null;
    const events = progressEvents(store);
    // A campaign still "running" from before a restart has no process any more: say so; starting it again resumes.
    for (const c of store.campaigns.list()) if (c.state === 'running') store.campaigns.update(c.id, { state: 'failed', message: '评估服务重启时评估尚未完成；重新开始将从中断处继续。' });
    app.addHook('onClose', async () => {
      await schedules?.close();
      events.close();
      await runner.close();
    });
    // The guard runs before the routes' own onRequest hooks (CSRF), so strangers are sent to the login page first.
    app.addHook('onRequest', pageGuard('evaluator', 'admin'));
    app.setNotFoundHandler((request, reply) => notice(request, reply, 404, '未找到', '未找到该页面。'));
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.validation && error.validationContext === 'params') return notice(request, reply, 404, '未找到', '未找到该页面。');
      if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') return notice(request, reply, 403, '页面已过期', '表单已失效，请返回上一页刷新后重新提交。');
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') return notice(request, reply, 413, '文件过大', '上传的文件不能超过 10 MB。');
      if (error.validation) return notice(request, reply, 400, '提交的内容有误', '表单内容不完整或格式不对，请返回检查后重新提交。');
      request.log.error(error);
      return notice(request, reply, 500, '出错了', '服务器处理请求时出错，请稍后再试。');
    });
    const presets = listPresets();

    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const campaigns = store.campaigns.list();
      const runs = store.listRuns().reverse();
      return render(request, reply, '评估工作台', () => html`<h1>评估工作台</h1><p><a class="button" href="/staff/campaigns/new">新建评估</a></p>
<h2>评估任务</h2>${campaigns.length ? html`<div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">在本系统创建的评估任务</caption><thead><tr><th scope="col">名称</th><th scope="col">评估日期</th><th scope="col">指标体系</th><th scope="col">状态</th></tr></thead><tbody>${campaigns.map(
        (c) => html`<tr><td><a href="/staff/campaigns/${c.id}">${c.name}</a></td><td>${c.asOf}</td><td>${c.indicators}</td><td>${tag(campaignStates[c.state])}</td></tr>`,
      )}</tbody></table></div>` : html`<p>还没有评估任务。</p>`}
<h2>评估结果</h2>${runs.length ? html`<div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">存储中的全部评估（含命令行运行和导入的）</caption><thead><tr><th scope="col">名称</th><th scope="col">评估日期</th><th scope="col">已完成网站</th><th scope="col">完成时间</th><th scope="col">发布</th><th scope="col">操作</th></tr></thead><tbody>${runs.map((r) => {
        const sites = store.runSites(r.id);
        return html`<tr><td>${r.name}</td><td>${r.asOf}</td><td>${sites.filter((s) => s.status !== 'pending').length} / ${sites.length}</td><td>${r.finishedAt ? r.finishedAt.slice(0, 16).replace('T', ' ') : '未完成'}</td><td>${store.reviews.isPublished(r.id) ? '已发布' : '未发布'}</td><td><a href="/staff/runs/${r.id}">审核与发布<span class="skip">：${r.name}</span></a>　<a href="/staff/runs/${r.id}/live">评估进度<span class="skip">：${r.name}</span></a></td></tr>`;
      })}</tbody></table></div>` : html`<p>还没有评估结果。</p>`}`);
    });

    app.get('/campaigns/new', { schema: { hide: true } }, async (request, reply) => render(request, reply, '新建评估', (csrf) => campaignFormPage(csrf, presets, null, null)));

    app.post(
      '/campaigns',
      {
        schema: { hide: true, querystring: CsrfQuery },
        // Multipart bodies are not parsed before the handler, so the plugin's body lookup finds nothing: hand it the query's token as its header.
        onRequest: [
          async (request) => {
            const token = (request.query as { _csrf?: string })._csrf;
            if (token && !request.headers['x-csrf-token']) request.headers['x-csrf-token'] = token;
          },
          app.csrfProtection,
        ],
      },
      async (request, reply) => {
        let form: CampaignForm | null = null;
        const refuse = (status: number, message: string) => render(request, reply, '新建评估', (csrf) => campaignFormPage(csrf, presets, form, message), { status });
        try {
          form = await readCampaignForm(request);
          const checked = checkCampaignForm(form, presets);
          const campaign = saveCampaign(store, dataDir, form, checked, request.user!.id);
          return reply.redirect(`/staff/campaigns/${campaign.id}`, 303);
        } catch (error) {
          if (error instanceof ConfigError) return refuse(400, describeConfigError(error));
          if (error instanceof FormProblem) return refuse(400, error.message);
          if ((error as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') return refuse(413, '上传的文件不能超过 10 MB。');
          if ((error as FastifyError).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return refuse(400, '请通过本页的表单提交。');
          throw error;
        }
      },
    );

    const campaignPage = (request: FastifyRequest, reply: FastifyReply, campaign: Campaign, error: string | null = null, status = 200) => {
      let sites: SitesFile | null = null;
      let problem = error;
      try {
        sites = loadSitesFile(campaign.sitesFile);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        problem ??= `站点文件无法读取：${e.message}`;
      }
      const options = campaignOptions(campaign);
      // A spot check shows the sites its seed draws: the same draw the run will make.
      const drawn = sites && options.sample ? sampleSites(sites.sites, options.sample, options.seed ?? campaign.asOf) : null;
      const assessed = drawn?.chosen ?? sites?.sites ?? [];
      const groups = new Map<string, number>();
      for (const s of assessed) groups.set(s.group, (groups.get(s.group) ?? 0) + 1);
      const running = campaign.state === 'running';
      return render(request, reply, campaign.name, (csrf) => html`<h1>${campaign.name}</h1>${errorBox(problem)}
<p class="meta">状态：${tag(campaignStates[campaign.state])}　评估日期：${campaign.asOf}　指标体系：${campaign.indicators}${options.maxPages ? html`　每个网站最多 ${options.maxPages} 个页面` : ''}${drawn ? html`　随机抽查：从 ${drawn.sample.population} 个网站中抽取 ${drawn.sample.size} 个（抽样种子“${drawn.sample.seed}”）` : ''}</p>
${campaign.state === 'failed' && campaign.message ? html`<p class="error">评估未完成：${campaign.message}</p>` : ''}
${campaign.runId ? html`<p><a href="/staff/runs/${campaign.runId}/live">评估进度</a>　<a href="/staff/runs/${campaign.runId}">审核与发布</a></p>` : ''}
${sites ? html`<h2>各分组网站数</h2><div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">${drawn ? `抽中 ${assessed.length} 个网站` : `共 ${assessed.length} 个网站`}，排名在各分组内进行</caption><thead><tr><th scope="col">分组</th><th scope="col">网站数</th></tr></thead><tbody>${[...groups].map(([g, n]) => html`<tr><td>${g}</td><td>${n}</td></tr>`)}</tbody></table></div>
${drawn ? html`<h2>抽中的网站</h2><ul>${drawn.chosen.map((s) => html`<li>${s.name}（${s.id}，${s.group}）</li>`)}</ul>` : ''}
<details><summary>站点文件中的全部网站（${sites.sites.length} 个）</summary><div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><thead><tr><th scope="col">标识</th><th scope="col">名称</th><th scope="col">分组</th><th scope="col">网址</th></tr></thead><tbody>${sites.sites.map((s) => html`<tr><td>${s.id}</td><td>${s.name}</td><td>${s.group}</td><td>${s.url}</td></tr>`)}</tbody></table></div></details>` : ''}
${sites && !running ? html`<form method="post" action="/staff/campaigns/${campaign.id}/start" class="card">${csrfField(csrf)}<p>${campaign.state === 'draft' ? '开始后将在后台用浏览器逐个采集网站，可在评估进度页面查看。' : '再次开始时，已完成的网站不会重复采集。'}</p><button type="submit">${campaign.state === 'draft' ? '开始评估' : '重新开始评估'}</button></form>` : ''}`, { status });
    };

    app.get('/campaigns/:id', { schema: { hide: true, params: CampaignParams } }, async (request, reply) => {
      const campaign = store.campaigns.get((request.params as { id: number }).id);
      if (!campaign) return notice(request, reply, 404, '未找到', '未找到该评估任务。');
      return campaignPage(request, reply, campaign);
    });

    app.post('/campaigns/:id/start', { schema: { hide: true, params: CampaignParams, body: CsrfBody }, preValidation: app.csrfProtection }, async (request, reply) => {
      const campaign = store.campaigns.get((request.params as { id: number }).id);
      if (!campaign) return notice(request, reply, 404, '未找到', '未找到该评估任务。');
      // A second click (or a second tab) watches the running campaign instead of starting it twice.
      if (campaign.state === 'running' && campaign.runId) return reply.redirect(`/staff/runs/${campaign.runId}/live`, 303);
      try {
        const run = runner.start(campaign, request.user!.id);
        return reply.redirect(`/staff/runs/${run.id}/live`, 303);
      } catch (error) {
        if (error instanceof ConfigError) return campaignPage(request, reply, campaign, `无法开始评估：${error.message}`, 400);
        if (error instanceof CampaignBusy) return campaignPage(request, reply, campaign, error.message, 409);
        throw error;
      }
    });

    app.get('/runs/:runId/live', { schema: { hide: true, params: RunParams } }, async (request, reply) => {
      const { runId } = request.params as { runId: string };
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
<p aria-live="polite"><span id="state">${p.finished ? '评估已完成。' : p.failed ? '评估未完成。' : '正在评估……'}</span>进度：<span id="done">${p.done}</span> / <span id="total">${p.total}</span> 个网站</p>
<p id="finished" class="success"${hiddenIf(!p.finished)}>评估已完成，请<a href="/staff/runs/${runId}">审核与发布</a>。</p>
<div id="failed" class="error"${hiddenIf(!p.failed)}><p>评估进程未正常结束：<span id="failed-message">${p.failed ?? ''}</span></p>${campaign ? html`<p><a href="/staff/campaigns/${campaign.id}">返回评估任务</a>（可重新开始，已完成的网站不会重复采集）</p>` : ''}</div>
${active ? html`<p class="note">本页自动更新；如未更新，请刷新页面。</p>` : ''}
<div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table id="sites" data-events="${active ? `/staff/runs/${runId}/events` : ''}"><caption class="note">各网站的评估状态</caption><thead><tr><th scope="col">网站</th><th scope="col">分组</th><th scope="col">状态</th><th scope="col">说明</th></tr></thead><tbody>${p.sites.map(
          (s) => html`<tr data-site="${s.id}"><td>${s.name}</td><td>${s.group}</td><td>${tag(s)}</td><td class="reason">${s.reason}</td></tr>`,
        )}</tbody></table></div>`,
        { scripts: active ? ['/assets/progress.js'] : [] },
      );
    });

    app.get('/runs/:runId/events', { schema: { hide: true, params: RunParams } }, events.handler);

    const reviewPage = (request: FastifyRequest, reply: FastifyReply, runId: string, error: string | null = null, status = 200) => {
      const view = storedRun(store, runId);
      if (!view) return notice(request, reply, 404, '未找到', '未找到该评估。');
      const { run, sites } = view;
      const published = store.reviews.isPublished(run.id);
      const groups = [...new Set(sites.map((s) => s.group))];
      const suspectedOf = (s: (typeof sites)[number]) => s.score?.suspectedVetoes ?? []; // absent in scores stored before they existed
      const status_ = (s: (typeof sites)[number]) =>
        s.status !== 'assessed'
          ? `${failureLabel(s.statusReason ?? 'error')}（未评估）`
          : !s.score
            ? '待评分'
            : s.score.vetoes.length
              ? `单项否决${suspectedOf(s).length ? '（另有疑似否决待复核）' : ''}`
              : suspectedOf(s).length
                ? html`<span class="tag suspected-veto">疑似否决，待复核</span> ${suspectedOf(s)
                    .map((v) => `${v.indicator} ${s.score!.indicators.find((i) => i.id === v.indicator)?.name ?? ''}`)
                    .join('、')}`
                : s.score.passed
                  ? '已评估'
                  : '不合格';
      const blocked = run.finishedAt && !published ? publishRefusal(store, run.id) : null;
      return render(request, reply, `审核与发布：${run.name}`, (csrf) => html`<h1>审核与发布</h1><p class="meta">${run.name}　评估日期：${run.asOf}　指标体系：${run.indicators}　${run.finishedAt ? html`完成于 ${run.finishedAt.slice(0, 16).replace('T', ' ')}` : html`<a href="/staff/runs/${run.id}/live">评估进行中，查看进度</a>`}</p>${errorBox(error)}
${published ? html`<p class="success">已发布，公众可在<a href="/runs/${run.id}">公开页面</a>查看排名。</p>` : run.finishedAt ? html`<form method="post" action="/staff/runs/${run.id}/publish" class="card">${csrfField(csrf)}<p>发布后公众可查看各分组的排名、得分和等级（不含问题明细和截图）。</p>${blocked?.suspected.length ? html`<div class="error" role="alert"><p>${blocked.suspected.length} 个网站存在疑似否决项（依据“未找到”作出的否决），须逐一人工复核（确认否决或排除）后才能发布：</p><ul>${blocked.suspected.map((s) => html`<li><a href="/staff/runs/${run.id}/sites/${s.siteId}">${s.name}</a>：${s.labels.join('、')}</li>`)}</ul></div>` : ''}<button type="submit">发布</button></form>` : html`<p class="note">评估完成后才能发布。</p>`}
${groups.map((g) => {
  const rows = sites.filter((s) => s.group === g).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  return html`<section><h2>${g}</h2><div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">${g}：名次、得分、等级与状态</caption><thead><tr><th scope="col">名次</th><th scope="col">网站</th><th scope="col">得分</th><th scope="col">等级</th><th scope="col">状态</th></tr></thead><tbody>${rows.map(
    (s) => html`<tr><td>${s.score?.pendingReview ? '待复核' : (s.rank ?? '—')}</td><td><a href="/staff/runs/${run.id}/sites/${s.id}">${s.name}</a></td><td>${s.score?.score ?? '—'}</td><td>${s.score?.grade.name ?? ''}</td><td>${status_(s)}</td></tr>`,
  )}</tbody></table></div></section>`;
})}`, { status });
    };

    app.get('/runs/:runId', { schema: { hide: true, params: RunParams } }, async (request, reply) => reviewPage(request, reply, (request.params as { runId: string }).runId));

    app.post('/runs/:runId/publish', { schema: { hide: true, params: RunParams, body: CsrfBody }, preValidation: app.csrfProtection }, async (request, reply) => {
      const { runId } = request.params as { runId: string };
      const refusal = publishRun(store, runId, request.user!.id);
      if (refusal?.status === 404) return notice(request, reply, 404, '未找到', refusal.message);
      if (refusal) return reviewPage(request, reply, runId, refusal.message, refusal.status);
      return reply.redirect(`/staff/runs/${runId}`, 303);
    });

    const sitePage = (request: FastifyRequest, reply: FastifyReply, runId: string, siteId: string, error: string | null = null, status = 200) => {
      const run = store.getRun(runId);
      const stored = run ? store.runSites(runId).find((s) => s.siteId === siteId) : undefined;
      if (!run || !stored) return notice(request, reply, 404, '未找到', '未找到该网站的评估结果。');
      const results = run.finishedAt ? runResults(store, runId) : null;
      const site = results?.sites.find((s) => s.id === siteId);
      const set = site ? lastUsedSet(store, run.id, run.indicators) : null;
      const vetoIds = new Set(set?.indicators.filter((i) => i.rule.type === 'veto').map((i) => i.id));
      const history = store.overrides.history(runId).filter((o) => o.siteId === siteId);
      return render(request, reply, `${stored.name}：评估详情`, (csrf) => html`<h1>${stored.name}</h1><p class="meta">${run.name}　<a href="/staff/runs/${run.id}">返回审核与发布</a></p>${errorBox(error)}
${!site ? html`<p>评估尚未完成，完成后可查看问题明细并人工复核。<a href="/staff/runs/${run.id}/live">查看评估进度</a></p>` : html`
${site.status !== 'assessed' ? html`<p class="error">未能评估：${site.statusLabel ?? ''}（${site.statusReason ?? ''}）</p>` : ''}
${site.suspectedVetoes.length ? html`<h2>疑似否决复核</h2>${site.suspectedVetoes.map((v) => html`<form method="post" action="/staff/runs/${run.id}/overrides" class="card suspected">${csrfField(csrf)}<input type="hidden" name="siteId" value="${site.id}"><input type="hidden" name="indicator" value="${v.indicator}">
<p><span class="tag suspected-veto">待复核</span> ${v.reason}</p><p class="note">请人工核查该网站：确有相关栏目或内容时排除（按得分评定），确实没有时确认否决（判定为不合格）。</p>
<label for="reason-${v.indicator}">复核理由（必填，如核查到的网址）</label><textarea id="reason-${v.indicator}" name="reason" required maxlength="2000" rows="2"></textarea>
<p><button type="submit" name="veto" value="yes" class="danger">确认否决</button>　<button type="submit" name="veto" value="no">排除疑似否决</button></p></form>`)}` : ''}
<div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）">${siteDetail(site, results!.assessment.evidenceDir)}</div>
${site.status === 'assessed' && site.indicators.length ? html`<h2>人工复核</h2><form method="post" action="/staff/runs/${run.id}/overrides" class="card">${csrfField(csrf)}<input type="hidden" name="siteId" value="${site.id}">
<label for="indicator">指标</label><select id="indicator" name="indicator" required>${site.indicators.map((i) => html`<option value="${i.id}">${i.id} ${i.name}${vetoIds.has(i.id) ? '（否决项）' : ''}：${i.score === null ? (indicatorStatus[i.status] ?? i.status) : i.max !== null ? `${i.score}/${i.max}` : `${i.score} 分`}</option>`)}</select>
<label for="points">保留分数（计分指标填写）</label><input id="points" type="number" name="points" min="0" step="any" inputmode="decimal">
<label for="veto"><input id="veto" type="checkbox" name="veto" value="yes"> 判定否决（仅用于否决项；否决项不勾选即为取消否决）</label>
<label for="reason">复核理由（必填）</label><textarea id="reason" name="reason" required maxlength="2000" rows="3"></textarea>
<p><button type="submit">提交复核</button></p></form>` : ''}
${history.length ? html`<h2>复核记录</h2><div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">本网站的人工复核记录（最新的有效记录生效）</caption><thead><tr><th scope="col">时间</th><th scope="col">指标</th><th scope="col">决定</th><th scope="col">理由</th><th scope="col">复核人</th></tr></thead><tbody>${history.map(
          (o) => html`<tr><td>${o.at.slice(0, 16).replace('T', ' ')}</td><td>${o.indicator}</td><td>${o.veto === null ? `${o.points} 分` : o.veto ? '否决' : '取消否决'}${o.revokedAt ? '（已撤销）' : ''}</td><td>${o.reason}</td><td>${o.by}</td></tr>`,
        )}</tbody></table></div>` : ''}`}`, { status });
    };

    app.get('/runs/:runId/sites/:siteId', { schema: { hide: true, params: SiteParams } }, async (request, reply) => {
      const { runId, siteId } = request.params as { runId: string; siteId: string };
      return sitePage(request, reply, runId, siteId);
    });

    app.post('/runs/:runId/overrides', { schema: { hide: true, params: RunParams, body: OverrideBody }, preValidation: app.csrfProtection }, async (request, reply) => {
      const { runId } = request.params as { runId: string };
      const body = request.body as { siteId: string; indicator: string; points?: string; veto?: 'yes' | 'no'; reason?: string };
      const run = store.getRun(runId);
      const site = run ? store.runSites(runId).find((s) => s.siteId === body.siteId) : undefined;
      if (!run || !site) return notice(request, reply, 404, '未找到', '未找到该网站的评估结果。');
      const refuse = (message: string) => sitePage(request, reply, runId, site.siteId, message, 400);
      if (!run.finishedAt || site.status !== 'assessed') return refuse('只能复核已完成评估的网站。');
      // The same checks as `govscore override add`, against the set the run was last scored with.
      const indicator = lastUsedSet(store, run.id, run.indicators).indicators.find((i) => i.id === body.indicator);
      if (!indicator) return refuse(`指标体系中没有指标 ${body.indicator}。`);
      const reason = (body.reason ?? '').trim();
      if (reason.length < 2) return refuse('请填写复核理由。');
      const points = body.points?.trim() ? Number(body.points) : null;
      const isVeto = indicator.rule.type === 'veto';
      if (isVeto && points !== null) return refuse(`${indicator.id} 是否决项：请勾选或不勾选“判定否决”，不填分数。`);
      if (!isVeto) {
        const max = ruleMax(indicator.rule);
        if (body.veto === 'yes') return refuse(`${indicator.id} 是计分指标，不能判定否决，请填写保留分数。`);
        if (points === null || !Number.isFinite(points)) return refuse(`请填写 ${indicator.id} 的保留分数。`);
        if (points < 0 || (max !== null && points > max)) return refuse(`${indicator.id} 的分数应在 0 到 ${max} 之间。`);
      }
      const override = store.overrides.add({ runId, siteId: site.siteId, indicator: indicator.id, points: isVeto ? null : points, veto: isVeto ? body.veto === 'yes' : null, reason, by: request.user!.name });
      store.reviews.audit(request.user!.id, 'override-added', `run:${runId}`, { override: override.id, site: site.siteId, indicator: indicator.id });
      rescoreStored(store, runId);
      return reply.redirect(`/staff/runs/${runId}/sites/${site.siteId}`, 303);
    });
  };
}
