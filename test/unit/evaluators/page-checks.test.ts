import { describe, expect, it } from 'vitest';

import { type PageCheckArea, type PageCheckIssue, type PageCheckResult, uncheckedPage } from '../../../evaluators/collect/page-checks.js';
import { evaluateSite } from '../../../evaluators/evaluate-site.js';
import { evaluatePageChecks, meta, pageCheckFindings, titleIssues } from '../../../evaluators/page-checks.js';
import { measurementEntry } from '../../../evaluators/registry/measurements.js';

const home = 'https://jyj.example.gov.cn/';
const column = 'https://jyj.example.gov.cn/jyyw/';
const channel = 'https://jyj.example.gov.cn/channel/g1/';
const article = 'https://jyj.example.gov.cn/jyyw/t1.html';

function page(url: string, role: PageCheckResult['role'], title: string, ...issues: PageCheckIssue[]): PageCheckResult {
  return {
    url,
    role,
    ms: 100,
    title,
    bypass: { skipLink: false, main: true, headings: 2 },
    keyboard: { presses: 30, stops: 29, ended: 'end', order: [] },
    reflowWidth: 320,
    textZoom: { boxes: 4 },
    issues,
    notChecked: [],
  };
}
const issue = (check: PageCheckIssue['check'], count: number, selector = `.${check}`): PageCheckIssue => ({
  check,
  count,
  examples: [{ selector, html: `<div class="${check}"></div>` }],
});

