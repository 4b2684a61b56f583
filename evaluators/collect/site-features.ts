import type { Browser } from 'puppeteer';

import { notUpdateColumns } from '../lib/column-kind.js';
import { collectDisclosure, type DisclosureObservation } from './disclosure-pages.js';
import type { FeatureContext } from './feature-links.js';
import { collectMailbox, type MailboxObservation } from './mailbox-pages.js';
import type { ColumnObservation } from './observations.js';
import type { BudgetPhase, PageShare } from './page-budget.js';
import type { PageFacts } from './page-facts.js';
import { collectServices, type ServicesObservation } from './services-pages.js';
import { collectFunctions, type FunctionShares, type FunctionsObservation } from './site-functions.js';

/** The homepage furniture the identity evaluator reads: footer text, meta tags, language. */
export interface IdentityObservation {
  url: string;
  footerText: string;
  metas: Record<string, string>;
  lang: string | null;
}

export interface SiteFeatures {
  identity: IdentityObservation;
  disclosure: DisclosureObservation | null;
  mailbox: MailboxObservation;
  services: ServicesObservation;
  functions: FunctionsObservation;
}

export type SiteSections = Pick<SiteFeatures, 'disclosure' | 'mailbox' | 'services'>;

/**
 * The sections the national rules ask about, found from the homepage's links: 信息公开, 信箱, 办事服务.
 * They need nothing from the crawl, so they run beside it; one section after another (each opens at
 * most three tabs at once), so a site never has more than a few extra pages loading for them.
 *
 * `pages` is their share of the page budget: each section in turn gets an equal part of what is left
 * (a third, then half, then the rest), and what one leaves goes to the next.
 */
export async function collectSections(homepage: PageFacts, context: FeatureContext, pages?: PageShare): Promise<SiteSections> {
  // One map of first-level pages for the three sections, whose contexts differ only by their share.
  context.firstLevel ??= new Map();
  const within = async <T>(phase: BudgetPhase, sectionsLeft: number, work: (c: FeatureContext) => Promise<T>): Promise<T> => {
    if (!pages) return work(context);
    const share = pages.carve(Math.ceil(pages.room / sectionsLeft), phase);
    try {
      return await work({ ...context, pages: share });
    } finally {
      pages.giveBack(share);
    }
  };
  const disclosure = await within('disclosure', 3, (c) => collectDisclosure(homepage, c));
  const mailbox = await within('mailbox', 2, (c) => collectMailbox(homepage, c));
  const services = await within('services', 1, (c) => collectServices(homepage, c));
  return { disclosure, mailbox, services };
}

/** After the crawl: search (for the newest article it read), 适老化, mobile layout and identity; `shares`: each function's page budget. */
export async function collectFeatures(
  browser: Browser,
  homepage: PageFacts,
  sections: SiteSections,
  columns: ColumnObservation[],
  article: { url: string; metas: Record<string, string> } | null,
  context: FeatureContext,
  shares?: FunctionShares,
): Promise<SiteFeatures> {
  const functions = await collectFunctions(browser, homepage, context, newestArticle(columns), article, shares);
  return { identity: { url: homepage.url, footerText: homepage.footerText, metas: homepage.metas, lang: homepage.lang }, ...sections, functions };
}

/**
 * The most recent article of the crawl's information columns (not letters, guides or reports, which a
 * site search often does not index): its exact title is what the site search must find.
 */
export function newestArticle(columns: ColumnObservation[]): { title: string; url: string } | null {
  let best: { title: string; url: string; date: string } | null = null;
  for (const c of columns.filter((c) => !notUpdateColumns.test(c.name))) {
    for (const i of c.items)
      if (i.date && i.title.length >= 6 && !/[…]|\.{3}$/.test(i.title) && (!best || i.date > best.date)) best = { title: i.title, url: i.url, date: i.date };
  }
  return best && { title: best.title, url: best.url };
}
