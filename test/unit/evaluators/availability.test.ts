import { describe, expect, it } from 'vitest';

import { evaluateAvailability } from '../../../evaluators/availability.js';
import type { ProbeObservation } from '../../../evaluators/collect/observations.js';

const probe = (ok: boolean, failure: string | null = null, status: number | null = ok ? 200 : null): ProbeObservation => ({
  at: '2026-11-21T08:00:00Z',
  url: 'https://www.example.gov.cn/',
  ok,
  status,
  ms: 120,
  failure,
});

describe('evaluateAvailability', () => {
  it('counts failed probes by kind: 3 of 8 failed is a ratio of 0.375', () => {
    const probes = [
      probe(true),
      probe(false, 'timeout'),
      probe(true),
      probe(false, 'http-5xx', 503),
      probe(true),
      probe(true),
      probe(false, 'timeout'),
      probe(true),
    ];
    expect(evaluateAvailability(probes, 5)).toEqual({ probes: 8, failures: 3, failureRatio: 0.375, failureKinds: { timeout: 2, 'http-5xx': 1 }, monitored: 5 });
  });

  it('files a failure without a class under "error"', () => {
    expect(evaluateAvailability([probe(false), probe(false, 'refused')]).failureKinds).toEqual({ error: 1, refused: 1 });
  });

  it('has no ratio, rather than a perfect one, without any probe', () => {
    expect(evaluateAvailability([])).toEqual({ probes: 0, failures: 0, failureRatio: null, failureKinds: {}, monitored: 0 });
  });
});
