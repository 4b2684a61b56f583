import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { html } from '../../../../reports/html.js';
import { WarningTable } from '../../../store/warnings.js';
import { AppealFields, type AttachmentFile, checkAttachment, fileAppeal, ownSite, sendAttachment } from '../../appeal-actions.js';
import { maySee } from '../../auth.js';
import { maxUploadBytes, type RouteContext } from '../../route-context.js';
import { runResults } from '../../run-view.js';
import { AppealIdPageParams, CsrfBody, RunId, SiteParams } from '../../schemas.js';
import { notice, pageGuard, render } from '../layout.js';
import { readAppealForm } from './appeal-form.js';
import { breakdownPage } from './breakdown.js';
import { history, mySitesBody } from './my-sites.js';
import { siteFindings } from './recheck-part.js';
import { openWarnings, warningsBody } from './warnings.js';

const SiteQuery = Type.Object({ submitted: Type.Optional(Type.String({ pattern: '^[0-9]{1,12}$' })), compare: Type.Optional(RunId) });
const WarningsQuery = Type.Object({ site: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,64}$' })) });
const MarkForm = Type.Object({ ...CsrfBody.properties, key: Type.String({ maxLength: 2000 }), note: Type.String({ maxLength: 4000 }) });
const notFound = (request: FastifyRequest, reply: FastifyReply) => notice(request, reply, 404, '未找到', '未找到该网站的评估结果。');

/** A department's own pages: its sites' history, each breakdown with evidence, appeals with attachments. Nothing of any other site. */
export function departmentPages({ store, dataDir }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onRequest', pageGuard('department'));

    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const rows = history(store, request.user!.sites);
      const open = new WarningTable(store.db).forSites(request.user!.sites).filter((w) => !w.closedAsOf).length;
      return render(request, reply, '我的网站', () => html`${openWarnings(open)}${mySitesBody(rows, request.query)}`);
    });

    // The early warnings of the account's own sites only (govscore watch); ?site= narrows to one of them, and
    // another department's site answers 404 like a site that does not exist.
    app.get('/warnings', { schema: { hide: true, querystring: WarningsQuery }, attachValidation: true }, async (request, reply) => {
      const own = request.user!.sites;
      const site = request.query.site;
      if (request.validationError || (site !== undefined && !own.includes(site))) return notFound(request, reply);
      const table = new WarningTable(store.db);
      return render(request, reply, '预警信息', () => warningsBody(table, table.forSites(site ? [site] : own)));
    });

    // Malformed ids get the same 404 page as another department's site (attachValidation), not a 400.
    app.get(
      '/runs/:runId/sites/:siteId',
      { schema: { hide: true, params: SiteParams, querystring: SiteQuery }, attachValidation: true },
      async (request, reply) => {
        const { runId, siteId } = request.params;
        if (request.validationError || !ownSite(store, request.user!, runId, siteId)) return notFound(request, reply);
        const submitted = Number(request.query.submitted ?? 0);
        return breakdownPage(request, reply, { store, dataDir }, runId, siteId, { submitted: submitted || undefined, compare: request.query.compare });
      },
    );

    app.post(
      '/runs/:runId/sites/:siteId/appeals',
      { schema: { hide: true, params: SiteParams, consumes: ['multipart/form-data'] }, attachValidation: true },
      async (request, reply) => {
        const { runId, siteId } = request.params;
        if (request.validationError || !ownSite(store, request.user!, runId, siteId)) return notFound(request, reply);
        if (!request.isMultipart()) return notice(request, reply, 400, '表单格式不正确', '请从得分明细页面的申诉表提交。');
        const form = await readAppealForm(app, request, reply);
        if (!form.ok && form.status === 403) return notice(request, reply, 403, '表单已失效', '表单已过期或来源不明，请返回得分明细页面刷新后重新提交。');
        if (!form.ok) return breakdownPage(request, reply, { store, dataDir }, runId, siteId, { error: form.error }, form.status);
        const again = (error: string, status = 400) =>
          breakdownPage(request, reply, { store, dataDir }, runId, siteId, { indicator: form.indicator, text: form.text, error }, status);
        const errors = [...Value.Errors(AppealFields, { indicator: form.indicator, text: form.text })];
        if (errors.some((e) => e.path === '/indicator')) return again('请选择要申诉的指标。');
        if (errors.length) return again('申诉理由须为 5 至 4000 字。');
        let file: AttachmentFile | null = null;
        if (form.file) {
          const checked = checkAttachment(form.file.name, form.file.bytes, maxUploadBytes);
          if (!checked.ok) return again(checked.error, 415);
          file = checked.file;
        }
        const filed = fileAppeal(store, dataDir, request.user!, { runId, siteId, indicator: form.indicator, text: form.text, file });
        if (!filed.ok) return filed.status === 404 ? notFound(request, reply) : again(filed.error, filed.status);
        return reply.redirect(`/department/runs/${runId}/sites/${siteId}?submitted=${filed.appeal.id}#my-appeals`, 303);
      },
    );

    // 单位已标记整改: a finding of the department's own site marked fixed with a note, verified by the next re-check.
    app.post(
      '/runs/:runId/sites/:siteId/marks',
      { schema: { hide: true, params: SiteParams, body: MarkForm }, attachValidation: true, preValidation: app.csrfProtection },
      async (request, reply) => {
        const { runId, siteId } = request.params;
        if (!ownSite(store, request.user!, runId, siteId)) return notFound(request, reply);
        const again = (markError: string) => breakdownPage(request, reply, { store, dataDir }, runId, siteId, { markError }, 400);
        if (request.validationError) return again('请选择问题并填写整改说明。');
        const { key, note } = request.body;
        if (!siteFindings(runResults(store, runId)!, siteId).has(key)) return again('本网站在本次评估中没有该问题。');
        const text = note.trim();
        if (text.length < 2 || text.length > 1000) return again('整改说明须为 2 至 1000 字。');
        store.rechecks.mark({ runId, siteId, key, note: text, by: request.user!.id });
        store.reviews.audit(request.user!.id, 'finding-marked-fixed', `run:${runId}/site:${siteId}`, { key });
        return reply.redirect(`/department/runs/${runId}/sites/${siteId}#recheck`, 303);
      },
    );

    app.get('/appeals/:id/attachment', { schema: { hide: true, params: AppealIdPageParams }, attachValidation: true }, async (request, reply) => {
      const appeal = request.validationError ? null : store.reviews.getAppeal(Number(request.params.id));
      const sent = appeal && maySee(request.user!, appeal.siteId) ? await sendAttachment(reply, store, dataDir, appeal) : null;
      return sent ?? notice(request, reply, 404, '未找到', '未找到该附件。');
    });
  };
}
