import { describe, expect, it } from 'vitest';

import type { ColumnObservation } from '../../../evaluators/collect/observations.js';
import type { IdentityObservation } from '../../../evaluators/collect/site-features.js';
import type { FunctionsObservation } from '../../../evaluators/collect/site-functions.js';
import { evaluateIdentity } from '../../../evaluators/identity.js';

const home = 'https://www.example.gov.cn/';
const allSiteMetas = { SiteName: '某市人民政府', SiteDomain: 'www.example.gov.cn', SiteIDCode: '3701000001' };

function identity(footerText: string, metas: Record<string, string> = allSiteMetas): IdentityObservation {
  return { url: home, footerText, metas, lang: 'zh-CN' };
}

/** A site whose functions all work; `o` changes one part. */
function functions(o: Partial<FunctionsObservation> = {}): FunctionsObservation {
  return {
    search: { present: true, query: '关于开展安全检查的通知', resultsUrl: `${home}search?q=x`, status: 200, found: true, error: null },
    elderly: { entries: [{ text: '长者模式', href: '#' }], toolbar: true },
    mobile: { viewportMeta: 'width=device-width, initial-scale=1', scrollWidth: 375, width: 375 },
    article: { url: `${home}art/1.html`, metas: { ArticleTitle: '标题', PubDate: '2026-11-20', ContentSource: '办公室' } },
    https: true,
    ...o,
  };
}

function column(columnNameMeta: string | null): ColumnObservation {
  return {
    url: `${home}gzdt/`,
    name: '工作动态',
    nameSource: 'link',
    columnNameMeta,
    pages: [`${home}gzdt/`],
    items: [],
    blank: false,
    placeholder: null,
    truncated: false,
    screenshot: null,
    fragment: null,
  };
}

describe('evaluateIdentity: 网站标识码', () => {
  it('reads a 10-digit code from the footer, with or without a colon', () => {
    for (const footer of ['网站标识码：3701000001 京ICP备12345678号', '网站标识码3701000001', '网站标识码: 3701000001']) {
      const m = evaluateIdentity(identity(footer), functions(), [column('工作动态')]);
      expect(m).toMatchObject({ siteIdCode: '3701000001', footerShowsIdCode: true, siteIdCodeValid: true });
    }
  });

  it('accepts a ministry code (bm + 8 digits)', () => {
    expect(evaluateIdentity(identity('网站标识码 bm01000001'), functions(), []).siteIdCodeValid).toBe(true);
  });

  it('does not take 11 digits for a code, and falls back to the meta without crediting the footer', () => {
    const m = evaluateIdentity(identity('网站标识码37010000012'), functions(), [column('工作动态')]);
    expect(m).toMatchObject({ siteIdCode: '3701000001', footerShowsIdCode: false, siteIdCodeMeta: '3701000001', siteIdCodeValid: true });
    // Every meta is there: the one missing thing is the footer's code.
    expect(m.missingMeta).toEqual([]);
    expect(m.counts.identityMissing).toBe(1);
  });

  it('marks 10 letters as a code shown but not valid', () => {
    const m = evaluateIdentity(identity('网站标识码ABCDEFGHIJ', {}), functions(), []);
    expect(m).toMatchObject({ siteIdCode: 'ABCDEFGHIJ', footerShowsIdCode: true, siteIdCodeValid: false });
  });

  it('reads the ICP and 公安备案 numbers', () => {
    const m = evaluateIdentity(identity('网站标识码3701000001 京ICP备12345678号-1 京公网安备 11010502030143号'), functions(), []);
    expect([m.icp, m.police]).toEqual(['京ICP备12345678号-1', '京公网安备 11010502030143号']);
    expect(evaluateIdentity(identity('版权所有'), functions(), [])).toMatchObject({ icp: null, police: null });
  });

  it('reads the filing numbers as other footers write them: a colon, spaces, no 号, the looser 公网备案号', () => {
    const cases: Array<[string, string | null, string | null]> = [
      ['冀ICP备:10000000号 冀公网备案号13040202000123', '冀ICP备:10000000号', '冀公网备案号13040202000123'],
      ['ICP备案号：京ICP备 05070218号 - 2 京公网安备：11010502030143号', '京ICP备 05070218号 - 2', '京公网安备：11010502030143号'],
      ['苏ICP备12345678 苏公网安备 32010202000001', '苏ICP备12345678', '苏公网安备 32010202000001'],
      // A licence (ICP证) is not a filing, and a 公网安备 without its digits is no number.
      ['京ICP证030173号 京公网安备号', null, null],
    ];
    for (const [footer, icp, police] of cases)
      expect([evaluateIdentity(identity(footer), functions(), []).icp, evaluateIdentity(identity(footer), functions(), []).police], footer).toEqual([
        icp,
        police,
      ]);
  });
});

