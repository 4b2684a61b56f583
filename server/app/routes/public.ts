import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

import { publicChanges, publishedVersion, typed } from '../../use-cases/published-version.js';
import type { RouteContext } from '../route-context.js';
import { publicRanking } from '../run-view.js';
import { ErrorReply, Nullable, RunParams, VersionQuery } from '../schemas.js';

const PublishedRun = Type.Object({
  id: Type.String(),
  name: Type.String(),
  asOf: Type.String(),
  version: Type.Integer({ description: 'the latest published version' }),
});
const Standing = Type.Object({
  score: Nullable(Type.Number()),
  rank: Nullable(Type.Number()),
  grade: Nullable(Type.String()),
  passed: Type.Boolean(),
  vetoed: Type.Boolean(),
  status: Type.String(),
});
const VersionSummary = Type.Object({
  version: Type.Integer(),
  publishedAt: Type.String(),
  kind: Type.Union([Type.Literal('publication'), Type.Literal('correction')]),
  note: Nullable(Type.String({ description: 'the correction’s reason (更正说明)' })),
  changes: Type.Array(Type.Object({ name: Type.String(), group: Type.String(), before: Nullable(Standing), after: Nullable(Standing) }), {
    description: 'sites whose public standing changed from the version before',
  }),
});
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
    app.get('/api/public/runs', { schema: { tags: ['public'], summary: 'published runs', response: { 200: Type.Array(PublishedRun) } } }, async () =>
      store.publications.publishedRuns().map((id) => {
        const run = store.getRun(id)!;
        return { id: run.id, name: run.name, asOf: run.asOf, version: store.publications.latest(id)?.version ?? 1 };
      }),
    );

    app.get(
      '/api/public/runs/:runId',
      {
        schema: {
          tags: ['public'],
          summary: 'the ranking of a published run as published: the latest version, or the one asked for, with every version',
          params: RunParams,
          querystring: VersionQuery,
          response: {
            200: Type.Object({
              ...PublishedRun.properties,
              version: Type.Integer({ description: 'the version shown' }),
              publishedAt: Type.String(),
              ranking: Type.Array(PublicSite),
              versions: Type.Array(VersionSummary),
            }),
            '4xx': ErrorReply,
          },
        },
      },
      async (request, reply) => {
        const { runId } = request.params;
        const run = store.getRun(runId);
        const shown = run ? publishedVersion(store, runId, request.query.version) : null;
        if (!run || !shown) return reply.code(404).send({ error: '未找到已发布的评估结果' });
        const versions = store.publications.versions(runId).map(typed);
        return {
          id: run.id,
          name: run.name,
          asOf: run.asOf,
          version: shown.version,
          publishedAt: shown.publishedAt,
          ranking: publicRanking(shown.sites),
          versions: versions.map((v) => ({
            version: v.version,
            publishedAt: v.publishedAt,
            kind: v.version === 1 ? ('publication' as const) : ('correction' as const),
            note: v.note,
            changes: publicChanges(v.changes).map((c) => ({ name: c.name, group: c.group, before: c.before, after: c.after })),
          })),
        };
      },
    );
  };
}
