import { describe, expect, it } from 'vitest';

import { evaluateAccessibility, meta } from '../../../evaluators/accessibility.js';
import { type AxePageResult, type AxeViolation, unfinishedScan } from '../../../evaluators/collect/axe.js';
import type { LighthouseResult } from '../../../evaluators/collect/lighthouse.js';
import { evaluateSite } from '../../../evaluators/evaluate-site.js';

function violation(rule: string, impact: AxeViolation['impact'], nodes: number, wcag: string[] = []): AxeViolation {
  return {
    rule,
    impact,
    wcag,
    tags: ['wcag2a'],
    help: `help for ${rule}`,
    nodes,
    examples: Array.from({ length: Math.min(nodes, 3) }, (_, i) => ({ target: `.${rule}-${i}`, html: `<i class="${rule}-${i}"></i>` })),
  };
}

const page = (url: string, ...violations: AxeViolation[]): AxePageResult => ({ url, ms: 100, violations });

const home = 'https://jyj.example.gov.cn/';
const column = 'https://jyj.example.gov.cn/jyyw/';
const article = 'https://jyj.example.gov.cn/jyyw/t1.html';

describe('accessibility evaluator', () => {
  it('declares what it needs', () => {
    expect(meta).toEqual({ id: 'accessibility', version: '2', needs: ['axe', 'lighthouse'] });
  });

  it('counts a template defect once per rule, with its pages and all its nodes', () => {
    const m = evaluateAccessibility(
      [
        page(home, violation('image-alt', 'critical', 4, ['1.1.1'])),
        page(column, violation('image-alt', 'critical', 2, ['1.1.1'])),
        page(article, violation('image-alt', 'critical', 3, ['1.1.1'])),
      ],
      [],
    );
    expect(m.pagesScanned).toBe(3);
    expect(m.failingRules).toBe(1);
    const [only] = m.violations;
    expect(only).toMatchObject({
      rule: 'image-alt',
      impact: 'critical',
      wcag: ['1.1.1'],
      help: 'help for image-alt',
      pages: 3,
      nodes: 9,
      urls: [home, column, article],
    });
    // The first three examples across pages, each with the page it is on.
    expect(only!.examples).toEqual([
      { url: home, target: '.image-alt-0', html: '<i class="image-alt-0"></i>' },
      { url: home, target: '.image-alt-1', html: '<i class="image-alt-1"></i>' },
      { url: home, target: '.image-alt-2', html: '<i class="image-alt-2"></i>' },
    ]);
  });

  it('groups the failing pages by URL template: the first page names it, the pages counted, an element of it kept', () => {
    // Two articles of one template (/jyyw/t#.html) and the column page: by hand, two templates, the articles' first.
    const m = evaluateAccessibility(
      [
        page(column, violation('image-alt', 'critical', 1, ['1.1.1'])),
        page(article, violation('image-alt', 'critical', 2, ['1.1.1'])),
        page('https://jyj.example.gov.cn/jyyw/t2.html', violation('image-alt', 'critical', 1, ['1.1.1'])),
      ],
      [],
    );
    expect(m.violations[0]!.templates).toEqual([
      { template: 'jyj.example.gov.cn/jyyw/t#.html?', url: article, pages: 2, example: { target: '.image-alt-0', html: '<i class="image-alt-0"></i>' } },
      { template: 'jyj.example.gov.cn/jyyw/?', url: column, pages: 1, example: { target: '.image-alt-0', html: '<i class="image-alt-0"></i>' } },
    ]);
  });

  it('keeps the first five URLs, the most severe impact and every criterion', () => {
    const pages = Array.from({ length: 7 }, (_, i) =>
      page(`${column}index_${i}.html`, violation('link-name', i === 4 ? 'critical' : 'serious', 1, i === 6 ? ['4.1.2', '2.4.4'] : ['4.1.2'])),
    );
    const [v] = evaluateAccessibility(pages, []).violations;
    expect(v!.pages).toBe(7);
    expect(v!.urls).toEqual(pages.slice(0, 5).map((p) => p.url));
    expect(v!.impact).toBe('critical');
    expect(v!.wcag).toEqual(['4.1.2', '2.4.4']);
  });

  it('sorts by impact (critical first), then pages on, then rule id; counts serious and critical rules', () => {
    const m = evaluateAccessibility(
      [
        page(
          home,
          violation('region', 'moderate', 1),
          violation('html-has-lang', 'serious', 1),
          violation('color-contrast', 'serious', 8),
          violation('label', 'critical', 1),
        ),
        page(column, violation('html-has-lang', 'serious', 1), violation('color-contrast', 'serious', 5), violation('list', null, 1)),
        page(article, violation('html-has-lang', 'serious', 1), violation('image-alt', 'critical', 1), violation('meta-refresh', 'minor', 1)),
      ],
      [],
    );
    expect(m.violations.map((v) => `${v.rule}:${v.impact}:${v.pages}`)).toEqual([
      'image-alt:critical:1',
      'label:critical:1',
      'html-has-lang:serious:3',
      'color-contrast:serious:2',
      'region:moderate:1',
      'meta-refresh:minor:1',
      'list:null:1',
    ]);
    expect(m.seriousRules).toBe(4);
    expect(m.failingRules).toBe(7);
  });

  it('counts a URL scanned twice as one page', () => {
    const m = evaluateAccessibility([page(home, violation('label', 'critical', 1)), page(home, violation('label', 'critical', 1))], []);
    expect(m.pagesScanned).toBe(1);
    expect(m.violations[0]).toMatchObject({ pages: 1, nodes: 1 });
  });

  it('empty input: nothing scanned, nothing failing, Lighthouse results passed through', () => {
    const lighthouse: LighthouseResult[] = [{ url: home, ms: 7000, scores: { accessibility: 91, performance: 100, bestPractices: 96, seo: 82 }, error: null }];
    const none = {
      pagesUnfinished: 0,
      unfinishedUrls: [],
      violations: [],
      seriousRules: 0,
      failingRules: 0,
      failedCriteria: 0,
      seriousRulesAnyLevel: 0,
      failingRulesAnyLevel: 0,
      wcag22Rules: 0,
      wcagAAACriteria: 0,
      bestPracticeRules: 0,
    };
    expect(evaluateAccessibility([], [])).toEqual({ pagesScanned: 0, ...none, lighthouse: [] });
    expect(evaluateAccessibility([page(home)], lighthouse)).toEqual({ pagesScanned: 1, ...none, lighthouse });
  });

  it('counts a page whose scan did not finish as unchecked: neither scanned nor passing', () => {
    const m = evaluateAccessibility(
      [page(home, violation('label', 'critical', 1)), unfinishedScan(column, 25_000), unfinishedScan(article, 25_000), unfinishedScan(article, 25_000)],
      [],
    );
    expect(m).toMatchObject({ pagesScanned: 1, pagesUnfinished: 2, unfinishedUrls: [column, article], failingRules: 1 });
    // A page another path scanned to the end is checked.
    expect(evaluateAccessibility([unfinishedScan(home, 25_000), page(home)], [])).toMatchObject({ pagesScanned: 1, pagesUnfinished: 0 });
    // A site where no scan finished is not measured (not "no violation", which would earn full marks).
    expect(evaluateSite({ axe: [unfinishedScan(home, 25_000)] }, '2026-11-21').measurements.accessibility).toBeNull();
    expect(evaluateSite({ axe: [unfinishedScan(home, 25_000), page(column)] }, '2026-11-21').measurements.accessibility).toMatchObject({
      pagesScanned: 1,
      pagesUnfinished: 1,
    });
  });

  describe('every axe rule, counted by level', () => {
    // Tags as axe-core 4.14 files these rules (cat.* and other standards' tags left out).
    const tagged = (rule: string, impact: AxeViolation['impact'], tags: string[], wcag: string[], level?: AxeViolation['level']): AxeViolation => ({
      ...violation(rule, impact, 1, wcag),
      tags,
      ...(level ? { level } : {}),
    });
    const colorContrast = tagged('color-contrast', 'serious', ['wcag2aa', 'wcag143'], ['1.4.3'], 'AA');
    const linkName = tagged('link-name', 'serious', ['wcag2a', 'wcag244', 'wcag412'], ['2.4.4', '4.1.2'], 'A');
    const ariaRoles = tagged('aria-roles', 'critical', ['wcag2a', 'wcag412'], ['4.1.2'], 'A');
    const list = tagged('list', 'moderate', ['wcag2a', 'wcag131'], ['1.3.1'], 'A');
    // 2.1.1 is A, 2.1.3 (Keyboard, No Exception) is AAA: the rule counts for both criteria at their own levels.
    const scrollable = tagged('scrollable-region-focusable', 'serious', ['wcag2a', 'wcag211', 'wcag213'], ['2.1.1', '2.1.3'], 'A');
    const enhanced = tagged('color-contrast-enhanced', 'serious', ['wcag2aaa', 'wcag146'], ['1.4.6'], 'AAA');
    const targetSize = tagged('target-size', 'serious', ['wcag22aa', 'wcag258'], ['2.5.8'], 'AA');
    const region = tagged('region', 'moderate', ['best-practice'], [], 'best-practice');
    const headingOne = tagged('page-has-heading-one', 'moderate', ['best-practice'], [], 'best-practice');
    const nestedLandmark = tagged('landmark-main-is-top-level', 'serious', ['best-practice'], [], 'best-practice');

    it('keeps seriousRules and failingRules to WCAG 2.0/2.1 A/AA, and counts the rest apart', () => {
      const m = evaluateAccessibility(
        [
          page(home, colorContrast, linkName, list, scrollable, enhanced, targetSize, region, headingOne, nestedLandmark),
          page(column, colorContrast, ariaRoles, region),
        ],
        [],
      );
      // A/AA of 2.0/2.1: color-contrast, link-name, list, scrollable-region-focusable, aria-roles.
      expect(m.failingRules).toBe(5);
      // Serious or critical among them: all but list.
      expect(m.seriousRules).toBe(4);
      // Their A/AA criteria: 1.4.3, 2.4.4, 4.1.2 (twice), 1.3.1, 2.1.1; 2.1.3 is AAA.
      expect(m.failedCriteria).toBe(5);
      // Any level: the ten rules; serious or critical: all but list, region and page-has-heading-one.
      expect(m.failingRulesAnyLevel).toBe(10);
      expect(m.seriousRulesAnyLevel).toBe(7);
      expect(m.wcag22Rules).toBe(1);
      // 1.4.6 (color-contrast-enhanced) and 2.1.3 (scrollable-region-focusable).
      expect(m.wcagAAACriteria).toBe(2);
      expect(m.bestPracticeRules).toBe(3);
      const byRule = new Map(m.violations.map((v) => [v.rule, v]));
      expect(byRule.get('region')).toMatchObject({ level: 'best-practice', wcag21AA: false, wcag: [], pages: 2 });
      expect(byRule.get('target-size')).toMatchObject({ level: 'AA', wcag21AA: false, wcag: ['2.5.8'] });
      expect(byRule.get('color-contrast-enhanced')).toMatchObject({ level: 'AAA', wcag21AA: false });
      expect(byRule.get('color-contrast')).toMatchObject({ level: 'AA', wcag21AA: true, pages: 2 });
    });

    it('derives the level from the tags for runs stored before every rule ran (no level field)', () => {
      const old = [
        page(
          home,
          tagged('color-contrast', 'serious', ['cat.color', 'wcag2aa', 'wcag143'], ['1.4.3']),
          tagged('label', 'critical', ['wcag2a', 'wcag412'], ['4.1.2']),
        ),
      ];
      const stored = evaluateAccessibility(old, []);
      expect(stored.violations.map((v) => `${v.rule}:${v.level}:${v.wcag21AA}`)).toEqual(['label:A:true', 'color-contrast:AA:true']);
      // The same counts as when that run was first evaluated: two serious rules, two failing, two criteria.
      expect(stored).toMatchObject({ seriousRules: 2, failingRules: 2, failedCriteria: 2, bestPracticeRules: 0, wcag22Rules: 0, wcagAAACriteria: 0 });
    });

    it('findings: serious A/AA rules as before, one per failed criterion, best practices, and every rule; SC, level and impact in words', () => {
      const m = evaluateAccessibility([page(home, colorContrast, list, scrollable, targetSize, region, headingOne)], []);
      const findings = evaluateSite({ axe: [page(home, colorContrast, list, scrollable, targetSize, region, headingOne)] }, '2026-11-21').findings;
      expect(m.seriousRules).toBe(2);
      expect(findings['accessibility.rules']!.map((f) => f.message)).toEqual([
        'help for color-contrast（color-contrast，WCAG 1.4.3，AA级，影响较重）：1/1个页面，1处',
        'help for scrollable-region-focusable（scrollable-region-focusable，WCAG 2.1.1/2.1.3，A级，影响较重）：1/1个页面，1处',
      ]);
      expect(findings['accessibility.rules']![0]).toMatchObject({ url: home, evidence: '.color-contrast-0：<i class="color-contrast-0"></i>' });
      expect(findings['accessibility.criteria']!.map((f) => f.message)).toEqual([
        '未满足WCAG成功准则 1.3.1：help for list（list，影响一般，1个页面）',
        '未满足WCAG成功准则 1.4.3：help for color-contrast（color-contrast，影响较重，1个页面）',
        '未满足WCAG成功准则 2.1.1：help for scrollable-region-focusable（scrollable-region-focusable，影响较重，1个页面）',
      ]);
      expect(findings['accessibility.bestPractices']!.map((f) => f.message)).toEqual([
        'help for page-has-heading-one（page-has-heading-one，最佳实践（非WCAG成功准则），影响一般）：1/1个页面，1处',
        'help for region（region，最佳实践（非WCAG成功准则），影响一般）：1/1个页面，1处',
      ]);
      expect(findings['accessibility.allRules']!.map((f) => f.message)).toContain(
        'help for target-size（target-size，WCAG 2.5.8，AA级（WCAG 2.2新增），影响较重）：1/1个页面，1处',
      );
      expect(findings['accessibility.allRules']).toHaveLength(6);
    });
  });
});
