import type { Store } from '../store/store.js';

/**
 * What every route plugin of the app gets from buildApp. In a module of its own so that the plugins
 * depend on it, not on app.ts, which imports them all (an import cycle otherwise).
 */
export interface RouteContext {
  store: Store;
  secureCookies: boolean;
  dbFile: string;
  dataDir: string;
  queueUrl?: string;
}

/** One uploaded file (an appeal attachment, a sites file) per form, at most this size. */
export const maxUploadBytes = 10 * 1024 * 1024;