describe('page checks evaluator', () => {
  it('declares what it needs', () => {
    expect(meta).toEqual({ id: 'pageChecks', version: '1', needs: ['pageChecks'] });
  });

  it('counts a template defect once per check with its pages and elements; advisories are listed last and not counted', () => {
    const m = evaluatePageChecks([
      page(home, 'homepage', '江临市教育局', issue('mouse-only', 1), issue('keyboard-trap', 3), issue('new-window', 12)),
      page(column, 'page', '教育要闻_江临市教育局', issue('mouse-only', 1), issue('focus-not-visible', 40)),
      page(article, 'article', '关于开学的通知_江临市教育局', issue('mouse-only', 2)),
    ]);
    expect(m.pagesChecked).toBe(3);
    expect(m.failures.map((f) => [f.check, f.pages, f.elements, f.advisory])).toEqual([
      ['mouse-only', 3, 4, false],
      ['focus-not-visible', 1, 40, false],
      ['keyboard-trap', 1, 3, false],
      ['new-window', 1, 12, true],
    ]);
    // mouse-only 2.1.1, focus 2.4.7, trap 2.1.2: three A/AA checks, three criteria; new windows (3.2.5, AAA) not counted.
    expect([m.failingChecks, m.failingCriteria, m.pagesWithFailures]).toEqual([3, 3, 3]);
    expect(m.failures[0]).toMatchObject({ wcag: ['2.1.1'], level: 'A', urls: [home, column, article] });
    expect(m.failures[0]!.examples[0]).toEqual({ url: home, selector: '.mouse-only', html: '<div class="mouse-only"></div>', detail: null });
    expect(m.msPerPage).toBe(100);
  });

  it('groups the failing pages by URL template, with the element and what was measured there', () => {
    const second = 'https://jyj.example.gov.cn/jyyw/t2.html';
    const m = evaluatePageChecks([
      page(home, 'homepage', '江临市教育局', issue('reflow', 1)),
      page(article, 'article', '关于开学的通知_江临市教育局', { ...issue('reflow', 1, '.wrap'), detail: '页面宽 1200 像素' }),
      page(second, 'article', '关于放假的通知_江临市教育局', issue('reflow', 1)),
    ]);
    // Pages are taken homepage first, then by role and URL: the home template first met, the articles' template has two pages.
    expect(m.failures[0]!.templates).toEqual([
      {
        template: 'jyj.example.gov.cn/jyyw/t#.html?',
        url: article,
        pages: 2,
        example: { selector: '.wrap', html: '<div class="reflow"></div>', detail: '页面宽 1200 像素' },
      },
      { template: 'jyj.example.gov.cn/?', url: home, pages: 1, example: { selector: '.reflow', html: '<div class="reflow"></div>', detail: null } },
    ]);
  });

  it('nothing found on clean pages is zero failures, not "not measured"', () => {
    const m = evaluatePageChecks([page(home, 'homepage', '江临市教育局'), page(column, 'page', '教育要闻_江临市教育局')]);
    expect([m.pagesChecked, m.failingChecks, m.failingCriteria, m.pagesWithFailures, m.failures.length]).toEqual([2, 0, 0, 0, 0]);
    expect(pageCheckFindings(m)).toEqual({ 'pageChecks.failures': [] });
  });

  it('judges titles across pages: empty, the homepage title alone, one title on pages of different kinds', () => {
    const pages = [
      page(home, 'homepage', '江临市教育局'),
      page(channel, 'page', '江临市教育局'),
      page(column, 'page', '通知公告'),
      page(article, 'article', '通知公告'),
      page('https://jyj.example.gov.cn/a/', 'page', ''),
      // Two columns of one kind sharing a name are left alone.
      page('https://jyj.example.gov.cn/b/', 'page', '工作动态_江临市教育局'),
      page('https://jyj.example.gov.cn/c/', 'page', '工作动态_江临市教育局'),
    ];
    expect(titleIssues(pages).map(([p, i]) => [p.url, i.detail])).toEqual([
      [channel, '与首页标题相同（只有网站名称）'],
      [column, '与另一类页面使用同一标题'],
      [article, '与另一类页面使用同一标题'],
      ['https://jyj.example.gov.cn/a/', '标题为空'],
    ]);
    const m = evaluatePageChecks(pages);
    expect(m.failures.map((f) => [f.check, f.pages, f.wcag])).toEqual([['page-title', 4, ['2.4.2']]]);
  });

  it('records pages the checks could not run on as not checked, neither passed nor failed', () => {
    const partly = { ...page(column, 'page', '教育要闻_江临市教育局'), keyboard: null, notChecked: [{ area: 'keyboard' as const, reason: 'timeout' }] };
    const m = evaluatePageChecks([page(home, 'homepage', '江临市教育局'), partly, uncheckedPage(article, 'article', 0, 'axe-unfinished')]);
    expect([m.pagesChecked, m.pagesPartlyChecked, m.pagesNotChecked]).toEqual([2, 1, 1]);
    expect(m.notChecked).toEqual([
      { url: column, area: 'keyboard', reason: 'timeout' },
      { url: article, area: 'markup', reason: 'axe-unfinished' },
      { url: article, area: 'motion', reason: 'axe-unfinished' },
      { url: article, area: 'keyboard', reason: 'axe-unfinished' },
      { url: article, area: 'reflow', reason: 'axe-unfinished' },
      { url: article, area: 'zoom', reason: 'axe-unfinished' },
    ]);
    expect(pageCheckFindings(m)['pageChecks.failures']!.at(-1)!.message).toBe('2个页面的部分检查未能完成（视为未检查）');
  });

  it('a page is checked when any part ran; a result stored before the text zoom has no zoom part to miss', () => {
    const older = (url: string, areas: PageCheckArea[]) => {
      const { textZoom: _, ...rest } = { ...page(url, 'page', '通知公告'), notChecked: areas.map((area) => ({ area, reason: 'timeout' })) };
      return rest;
    };
    const onlyZoom = {
      ...page(article, 'article', '关于开学的通知_江临市教育局'),
      notChecked: ['markup', 'keyboard', 'reflow'].map((area) => ({ area: area as PageCheckArea, reason: 'timeout' })),
    };
    const m = evaluatePageChecks([older(home, ['markup', 'keyboard', 'reflow']), older(column, ['keyboard', 'reflow']), onlyZoom]);
    expect([m.pagesChecked, m.pagesPartlyChecked, m.pagesNotChecked]).toEqual([2, 2, 1]);
  });

  it('a page is checked when any part ran; a result stored before the motion area has no motion part to count', () => {
    const threeNotRun = (['markup', 'keyboard', 'reflow'] as const).map((area) => ({ area, reason: 'timeout' }));
    // Stored before both the motion and the text-zoom areas: neither is there to count.
    const { textZoom: _zoom, ...older } = { ...page(article, 'article', '关于开学的通知_江临市教育局'), notChecked: threeNotRun };
    const onlyMotion = {
      ...page(column, 'page', '教育要闻_江临市教育局'),
      motion: { watchedMs: 1200, movers: 0, media: 0 },
      notChecked: [...threeNotRun, { area: 'zoom' as const, reason: 'timeout' }],
    };
    const m = evaluatePageChecks([page(home, 'homepage', '江临市教育局'), older, onlyMotion]);
    expect([m.pagesChecked, m.pagesPartlyChecked, m.pagesNotChecked]).toEqual([2, 1, 1]);
  });

  it('keeps what a check only suspects apart: listed for a reviewer, not a failure', () => {
    const suspectedAudio = { ...issue('audio-autoplay', 1, 'body > video'), detail: '疑似：设有 autoplay', suspected: true as const };
    const m = evaluatePageChecks([
      page(home, 'homepage', '江临市教育局', issue('moving-content', 1, '#notice'), suspectedAudio),
      page(column, 'page', '教育要闻_江临市教育局', suspectedAudio),
    ]);
    expect(m.failures.map((f) => f.check)).toEqual(['moving-content']);
    expect(m.suspected!.map((f) => [f.check, f.pages, f.elements, f.wcag])).toEqual([['audio-autoplay', 2, 2, ['1.4.2']]]);
    expect([m.failingChecks, m.failingCriteria, m.pagesWithFailures]).toEqual([1, 1, 1]);
    expect(pageCheckFindings(m)['pageChecks.failures']!.map((f) => f.message)).toEqual([
      '自动移动、滚动、轮换或更新的内容（轮播图、滚动公告、飘窗等）没有暂停、停止或隐藏的控件（WCAG 2.2.2，A级）：1/2个页面，1处',
      '疑似：自动播放超过3秒的声音，没有暂停、停止、静音或调节音量的控件（WCAG 1.4.2，A级）：2/2个页面，2处，待人工复核',
    ]);
  });

  it('a URL checked twice is one page: the run that got furthest counts', () => {
    const m = evaluatePageChecks([uncheckedPage(home, 'homepage', 0, 'timeout'), page(home, 'homepage', '江临市教育局', issue('reflow', 2))]);
    expect([m.pagesChecked, m.pagesNotChecked, m.failures[0]!.pages]).toEqual([1, 0, 1]);
  });

  it('writes one finding per check with its criterion, level, pages and an example element', () => {
    const m = evaluatePageChecks([
      page(home, 'homepage', '江临市教育局', { ...issue('keyboard-trap', 3, '#slide-ctrl > button'), detail: 'focus cycles among 3 element(s)' }),
      page(column, 'page', '教育要闻_江临市教育局', issue('new-window', 2, 'a')),
    ]);
    expect(pageCheckFindings(m)['pageChecks.failures']).toEqual([
      {
        subject: 'page-check:keyboard-trap',
        message: '键盘陷阱：焦点被困在某个组件中，无法用Tab键离开（WCAG 2.1.2，A级）：1/2个页面，3处',
        url: home,
        evidence: '#slide-ctrl > button：<div class="keyboard-trap"></div>：focus cycles among 3 element(s)',
      },
      {
        subject: 'page-check:new-window',
        message: '在新窗口打开链接而未提示（建议项）（WCAG 3.2.5，AAA级，建议项）：1/2个页面，2处',
        url: column,
        evidence: 'a：<div class="new-window"></div>',
      },
    ]);
  });

  it('is measured through evaluateSite only when a page was checked; the registry reads its numbers', () => {
    expect(evaluateSite({}, '2026-11-21').measurements.pageChecks).toBeNull();
    expect(evaluateSite({ pageChecks: [uncheckedPage(home, 'homepage', 0, 'timeout')] }, '2026-11-21').measurements.pageChecks).toBeNull();
    const { measurements, findings } = evaluateSite({ pageChecks: [page(home, 'homepage', '江临市教育局', issue('bypass', 1))] }, '2026-11-21');
    expect(measurementEntry('pageChecks.failingChecks').read(measurements)).toBe(1);
    expect(measurementEntry('pageChecks.failingCriteria').read(measurements)).toBe(1);
    expect(measurementEntry('pageChecks.pagesWithFailures').read(measurements)).toBe(1);
    expect(findings['pageChecks.failures']).toHaveLength(1);
  });
});
