import type { PageIntegrity } from './collect/page-integrity.js';
import { hostUnder, type LinkSafetyConfig, linkSafetyConfig, matchingPattern } from './lib/link-safety-config.js';

/**
 * The identity furniture on every kind of page, not only the homepage (政府网站发展指引): the 党政机关 badge linked
 * to its registration site, the ICP number linked to the filing system, 网站标识码, the 公安备案 number linked to
 * its system; and the domain rules (a government site under .gov.cn, a department's under its portal's domain).
 */

export type PageKindName = 'homepage' | 'column' | 'article';
export type FurnitureItem = 'badge' | 'icp' | 'police' | 'siteIdCode';

/** One item a kind of page lacks: on how many of its pages read, and one of them. */
export interface MissingFurniture {
  kind: PageKindName;
  item: FurnitureItem;
  /** absent: not shown; unlinked: shown but not linked to its registration system. */
  state: 'absent' | 'unlinked';
  pagesMissing: number;
  pagesRead: number;
  example: string;
}

export interface DomainCheck {
  host: string;
  /** not-checked: a loopback host (a test setup), which no rule speaks of. */
  status: 'ok' | 'not-gov' | 'outside-portal' | 'not-checked';
  portal: string | null;
}

const kindOfRole: Record<string, PageKindName> = { homepage: 'homepage', article: 'article' };
const items: FurnitureItem[] = ['badge', 'siteIdCode', 'icp', 'police'];

/** The items each kind of page lacks on at least `furnitureMissingShare` of its pages read. */
export function missingFurniture(pages: PageIntegrity[], config: LinkSafetyConfig = linkSafetyConfig()): MissingFurniture[] {
  const byKind = new Map<PageKindName, PageIntegrity[]>();
  for (const p of pages) {
    const kind = kindOfRole[p.role] ?? 'column';
    byKind.set(kind, [...(byKind.get(kind) ?? []), p]);
  }
  const out: MissingFurniture[] = [];
  for (const kind of ['homepage', 'column', 'article'] as const) {
    const read = byKind.get(kind) ?? [];
    for (const item of items) {
      const states = read.map((p) => ({ url: p.url, state: itemState(p, item, config) }));
      const missing = states.filter((s) => s.state !== 'ok');
      if (!read.length || missing.length / read.length < config.furnitureMissingShare) continue;
      const absent = missing.filter((s) => s.state === 'absent').length;
      out.push({
        kind,
        item,
        state: absent * 2 >= missing.length ? 'absent' : 'unlinked',
        pagesMissing: missing.length,
        pagesRead: read.length,
        example: missing[0]!.url,
      });
    }
  }
  return out;
}

function itemState(p: PageIntegrity, item: FurnitureItem, config: LinkSafetyConfig): 'ok' | 'absent' | 'unlinked' {
  const f = p.furniture;
  const linked = (patterns: string[]) => f.links.some((l) => matchingPattern(l.href, patterns));
  switch (item) {
    case 'siteIdCode':
      return f.siteIdCode && /^(\d{10}|bm\d{8})$/i.test(f.siteIdCode) ? 'ok' : 'absent';
    case 'badge':
      // The badge is an image linked to bszs.conac.cn, or the script that draws it (开普云's conac script).
      return linked(config.registration.badge) || p.sources.some((s) => matchingPattern(s, config.registration.badge)) ? 'ok' : 'absent';
    case 'icp':
      return !f.icp ? 'absent' : linked(config.registration.icp) ? 'ok' : 'unlinked';
    case 'police':
      return !f.police ? 'absent' : linked(config.registration.police) ? 'ok' : 'unlinked';
  }
}

/** The domain rules: the site's host under .gov.cn, and under its portal's domain when the sites file declares one. */
export function checkDomain(homepage: string, portal: string | null | undefined, governmentSuffixes: readonly string[] = ['gov.cn']): DomainCheck {
  const host = new URL(homepage).hostname;
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(host)) return { host, status: 'not-checked', portal: portal ?? null };
  if (!hostUnder(host, governmentSuffixes)) return { host, status: 'not-gov', portal: portal ?? null };
  if (portal && !hostUnder(host, [portal])) return { host, status: 'outside-portal', portal };
  return { host, status: 'ok', portal: portal ?? null };
}

export const kindNames: Record<PageKindName, string> = { homepage: '首页', column: '栏目页', article: '文章页' };

export const itemNames: Record<FurnitureItem, string> = {
  badge: '党政机关网站标识（链接至 bszs.conac.cn）',
  siteIdCode: '网站标识码',
  icp: 'ICP备案编号（链接至 beian.miit.gov.cn）',
  police: '公安机关备案号（链接至 www.beian.gov.cn）',
};
