import type { ProbeObservation } from './collect/observations.js';

export interface AvailabilityMeasurement {
  probes: number;
  failures: number;
  /** Share of probes that failed (no answer in 15 s, refused, 5xx); null with no probe at all. */
  failureRatio: number | null;
  failureKinds: Record<string, number>;
  /** How many of the probes came from the availability monitor (the rest: this run's own). */
  monitored: number;
}

export function evaluateAvailability(probes: ProbeObservation[], monitored = 0): AvailabilityMeasurement {
  const failed = probes.filter((p) => !p.ok);
  const failureKinds: Record<string, number> = {};
  for (const p of failed) failureKinds[p.failure ?? 'error'] = (failureKinds[p.failure ?? 'error'] ?? 0) + 1;
  return { probes: probes.length, failures: failed.length, failureRatio: probes.length ? failed.length / probes.length : null, failureKinds, monitored };
}
