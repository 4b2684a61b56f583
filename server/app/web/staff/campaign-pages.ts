import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { ConfigError } from '../../../../common/config-errors.js';
import { html } from '../../../../reports/html.js';
import { sampleSites } from '../../../config/sample-sites.js';
import { loadSitesFile, type SitesFile } from '../../../config/sites-file.js';
import type { Campaign } from '../../../store/campaigns.js';
import type { Store } from '../../../store/store.js';
import { CsrfBody } from '../../schemas.js';
import {
  type CampaignForm,
  campaignFormPage,
  checkCampaignForm,
  checkRegister,
  describeConfigError,
  errorBox,
  FormProblem,
  indicatorSetDocument,
  readCampaignForm,
  saveCampaign,
} from '../campaign-form.js';
import { CampaignBusy, campaignOptions, type CampaignRunner } from '../campaign-runner.js';
import { csrfField, errorCode, notice, render } from '../layout.js';
import { campaignStates, tag } from './parts.js';

const CampaignParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const CsrfQuery = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) });

/** A campaign: its sites per group (a spot check shows the sites its seed draws), its state, and the start button. */
function campaignPage(request: FastifyRequest, reply: FastifyReply, campaign: Campaign, error: string | null = null, status = 200) {
  let sites: SitesFile | null = null;
  let problem = error;
  try {
    sites = loadSitesFile(campaign.sitesFile);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problem ??= `站点文件无法读取：${e.message}`;
  }
  const options = campaignOptions(campaign);
  // The same draw the run will make.
  const drawn = sites && options.sample ? sampleSites(sites.sites, options.sample, options.seed ?? campaign.asOf) : null;
  const assessed = drawn?.chosen ?? sites?.sites ?? [];
  const groups = new Map<string, number>();
  for (const s of assessed) groups.set(s.group, (groups.get(s.group) ?? 0) + 1);
  const running = campaign.state === 'running';
  return render(
    request,
    reply,
    campaign.name,
    (csrf) => html`<h1>${campaign.name}</h1>${errorBox(problem)}
<p class="meta">状态：${tag(campaignStates[campaign.state])}　评估日期：${campaign.asOf}　指标体系：${campaign.indicators}${options.maxPages ? html`　每个网站最多 ${options.maxPages} 个页面` : ''}${options.rateLimitPatience ? html`　限流等待上限 ${options.rateLimitPatience} 秒` : ''}${drawn ? html`　随机抽查：从 ${drawn.sample.population} 个网站中抽取 ${drawn.sample.size} 个（抽样种子“${drawn.sample.seed}”）` : ''}</p>
${campaign.state === 'failed' && campaign.message ? html`<p class="error">评估未完成：${campaign.message}</p>` : ''}
${campaign.runId ? html`<p><a href="/staff/runs/${campaign.runId}/live">评估进度</a>　<a href="/staff/runs/${campaign.runId}">审核与发布</a></p>` : ''}
${
  sites
    ? html`<h2>各分组网站数</h2><div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">${drawn ? `抽中 ${assessed.length} 个网站` : `共 ${assessed.length} 个网站`}，排名在各分组内进行</caption><thead><tr><th scope="col">分组</th><th scope="col">网站数</th></tr></thead><tbody>${[...groups].map(([g, n]) => html`<tr><td>${g}</td><td>${n}</td></tr>`)}</tbody></table></div>
${drawn ? html`<h2>抽中的网站</h2><ul>${drawn.chosen.map((s) => html`<li>${s.name}（${s.id}，${s.group}）</li>`)}</ul>` : ''}
<details><summary>站点文件中的全部网站（${sites.sites.length} 个）</summary><div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><thead><tr><th scope="col">标识</th><th scope="col">名称</th><th scope="col">分组</th><th scope="col">网址</th></tr></thead><tbody>${sites.sites.map((s) => html`<tr><td>${s.id}</td><td>${s.name}</td><td>${s.group}</td><td>${s.url}</td></tr>`)}</tbody></table></div></details>`
    : ''
}
${sites && !running ? html`<form method="post" action="/staff/campaigns/${campaign.id}/start" class="card">${csrfField(csrf)}<p>${campaign.state === 'draft' ? '开始后将在后台用浏览器逐个采集网站，可在评估进度页面查看。' : '再次开始时，已完成的网站不会重复采集。'}</p><button type="submit">${campaign.state === 'draft' ? '开始评估' : '重新开始评估'}</button></form>` : ''}`,
    { status },
  );
}

