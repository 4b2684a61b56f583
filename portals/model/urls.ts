import type { Portal } from './types.js';

/** Where a portal and the hosts it links to are served. Known only once the server listens. */
export interface Origins {
  portal: string; // e.g. http://127.0.0.1:8701
  /** The shared interaction/service platform host (mailbox iframes, 信访, online handling). */
  interaction: string;
  /** A loopback port nothing listens on: connections are refused. */
  dead: string;
}

/** Model URLs are site-relative ("/a/b.html") or name another host symbolically ("@interaction/x"). */
export function resolveUrl(url: string, origins: Origins): string {
  if (url.startsWith('@interaction')) return origins.interaction + url.slice('@interaction'.length);
  if (url.startsWith('@dead')) return origins.dead + url.slice('@dead'.length);
  if (url.startsWith('/')) return origins.portal + url;
  return url;
}

/** A navigation group's channel page (its columns' newest titles), by the group's place in the navigation. */
export function groupPath(portal: Pick<Portal, 'cms'>, index: number): string {
  return portal.cms === 'legacy' ? `/channel.asp?id=${index + 1}` : `/channel/g${index + 1}/index.html`;
}

/**
 * Paths on the interaction platform standing in for outside sites: the registration systems (the real host in
 * the path, which the furniture check recognises), a gambling site (where the planted 暗链 and hijack lead) and
 * an advertising network's script.
 */
export const standIns = {
  badge: '/ext/bszs.conac.cn/sitename.html',
  icp: '/ext/beian.miit.gov.cn/index.html',
  police: '/ext/www.beian.gov.cn/portal/registerSystemInfo.html',
  gambling: '/ext/casino/index.html',
  adScript: '/ext/pos.baidu.com/show.js',
} as const;
