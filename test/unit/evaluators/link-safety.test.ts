import { describe, expect, it } from 'vitest';

import type { HiddenLink, PageIntegrity } from '../../../evaluators/collect/page-integrity.js';
import { metaRefresh, type UaVariant } from '../../../evaluators/collect/ua-variants.js';
import { hostUnder, type LinkSafetyConfig, registrableDomain } from '../../../evaluators/lib/link-safety-config.js';
import { evaluateLinkSafety, linkSafetyFindings } from '../../../evaluators/link-safety.js';

const home = 'https://jyj.example.gov.cn/';
const config: LinkSafetyConfig = {
  allowedHosts: ['gov.cn', 'people.com.cn'],
  allowedUrlPatterns: ['/exposure/jiucuo'],
  illicitWords: ['博彩'],
  commercialWords: ['贷款'],
  adSources: ['pos\\.baidu\\.com'],
  registration: { badge: ['conac\\.cn'], icp: ['beian\\.miit\\.gov\\.cn'], police: ['beian\\.gov\\.cn'] },
  furnitureMissingShare: 0.5,
};

function hidden(o: Partial<HiddenLink>): HiddenLink {
  return { href: 'http://bad.example.com/', text: '链接', how: 'display:none', selector: 'div > a', html: '<a>', hiddenBy: 'div#x', siteLinksBeside: 0, ...o };
}

function page(url: string, o: Partial<PageIntegrity> = {}): PageIntegrity {
  return {
    url,
    role: 'article',
    template: url,
    hidden: [],
    outbound: [],
    sources: [],
    furniture: { siteIdCode: null, icp: null, police: null, links: [] },
    ...o,
  };
}

const variant = (visitor: UaVariant['visitor'], finalUrl: string, error: string | null = null): UaVariant => ({
  visitor,
  userAgent: visitor,
  referer: null,
  chain: [home, ...(finalUrl === home ? [] : [finalUrl])],
  finalUrl,
  status: 200,
  error,
});

