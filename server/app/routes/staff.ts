import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

import { isRefusal, publishRun } from '../../use-cases/publish.js';
import { storedRun } from '../../use-cases/stored-run.js';
import { acceptAppeal, appealReply, rejectAppeal } from '../appeal-actions.js';
import { requireRole } from '../auth.js';
import type { RouteContext } from '../route-context.js';
import { AppealIdParams, AppealReply, ErrorReply, Nullable, OverrideReply, RunParams, RunReply, SiteViewReply } from '../schemas.js';

const Accept = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: 2000 }),
  points: Type.Optional(Type.Number({ minimum: 0 })),
  veto: Type.Optional(Type.Boolean()),
});
const Reject = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 2000 }) });
const RunSummary = Type.Object({ id: Type.String(), name: Type.String(), asOf: Type.String(), finishedAt: Nullable(Type.String()), published: Type.Boolean() });
/** A refused publication: the error and the sites whose suspected vetoes a reviewer must decide first. */
const PublishRefused = Type.Object({
  ...ErrorReply.properties,
  suspected: Type.Optional(
    Type.Array(Type.Object({ siteId: Type.String(), name: Type.String(), indicators: Type.Array(Type.String()), labels: Type.Array(Type.String()) })),
  ),
});
const AuditEntry = Type.Object({ at: Type.String(), userId: Nullable(Type.Integer()), action: Type.String(), target: Type.String(), detail: Type.Unknown() });

/** Evaluation staff: every run and site, publishing, and deciding appeals (an accepted appeal becomes an override and the run is re-scored). */
export function staffRoutes({ store }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onRequest', requireRole('evaluator', 'admin'));

    app.get('/runs', { schema: { tags: ['staff'], summary: 'every run', response: { 200: Type.Array(RunSummary), '4xx': ErrorReply } } }, async () =>
      store.listRuns().map((r) => ({ id: r.id, name: r.name, asOf: r.asOf, finishedAt: r.finishedAt, published: store.publications.isPublished(r.id) })),
    );

    app.get(
      '/runs/:runId',
      {
        schema: {
          tags: ['staff'],
          summary: 'a run with every site’s score',
          params: RunParams,
          response: { 200: Type.Object({ run: RunReply, sites: Type.Array(SiteViewReply) }), '4xx': ErrorReply },
        },
      },
      async (request, reply) => {
        const view = storedRun(store, request.params.runId);
        if (!view) return reply.code(404).send({ error: '未找到该评估' });
        return { run: view.run, sites: view.sites };
      },
    );

    app.post(
      '/runs/:runId/publish',
      {
        schema: {
          tags: ['staff'],
          summary:
            'publish the ranking as a frozen version; once published, the same call publishes a correction (更正, the next version) of changed scores, with `note` (refused while the run is unfinished, a site holds a suspected veto, or a correction has no note)',
          params: RunParams,
          body: Type.Optional(Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) })),
          response: {
            200: Type.Object({
              published: Type.Literal(true),
              version: Type.Integer({ minimum: 1 }),
              created: Type.Boolean({ description: 'false: the scores equal the latest version, nothing was published' }),
            }),
            '4xx': PublishRefused,
          },
        },
        onRequest: app.csrfProtection,
      },
      async (request, reply) => {
        const outcome = publishRun(store, request.params.runId, request.user!.id, request.body?.note);
        if (isRefusal(outcome)) return reply.code(outcome.status).send({ error: outcome.message, suspected: outcome.suspected });
        return { published: true as const, ...outcome };
      },
    );

    app.get(
      '/runs/:runId/appeals',
      { schema: { tags: ['staff'], summary: 'appeals of a run', params: RunParams, response: { 200: Type.Array(AppealReply), '4xx': ErrorReply } } },
      async (request) => store.reviews.appeals(request.params.runId).map((a) => appealReply(a, 'staff')),
    );

    app.post(
      '/appeals/:id/accept',
      {
        schema: {
          tags: ['staff'],
          summary: 'accept an appeal: override the indicator and re-score',
          params: AppealIdParams,
          body: Accept,
          response: { 200: Type.Object({ appeal: AppealReply, override: OverrideReply }), '4xx': ErrorReply },
        },
        onRequest: app.csrfProtection,
      },
      async (request, reply) => {
        const accepted = acceptAppeal(store, request.user!, request.params.id, request.body);
        if (!accepted.ok) return reply.code(accepted.status).send({ error: accepted.error });
        return { appeal: appealReply(accepted.appeal, 'staff'), override: accepted.override };
      },
    );

    app.post(
      '/appeals/:id/reject',
      {
        schema: {
          tags: ['staff'],
          summary: 'reject an appeal with a reason',
          params: AppealIdParams,
          body: Reject,
          response: { 200: Type.Object({ appeal: AppealReply }), '4xx': ErrorReply },
        },
        onRequest: app.csrfProtection,
      },
      async (request, reply) => {
        const rejected = rejectAppeal(store, request.user!, request.params.id, request.body.reason);
        if (!rejected.ok) return reply.code(rejected.status).send({ error: rejected.error });
        return { appeal: appealReply(rejected.appeal, 'staff') };
      },
    );

    app.get('/audit', { schema: { tags: ['staff'], summary: 'the audit log', response: { 200: Type.Array(AuditEntry), '4xx': ErrorReply } } }, async () =>
      store.reviews.auditTrail(),
    );
  };
}
