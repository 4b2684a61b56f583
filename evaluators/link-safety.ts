import type { HiddenLink, PageIntegrity } from './collect/page-integrity.js';
import type { UaVariant, VisitorKind } from './collect/ua-variants.js';
import { pageSubject, subject } from './lib/finding-subject.js';
import { hostUnder, type LinkSafetyConfig, linkSafetyConfig, matchingPattern, registrableDomain, wordIn } from './lib/link-safety-config.js';
import type { FindingsByGroup } from './registry/finding-groups.js';

/**
 * Hidden and commercial links (暗链、黑链、商业链接): links a visitor cannot see that lead off the government
 * domain, links to gambling and illicit sites, advertising scripts, and a homepage that sends a phone, a spider
 * or a search visitor to another host. The suspicious ones are evidence for the V8 reviewer, never a veto by
 * themselves; commercial links and ad scripts are a deduction where the set scores them.
 */
export const meta = { id: 'linkSafety', version: '1', needs: ['integrity', 'uaVariants'] } as const;

export interface HiddenOffsiteLink {
  page: string;
  href: string;
  text: string;
  how: string;
  selector: string;
  hiddenBy: string | null;
  html: string;
  /** An illicit or commercial word in its text or address, when there is one. */
  word: string | null;
  /** Pages showing it (the first is `page`). */
  pages: number;
}

export interface WordLink {
  page: string;
  href: string;
  text: string;
  word: string;
}

export interface UaRedirect {
  visitor: VisitorKind;
  /** Where the crawl's own request ended, and where this visitor's did. */
  crawlUrl: string;
  finalUrl: string;
  chain: string[];
}

export interface LinkSafetyMeasurement {
  pagesRead: number;
  /** Hidden links to other hosts that the page shows no way to see and that name an illicit site or an offer, or whose block leads to several sites: suspected 暗链. */
  hidden: HiddenOffsiteLink[];
  /**
   * Hidden links to other hosts that nothing tried shows, with no illicit or commercial word, whose block leads to
   * one site only (a collapsed hot list, a notice for old browsers): listed for the reviewer, not a finding.
   */
  hiddenOneSite: HiddenOffsiteLink[];
  /** Visible links to gambling or illicit sites (hidden ones are under `hidden`). */
  illicit: WordLink[];
  commercial: WordLink[];
  adSources: Array<{ page: string; src: string; pattern: string }>;
  uaRedirects: UaRedirect[];
  counts: {
    /** Hidden off-domain links, illicit links and visitor-dependent redirects: for the V8 reviewer. */
    suspicious: number;
    /** Commercial links and advertising scripts. */
    commercial: number;
  };
}

/** What the site may link to freely: its own host, the portal domain its sites file declares, the allowed list. */
export interface SiteDomains {
  homepage: string;
  portal?: string | null;
}

const hidingByDisplay = /^(display|visibility):/;

export function evaluateLinkSafety(
  pages: PageIntegrity[],
  variants: UaVariant[],
  site: SiteDomains,
  config: LinkSafetyConfig = linkSafetyConfig(),
): LinkSafetyMeasurement {
  const own = new URL(site.homepage);
  // The site's own registered name counts as its own (www.x.gov.cn and xxgk.x.gov.cn), on a domain, not on a bare address.
  const ownName = /^[\d.]+$|^localhost$/.test(own.hostname) ? [] : [registrableDomain(own.hostname)];
  const allowed = [...config.allowedHosts, ...ownName, ...(site.portal ? [site.portal] : [])];
  const offDomain = (href: string) => {
    const u = new URL(href);
    return u.host !== own.host && !hostUnder(u.hostname, allowed) && !matchingPattern(href, config.allowedUrlPatterns ?? []);
  };
  const hidden = new Map<string, HiddenOffsiteLink>();
  const oneSite = new Map<string, HiddenOffsiteLink>();
  const illicit: WordLink[] = [];
  const commercial: WordLink[] = [];
  const adSources: LinkSafetyMeasurement['adSources'] = [];
  const adSeen = new Set<string>();
  // A hidden link naming a gambling or illicit site, or a commercial offer (the paid links 暗链 sell).
  const hiddenWords = [...config.illicitWords, ...config.commercialWords];
  for (const page of pages) {
    // Blocks holding links of the site's own domain or of allowed hosts: by the element hiding them.
    const ownBlocks = new Set(page.hidden.filter((l) => l.hiddenBy && !offDomain(l.href)).map((l) => l.hiddenBy));
    const blocks = new Map<string, Array<{ link: HiddenLink; word: string | null }>>();
    // Addresses the page also links to where a visitor sees them: a hidden copy hides nothing (a card's second title, a slide's clone).
    const linkedVisibly = new Set(page.outbound.map((l) => l.href));
    for (const link of page.hidden) {
      // A link without text gives a search engine no words: not the 暗链 of a paid link farm (share buttons, icons).
      if (!offDomain(link.href) || !link.text.trim()) continue;
      const word = wordIn(`${link.text} ${link.href}`, hiddenWords);
      // A dropdown menu or tab panel hidden until used also holds the site's own links; what it hides is a menu, unless it names an illicit site.
      if (!word && link.hiddenBy && hidingByDisplay.test(link.how) && (link.siteLinksBeside > 0 || ownBlocks.has(link.hiddenBy))) continue;
      // Shown when a visitor hovers or focuses what is beside it, at another screen width, or a panel, menu or tab of the page's: its interface.
      if (!word && (link.shownBy || linkedVisibly.has(link.href))) continue;
      const key = link.hiddenBy ?? '';
      blocks.set(key, [...(blocks.get(key) ?? []), { link, word }]);
    }
    for (const block of blocks.values()) {
      // An injected block names a paid site or leads to several; a hidden widget of one service (a hot list, a notice) leads to one.
      const quiet = block.every((b) => !b.word) && new Set(block.map((b) => registrableDomain(new URL(b.link.href).hostname))).size === 1;
      for (const { link, word } of block) {
        const known = hidden.get(link.href) ?? oneSite.get(link.href);
        if (known) known.pages++;
        const found = known ?? {
          page: page.url,
          href: link.href,
          text: link.text,
          how: link.how,
          selector: link.selector,
          hiddenBy: link.hiddenBy,
          html: link.html,
          word,
          pages: 1,
        };
        if (!quiet && oneSite.delete(link.href)) hidden.set(link.href, found);
        else if (!known) (quiet ? oneSite : hidden).set(link.href, found);
      }
    }
    for (const link of page.outbound) {
      if (!offDomain(link.href)) continue;
      const said = `${link.text} ${link.title} ${link.href}`;
      const bad = wordIn(said, config.illicitWords);
      if (bad) illicit.push({ page: page.url, href: link.href, text: link.text, word: bad });
      const offer = bad ? null : wordIn(said, config.commercialWords);
      if (offer) commercial.push({ page: page.url, href: link.href, text: link.text, word: offer });
    }
    for (const src of page.sources) {
      const pattern = matchingPattern(src, config.adSources);
      if (pattern && !adSeen.has(src) && adSeen.add(src)) adSources.push({ page: page.url, src, pattern });
    }
  }
  const uaRedirects = visitorRedirects(variants, (url) => offDomain(url));
  return {
    pagesRead: pages.length,
    hidden: [...hidden.values()],
    hiddenOneSite: [...oneSite.values()],
    illicit,
    commercial,
    adSources,
    uaRedirects,
    counts: { suspicious: hidden.size + illicit.length + uaRedirects.length, commercial: commercial.length + adSources.length },
  };
}

