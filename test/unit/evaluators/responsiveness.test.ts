import { describe, expect, it } from 'vitest';

import type { ProbeObservation } from '../../../evaluators/collect/observations.js';
import { evaluateResponsiveness, responsivenessFindings } from '../../../evaluators/responsiveness.js';
import { measurementsFrom } from '../../../evaluators/site-measurements.js';
import { scoreSite } from '../../../indicators/engine.js';
import { loadIndicatorSet } from '../../../indicators/load.js';

const probe = (ms: number, ok = true, at = '2026-11-20T08:00:00Z'): ProbeObservation => ({
  at,
  url: 'https://www.example.gov.cn/',
  ok,
  status: ok ? 200 : null,
  ms,
  failure: ok ? null : 'timeout',
});

describe('responsiveness (首页响应速度)', () => {
  it('takes the nearest-rank median and 90th percentile of the answered probes only', () => {
    // Answered: 400 900 1200 2500 3100 (sorted); the timeout's 15000 ms is availability's, not a response time.
    const r = evaluateResponsiveness([probe(1200), probe(400), probe(15_000, false), probe(3100), probe(900), probe(2500)]);
    expect(r).toMatchObject({ answered: 5, medianMs: 1200, p90Ms: 3100 });
    expect(r.slowest.map((p) => p.ms)).toEqual([3100, 2500, 1200, 900, 400]);
  });

  it('is not measured with fewer than 3 answers, and says so in its finding', () => {
    const r = evaluateResponsiveness([probe(800), probe(700), probe(15_000, false)]);
    expect([r.medianMs, r.p90Ms]).toEqual([null, null]);
    expect(responsivenessFindings(r)['responsiveness.timing']![0]!.message).toBe('首页响应时间未测量：仅 2 次探测得到响应（至少需要 3 次）');
  });

  it('gives the summary and the three slowest answers as findings', () => {
    const findings = responsivenessFindings(evaluateResponsiveness([probe(500), probe(4000, true, '2026-11-19T03:00:00Z'), probe(1000), probe(2000)]))[
      'responsiveness.timing'
    ]!;
    expect(findings.map((f) => f.message)).toEqual([
      '首页响应时间中位数 1000 ms，90% 的响应在 4000 ms 以内（4 次探测）',
      '较慢的一次响应：4000 ms',
      '较慢的一次响应：2000 ms',
      '较慢的一次响应：1000 ms',
    ]);
    expect(findings[1]!.evidence).toBe('探测时间 2026-11-19T03:00:00Z');
  });

  it('is scored by annual-performance U6: full at 2 s, zero at 8 s, linear between (5 s → half a point)', () => {
    const set = loadIndicatorSet('annual-performance');
    const u6 = (medianMs: number | null) => scoreSite(set, measurementsFrom({ responsiveness: { medianMs } }), {}).indicators.find((i) => i.id === 'U6')!;
    expect(u6(1500)).toMatchObject({ score: 1, max: 1, status: 'ok' });
    expect(u6(5000)).toMatchObject({ score: 0.5, deduction: 0.5 });
    expect(u6(9000)).toMatchObject({ score: 0, deduction: 1 });
    expect(u6(null).status).toBe('not-measured');
  });
});
