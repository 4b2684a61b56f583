import PQueue from 'p-queue';
import type { Browser, Page } from 'puppeteer';

import { ArticleReads } from './article-reads.js';
import { readAttachments } from './attachments.js';
import { type AxePageResult, runAxe, unfinishedScan } from './axe.js';
import { applyReadings, type ArticleFailure, type ArticleReading, byPriority, planArticles, type PlannedArticle } from './column-articles.js';
import type { ArticleRecord, CrawlJournal, RoundRequest, VisitOutcome } from './crawl-journal.js';
import { contentHash, type EvidenceSink } from './evidence.js';
import { isRetryable, rateLimitedReason } from './failures.js';
import type { FeatureContext } from './feature-links.js';
import { leftSite, openHomepage } from './homepage.js';
import { refusedHosts, withPatience } from './host-gate.js';
import { checkIpv6, type HostResolver } from './ipv6.js';
import { lighthouseNotRun, type LighthouseRunner } from './lighthouse.js';
import { LinkChecker, type LinkToCheck } from './link-check.js';
import { articleDate, itemFromRow } from './list-items.js';
import { articleForMetas } from './metas-article.js';
import { closeTab, openUrl, settlePage } from './navigate.js';
import type { ColumnObservation, ListItem, PageRecord, PhaseTimes, UnreadPage } from './observations.js';
import { type CollectOptions, defaultAttachmentBudget, defaultCollectOptions } from './options.js';
import { auditTab, checkTab } from './page-audit.js';
import { inOrder, PageAccount, PageMeter, type PageShare, type PageTaker, type ShareUse, siteShares } from './page-budget.js';
import { type PageCheckResult, uncheckedPage } from './page-checks.js';
import { readFacts } from './page-facts.js';
import { type PageIntegrity, readIntegrity, siteIntegrity } from './page-integrity.js';
import { columnName, pageKind, type PageTemplate, templateOf } from './page-kind.js';
import type { PageTextRef } from './page-texts.js';
import { readAllPages } from './paginate.js';
import { policyKindOf, type PolicyPage, readPolicyPage, sortedPolicyPages, websiteReportLinks } from './policy-pages.js';
import { probeHomepage } from './probes.js';
import { type PageRead, readPage, ReadTimeout } from './read-page.js';
import { retryOnce } from './retry-once.js';
import { loadRobots, type RobotsPolicy, sitemapUrls } from './robots.js';
import type { SiteCollection } from './site-collection.js';
import { collectFeatures, collectSections, newestArticle } from './site-features.js';
import { functionNeeds, type FunctionShares } from './site-functions.js';
import { TabPool } from './tab-pool.js';
import { fetchUaVariants, type UaVariant } from './ua-variants.js';
import { isDocument, pageKey, sameSite, trapReason, urlTemplate } from './url-scope.js';

/**
 * Crawls one site: probes, robots.txt, the homepage, then breadth-first through navigation, "更多"
 * links and column-like sitemap entries to every column page, reading each column's items over all its
 * list pages and, for items the list shows without a date, the article page. Articles are read for
 * their date, never crawled further. Every page is bounded in time; the site by pages and time.
 */
/** Where screenshots go (optional: without a sink no screenshot is taken) and the site's id for their folder. */
export interface CollectContext {
  evidence?: EvidenceSink | null;
  siteId?: string;
  /** Pages already visited in an interrupted attempt at this site, and where to record new ones. */
  journal?: CrawlJournal | null;
  /** Runs Lighthouse on the homepage and key columns (options.lighthousePages); without one, none runs. */
  lighthouse?: LighthouseRunner | null;
  /** How host names resolve for the IPv6 check (tests give loopback addresses); the system's resolver by default. */
  resolveHost?: HostResolver;
  /** Kept up to date as the site is collected, for a progress display: the phase under way and the pages recorded. */
  progress?: SiteProgress;
}

/** A site's collection as it goes: the phase under way, the pages recorded so far (the list itself, read live) and the page budget's count. */
export interface SiteProgress {
  phase: keyof PhaseTimes | 'start';
  pages: readonly PageRecord[];
  /** Pages opened so far and the limit (--max-pages), read live. */
  budget?: { readonly opened: number; readonly limit: number };
}

export function collectSite(browser: Browser, url: string, asOf: string, options: CollectOptions, context: CollectContext = {}): Promise<SiteCollection> {
  // Every request of the crawl waits out a pause its host asks for, up to the run's patience (host-gate.ts).
  const patience = options.rateLimitPatienceMs ?? defaultCollectOptions.rateLimitPatienceMs;
  return withPatience(patience, () => crawlSite(browser, url, asOf, options, context));
}

