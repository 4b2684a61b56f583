import PQueue from 'p-queue';
import { matches, taxonomy } from '../lib/taxonomy.js';
import { findLink, findLinks, type FeatureContext, type LinkChoice } from './feature-links.js';
import { checkLinks, type CheckedLink } from './link-check.js';
import { openFacts, type PageFacts } from './page-facts.js';
import { isDocument } from './url-scope.js';

/**
 * The 办事服务 section as found: its entry, the 办事指南 sampled from its list (evenly over the list, so
 * the sample is the same on every run), each guide's labels and text, and the status of the guides'
 * attachments and 在线办理 links (a light request each; documents are never opened in the browser).
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
}

export async function collectServices(homepage: PageFacts, context: FeatureContext, sampleGuides = 10): Promise<ServicesObservation> {
  const t = taxonomy().services;
  const entry = findLink(homepage.anchors, t.section);
  const observation: ServicesObservation = { entry, listUrl: null, guidesListed: 0, guides: [], checked: [] };
  if (!entry) return observation;
  let list = (await openFacts(entry.href, context)).facts;
  let listed = list ? guideLinks(list) : [];
  // A service hall whose guides are one level down, behind a 办事指南 link.
  const deeper = list && listed.length < 3 ? findLink(list.anchors, t.guideList, { exclude: [entry.href] }) : null;
  if (deeper) {
    list = (await openFacts(deeper.href, context)).facts;
    listed = list ? guideLinks(list) : [];
  }
  observation.listUrl = list?.url ?? null;
  observation.guidesListed = listed.length;
  const step = Math.max(1, listed.length / sampleGuides);
  const sample = Array.from({ length: Math.min(sampleGuides, listed.length) }, (_, i) => listed[Math.floor(i * step)]!);
  const queue = new PQueue({ concurrency: 3 });
  const pages = await Promise.all(sample.map((g) => queue.add(() => openFacts(g.href, context))));
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
  const toCheck = observation.guides.flatMap((g) => [...g.attachments.map((a) => ({ url: a.href, foundOn: g.url, kind: 'attachment' as const })), ...g.online.map((o) => ({ url: o.href, foundOn: g.url, kind: 'link' as const }))]);
  observation.checked = await checkLinks(toCheck, { userAgent: context.userAgent, timeoutMs: context.timeoutMs, headers: context.headers ?? {} });
  return observation;
}

/** The guides a list page links to: main-content links with a title-like text, not the section's own tabs. */
function guideLinks(list: PageFacts): LinkChoice[] {
  const t = taxonomy().services;
  const seen = new Set<string>();
  return list.anchors
    .filter((a) => a.zone === 'main' && a.href && /^https?:/i.test(a.href) && a.text.length >= 4 && !isDocument(a.href))
    .filter((a) => !matches(a.text, [...t.section, ...t.guideList, ...t.online, '更多', '首页', '上一页', '下一页', '尾页']))
    .filter((a) => !seen.has(a.href!) && seen.add(a.href!))
    .map((a) => ({ text: a.text, href: a.href! }));
}
