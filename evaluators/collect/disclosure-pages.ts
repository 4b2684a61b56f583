import { matches, taxonomy } from '../lib/taxonomy.js';
import { findLink, findLinks, type FeatureContext, type LinkChoice } from './feature-links.js';
import { openFacts, type OpenedFacts, type PageFacts } from './page-facts.js';

/**
 * The 政府信息公开 section as found: its entry page, and the pages of its parts (指南, 制度, 法定主动公开
 * 内容, 目录, 机构职能, 领导信息, the 年报 list and the recent reports), each with its facts. The matching
 * of what they contain is the disclosure evaluator's.
 */
export interface DisclosureObservation {
  entry: OpenedFacts | null;
  /** Part name → the link followed and the page it led to. */
  parts: Record<string, { linkText: string; href: string; page: OpenedFacts | null }>;
  /** Reports listed on the 年报 page with their year, the recent ones opened. */
  reports: Array<{ year: number; title: string; url: string; page: OpenedFacts | null }>;
}

const reportYear = /((?:19|20)\d{2})\s*年/;

/**
 * The section's entry page: of the links named like it (a "信息公开" menu group may sit beside the real
 * "政府信息公开" section), the first whose page links to at least two of the section's parts.
 */
async function sectionEntry(homepage: PageFacts, context: FeatureContext): Promise<{ link: LinkChoice; entry: OpenedFacts } | null> {
  const t = taxonomy().disclosure;
  const priority = (text: string) => t.section.findIndex((term) => text.includes(term));
  const candidates = findLinks(homepage.anchors, t.section, { avoid: Object.values(t.parts).flat() }).sort((a, b) => priority(a.text) - priority(b.text));
  let first: { link: LinkChoice; entry: OpenedFacts } | null = null;
  for (const link of candidates.slice(0, 4)) {
    const entry = await openFacts(link.href, context);
    first ??= { link, entry };
    const parts = Object.values(t.parts).filter((terms) => entry.facts?.anchors.some((a) => a.text && matches(a.text, terms))).length;
    if (parts >= 2) return { link, entry };
  }
  return first;
}

export async function collectDisclosure(homepage: PageFacts, context: FeatureContext): Promise<DisclosureObservation | null> {
  const t = taxonomy().disclosure;
  const found = await sectionEntry(homepage, context);
  if (!found) return null;
  const { link: entryLink, entry } = found;
  const observation: DisclosureObservation = { entry, parts: {}, reports: [] };
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
      if (!a.href || !year || a.zone !== 'main' || !matches(a.text, t.parts.annualReports) || seen.has(a.href)) continue;
      seen.add(a.href);
      observation.reports.push({ year: Number(year[1]), title: a.text, url: a.href, page: null });
    }
    // The report due is last year's or the year before: open the newest three.
    const asOfYear = Number(context.asOf.slice(0, 4));
    const recent = observation.reports.filter((r) => r.year >= asOfYear - 2).slice(0, 3);
    await Promise.all(recent.map(async (r) => (r.page = await openFacts(r.url, context))));
  }
  return observation;
}
