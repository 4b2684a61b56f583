import { dirname, resolve } from 'node:path';

import { ConfigError } from '../../common/config-errors.js';
import { buildApp } from '../app/app.js';
import { checkRedis } from '../queue/connection.js';
import { type Role, roles } from '../store/accounts.js';
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

/** `govscore users add`: an account; the password comes from GOVSCORE_PASSWORD or the first line of stdin, never the command line. */
export async function addUser(options: { db: string; login: string; name: string; role: string; sites: string[] }): Promise<void> {
  if (!roles.includes(options.role as Role)) throw new ConfigError(options.db, 1, '--role', `unknown role ${options.role}`, `use one of: ${roles.join(', ')}`);
  if (options.role === 'department' && !options.sites.length)
    throw new ConfigError(options.db, 1, '--sites', 'a department account needs its sites', 'give --sites jyj,jyj-2');
  const password = process.env['GOVSCORE_PASSWORD'] ?? (await firstLine());
  if (!password || password.length < 10)
    throw new ConfigError(options.db, 1, 'password', 'a password of at least 10 characters is needed', 'set GOVSCORE_PASSWORD or pipe it on stdin');
  const store = new Store(options.db);
  try {
    const user = await store.accounts.add({ login: options.login, name: options.name, role: options.role as Role, password, sites: options.sites });
    store.reviews.audit(null, 'user-added', `user:${user.id}`, { login: user.login, role: user.role, sites: user.sites });
    console.log(`added ${user.role} ${user.login} (${user.name})${user.sites.length ? `, sites: ${user.sites.join(', ')}` : ''}`);
  } finally {
    store.close();
  }
}

async function firstLine(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? null;
}
