import { evaluateAvailability } from './availability.js';
import type { ColumnObservation, HomepageObservation, ProbeObservation } from './collect/observations.js';
import { evaluatorFindings, type EvaluatorFinding } from './findings.js';
import { evaluateUpdateFrequency, type UpdateFrequencyMeasurement } from './update-frequency.js';
import type { AvailabilityMeasurement } from './availability.js';
import type { CheckedLink } from './collect/link-check.js';
import { evaluateLinks, type LinksMeasurement } from './links.js';

/** The stored observations of one site, by kind (see collect/observations.ts). */
export interface StoredObservations {
  homepage?: HomepageObservation | null;
  columns?: ColumnObservation[];
  probes?: ProbeObservation[];
  /** Probes of the availability monitor over the week before the evaluation date, when it ran. */
  monitorProbes?: ProbeObservation[];
  links?: CheckedLink[];
}

export interface SiteMeasurements {
  updateFrequency: UpdateFrequencyMeasurement | null;
  availability: AvailabilityMeasurement | null;
  links: LinksMeasurement | null;
}

/** Observations + evaluation date → measurements and their findings. Pure: a re-score needs no browser. */
export function evaluateSite(observed: StoredObservations, asOf: string): { measurements: SiteMeasurements; findings: Record<string, EvaluatorFinding[]> } {
  const updateFrequency = observed.homepage ? evaluateUpdateFrequency({ homepage: observed.homepage, columns: observed.columns ?? [] }, asOf) : null;
  // A week of monitor probes is the national protocol; this run's few probes are only a fallback.
  const probes = [...(observed.monitorProbes ?? []), ...(observed.probes ?? [])];
  const availability = probes.length ? evaluateAvailability(probes, observed.monitorProbes?.length ?? 0) : null;
  const links = observed.homepage && observed.links ? evaluateLinks(observed.links, observed.homepage.finalUrl) : null;
  const screenshots = new Map((observed.columns ?? []).filter((c) => c.screenshot).map((c) => [c.url, c.screenshot!]));
  return { measurements: { updateFrequency, availability, links }, findings: evaluatorFindings(updateFrequency, availability, probes, screenshots, links) };
}
