import { describe, expect, it } from 'vitest';

import { type CheckedLink, isBroken, type LinkResult } from '../../../evaluators/collect/link-check.js';
import { evaluateLinks } from '../../../evaluators/links.js';

const home = 'https://www.example.gov.cn/';

function link(url: string, result: LinkResult, status: number | null, foundOn: string[]): CheckedLink {
  return { url, finalUrl: url, status, result, broken: isBroken(result), permanent: false, ms: 5, foundOn, kind: 'link' };
}

describe('evaluateLinks', () => {
  it('counts broken links on the homepage and elsewhere, blocked ones apart', () => {
    const article = 'https://www.example.gov.cn/zwyw/t20261103_1.html';
    const m = evaluateLinks(
      [
        link('https://www.example.gov.cn/a.html', 'ok', 200, [home]),
        link('https://www.example.gov.cn/old/', 'http-4xx', 404, [home, article]),
        link('https://www.example.gov.cn/count.jsp', 'http-5xx', 500, [article]),
        link('http://127.0.0.1:9/', 'refused', null, [article]),
        link('https://waf.example.gov.cn/', 'blocked-by-waf', 412, [home]),
        link('mailto:zfb@example.gov.cn', 'unsupported-scheme', null, [home]),
      ],
      home,
    );
    expect(m.checked).toBe(5);
    // The homepage's first, then by address: the order links finished checking in is chance.
    expect(m.broken.map((b) => b.url)).toEqual(['https://www.example.gov.cn/old/', 'http://127.0.0.1:9/', 'https://www.example.gov.cn/count.jsp']);
    expect(m.broken[0]).toEqual({ url: 'https://www.example.gov.cn/old/', status: 404, result: 'http-4xx', foundOn: [home, article], onHomepage: true });
    expect(m.brokenOnHomepage).toBe(1);
    expect(m.brokenElsewhere).toBe(2);
    expect(m.blocked).toBe(1);
  });

  it('lists broken links in the same order whatever order they were checked in', () => {
    const article = 'https://www.example.gov.cn/bsfw/guide_10.html';
    const checked = [
      link('https://www.example.gov.cn/apply?item=10', 'http-4xx', 404, [article, 'https://www.example.gov.cn/bsfw/guide_9.html']),
      link('https://www.example.gov.cn/apply?item=9', 'http-4xx', 404, [article]),
      link('https://www.example.gov.cn/gone', 'http-4xx', 404, [home]),
    ];
    const forward = evaluateLinks(checked, home).broken;
    expect(evaluateLinks([...checked].reverse(), home).broken).toEqual(forward);
    expect(forward.map((b) => b.url)).toEqual([
      'https://www.example.gov.cn/gone',
      'https://www.example.gov.cn/apply?item=9',
      'https://www.example.gov.cn/apply?item=10',
    ]);
    expect(forward[2]!.foundOn).toEqual(['https://www.example.gov.cn/bsfw/guide_9.html', article]);
  });

  it("treats /index.html (and an old site's /index.asp) as the homepage, fragments ignored", () => {
    const checked = [
      link('https://www.example.gov.cn/x', 'http-4xx', 404, ['https://www.example.gov.cn/index.html']),
      link('https://www.example.gov.cn/y', 'timeout', null, ['https://WWW.example.gov.cn/index.asp#top']),
      link('https://www.example.gov.cn/z', 'dns', null, ['https://www.example.gov.cn/zwgk/index.html']),
    ];
    expect(evaluateLinks(checked, 'https://www.example.gov.cn').brokenOnHomepage).toBe(2);
    expect(evaluateLinks(checked, 'https://www.example.gov.cn/index.html').brokenOnHomepage).toBe(2);
    expect(evaluateLinks(checked, 'https://www.example.gov.cn/index.html').brokenElsewhere).toBe(1);
  });

  it('is empty for no links', () => {
    expect(evaluateLinks([], home)).toEqual({ checked: 0, broken: [], brokenOnHomepage: 0, brokenElsewhere: 0, blocked: 0, rateLimited: 0 });
  });

  it('counts a link whose host asked for too long a pause as not checked, never broken', () => {
    const m = evaluateLinks(
      [link('https://www.gov.cn/a.html', 'rate-limited', null, [home]), link('https://www.example.gov.cn/a.html', 'ok', 200, [home])],
      home,
    );
    expect(m).toMatchObject({ checked: 1, broken: [], rateLimited: 1 });
  });
});
