import type { AccessibilityMeasurement } from './accessibility.js';
import type { AvailabilityMeasurement } from './availability.js';
import type { DisclosureMeasurement } from './disclosure.js';
import type { IdentityMeasurement } from './identity.js';
import type { Ipv6Measurement } from './ipv6.js';
import type { LinkSafetyMeasurement } from './link-safety.js';
import type { LinksMeasurement } from './links.js';
import type { MailboxMeasurement } from './mailbox.js';
import type { NewMediaMeasurement } from './new-media.js';
import type { PageChecksMeasurement } from './page-checks.js';
import type { PolicyDocumentsMeasurement } from './policy-documents.js';
import type { ReportingMeasurement, ReportingObservation } from './reporting.js';
import type { ResponsivenessMeasurement } from './responsiveness.js';
import type { ServicesMeasurement } from './services.js';
import type { TextChecksMeasurement } from './text-checks.js';
import type { UpdateFrequencyMeasurement } from './update-frequency.js';
import type { WebsiteReportMeasurement } from './website-report.js';

/**
 * The contract between evaluating and scoring: what every evaluator measured on one site. An evaluator
 * that did not run, or could not measure, gives null — the scoring reads that as "not measured", never
 * as zero. Indicator sets name single numbers of it through the registry (registry/measurements.ts).
 */
export interface SiteMeasurements {
  updateFrequency: UpdateFrequencyMeasurement | null;
  availability: AvailabilityMeasurement | null;
  responsiveness: ResponsivenessMeasurement | null;
  links: LinksMeasurement | null;
  disclosure: DisclosureMeasurement | null;
  mailbox: MailboxMeasurement | null;
  services: ServicesMeasurement | null;
  identity: IdentityMeasurement | null;
  accessibility: AccessibilityMeasurement | null;
  /** The in-browser checks axe does not make (keyboard, focus, reflow, titles, bypass, form groups). */
  pageChecks: PageChecksMeasurement | null;
  /** IPv6 readiness: address, homepage and first- and second-level pages over IPv6 (null: not collected). */
  ipv6: Ipv6Measurement | null;
  /** Hidden and commercial links, ad scripts, visitor-dependent redirects (暗链、黑链、劫持). */
  linkSafety: LinkSafetyMeasurement | null;
  /** Suspected wording errors and personal data leaks in the text of the pages read and their attachments. */
  textChecks?: TextChecksMeasurement | null;
  /** The website's own annual report (政府网站工作年度报表): found, and published by 31 January (absent in older results). */
  websiteReport?: WebsiteReportMeasurement | null;
  /** Validity marks on the policy documents read, and 解读 linked to their documents in time (absent in older results). */
  policyDocuments?: PolicyDocumentsMeasurement | null;
  /** 政务新媒体: the site's registered accounts judged on the evaluation date (null: no account registered). */
  newMedia: NewMediaMeasurement | null;
  /** 政务信息报送, for a site whose data came from an imported table (`govscore import`) instead of a crawl. */
  reporting: ReportingMeasurement | null;
  /** That table's row as imported (what `source: import:<column>` reads). */
  imported: ReportingObservation | null;
}

/** Measurements with nothing measured: the start of a site that was imported, or a test's blank. */
export const nothingMeasured: SiteMeasurements = Object.freeze({
  updateFrequency: null,
  availability: null,
  responsiveness: null,
  links: null,
  disclosure: null,
  mailbox: null,
  services: null,
  identity: null,
  accessibility: null,
  pageChecks: null,
  ipv6: null,
  linkSafety: null,
  textChecks: null,
  newMedia: null,
  reporting: null,
  imported: null,
});

/** Any part left out, and any number null (not measured). */
type DeepPartial<T> = T extends Array<infer U> ? Array<DeepPartial<U>> : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T | null;

/** Some parts of a site's measurements, each part only as far as it is given. */
export type PartialMeasurements = { [K in keyof SiteMeasurements]?: DeepPartial<SiteMeasurements[K]> };

/**
 * Measurements from parts, for the scoring bench and tests that score made-up numbers: a part not given is
 * not measured (null). Field names are checked against the evaluators' types; values a part leaves out
 * read as not measured too, which is all the scoring needs (it reads single numbers through the registry).
 */
export function measurementsFrom(parts: PartialMeasurements): SiteMeasurements {
  return { ...nothingMeasured, ...parts } as SiteMeasurements;
}
