import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

import { documentsStyles } from '../../../reports/documents-section.js';
import { findingChangesStyles } from '../../../reports/finding-changes-section.js';
import { gradeStyles } from '../../../reports/grade-palette.js';
import { newMediaStyles } from '../../../reports/new-media-section.js';

const require = createRequire(import.meta.url);
const own = (file: string) => new URL(`./assets/${file}`, import.meta.url);
/** A package's browser build, next to its entry file (the packages do not export their build folder). */
const build = (pkg: string, file: string) => join(dirname(require.resolve(pkg)), file);

/** The files our pages load: our stylesheet and scripts, and the Vega builds the charts run on (from npm, not a CDN: offices often have no internet). */
const files: Record<string, { path: string | URL; type: string }> = {
  'app.css': { path: own('app.css'), type: 'text/css' },
  'charts.js': { path: own('charts.js'), type: 'text/javascript' },
  'progress.js': { path: own('progress.js'), type: 'text/javascript' },
  'vega.min.js': { path: build('vega', 'vega.min.js'), type: 'text/javascript' },
  'vega-lite.min.js': { path: build('vega-lite', 'vega-lite.min.js'), type: 'text/javascript' },
  'vega-embed.min.js': { path: build('vega-embed', 'vega-embed.min.js'), type: 'text/javascript' },
};

export const chartScripts = ['/assets/vega.min.js', '/assets/vega-lite.min.js', '/assets/vega-embed.min.js', '/assets/charts.js'];

const AssetParams = Type.Object({ name: Type.String() });

/**
 * A file as served: our stylesheet is followed by the styles of the report sections the department's page shows as
 * its report does (the comparison with an earlier run, the documents on time, the new-media accounts) and, last,
 * the grade palette's CSS, the colours the reports and charts use too.
 */
const reportSectionStyles = [findingChangesStyles, documentsStyles, newMediaStyles].join('\n');
const servedBody = (name: string, path: string | URL): Buffer =>
  name === 'app.css' ? Buffer.concat([readFileSync(path), Buffer.from(`\n${reportSectionStyles}\n${gradeStyles()}\n`)]) : readFileSync(path);

export const assetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const loaded = new Map(Object.entries(files).map(([name, f]) => [name, { body: servedBody(name, f.path), type: f.type }]));
  app.get('/assets/:name', { schema: { hide: true, params: AssetParams } }, async (request, reply) => {
    const file = loaded.get(request.params.name);
    if (!file) return reply.code(404).send({ error: '未找到' });
    return reply
      .type(`${file.type}; charset=utf-8`)
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  });
};
