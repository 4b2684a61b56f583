import PQueue from 'p-queue';

import { matches, taxonomy } from '../lib/taxonomy.js';
import { leavesUnknown } from './failures.js';
import { type FeatureContext, findLink, findLinks, type LinkChoice, newSearched, noteOpened, noteSearched, type Searched } from './feature-links.js';
import type { UnreadPage } from './observations.js';
import { type Anchor, type OpenedFacts, openFacts, type PageFacts, planFacts, type TableFacts } from './page-facts.js';
import { firstLevelPages } from './section-search.js';

/**
 * The consultation channels (领导信箱, 咨询投诉, 网上留言 …) as found, the 信访/纪检举报 links kept apart,
 * and the published letters of the first channel: every list page (also when the list sits in an
 * iframe on another host) and the detail pages needed for reply dates and reply fields. Only reads:
 * a form is never submitted.
 */
export interface LetterRow {
  title: string;
  url: string | null;
  /** Cell texts as shown; dates are parsed by the evaluator. */
  received: string | null;
  replied: string | null;
  status: string | null;
  department: string | null;
  /** The whole row, for lists without header cells: the evaluator reads its dates in order (来信, 回复). */
  text: string | null;
}

export interface MailboxObservation {
  channels: LinkChoice[];
  notConsultation: LinkChoice[];
  /** The channel whose letters were read, the page listing them and whether that page was an iframe's. */
  channel: LinkChoice | null;
  listUrl: string | null;
  inFrame: boolean;
  listPages: number;
  headers: string[];
  letters: LetterRow[];
  /** Detail pages read: their field labels and values (受理日期, 答复日期, 答复部门, 答复内容 …). */
  details: Array<{ url: string; fields: Record<string, string> }>;
  /** Where the channels were looked for and with which words. */
  searched?: Searched;
  /**
   * Channel pages (or their frames) that could not be read, even on a second try, when no list of letters was;
   * or a further page of the list of letters that could not be read or was not opened (page budget): the letters
   * are not measured.
   */
  lettersUnread?: UnreadPage[];
  /** Detail pages that could not be read, even on a second try: those letters' replies are not known. */
  detailsUnread?: UnreadPage[];
}

export interface MailboxLimits {
  maxListPages: number;
  maxDetails: number;
  /** Detail pages sampled for the reply fields when the list already shows reply dates. */
  sampleDetails: number;
}

export const defaultMailboxLimits: MailboxLimits = { maxListPages: 40, maxDetails: 300, sampleDetails: 3 };

export async function collectMailbox(homepage: PageFacts, context: FeatureContext, limits: MailboxLimits = defaultMailboxLimits): Promise<MailboxObservation> {
  const t = taxonomy().mailbox;
  const searched = newSearched([...t.section, ...t.channels]);
  noteSearched(searched, homepage);
  let anchors = homepage.anchors;
  // Channels are often one level down, on the 互动交流 page.
  const section = findLink(homepage.anchors, t.section);
  if (section) {
    const page = await openFacts(section.href, context);
    noteOpened(searched, page, section.text);
    if (page.facts) anchors = [...anchors, ...page.facts.anchors];
  }
  // A sparse homepage (tiles, a splash page) names its channels on the pages it links to.
  if (!findLink(anchors, t.channels, { avoid: t.notConsultation })) {
    for (const page of await firstLevelPages(homepage, context, searched)) {
      noteSearched(searched, page);
      anchors = [...anchors, ...page.anchors];
    }
  }
  const observation: MailboxObservation = {
    searched,
    channels: findLinks(anchors, t.channels, { avoid: t.notConsultation }),
    notConsultation: findLinks(anchors, t.notConsultation),
    channel: null,
    listUrl: null,
    inFrame: false,
    listPages: 0,
    headers: [],
    letters: [],
    details: [],
  };
  const unread: UnreadPage[] = [];
  for (const channel of observation.channels.slice(0, 3)) {
    const found = await letterList(channel, context, unread);
    if (!found) continue;
    observation.channel = channel;
    Object.assign(observation, { listUrl: found.url, inFrame: found.inFrame, headers: 'table' in found.source ? found.source.table.headers : [] });
    const listUnread = await readLetterPages(found.facts, found.source, observation, context, limits);
    if (listUnread) observation.lettersUnread = [listUnread];
    await readDetails(observation, context, limits);
    break;
  }
  if (!observation.channel && unread.length) observation.lettersUnread = unread;
  return observation;
}

/** A table whose headers name a letter's date, or a list whose rows carry a link and a date. */
type LetterSource = { table: TableFacts } | { list: PageFacts['lists'][number] };

/** The letters on the channel page, or in one of its iframes (often another host's interaction platform); pages that could not be read go to `unread`. */
async function letterList(
  channel: LinkChoice,
  context: FeatureContext,
  unread: UnreadPage[],
): Promise<{ url: string; facts: PageFacts; source: LetterSource; inFrame: boolean } | null> {
  const page = await openFacts(channel.href, context);
  const failed = (o: OpenedFacts, name: string) => void (o.error && leavesUnknown(o.error) && unread.push({ url: o.url, name, reason: o.error }));
  if (!page.facts) {
    failed(page, channel.text);
    return null;
  }
  const source = letterSource(page.facts);
  if (source) return { url: page.finalUrl, facts: page.facts, source, inFrame: false };
  for (const frame of page.facts.iframes.slice(0, 3)) {
    const inner = await openFacts(frame.src, context);
    if (!inner.facts) failed(inner, frame.title || channel.text);
    const innerSource = inner.facts && letterSource(inner.facts);
    if (inner.facts && innerSource) return { url: inner.finalUrl, facts: inner.facts, source: innerSource, inFrame: true };
  }
  return null;
}

