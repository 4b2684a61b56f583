import PQueue from 'p-queue';
import type { Browser } from 'puppeteer';
import { matches, taxonomy } from '../lib/taxonomy.js';
import { findLink, findLinks, type FeatureContext, type LinkChoice } from './feature-links.js';
import { openFacts, type Anchor, type PageFacts, type TableFacts } from './page-facts.js';

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
}

export interface MailboxLimits {
  maxListPages: number;
  maxDetails: number;
  /** Detail pages sampled for the reply fields when the list already shows reply dates. */
  sampleDetails: number;
}

export const defaultMailboxLimits: MailboxLimits = { maxListPages: 40, maxDetails: 300, sampleDetails: 3 };

export async function collectMailbox(browser: Browser, homepage: PageFacts, context: FeatureContext, limits: MailboxLimits = defaultMailboxLimits): Promise<MailboxObservation> {
  const t = taxonomy().mailbox;
  let anchors = homepage.anchors;
  // Channels are often one level down, on the 互动交流 page.
  const section = findLink(homepage.anchors, t.section);
  if (section) {
    const page = await openFacts(browser, section.href, context);
    if (page.facts) anchors = [...anchors, ...page.facts.anchors];
  }
  const observation: MailboxObservation = {
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
  for (const channel of observation.channels.slice(0, 3)) {
    const found = await letterList(browser, channel.href, context);
    if (!found) continue;
    observation.channel = channel;
    Object.assign(observation, { listUrl: found.url, inFrame: found.inFrame, headers: found.table.headers });
    await readLetterPages(browser, found.facts, found.table, observation, context, limits);
    await readDetails(browser, observation, context, limits);
    break;
  }
  return observation;
}

/** The first table on the channel page, or in one of its iframes, whose headers name a letter's date. */
async function letterList(browser: Browser, url: string, context: FeatureContext): Promise<{ url: string; facts: PageFacts; table: TableFacts; inFrame: boolean } | null> {
  const page = await openFacts(browser, url, context);
  if (!page.facts) return null;
  const table = letterTable(page.facts);
  if (table) return { url: page.finalUrl, facts: page.facts, table, inFrame: false };
  for (const frame of page.facts.iframes.slice(0, 3)) {
    const inner = await openFacts(browser, frame.src, context);
    const innerTable = inner.facts && letterTable(inner.facts);
    if (inner.facts && innerTable) return { url: inner.finalUrl, facts: inner.facts, table: innerTable, inFrame: true };
  }
  return null;
}

function letterTable(facts: PageFacts): TableFacts | null {
  const { received } = taxonomy().mailbox.fields;
  return facts.tables.find((tb) => tb.headers.some((h) => matches(h, received)) && tb.rows.length > 0) ?? null;
}

async function readLetterPages(browser: Browser, first: PageFacts, table: TableFacts, observation: MailboxObservation, context: FeatureContext, limits: MailboxLimits): Promise<void> {
  const seen = new Set([first.url]);
  let facts: PageFacts | null = first;
  let current: TableFacts | null = table;
  while (facts && current && observation.listPages < limits.maxListPages) {
    observation.listPages++;
    addRows(current, observation);
    const next: Anchor | undefined = facts.anchors.find((a) => a.href && /^\s*(下一页|下页|后一页|next|›|»)\s*$/i.test(a.text) && !seen.has(a.href));
    if (!next?.href) break;
    seen.add(next.href);
    facts = (await openFacts(browser, next.href, context)).facts;
    current = facts ? letterTable(facts) : null;
  }
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
    observation.letters.push({ title: link?.text ?? row.cells.join(' ').slice(0, 80), url: link?.href ?? null, received: cell(at.received), replied: cell(at.replied), status: cell(at.status), department: cell(at.department) });
  }
}

/**
 * Detail pages: all answered letters when the list lacks the reply date (up to the limit), else a few,
 * for the fields a reply discloses.
 */
async function readDetails(browser: Browser, observation: MailboxObservation, context: FeatureContext, limits: MailboxLimits): Promise<void> {
  const t = taxonomy().mailbox;
  const listHasReplyDate = observation.headers.some((h) => matches(h, t.fields.replied));
  const answered = observation.letters.filter((l) => l.url && (!l.status || !matches(l.status, t.openStatus)));
  const wanted = listHasReplyDate ? answered.slice(0, limits.sampleDetails) : answered.slice(0, limits.maxDetails);
  const queue = new PQueue({ concurrency: 3 });
  const details = await Promise.all(wanted.map((l) => queue.add(async () => ({ url: l.url!, page: await openFacts(browser, l.url!, context) }))));
  for (const d of details) if (d?.page.facts) observation.details.push({ url: d.url, fields: detailFields(d.page.facts) });
}

/** A detail page's label → value pairs: two-cell table rows, and "标签：值" lines of its text. */
export function detailFields(facts: PageFacts): Record<string, string> {
  const fields: Record<string, string> = {};
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
