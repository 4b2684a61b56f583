import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { requireRole } from '../auth.js';
import { acceptAppeal, rejectAppeal } from '../appeal-actions.js';
import { publishRun } from '../../use-cases/publish.js';
import { storedRun } from '../../use-cases/stored-run.js';

const RunParams = Type.Object({ runId: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }) });
const AppealParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Accept = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 2000 }), points: Type.Optional(Type.Number({ minimum: 0 })), veto: Type.Optional(Type.Boolean()) });
const Reject = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 2000 }) });

/** Evaluation staff: every run and site, publishing, and deciding appeals (an accepted appeal becomes an override and the run is re-scored). */
export function staffRoutes({ store }: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireRole('evaluator', 'admin'));

    app.get('/runs', { schema: { tags: ['staff'], summary: 'every run' } }, async () =>
      store.listRuns().map((r) => ({ id: r.id, name: r.name, asOf: r.asOf, finishedAt: r.finishedAt, published: store.reviews.isPublished(r.id) })),
    );

    app.get('/runs/:runId', { schema: { tags: ['staff'], summary: 'a run with every site’s score', params: RunParams } }, async (request, reply) => {
      const view = storedRun(store, (request.params as { runId: string }).runId);
      if (!view) return reply.code(404).send({ error: '未找到该评估' });
      return { run: view.run, sites: view.sites };
    });

    app.post('/runs/:runId/publish', { schema: { tags: ['staff'], summary: 'publish the ranking (refused while the run is unfinished or a site holds a suspected veto)', params: RunParams }, onRequest: app.csrfProtection }, async (request, reply) => {
      const refusal = publishRun(store, (request.params as { runId: string }).runId, request.user!.id);
      if (refusal) return reply.code(refusal.status).send({ error: refusal.message, suspected: refusal.suspected });
      return { published: true };
    });

    app.get('/runs/:runId/appeals', { schema: { tags: ['staff'], summary: 'appeals of a run', params: RunParams } }, async (request) => store.reviews.appeals((request.params as { runId: string }).runId));

    app.post('/appeals/:id/accept', { schema: { tags: ['staff'], summary: 'accept an appeal: override the indicator and re-score', params: AppealParams, body: Accept }, onRequest: app.csrfProtection }, async (request, reply) => {
      const accepted = acceptAppeal(store, request.user!, (request.params as { id: number }).id, request.body as { reason: string; points?: number; veto?: boolean });
      if (!accepted.ok) return reply.code(accepted.status).send({ error: accepted.error });
      return { appeal: accepted.appeal, override: accepted.override };
    });

    app.post('/appeals/:id/reject', { schema: { tags: ['staff'], summary: 'reject an appeal with a reason', params: AppealParams, body: Reject }, onRequest: app.csrfProtection }, async (request, reply) => {
      const rejected = rejectAppeal(store, request.user!, (request.params as { id: number }).id, (request.body as { reason: string }).reason);
      if (!rejected.ok) return reply.code(rejected.status).send({ error: rejected.error });
      return { appeal: rejected.appeal };
    });

    app.get('/audit', { schema: { tags: ['staff'], summary: 'the audit log' } }, async () => store.reviews.auditTrail());
  };
}
