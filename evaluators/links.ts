import type { CheckedLink, LinkResult } from './collect/link-check.js';

export interface BrokenLink {
  url: string;
  status: number | null;
  result: LinkResult;
  foundOn: string[];
  /** Found on the homepage (D1 counts these; D2 the rest). */
  onHomepage: boolean;
}

export interface LinksMeasurement {
  /** Links actually requested (mailto:, tel:, javascript: are not, nor rate-limited ones). */
  checked: number;
  broken: BrokenLink[];
  /** Broken links with the homepage among the pages they were found on. */
  brokenOnHomepage: number;
  brokenElsewhere: number;
  /** Answered by a firewall or rate limit: neither working nor broken as far as we can tell. */
  blocked: number;
  /** Not checked: their host asked for a longer pause (Retry-After) than the run waits. */
  rateLimited: number;
}

const byAddress = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function evaluateLinks(checked: CheckedLink[], homepageUrl: string): LinksMeasurement {
  const homepage = pageKey(homepageUrl);
  const broken = checked
    .filter((c) => c.broken)
    .map(({ url, status, result, foundOn }) => ({
      url,
      status,
      result,
      foundOn: [...foundOn].sort(byAddress),
      onHomepage: foundOn.some((page) => pageKey(page) === homepage),
    }))
    // Links are checked in parallel, so the order they finish in is chance: list the homepage's first, then by address.
    .sort((a, b) => Number(b.onHomepage) - Number(a.onHomepage) || byAddress(a.url, b.url));
  const brokenOnHomepage = broken.filter((b) => b.onHomepage).length;
  return {
    checked: checked.filter((c) => c.result !== 'unsupported-scheme' && c.result !== 'rate-limited').length,
    broken,
    brokenOnHomepage,
    brokenElsewhere: broken.length - brokenOnHomepage,
    blocked: checked.filter((c) => c.result === 'blocked-by-waf').length,
    rateLimited: checked.filter((c) => c.result === 'rate-limited').length,
  };
}

/**
 * A page address for comparison: without fragment and without a trailing default document, so `/`,
 * `/index.html` and an old site's `/index.asp` (where `/` redirects) are the same homepage.
 */
function pageKey(url: string): string {
  let key = url.split('#')[0] ?? url;
  try {
    key = new URL(key).href; // normalises the host's case and an empty path to "/"
  } catch {
    // not an absolute URL: compare as written
  }
  return key.replace(/\/(index|default)\.(s?html?|aspx?|jsp|php)$/i, '/');
}
