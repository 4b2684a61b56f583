import { pageKey } from '../collect/url-scope.js';

/**
 * What a finding is about, stable between runs: its kind and the thing itself — a page or link by its
 * normalised address, a rule, an item of the rules, an account. Never the wording, a count, a date or a
 * screenshot, which change from run to run while the problem stays the same. A run is compared with an
 * earlier one by these (with the site and the indicator: reports/finding-key.ts).
 */
export function subject(kind: string, ...parts: Array<string | number>): string {
  return [kind, ...parts].join(':');
}

/**
 * An address as a finding's subject: the crawl's page key (no fragment or session id, `…/index.html` = `…/`,
 * query sorted) without the scheme, so that a site moving to HTTPS keeps its findings. Not a URL: as written.
 */
export function urlSubject(url: string): string {
  try {
    return pageKey(url).replace(/^https?:/i, '');
  } catch {
    return url.trim();
  }
}

/** `kind:` and the address, or the kind alone when the finding names no address. */
export function pageSubject(kind: string, url: string | null | undefined): string {
  return url ? subject(kind, urlSubject(url)) : kind;
}
