import { beforeAll, describe, expect, inject, it } from 'vitest';

import type { Results } from '../../../reports/results.js';
import { type SharedAssessment, sharedAssessment, sharedIds as ids } from '../shared/shared-assessment.js';

type SiteResult = Results['sites'][number];

/**
 * The link checks and the footer furniture on the shared assessment of the six sample portals (skin 2:
 * shared/shared-assessment.ts), against their truth (portals/model/truth.ts linkChecks): jyj's hidden
 * gambling link on its article pages, rsj's homepage sending Baiduspider elsewhere, wjw's ad script, fgw's
 * article pages without 公安备案 and qxx's site without one; nothing else on any portal.
 */
describe('hidden links, hijacks, ads and footer furniture in the shared assessment', () => {
  let shared: SharedAssessment;
  const site = (id: string): SiteResult => shared.results.sites.find((s) => s.id === id)!;
  const indicator = (id: string, indicatorId: string) => site(id).indicators.find((i) => i.id === indicatorId)!;

  beforeAll(async () => {
    shared = await sharedAssessment(inject('sharedAssessmentDir'));
  }, 1_200_000);

  it('warns of every planted hidden link and hijack for V8’s reviewer, with the page, link, hiding style and selector, and of nothing else', () => {
    for (const id of ids) {
      const truth = shared.truth(id).linkChecks;
      const v8 = indicator(id, 'V8-links');
      const expected = truth.hiddenLinks.length + (truth.spiderRedirect ? 1 : 0);
      expect(v8.findings.length, `${id}: ${JSON.stringify(v8.findings)}`).toBe(expected);
      expect(v8.status, id).toBe(expected ? 'warning' : 'ok');
      for (const planted of truth.hiddenLinks) {
        const finding = v8.findings.find((f) => f.message.includes(planted.href))!;
        expect(finding.message).toContain(planted.text);
        const articles = shared.truth(id).columns.flatMap((c) => c.items.map((i) => i.url));
        expect(articles, `${id}: found on ${finding.url}`).toContain(finding.url);
        expect(finding.evidence).toMatch(new RegExp(`^隐藏方式：${planted.how}（由 .+ 隐藏）；元素：.+ > a；<a href="${planted.href}">`));
      }
      if (truth.spiderRedirect) {
        const finding = v8.findings.find((f) => f.message.startsWith('疑似劫持'))!;
        expect(finding.message).toBe(`疑似劫持：首页对百度搜索引擎爬虫（Baiduspider）跳转到站外地址 ${truth.spiderRedirect}`);
        expect(finding.evidence).toContain(`→ ${truth.spiderRedirect}`);
      }
      // An early warning, never a veto by itself.
      expect(
        site(id).vetoes.map((v) => v.indicator),
        id,
      ).not.toContain('V8-links');
    }
  });

  it('deducts for the planted ad script under D21, and for nothing on the other portals', () => {
    for (const id of ids) {
      const truth = shared.truth(id).linkChecks;
      const d21 = indicator(id, 'D21');
      expect(d21.findings.map((f) => f.message).sort(), id).toEqual(truth.adScripts.map((src) => `广告联盟脚本：${src}`).sort());
      expect(d21.score, id).toBe(3 - truth.adScripts.length);
    }
  });

  it('names each kind of page lacking the badge, ICP or 公安备案 under D22 with an example page, as planted; 网站标识码 is on every kind of page', () => {
    const kinds = { homepage: '首页', column: '栏目页', article: '文章页' } as const;
    for (const id of ids) {
      const truth = shared.truth(id).linkChecks;
      const d22 = indicator(id, 'D22');
      expect(d22.findings.map((f) => f.message).sort(), id).toEqual(
        truth.furnitureMissing.map((m) => `${kinds[m.kind]}未标注公安机关备案号（链接至 www.beian.gov.cn）`).sort(),
      );
      for (const f of d22.findings) expect(f.url, id).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(d22.score, id).toBe(2 - 0.5 * truth.furnitureMissing.length);
      expect(
        indicator(id, 'D17').findings.filter((f) => /栏目页|文章页/.test(f.message) && f.message.includes('网站标识码')),
        id,
      ).toEqual([]);
      // Loopback hosts are a test setup: the domain rules say nothing of them.
      expect(indicator(id, 'D23').findings, id).toEqual([]);
    }
  });
});
