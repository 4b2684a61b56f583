import PQueue from 'p-queue';

import { GUIDE_MIN_CLASSES, guideElementClasses } from '../lib/guide-elements.js';
import { matches, taxonomy } from '../lib/taxonomy.js';
import { type FeatureContext, findLinks, type LinkChoice, newSearched, noteOpened, noteSearched, type Searched } from './feature-links.js';
import { type CheckedLink, checkLinks } from './link-check.js';
import { type OpenedFacts, openFacts, type PageFacts, planFacts } from './page-facts.js';
import { findSectionLink } from './section-search.js';
import { isDocument } from './url-scope.js';

/**
 * The 办事服务 section as found: its entry, the 办事指南 sampled from its list (evenly over the list, so
 * the sample is the same on every run), each guide's labels and text, and the status of the guides'
 * attachments and 在线办理 links (a light request each; documents are never opened in the browser).
 *
 * A page is a guide by what it holds (several element classes: 申请条件, 办理材料 …), not by its link's
 * wording or its wrapper: a list of "…办事指南" links is a list of guides, not a menu to skip.
 */
export interface GuideFacts {
  url: string;
  title: string;
  labels: string[];
  text: string;
  attachments: LinkChoice[];
  online: LinkChoice[];
}

export interface ServicesObservation {
  entry: LinkChoice | null;
  listUrl: string | null;
  guidesListed: number;
  guides: GuideFacts[];
  checked: CheckedLink[];
  /** Where the finder looked and for what (kept when nothing was found, for the reviewer). */
  searched?: Searched;
}

/** Candidate guides opened on a list page before deciding whether it lists guides. */
const PROBE = 3;
/** Blocks of candidate links (largest first) whose first link is opened to see which block lists guides. */
const PROBE_BLOCKS = 5;
/** List pages tried below the entry page (links named 办事指南/服务指南 …). */
const DEEPER_LISTS = 2;

export async function collectServices(homepage: PageFacts, context: FeatureContext, sampleGuides = 10): Promise<ServicesObservation> {
  const t = taxonomy().services;
  const searched = newSearched([...t.section, ...t.guideList]);
  const found = (await findSectionLink(homepage, t.section, context, searched)) ?? (await findSectionLink(homepage, t.guideList, context, searched));
  const observation: ServicesObservation = { entry: found?.link ?? null, listUrl: null, guidesListed: 0, guides: [], checked: [], searched };
  if (!found) return observation;
  const opened = new Map<string, Promise<OpenedFacts>>();
  // A page that could not be read is noted: the guides may be on it, so a "not found" is then not measured.
  const noted = (page: OpenedFacts) => {
    if (!page.facts) noteOpened(searched, page, null);
    return page;
  };
  const open = (url: string) => opened.get(url) ?? (opened.set(url, openFacts(url, context).then(noted)), opened.get(url)!);
  const entry = (await open(found.link.href)).facts;
  const lists: PageFacts[] = entry ? [entry] : [];
  for (const deeper of entry ? listLinks(entry, found.link.href).slice(0, DEEPER_LISTS) : []) {
    const facts = (await open(deeper.href)).facts;
    if (facts) lists.push(facts);
  }
  // The first list page whose candidates include a real guide; the entry page when none does.
  let chosen: { list: PageFacts; listed: Candidate[] } | null = null;
  for (const list of lists) {
    noteSearched(searched, list);
    const listed = guideCandidates(list, found.link.href);
    // One link of each of the larger blocks (a list, a table, a menu — whatever its markup) and a few
    // spread over the page are opened, to see which blocks list guides.
    const byBlock = new Map<number, Candidate[]>();
    for (const c of listed) byBlock.set(c.block ?? 0, [...(byBlock.get(c.block ?? 0) ?? []), c]);
    const blocks = [...byBlock.values()].sort((a, b) => b.length - a.length);
    const probe = [...new Set([...blocks.slice(0, PROBE_BLOCKS).map((b) => b[0]!), ...evenly(listed, PROBE)])];
    const opened = await Promise.all(probe.map((g) => open(g.href)));
    const guides = probe.filter((_, i) => opened[i]!.facts && isGuide(opened[i]!.facts!));
    if (guides.length) {
      chosen = { list, listed: guideBlocks(listed, probe, guides) };
      break;
    }
    chosen ??= { list, listed };
  }
  if (!chosen) return observation;
  observation.listUrl = chosen.list.url;
  observation.guidesListed = chosen.listed.length;
  const sample = evenly(chosen.listed, sampleGuides);
  const queue = new PQueue({ concurrency: 3 });
  // Their pages are taken now, in sample order, not as the queue gets round to them; a page the probes read is not opened again.
  const loads = sample.map((g) => {
    const read = opened.get(g.href);
    if (read) return () => read;
    const load = planFacts(g.href, context);
    return () => load().then(noted);
  });
  const pages = await Promise.all(loads.map((load) => queue.add(load)));
  sample.forEach((g, i) => {
    const facts = pages[i]?.facts;
    if (!facts) return;
    observation.guides.push({
      url: g.href,
      title: g.text,
      labels: facts.labels,
      text: facts.mainText.slice(0, 8000),
      attachments: facts.anchors.filter((a) => a.href && isDocument(a.href)).map((a) => ({ text: a.text, href: a.href! })),
      online: findLinks(facts.anchors, t.online),
    });
  });
  const toCheck = observation.guides.flatMap((g) => [
    ...g.attachments.map((a) => ({ url: a.href, foundOn: g.url, kind: 'attachment' as const })),
    ...g.online.map((o) => ({ url: o.href, foundOn: g.url, kind: 'link' as const })),
  ]);
  observation.checked = await checkLinks(toCheck, { userAgent: context.userAgent, timeoutMs: context.timeoutMs, headers: context.headers ?? {} });
  return observation;
}