async function crawlSite(browser: Browser, url: string, asOf: string, options: CollectOptions, context: CollectContext): Promise<SiteCollection> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // The availability probes run beside the crawl (they are spaced out); robots.txt is needed first.
  const probing = probeHomepage(url, { count: options.probes, timeoutMs: options.timeoutMs, spacingMs: options.probeSpacingMs, userAgent: options.userAgent });
  // The homepage as a phone, a spider and a search visitor get it (a hijack sign when they land elsewhere), beside the probes.
  // The homepage as other visitors get it: asked for once the browser has loaded it (a host that answers its first
  // request with a pause to wait out must see the browser's first), each request through the host gate.
  let asOthers: Promise<UaVariant[]> = Promise.resolve([]);
  const robots = await loadRobots(new URL(url).origin, { userAgent: options.userAgent, timeoutMs: options.timeoutMs, respect: options.robots === 'respect' });
  const pages: PageRecord[] = [];
  // Every page load of the site, from the homepage to Lighthouse, is counted against --max-pages (page-budget.ts).
  const meter = new PageMeter(options.maxPages);
  const site = meter.whole();
  const phases: PhaseTimes = { homepage: 0, crawl: 0, features: 0, axe: 0, pageChecks: 0, lighthouse: 0, linksWait: 0, attachments: 0 };
  if (context.progress) Object.assign(context.progress, { pages, phase: 'homepage', budget: meter });
  const timed = async <T>(phase: keyof PhaseTimes, work: () => Promise<T>): Promise<T> => {
    if (context.progress) context.progress.phase = phase;
    const t = performance.now();
    try {
      return await work();
    } finally {
      phases[phase] += Math.round(performance.now() - t);
    }
  };
  const failed = async (status: 'unreachable' | 'blocked' | 'error', reason: string): Promise<SiteCollection> => ({
    failure: { status, reason },
    homepage: null,
    columns: [],
    unreadPages: [],
    probes: await probing,
    pages,
    robots: robots.mode,
    integrity: [],
    documents: null,
    uaVariants: await asOthers,
    stats: { pages: pages.length, articlesOpened: 0, ms: elapsed(), skipped: {}, phases: { ...phases }, budget: meter.use() },
    links: [],
    features: null,
    axe: [],
    pageChecks: [],
    lighthouse: [],
    ipv6: null,
    texts: [],
    attachments: null,
  });
  if (!robots.allowed(url)) {
    pages.push({ url, finalUrl: null, status: null, role: 'skipped', ms: null, error: 'robots-disallowed' });
    return failed('blocked', 'robots-disallowed');
  }
  const home = await openHomepage(browser, url, options, site);
  const { tab, opened } = home;
  // Every page after the homepage loads in a reused tab: the site's crawl, articles and sections share them.
  const tabs = new TabPool(browser, options.userAgent);
  try {
    pages.push({ url, finalUrl: opened.finalUrl, status: opened.status, role: 'homepage', ms: opened.ms, error: opened.error });
    if (home.failure || !home.read) return failed(home.failure?.status ?? 'error', home.failure?.reason ?? 'script-timeout');
    const read = home.read;
    asOthers = fetchUaVariants(url, { userAgent: options.userAgent, timeoutMs: options.timeoutMs });
    const shoot = (page: Page, u: string) => (context.evidence ? context.evidence.screenshot(page, context.siteId ?? 'site', u) : Promise.resolve(null));
    const keepText = (r: PageRead) => (context.evidence ? context.evidence.texts.keepRead(context.siteId ?? 'site', r) : Promise.resolve(null));
    pages[0]!.hash = await contentHash(tab);
    pages[0]!.text = await keepText(read);
    const homepageFacts = options.features ? await readFacts(tab, options.readTimeoutMs) : null;
    const homepageIntegrity = await readIntegrity(tab, 'homepage', options.readTimeoutMs);
    const homepageAxe =
      options.axe === 'off'
        ? null
        : await timed('axe', async () => (await runAxe(tab, { timeoutMs: options.axeTimeoutMs })) ?? unfinishedScan(tab.url(), options.axeTimeoutMs));
    // Links are checked while the crawl goes on, with the cookies the browser holds after the homepage,
    // so a firewall's challenge does not hide them.
    const cookies = await tab.cookies(opened.finalUrl).catch(() => []);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const checker = options.maxLinks
      ? new LinkChecker({ timeoutMs: options.linkTimeoutMs, userAgent: options.userAgent, headers: cookie ? { cookie } : {} }, options.maxLinks)
      : null;
    // The pages left after the homepage, shared out before any work starts (page-budget.ts siteShares): three
    // quarters for the crawl of the columns, the last quarter for the first tries of the checks after the crawl
    // (set aside first) and the sections (公开, 信箱, 办事). Without the section finders, only Lighthouse's pages are set aside.
    const firstTries = homepageFacts ? Object.values(functionNeeds(homepageFacts, { title: '' }, null)).reduce((n, need) => n + need.first, 0) : 0;
    const plan = siteShares(site.room, firstTries + (context.lighthouse ? options.lighthousePages : 0), !!homepageFacts);
    const checksShare = site.carve(plan.checks, 'functions');
    const sectionsShare = site.carve(plan.sections, 'disclosure');
    const crawlShare = site.carve(plan.crawl, 'columns');
    const crawl = new SiteCrawl(
      crawlShare,
      tabs,
      new URL(opened.finalUrl).origin,
      asOf,
      options,
      robots,
      pages,
      started,
      shoot,
      keepText,
      checker,
      context.journal ?? null,
      (ms) => (phases.axe += ms),
      (ms) => (phases.pageChecks! += ms),
      templateOf(read),
    );
    crawl.markSeen(url, opened.finalUrl);
    const homepage = {
      url,
      finalUrl: opened.finalUrl,
      status: opened.status,
      title: read.title,
      datedItems: read.allRows.map((r) => itemFromRow(r, [], asOf, Date.now())).filter((i): i is ListItem => !!i?.date),
      metas: read.metas,
      screenshot: await shoot(tab, opened.finalUrl),
    };
    // The checks axe does not make, on the homepage axe scanned; after its screenshot, which they must not change.
    // Only an explicit false switches them off: options from a job written before the switch existed lack it.
    // Nothing reads the homepage's tab after them: a check that left the page is not followed by a reload.
    const homepageChecks =
      homepageAxe && options.pageChecks !== false
        ? await timed('pageChecks', () =>
            homepageAxe.unfinished ? Promise.resolve(uncheckedPage(tab.url(), 'homepage', 0, 'axe-unfinished')) : checkTab(tab, 'homepage'),
          )
        : null;
    phases.homepage = elapsed();
    // A script that took the homepage elsewhere after it was read: the site is that other site's, not assessed.
    const away = home.leftFor();
    if (away) return failed('error', leftSite(away).reason);
    // The 公开, 信箱 and 办事 sections need only the homepage's links: found beside the crawl.
    const featurePages: PageRecord[] = [];
    const featureContext: FeatureContext = {
      tabs,
      userAgent: options.userAgent,
      timeoutMs: options.timeoutMs,
      readTimeoutMs: options.readTimeoutMs,
      asOf,
      headers: cookie ? { cookie } : {},
      onPage: (p: PageRecord) => void featurePages.push(p),
      unreadable: new Map(),
    };
    const sections = homepageFacts ? collectSections(homepageFacts, featureContext, sectionsShare) : null;
    // Unhandled until awaited after the crawl: a rejection would otherwise surface as an unhandled one.
    sections?.catch(() => undefined);
    crawl.noteLinks(read, opened.finalUrl);
    crawl.follow(read, 1, []);
    await timed('crawl', async () => {
      await crawl.addSitemap();
      await crawl.run();
    });
    crawl.sortColumns();
    // The sections the rules ask about (公开, 信箱, 办事), found from the homepage's links beside the crawl.
    const found = sections ? await timed('features', () => sections) : null;
    // The crawl and the sections have ended: what they left, with the pages set aside, goes to the checks after
    // the crawl (search, 适老化, the phone-width homepage, an article's metas, Lighthouse), in that order.
    for (const share of [crawlShare, sectionsShare, checksShare]) site.giveBack(share);
    const article = articleForMetas(crawl.columns, (url) => crawl.articleMetas.get(pageKey(url)));
    const lighthouseTargets = context.lighthouse ? lighthouseUrls(opened.finalUrl, crawl.columns, options.lighthousePages) : [];
    const checks = checkShares(site, homepageFacts ? functionNeeds(homepageFacts, newestArticle(crawl.columns), article) : null, lighthouseTargets.length);
    const features =
      homepageFacts && found
        ? await timed('features', () => collectFeatures(browser, homepageFacts, found, crawl.columns, article, featureContext, checks.functions ?? undefined))
        : null;
    // A section page the crawl read too keeps its crawl record (the store keeps one row per URL).
    // One record per page: a session-id copy (…;jsessionid=) is the page the crawl already read.
    const recorded = new Set(pages.map((p) => pageKey(p.url)));
    for (const p of featurePages) if (!recorded.has(pageKey(p.url)) && recorded.add(pageKey(p.url))) pages.push(p);
    // A request to the site's host left unmade (a page, a list page, a link) because the host asked for a
    // longer pause than the run waits: the site is rate-limited (assessed again after the pause), not
    // assessed on the part read before. Lighthouse, which does not pass the gate, is not run on it.
    const ofSite = (host: string) => [url, opened.finalUrl].some((u) => sameSite(`http://${host}/`, u, options.allowSubdomains));
    const rateLimited = () => [...refusedHosts()].filter(([host]) => ofSite(host)).map(([, askedS]) => rateLimitedReason(askedS))[0];
    const lighthouse = [];
    if (context.lighthouse && !rateLimited())
      for (const u of lighthouseTargets)
        lighthouse.push(
          checks.lighthouse.take(u) ? await timed('lighthouse', () => context.lighthouse!.run(u, { cookies })) : lighthouseNotRun(u, 'page-budget'),
        );
    const links = checker ? await timed('linksWait', () => checker.results()) : [];
    const ipv6 = await ipv6Readiness(opened.finalUrl, read, pages, options, context);
    // The site's own attachments the pages link, read for the text checks after the link check found them working.
    const attachments = context.evidence
      ? await timed('attachments', () =>
          readAttachments(
            links.filter((l) => !l.broken && robots.allowed(l.url)).map((l) => l.url),
            {
              budget: options.attachments ?? defaultAttachmentBudget,
              timeoutMs: options.linkTimeoutMs,
              userAgent: options.userAgent,
              headers: cookie ? { cookie } : {},
              delayMs: options.delayMs,
              ownSite: (u) => sameSite(u, opened.finalUrl, options.allowSubdomains),
            },
            (u, title, text) => context.evidence!.texts.keep(context.siteId ?? 'site', u, title, text, 'attachment'),
          ),
        )
      : null;
    const limited = rateLimited();
    if (limited) return failed('blocked', limited);
    // Pages finish in any order: sorted by URL, the evidence kept per rule (first pages) is the same every run.
    const scanned = [...crawl.axe].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const axe = homepageAxe ? [homepageAxe, ...scanned] : scanned;
    const checked = [...crawl.pageChecks].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const pageChecks = homepageChecks ? [homepageChecks, ...checked] : checked;
    // The pages the budget refused, a few of them (the count is in the budget's use): recorded as skipped.
    for (const u of meter.refusedPages()) if (!recorded.has(pageKey(u)) && recorded.add(pageKey(u))) pages.push(skippedPage(u, 'page-budget'));
    return {
      failure: null,
      homepage,
      columns: crawl.columns,
      unreadPages: crawl.unread,
      probes: await probing,
      pages,
      robots: robots.mode,
      links,
      features,
      axe,
      pageChecks,
      lighthouse,
      ipv6,
      integrity: siteIntegrity(homepageIntegrity ? [homepageIntegrity, ...crawl.integrity] : crawl.integrity),
      documents: { homepageReportLinks: homepageFacts ? websiteReportLinks(homepageFacts.anchors) : null, pages: sortedPolicyPages(crawl.policyPages) },
      uaVariants: await asOthers,
      texts: [...pages.flatMap((p) => (p.text ? [p.text] : [])), ...(attachments?.texts ?? [])],
      attachments: attachments?.reading ?? null,
      stats: { pages: pages.length, articlesOpened: crawl.articlesOpened, ms: elapsed(), skipped: crawl.skipped, phases, budget: meter.use() },
    };
  } finally {
    await closeTab(tab);
    await tabs.close();
  }
}

