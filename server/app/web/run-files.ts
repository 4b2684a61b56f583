import { stat } from 'node:fs/promises';
import { join } from 'node:path';

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

import { type Html, html } from '../../../reports/html.js';
import { maySee } from '../auth.js';
import { readContainedFile } from '../contained-file.js';
import type { RouteContext } from '../route-context.js';
import { RunId } from '../schemas.js';
import { shortTime } from './appeal-status.js';
import { csrfField } from './layout.js';

/**
 * The outputs a run wrote (`govscore assess --out <dataDir>/runs/<run>`, as the web app's campaigns do), for
 * download: the report and notice (HTML, PDF), the workbook, the ranking CSV, results.json, each department's
 * report and the charts. Only these names are served, as attachments (never shown in our pages' origin: they
 * quote crawled pages), and only regular files inside the run's folder.
 */
const outputs = [
  { file: 'report.pdf', label: '评估报告（PDF）' },
  { file: 'report.html', label: '评估报告（网页文件）' },
  { file: 'notice.pdf', label: '通报（PDF）' },
  { file: 'notice.html', label: '通报（网页文件）' },
  { file: 'results.xlsx', label: '结果与问题清单（Excel）' },
  { file: 'ranking.csv', label: '排名（CSV）' },
  { file: 'results.json', label: '完整结果数据（JSON）' },
] as const;

const FileName = Type.String({ pattern: '^(report|notice)\\.(html|pdf)$|^results\\.(xlsx|json)$|^ranking\\.csv$|^departments/[a-z0-9-]{1,60}\\.(html|pdf)$' });
const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export const runFolder = (dataDir: string, runId: string) => join(dataDir, 'runs', runId);

/** How the last rewrite of a run's files went, while the service runs (server/app/web/report-refresh.ts). */
export type RefreshState = { state: 'running' } | { state: 'failed'; message: string } | { state: 'done' };

/** The department report's file of a site, as write-outputs.ts names it. */
export const departmentFile = (siteId: string, ext: 'pdf' | 'html') => `departments/${siteId}.${ext}`;

/** Which of the run's outputs exist, with their sizes: what a download list shows. */
export async function existingOutputs(dataDir: string, runId: string, names: ReadonlyArray<{ file: string; label: string }> = outputs) {
  const found = await Promise.all(
    names.map(async (o) => {
      const info = await stat(join(runFolder(dataDir, runId), o.file)).catch(() => null);
      return info?.isFile() ? { ...o, bytes: info.size, writtenAt: info.mtime.toISOString() } : null;
    }),
  );
  return found.filter((o): o is { file: string; label: string; bytes: number; writtenAt: string } => o !== null);
}

const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export const fileUrl = (runId: string, file: string) => `/files/${runId}/${file}`;

/** When the oldest of a run's files was written (null when it has none here): older than its last scoring means stale. */
export async function outputsWrittenAt(dataDir: string, runId: string, sites: ReadonlyArray<{ id: string }>): Promise<string | null> {
  const files = await existingOutputs(dataDir, runId, [...outputs, ...sites.map((s) => ({ file: departmentFile(s.id, 'pdf'), label: '' }))]);
  return files.map((f) => f.writtenAt).sort()[0] ?? null;
}

/**
 * The staff's download list of a run: the run's outputs and each department's report, those that exist —
 * and whether they are older than the run's last scoring (an appeal accepted, a review), in which case
 * their figures may differ from the scores and the published version; `refresh` is their rewrite's state,
 * and the form rewrites them (server/app/web/report-refresh.ts).
 */
export async function staffDownloads(
  dataDir: string,
  runId: string,
  sites: ReadonlyArray<{ id: string; name: string }>,
  o: { scoredAt: string | null; refresh: RefreshState | null },
): Promise<(csrf: string) => Html> {
  const main = await existingOutputs(dataDir, runId);
  const departments = await existingOutputs(
    dataDir,
    runId,
    sites.map((s) => ({ file: departmentFile(s.id, 'pdf'), label: `${s.name} 评估报告（PDF）` })),
  );
  if (!main.length && !departments.length)
    return () => html`<section><h2>下载</h2><p class="note">本评估的报告文件不在本服务的数据目录中（由命令行在其他目录生成），请到生成目录查看。</p></section>`;
  const item = (o: { file: string; label: string; bytes: number }) =>
    html`<li><a href="${fileUrl(runId, o.file)}" download>${o.label}</a>（${size(o.bytes)}）</li>`;
  const oldest = (await outputsWrittenAt(dataDir, runId, sites))!;
  const stale = o.scoredAt !== null && oldest < o.scoredAt;
  const rewrite = (csrf: string) =>
    html`<form method="post" action="/staff/runs/${runId}/outputs" class="inline">${csrfField(csrf)}<button type="submit">按当前评分重新生成报告文件</button></form>`;
  const status = (csrf: string) =>
    o.refresh?.state === 'running'
      ? html`<p class="note" role="status">正在按当前评分重新生成报告文件，完成后刷新本页即可下载新文件。</p>`
      : o.refresh?.state === 'failed'
        ? html`<div class="error" role="alert"><p>重新生成报告文件未成功：${o.refresh.message}</p>${rewrite(csrf)}</div>`
        : stale
          ? html`<div class="error" role="alert"><p>以下文件生成于 ${shortTime(oldest)}，此后评分有变化（申诉采纳、人工复核或重新评分），文件中的得分可能与当前评分和公开发布的版本不同。</p>${rewrite(csrf)}</div>`
          : html`<p class="note">文件生成于 ${shortTime(oldest)}，与当前评分一致。</p>`;
  return (csrf) =>
    html`<section><h2>下载</h2>${status(csrf)}<ul>${main.map(item)}</ul>${departments.length ? html`<details><summary>各单位评估报告（${departments.length} 个）</summary><ul>${departments.map(item)}</ul></details>` : ''}</section>`;
}

/**
 * GET /files/<run>/<file>: staff get every output of a run; a department only its own sites' reports of a
 * finished run; nobody else anything. Whatever is refused or missing answers the same 404.
 */
export function runFileRoutes({ store, dataDir }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/files/:runId/*',
      { schema: { hide: true, params: Type.Object({ runId: RunId, '*': FileName }) }, attachValidation: true },
      async (request, reply) => {
        const user = request.user;
        if (!user) return reply.code(401).send({ error: '请先登录' });
        const missing = () => reply.code(404).send({ error: '未找到' });
        if (request.validationError) return missing();
        const { runId } = request.params;
        const file = request.params['*'];
        const run = store.getRun(runId);
        if (!run) return missing();
        if (user.role === 'department') {
          const own = /^departments\/([a-z0-9-]+)\.(html|pdf)$/.exec(file);
          if (!own || !maySee(user, own[1]!) || !run.finishedAt) return missing();
        }
        const folder = runFolder(dataDir, runId);
        const body = await readContainedFile(folder, join(folder, file), store.files);
        if (!body) return missing();
        const name = file.split('/').pop()!;
        return reply
          .type(types[name.split('.').pop()!]!)
          .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`${run.name}-${name}`)}`)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(body);
      },
    );
  };
}
