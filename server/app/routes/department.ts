import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { AppealFields, fileAppeal, ownSite } from '../appeal-actions.js';
import type { RouteContext } from '../route-context.js';
import { maySee, requireRole } from '../auth.js';
import { storedRun } from '../../use-cases/stored-run.js';

const SiteParams = Type.Object({ runId: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }), siteId: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }) });
const RunParams = Type.Object({ runId: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }) });

/**
 * A department's own sites: their breakdowns with every finding, and appeals (申诉). Another site's id in
 * the URL answers 404, the same as a site that does not exist, so ids cannot be probed.
 */
export function departmentRoutes({ store, dataDir }: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireRole('department'));

    app.get('/sites', { schema: { tags: ['department'], summary: 'my sites in every finished run' } }, async (request) => {
      const user = request.user!;
      return store
        .listRuns()
        .filter((r) => r.finishedAt)
        .flatMap((r) => {
          const view = storedRun(store, r.id)!;
          return view.sites.filter((s) => maySee(user, s.id)).map((s) => ({ runId: r.id, runName: r.name, asOf: r.asOf, siteId: s.id, name: s.name, status: s.status, score: s.score?.score ?? null, grade: s.score?.grade.name ?? null, rank: s.rank }));
        });
    });

    app.get('/runs/:runId/sites/:siteId', { schema: { tags: ['department'], summary: 'my site’s breakdown with findings and evidence', params: SiteParams } }, async (request, reply) => {
      const { runId, siteId } = request.params as { runId: string; siteId: string };
      const site = ownSite(store, request.user!, runId, siteId);
      if (!site) return reply.code(404).send({ error: '未找到该网站的评估结果' });
      return { runId, site: { id: site.id, name: site.name, url: site.url, group: site.group, status: site.status, statusReason: site.statusReason, rank: site.rank }, score: site.score };
    });

    app.get('/runs/:runId/appeals', { schema: { tags: ['department'], summary: 'my appeals in a run', params: RunParams } }, async (request) => {
      const { runId } = request.params as { runId: string };
      return store.reviews.appeals(runId, request.user!.sites);
    });

    app.post(
      '/runs/:runId/sites/:siteId/appeals',
      { schema: { tags: ['department'], summary: 'appeal a finding (申诉)', params: SiteParams, body: AppealFields }, onRequest: app.csrfProtection },
      async (request, reply) => {
        const { runId, siteId } = request.params as { runId: string; siteId: string };
        const { indicator, text } = request.body as { indicator: string; text: string };
        const filed = fileAppeal(store, dataDir, request.user!, { runId, siteId, indicator, text });
        if (!filed.ok) return reply.code(filed.status).send({ error: filed.error });
        return reply.code(201).send(filed.appeal);
      },
    );
  };
}
