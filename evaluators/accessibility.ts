import type { AxeImpact, AxePageResult } from './collect/axe.js';
import type { LighthouseResult } from './collect/lighthouse.js';

/**
 * 无障碍 (D18): axe-core WCAG 2.0/2.1 A+AA violations grouped by rule across the pages scanned, so a
 * defect of the site's template counts once per rule, with the number of pages it is on; plus the
 * Lighthouse scores of the few key pages Lighthouse ran on.
 */
export const meta = { id: 'accessibility', version: '1', needs: ['axe', 'lighthouse'] } as const;

export interface AccessibilityViolation {
  rule: string;
  /** The most severe impact the rule had on any page. */
  impact: AxeImpact | null;
  wcag: string[];
  help: string;
  /** Pages the rule failed on. */
  pages: number;
  /** Failing elements over all those pages. */
  nodes: number;
  /** The first pages it failed on (evidence). */
  urls: string[];
  examples: Array<{ url: string; target: string; html: string }>;
}

export interface AccessibilityMeasurement {
  pagesScanned: number;
  /** Pages axe was run on but did not finish in time: not checked, so neither passed nor failed. */
  pagesUnfinished: number;
  unfinishedUrls: string[];
  /** Most severe first, then the rules on most pages, then by rule id. */
  violations: AccessibilityViolation[];
  /** Rules with impact serious or critical (what D18 deducts for). */
  seriousRules: number;
  failingRules: number;
  lighthouse: LighthouseResult[];
}

const maxUrls = 5;
const maxExamples = 3;
const severity: Record<AxeImpact, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };
const rank = (impact: AxeImpact | null) => (impact === null ? 4 : severity[impact]);

export function evaluateAccessibility(pages: AxePageResult[], lighthouse: LighthouseResult[]): AccessibilityMeasurement {
  // A URL scanned twice (a page reached by two paths) is one page; a page one scan finished is checked.
  const unique = [...new Map(pages.filter((p) => !p.unfinished).map((p) => [p.url, p] as const)).values()];
  const checked = new Set(unique.map((p) => p.url));
  const unfinished = [...new Set(pages.filter((p) => p.unfinished && !checked.has(p.url)).map((p) => p.url))];
  const byRule = new Map<string, AccessibilityViolation>();
  for (const page of unique) {
    for (const v of page.violations) {
      let found = byRule.get(v.rule);
      if (!found) byRule.set(v.rule, (found = { rule: v.rule, impact: v.impact, wcag: [], help: v.help, pages: 0, nodes: 0, urls: [], examples: [] }));
      if (rank(v.impact) < rank(found.impact)) found.impact = v.impact;
      for (const criterion of v.wcag) if (!found.wcag.includes(criterion)) found.wcag.push(criterion);
      found.pages += 1;
      found.nodes += v.nodes;
      if (found.urls.length < maxUrls) found.urls.push(page.url);
      for (const e of v.examples) if (found.examples.length < maxExamples) found.examples.push({ url: page.url, ...e });
    }
  }
  const violations = [...byRule.values()].sort(
    (a, b) => rank(a.impact) - rank(b.impact) || b.pages - a.pages || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  return {
    pagesScanned: unique.length,
    pagesUnfinished: unfinished.length,
    unfinishedUrls: unfinished.slice(0, maxUrls),
    violations,
    seriousRules: violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').length,
    failingRules: violations.length,
    lighthouse,
  };
}