/**
 * The site over IPv6 (ipv6.ts), after the crawl: the homepage's own links are its first level, the pages the
 * crawl read below them the second. Fetched from Node, a few requests: not page loads of the budget.
 */
function ipv6Readiness(homepage: string, read: PageRead, pages: readonly PageRecord[], options: CollectOptions, context: CollectContext) {
  const perLevel = options.ipv6Pages ?? defaultCollectOptions.ipv6Pages;
  if (!perLevel) return Promise.resolve(null);
  const firstLevel = [...read.nav, ...read.more].map((l) => l.href);
  const below = pages.filter((p) => p.role !== 'homepage' && p.status !== null && p.status < 400).map((p) => p.finalUrl ?? p.url);
  return checkIpv6(homepage, firstLevel, below, { timeoutMs: options.timeoutMs, userAgent: options.userAgent, perLevel, resolve: context.resolveHost });
}

/** A page's links, images and attachments worth checking (web and mail/phone links; not javascript:). */
function linksToCheck(read: PageRead, pageUrl: string): LinkToCheck[] {
  return read.links
    .filter((l) => /^https?:/i.test(l.href) || /^(mailto|tel):/i.test(l.href))
    .map((l) => ({ url: l.href, foundOn: pageUrl, kind: l.image ? 'image' : isDocument(l.href) ? 'attachment' : 'link' }));
}

/** A page the crawl did not open, and why: robots.txt, a trap, the page or time budget. */
function skippedPage(url: string, reason: string): PageRecord {
  return { url, finalUrl: null, status: null, role: 'skipped', ms: null, error: reason };
}

/**
 * The page budget of the checks after the crawl, carved in a fixed order (page-budget.ts inOrder): the first
 * tries of search, 适老化, the phone-width homepage and the article for metas, then Lighthouse's pages, then their
 * second tries. They run side by side, so each has a share of its own.
 */