/** Campaigns: the new-campaign form (a sites file uploaded or pasted), each campaign's page, and starting it. */
export function campaignPages({
  store,
  dataDir,
  runner,
  presets,
}: {
  store: Store;
  dataDir: string;
  runner: CampaignRunner;
  presets: string[];
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/campaigns/new', { schema: { hide: true } }, async (request, reply) =>
      render(request, reply, '新建评估', (csrf) => campaignFormPage(csrf, presets, null, null)),
    );

    app.post(
      '/campaigns',
      {
        schema: { hide: true, querystring: CsrfQuery },
        // Multipart bodies are not parsed before the handler, so the plugin's body lookup finds nothing: hand it the query's token as its header.
        onRequest: [
          async (request) => {
            const token = request.query._csrf;
            if (typeof token === 'string' && !request.headers['x-csrf-token']) request.headers['x-csrf-token'] = token;
          },
          app.csrfProtection,
        ],
      },
      async (request, reply) => {
        let form: CampaignForm | null = null;
        const refuse = (status: number, message: string | string[]) =>
          render(request, reply, '新建评估', (csrf) => campaignFormPage(csrf, presets, form, message), { status });
        try {
          form = await readCampaignForm(request);
          const checked = checkCampaignForm(form, presets);
          await checkRegister(form, checked.sites);
          const campaign = saveCampaign(store, dataDir, form, checked, request.user!.id);
          return reply.redirect(`/staff/campaigns/${campaign.id}`, 303);
        } catch (error) {
          if (error instanceof ConfigError) return refuse(400, describeConfigError(error));
          if (error instanceof FormProblem) return refuse(400, error.problems);
          const code = errorCode(error);
          if (code === 'FST_REQ_FILE_TOO_LARGE') return refuse(413, '上传的文件不能超过 10 MB。');
          if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return refuse(400, '请通过本页的表单提交。');
          throw error;
        }
      },
    );

    app.get('/campaigns/:id', { schema: { hide: true, params: CampaignParams } }, async (request, reply) => {
      const campaign = store.campaigns.get(request.params.id);
      if (!campaign) return notice(request, reply, 404, '未找到', '未找到该评估任务。');
      return campaignPage(request, reply, campaign);
    });

    app.post(
      '/campaigns/:id/start',
      { schema: { hide: true, params: CampaignParams, body: CsrfBody }, preValidation: app.csrfProtection },
      async (request, reply) => {
        const campaign = store.campaigns.get(request.params.id);
        if (!campaign) return notice(request, reply, 404, '未找到', '未找到该评估任务。');
        // A second click (or a second tab) watches the running campaign instead of starting it twice.
        if (campaign.state === 'running' && campaign.runId) return reply.redirect(`/staff/runs/${campaign.runId}/live`, 303);
        try {
          const run = runner.start(campaign, request.user!.id);
          return reply.redirect(`/staff/runs/${run.id}/live`, 303);
        } catch (error) {
          if (error instanceof ConfigError) {
            const document = error.file === campaign.sitesFile ? '站点文件' : indicatorSetDocument(error);
            return campaignPage(request, reply, campaign, `无法开始评估：${describeConfigError(error, document)}`, 400);
          }
          if (error instanceof CampaignBusy) return campaignPage(request, reply, campaign, error.message, 409);
          throw error;
        }
      },
    );
  };
}
