import { describe, expect, it } from 'vitest';

import { evaluateAccessibility, meta } from '../../../evaluators/accessibility.js';
import { type AxePageResult, type AxeViolation, successCriteria, unfinishedScan } from '../../../evaluators/collect/axe.js';
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
    expect(meta).toEqual({ id: 'accessibility', version: '1', needs: ['axe', 'lighthouse'] });
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
    const none = { pagesUnfinished: 0, unfinishedUrls: [] };
    expect(evaluateAccessibility([], [])).toEqual({ pagesScanned: 0, ...none, violations: [], seriousRules: 0, failingRules: 0, lighthouse: [] });
    expect(evaluateAccessibility([page(home)], lighthouse)).toEqual({ pagesScanned: 1, ...none, violations: [], seriousRules: 0, failingRules: 0, lighthouse });
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

  it('reads WCAG success criteria from axe tags', () => {
    expect(successCriteria(['cat.color', 'wcag2aa', 'wcag143', 'wcag21aa', 'wcag1412', 'wcag111', 'EN-9.1.4.3', 'ACT'])).toEqual(['1.4.3', '1.4.12', '1.1.1']);
  });
});