function checkShares(
  site: PageShare,
  needs: ReturnType<typeof functionNeeds> | null,
  lighthousePages: number,
): { functions: FunctionShares | null; lighthouse: PageShare } {
  const order = needs ? [needs.search, needs.elderly, needs.mobile, needs.article] : [];
  const sizes = inOrder(site.room, [...order, { first: lighthousePages, more: 0 }]);
  const functions = needs
    ? {
        search: site.carve(sizes[0]!, 'functions'),
        elderly: site.carve(sizes[1]!, 'functions'),
        mobile: site.carve(sizes[2]!, 'functions'),
        article: site.carve(sizes[3]!, 'functions'),
      }
    : null;
  return { functions, lighthouse: site.carve(sizes.at(-1)!, 'lighthouse') };
}

/** Lighthouse's few pages: the homepage, then the first columns with items, in crawl (discovery) order. */
export function lighthouseUrls(homepage: string, columns: ColumnObservation[], count: number): string[] {
  if (count <= 0) return [];
  return [homepage, ...columns.filter((c) => !c.blank).map((c) => c.url)].slice(0, count);
}

/** Whether axe scans a crawled page, and which of the articles read for it. */
interface AxeScope {
  page: boolean;
  articles: 'none' | 'newest' | 'sampled' | 'all';
}

/** Column-like sitemap entries: a folder, an index page, or a list/column/channel URL — not every article. */
const columnLikeUrl = /\/$|\/(index|default)\.\w+$|list|col|channel|column|lanmu/i;

interface Candidate {
  url: string;
  linkText: string | null;
  /** Position in discovery: parent's position, then the link's place in the parent. Sorting by it makes
   * the crawl — and what a page budget cuts off — the same on every run, whatever finishes first. */
  order: number[];
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** A visit whose column waits for its level's second round, and the articles it asks that round for, in the round's tiers. */
interface WaitingVisit {
  asked: RoundAsk[][];
  /** A visit under way: its column, finished and recorded once the round is done. */
  fresh?: { key: string; depth: number; order: number[]; outcome: VisitOutcome; slice: PageShare; column: string; finish: () => void };
  /** A visit recalled from the crawl journal: what it did in the round besides its asks, and the articles it opened then. */
  recalled?: { use: ShareUse; reads: ArticleRecord[] };
}

/** An article asked of a level's second round; `planned` is the column's own when its visit is under way. */
type RoundAsk = RoundRequest & { planned?: PlannedArticle };

/**
 * What a waiting column asks the second round for, in three tiers: its first article axe scans (its article
 * template), then its undated items (their dates are measured), then the rest.
 */
function roundAsks(articles: PlannedArticle[]): RoundAsk[][] {
  const order = byPriority(articles);
  const template = order[0]?.scan ? [order[0]] : [];
  const rest = order.slice(template.length);
  const ask = (p: PlannedArticle): RoundAsk => ({ url: p.item.url, key: p.key, scan: p.scan, planned: p });
  return [template, rest.filter((p) => !p.item.date), rest.filter((p) => p.item.date)].map((tier) => tier.filter((p) => !p.page).map(ask));
}

/** Breadth-first, one depth level at a time, each level in discovery order: reproducible page sampling. */
class SiteCrawl {
  readonly columns: ColumnObservation[] = [];
  readonly skipped: Record<string, number> = {};
  articlesOpened = 0;
  /** An article read per column (by column key), for its meta tags. */
  readonly articleMetas = new Map<string, { url: string; metas: Record<string, string> }>();
  /** axe-core results of the scanned pages, in the order their outcomes were applied. */
  readonly axe: AxePageResult[] = [];
  /** The page checks run beside axe, in the same order. */
  readonly pageChecks: PageCheckResult[] = [];
  /** What leads off the site and the footer furniture, on every page read once its scripts had run. */
  readonly integrity: PageIntegrity[] = [];
  /** Policy documents and interpretations read, with their validity marks and the links between them (policy-pages.ts). */
  readonly policyPages: PolicyPage[] = [];
  /** Pages that could not be read even on a second try, or were not opened for the page budget: what they would have shown is not measured. */
  readonly unread: UnreadPage[] = [];
  private levels = new Map<number, Candidate[]>();
  /** Each column's discovery order: columns finish in any order, the result lists them in this one. */
  private columnOrder = new Map<string, number[]>();

  private seen = new Set<string>();
  /** Article pages read in this crawl: a page listed by several columns is opened once (article-reads.ts). */
  private articleReads = new ArticleReads<ArticleReading | ArticleFailure>();
  private templates = new Map<string, number>();
  /** Pages scanned per URL template (options.axePerTemplate). */
  private scansPerTemplate = new Map<string, number>();
  private queue: PQueue;
  private articles: PQueue;
  /** Visits of the level under way whose columns wait for its second round, by their outcome. */
  private waiting = new WeakMap<VisitOutcome, { articles: PlannedArticle[]; column: string; finish: () => void }>();

  constructor(
    /** The crawl's share of the site's page budget, handed out level by level. */
    private share: PageShare,
    private tabs: TabPool,
    private origin: string,
    private asOf: string,
    private options: CollectOptions,
    private robots: RobotsPolicy,
    private pages: PageRecord[],
    private started: number,
    private shoot: (page: Page, url: string) => Promise<string | null>,
    /** Keeps a read page's visible text for the text checks (page-texts.ts). */
    private keepText: (read: PageRead) => Promise<PageTextRef | null>,
    private checker: LinkChecker | null,
    private journal: CrawlJournal | null,
    private addAxeTime: (ms: number) => void,
    private addPageCheckTime: (ms: number) => void,
    /** The homepage's text lines: what every page of the site repeats, to tell a blank column from a page. */
    private template: PageTemplate,
  ) {
    // Politeness: at most concurrency + articleConcurrency requests in flight on this host, spaced by
    // robots.txt's Crawl-delay when it asks for one.
    const delay = Math.max(robots.crawlDelayMs ?? 0, options.delayMs);
    const pace = delay ? { interval: delay, intervalCap: 1 } : {};
    this.queue = new PQueue({ concurrency: options.concurrency, ...pace });
    this.articles = new PQueue({ concurrency: options.articleConcurrency, ...pace });
  }

