import { isRetryable } from './failures.js';

/** The pause before a second try: a renderer busy under load, or a server shedding load, often answers a moment later. */
export const RETRY_PAUSE_MS = 1500;

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt`; when `failure` names a retryable failure of what it gave (failures.ts: a timeout, a
 * stalled or crashed renderer, a 5xx …), waits a moment and runs it once more, and the second result
 * stands. Twice at most, so a site's time stays bounded. The attempt opens its own tab each time: a tab
 * whose renderer stalled is closed by the pool, not reused. `second` says whether a second try may be made
 * (the page budget has a page for it); when it may not, the first result stands.
 */
export async function retryOnce<T>(
  attempt: () => Promise<T>,
  failure: (result: T) => string | null,
  options: { pauseMs?: number; second?: () => boolean } = {},
): Promise<T> {
  const first = await attempt();
  const reason = failure(first);
  if (!reason || !isRetryable(reason)) return first;
  if (options.second && !options.second()) return first;
  await pause(options.pauseMs ?? RETRY_PAUSE_MS);
  return attempt();
}
