import type { Store } from '../store/store.js';
import { runFigures, type RunProgress } from './progress.js';

/** How often the collecting process writes its figures to the store (a row replaced: a few ms). */
export const publishEveryMs = 2000;

/**
 * After how long without a write the figures are taken for a stopped process's, not shown as live: many writes
 * missed, allowing for a busy event loop (a Lighthouse run's trace is processed in this process).
 */
export const silentAfterMs = 30_000;

/**
 * Writes the run's figures to the store at once and then every `everyMs`, so that the web's progress page — another
 * process — shows what the terminal shows. `stop` removes them: collecting is over.
 */
export function publishProgress(store: Store, runId: string, state: RunProgress, everyMs = publishEveryMs): { stop: () => void } {
  const write = () => {
    try {
      store.progress.save(runId, runFigures(state));
    } catch {
      // A store locked longer than its busy timeout: the figures wait for the next write, the crawl goes on.
    }
  };
  write();
  const timer = setInterval(write, everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      try {
        store.progress.clear(runId);
      } catch {
        // Left behind, the row ages into "stopped" on the web page.
      }
    },
  };
}
