import { evaluateAccessibility } from './accessibility.js';
import { evaluateAvailability } from './availability.js';
import type { AttachmentReading } from './collect/attachments.js';
import type { AxePageResult } from './collect/axe.js';
import type { DisclosureObservation } from './collect/disclosure-pages.js';
import type { Ipv6Observation } from './collect/ipv6.js';
import type { LighthouseResult } from './collect/lighthouse.js';
import type { CheckedLink } from './collect/link-check.js';
import type { MailboxObservation } from './collect/mailbox-pages.js';
import type { ColumnObservation, HomepageObservation, ProbeObservation, UnreadPage } from './collect/observations.js';
import type { PageCheckResult } from './collect/page-checks.js';
import type { PageIntegrity } from './collect/page-integrity.js';
import type { PageTextRef } from './collect/page-texts.js';
import type { DocumentsObservation } from './collect/policy-pages.js';
import type { ServicesObservation } from './collect/services-pages.js';
import type { SiteCollection } from './collect/site-collection.js';
import type { IdentityObservation } from './collect/site-features.js';
import type { FunctionsObservation } from './collect/site-functions.js';
import type { UaVariant } from './collect/ua-variants.js';
import { evaluateDisclosure, type SiteLevel } from './disclosure.js';
import { featureFindings } from './feature-findings.js';
import { withScreenshots } from './finding-screenshots.js';
import { evaluatorFindings } from './findings.js';
import { evaluateIdentity } from './identity.js';
import { evaluateIpv6, ipv6Findings } from './ipv6.js';
import { evaluateLinkSafety, linkSafetyFindings } from './link-safety.js';
import { evaluateLinks } from './links.js';
import { evaluateMailbox } from './mailbox.js';
import { evaluateNewMedia, newMediaFindings, type NewMediaObservation } from './new-media.js';
import { evaluatePageChecks, pageCheckFindings } from './page-checks.js';
import { evaluatePolicyDocuments, policyDocumentsFindings } from './policy-documents.js';
import type { FindingsByGroup } from './registry/finding-groups.js';
import { evaluateReporting, reportingFindings, type ReportingObservation } from './reporting.js';
import { evaluateResponsiveness, responsivenessFindings } from './responsiveness.js';
import { evaluateServices } from './services.js';
import { nothingMeasured, type SiteMeasurements } from './site-measurements.js';
import { textCheckFindings, type TextChecksMeasurement } from './text-checks.js';
import { evaluateUpdateFrequency, type MeasuredElsewhere } from './update-frequency.js';
import { evaluateWebsiteReport, websiteReportFindings } from './website-report.js';

export type { SiteMeasurements } from './site-measurements.js';

/** The stored observations of one site, by kind (see collect/observations.ts): the contract between collecting and evaluating (schemas/observations.schema.json). */
export interface StoredObservations {
  homepage?: HomepageObservation | null;
  columns?: ColumnObservation[];
  /** Pages of the crawl that could not be read even on a second try (absent in runs stored before it was recorded). */
  unreadPages?: UnreadPage[];
  probes?: ProbeObservation[];
  /** Probes of the availability monitor over the week before the evaluation date, when it ran. */
  monitorProbes?: ProbeObservation[];
  links?: CheckedLink[];
  /** Features found after the crawl (absent in runs stored before they were collected). */
  identity?: IdentityObservation;
  disclosure?: DisclosureObservation | null;
  mailbox?: MailboxObservation;
  services?: ServicesObservation;
  functions?: FunctionsObservation;
  /** axe-core per scanned page and Lighthouse on key pages (absent in runs stored before they were collected). */
  axe?: AxePageResult[];
  lighthouse?: LighthouseResult[];
  /** The in-browser checks axe does not make, per page axe scanned (absent in runs stored before they were collected). */
  pageChecks?: PageCheckResult[];
  /** IPv6 readiness (absent in runs stored before it was checked, or when the check was off). */
  ipv6?: Ipv6Observation | null;
  /** Links off the site, outside scripts and footer furniture per page read (absent in runs stored before they were collected). */
  integrity?: PageIntegrity[];
  /** The website's annual report links on the homepage and the policy documents and interpretations read (absent in older runs). */
  documents?: DocumentsObservation | null;
  /** The homepage as a phone, a spider and a search visitor get it (absent in older runs). */
  uaVariants?: UaVariant[];
  /** The site's rows of the office's new-media register (`newMedia:` in the sites file): stored with the run, not crawled. */
  newMedia?: NewMediaObservation;
  /** How the crawl went (pages, articles opened, time, what it skipped) and whether robots.txt was followed. */
  stats?: SiteCollection['stats'];
  robots?: SiteCollection['robots'];
  /** The text of each page read (and attachment extracted), stored compressed in the run's evidence folder (absent in older runs). */
  texts?: PageTextRef[];
  /** How the site's attachments were read for the text checks (absent in older runs). */
  attachments?: AttachmentReading | null;
  /** A site whose data came from an imported table (`govscore import`): its row, and nothing crawled. */
  import?: ReportingObservation;
}

/** What the sites file says about a site that changes how it is measured. */
export interface SiteProfile {
  level: SiteLevel;
  /** Provides 办事服务; without, services are not applicable (null), never "missing". */
  services: boolean;
  /** The portal's domain a department site should sit under (sites file `portal:`), when declared. */
  portal?: string | null;
}

/** What evaluating a site gives the scoring: its measurements and the findings behind them. */
export interface SiteEvaluation {
  measurements: SiteMeasurements;
  findings: FindingsByGroup;
}

