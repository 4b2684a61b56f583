import type { AxePageResult } from './axe.js';
import type { ArticleFailure, ArticleReading } from './column-articles.js';
import type { LinkToCheck } from './link-check.js';
import type { ColumnObservation, PageRecord, UnreadPage } from './observations.js';
import type { ShareUse } from './page-budget.js';
import type { PageCheckResult } from './page-checks.js';
import type { PageIntegrity } from './page-integrity.js';
import type { PolicyPage } from './policy-pages.js';

/**
 * What visiting one page of the crawl produced, complete enough to replay without a browser: the pages
 * opened for it (the page, its further list pages, the articles read for dates), the column found, the
 * links leading on and the links handed to the link checker. Each outcome is committed as soon as the
 * page is done, so a killed run resumes mid-site without opening those pages again.
 */
export interface VisitOutcome {
  pages: PageRecord[];
  /** URLs to mark as seen (final URL after redirects, further list pages). */
  seen: string[];
  column: ColumnObservation | null;
  /** Links to crawl at the next depth; `order` extends the page's discovery order. */
  next: Array<{ href: string; text: string | null; order: number }>;
  links: LinkToCheck[];
  opened: number;
  articlesOpened: number;
  /** The meta tags of the first article read for this page: the identity evaluator's article metas. */
  article?: { url: string; metas: Record<string, string> } | null;
  /** axe-core results of the pages opened for it that were scanned (options.axe). */
  axe?: AxePageResult[];
  /** The page checks run beside axe on those pages. */
  pageChecks?: PageCheckResult[];
  /** Links off the site and footer furniture of the pages opened for it (page-integrity.ts). */
  integrity?: PageIntegrity[];
  /** The policy documents and interpretations among the articles opened for it (policy-pages.ts). */
  policyPages?: PolicyPage[];
  /** The page itself, when it could not be read even on a second try. */
  unread?: UnreadPage | null;
  /** Its part in the page budget, replayed when it is recalled (absent in journals written before it was kept). */
  budget?: VisitBudget;
}

/**
 * A visit's part in its level's page budget (crawl-site.ts run): what it did with its own slice and the articles it
 * opened there; when its column waited for the level's second round, the articles it asked that round for (in the
 * round's tiers), what it did with the round's pages besides, and the articles it opened then. Replayed in the
 * level's order, it lets a resumed crawl share out the level's pages as the uninterrupted crawl did: the same pages
 * opened and refused, the same articles read once for every column that lists them.
 */
export interface VisitBudget {
  slice: ShareUse;
  reads: ArticleRecord[];
  round?: { asked: RoundRequest[][]; use: ShareUse; reads: ArticleRecord[] };
}

/** An article page a visit opened, with what it showed: other columns that list it use this reading. */
export interface ArticleRecord {
  key: string;
  scan: boolean;
  reading: ArticleReading | ArticleFailure;
}

/** An article a visit asks its level's second round for. */
export interface RoundRequest {
  url: string;
  key: string;
  scan: boolean;
}

/** Where visit outcomes of one site are kept: the store in a real run, nothing in tests of the crawl alone. */
export interface CrawlJournal {
  /** The outcome recorded for this page key in an earlier, interrupted attempt. */
  recall(pageKey: string): VisitOutcome | undefined;
  record(pageKey: string, outcome: VisitOutcome): void;
}
