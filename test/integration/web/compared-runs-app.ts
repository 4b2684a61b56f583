import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';

import { buildApp } from '../../../server/app/app.js';
import { Store } from '../../../server/store/store.js';
import { storeComparedRuns } from '../../fixtures/compared-runs.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

export const password = 'correct horse battery';

export type Browser = ReturnType<typeof injectBrowser>;

/** The web app over the two stored runs of test/fixtures/compared-runs.ts, with one browser logged in per account. */
export interface ComparedRunsApp {
  store: Store;
  app: FastifyInstance;
  /** Evaluation staff (评估办李审核). */
  staff: Browser;
  /** The department of jyj (市教育局). */
  edu: Browser;
  /** The department of rsj (市人社局): the one that must not see jyj's data. */
  hr: Browser;
  close(): Promise<void>;
}

/**
 * A fresh database in a temporary folder named after the test, the compared runs stored, `prepare` given the store
 * before the app starts (an extra run, a run option, scores), then the three accounts logged in.
 */
export async function openComparedRunsApp(name: string, prepare?: (store: Store) => void): Promise<ComparedRunsApp> {
  const dir = await tempDir(name);
  const db = join(dir, 'govscore.db');
  const store = new Store(db);
  storeComparedRuns(store);
  prepare?.(store);
  await store.accounts.add({ login: 'staff', name: '评估办李审核', role: 'evaluator', password });
  await store.accounts.add({ login: 'edu', name: '市教育局', role: 'department', password, sites: ['jyj'] });
  await store.accounts.add({ login: 'hr', name: '市人社局', role: 'department', password, sites: ['rsj'] });
  const app = await buildApp({ store, dbFile: db, dataDir: dir });
  const [staff, edu, hr] = [injectBrowser(app, password), injectBrowser(app, password), injectBrowser(app, password)];
  await staff.login('staff');
  await edu.login('edu');
  await hr.login('hr');
  return {
    store,
    app,
    staff,
    edu,
    hr,
    close: async () => {
      await app.close();
      store.close();
    },
  };
}
