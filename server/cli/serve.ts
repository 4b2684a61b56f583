import { dirname, resolve } from 'node:path';

import { buildApp } from '../app/app.js';
import { checkRedis } from '../queue/connection.js';
import { Store } from '../store/store.js';
import { watchStoreFiles } from '../store/store-files.js';

/** `govscore serve`: the web service over a store, until stopped. */
export async function serve(options: { db: string; port: number; host: string; queue?: string }): Promise<void> {
  if (options.queue) await checkRedis(options.queue);
  const store = new Store(options.db, { mustExist: true });
  const app = await buildApp({
    store,
    dbFile: resolve(options.db),
    dataDir: dirname(resolve(options.db)),
    cookieSecret: process.env['GOVSCORE_COOKIE_SECRET'],
    secureCookies: process.env['GOVSCORE_SECURE_COOKIES'] === '1',
    ...(options.queue ? { queueUrl: options.queue } : {}),
  });
  const address = await app.listen({ port: options.port, host: options.host });
  console.log(
    `govscore serving ${options.db} at ${address} (OpenAPI: ${address}/docs)${options.queue ? `; campaigns go to the workers on ${options.queue}` : ''}`,
  );
  const stop = async () => {
    await app.close();
    store.close();
    process.exit(0);
  };
  // The store's WAL deleted under it (store-files.ts): stop at once, without closing the store, rather than
  // go on writing what nobody will read; a restart opens the store as it is now.
  watchStoreFiles(store.files, (problem) => {
    console.error(problem);
    process.exit(75);
  });
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
