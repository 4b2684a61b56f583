import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { html } from '../../../reports/html.js';
import { page } from '../../../reports/html-parts.js';
import type { RouteContext } from '../app.js';
import { publicRanking, storedRun } from '../run-view.js';

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

    app.get('/', { schema: { hide: true } }, async (_request, reply) => {
      const runs = store.reviews.publishedRuns().map((id) => store.getRun(id)!);
      return reply.type('text/html').send(page('政府网站绩效评估结果', html`<h1>政府网站绩效评估结果</h1>${runs.length ? html`<ul>${runs.map((r) => html`<li><a href="/runs/${r.id}">${r.name}</a>（评估日期 ${r.asOf}）</li>`)}</ul>` : html`<p>暂无已发布的评估结果。</p>`}<p><a href="/login">工作人员和部门登录</a></p>`));
    });

    app.get('/runs/:runId', { schema: { hide: true, params: RunParams } }, async (request, reply) => {
      const view = published((request.params as { runId: string }).runId);
      if (!view) return reply.code(404).type('text/html').send(page('未找到', html`<h1>未找到已发布的评估结果</h1>`));
      const ranking = publicRanking(view.sites);
      const groups = [...new Set(ranking.map((s) => s.group))];
      return reply.type('text/html').send(
        page(
          view.run.name,
          html`<h1>${view.run.name}</h1><p class="meta">评估日期：${view.run.asOf}</p>${groups.map(
            (g) => html`<section><h2>${g}</h2><table><thead><tr><th>名次</th><th>网站</th><th>得分</th><th>等级</th></tr></thead><tbody>${ranking
              .filter((s) => s.group === g)
              .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
              .map((s) => html`<tr><td>${s.rank ?? '—'}</td><td>${s.name}</td><td>${s.score ?? '未评估'}</td><td>${s.grade ?? ''}</td></tr>`)}</tbody></table></section>`,
          )}`,
        ),
      );
    });
  };
}
