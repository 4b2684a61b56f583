import { describe, expect, it } from 'vitest';

import { failureKind, failureLabel, isRetryable, rateLimitedReason } from '../../../../evaluators/collect/failures.js';
import { retryAfterMs } from '../../../../evaluators/collect/retry-after.js';

describe('Retry-After', () => {
  const now = Date.parse('2026-11-21T08:00:00Z');

  it('reads delay-seconds on a 429 or a 503', () => {
    expect(retryAfterMs(429, '3600', null, now)).toBe(3_600_000);
    expect(retryAfterMs(503, ' 1 ', null, now)).toBe(1000);
    expect(retryAfterMs(429, '0', null, now)).toBe(0);
    // Past what a timer can wait: read as its longest.
    expect(retryAfterMs(429, '99999999999999999999', null, now)).toBe(2 ** 31 - 1);
    expect(retryAfterMs(429, 'Fri, 01 Jan 2100 00:00:00 GMT', null, now)).toBe(2 ** 31 - 1);
  });

  it('reads an HTTP-date, counted from the answer’s own Date when it has one', () => {
    expect(retryAfterMs(429, 'Sat, 21 Nov 2026 08:02:00 GMT', null, now)).toBe(120_000);
    // The server's clock is 10 minutes behind ours: the pause it meant is still 2 minutes.
    expect(retryAfterMs(503, 'Sat, 21 Nov 2026 07:52:00 GMT', 'Sat, 21 Nov 2026 07:50:00 GMT', now)).toBe(120_000);
    expect(retryAfterMs(429, 'Sat, 21 Nov 2026 07:00:00 GMT', null, now)).toBe(0);
  });

  it('asks no pause on other statuses, without the header or with one that is neither', () => {
    expect(retryAfterMs(200, '3600', null, now)).toBeNull();
    expect(retryAfterMs(301, '3600', null, now)).toBeNull();
    expect(retryAfterMs(429, null, null, now)).toBeNull();
    expect(retryAfterMs(429, 'soon', null, now)).toBeNull();
    expect(retryAfterMs(429, '-5', null, now)).toBeNull();
  });

  it('a rate-limited site is retryable, labelled in Chinese with the seconds asked', () => {
    const reason = rateLimitedReason(3600);
    expect(failureKind(reason)).toBe('rate-limited');
    expect(isRetryable(reason)).toBe(true);
    expect(failureLabel(reason)).toBe('被限流（服务器要求 3600 秒后重试）');
    expect(failureLabel('rate-limited')).toBe('被限流');
  });
});
