import type { Browser } from 'puppeteer';

import { notUpdateColumns } from '../lib/column-kind.js';
import { collectDisclosure, type DisclosureObservation } from './disclosure-pages.js';
import type { FeatureContext } from './feature-links.js';
import { collectMailbox, type MailboxObservation } from './mailbox-pages.js';
import type { ColumnObservation } from './observations.js';
import type { PageFacts } from './page-facts.js';
import { collectServices, type ServicesObservation } from './services-pages.js';
import { collectFunctions, type FunctionsObservation } from './site-functions.js';

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
 */
export async function collectSections(homepage: PageFacts, context: FeatureContext): Promise<SiteSections> {
  const disclosure = await collectDisclosure(homepage, context);
  const mailbox = await collectMailbox(homepage, context);
  const services = await collectServices(homepage, context);
  return { disclosure, mailbox, services };
}

/** After the crawl: search (for the newest article it read), 适老化, mobile layout and identity. */
export async function collectFeatures(
  browser: Browser,
  homepage: PageFacts,
  sections: SiteSections,
  columns: ColumnObservation[],
  article: { url: string; metas: Record<string, string> } | null,
  context: FeatureContext,
): Promise<SiteFeatures> {
  const functions = await collectFunctions(browser, homepage, context, newestArticle(columns), article);
  return { identity: { url: homepage.url, footerText: homepage.footerText, metas: homepage.metas, lang: homepage.lang }, ...sections, functions };
}

/**
 * The most recent article of the crawl's information columns (not letters, guides or reports, which a
 * site search often does not index): its exact title is what the site search must find.
 */
function newestArticle(columns: ColumnObservation[]): { title: string; url: string } | null {
  let best: { title: string; url: string; date: string } | null = null;
  for (const c of columns.filter((c) => !notUpdateColumns.test(c.name))) {
    for (const i of c.items)
      if (i.date && i.title.length >= 6 && !/[…]|\.{3}$/.test(i.title) && (!best || i.date > best.date)) best = { title: i.title, url: i.url, date: i.date };
  }
  return best && { title: best.title, url: best.url };
}