describe('evaluateIdentity: page metadata', () => {
  it('lists missing site metas, ColumnName when no column has it, and article metas when an article was read', () => {
    const m = evaluateIdentity(
      identity('网站标识码3701000001', { SiteName: '某市人民政府' }),
      functions({ article: { url: `${home}art/1.html`, metas: { ArticleTitle: '标题' } } }),
      [column(null), column(null)],
    );
    expect(m.missingMeta).toEqual(['SiteDomain', 'SiteIDCode', 'ColumnName', 'PubDate', 'ContentSource']);
    expect(m.meta).toEqual({ site: false, column: false, article: false });
    expect([m.columnNameMetaOn, m.columns]).toEqual([0, 2]);
    // 5 metas missing, the footer shows its code: 5.
    expect(m.counts.identityMissing).toBe(5);
  });

  it('does not ask for article metas when no article was read, nor credit them', () => {
    const m = evaluateIdentity(identity('网站标识码3701000001'), functions({ article: null }), [column('工作动态'), column(null)]);
    expect(m.missingMeta).toEqual([]);
    expect(m.meta).toEqual({ site: true, column: true, article: false });
    expect(m.columnNameMetaOn).toBe(1);
    expect(m.counts.identityMissing).toBe(0);
  });

  it('without an identity observation (not collected) misses the three site metas, ColumnName and the footer code', () => {
    const m = evaluateIdentity(null, functions({ article: null }), []);
    expect(m).toMatchObject({ siteIdCode: null, footerShowsIdCode: false, siteIdCodeValid: false, icp: null });
    expect(m.missingMeta).toEqual(['SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName']);
    expect(m.counts.identityMissing).toBe(5); // 4 metas + the footer code
  });
});

describe('evaluateIdentity: site search', () => {
  const search = (s: Partial<FunctionsObservation['search']>) =>
    evaluateIdentity(identity('网站标识码3701000001'), functions({ search: { ...functions().search, ...s } }), []);

  it('works when the recent article was found', () => {
    const m = search({});
    expect([m.search, m.counts.searchAbsent, m.counts.searchBroken]).toEqual(['works', 0, 0]);
    expect([m.searchQuery, m.searchUrl]).toEqual(['关于开展安全检查的通知', `${home}search?q=x`]);
  });

  it('is broken when present but the article was not found', () => {
    const m = search({ found: false, error: 'http-500' });
    expect([m.search, m.counts.searchAbsent, m.counts.searchBroken]).toEqual(['broken', 0, 1]);
  });

  it('is untested, not broken, when there was nothing to search for or the search did not answer: not measured (null)', () => {
    for (const m of [search({ query: null, found: null, resultsUrl: null }), search({ found: null, error: 'timeout' })]) {
      expect([m.search, m.counts.searchAbsent, m.counts.searchBroken]).toEqual(['untested', 0, null]);
    }
  });

  it('is absent without a search box, whatever else was recorded', () => {
    const m = search({ present: false, found: null, query: null, resultsUrl: null });
    expect([m.search, m.counts.searchAbsent, m.counts.searchBroken]).toEqual(['absent', 1, 0]);
  });
});

describe('evaluateIdentity: 适老化, mobile and HTTPS', () => {
  it('counts no elderly entry as 1 missing', () => {
    const m = evaluateIdentity(identity(''), functions({ elderly: { entries: [], toolbar: false } }), []);
    expect([m.elderlyMode, m.elderlyToolbar, m.counts.elderlyMissing]).toEqual([false, false, 1]);
  });

  it('allows 4 pixels of overflow on a 375-pixel phone: 379 does not scroll, 380 does', () => {
    const mobile = (scrollWidth: number | null) =>
      evaluateIdentity(identity(''), functions({ mobile: { viewportMeta: 'width=device-width', scrollWidth, width: 375 } }), []);
    expect(mobile(379)).toMatchObject({ horizontalScroll: false, counts: { mobileProblems: 0 } });
    expect(mobile(380)).toMatchObject({ horizontalScroll: true, counts: { mobileProblems: 1 } });
  });

  it('a phone page that could not be loaded is not measured, with why: neither scrolling nor a missing viewport', () => {
    const m = evaluateIdentity(identity(''), functions({ mobile: { viewportMeta: null, scrollWidth: null, width: 375, error: 'timeout' } }), []);
    expect(m.horizontalScroll).toBeNull();
    expect([m.mobileError, m.counts.mobileProblems]).toEqual(['timeout', null]);
    // A run stored before failures were recorded: no width read is the same failure, its reason unknown.
    const older = evaluateIdentity(identity(''), functions({ mobile: { viewportMeta: null, scrollWidth: null, width: 375 } }), []);
    expect([older.mobileError, older.counts.mobileProblems]).toEqual(['error', null]);
  });

  it('needs width=device-width in the viewport: a fixed width plus overflow is 2 problems', () => {
    const m = evaluateIdentity(identity(''), functions({ mobile: { viewportMeta: 'width=1200', scrollWidth: 1200, width: 375 } }), []);
    expect([m.viewportMeta, m.horizontalScroll, m.counts.mobileProblems]).toEqual([false, true, 2]);
  });

  it('counts plain HTTP', () => {
    expect(evaluateIdentity(identity(''), functions({ https: false }), []).counts.notHttps).toBe(1);
    expect(evaluateIdentity(identity(''), functions(), []).counts.notHttps).toBe(0);
  });
});