/** Visitors the homepage sent to another host than the crawl's request, off the government domain. */
export function visitorRedirects(variants: UaVariant[], offDomain: (url: string) => boolean): UaRedirect[] {
  const crawl = variants.find((v) => v.visitor === 'crawl');
  if (!crawl || crawl.error) return [];
  const crawlHost = new URL(crawl.finalUrl).host;
  return variants
    .filter((v) => v.visitor !== 'crawl' && !v.error && new URL(v.finalUrl).host !== crawlHost && offDomain(v.finalUrl))
    .map((v) => ({ visitor: v.visitor, crawlUrl: crawl.finalUrl, finalUrl: v.finalUrl, chain: v.chain }));
}

const visitorNames: Record<VisitorKind, string> = {
  crawl: '评估程序',
  mobile: '手机浏览器',
  spider: '百度搜索引擎爬虫（Baiduspider）',
  'search-referer': '从百度搜索结果进入的访问者',
};

export function linkSafetyFindings(m: LinkSafetyMeasurement | null): FindingsByGroup {
  if (!m) return {};
  const suspicious = [
    // A link by where it points: the page it was first seen on changes as the crawl reads other pages first.
    ...m.hidden.map((h) => ({
      subject: pageSubject('hidden-link', h.href),
      message: `疑似暗链：隐藏的站外链接“${h.text || '（无文字）'}”${h.word ? `（含“${h.word}”）` : ''}指向 ${h.href}`,
      url: h.page,
      evidence: `隐藏方式：${h.how}${h.hiddenBy ? `（由 ${h.hiddenBy} 隐藏）` : ''}；元素：${h.selector}；${h.html}${h.pages > 1 ? `；共 ${h.pages} 个页面有此链接` : ''}`,
    })),
    ...m.illicit.map((l) => ({
      subject: pageSubject('illicit-link', l.href),
      message: `疑似违法站点链接：“${l.text || '（无文字）'}”（含“${l.word}”）指向 ${l.href}`,
      url: l.page,
      evidence: `链接地址：${l.href}`,
    })),
    ...m.uaRedirects.map((r) => ({
      subject: subject('ua-redirect', r.visitor),
      message: `疑似劫持：首页对${visitorNames[r.visitor]}跳转到站外地址 ${r.finalUrl}`,
      url: r.chain[0] ?? null,
      evidence: `评估程序访问首页停在 ${r.crawlUrl}；${visitorNames[r.visitor]}的跳转链：${r.chain.join(' → ')}`,
      // The homepage's screenshot shows what the browser got, not the redirect: no picture rather than a misleading one.
      screenshot: null,
    })),
  ];
  const commercial = [
    ...m.commercial.map((l) => ({
      subject: pageSubject('commercial-link', l.href),
      message: `商业链接：“${l.text || '（无文字）'}”（含“${l.word}”）指向 ${l.href}`,
      url: l.page,
      evidence: `链接地址：${l.href}`,
    })),
    ...m.adSources.map((a) => ({
      subject: pageSubject('ad-script', a.src),
      message: `广告联盟脚本：${a.src}`,
      url: a.page,
      evidence: `脚本地址与广告网络“${a.pattern}”相符`,
    })),
  ];
  return { 'linkSafety.suspicious': suspicious, 'linkSafety.commercial': commercial };
}
