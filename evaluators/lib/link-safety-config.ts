import { readFileSync } from 'node:fs';

import { parse } from 'yaml';

/** The lists of evaluators/data/link-safety.yaml: allowed hosts, illicit and commercial words, ad networks, filing systems. */
export interface LinkSafetyConfig {
  allowedHosts: string[];
  allowedUrlPatterns: string[];
  illicitWords: string[];
  commercialWords: string[];
  adSources: string[];
  registration: Record<'badge' | 'icp' | 'police', string[]>;
  furnitureMissingShare: number;
}

let loaded: LinkSafetyConfig | null = null;

/** The shipped lists (read once). */
export function linkSafetyConfig(): LinkSafetyConfig {
  loaded ??= parse(readFileSync(new URL('../data/link-safety.yaml', import.meta.url), 'utf8')) as LinkSafetyConfig;
  return loaded;
}

/** Public suffixes of two labels under which a site registers its name (example.gov.cn, not gov.cn). */
const twoLabelSuffixes = /\.(gov|com|net|org|edu|ac)\.cn$/;

/** The name a host was registered under: news.163.com → 163.com, www.zj.gov.cn → zj.gov.cn (one list of suffixes, not the public suffix list). */
export function registrableDomain(hostname: string): string {
  const labels = hostname.toLowerCase().split('.');
  if (/^[\d.]+$/.test(hostname) || labels.length <= 2) return hostname.toLowerCase();
  return labels.slice(twoLabelSuffixes.test(hostname.toLowerCase()) ? -3 : -2).join('.');
}

/** The host itself or a subdomain of one of `suffixes` (gov.cn holds www.zj.gov.cn; not xgov.cn). */
export function hostUnder(hostname: string, suffixes: readonly string[]): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return suffixes.some((s) => {
    const suffix = s.toLowerCase().replace(/^\*?\./, '');
    return h === suffix || h.endsWith(`.${suffix}`);
  });
}

/** The first pattern (a regular expression over the whole address) the URL matches, or null. */
export function matchingPattern(url: string, patterns: readonly string[]): string | null {
  return patterns.find((p) => new RegExp(p, 'i').test(url)) ?? null;
}

/** The first word of `words` the text holds (case-insensitive), or null. */
export function wordIn(text: string, words: readonly string[]): string | null {
  const lower = text.toLowerCase();
  return words.find((w) => lower.includes(w.toLowerCase())) ?? null;
}