const dateLike = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/;

function letterSource(facts: PageFacts): LetterSource | null {
  const { received } = taxonomy().mailbox.fields;
  const table = facts.tables.find((tb) => tb.headers.some((h) => matches(h, received)) && tb.rows.length > 0);
  if (table) return { table };
  const list = facts.lists.find((l) => l.rows.filter((r) => r.link && dateLike.test(r.text)).length >= Math.max(3, l.rows.length * 0.6));
  return list ? { list } : null;
}

/** Reads the letters of every list page in turn; returns the list page it stopped at because it could not be read or opened, if it did. */
async function readLetterPages(
  first: PageFacts,
  source: LetterSource,
  observation: MailboxObservation,
  context: FeatureContext,
  limits: MailboxLimits,
): Promise<UnreadPage | null> {
  const seen = new Set([first.url]);
  let facts: PageFacts | null = first;
  let current: LetterSource | null = source;
  while (facts && current && observation.listPages < limits.maxListPages) {
    observation.listPages++;
    if ('table' in current) addRows(current.table, observation);
    else addListRows(current.list, observation);
    const next: Anchor | undefined = facts.anchors.find((a) => a.href && /^\s*(下一页|下页|后一页|next|›|»)\s*$/i.test(a.text) && !seen.has(a.href));
    if (!next?.href) break;
    seen.add(next.href);
    const opened = await openFacts(next.href, context);
    if (!opened.facts && opened.error && leavesUnknown(opened.error)) return { url: opened.url, name: next.text, reason: opened.error };
    facts = opened.facts;
    current = facts ? letterSource(facts) : null;
  }
  return null;
}

function addRows(table: TableFacts, observation: MailboxObservation): void {
  const f = taxonomy().mailbox.fields;
  const column = (terms: string[]) => table.headers.findIndex((h) => matches(h, terms));
  const at = { received: column(f.received), replied: column(f.replied), status: column(f.status), department: column(f.department) };
  const known = new Set(observation.letters.map((l) => l.url));
  for (const row of table.rows) {
    const link = row.links.find((l) => l.text.length >= 2) ?? row.links[0];
    if (link && known.has(link.href)) continue;
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? null) : null);
    observation.letters.push({
      title: link?.text ?? row.cells.join(' ').slice(0, 80),
      url: link?.href ?? null,
      received: cell(at.received),
      replied: cell(at.replied),
      status: cell(at.status),
      department: cell(at.department),
      text: null,
    });
  }
}

function addListRows(list: PageFacts['lists'][number], observation: MailboxObservation): void {
  const t = taxonomy().mailbox;
  const known = new Set(observation.letters.map((l) => l.url));
  for (const row of list.rows) {
    if (!row.link || known.has(row.link.href) || !dateLike.test(row.text)) continue;
    const status = row.parts.find((p) => p.length <= 8 && matches(p, [...t.repliedStatus, ...t.openStatus])) ?? null;
    // The title is left out of the text, so a date in a title is not read as the letter's date.
    observation.letters.push({
      title: row.link.text,
      url: row.link.href,
      received: null,
      replied: null,
      status,
      department: null,
      text: row.text.replace(row.link.text, ' '),
    });
  }
}

/**
 * Detail pages: all answered letters when the list lacks the reply date (up to the limit), else a few,
 * for the fields a reply discloses.
 */
async function readDetails(observation: MailboxObservation, context: FeatureContext, limits: MailboxLimits): Promise<void> {
  const t = taxonomy().mailbox;
  const twoDates = new RegExp(`${dateLike.source}[\\s\\S]*${dateLike.source}`);
  const listHasReplyDate = observation.headers.some((h) => matches(h, t.fields.replied)) || observation.letters.some((l) => l.text && twoDates.test(l.text));
  const answered = observation.letters.filter((l) => l.url && (!l.status || !matches(l.status, t.openStatus)));
  const wanted = listHasReplyDate ? answered.slice(0, limits.sampleDetails) : answered.slice(0, limits.maxDetails);
  const queue = new PQueue({ concurrency: 3 });
  // Their pages are taken now, in list order: which details the budget allows does not hang on the queue's timing.
  const planned = wanted.map((l) => planFacts(l.url!, context));
  const details = await Promise.all(wanted.map((l, i) => queue.add(async () => ({ url: l.url!, title: l.title, page: await planned[i]!() }))));
  for (const d of details) {
    if (d?.page.facts) observation.details.push({ url: d.url, fields: detailFields(d.page.facts) });
    else if (d?.page.error && leavesUnknown(d.page.error)) (observation.detailsUnread ??= []).push({ url: d.url, name: d.title, reason: d.page.error });
  }
}

/** A detail page's label → value pairs: dt/dd and th/td pairs, two-cell table rows, "标签：值" lines. */
export function detailFields(facts: PageFacts): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { label, value } of facts.pairs) fields[label] ??= value;
  for (const table of facts.tables) {
    for (const row of [{ cells: table.headers }, ...table.rows]) {
      if (row.cells.length >= 2 && row.cells[0]!.length <= 12) fields[row.cells[0]!.replace(/[：:\s]+$/, '')] ??= row.cells[1]!;
    }
  }
  for (const line of facts.mainText.split('\n')) {
    const kv = /^\s*([\u4e00-\u9fa5]{2,8})[：:]\s*(.+)$/.exec(line);
    if (kv) fields[kv[1]!] ??= kv[2]!.trim().slice(0, 200);
  }
  return fields;
}
