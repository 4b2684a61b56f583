import type { DisclosureObservation } from './collect/disclosure-pages.js';
import type { UnreadPage } from './collect/observations.js';
import type { Anchor, PageFacts } from './collect/page-facts.js';
import { findDates, type IsoDate, labelledDate, parseDateValue } from './lib/dates.js';
import { describeMatch, isExactish, type MatchHow } from './lib/label-match.js';
import { match, matches, matchingKeys, taxonomy, type TermMatch } from './lib/taxonomy.js';
import { unreadOf } from './lib/unread.js';

/** 政府信息公开 coverage (条例 Art. 12, 20, 21, 49–50; 发展指引 机构职能/负责人信息). */
export const meta = { id: 'disclosure', version: '1', needs: ['disclosure'] } as const;

export type SiteLevel = 'government' | 'department';

export interface ElementCheck {
  url: string | null;
  present: string[];
  missing: string[];
}

export interface DisclosureMeasurement {
  found: boolean;
  url: string | null;
  /**
   * Art. 20 items (1–15; 16–22 of Art. 21 for city and county governments): `label` is the site's wording
   * that matched, `matchedBy` the taxonomy term, how it matched and a note for the reviewer (匹配依据).
   */
  items: Array<{ id: number; name: string; found: boolean; url: string | null; label: string | null; matchedBy: ItemMatch | null }>;
  applicable: number;
  present: number;
  /** null when the page listing the items could not be read (not measured). */
  coverage: number | null;
  guide: ElementCheck;
  systemUrl: string | null;
  catalogueUrl: string | null;
  institution: ElementCheck;
  leaders: ElementCheck;
  /** `publishedFrom`: where the date was read — the report page, or its row in the 年报 list. */
  annualReport: {
    year: number;
    deadline: IsoDate;
    found: boolean;
    url: string | null;
    publishedOn: IsoDate | null;
    publishedFrom: 'page' | 'list' | null;
    onTime: boolean;
    headings: string[];
    missingHeadings: string[];
  };
  /** The numbers indicator sets score (source paths disclosure.counts.*); null where a page they rest on could not be read. */
  counts: {
    missingItems: number | null;
    guideMissing: number | null;
    institutionLeaderMissing: number | null;
    reportMissing: number | null;
    reportLate: number | null;
    reportMissingHeadings: number | null;
  };
  /** The section's pages that could not be read, even on a second try: what rests on them is not measured. */
  unread: UnreadPage[];
}

export interface ItemMatch {
  term: string;
  how: MatchHow;
  score: number;
  /** 匹配依据 in words: 含插入词匹配「突发事件」. */
  note: string;
}

/** Art. 49–50: departments publish last year's report by 31 January, governments by 31 March. */
export function reportDeadline(year: number, level: SiteLevel): IsoDate {
  return level === 'department' ? `${year + 1}-01-31` : `${year + 1}-03-31`;
}

/** The report the rules check on a date: last year's once its deadline has passed, else the year before's. */
export function dueReportYear(asOf: IsoDate, level: SiteLevel): number {
  const year = Number(asOf.slice(0, 4));
  return asOf > reportDeadline(year - 1, level) ? year - 1 : year - 2;
}

export function evaluateDisclosure(observed: DisclosureObservation | null, asOf: IsoDate, level: SiteLevel): DisclosureMeasurement {
  const t = taxonomy().disclosure;
  const applicable = level === 'government' ? 22 : 15;
  const part = (name: string) => observed?.parts[name]?.page ?? null;
  const statutoryAnchors = itemAnchors(part('statutory')?.facts ?? observed?.entry?.facts ?? null);
  const items = Array.from({ length: applicable }, (_, i) => {
    const id = i + 1;
    const hit = bestAnchor(statutoryAnchors, t.statutoryItems[String(id)] ?? []);
    const matchedBy = hit ? { term: hit.m.term, how: hit.m.how, score: hit.m.score, note: describeMatch(hit.m) } : null;
    return { id, name: t.statutoryNames[String(id)] ?? String(id), found: !!hit, url: hit?.a.href ?? null, label: hit?.a.text ?? null, matchedBy };
  });
  const present = items.filter((i) => i.found).length;
  const guidePage = part('guide');
  const leadersPage = part('leaders');
  const leaders = elements(leadersPage?.facts ?? null, t.leaderElements, leadersPage?.finalUrl ?? null);
  // A leader's photo is an image in the page's content, not a word.
  if (leadersPage?.facts && leadersPage.facts.mainImages > 0) moveToPresent(leaders, '照片');
  const guide = elements(guidePage?.facts ?? null, t.guideElements, guidePage?.finalUrl ?? null);
  const institution = elements(part('institution')?.facts ?? null, t.institutionElements, part('institution')?.finalUrl ?? null);
  const report = annualReport(observed, asOf, level);
  // Not measured where a page it rests on could not be read: the section's entry (or, none found, a page
  // searched for it), then each part's page, then the due report's.
  const pages = (...found: Array<UnreadPage | null>) => found.filter((u): u is UnreadPage => u !== null);
  const section = observed?.entry ? pages(unreadOf(observed.entry, '政府信息公开')) : (observed?.searched?.unread ?? []);
  const parts = (...names: string[]) => [...section, ...pages(...names.map((n) => unreadOf(observed?.parts[n]?.page, observed?.parts[n]?.linkText ?? n)))];
  const itemsUnread = parts('statutory');
  const guideUnread = parts('guide');
  const institutionUnread = parts('institution', 'leaders');
  const due = observed?.reports.find((r) => r.year === report.year);
  const reportUnread = [...parts('annualReports'), ...pages(unreadOf(due?.page, due?.title ?? null))];
  const unknown = <T>(unread: UnreadPage[], value: T) => (unread.length ? null : value);
  const unread = [...new Map([...itemsUnread, ...guideUnread, ...institutionUnread, ...reportUnread].map((u) => [u.url, u])).values()];
  return {
    found: !!observed?.entry?.facts,
    url: observed?.entry?.finalUrl ?? null,
    items,
    applicable,
    present,
    coverage: unknown(itemsUnread, Math.round((present / applicable) * 1000) / 1000),
    guide,
    systemUrl: part('system')?.finalUrl ?? null,
    catalogueUrl: observed?.parts['catalogue']?.href ?? null,
    institution,
    leaders,
    annualReport: report,
    counts: {
      missingItems: unknown(itemsUnread, applicable - present),
      guideMissing: unknown(guideUnread, guide.missing.length),
      institutionLeaderMissing: unknown(institutionUnread, institution.missing.length + leaders.missing.length),
      reportMissing: unknown(parts('annualReports'), report.found ? 0 : 1),
      // A report whose page could not be read may be dated and headed there: only a date in its list row is known.
      reportLate: unknown(report.publishedOn ? [] : reportUnread, report.found && !report.onTime ? 1 : 0),
      reportMissingHeadings: unknown(reportUnread, report.missingHeadings.length),
    },
    unread,
  };
}

