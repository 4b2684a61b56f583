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
  return {
    href: 'http://bad.example.com/',
    text: '链接',
    how: 'display:none',
    selector: 'div > a',
    html: '<a>',
    hiddenBy: 'div#x',
    siteLinksBeside: 0,
    shownBy: null,
    ...o,
  };
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

  it('lets a block the page shows when used go (a hover menu, a login box), unless a link in it names an illicit site or an offer', () => {
    const shown = { how: 'hover' as const, control: 'li.menu' };
    const m = evaluateLinkSafety(
      [
        page(home, {
          hidden: [
            hidden({ href: 'http://paper.example.org/', text: '某某日报', hiddenBy: 'li.menu > div', shownBy: shown }),
            hidden({ href: 'http://casino.example.net/', text: '博彩', hiddenBy: 'li.other > div', shownBy: shown }),
            hidden({ href: 'http://loan.example.net/', text: '低息贷款', hiddenBy: 'li.third > div', shownBy: { how: 'panel', control: null } }),
          ],
        }),
      ],
      [],
      { homepage: home },
      config,
    );
    expect(m.hidden.map((h) => [h.href, h.word])).toEqual([
      ['http://casino.example.net/', '博彩'],
      ['http://loan.example.net/', '贷款'],
    ]);
    expect(m.hiddenOneSite).toEqual([]);
  });

  it('lets a carousel’s slides and a widget not yet faded in go, and a hidden copy of an address the page links to visibly, unless it names an offer', () => {
    const m = evaluateLinkSafety(
      [
        page(home, {
          hidden: [
            hidden({
              href: 'http://zt.example.org/a',
              text: '专题一',
              how: 'position:static;left:-800px;top:90px',
              hiddenBy: null,
              shownBy: { how: 'slide', control: 'ul.slides' },
            }),
            hidden({
              href: 'http://read.example.org/b',
              text: '推荐文章',
              how: 'opacity:0',
              hiddenBy: 'div.widget',
              shownBy: { how: 'fading', control: null },
            }),
            hidden({ href: 'http://news.example.org/c', text: '新闻标题', hiddenBy: 'div.card > div' }),
            hidden({ href: 'http://shop.example.net/d', text: '低息贷款', hiddenBy: 'div.card > div' }),
            hidden({ href: 'http://farm.example.net/e', text: '北京搬家', hiddenBy: 'div.card > div' }),
          ],
          outbound: [
            { href: 'http://news.example.org/c', text: '新闻标题', title: '' },
            { href: 'http://shop.example.net/d', text: '图片', title: '' },
          ],
        }),
      ],
      [],
      { homepage: home },
      config,
    );
    expect(m.hidden.map((h) => h.href)).toEqual(['http://shop.example.net/d', 'http://farm.example.net/e']);
  });

  it('a hidden block holding a link of the site’s own domain is a menu; one leading to one other site only is listed apart, not suspected', () => {
    const m = evaluateLinkSafety(
      [
        page(`${home}a.html`, {
          hidden: [
            // The site's sister host under its own registered name, and a partner, in one dropdown.
            hidden({ href: 'https://xxgk.jyj.example.gov.cn/', hiddenBy: 'div#partners' }),
            hidden({ href: 'http://partner.example.org/', text: '合作单位', hiddenBy: 'div#partners' }),
            // A collapsed hot list of one service.
            hidden({ href: 'http://hot.example.com/1', text: '热搜一', hiddenBy: 'div#hot' }),
            hidden({ href: 'http://search.hot.example.com/2', text: '热搜二', hiddenBy: 'div#hot' }),
            // A block leading to several sites, and a block naming an offer on one site.
            hidden({ href: 'http://farm-a.example.com/', text: '北京搬家', hiddenBy: 'div#farm', how: 'position:absolute;left:-9999px;top:0px' }),
            hidden({ href: 'http://farm-b.example.net/', text: '上海装修', hiddenBy: 'div#farm', how: 'position:absolute;left:-9999px;top:0px' }),
            hidden({ href: 'http://loan.example.org/', text: '贷款', hiddenBy: 'div#loan' }),
          ],
        }),
        // The hot list again on another page, inside a block leading elsewhere too: suspected from then on, counted on both pages.
        page(`${home}b.html`, {
          hidden: [
            hidden({ href: 'http://hot.example.com/1', text: '热搜一', hiddenBy: 'div#mixed' }),
            hidden({ href: 'http://other.example.net/', text: '其他', hiddenBy: 'div#mixed' }),
          ],
        }),
      ],
      [],
      { homepage: home },
      config,
    );
    expect(m.hidden.map((h) => [h.href, h.pages])).toEqual([
      ['http://farm-a.example.com/', 1],
      ['http://farm-b.example.net/', 1],
      ['http://loan.example.org/', 1],
      ['http://hot.example.com/1', 2],
      ['http://other.example.net/', 1],
    ]);
    expect(m.hiddenOneSite.map((h) => h.href)).toEqual(['http://search.hot.example.com/2']);
    expect(m.counts.suspicious).toBe(5);
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
