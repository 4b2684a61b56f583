import { columnKind } from '../lib/column-kind.js';
import { isWebsiteReportTitle, type RelatedRole, relatedRole, type ValidityMark, validityMark } from '../lib/policy-marks.js';
import type { Anchor, PageFacts } from './page-facts.js';

/**
 * Policy documents (政策文件, 规范性文件) and their interpretations (政策解读) as the crawl read them: on each such
 * article page, its validity mark and the links between the document and its 解读. What they mean against the
 * rules (D9, the 解读 window) is the policy-documents evaluator's.
 */

/** A link between a document and its interpretation, as the page shows it. */
export interface RelatedLink {
  role: RelatedRole;
  text: string;
  href: string;
  /** The text of its row without the link: the label before it (相关解读：, 原文链接：). */
  row: string;
}

export interface PolicyPage {
  url: string;
  kind: 'policy' | 'interpretation';
  /** The column that listed it, by name. */
  column: string;
  title: string;
  /** Its publication date as the crawl read it (the list's, else the page's). */
  date: string | null;
  validity: ValidityMark | null;
  links: RelatedLink[];
}

/**
 * What kind of page a column's article is for these rules: an interpretation when its column is a 解读 column, or a
 * 政策文件 column lists it under a 解读 title; a policy document when the column is a 政策文件 column (by name, as the
 * update rules class it); else null. A news item titled 解读 is news, not an interpretation.
 */
export function policyKindOf(columnName: string, itemTitle: string): PolicyPage['kind'] | null {
  const interpretation = /解读|图解/;
  if (interpretation.test(columnName)) return 'interpretation';
  if (columnKind(columnName) !== 'policy') return null;
  return interpretation.test(itemTitle) ? 'interpretation' : 'policy';
}

/** Reads a policy or interpretation page from its facts. */
export function readPolicyPage(facts: PageFacts, kind: PolicyPage['kind'], column: string, title: string, date: string | null): PolicyPage {
  const links: RelatedLink[] = [];
  for (const a of facts.anchors) {
    if (!a.href || a.script || a.zone === 'nav' || a.zone === 'footer' || a.zone === 'header') continue;
    const role = relatedRole(a.text, a.row, kind);
    if (role && !links.some((l) => l.href === a.href)) links.push({ role, text: a.text.slice(0, 120), href: a.href, row: a.row.slice(0, 80) });
  }
  return { url: facts.url, kind, column, title, date, validity: kind === 'policy' ? validityMark(facts) : null, links: links.slice(0, 10) };
}

/** A link that may be the website's own annual report, as a page shows it: its text and the text of its row (where a date often is). */
export interface ReportLink {
  text: string;
  href: string;
  row: string;
}

/** The links of a page titled like a website annual report (政府网站工作年度报表). */
export function websiteReportLinks(anchors: Anchor[]): ReportLink[] {
  const out: ReportLink[] = [];
  for (const a of anchors) {
    if (!a.href || !isWebsiteReportTitle(a.text) || out.some((l) => l.href === a.href)) continue;
    out.push({ text: a.text.slice(0, 120), href: a.href, row: a.row.slice(0, 120) });
  }
  return out.slice(0, 20);
}

/** What the crawl read for the rules on reports and documents (StoredObservations.documents). */
export interface DocumentsObservation {
  /** Links on the homepage titled like the website's annual report; null when the homepage's links were not read (section finders off). */
  homepageReportLinks: ReportLink[] | null;
  pages: PolicyPage[];
}

/** In URL order: pages finish in any order, the observation does not depend on it. */
export function sortedPolicyPages(pages: readonly PolicyPage[]): PolicyPage[] {
  const seen = new Set<string>();
  return [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)).filter((p) => !seen.has(p.url) && !!seen.add(p.url));
}