const asLabel = { label: true } as const;

/**
 * The links naming Art. 20 items: those in the page's content, and every block of links (a list, a table,
 * a tile wall, a tree menu — wherever the layout puts it) that names at least two different items: that is
 * a directory of them. A menu naming one item in passing (a 政策文件 channel in the top bar, 机构职能 in the
 * section's side bar) is not. Header and footer links never count.
 */
function itemAnchors(facts: PageFacts | null): Anchor[] {
  if (!facts) return [];
  const items = Object.entries(taxonomy().disclosure.statutoryItems);
  const itemsNamed = (a: Anchor) => (a.text ? items.filter(([, terms]) => matches(a.text, terms, asLabel)).map(([id]) => id) : []);
  const candidates = facts.anchors.filter((a) => a.zone !== 'header' && a.zone !== 'footer' && itemsNamed(a).length);
  const perBlock = new Map<number, Set<string>>();
  for (const a of candidates) {
    if (a.block == null) continue;
    const named = perBlock.get(a.block) ?? new Set<string>();
    for (const id of itemsNamed(a)) named.add(id);
    perBlock.set(a.block, named);
  }
  const inMain = candidates.filter((a) => a.zone === 'main');
  const inDirectory = candidates.filter((a) => a.zone !== 'main' && a.block != null && perBlock.get(a.block)!.size >= 2);
  if (inMain.length || inDirectory.length) return [...inMain, ...inDirectory];
  // Stored observations from before blocks were read: the side bar, as then.
  return candidates.filter((a) => a.zone === 'side');
}

/** The link naming an item best: matched by the words as written before a tolerant match, then in page order. */
function bestAnchor(anchors: Anchor[], terms: string[]): { a: Anchor; m: TermMatch } | null {
  let best: { a: Anchor; m: TermMatch } | null = null;
  for (const a of anchors) {
    const m = match(a.text, terms, asLabel);
    if (m && (!best || (isExactish(m) && !isExactish(best.m)))) best = { a, m };
  }
  return best;
}

function elements(facts: PageFacts | null, table: Record<string, string[]>, url: string | null): ElementCheck {
  const names = Object.keys(table);
  if (!facts) return { url, present: [], missing: names };
  const present = matchingKeys(`${facts.headings.join('\n')}\n${facts.mainText}`, table);
  return { url, present, missing: names.filter((n) => !present.includes(n)) };
}

function moveToPresent(check: ElementCheck, name: string): void {
  if (!check.missing.includes(name)) return;
  check.missing = check.missing.filter((n) => n !== name);
  check.present.push(name);
}

function annualReport(observed: DisclosureObservation | null, asOf: IsoDate, level: SiteLevel): DisclosureMeasurement['annualReport'] {
  const year = dueReportYear(asOf, level);
  const deadline = reportDeadline(year, level);
  const headingTable = taxonomy().disclosure.reportHeadings;
  const report = observed?.reports.find((r) => r.year === year);
  const facts = report?.page?.facts ?? null;
  const onPage = facts ? publicationDate(facts, asOf) : null;
  // Many sites date a report only in the 年报 list, beside its link.
  const inList = !onPage && report?.listed ? (findDates(report.listed, { asOf })[0]?.date ?? null) : null;
  const publishedOn = onPage ?? inList;
  const headings = facts ? matchingKeys(facts.headings.join('\n'), headingTable) : [];
  return {
    year,
    deadline,
    found: !!report,
    url: report?.url ?? null,
    publishedOn,
    publishedFrom: onPage ? 'page' : inList ? 'list' : null,
    onTime: !!report && publishedOn !== null && publishedOn <= deadline,
    headings,
    missingHeadings: report ? Object.keys(headingTable).filter((h) => !headings.includes(h)) : [],
  };
}

function publicationDate(facts: PageFacts, asOf: IsoDate): IsoDate | null {
  for (const name of ['PubDate', 'pubdate', 'publishdate', 'firstpublishedtime']) {
    const value = facts.metas[name];
    const date = value ? parseDateValue(value) : null;
    if (date) return date;
  }
  return labelledDate(facts.mainText.slice(0, 3000), { asOf });
}
