import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { storedRun } from '../../use-cases/stored-run.js';
import { publicRanking } from '../run-view.js';

const RunParams = Type.Object({ runId: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }) });

/** What anyone may see: published rankings, nothing of unpublished runs (404, as if they did not exist). */
export function publicRoutes({ store }: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const published = (runId: string) => (store.reviews.isPublished(runId) ? storedRun(store, runId) : null);

    app.get('/api/public/runs', { schema: { tags: ['public'], summary: 'published runs' } }, async () =>
      store.reviews.publishedRuns().map((id) => {
        const run = store.getRun(id)!;
        return { id: run.id, name: run.name, asOf: run.asOf };
      }),
    );

    app.get('/api/public/runs/:runId', { schema: { tags: ['public'], summary: 'the ranking of a published run', params: RunParams } }, async (request, reply) => {
      const view = published((request.params as { runId: string }).runId);
      if (!view) return reply.code(404).send({ error: '未找到已发布的评估结果' });
      return { id: view.run.id, name: view.run.name, asOf: view.run.asOf, ranking: publicRanking(view.sites) };
    });
  };
}
