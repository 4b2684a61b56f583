import { isExactish } from '../lib/label-match.js';
import { match, matches, type TermMatch, type Terms } from '../lib/taxonomy.js';
import { leavesUnknown } from './failures.js';
import type { PageRecord, UnreadPage } from './observations.js';
import type { PageShare } from './page-budget.js';
import type { Anchor, OpenedFacts, PageFacts } from './page-facts.js';
import type { TabPool } from './tab-pool.js';

/** What the feature collectors need to open pages: the crawl's identity and limits, and the evaluation date. */
export interface FeatureContext {
  /** The site's tabs: section pages load in the tabs the crawl reuses. */
  tabs: TabPool;
  userAgent: string;
  timeoutMs: number;
  readTimeoutMs: number;
  asOf: string;
  /** Sent with light requests (attachments, online links): the cookie a firewall's challenge set. */
  headers?: Record<string, string>;
  /** Told of every page a collector opened, so the site's page records (and the bench) include them. */
  onPage?: (page: PageRecord) => void;
  /** First-level pages opened by one section finder, reused by the next (see section-search.ts). */
  firstLevel?: Map<string, Promise<OpenedFacts>>;
  /** Pages that could not be read on two tries (page-facts.ts openFacts): not opened a third time. */
  unreadable?: Map<string, OpenedFacts>;
  /** The page budget of the finder at work (each section has its own share); absent, pages are not counted. */
  pages?: PageShare;
}

export interface LinkChoice {
  text: string;
  href: string;
  /** The term the text matched and how, for a reviewer; absent where no term was involved. */
  match?: TermMatch;
}

/** What a section finder looked through, so a "not found" can say where and for what. */
export interface Searched {
  /** URLs whose links were examined. */
  pages: string[];
  /** The words looked for. */
  terms: string[];
  /** Links examined. */
  links: number;
  /** Pages it meant to look through that could not be read, even on a second try, or were not opened (page budget): a "not found" is then not measured. */
  unread?: UnreadPage[];
}

export function newSearched(terms: Terms): Searched {
  return { pages: [], terms: terms.filter((t) => !t.startsWith('re:')), links: 0 };
}

export function noteSearched(searched: Searched, facts: PageFacts | null | undefined): void {
  if (!facts) return;
  if (!searched.pages.includes(facts.url)) searched.pages.push(facts.url);
  searched.links += facts.anchors.length;
}

/** Notes a page opened for the search: its links when it was read, else, when what it shows is unknown (failures.ts leavesUnknown), that it could not be. */
export function noteOpened(searched: Searched, opened: OpenedFacts, name: string | null): void {
  if (opened.facts) return noteSearched(searched, opened.facts);
  if (!opened.error || !leavesUnknown(opened.error) || searched.unread?.some((u) => u.url === opened.url)) return;
  (searched.unread ??= []).push({ url: opened.url, name, reason: opened.error });
}

/** Links are read as labels: a short generic term must name the link, not occur in a long title. */
const asLabel = { label: true } as const;

/**
 * The link that best names a thing: a text equal to one of the terms first, then the shortest text
 * containing one ("政府信息公开" before "政府信息公开工作要点"); in page order among equals.
 */
export function findLink(anchors: Anchor[], terms: Terms, options: { avoid?: Terms; exclude?: string[] } = {}): LinkChoice | null {
  const candidates = anchors
    .map((a, index) => ({ a, index, m: a.href && /^https?:/i.test(a.href) && a.text ? match(a.text, terms, asLabel) : null }))
    .filter((c): c is typeof c & { m: TermMatch } => c.m !== null)
    .filter(({ a }) => !options.avoid || !matches(a.text, options.avoid, asLabel))
    .filter(({ a }) => !options.exclude?.includes(a.href!));
  // Equal to a term, then matched by the words as written (before a tolerant match), then shortest.
  candidates.sort(
    (x, y) =>
      Number(terms.includes(y.a.text)) - Number(terms.includes(x.a.text)) ||
      Number(isExactish(y.m)) - Number(isExactish(x.m)) ||
      x.a.text.length - y.a.text.length ||
      x.index - y.index,
  );
  const best = candidates[0];
  return best ? { text: best.a.text, href: best.a.href!, match: best.m } : null;
}

/** Every link whose text names one of the terms, once per URL, in page order. */
export function findLinks(anchors: Anchor[], terms: Terms, options: { avoid?: Terms } = {}): LinkChoice[] {
  const seen = new Set<string>();
  const out: LinkChoice[] = [];
  for (const a of anchors) {
    if (!a.href || !/^https?:/i.test(a.href) || !a.text) continue;
    const m = match(a.text, terms, asLabel);
    if (!m || (options.avoid && matches(a.text, options.avoid, asLabel))) continue;
    if (seen.has(a.href)) continue;
    seen.add(a.href);
    out.push({ text: a.text, href: a.href, match: m });
  }
  return out;
}
