import { describe, expect, it } from 'vitest';

import type { AccessibilityViolation } from '../../../evaluators/accessibility.js';
import type { PageCheckFailure } from '../../../evaluators/page-checks.js';
import { axeRuleFixes, fixFor, pageCheckFixes } from '../../../reports/a11y-fixes.js';
import { accessibilitySection, groupAccessibility, templateLabel } from '../../../reports/a11y-section.js';
import type { ResultsObservations } from '../../../reports/results.js';

const site = 'https://jyj.example.gov.cn';
const art1 = `${site}/jyyw/202401/t20240105_11.html`;
const art2 = `${site}/jyyw/202403/t20240311_27.html`;
const column = `${site}/xxgk/`;
const articles = 'jyj.example.gov.cn/jyyw/#/t#_#.html?';
const columns = 'jyj.example.gov.cn/xxgk/?';

type Violation = NonNullable<ResultsObservations['accessibility']>['violations'][number];

function violation(rule: string, o: Partial<AccessibilityViolation>): Violation {
  return { rule, impact: 'serious', level: 'A', wcag21AA: true, pages: 1, nodes: 1, wcag: [], help: `${rule} 的说明`, urls: [], examples: [], ...o };
}

function failure(check: PageCheckFailure['check'], o: Partial<PageCheckFailure>): PageCheckFailure {
  return { check, wcag: [], level: 'A', advisory: false, zh: `${check} 的说明`, pages: 1, elements: 1, urls: [], examples: [], ...o };
}

function observations(violations: Violation[], failures: PageCheckFailure[]): Pick<ResultsObservations, 'accessibility' | 'pageChecks'> {
  return {
    accessibility: {
      pagesScanned: 3,
      pagesUnfinished: 0,
      unfinishedUrls: [],
      seriousRules: 0,
      failingRules: 0,
      failedCriteria: 0,
      seriousRulesAnyLevel: 0,
      failingRulesAnyLevel: 0,
      wcag22Rules: 0,
      wcagAAACriteria: 0,
      bestPracticeRules: 0,
      violations,
      lighthouse: [],
    },
    pageChecks: {
      pagesChecked: 3,
      pagesPartlyChecked: 0,
      pagesNotChecked: 0,
      notChecked: [],
      failures,
      failingChecks: 0,
      failingCriteria: 0,
      pagesWithFailures: 0,
      msPerPage: 100,
    },
  };
}

/**
 * Two article pages of one template and a column page; image-alt (1.1.1, critical) on all three, contrast
 * (1.4.3) on the column page, a best practice (region), the radio-group check (1.3.1 and 3.3.2) and the
 * advisory new-window check (3.2.5).
 */
const sample = observations(
  [
    violation('region', {
      impact: 'moderate',
      level: 'best-practice',
      wcag21AA: false,
      pages: 3,
      nodes: 5,
      templates: [
        { template: articles, url: art1, pages: 2, example: null },
        { template: columns, url: column, pages: 1, example: null },
      ],
    }),
    violation('color-contrast', {
      level: 'AA',
      wcag: ['1.4.3'],
      pages: 1,
      nodes: 4,
      templates: [{ template: columns, url: column, pages: 1, example: { target: '.nav > a', html: '<a href="/">首页</a>' } }],
    }),
    violation('image-alt', {
      impact: 'critical',
      wcag: ['1.1.1'],
      pages: 3,
      nodes: 7,
      templates: [
        { template: articles, url: art1, pages: 2, example: { target: '#content img', html: '<img src="a.png">' } },
        { template: columns, url: column, pages: 1, example: { target: '.banner img', html: '<img src="b.png">' } },
      ],
    }),
  ],
  [
    failure('group-without-name', {
      wcag: ['1.3.1', '3.3.2'],
      templates: [{ template: columns, url: column, pages: 1, example: { selector: '#form .sex', html: '<div class="sex">', detail: null } }],
    }),
    failure('new-window', { wcag: ['3.2.5'], level: 'AAA', advisory: true, pages: 2, templates: [{ template: articles, url: art2, pages: 2, example: null }] }),
  ],
);

