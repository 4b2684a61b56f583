import type { Browser } from 'puppeteer';

import { type CollectContext, collectSite } from '../../evaluators/collect/crawl-site.js';
import { isRetryable } from '../../evaluators/collect/failures.js';
import type { CollectOptions } from '../../evaluators/collect/options.js';
import type { SiteResult } from '../store/store.js';

export interface CollectedSite {
  /** What the store keeps of the site: the same in the embedded mode and from a queue worker. */
  result: SiteResult;
  /** A timeout, refused connection, 5xx or crash may pass on a later attempt; a 404 or DNS failure will not. */
  retryable: boolean;
  /** One line for the log: columns and pages, or the failure. */
  summary: string;
}

/**
 * Crawls one site and turns what was collected into the store's site result. Both collection modes go
 * through here, so a site assessed by a worker on another machine is stored exactly as one assessed in
 * process.
 */
export async function collectSiteResult(browser: Browser, url: string, asOf: string, options: CollectOptions, context: CollectContext): Promise<CollectedSite> {
  let collected;
  try {
    collected = await collectSite(browser, url, asOf, options, context);
  } catch (error) {
    const message = String(error);
    return {
      result: { status: 'error', statusReason: `crawler-error: ${message.slice(0, 200)}`, pages: [], observations: {} },
      retryable: false,
      summary: `error (${message.slice(0, 80)})`,
    };
  }
  const { failure } = collected;
  return {
    result: {
      status: failure?.status ?? 'assessed',
      statusReason: failure?.reason ?? null,
      pages: collected.pages,
      observations: {
        homepage: collected.homepage,
        columns: collected.columns,
        unreadPages: collected.unreadPages,
        probes: collected.probes,
        stats: collected.stats,
        robots: collected.robots,
        links: collected.links,
        axe: collected.axe,
        pageChecks: collected.pageChecks,
        lighthouse: collected.lighthouse,
        ipv6: collected.ipv6,
        integrity: collected.integrity,
        documents: collected.documents,
        uaVariants: collected.uaVariants,
        texts: collected.texts,
        attachments: collected.attachments,
        ...(collected.features ?? {}),
      },
    },
    retryable: failure !== null && isRetryable(failure.reason),
    summary: failure ? `${failure.status}: ${failure.reason}` : `${collected.columns.length} columns, ${collected.pages.length} pages`,
  };
}
