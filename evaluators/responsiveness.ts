import type { ProbeObservation } from './collect/observations.js';
import { percentile } from './lib/percentile.js';
import type { FindingsByGroup } from './registry/finding-groups.js';

/**
 * 首页响应速度: how long the homepage took to answer the availability probes (this run's and, when the
 * monitor ran, the week's). Failed probes are availability's concern and are left out here. Fewer than
 * `minimumAnswered` answers is too few to state a typical time: the medians are then not measured (null).
 */
export interface ResponsivenessMeasurement {
  /** Probes that got an answer, and so a time. */
  answered: number;
  medianMs: number | null;
  p90Ms: number | null;
  /** The slowest answers (at most five), the evidence a web team can check against its own logs. */
  slowest: Array<{ at: string; url: string; ms: number }>;
}

export const minimumAnswered = 3;

export function evaluateResponsiveness(probes: readonly ProbeObservation[]): ResponsivenessMeasurement {
  const answered = probes.filter((p) => p.ok);
  const sorted = answered.map((p) => p.ms).sort((a, b) => a - b);
  const enough = answered.length >= minimumAnswered;
  return {
    answered: answered.length,
    medianMs: enough ? percentile(sorted, 0.5) : null,
    p90Ms: enough ? percentile(sorted, 0.9) : null,
    slowest: [...answered]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((p) => ({ at: p.at, url: p.url, ms: p.ms })),
  };
}

/** One line a department can check: the median and 90th percentile over how many answers, then the slowest ones. */
export function responsivenessFindings(r: ResponsivenessMeasurement | null): FindingsByGroup {
  if (!r) return {};
  if (r.medianMs === null) {
    return {
      'responsiveness.timing': [
        {
          subject: 'response-time',
          message: `首页响应时间未测量：仅 ${r.answered} 次探测得到响应（至少需要 ${minimumAnswered} 次）`,
          url: null,
          evidence: null,
        },
      ],
    };
  }
  // The slowest probes differ each run: they are the same problem as the median (one subject).
  const summary = {
    subject: 'response-time',
    message: `首页响应时间中位数 ${r.medianMs} ms，90% 的响应在 ${r.p90Ms} ms 以内（${r.answered} 次探测）`,
    url: null,
    evidence: null,
  };
  const slowest = r.slowest
    .slice(0, 3)
    .map((p) => ({ subject: 'response-time', message: `较慢的一次响应：${p.ms} ms`, url: p.url, evidence: `探测时间 ${p.at}` }));
  return { 'responsiveness.timing': [summary, ...slowest] };
}
