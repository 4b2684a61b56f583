import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

import { storedRun } from '../../use-cases/stored-run.js';
import type { RouteContext } from '../route-context.js';
import { publicRanking } from '../run-view.js';
import { ErrorReply, Nullable, RunParams } from '../schemas.js';

const PublishedRun = Type.Object({ id: Type.String(), name: Type.String(), asOf: Type.String() });
const PublicSite = Type.Object({
  name: Type.String(),
  group: Type.String(),
  status: Type.String(),
  score: Nullable(Type.Number()),
  grade: Nullable(Type.String()),
  rank: Nullable(Type.Number()),
  passed: Type.Boolean(),
});

/** What anyone may see: published rankings, nothing of unpublished runs (404, as if they did not exist). */
export function publicRoutes({ store }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const published = (runId: string) => (store.reviews.isPublished(runId) ? storedRun(store, runId) : null);

    app.get('/api/public/runs', { schema: { tags: ['public'], summary: 'published runs', response: { 200: Type.Array(PublishedRun) } } }, async () =>
      store.reviews.publishedRuns().map((id) => {
        const run = store.getRun(id)!;
        return { id: run.id, name: run.name, asOf: run.asOf };
      }),
    );

    app.get(
      '/api/public/runs/:runId',
      {
        schema: {
          tags: ['public'],
          summary: 'the ranking of a published run',
          params: RunParams,
          response: { 200: Type.Object({ ...PublishedRun.properties, ranking: Type.Array(PublicSite) }), '4xx': ErrorReply },
        },
      },
      async (request, reply) => {
        const view = published(request.params.runId);
        if (!view) return reply.code(404).send({ error: '未找到已发布的评估结果' });
        return { id: view.run.id, name: view.run.name, asOf: view.run.asOf, ranking: publicRanking(view.sites) };
      },
    );
  };
}