describe('accessibility findings by criterion and template', () => {
  it('groups by criterion in number order, best practices then advisory items last; each rule under its first criterion', () => {
    const groups = groupAccessibility(sample);
    expect(groups.map((g) => [g.kind, g.label, g.level, g.items.map((i) => i.id), g.alsoFailing.map((i) => i.id)])).toEqual([
      ['criterion', '1.1.1 非文本内容', 'A', ['image-alt'], []],
      ['criterion', '1.3.1 信息和关系', 'A', ['group-without-name'], []],
      ['criterion', '1.4.3 对比度（最低）', 'AA', ['color-contrast'], []],
      ['criterion', '3.3.2 标签或说明', 'A', [], ['group-without-name']],
      ['best-practice', '最佳实践', null, ['region'], []],
      ['advisory', '3.2.5 请求时变化', 'AAA', ['new-window'], []],
    ]);
  });

  it('lists the failing pages of a rule by template, named by the first page, with the pages counted and the element', () => {
    const [imageAlt] = groupAccessibility(sample)[0]!.items;
    expect(imageAlt).toMatchObject({ source: 'axe', impact: 'critical', level: 'A', pages: 3, elements: 7, pagesElsewhere: 0 });
    expect(imageAlt!.templates).toEqual([
      { template: articles, url: art1, pages: 2, element: { selector: '#content img', html: '<img src="a.png">', detail: null } },
      { template: columns, url: column, pages: 1, element: { selector: '.banner img', html: '<img src="b.png">', detail: null } },
    ]);
    expect(imageAlt!.fix).toMatchObject({ text: axeRuleFixes['image-alt'], generic: false });
    const check = groupAccessibility(sample)[1]!.items[0]!;
    expect(check).toMatchObject({
      source: 'check',
      impact: null,
      criteria: ['1.3.1', '3.3.2'],
      fix: { text: pageCheckFixes['group-without-name'], generic: false, helpUrl: null },
    });
  });

  it('groups the pages listed by results written before templates were recorded, and counts the pages not listed', () => {
    const old = observations(
      [
        violation('image-alt', {
          wcag: ['1.1.1'],
          pages: 8,
          nodes: 9,
          urls: [art1, column, art2],
          examples: [{ url: column, target: '.logo', html: '<img class="logo">' }],
        }),
      ],
      [],
    );
    const [item] = groupAccessibility(old)[0]!.items;
    expect(item!.templates).toEqual([
      { template: articles, url: art1, pages: 2, element: null },
      { template: columns, url: column, pages: 1, element: { selector: '.logo', html: '<img class="logo">', detail: null } },
    ]);
    expect(item!.pagesElsewhere).toBe(5);
  });

  it('shows the template as the shape of its URLs', () => {
    expect(templateLabel(articles)).toBe('/jyyw/*/t*_*.html');
    expect(templateLabel('jyj.example.gov.cn/list.jsp?channel&page')).toBe('/list.jsp?channel=*&page=*');
  });

  it('renders criteria, rules, templates, elements and fixes; nothing when accessibility was not checked', () => {
    const out = accessibilitySection(sample).value;
    expect(out).toContain('<h2>无障碍问题与整改方法</h2>');
    // By hand: 1.1.1, 1.3.1, 1.4.3 and 3.3.2 fail at A/AA, by three rules or checks (image-alt, contrast, the radio group).
    expect(out).toContain('4 条成功准则未通过，3 项规则或检查；另有最佳实践 1 项；建议项 1 项');
    expect(out).toContain('<td>3.2.5 请求时变化（建议项）</td><td><a href="#a11y-check-new-window">');
    expect(out.indexOf('1.1.1 非文本内容')).toBeLessThan(out.indexOf('1.4.3 对比度（最低）'));
    expect(out.indexOf('1.4.3 对比度（最低）')).toBeLessThan(out.indexOf('最佳实践，不属于成功准则'));
    expect(out.indexOf('最佳实践，不属于成功准则')).toBeLessThan(out.indexOf('建议项（AAA级）'));
    expect(out).toContain(`<a href="${art1}" rel="noopener noreferrer">${art1}</a>`);
    expect(out).toContain('模板：/jyyw/*/t*_*.html');
    expect(out).toContain('<code class="selector">#content img</code><pre class="snippet"><code>&lt;img src=&quot;a.png&quot;&gt;</code></pre>');
    expect(out).toContain(`整改方法：${axeRuleFixes['image-alt']!.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}`);
    expect(out).toContain('<h3>3.2.5 请求时变化 <span class="tag advisory">建议项（AAA级）</span></h3>');
    expect(accessibilitySection({}).value).toBe('');
    expect(accessibilitySection(observations([], [])).value).toContain('自动检测未发现无障碍问题');
  });

  it('escapes hostile selectors, markup, details and URLs from crawled pages', () => {
    const evil = observations(
      [
        violation('image-alt', {
          wcag: ['1.1.1'],
          templates: [
            {
              template: 'x"><script>alert(1)</script>',
              url: 'javascript:alert(1)',
              pages: 1,
              example: { target: 'a[href="x"]"><script>alert(2)</script>', html: '<img src=x onerror=alert(3)></pre><script>alert(4)</script>' },
            },
          ],
        }),
      ],
      [
        failure('reflow', {
          wcag: ['1.4.10'],
          zh: '<b>重排</b>',
          templates: [
            {
              template: 'x',
              url: 'https://a.gov.cn/"onmouseover="alert(5)',
              pages: 1,
              example: { selector: '<svg onload=alert(6)>', html: '', detail: '</span><script>alert(7)</script>' },
            },
          ],
        }),
      ],
    );
    const out = accessibilitySection(evil).value;
    expect(out).not.toMatch(/<script|<img|<svg|<b>|href="javascript/i);
    expect(out).toContain('a[href=&quot;x&quot;]&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(3)&gt;&lt;/pre&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
    expect(out).toContain('&lt;/span&gt;&lt;script&gt;alert(7)&lt;/script&gt;');
    expect(out).toContain('href="https://a.gov.cn/&quot;onmouseover=&quot;alert(5)"');
    expect(out).toContain('javascript:alert(1)'); // shown as text, not a link
  });
});

describe('整改方法', () => {
  it('has a fix for the common rules on government sites and for every browser check', () => {
    const rules = [
      'image-alt',
      'link-name',
      'label',
      'color-contrast',
      'html-has-lang',
      'document-title',
      'frame-title',
      'button-name',
      'heading-order',
      'region',
      'landmark-one-main',
      'list',
      'listitem',
      'duplicate-id',
      'aria-valid-attr',
      'aria-hidden-focus',
      'meta-viewport',
    ];
    for (const r of rules) expect(fixFor('axe', r, '').generic, r).toBe(false);
    const checks = [
      'keyboard-trap',
      'mouse-only',
      'focus-not-visible',
      'reflow',
      'text-zoom',
      'bypass',
      'page-title',
      'group-without-name',
      'placeholder-only',
      'change-on-focus',
      'change-on-input',
      'new-window',
    ];
    for (const c of checks) expect(fixFor('check', c, '').generic, c).toBe(false);
  });

  it('falls back to the rule help text and axe-core’s page on the rule', () => {
    expect(fixFor('axe', 'svg-unknown-rule', '确保 SVG 有可读名称。')).toEqual({
      text: '按规则要求修改：确保 SVG 有可读名称。具体做法见该规则的说明页面。',
      generic: true,
      helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/svg-unknown-rule',
    });
    expect(fixFor('check', 'new-check', '某项检查')).toEqual({ text: '按规则要求修改：某项检查。', generic: true, helpUrl: null });
    // A rule id that is a property of every object is not a fix.
    expect(fixFor('axe', 'constructor', '').generic).toBe(true);
    expect(fixFor('axe', 'image-alt', '').helpUrl).toBe('https://dequeuniversity.com/rules/axe/4.14/image-alt');
  });

  it('shows the generic fix with a link to the rule page', () => {
    const out = accessibilitySection(observations([violation('svg-unknown-rule', { wcag: ['1.1.1'], help: '确保 SVG 有可读名称' })], [])).value;
    expect(out).toContain(
      '整改方法：按规则要求修改：确保 SVG 有可读名称。具体做法见该规则的说明页面。（<a href="https://dequeuniversity.com/rules/axe/4.14/svg-unknown-rule" rel="noopener noreferrer">规则说明</a>）',
    );
  });
});

describe('what a check only suspects', () => {
  // Audio that may play by itself (the browser held media back) on two pages: for a person to confirm.
  const withSuspected = observations(
    [],
    [
      failure('audio-autoplay', {
        wcag: ['1.4.2'],
        pages: 2,
        elements: 2,
        templates: [{ template: articles, url: art1, pages: 2, example: { selector: 'video.promo', html: '<video autoplay>', detail: null } }],
      }),
    ],
  );
  withSuspected.pageChecks!.suspected = withSuspected.pageChecks!.failures;
  withSuspected.pageChecks!.failures = [];

  it('is listed apart, after everything else, under its criterion and marked, and fails no criterion', () => {
    const groups = groupAccessibility(withSuspected);
    expect(groups.map((g) => [g.kind, g.label, g.items.map((i) => [i.id, i.suspected])])).toEqual([
      ['suspected', '1.4.2 音频控制', [['audio-autoplay', true]]],
    ]);
    const section = accessibilitySection(withSuspected).toString();
    expect(section).toContain('WCAG 2.x A/AA级：0 条成功准则未通过，0 项规则或检查；疑似问题 1 项（检测无法确定，请人工确认）。');
    expect(section).toContain('疑似，待人工确认，不计入未通过');
    expect(section).toContain('2 个页面、2 处疑似未通过');
    expect(section).toContain('<code class="selector">video.promo</code>');
  });
});