  /** Puts the columns in discovery order, so the observations (and what is picked from them) do not depend on timing. */
  sortColumns(): void {
    const order = (c: ColumnObservation) => this.columnOrder.get(pageKey(c.url)) ?? [Infinity];
    this.columns.sort((a, b) => compareOrder(order(a), order(b)));
  }

  markSeen(...urls: string[]): void {
    for (const u of urls) this.seen.add(pageKey(u));
  }

  /** Hands a page's links, images and attachments to the link checker. */
  noteLinks(read: PageRead, pageUrl: string): void {
    for (const link of linksToCheck(read, pageUrl)) this.checker?.add(link);
  }

  /** Queues the navigation and "更多" links of a page for the next level. */
  follow(read: PageRead, depth: number, order: number[]): void {
    [...read.more, ...read.nav].forEach((link, i) => this.enqueue(link.href, depth, link.text, [...order, i]));
  }

  /** Column-like pages listed in sitemap.xml, after everything the navigation leads to. */
  async addSitemap(): Promise<void> {
    const urls = await sitemapUrls(this.robots.sitemaps, { userAgent: this.options.userAgent, timeoutMs: 5000, limit: this.options.sitemapLimit * 4 });
    // After everything the navigation leads to (a high first order key).
    urls
      .filter((x) => columnLikeUrl.test(new URL(x).pathname))
      .slice(0, this.options.sitemapLimit)
      .forEach((u, i) => this.enqueue(u, 1, null, [1e6, i]));
  }

  /**
   * One level after another. A level's pages share what is left of the crawl's budget, decided before any of
   * them is opened, in discovery order (page-budget.ts levelSlices): each visit opens its page, further list
   * pages and the articles it has room for from its own slice, so which pages the budget allows does not hang
   * on which visit finishes first. Once the whole level is done, what it left goes to the articles its visits
   * had no room for (secondRound), and what is left then to the next level. The pages an interrupted attempt
   * visited (the crawl journal) are recalled first, before any page of the level is opened: their part in the
   * level's pages is replayed in its place, so the resumed crawl opens the pages the uninterrupted one would.
   */
  async run(): Promise<void> {
    for (let depth = 1; depth <= this.options.maxDepth; depth++) {
      const level = this.takeLevel(depth);
      const slices = this.share.split(level.length, 'columns');
      level.forEach((c, i) => slices[i] || this.refuse(c));
      const recalled = level.map((c, i) => (slices[i] ? this.recall(c.url, depth, [i], slices[i]) : null));
      const visits = await Promise.all(
        level.map((c, i) => (slices[i] && !recalled[i] ? this.queue.add(() => this.visit(c.url, depth, c.linkText, [i], slices[i]!)) : recalled[i]?.waiting)),
      );
      this.articleReads.settle();
      for (const slice of slices) if (slice) this.share.giveBack(slice);
      await this.secondRound(visits.filter((v): v is WaitingVisit => !!v));
    }
  }

  /**
   * A page an interrupted attempt at the site visited, from the crawl journal: its outcome added to the crawl and
   * its part in the page budget replayed (its slice's pages and refusals, the articles it read, which other columns
   * use as they did; its asks of the level's second round, returned), nothing opened. Null when it is not journaled.
   */
  private recall(url: string, depth: number, order: number[], slice: PageShare): { waiting: WaitingVisit | null } | null {
    const outcome = this.journal?.recall(pageKey(url));
    if (!outcome) return null;
    // A journal written before visits kept their part: the pages the visit opened, as far as its slice goes.
    const budget = outcome.budget ?? { slice: { opened: outcome.opened, released: 0, refused: [] }, reads: [] };
    slice.replay(budget.slice);
    this.remember(budget.reads);
    // The pages it scanned count towards their templates' scans (axePerTemplate), as they did.
    for (const template of (outcome.axe ?? []).map((scanned) => urlTemplate(scanned.url)))
      this.scansPerTemplate.set(template, (this.scansPerTemplate.get(template) ?? 0) + 1);
    this.apply(outcome, depth, order);
    return { waiting: budget.round ? { asked: budget.round.asked, recalled: budget.round } : null };
  }

  /** Article readings of a recalled visit, for the columns that list the same pages (article-reads.ts). */
  private remember(reads: ArticleRecord[]): void {
    for (const r of reads) this.articleReads.add(r.key, r.scan, Promise.resolve(r.reading));
  }

  /**
   * The articles a level's visits had no room for, from what the level left: pages given in discovery order, the
   * article each column's axe scan wants first (its article template), then the undated items of every column
   * (their dates are measured), then the rest; an undated item still without a page is unread (page-budget). Then
   * the waiting columns are finished and recorded. A recalled visit asks in its place as it did (what it read is in
   * its outcome already), and what it did with the round besides is replayed before any article is opened.
   */
  private async secondRound(waiting: WaitingVisit[]): Promise<void> {
    if (!waiting.length) return;
    const round = this.share.carve(this.share.room, 'articles');
    const granted = waiting.map(() => [] as PlannedArticle[]);
    // In rounds over the waiting columns: each one's first article axe scans, then the undated items, then the rest.
    for (const tier of [0, 1, 2])
      waiting.forEach((w, i) => {
        for (const ask of w.asked[tier] ?? []) {
          const page = !!this.articleReads.find(ask.key, ask.scan, true) || round.take(ask.url, 'articles');
          if (!page || !ask.planned) continue;
          ask.planned.page = true;
          granted[i]!.push(ask.planned);
        }
      });
    for (const w of waiting)
      if (w.recalled) {
        round.replay(w.recalled.use);
        this.remember(w.recalled.reads);
      }
    const accounts = waiting.map(() => new PageAccount(round));
    const before = waiting.map((w) => w.fresh?.outcome.articlesOpened ?? 0);
    const reads = await Promise.all(waiting.map((w, i) => (w.fresh ? this.readArticles(granted[i]!, w.fresh.outcome, accounts[i]!, w.fresh.column) : [])));
    this.articleReads.settle();
    this.share.giveBack(round);
    waiting.forEach((w, i) => {
      if (!w.fresh) return;
      const { key, depth, order, outcome, slice, finish } = w.fresh;
      finish();
      outcome.opened = slice.opened + outcome.articlesOpened - before[i]!;
      const asked = w.asked.map((tier) => tier.map(({ url, key, scan }) => ({ url, key, scan })));
      outcome.budget = { slice: slice.use(), reads: outcome.budget?.reads ?? [], round: { asked, use: accounts[i]!.use(), reads: reads[i]! } };
      this.finishVisit(key, outcome, depth, order);
    });
  }

