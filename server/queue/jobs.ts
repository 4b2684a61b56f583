import type { CollectOptions } from '../../evaluators/collect/options.js';
import type { SiteResult } from '../store/store.js';

/** The queue every worker takes sites from. */
export const collectQueue = 'collect';

/** Where the workers send what they collected for one run; only that run's coordinator reads it. */
export const resultsQueue = (runId: string) => `results-${runId}`;

/** One site of a run: everything a stateless worker needs to crawl it. */
export interface SiteJob {
  runId: string;
  siteId: string;
  url: string;
  asOf: string;
  collect: CollectOptions;
  /** The site's share of the run's screenshot budget, in bytes. */
  evidenceBytes: number;
}

export const siteJobId = (runId: string, siteId: string) => `${runId}.${siteId}`;

/** A screenshot taken on the worker, sent to the coordinator to be kept under the run's evidence folder. */
export interface EvidenceFile {
  /** `<site>/<name>.jpg`, as the observations refer to it. */
  path: string;
  base64: string;
}

/** What a worker tells the coordinator: that it began a site, and what the site gave. */
export type ResultMessage =
  | { kind: 'started'; siteId: string; worker: string; attempt: number; resumedPages?: number }
  | { kind: 'result'; siteId: string; worker: string; attempt: number; ms: number; summary: string; result: SiteResult; evidence: EvidenceFile[] };

/** Attempts per site: the first and one more for a retryable failure, as the embedded mode does. */
export const siteAttempts = 2;
export const retryBackoffMs = 3000;
