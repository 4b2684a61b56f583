import type { PageTextRef } from './page-texts.js';

/**
 * What the collector records: facts only. No thresholds, no judgement of staleness — the
 * evaluators do that from these, with the evaluation date and the indicator set's options.
 */

export interface ListItem {
  title: string;
  url: string;
  /** Publication date as shown, YYYY-MM-DD; null when the site shows none. */
  date: string | null;
  /** Where the date was read: the list row, the row's title attribute, the article page, or nowhere. */
  dateSource: 'list' | 'title-attr' | 'article' | null;
}

export interface ColumnObservation {
  url: string;
  name: string;
  /** How the name was found: ColumnName meta, breadcrumb, the navigation link, the page heading. */
  nameSource: 'meta' | 'breadcrumb' | 'link' | 'heading' | 'title';
  columnNameMeta: string | null;
  /** Every list page read, first page first. */
  pages: string[];
  items: ListItem[];
  /** No items at all; `placeholder` holds a "暂无信息"-like text when the page shows one. */
  blank: boolean;
  placeholder: string | null;
  /** Pagination stopped at the budget before the last page. */
  truncated: boolean;
  /** Evidence: a screenshot of the first list page (path under the run's evidence folder) and the list's HTML. */
  screenshot: string | null;
  fragment: string | null;
  /**
   * Its further list pages and the articles of undated items that could not be read, even on a second try:
   * what they would have shown is not known (absent in runs stored before it was recorded).
   */
  unread?: UnreadPage[];
}

/**
 * A page a measurement needed that could not be read, even on a second try after a pause (a retryable
 * failure: script-timeout, timeout, crashed-renderer, http-5xx …). What it would have shown is not
 * measured — never read as absent.
 */
export interface UnreadPage {
  url: string;
  /** What the page is: the text of the link that led to it, when there was one. */
  name: string | null;
  /** The failure, as failures.ts names it. */
  reason: string;
}

export interface HomepageObservation {
  url: string;
  finalUrl: string;
  status: number | null;
  title: string;
  /** Rows on the homepage that show a date (news blocks). */
  datedItems: ListItem[];
  metas: Record<string, string>;
  screenshot: string | null;
}

export interface ProbeObservation {
  at: string;
  url: string;
  ok: boolean;
  status: number | null;
  ms: number;
  /** Failure class when not ok: timeout, refused, dns, reset, http-5xx … */
  failure: string | null;
}

export interface PageRecord {
  url: string;
  finalUrl: string | null;
  status: number | null;
  /** feature: opened by a section finder (公开, 信箱, 办事, search, 适老化) after the crawl. */
  role: 'homepage' | 'hub' | 'column' | 'list-page' | 'article' | 'content' | 'failed' | 'skipped' | 'feature';
  ms: number | null;
  error: string | null;
  /** sha256 of the rendered HTML, to tell later whether the page changed. */
  hash?: string | null;
  /** Its visible text, kept for the text checks (absent when it was not read, or in older runs). */
  text?: PageTextRef | null;
}

/**
 * Wall time of a site's collect phases, in ms. Phases overlap (the section finders run beside the
 * crawl), so they do not add up to stats.ms; axe is the sum of its page scans.
 */
export interface PhaseTimes {
  homepage: number;
  crawl: number;
  features: number;
  axe: number;
  /** The in-browser page checks beside axe (absent in runs stored before they existed). */
  pageChecks?: number;
  lighthouse: number;
  /** Waiting for the link checker after everything else was done. */
  linksWait: number;
  /** Fetching and reading the site's attachments for the text checks (absent in runs stored before it). */
  attachments?: number;
}

export type SiteFailure = { status: 'unreachable' | 'blocked' | 'error'; reason: string };