  /** A page of the crawl the budget had no page for: not opened, and what it leads to not known (it may be a column). */
  private refuse(c: Candidate): void {
    this.share.refuse(c.url, 'columns');
    this.unread.push({ url: c.url, name: c.linkText, reason: 'page-budget' });
  }

  /** This level's candidates in discovery order, each page once; the page budget is shared out among them (run). */
  private takeLevel(depth: number): Candidate[] {
    const candidates = (this.levels.get(depth) ?? []).sort((a, b) => compareOrder(a.order, b.order));
    const taken: Candidate[] = [];
    for (const c of candidates) {
      const key = pageKey(c.url);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      if (!this.withinTime()) {
        this.skip(c.url, 'time-budget');
        continue;
      }
      if (!this.robots.allowed(c.url)) {
        this.skip(c.url, 'robots-disallowed');
        continue;
      }
      const trap = trapReason(c.url);
      if (trap) {
        this.skip(c.url, `trap:${trap}`);
        continue;
      }
      const template = urlTemplate(c.url);
      const count = (this.templates.get(template) ?? 0) + 1;
      this.templates.set(template, count);
      if (count > this.options.maxPerTemplate) {
        this.skip(c.url, 'trap:template');
        continue;
      }
      taken.push(c);
    }
    return taken;
  }

  /** The site's time budget; the page budget is shared out per level (run). */
  private withinTime(): boolean {
    return performance.now() - this.started < this.options.siteBudgetMs;
  }

  private skip(url: string, reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
    if (this.skipped[reason]! <= 20) this.pages.push(skippedPage(url, reason));
  }

  /** A same-site page for a level; robots, traps and budgets are applied when its level is taken. */
  private enqueue(url: string, depth: number, linkText: string | null, order: number[]): void {
    if (depth > this.options.maxDepth || !sameSite(url, this.origin, this.options.allowSubdomains) || isDocument(url)) return;
    if (this.seen.has(pageKey(url))) return;
    const level = this.levels.get(depth) ?? [];
    level.push({ url, linkText, order });
    this.levels.set(depth, level);
  }

  /**
   * Opens a page of the crawl, its further list pages and the articles it has room for, from its slice of the
   * page budget; a column that wants more articles waits for the level's second round (returned).
   */
  private async visit(url: string, depth: number, linkText: string | null, order: number[], slice: PageShare): Promise<WaitingVisit | undefined> {
    if (!this.withinTime()) {
      this.skip(url, 'time-budget');
      return;
    }
    const key = pageKey(url);
    const outcome = await this.open(url, depth, linkText, this.axeScope(depth, order[0] ?? 0), slice);
    const waiting = this.waiting.get(outcome);
    if (waiting) return { asked: roundAsks(waiting.articles), fresh: { key, depth, order, outcome, slice, column: waiting.column, finish: waiting.finish } };
    outcome.opened = slice.opened;
    outcome.budget = { slice: slice.use(), reads: outcome.budget?.reads ?? [] };
    this.finishVisit(key, outcome, depth, order);
  }

  /** A visit done: recorded in the journal (a page that failed for a passing reason is tried again when the run resumes) and added to the crawl. */
  private finishVisit(key: string, outcome: VisitOutcome, depth: number, order: number[]): void {
    const error = outcome.pages[0]?.error;
    if (!error || !isRetryable(error)) this.journal?.record(key, outcome);
    this.apply(outcome, depth, order);
  }

  /** Adds a page's outcome, fresh or recalled, to the site's crawl. */
  private apply(outcome: VisitOutcome, depth: number, order: number[]): void {
    this.pages.push(...outcome.pages);
    this.markSeen(...outcome.seen);
    this.articlesOpened += outcome.articlesOpened;
    for (const link of outcome.links) this.checker?.add(link);
    if (outcome.column && !this.columns.some((c) => pageKey(c.url) === pageKey(outcome.column!.url))) {
      this.columns.push(outcome.column);
      this.columnOrder.set(pageKey(outcome.column.url), [depth, ...order]);
    }
    if (outcome.column && outcome.article) this.articleMetas.set(pageKey(outcome.column.url), outcome.article);
    this.axe.push(...(outcome.axe ?? []));
    this.pageChecks.push(...(outcome.pageChecks ?? []));
    // The page's role is known once its column is finished: a list page read later is a column, not a page.
    for (const read of outcome.integrity ?? []) this.integrity.push(read.role === 'content' ? { ...read, role: outcome.pages[0]?.role ?? 'content' } : read);
    this.policyPages.push(...(outcome.policyPages ?? []));
    if (outcome.unread) this.unread.push(outcome.unread);
    for (const n of outcome.next) this.enqueue(n.href, depth + 1, n.text, [...order, n.order]);
  }

  /**
   * What axe scans for a page of the crawl (options.axe): in `sample`, the first pages of the first
   * level (the main navigation's columns) in discovery order and the newest article of each — the site's
   * templates at a fraction of the cost; `key-pages` every page and its sampled articles; `all` also the
   * articles read only for their date. Decided by position, not timing: the same pages every run.
   */
  private axeScope(depth: number, levelIndex: number): AxeScope {
    const mode = this.options.axe;
    if (mode === 'off') return { page: false, articles: 'none' };
    if (mode === 'sample')
      return depth === 1 && levelIndex < this.options.axeSamplePages ? { page: true, articles: 'newest' } : { page: false, articles: 'none' };
    return { page: true, articles: mode === 'all' ? 'all' : 'sampled' };
  }

  /**
   * Opens a page of the crawl; one that failed for a passing reason is loaded once more after a pause, in
   * another tab, when its slice has a page for it. Still failing, it is recorded as not read: what it would
   * have shown is not measured. A slice always has its page's first load.
   */
  private async open(url: string, depth: number, linkText: string | null, scope: AxeScope, slice: PageShare): Promise<VisitOutcome> {
    const failure = (o: VisitOutcome) => (o.pages[0]?.role === 'failed' ? o.pages[0].error : null);
    slice.take(url, 'columns');
    const outcome = await retryOnce(() => this.openOnce(url, depth, linkText, scope, slice), failure, { second: () => slice.take(url, 'columns') });
    const reason = failure(outcome);
    if (reason && isRetryable(reason)) outcome.unread = { url, name: linkText, reason };
    return outcome;
  }