/**
 * The candidates of the blocks that list guides: those where an opened link was a guide, and the blocks
 * not opened that lie between them in page order (one guide list split over several blocks). A block whose
 * opened link was not a guide — a menu the layout left among the content — and blocks outside the guide
 * list's span are dropped. Links outside any block count as one block.
 */
export function guideBlocks(listed: Candidate[], probed: Candidate[], guides: Candidate[]): Candidate[] {
  const blockOf = (c: Candidate) => c.block ?? 0;
  const holdsGuides = new Set(guides.map(blockOf));
  const opened = new Set(probed.map(blockOf));
  const at = listed.map((c, i) => (holdsGuides.has(blockOf(c)) ? i : -1)).filter((i) => i >= 0);
  const [first, last] = [Math.min(...at), Math.max(...at)];
  return listed.filter((c, i) => holdsGuides.has(blockOf(c)) || (!opened.has(blockOf(c)) && i > first && i < last));
}

function isGuide(facts: PageFacts): boolean {
  return guideElementClasses(facts.labels, facts.mainText).length >= GUIDE_MIN_CLASSES;
}

/** `count` items spread evenly over the list (the same ones on every run). */
function evenly<T>(items: T[], count: number): T[] {
  const step = Math.max(1, items.length / count);
  return Array.from({ length: Math.min(count, items.length) }, (_, i) => items[Math.floor(i * step)]!);
}

const pagerWords = ['更多', '首页', '上一页', '下一页', '尾页', '返回'];

/**
 * Links on the entry page naming a list of guides (办事指南, 服务指南 …): short texts that are the list's
 * name, not one guide's title ("个体工商户设立登记办事指南" is a guide, tried as a candidate instead).
 */
function listLinks(entry: PageFacts, entryHref: string): LinkChoice[] {
  const t = taxonomy().services;
  const longest = Math.max(...t.guideList.map((term) => term.length));
  return findLinks(entry.anchors, t.guideList).filter(
    (l) => l.href !== entryHref && l.href !== entry.url && l.text.length <= longest + 4 && !isDocument(l.href),
  );
}

/**
 * The links of a list page that may be guides: page links with a title-like text outside the site's
 * furniture (menus, header, footer), other than the section's and the lists' own names and pager words.
 * Links whose text names a guide ("…办事指南") come first.
 */
export type Candidate = LinkChoice & { block: number | null };

function guideCandidates(list: PageFacts, entryHref: string): Candidate[] {
  const t = taxonomy().services;
  const names = [...t.section, ...t.guideList];
  const seen = new Set<string>([entryHref, list.url]);
  const out: Array<{ link: Candidate; named: boolean; side: boolean }> = [];
  for (const a of list.anchors) {
    if (!a.href || !/^https?:/i.test(a.href) || a.text.length < 4 || isDocument(a.href)) continue;
    if (a.zone === 'nav' || a.zone === 'header' || a.zone === 'footer' || seen.has(a.href)) continue;
    if (matches(a.text, [...t.online, ...pagerWords], { label: true })) continue;
    const namesList = names.some((n) => a.text === n) || (a.text.length <= 8 && matches(a.text, names, { label: true }));
    if (namesList) continue;
    seen.add(a.href);
    out.push({ link: { text: a.text, href: a.href, block: a.block ?? null }, named: matches(a.text, t.guideList, { label: true }), side: a.zone === 'side' });
  }
  // A side menu's links are candidates only where the content holds none (a guide list laid out as a column).
  const pool = out.some((c) => !c.side) ? out.filter((c) => !c.side) : out;
  return [...pool.filter((c) => c.named), ...pool.filter((c) => !c.named)].map((c) => c.link);
}