describe('evaluateLinkSafety', () => {
  it('flags a hidden link off the government domain once however many pages show it, with how it is hidden and a selector', () => {
    const link = hidden({ href: 'http://casino.example.com/', text: '澳门博彩', how: 'position:absolute;left:-9999px;top:0px', hiddenBy: null });
    const m = evaluateLinkSafety([page(`${home}a/1.html`, { hidden: [link] }), page(`${home}a/2.html`, { hidden: [link] })], [], { homepage: home }, config);
    expect(m.hidden).toEqual([expect.objectContaining({ page: `${home}a/1.html`, href: 'http://casino.example.com/', word: '博彩', pages: 2 })]);
    expect(m.counts).toEqual({ suspicious: 1, commercial: 0 });
    const [finding] = linkSafetyFindings(m)['linkSafety.suspicious']!;
    expect(finding!.message).toBe('疑似暗链：隐藏的站外链接“澳门博彩”（含“博彩”）指向 http://casino.example.com/');
    expect(finding!.evidence).toBe('隐藏方式：position:absolute;left:-9999px;top:0px；元素：div > a；<a>；共 2 个页面有此链接');
  });

  it('does not flag hidden links to the own host, government or allowed hosts, the declared portal, or a menu that also holds own links', () => {
    const pages = [
      page(home, {
        hidden: [
          hidden({ href: 'https://jyj.example.gov.cn/zwgk/' }),
          hidden({ href: 'http://www.zj.gov.cn/' }),
          hidden({ href: 'http://www.people.com.cn/' }),
          hidden({ href: 'http://portal.example.org/x' }),
          hidden({ href: 'http://shop.example.com/', siteLinksBeside: 5 }),
          hidden({ href: 'http://xxgk.example.gov.cn/' }),
          hidden({ href: 'http://121.43.68.40/exposure/jiucuo.html?site_code=3300000020' }),
          hidden({ href: 'http://share.example.com/', text: '' }),
        ],
      }),
    ];
    expect(evaluateLinkSafety(pages, [], { homepage: home, portal: 'example.org' }, config).hidden).toEqual([]);
  });

  it('flags a menu-hidden link that names an illicit site, and a link hidden by another trick even beside own links', () => {
    const m = evaluateLinkSafety(
      [
        page(home, {
          hidden: [
            hidden({ href: 'http://a.example.com/', text: '博彩娱乐', siteLinksBeside: 5 }),
            hidden({ href: 'http://b.example.com/', how: 'opacity:0', siteLinksBeside: 5 }),
          ],
        }),
      ],
      [],
      { homepage: home },
      config,
    );
    expect(m.hidden.map((h) => h.href)).toEqual(['http://a.example.com/', 'http://b.example.com/']);
  });

  it('counts visible illicit links as suspicious and commercial links and ad scripts as commercial, each once', () => {
    const m = evaluateLinkSafety(
      [
        page(home, {
          outbound: [
            { href: 'http://x.example.com/', text: '在线博彩', title: '' },
            { href: 'http://y.example.com/', text: '低息贷款', title: '' },
            { href: 'http://www.gov.cn/daikuan', text: '贷款政策', title: '' },
          ],
          sources: ['https://pos.baidu.com/s?x=1', 'https://hm.baidu.com/hm.js'],
        }),
        page(`${home}b.html`, { sources: ['https://pos.baidu.com/s?x=1'] }),
      ],
      [],
      { homepage: home },
      config,
    );
    expect(m.illicit.map((l) => l.href)).toEqual(['http://x.example.com/']);
    expect(m.commercial.map((l) => l.href)).toEqual(['http://y.example.com/']);
    expect(m.adSources).toEqual([{ page: home, src: 'https://pos.baidu.com/s?x=1', pattern: 'pos\\.baidu\\.com' }]);
    expect(m.counts).toEqual({ suspicious: 1, commercial: 2 });
  });

  it('flags a visitor the homepage sends to another host off the government domain, not one sent within it or one that failed', () => {
    const variants = [
      variant('crawl', home),
      variant('mobile', 'https://m.example.gov.cn/'),
      variant('spider', 'http://casino.example.com/'),
      variant('search-referer', home, 'TimeoutError'),
    ];
    const m = evaluateLinkSafety([], variants, { homepage: home }, config);
    expect(m.uaRedirects).toEqual([{ visitor: 'spider', crawlUrl: home, finalUrl: 'http://casino.example.com/', chain: [home, 'http://casino.example.com/'] }]);
    expect(linkSafetyFindings(m)['linkSafety.suspicious']![0]!.message).toBe(
      '疑似劫持：首页对百度搜索引擎爬虫（Baiduspider）跳转到站外地址 http://casino.example.com/',
    );
    expect(
      evaluateLinkSafety([], [variant('crawl', home, 'TimeoutError'), variant('spider', 'http://c.example.com/')], { homepage: home }, config).uaRedirects,
    ).toEqual([]);
  });
});

describe('link-safety helpers', () => {
  it('matches a host or its subdomains, not a look-alike', () => {
    expect(hostUnder('www.zj.gov.cn', ['gov.cn'])).toBe(true);
    expect(hostUnder('gov.cn', ['gov.cn'])).toBe(true);
    expect(hostUnder('xgov.cn', ['gov.cn'])).toBe(false);
    expect(hostUnder('gov.cn.evil.com', ['gov.cn'])).toBe(false);
    expect([registrableDomain('news.163.com'), registrableDomain('www.zj.gov.cn'), registrableDomain('127.0.0.1')]).toEqual([
      '163.com',
      'zj.gov.cn',
      '127.0.0.1',
    ]);
  });

  it('reads the address of a meta refresh, and nothing from a page without one', () => {
    expect(metaRefresh('<head><meta http-equiv="refresh" content="0; url=http://x.example.com/a"></head>')).toBe('http://x.example.com/a');
    expect(metaRefresh("<META HTTP-EQUIV='Refresh' CONTENT='3;URL=/index.asp'>")).toBe('/index.asp');
    expect(metaRefresh('<meta name="description" content="url=x">')).toBeNull();
  });
});
