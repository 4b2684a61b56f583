import type { FastifyPluginAsync } from 'fastify';
import type { RouteContext } from '../app.js';

/** TODO (being written): see issue 8. */
export function departmentPages(_context: RouteContext): FastifyPluginAsync {
  return async () => undefined;
}
