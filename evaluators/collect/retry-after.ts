/** Statuses whose Retry-After asks a client to pause: rate limited, and down for a while. */
const pausingStatuses = new Set([429, 503]);

/** The longest pause read (about 24.8 days, a timer's limit): any run leaves a host asking for more alone anyway. */
const longestPauseMs = 2 ** 31 - 1;

/**
 * The pause, in ms, a 429 or 503 answer asks for in its Retry-After header: delay-seconds or an HTTP-date
 * (RFC 9110 §10.2.3). A date is counted from the answer's own Date header when it has one, so a server
 * whose clock is off from ours still gets the pause it meant. Null when the answer asks for none.
 */
export function retryAfterMs(status: number, retryAfter: string | null | undefined, serverDate: string | null | undefined, now = Date.now()): number | null {
  if (!pausingStatuses.has(status) || !retryAfter) return null;
  const value = retryAfter.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, longestPauseMs);
  // An HTTP-date names its day and month; Date.parse alone would read "-5" as a year.
  const until = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(until)) return null;
  const sent = serverDate ? Date.parse(serverDate) : NaN;
  return Math.min(Math.max(0, until - (Number.isNaN(sent) ? now : sent)), longestPauseMs);
}
