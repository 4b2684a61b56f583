import { isExactish } from '../lib/label-match.js';
import { matches, taxonomy } from '../lib/taxonomy.js';
import { type FeatureContext, findLink, findLinks, type LinkChoice, newSearched, noteOpened, noteSearched, type Searched } from './feature-links.js';
import { type OpenedFacts, openFacts, type PageFacts } from './page-facts.js';
import { firstLevelPages } from './section-search.js';

/**
 * The 政府信息公开 section as found: its entry page, and the pages of its parts (指南, 制度, 法定主动公开
 * 内容, 目录, 机构职能, 领导信息, the 年报 list and the recent reports), each with its facts. The matching
 * of what they contain is the disclosure evaluator's.
 */
export interface DisclosureObservation {
  entry: OpenedFacts | null;
  /** Part name → the link followed and the page it led to. */
  parts: Record<string, { linkText: string; href: string; page: OpenedFacts | null }>;
  /**
   * Reports listed on the 年报 page with their year, the recent ones opened; `listed` is the text beside
   * the link in its list row (where many sites show the date the report page itself does not).
   */
  reports: Array<{ year: number; title: string; url: string; listed?: string; page: OpenedFacts | null }>;
  /** Where the finder looked for the section's entry and for what. */
  searched?: Searched;
}

const reportYear = /((?:19|20)\d{2})\s*年/;

/**
 * The section's entry page: of the links named like it (a "信息公开" menu group may sit beside the real
 * "政府信息公开" section), the first whose page links to at least two of the section's parts. Looked for on
 * the homepage, then on its first-level pages when the homepage is sparse.
 */
async function sectionEntry(homepage: PageFacts, context: FeatureContext, searched: Searched): Promise<{ link: LinkChoice; entry: OpenedFacts } | null> {
  const t = taxonomy().disclosure;
  const named = (page: PageFacts) => {
    noteSearched(searched, page);
    const priority = (l: LinkChoice) => (l.match && isExactish(l.match) ? 0 : t.section.length) + t.section.indexOf(l.match?.term ?? '');
    return findLinks(page.anchors, t.section, { avoid: Object.values(t.parts).flat() }).sort((a, b) => priority(a) - priority(b));
  };
  let candidates = named(homepage);
  if (!candidates.length) {
    for (const page of await firstLevelPages(homepage, context, searched)) if ((candidates = named(page)).length) break;
  }
  let first: { link: LinkChoice; entry: OpenedFacts } | null = null;
  for (const link of candidates.slice(0, 4)) {
    const entry = await openFacts(link.href, context);
    if (!entry.facts) noteOpened(searched, entry, link.text);
    first ??= { link, entry };
    const parts = Object.values(t.parts).filter((terms) => entry.facts?.anchors.some((a) => a.text && matches(a.text, terms, { label: true }))).length;
    if (parts >= 2) return { link, entry };
  }
  return first;
}

export async function collectDisclosure(homepage: PageFacts, context: FeatureContext): Promise<DisclosureObservation | null> {
  const t = taxonomy().disclosure;
  const searched = newSearched(t.section);
  const found = await sectionEntry(homepage, context, searched);
  // Nothing found: an observation without an entry, so the search is on record.
  if (!found) return { entry: null, parts: {}, reports: [], searched };
  const { link: entryLink, entry } = found;
  const observation: DisclosureObservation = { entry, parts: {}, reports: [], searched };
  if (!entry.facts) return observation;
  const anchors = entry.facts.anchors;
  const wanted = Object.entries(t.parts).filter(([part]) => part !== 'application');
  // The parts are opened together: a handful of pages, each in its own tab.
  await Promise.all(
    wanted.map(async ([part, terms]) => {
      const link = findLink(anchors, terms, { exclude: [entryLink.href] });
      if (!link) return;
      observation.parts[part] = { linkText: link.text, href: link.href, page: part === 'catalogue' ? null : await openFacts(link.href, context) };
    }),
  );
  const list = observation.parts['annualReports']?.page?.facts;
  if (list) {
    const seen = new Set<string>();
    for (const a of list.anchors) {
      const year = reportYear.exec(a.text);
      if (!a.href || !year || a.zone === 'nav' || a.zone === 'footer' || !matches(a.text, t.parts.annualReports) || seen.has(a.href)) continue;
      seen.add(a.href);
      observation.reports.push({ year: Number(year[1]), title: a.text, url: a.href, listed: a.row ?? '', page: null });
    }
    // The report due is last year's or the year before: open the newest three.
    const asOfYear = Number(context.asOf.slice(0, 4));
    const recent = observation.reports.filter((r) => r.year >= asOfYear - 2).slice(0, 3);
    await Promise.all(recent.map(async (r) => (r.page = await openFacts(r.url, context))));
  }
  return observation;
}
