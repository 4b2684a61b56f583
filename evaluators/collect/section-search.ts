import type { Terms } from '../lib/taxonomy.js';
import { type FeatureContext, findLink, type LinkChoice, noteOpened, noteSearched, type Searched } from './feature-links.js';
import { type Anchor, type OpenedFacts, openFacts, type PageFacts } from './page-facts.js';
import { isDocument, sameSite } from './url-scope.js';

/**
 * Finding a section's entry link on the homepage, and one level down when the homepage is sparse (a grid
 * of tiles, a splash page): a site whose homepage shows few links often names its sections only on the
 * pages those links open. Each page looked at is noted in `searched`, so a "not found" says where.
 */

/** A homepage with fewer distinct links than this is sparse: the first-level pages are searched too. */
export const SPARSE_HOMEPAGE_LINKS = 60;
/** First-level pages opened at most (the most prominent links: menus first, then content, never the footer). */
export const FIRST_LEVEL_PAGES = 8;

export async function findSectionLink(
  homepage: PageFacts,
  terms: Terms,
  context: FeatureContext,
  searched: Searched,
  options: { avoid?: Terms } = {},
): Promise<{ link: LinkChoice; page: PageFacts } | null> {
  noteSearched(searched, homepage);
  const onHome = findLink(homepage.anchors, terms, options);
  if (onHome) return { link: onHome, page: homepage };
  for (const page of await firstLevelPages(homepage, context, searched)) {
    noteSearched(searched, page);
    const link = findLink(page.anchors, terms, options);
    if (link) return { link, page };
  }
  return null;
}

/**
 * The first-level pages of a sparse homepage (none for a homepage with many links), opened once per site
 * (by the first finder that needs them, from its share of the page budget). Those that could not be read,
 * or were not opened for the budget, are noted in `searched`: the section may be named on them.
 */
export async function firstLevelPages(homepage: PageFacts, context: FeatureContext, searched: Searched): Promise<PageFacts[]> {
  const links = siteLinks(homepage);
  if (links.length >= SPARSE_HOMEPAGE_LINKS) return [];
  context.firstLevel ??= new Map();
  const cache = context.firstLevel;
  const urls = links.slice(0, FIRST_LEVEL_PAGES).map((a) => a.href!);
  for (const url of urls) if (!cache.has(url)) cache.set(url, openFacts(url, context));
  const opened: OpenedFacts[] = await Promise.all(urls.map((u) => cache.get(u)!));
  // A page this finder's budget had no room for is not kept: the next finder opens it from its own share.
  for (const o of opened) if (o.error === 'page-budget') cache.delete(o.url);
  const names = new Map(links.map((a) => [a.href!, a.text]));
  for (const o of opened) if (!o.facts) noteOpened(searched, o, names.get(o.url) || null);
  return opened.flatMap((o) => (o.facts ? [o.facts] : []));
}

const zoneRank: Record<Anchor['zone'], number> = { nav: 0, header: 1, main: 2, side: 3, footer: 4 };

/** The homepage's distinct same-site page links, menus first, the footer's left out. */
function siteLinks(homepage: PageFacts): Anchor[] {
  const seen = new Set<string>([homepage.url]);
  const out: Array<{ a: Anchor; i: number }> = [];
  homepage.anchors.forEach((a, i) => {
    if (!a.href || a.zone === 'footer' || !sameSite(a.href, homepage.url, true) || isDocument(a.href)) return;
    const key = a.href.replace(/#.*$/, '');
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ a: { ...a, href: key }, i });
  });
  return out.sort((x, y) => zoneRank[x.a.zone] - zoneRank[y.a.zone] || x.i - y.i).map((x) => x.a);
}
