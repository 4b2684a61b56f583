import { readFileSync } from 'node:fs';

import type { Page } from 'puppeteer';

import { isRetryable } from './failures.js';
import { openUrl } from './navigate.js';
import type { PageRecord } from './observations.js';
import type { PageShare } from './page-budget.js';
import { retryOnce } from './retry-once.js';
import type { TabPool } from './tab-pool.js';

const factsScript = readFileSync(new URL('./in-page/page-facts.js', import.meta.url), 'utf8');

export type Zone = 'main' | 'nav' | 'side' | 'footer' | 'header';

export interface Anchor {
  /** The link's text, else its title, aria-label or image alt/title. */
  text: string;
  /** Absolute URL; for a script link (javascript:, #, onclick) the URL its script names, else null. */
  href: string | null;
  script: boolean;
  /** Decided by tags, roles and layout (menus, footer lines), never by class names. */
  zone: Zone;
  /** The list, table or block of short links it sits in (a number per page), null outside any. */
  block?: number | null;
  /** The text of the link's row (li, tr, dd, p or parent) without the link's own: a date beside it in a list. */
  row: string;
}

export interface TableFacts {
  headers: string[];
  rows: Array<{ cells: string[]; links: Array<{ text: string; href: string }> }>;
}

/** What in-page/page-facts.js reports: the raw material of the disclosure, mailbox, services and identity evaluators. */
export interface PageFacts {
  url: string;
  title: string;
  lang: string | null;
  metas: Record<string, string>;
  viewport: string | null;
  anchors: Anchor[];
  mainText: string;
  headings: string[];
  labels: string[];
  tables: TableFacts[];
  /** Label → value pairs (dt/dd, th/td, "标签：值"). */
  pairs: Array<{ label: string; value: string }>;
  /** Repeated rows holding a link, outside tables or inside them: the row text, its parts, its link. */
  lists: Array<{ rows: Array<{ text: string; parts: string[]; link: { text: string; href: string } | null }> }>;
  mainImages: number;
  iframes: Array<{ src: string; title: string }>;
  footerText: string;
  search: { action: string | null; method: string | null; name: string | null; selector: string | null; index: number } | null;
}

/** A page opened for its facts: the HTTP outcome, and the facts when it loaded. */
export interface OpenedFacts {
  url: string;
  finalUrl: string;
  status: number | null;
  error: string | null;
  facts: PageFacts | null;
}

export async function readFacts(page: Page, timeoutMs = 10_000): Promise<PageFacts | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    return await Promise.race([
      (async () => {
        await page.evaluate(factsScript);
        return (await page.evaluate('window.__govscoreFacts()')) as PageFacts;
      })().catch(() => null),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

type OpenOptions = {
  tabs: TabPool;
  timeoutMs: number;
  readTimeoutMs: number;
  onPage?: (page: PageRecord) => void;
  /** Pages of the site that could not be read on two tries, by URL: another finder is told so, not made to wait again. */
  unreadable?: Map<string, OpenedFacts>;
  /** The page budget of the work opening it: each load (a second try too) takes a page; none left, the page is not opened. */
  pages?: PageShare;
};

/**
 * Opens a page in a tab of the site's pool and reads its facts; a page that fails for a passing reason
 * (a stalled renderer: script-timeout; a timeout, a 5xx …) is opened once more after a pause, and its
 * `error` then says why it could not be read. A page the budget has no room for is not opened (`page-budget`).
 * Its page is taken at once, before anything is awaited: pages opened side by side take theirs in the order
 * they were asked for. Never throws.
 */
export function openFacts(url: string, options: OpenOptions): Promise<OpenedFacts> {
  return planFacts(url, options)();
}

/**
 * A page to open later (a queue runs it) with its page taken from the budget now: the pages go to the work's
 * plan in its order, not in the order a queue gets round to them.
 */
export function planFacts(url: string, options: OpenOptions): () => Promise<OpenedFacts> {
  const known = options.unreadable?.get(url);
  if (known) return () => Promise.resolve(known);
  const pages = options.pages;
  if (pages && !pages.take(url)) return () => Promise.resolve(notOpened(url));
  return async () => {
    const opened = await retryOnce(
      () => openFactsOnce(url, options),
      (o) => o.error,
      pages ? { second: () => pages.take(url) } : {},
    );
    options.onPage?.(opened.record);
    if (opened.error && isRetryable(opened.error)) options.unreadable?.set(url, opened.facts);
    return opened.facts;
  };
}

/** A page the budget had no room for: not opened, what it shows unknown. */
export function notOpened(url: string): OpenedFacts {
  return { url, finalUrl: url, status: null, error: 'page-budget', facts: null };
}

async function openFactsOnce(url: string, options: OpenOptions): Promise<{ facts: OpenedFacts; record: PageRecord; error: string | null }> {
  try {
    return await options.tabs.use(async (tab) => {
      const opened = await openUrl(tab, url, options.timeoutMs);
      const failed = opened.error || (opened.status ?? 200) >= 400;
      const facts = failed ? null : await readFacts(tab, options.readTimeoutMs);
      const error = opened.error ?? (failed ? `http-${opened.status}` : facts ? null : 'script-timeout');
      const record: PageRecord = { url, finalUrl: opened.finalUrl, status: opened.status, role: 'feature', ms: opened.ms, error };
      return { facts: { url, finalUrl: opened.finalUrl, status: opened.status, error, facts }, record, error };
    });
  } catch (error) {
    const message = String(error).slice(0, 200);
    const record: PageRecord = { url, finalUrl: null, status: null, role: 'feature', ms: null, error: message };
    return { facts: { url, finalUrl: url, status: null, error: message, facts: null }, record, error: message };
  }
}