  private async openOnce(url: string, depth: number, linkText: string | null, scope: AxeScope, slice: PageShare): Promise<VisitOutcome> {
    const outcome: VisitOutcome = { pages: [], seen: [], column: null, next: [], links: [], opened: 1, articlesOpened: 0 };
    return this.tabs.use(async (tab) => {
      const opened = await openUrl(tab, url, this.options.timeoutMs, true, this.options.maxPageBytes);
      // A size the server did not declare is known once the page is in.
      if ((opened.bytes ?? 0) > this.options.maxPageBytes) opened.error = 'too-large';
      const record: PageRecord = { url, finalUrl: opened.finalUrl, status: opened.status, role: 'content', ms: opened.ms, error: opened.error };
      outcome.pages.push(record);
      if (opened.error || (opened.status ?? 200) >= 400 || !sameSite(opened.finalUrl, this.origin, this.options.allowSubdomains)) {
        record.role = 'failed';
        record.error ??= (opened.status ?? 200) >= 400 ? `http-${opened.status}` : 'off-site';
        return outcome;
      }
      outcome.seen.push(opened.finalUrl);
      this.markSeen(opened.finalUrl);
      const read = await readPage(tab, this.options.readTimeoutMs).catch(() => null);
      record.hash = read ? await contentHash(tab) : null;
      if (!read) {
        Object.assign(record, { role: 'failed', error: 'script-timeout' });
        return outcome;
      }
      record.text = await this.keepText(read);
      outcome.links.push(...linksToCheck(read, read.url));
      const integrity = await readIntegrity(tab, 'content', this.options.readTimeoutMs);
      if (integrity) (outcome.integrity ??= []).push(integrity);
      // Scanned before the column is paginated: the first list page as a visitor lands on it. A check that took
      // the tab elsewhere is followed by loading the page again (a page of the slice): the pager is clicked there.
      const reload = (u: string) => (slice.take(u, 'columns') ? openUrl(tab, u, this.options.timeoutMs) : Promise.resolve());
      if (scope.page) await this.scan(tab, outcome, 'page', reload);
      const kind = pageKind(read, this.template);
      if (kind === 'list') await this.readColumn(tab, read, linkText, record, outcome, scope, slice);
      else if (kind === 'blank') {
        record.role = 'column';
        const { name, source } = columnName(read, linkText);
        const screenshot = await this.shoot(tab, read.url);
        outcome.column = {
          url: read.url,
          name,
          nameSource: source,
          columnNameMeta: read.metas['ColumnName'] ?? null,
          pages: [read.url],
          items: [],
          blank: true,
          placeholder: read.placeholder,
          truncated: false,
          screenshot,
          fragment: read.fragment || null,
        };
      } else if (kind === 'hub') record.role = 'hub';
      [...read.more, ...read.nav].forEach((link, i) => outcome.next.push({ href: link.href, text: link.text, order: i }));
      return outcome;
    });
  }

  /**
   * Runs axe on the tab, then the page checks axe does not make; a page axe cannot finish in time is
   * recorded as unfinished, and its page checks as not checked (a page that hung axe would hang them too).
   */
  private async scan(tab: Page, outcome: VisitOutcome, role: PageCheckResult['role'], restore?: (url: string) => Promise<unknown>): Promise<void> {
    // A template audited often enough tells nothing new: its further pages are not scanned (counted as skipped).
    const template = urlTemplate(tab.url());
    const scans = this.scansPerTemplate.get(template) ?? 0;
    if (scans >= this.options.axePerTemplate) {
      this.skipped['axe-template'] = (this.skipped['axe-template'] ?? 0) + 1;
      return;
    }
    this.scansPerTemplate.set(template, scans + 1);
    const { axe, axeMs, checks } = await auditTab(tab, role, { axeTimeoutMs: this.options.axeTimeoutMs, pageChecks: this.options.pageChecks, restore });
    this.addAxeTime(axeMs);
    (outcome.axe ??= []).push(axe ?? unfinishedScan(tab.url(), axeMs));
    if (!checks) return;
    this.addPageCheckTime(checks.ms);
    (outcome.pageChecks ??= []).push(checks);
  }

  private async readColumn(
    tab: Page,
    first: PageRead,
    linkText: string | null,
    record: PageRecord,
    outcome: VisitOutcome,
    scope: AxeScope,
    slice: PageShare,
  ): Promise<void> {
    // The first list page as it looked when read: the evidence behind a stale or blank finding.
    const screenshot = await this.shoot(tab, first.url);
    const list = await readAllPages(tab, first, {
      maxPages: this.options.maxListPages,
      timeoutMs: this.options.timeoutMs,
      readTimeoutMs: this.options.readTimeoutMs,
      seen: this.seen,
      pages: slice,
    });
    const unread = list.unread ? [list.unread] : [];
    // The list pages read, and those the walk marked seen without reading them (refused by the budget, failed).
    outcome.seen.push(...list.urls.slice(1), ...list.marked);
    for (const [i, u] of list.urls.entries())
      if (i > 0) outcome.pages.push({ url: u, finalUrl: u, status: 200, role: 'list-page', ms: null, error: null, text: await this.keepText(list.reads[i]!) });
    const items: ListItem[] = [];
    const urls = new Set<string>();
    const readAt = Date.now();
    for (const read of list.reads) {
      for (const row of read.rows) {
        const item = itemFromRow(row, read.headers, this.asOf, readAt);
        if (item && !urls.has(item.url)) {
          urls.add(item.url);
          items.push(item);
        }
      }
    }
    // The articles: of every undated item (for its date) and the newest few (for their links; the newest show the
    // article template, those read only for a date add little). Pages are given before any is opened, undated
    // first; those the slice has no room for wait for the level's second round (run).
    const readable = (i: ListItem) => sameSite(i.url, this.origin, this.options.allowSubdomains) && !isDocument(i.url) && this.robots.allowed(i.url);
    const articles = planArticles(
      items.filter((i) => i.date && readable(i)).slice(0, this.options.sampleArticlesPerColumn),
      items.filter((i) => !i.date && readable(i)).slice(0, this.options.maxArticlesPerColumn),
      pageKey,
      (item, index) => scope.articles === 'all' || (scope.articles === 'sampled' && !!item.date) || (scope.articles === 'newest' && index === 0),
    );
    for (const p of byPriority(articles)) p.page = !!this.articleReads.find(p.key, p.scan, true) || slice.takeIfRoom(p.item.url, 'articles');
    const column = columnName(first, linkText).name;
    const reads = await this.readArticles(
      articles.filter((p) => p.page),
      outcome,
      slice,
      column,
    );
    // The articles opened from the slice, kept with the visit's part in the budget (visit records the slice's use).
    outcome.budget = { slice: slice.use(), reads };
    const finish = () => {
      const readings = applyReadings(articles, unread);
      outcome.article ??= readings.article;
      // A list whose "articles" are themselves lists is a directory of columns, not a column (judged on those opened).
      const undated = Math.min(items.filter((i) => !i.date).length, this.options.maxArticlesPerColumn) - readings.undatedNotOpened;
      if (readings.listLike > 0 && readings.listLike >= 0.6 * undated) {
        record.role = 'hub';
        items.forEach((item, i) => outcome.next.push({ href: item.url, text: item.title, order: 10_000 + i }));
        return;
      }
      record.role = 'column';
      const { name, source } = columnName(first, linkText);
      outcome.column = {
        url: first.url,
        name,
        nameSource: source,
        columnNameMeta: first.metas['ColumnName'] ?? null,
        pages: list.urls,
        items,
        blank: items.length === 0,
        placeholder: items.length === 0 ? first.placeholder : null,
        truncated: list.truncated,
        screenshot,
        fragment: first.fragment || null,
        ...(unread.length ? { unread } : {}),
      };
    };
    if (articles.some((p) => !p.page)) this.waiting.set(outcome, { articles, column, finish });
    else finish();
  }

