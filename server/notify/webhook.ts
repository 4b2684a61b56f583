import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers a webhook receiver reads: when it was signed (Unix seconds) and the signature of `timestamp.body`. */
export const timestampHeader = 'x-govscore-timestamp';
export const signatureHeader = 'x-govscore-signature';

/**
 * `sha256=` + HMAC-SHA256(secret, `${timestamp}.${body}`) in hex. The timestamp is signed with the body so that
 * a receiver can refuse an old message played again.
 */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers: the header matches the body and timestamp (compared in constant time). */
export function signatureMatches(secret: string, timestamp: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signature(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface RetryPolicy {
  attempts: number;
  /** The pause after the first failure; doubled after each next one. */
  backoffMs: number;
  timeoutMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 4, backoffMs: 2000, timeoutMs: 10_000 };

export interface SendOutcome {
  ok: boolean;
  attempts: number;
  /** The last failure, as said to staff: the HTTP status or the network error. */
  error: string | null;
}

/**
 * POSTs the JSON body signed with the department's secret. A network error, a timeout, a 429 or a 5xx is tried
 * again after a pause; any other answer outside 2xx is the receiver's refusal and is not.
 */
export async function postWebhook(url: string, secret: string, payload: unknown, retry: RetryPolicy = defaultRetry): Promise<SendOutcome> {
  const body = JSON.stringify(payload);
  let error: string | null = null;
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'govscore-watch',
          [timestampHeader]: timestamp,
          [signatureHeader]: signature(secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(retry.timeoutMs),
        redirect: 'error',
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, attempts: attempt, error: null };
      error = `HTTP ${response.status}`;
      if (response.status !== 429 && response.status < 500) return { ok: false, attempts: attempt, error };
    } catch (e) {
      error = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
    }
    if (attempt < retry.attempts) await new Promise((r) => setTimeout(r, retry.backoffMs * 2 ** (attempt - 1)));
  }
  return { ok: false, attempts: retry.attempts, error };
}
