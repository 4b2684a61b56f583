/** Budgets and politeness of one site's crawl. Defaults suit a government portal of a few hundred pages. */
export interface CollectOptions {
  /** Pages opened per site: list pages, articles read for their date, everything. */
  maxPages: number;
  /** Link steps from the homepage through navigation (articles are not followed further). */
  maxDepth: number;
  /** List pages read per column. */
  maxListPages: number;
  /** Article pages opened per column to find dates the list does not show. */
  maxArticlesPerColumn: number;
  /** Tabs reading navigation/list pages at once, and tabs reading articles at once. */
  concurrency: number;
  articleConcurrency: number;
  /** Page load timeout; the national availability rule uses 15 s. */
  timeoutMs: number;
  /** Homepage availability probes taken per run. */
  probes: number;
  probeSpacingMs: number;
  /** A site's whole crawl stops enqueueing pages after this long. */
  siteBudgetMs: number;
  userAgent: string;
  /** robots.txt: respected by default; an evaluation office may ignore it for a campaign (reported). */
  robots: 'respect' | 'ignore';
  /** Count xxgk.example.gov.cn as part of www.example.gov.cn. */
  allowSubdomains: boolean;
  /** Pages of one URL shape (numbers blanked) visited at most: cuts endless query strings and archives. */
  maxPerTemplate: number;
  /** Reading a page's structure may take this long; a page whose scripts hog it is abandoned. */
  readTimeoutMs: number;
  /**
   * axe-core's scan of one page may take this long: about 1 s here, several on a loaded machine. A scan
   * cut short leaves its page out of the accessibility findings, so the cut is wider than a page read's:
   * how loaded the machine was should not change a site's result.
   */
  axeTimeoutMs: number;
  /** Pause between two page loads on one host (robots.txt's Crawl-delay wins when longer). */
  delayMs: number;
  /** The site's attachments read for the text checks (count and sizes); absent in jobs written before it: the default. */
  attachments?: AttachmentBudget;
  /**
   * The longest pause a host may ask for (Retry-After on a 429 or 503) that the crawl waits out before
   * going on. A host asking for longer is not contacted again: its site is recorded as rate-limited, its
   * links as not checked. Read with `?? default`: a queued job written before it existed lacks it.
   */
  rateLimitPatienceMs: number;
  /** A document larger than this is recorded as too-large and not read. */
  maxPageBytes: number;
  /** Column-like pages taken from sitemap.xml. */
  sitemapLimit: number;
  /** Newest articles opened per column even when the list dates them: their links are checked too. */
  sampleArticlesPerColumn: number;
  /** Links, images and attachments checked per site (homepage first); 0 switches link checking off. */
  maxLinks: number;
  linkTimeoutMs: number;
  /** After the crawl, find and read the sections the rules ask about: 信息公开, 信箱, 办事服务, search, 适老化. */
  features: boolean;
  /**
   * Which pages axe-core (WCAG 2.x A/AA) scans besides the homepage: `sample` = the first
   * `axeSamplePages` columns of the main navigation and the newest article of each (the site's
   * templates, at about a tenth of the pages); `key-pages` = every navigation, hub and column page and
   * the newest articles sampled per column; `all` adds the articles opened only for their date; `off`
   * scans nothing, the homepage included. axe costs 0.3–1 s of CPU per page.
   */
  axe: 'sample' | 'key-pages' | 'all' | 'off';
  axeSamplePages: number;
  /**
   * Pages of one URL template (digits and query values aside) the accessibility pass scans at most: the 51st
   * article of a template finds what the first ones found, at a page's cost.
   */
  axePerTemplate: number;
  /**
   * The browser checks axe does not make (keyboard, focus, reflow, title, bypass, form groups) on the pages
   * axe scans. On by default; off leaves the pages not checked (no page-check records), which only the bench
   * uses, to tell what axe costs from what the whole pass costs. Only false switches them off (a queued job
   * written before this switch lacks it).
   */
  pageChecks: boolean;
  /** Lighthouse runs per site: the homepage, then the first columns found (0 switches Lighthouse off). */
  lighthousePages: number;
  /**
   * IPv6 readiness: pages of each level (the homepage's links, the pages below them) fetched over IPv6 besides
   * the homepage; 0 switches the check off. Read with `?? default`: a queued job written before it existed lacks it.
   */
  ipv6Pages: number;
}

export const defaultCollectOptions: CollectOptions = {
  maxPages: 500,
  maxDepth: 3,
  maxListPages: 30,
  maxArticlesPerColumn: 60,
  concurrency: 2,
  articleConcurrency: 3,
  timeoutMs: 15_000,
  probes: 3,
  probeSpacingMs: 500,
  siteBudgetMs: 10 * 60_000,
  robots: 'respect',
  allowSubdomains: false,
  maxPerTemplate: 40,
  readTimeoutMs: 10_000,
  axeTimeoutMs: 25_000,
  delayMs: 0,
  rateLimitPatienceMs: 120_000,
  maxPageBytes: 20 * 1024 * 1024,
  sitemapLimit: 60,
  sampleArticlesPerColumn: 2,
  maxLinks: 800,
  linkTimeoutMs: 10_000,
  features: true,
  axe: 'sample',
  axeSamplePages: 5,
  axePerTemplate: 10,
  pageChecks: true,
  lighthousePages: 2,
  ipv6Pages: 10,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140 Safari/537.36 govscore/0.1 (government website assessment)',
};

export interface AttachmentBudget {
  /** Files fetched per site at most. */
  maxFiles: number;
  /** A larger file is not read (its declared size, or once this many bytes came in). */
  maxFileBytes: number;
  /** Bytes fetched per site at most. */
  maxTotalBytes: number;
}

/** The default attachment budget: 20 files, 10 MB each, 50 MB in all per site. */
export const defaultAttachmentBudget: AttachmentBudget = { maxFiles: 20, maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024 };