/** An imported table row (`govscore import`) instead of a crawl: the reporting rates and their one-line summary. */
export function evaluateImported(row: ReportingObservation): SiteEvaluation {
  const reporting = evaluateReporting(row);
  return { measurements: { ...nothingMeasured, reporting, imported: row }, findings: reportingFindings(row, reporting) };
}

/** Observations + evaluation date → measurements and their findings. Pure: a re-score needs no browser. */
export function evaluateSite(
  observed: StoredObservations,
  asOf: string,
  site: SiteProfile = { level: 'department', services: true },
  /**
   * The text checks' measurement (evaluateTextChecks over the site's stored texts): the caller reads the texts from
   * the evidence folder, and may keep the result while neither the texts nor the dictionaries change. Absent: not
   * measured (an older run, or texts that were not kept).
   */
  textChecks: TextChecksMeasurement | null = null,
): SiteEvaluation {
  const updateFrequency = observed.homepage
    ? evaluateUpdateFrequency(
        {
          homepage: observed.homepage,
          columns: observed.columns ?? [],
          unreadPages: observed.unreadPages,
          measuredElsewhere: disclosurePages(observed.disclosure),
        },
        asOf,
      )
    : null;
  // A week of monitor probes is the national protocol; this run's few probes are only a fallback.
  const probes = [...(observed.monitorProbes ?? []), ...(observed.probes ?? [])];
  const availability = probes.length ? evaluateAvailability(probes, observed.monitorProbes?.length ?? 0) : null;
  const responsiveness = probes.length ? evaluateResponsiveness(probes) : null;
  const links = observed.homepage && observed.links ? evaluateLinks(observed.links, observed.homepage.finalUrl) : null;
  const screenshots = new Map((observed.columns ?? []).filter((c) => c.screenshot).map((c) => [c.url, c.screenshot!]));
  // Features are measured only when they were collected: an older run gives null (not measured), not zero.
  const collected = observed.functions !== undefined;
  const disclosure = collected ? evaluateDisclosure(observed.disclosure ?? null, asOf, site.level) : null;
  const mailbox = collected ? evaluateMailbox(observed.mailbox ?? null, asOf) : null;
  const services = collected && site.services ? evaluateServices(observed.services ?? null) : null;
  const homepageUrl = observed.homepage?.finalUrl;
  const identity = collected
    ? evaluateIdentity(observed.identity ?? null, observed.functions ?? null, observed.columns ?? [], {
        integrity: observed.integrity,
        homepage: homepageUrl,
        portal: site.portal,
      })
    : null;
  // Not measured in runs stored before every page's links were read.
  const linkSafety =
    observed.integrity && homepageUrl
      ? evaluateLinkSafety(observed.integrity, observed.uaVariants ?? [], { homepage: homepageUrl, portal: site.portal })
      : null;
  // No page scanned (axe switched off, an older run, or no scan finished) is not measured, not "no violation".
  const accessibility = observed.axe?.some((p) => !p.unfinished) ? evaluateAccessibility(observed.axe, observed.lighthouse ?? []) : null;
  // Not measured when no page was checked (axe off, an older run, or every check failed to run).
  const pageChecks = observed.pageChecks?.length ? evaluatePageChecks(observed.pageChecks) : null;
  const measuredPageChecks = pageChecks && pageChecks.pagesChecked > 0 ? pageChecks : null;
  const ipv6 = evaluateIpv6(observed.ipv6);
  const newMedia = evaluateNewMedia(observed.newMedia, asOf);
  const columns = observed.columns ?? [];
  const websiteReport = evaluateWebsiteReport({ documents: observed.documents, homepage: observed.homepage, disclosure: observed.disclosure, columns }, asOf);
  const policyDocuments = evaluatePolicyDocuments(observed.documents, columns);
  const homepageShot = observed.homepage ? { url: observed.homepage.finalUrl, screenshot: observed.homepage.screenshot ?? null } : null;
  const findings = withScreenshots(
    {
      ...evaluatorFindings(updateFrequency, availability, probes, screenshots, links),
      ...featureFindings({ disclosure, mailbox, services, identity, accessibility }),
      ...responsivenessFindings(responsiveness),
      ...pageCheckFindings(measuredPageChecks),
      ...ipv6Findings(ipv6),
      ...linkSafetyFindings(linkSafety),
      ...textCheckFindings(textChecks),
      ...newMediaFindings(newMedia),
      ...websiteReportFindings(websiteReport),
      ...policyDocumentsFindings(policyDocuments),
    },
    homepageShot,
    screenshots,
  );
  return {
    measurements: {
      updateFrequency,
      availability,
      responsiveness,
      links,
      disclosure,
      mailbox,
      services,
      identity,
      accessibility,
      pageChecks: measuredPageChecks,
      ipv6,
      linkSafety,
      textChecks,
      newMedia,
      websiteReport,
      policyDocuments,
      reporting: null,
      imported: null,
    },
    findings,
  };
}

/** The disclosure section's entry and the folder of its 法定主动公开内容 pages: D5 measures them, not V3/V4. */
function disclosurePages(disclosure: DisclosureObservation | null | undefined): MeasuredElsewhere | undefined {
  if (!disclosure?.entry) return undefined;
  const statutory = disclosure.parts['statutory']?.page?.finalUrl ?? disclosure.parts['statutory']?.href;
  const folder = statutory ? statutory.split('#')[0]!.replace(/[^/]*$/, '') : null;
  // A part at the site's root folder would exclude everything: only a folder of its own counts.
  const own = folder && new URL(folder).pathname !== '/' ? [folder] : [];
  return { pages: [disclosure.entry.url, disclosure.entry.finalUrl], folders: own };
}