  /**
   * Opens the planned articles (those with a page), each once: a page another column already opened is not
   * opened again (a sidebar listed on every page of a section), its reading is reused (article-reads.ts), and
   * the page taken for it goes back unused. `pages` pays the second tries. Returns the articles it opened, in
   * plan order, with what they showed (for the crawl journal).
   */
  private async readArticles(planned: PlannedArticle[], outcome: VisitOutcome, pages: PageTaker, column: string): Promise<ArticleRecord[]> {
    const opened = await Promise.all(
      planned.map((p) =>
        this.articles.add(async (): Promise<ArticleRecord | null> => {
          const settled = this.articleReads.find(p.key, p.scan, true);
          let reading = this.articleReads.find(p.key, p.scan);
          // Planned with a page, and read meanwhile by another column of this round the same way: not opened again.
          if (reading && !settled) pages.release();
          if (!reading && !this.withinTime()) {
            pages.release();
            return null;
          }
          if (reading) {
            p.read = await reading;
            return null;
          }
          reading = this.readArticle(p.item, outcome, p.scan, pages, column);
          this.articleReads.add(p.key, p.scan, reading);
          p.read = await reading;
          return { key: p.key, scan: p.scan, reading: p.read };
        }),
      ),
    );
    return opened.filter((r): r is ArticleRecord => !!r);
  }

  /** Opens one article page (once more after a pause when it fails for a passing reason and `pages` has a page for it), or says why it could not be read. */
  private async readArticle(item: ListItem, outcome: VisitOutcome, scan: boolean, pages: PageTaker, column: string): Promise<ArticleReading | ArticleFailure> {
    const { reading, record } = await retryOnce(
      () => this.readArticleOnce(item, outcome, scan, column),
      (r) => ('failure' in r.reading ? r.reading.failure : null),
      { second: () => pages.take(item.url, 'articles') },
    );
    outcome.pages.push(record);
    return reading;
  }

  /** One try at an article page: its date, whether it is a list itself, its meta tags; its links go to the checker. */
  private async readArticleOnce(
    item: ListItem,
    outcome: VisitOutcome,
    scan: boolean,
    column: string,
  ): Promise<{ reading: ArticleReading | ArticleFailure; record: PageRecord }> {
    return this.tabs.use(async (tab) => {
      outcome.articlesOpened++;
      // An article opened only for its date is read as the server wrote it, and again once its scripts have
      // run only when that shows no date or nothing at all: waiting for every page's network to go quiet
      // was half the time of a crawl, and most articles carry their date in the HTML.
      const forDateOnly = !item.date && !scan;
      const opened = await openUrl(tab, item.url, this.options.timeoutMs, !forDateOnly);
      const record: PageRecord = { url: item.url, finalUrl: opened.finalUrl, status: opened.status, role: 'article', ms: opened.ms, error: opened.error };
      if (opened.error || (opened.status ?? 200) >= 400) return { reading: { failure: opened.error ?? `http-${opened.status}` }, record };
      // A read that ran out of time found the renderer stalled: reading again at once would only wait as long.
      let stalled = false;
      const read = () =>
        readPage(tab, this.options.readTimeoutMs).catch((error: unknown) => {
          stalled = error instanceof ReadTimeout;
          return null;
        });
      const judge = (read: PageRead | null) => (read ? { read, date: articleDate(read, this.asOf), kind: pageKind(read, this.template) } : null);
      let seen = judge(await read());
      if (forDateOnly && !stalled && (!seen || !seen.date || seen.kind === 'blank')) {
        await settlePage(tab);
        seen = judge(await read());
      }
      if (!seen) return { reading: { failure: 'script-timeout' }, record };
      record.text = await this.keepText(seen.read);
      outcome.links.push(...linksToCheck(seen.read, item.url));
      // Only an article whose scripts were let run shows what they add (a badge, an injected link).
      const integrity = forDateOnly ? null : await readIntegrity(tab, 'article', this.options.readTimeoutMs);
      if (integrity) (outcome.integrity ??= []).push(integrity);
      // A policy document or its interpretation: its validity mark and the links between the two, read from its fields and links.
      const policyKind = policyKindOf(column, item.title);
      const facts = policyKind ? await readFacts(tab, this.options.readTimeoutMs) : null;
      if (policyKind && facts) (outcome.policyPages ??= []).push(readPolicyPage(facts, policyKind, column, item.title, seen.date ?? item.date));
      if (scan) await this.scan(tab, outcome, 'article');
      return { reading: { url: seen.read.url, metas: seen.read.metas, date: seen.date, listLike: seen.kind === 'list' || seen.kind === 'hub' }, record };
    });
  }
}
