import type { AttachmentReading } from './attachments.js';
import type { AxePageResult } from './axe.js';
import type { Ipv6Observation } from './ipv6.js';
import type { LighthouseResult } from './lighthouse.js';
import type { CheckedLink } from './link-check.js';
import type { ColumnObservation, HomepageObservation, PageRecord, PhaseTimes, ProbeObservation, SiteFailure, UnreadPage } from './observations.js';
import type { PageBudgetUse } from './page-budget.js';
import type { PageCheckResult } from './page-checks.js';
import type { PageIntegrity } from './page-integrity.js';
import type { PageTextRef } from './page-texts.js';
import type { DocumentsObservation } from './policy-pages.js';
import type { SiteFeatures } from './site-features.js';
import type { UaVariant } from './ua-variants.js';

/**
 * Everything one crawl of a site collected: what collectSite returns and the collect phase hands on.
 * Apart from observations.ts, which the feature collectors it names import themselves (a cycle otherwise).
 */
export interface SiteCollection {
  failure: SiteFailure | null;
  homepage: HomepageObservation | null;
  columns: ColumnObservation[];
  /** Pages of the crawl that could not be read, even on a second try: columns, hubs or pages, nobody can tell. */
  unreadPages: UnreadPage[];
  probes: ProbeObservation[];
  pages: PageRecord[];
  /** `budget`: the page budget as used (absent in runs stored before it was kept). */
  stats: { pages: number; articlesOpened: number; ms: number; skipped: Record<string, number>; phases?: PhaseTimes; budget?: PageBudgetUse };
  robots: 'respected' | 'ignored' | 'absent';
  /** Every link, image and attachment found on the pages read, with its checked status. */
  links: CheckedLink[];
  /** Disclosure, mailbox, services, search, 适老化 and identity facts; null when the site failed or features are off. */
  features: SiteFeatures | null;
  /** axe-core WCAG 2.x A/AA results per scanned page, and Lighthouse on the homepage and key columns. */
  axe: AxePageResult[];
  /** The in-browser checks axe does not make, on the same pages axe scanned (none when axe is off). */
  pageChecks: PageCheckResult[];
  lighthouse: LighthouseResult[];
  /** IPv6 readiness of the site's host (null: the site failed, or the check was off). */
  ipv6: Ipv6Observation | null;
  /** Links off the site, outside scripts and footer furniture of the pages read once their scripts had run. */
  integrity: PageIntegrity[];
  /** Links on the homepage titled like the website's annual report, and the policy documents and interpretations read; null when the site failed. */
  documents: DocumentsObservation | null;
  /** The homepage as a phone, a spider and a search visitor get it. */
  uaVariants: UaVariant[];
  /** The visible text of the pages read and of the attachments extracted, kept compressed beside the screenshots for the text checks (none without an evidence folder). */
  texts: PageTextRef[];
  /** How the site's own PDF/DOC(X)/XLS(X) attachments were read (budget, read, not read and why); null when not read (no evidence folder, or the site failed). */
  attachments: AttachmentReading | null;
}
