import { join } from 'node:path';

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

import { maySee } from '../auth.js';
import { readContainedFile } from '../contained-file.js';
import type { RouteContext } from '../route-context.js';
import { RunId, SiteId } from '../schemas.js';

const EvidenceParams = Type.Object({
  runId: RunId,
  siteId: SiteId,
  file: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,120}\\.(jpg|jpeg|png)$' }),
});

/**
 * Evidence screenshots (<dataDir>/evidence/<run>/<site>/<file>): staff see every site's, a department
 * only its own sites' of finished runs, the public none — even of a published run, whose ranking is
 * public but whose findings are not. Whatever is refused or missing answers the same 404, and so does a
 * file that is not really in the site's folder (a link to another site's screenshot, to the store).
 */
export function evidenceRoutes({ store, dataDir }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/evidence/:runId/:siteId/:file', { schema: { hide: true, params: EvidenceParams }, attachValidation: true }, async (request, reply) => {
      const user = request.user;
      if (!user) return reply.code(401).send({ error: '请先登录' });
      const { runId, siteId, file } = request.params;
      const missing = () => reply.code(404).send({ error: '未找到' });
      if (request.validationError || !maySee(user, siteId)) return missing();
      if (user.role === 'department' && !store.getRun(runId)?.finishedAt) return missing();
      // The patterns already rule out "..": what is left is a link placed in the folder.
      const folder = join(dataDir, 'evidence', runId, siteId);
      const body = await readContainedFile(folder, join(folder, file), store.files);
      if (!body) return missing();
      return reply
        .type(/\.png$/.test(file) ? 'image/png' : 'image/jpeg')
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    });
  };
}
