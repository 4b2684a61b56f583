import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

import { storedRun } from '../../use-cases/stored-run.js';
import { AppealFields, appealReply, fileAppeal, ownSite } from '../appeal-actions.js';
import { maySee, requireRole } from '../auth.js';
import type { RouteContext } from '../route-context.js';
import { AppealReply, ErrorReply, Nullable, RunParams, SiteParams, SiteScoreReply } from '../schemas.js';

const MySite = Type.Object({
  runId: Type.String(),
  runName: Type.String(),
  asOf: Type.String(),
  siteId: Type.String(),
  name: Type.String(),
  status: Type.String(),
  score: Nullable(Type.Number()),
  grade: Nullable(Type.String()),
  rank: Nullable(Type.Number()),
});
const Breakdown = Type.Object({
  runId: Type.String(),
  site: Type.Object({
    id: Type.String(),
    name: Type.String(),
    url: Type.String(),
    group: Type.String(),
    status: Type.String(),
    statusReason: Nullable(Type.String()),
    rank: Nullable(Type.Number()),
  }),
  score: SiteScoreReply,
});

/**
 * A department's own sites: their breakdowns with every finding, and appeals (申诉). Another site's id in
 * the URL answers 404, the same as a site that does not exist, so ids cannot be probed.
 */
export function departmentRoutes({ store, dataDir }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onRequest', requireRole('department'));

    app.get(
      '/sites',
      { schema: { tags: ['department'], summary: 'my sites in every finished run', response: { 200: Type.Array(MySite), '4xx': ErrorReply } } },
      async (request) => {
        const user = request.user!;
        return store
          .listCampaignRuns()
          .filter((r) => r.finishedAt)
          .flatMap((r) => {
            const view = storedRun(store, r.id)!;
            return view.sites
              .filter((s) => maySee(user, s.id))
              .map((s) => ({
                runId: r.id,
                runName: r.name,
                asOf: r.asOf,
                siteId: s.id,
                name: s.name,
                status: s.status,
                score: s.score?.score ?? null,
                grade: s.score?.grade.name ?? null,
                rank: s.rank,
              }));
          });
      },
    );

    app.get(
      '/runs/:runId/sites/:siteId',
      {
        schema: {
          tags: ['department'],
          summary: 'my site’s breakdown with findings and evidence',
          params: SiteParams,
          response: { 200: Breakdown, '4xx': ErrorReply },
        },
      },
      async (request, reply) => {
        const { runId, siteId } = request.params;
        const site = ownSite(store, request.user!, runId, siteId);
        if (!site) return reply.code(404).send({ error: '未找到该网站的评估结果' });
        return {
          runId,
          site: { id: site.id, name: site.name, url: site.url, group: site.group, status: site.status, statusReason: site.statusReason, rank: site.rank },
          score: site.score,
        };
      },
    );

    app.get(
      '/runs/:runId/appeals',
      { schema: { tags: ['department'], summary: 'my appeals in a run', params: RunParams, response: { 200: Type.Array(AppealReply), '4xx': ErrorReply } } },
      async (request) => store.reviews.appeals(request.params.runId, request.user!.sites).map((a) => appealReply(a, 'department')),
    );

    app.post(
      '/runs/:runId/sites/:siteId/appeals',
      {
        schema: {
          tags: ['department'],
          summary: 'appeal a finding (申诉)',
          params: SiteParams,
          body: AppealFields,
          response: { 201: AppealReply, '4xx': ErrorReply },
        },
        onRequest: app.csrfProtection,
      },
      async (request, reply) => {
        const { runId, siteId } = request.params;
        const { indicator, text } = request.body;
        const filed = fileAppeal(store, dataDir, request.user!, { runId, siteId, indicator, text });
        if (!filed.ok) return reply.code(filed.status).send({ error: filed.error });
        return reply.code(201).send(appealReply(filed.appeal, 'department'));
      },
    );
  };
}
