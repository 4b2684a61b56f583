import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';
import { sessionHook } from './auth.js';
import { authRoutes } from './routes/auth.js';
import { departmentRoutes } from './routes/department.js';
import { publicRoutes } from './routes/public.js';
import { staffRoutes } from './routes/staff.js';

export interface AppOptions {
  store: Store;
  /** Signs the CSRF cookie; a random one per start when not given (sessions survive, forms do not). */
  cookieSecret?: string;
  /** Send cookies with `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  logger?: boolean;
}

/**
 * The govscore service: one Fastify app over the store, with routes per audience — public (published
 * rankings only), department (its own sites), staff (evaluators and admins) — each behind its own guard,
 * schemas on every route and the OpenAPI description at /docs.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(cookie, { secret: options.cookieSecret ?? crypto.randomUUID() });
  await app.register(formbody);
  await app.register(csrf, { cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', secure: options.secureCookies ?? false, path: '/' } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, { openapi: { info: { title: 'govscore 政府网站绩效评估', version: '0.1.0' } } });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  sessionHook(app, options.store);
  const context = { store: options.store, secureCookies: options.secureCookies ?? false };
  await app.register(publicRoutes(context));
  await app.register(authRoutes(context));
  await app.register(departmentRoutes(context), { prefix: '/api/department' });
  await app.register(staffRoutes(context), { prefix: '/api/staff' });
  return app;
}

export interface RouteContext {
  store: Store;
  secureCookies: boolean;
}
