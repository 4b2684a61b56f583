import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';

import type { Store } from '../store/store.js';
import { freezeUnversionedPublications } from '../use-cases/publish.js';
import { sessionHook } from './auth.js';
import { cacheHeaders } from './cache-headers.js';
import { chineseErrors } from './errors.js';
import { maxUploadBytes, type RouteContext } from './route-context.js';
import { authRoutes } from './routes/auth.js';
import { departmentRoutes } from './routes/department.js';
import { publicRoutes } from './routes/public.js';
import { staffRoutes } from './routes/staff.js';
import { accountPages } from './web/account-pages.js';
import { appealPages } from './web/appeal-pages.js';
import { assetRoutes } from './web/assets.js';
import { departmentPages } from './web/department/index.js';
import { evidenceRoutes } from './web/evidence.js';
import { publicPages } from './web/public-pages.js';
import { runFileRoutes } from './web/run-files.js';
import { staffPages } from './web/staff/index.js';

export interface AppOptions {
  store: Store;
  /** The store's file: runs started from the web app are `govscore assess --db <this>` processes. */
  dbFile: string;
  /** Where uploaded sites files, appeal attachments and evidence screenshots live (the store's folder). */
  dataDir: string;
  /** Signs the CSRF cookie; a random one per start when not given (sessions survive, forms do not). */
  cookieSecret?: string;
  /** Send cookies with `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  logger?: boolean;
  /** Redis URL: campaigns are crawled by `govscore worker` processes, and scheduled campaigns start here. */
  queueUrl?: string;
}

/**
 * The govscore service: one Fastify app over the store, with routes per audience — public (published
 * rankings only), department (its own sites), staff (evaluators and admins) — each behind its own guard,
 * schemas on every route and the OpenAPI description at /docs.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  freezeUnversionedPublications(options.store);
  const app = Fastify({ logger: options.logger ?? false }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(cookie, { secret: options.cookieSecret ?? crypto.randomUUID() });
  await app.register(formbody);
  // Appeal attachments and uploaded sites files: one file per form, 10 MB at most.
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 20 } });
  await app.register(csrf, { cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', secure: options.secureCookies ?? false, path: '/' } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, { openapi: { info: { title: 'govscore 政府网站绩效评估', version: '0.1.0' } } });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  chineseErrors(app);
  sessionHook(app, options.store);
  cacheHeaders(app);
  const context: RouteContext = {
    store: options.store,
    secureCookies: options.secureCookies ?? false,
    dbFile: options.dbFile,
    dataDir: options.dataDir,
    ...(options.queueUrl ? { queueUrl: options.queueUrl } : {}),
  };
  await app.register(publicRoutes(context));
  await app.register(authRoutes(context));
  await app.register(departmentRoutes(context), { prefix: '/api/department' });
  await app.register(staffRoutes(context), { prefix: '/api/staff' });
  await app.register(assetRoutes);
  await app.register(publicPages(context));
  await app.register(staffPages(context), { prefix: '/staff' });
  await app.register(appealPages(context), { prefix: '/staff/appeals' });
  await app.register(departmentPages(context), { prefix: '/department' });
  await app.register(evidenceRoutes(context));
  await app.register(runFileRoutes(context));
  await app.register(accountPages(context));
  return app;
}
