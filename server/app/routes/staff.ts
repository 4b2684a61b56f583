import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ruleMax } from '../../../indicators/rules.js';
import type { RouteContext } from '../app.js';
import { requireRole } from '../auth.js';
import { lastUsedSet } from '../../cli/run-set.js';
import { rescoreStored, storedRun } from '../run-view.js';

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

    app.post('/runs/:runId/publish', { schema: { tags: ['staff'], summary: 'publish the ranking', params: RunParams }, onRequest: app.csrfProtection }, async (request, reply) => {
      const { runId } = request.params as { runId: string };
      if (!store.getRun(runId)) return reply.code(404).send({ error: '未找到该评估' });
      store.reviews.publish(runId, request.user!.id);
      store.reviews.audit(request.user!.id, 'publish', `run:${runId}`);
      return { published: true };
    });

    app.get('/runs/:runId/appeals', { schema: { tags: ['staff'], summary: 'appeals of a run', params: RunParams } }, async (request) => store.reviews.appeals((request.params as { runId: string }).runId));

    app.post('/appeals/:id/accept', { schema: { tags: ['staff'], summary: 'accept an appeal: override the indicator and re-score', params: AppealParams, body: Accept }, onRequest: app.csrfProtection }, async (request, reply) => {
      const appeal = store.reviews.getAppeal((request.params as { id: number }).id);
      if (!appeal || appeal.status !== 'open') return reply.code(404).send({ error: '未找到待处理的申诉' });
      const body = request.body as { reason: string; points?: number; veto?: boolean };
      const run = store.getRun(appeal.runId)!;
      const indicator = lastUsedSet(store, run.id, run.indicators).indicators.find((i) => i.id === appeal.indicator);
      if (!indicator) return reply.code(400).send({ error: `没有指标 ${appeal.indicator}` });
      // Accepting restores the points by default (a veto is cleared); staff may give fewer.
      const isVeto = indicator.rule.type === 'veto';
      const override = store.overrides.add({ runId: run.id, siteId: appeal.siteId, indicator: indicator.id, points: isVeto ? null : (body.points ?? ruleMax(indicator.rule)), veto: isVeto ? (body.veto ?? false) : null, reason: `申诉#${appeal.id}：${body.reason}`, by: request.user!.name });
      store.reviews.decide(appeal.id, { status: 'accepted', userId: request.user!.id, decision: body.reason, overrideId: override.id });
      store.reviews.audit(request.user!.id, 'appeal-accepted', `appeal:${appeal.id}`, { override: override.id });
      rescoreStored(store, run.id);
      return { appeal: store.reviews.getAppeal(appeal.id), override };
    });

    app.post('/appeals/:id/reject', { schema: { tags: ['staff'], summary: 'reject an appeal with a reason', params: AppealParams, body: Reject }, onRequest: app.csrfProtection }, async (request, reply) => {
      const id = (request.params as { id: number }).id;
      const { reason } = request.body as { reason: string };
      if (!store.reviews.decide(id, { status: 'rejected', userId: request.user!.id, decision: reason })) return reply.code(404).send({ error: '未找到待处理的申诉' });
      store.reviews.audit(request.user!.id, 'appeal-rejected', `appeal:${id}`, { reason });
      return { appeal: store.reviews.getAppeal(id) };
    });

    app.get('/audit', { schema: { tags: ['staff'], summary: 'the audit log' } }, async () => store.reviews.auditTrail());
  };
}
