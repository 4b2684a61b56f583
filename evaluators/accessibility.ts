import type { AxeImpact, AxePageResult } from './collect/axe.js';
import type { LighthouseResult } from './collect/lighthouse.js';
import { urlTemplate } from './collect/url-scope.js';
import { conformanceLevel, isAAACriterion, isWcag21AA, type WcagLevel } from './lib/wcag.js';

/**
 * 无障碍 (D18): axe-core violations grouped by rule across the pages scanned, so a defect of the site's
 * template counts once per rule, with the number of pages it is on; plus the Lighthouse scores of the few
 * key pages Lighthouse ran on. Every axe rule runs; the counts say which level they count, and an indicator
 * set picks the count it scores: seriousRules and failingRules count WCAG 2.0/2.1 A/AA rules, as they did
 * when only those ran (runs stored then evaluate the same), the others add WCAG 2.2, AAA and best practice.
 */
export const meta = { id: 'accessibility', version: '2', needs: ['axe', 'lighthouse'] } as const;

export interface AccessibilityViolation {
  rule: string;
  /** The most severe impact the rule had on any page. */
  impact: AxeImpact | null;
  wcag: string[];
  /** A, AA, AAA or best-practice (no success criterion), from axe's tags. */
  level: WcagLevel;
  /** Filed under WCAG 2.0 or 2.1 at level A or AA: what GB/T 37668-2019 asks, and what seriousRules counts. */
  wcag21AA: boolean;
  help: string;
  /** Pages the rule failed on. */
  pages: number;
  /** Failing elements over all those pages. */
  nodes: number;
  /** The first pages it failed on (evidence). */
  urls: string[];
  examples: Array<{ url: string; target: string; html: string }>;
  /**
   * The failing pages by URL template (`urlTemplate`: numbers blanked, query values dropped), so a web team
   * fixes a template once: its first failing page, how many of its pages failed, and an element there.
   * Templates with most pages first (ties in scan order), at most 20. Absent from results written before it was recorded.
   */
  templates?: Array<{ template: string; url: string; pages: number; example: { target: string; html: string } | null }>;
}

export interface AccessibilityMeasurement {
  pagesScanned: number;
  /** Pages axe was run on but did not finish in time: not checked, so neither passed nor failed. */
  pagesUnfinished: number;
  unfinishedUrls: string[];
  /** Most severe first, then the rules on most pages, then by rule id. */
  violations: AccessibilityViolation[];
  /** WCAG 2.0/2.1 A/AA rules with impact serious or critical (what D18 deducts for). */
  seriousRules: number;
  /** WCAG 2.0/2.1 A/AA rules failing at any impact. */
  failingRules: number;
  /** Distinct WCAG 2.0/2.1 level A/AA success criteria the WCAG 2.0/2.1 A/AA rules failed: what an audit report counts. */
  failedCriteria: number;
  /** Rules of any level (WCAG A to AAA, 2.2, best practice) with impact serious or critical. */
  seriousRulesAnyLevel: number;
  /** Rules of any level failing at any impact. */
  failingRulesAnyLevel: number;
  /** Rules of WCAG 2.2 criteria at A/AA that WCAG 2.0/2.1 did not have (target size). */
  wcag22Rules: number;
  /** Distinct level AAA success criteria failed. */
  wcagAAACriteria: number;
  /** Best-practice rules (no success criterion) failing at any impact. */
  bestPracticeRules: number;
  lighthouse: LighthouseResult[];
}

const maxUrls = 5;
const maxExamples = 3;
const maxTemplates = 20;
const severity: Record<AxeImpact, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };
const rank = (impact: AxeImpact | null) => (impact === null ? 4 : severity[impact]);

export function evaluateAccessibility(pages: AxePageResult[], lighthouse: LighthouseResult[]): AccessibilityMeasurement {
  // A URL scanned twice (a page reached by two paths) is one page; a page one scan finished is checked.
  const unique = [...new Map(pages.filter((p) => !p.unfinished).map((p) => [p.url, p] as const)).values()];
  const checked = new Set(unique.map((p) => p.url));
  const unfinished = [...new Set(pages.filter((p) => p.unfinished && !checked.has(p.url)).map((p) => p.url))];
  const byRule = new Map<string, AccessibilityViolation & Required<Pick<AccessibilityViolation, 'templates'>>>();
  for (const page of unique) {
    for (const v of page.violations) {
      let found = byRule.get(v.rule);
      if (!found) {
        // Runs stored before every rule ran have no level: the tags say it.
        const level = v.level ?? conformanceLevel(v.tags);
        found = {
          rule: v.rule,
          impact: v.impact,
          wcag: [],
          level,
          wcag21AA: isWcag21AA(v.tags),
          help: v.help,
          pages: 0,
          nodes: 0,
          urls: [],
          examples: [],
          templates: [],
        };
        byRule.set(v.rule, found);
      }
      if (rank(v.impact) < rank(found.impact)) found.impact = v.impact;
      for (const criterion of v.wcag) if (!found.wcag.includes(criterion)) found.wcag.push(criterion);
      found.pages += 1;
      found.nodes += v.nodes;
      if (found.urls.length < maxUrls) found.urls.push(page.url);
      for (const e of v.examples) if (found.examples.length < maxExamples) found.examples.push({ url: page.url, ...e });
      const template = urlTemplate(page.url);
      const t = found.templates.find((x) => x.template === template);
      if (t) t.pages += 1;
      else found.templates.push({ template, url: page.url, pages: 1, example: v.examples[0] ?? null });
    }
  }
  for (const v of byRule.values()) v.templates = v.templates.sort((a, b) => b.pages - a.pages).slice(0, maxTemplates);
  const violations = [...byRule.values()].sort(
    (a, b) => rank(a.impact) - rank(b.impact) || b.pages - a.pages || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  const serious = (v: AccessibilityViolation) => v.impact === 'critical' || v.impact === 'serious';
  const wcag21AA = violations.filter((v) => v.wcag21AA);
  const criteria = (vs: AccessibilityViolation[], keep: (c: string) => boolean) => new Set(vs.flatMap((v) => v.wcag.filter(keep))).size;
  return {
    pagesScanned: unique.length,
    pagesUnfinished: unfinished.length,
    unfinishedUrls: unfinished.slice(0, maxUrls),
    violations,
    seriousRules: wcag21AA.filter(serious).length,
    failingRules: wcag21AA.length,
    failedCriteria: criteria(wcag21AA, (c) => !isAAACriterion(c)),
    seriousRulesAnyLevel: violations.filter(serious).length,
    failingRulesAnyLevel: violations.length,
    wcag22Rules: violations.filter((v) => !v.wcag21AA && (v.level === 'A' || v.level === 'AA')).length,
    wcagAAACriteria: criteria(violations, isAAACriterion),
    bestPracticeRules: violations.filter((v) => v.level === 'best-practice').length,
    lighthouse,
  };
}
