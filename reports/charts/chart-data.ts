import type { Results } from '../results.js';
import { textWidth, truncateToWidth } from './text-width.js';
import { LABEL_FONT_SIZE, LABEL_MAX_WIDTH } from './theme.js';

type ResultSite = Results['sites'][number];

/** What the charts read of a site: a `Results` site fits. */
export type ChartSite = Pick<ResultSite, 'id' | 'name' | 'group' | 'status' | 'score' | 'grade' | 'rank' | 'passed' | 'vetoes' | 'categories'> &
  Partial<Pick<ResultSite, 'pendingReview'>>;

/** What the charts read of a run: `Results` fits. */
export interface ChartResults {
  assessment?: { name: string; asOf: string };
  sites: ChartSite[];
}

/** An assessed site with its score known: the only ones a chart plots. */
export type ScoredSite = ChartSite & { score: number };

export function isScored(site: ChartSite): site is ScoredSite {
  return site.status === 'assessed' && typeof site.score === 'number' && Number.isFinite(site.score);
}

export function isVetoed(site: ChartSite): boolean {
  return site.vetoes.length > 0;
}

/** Awaiting review of a suspected veto: its grade (待复核) is no band, and it has no rank yet. */
export function isPending(site: ChartSite): boolean {
  return site.pendingReview === true;
}

/** Peer groups in the order the sites file lists them (the office's own order). */
export function groupsInOrder(results: ChartResults): string[] {
  return [...new Set(results.sites.map((s) => s.group))];
}

/** Scored sites (of one group, or all), in rank order: group order, then rank, then score. */
export function scoredSites(results: ChartResults, group?: string): ScoredSite[] {
  const groups = groupsInOrder(results);
  return results.sites
    .filter(isScored)
    .filter((s) => group === undefined || s.group === group)
    .sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score);
}

/** Scores as the report prints them: at most two decimals, no trailing zeros. */
export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}

/**
 * Crawled or hand-typed text made safe to draw: control characters (invalid in XML) and lone surrogates
 * removed, line breaks and tabs made spaces, whitespace runs collapsed. Markup needs no treatment here:
 * Vega writes text as escaped text nodes and attribute values.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One axis label per site: cleaned, cut to LABEL_MAX_WIDTH, and unique (Vega merges equal labels into one
 * band), a duplicate getting the site id appended.
 */
export function siteLabels(sites: ChartSite[], text: (site: ChartSite) => string = (s) => s.name): string[] {
  const seen = new Set<string>();
  return sites.map((site) => {
    const full = cleanText(text(site)) || site.id;
    let label = truncateToWidth(full, LABEL_MAX_WIDTH, LABEL_FONT_SIZE);
    if (seen.has(label)) {
      const suffix = `（${cleanText(site.id)}）`;
      label = truncateToWidth(full, LABEL_MAX_WIDTH - textWidth(suffix, LABEL_FONT_SIZE), LABEL_FONT_SIZE) + suffix;
    }
    seen.add(label);
    return label;
  });
}

/** The axis label limit that lets every one of `labels` through uncut (Vega would cut at its default 180 px). */
export function labelLimitFor(labels: string[], fontSize = LABEL_FONT_SIZE): number {
  return Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, fontSize)))) + 2;
}

/** Upper end of the score axis: 100, or the highest score rounded up to 10 when a bonus takes it higher. */
export function scoreDomainMax(sites: ScoredSite[]): number {
  return Math.max(100, ...sites.map((s) => Math.ceil(s.score / 10) * 10));
}
