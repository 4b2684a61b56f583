import { matches, type Terms } from '../lib/taxonomy.js';
import type { PageRecord } from './observations.js';
import type { Anchor } from './page-facts.js';
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
}

export interface LinkChoice {
  text: string;
  href: string;
}

/**
 * The link that best names a thing: a text equal to one of the terms first, then the shortest text
 * containing one ("政府信息公开" before "政府信息公开工作要点"); in page order among equals.
 */
export function findLink(anchors: Anchor[], terms: Terms, options: { avoid?: Terms; exclude?: string[] } = {}): LinkChoice | null {
  const candidates = anchors
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => a.href && /^https?:/i.test(a.href) && a.text && matches(a.text, terms))
    .filter(({ a }) => !options.avoid || !matches(a.text, options.avoid))
    .filter(({ a }) => !options.exclude?.includes(a.href!));
  candidates.sort((x, y) => Number(terms.includes(y.a.text)) - Number(terms.includes(x.a.text)) || x.a.text.length - y.a.text.length || x.index - y.index);
  const best = candidates[0]?.a;
  return best ? { text: best.text, href: best.href! } : null;
}

/** Every link whose text names one of the terms, once per URL, in page order. */
export function findLinks(anchors: Anchor[], terms: Terms, options: { avoid?: Terms } = {}): LinkChoice[] {
  const seen = new Set<string>();
  const out: LinkChoice[] = [];
  for (const a of anchors) {
    if (!a.href || !/^https?:/i.test(a.href) || !a.text || !matches(a.text, terms)) continue;
    if (options.avoid && matches(a.text, options.avoid)) continue;
    if (seen.has(a.href)) continue;
    seen.add(a.href);
    out.push({ text: a.text, href: a.href });
  }
  return out;
}
