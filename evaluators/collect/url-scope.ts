/** URL rules of the crawl: one key per page, same-site only, documents never opened, traps cut off. */

const indexFile = /\/(index|default)\.(s?html?|asp|aspx|jsp|php)$/i;
const documentFile = /\.(pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|txt|csv|jpe?g|png|gif|bmp|svg|mp4|mp3|avi|flv|exe|apk)$/i;
/** Session ids make endless copies of the same page. */
const sessionParams = /^(jsessionid|phpsessid|aspsessionid\w*|sid|sessionid|token|_t|timestamp|rnd|random)$/i;

/** Canonical key of a page: no fragment, no session id, `…/index.html` = `…/`, query parameters sorted. */
export function pageKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.pathname = u.pathname.replace(/;jsessionid=[^/]*/i, '').replace(indexFile, '/');
  for (const name of [...u.searchParams.keys()]) if (sessionParams.test(name)) u.searchParams.delete(name);
  u.searchParams.sort();
  return u.href;
}

/** A site's root address (/, /index.html, no query): its homepage, when a page is given by address alone. */
export function siteRoot(url: string): boolean {
  try {
    const key = new URL(pageKey(url));
    return key.pathname === '/' && !key.search;
  } catch {
    return false;
  }
}

/**
 * Same site: the same scheme-less host, or (when allowed) a subdomain of the site's registrable part,
 * e.g. xxgk.example.gov.cn for www.example.gov.cn. Ports must match, as they do for a real site.
 */
export function sameSite(url: string, origin: string, allowSubdomains = false): boolean {
  try {
    const u = new URL(url);
    const o = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    if (u.host === o.host) return true;
    if (!allowSubdomains || u.port !== o.port) return false;
    const base = o.hostname.replace(/^www\./, '');
    return u.hostname === base || u.hostname.endsWith(`.${base}`);
  } catch {
    return false;
  }
}

/**
 * Whether the address a homepage ended on is still the site asked for: the same host with or without
 * "www.", over http or https (a server's own redirects), or, when subdomains are allowed, one of the
 * site's subdomains. Any other host — another registrable domain, or another site under the same one —
 * is another site, and assessing its pages would score that site under this one's name.
 */
export function stillOnSite(finalUrl: string, requestedUrl: string, allowSubdomains = false): boolean {
  try {
    const f = new URL(finalUrl);
    const r = new URL(requestedUrl);
    if (f.protocol !== 'http:' && f.protocol !== 'https:') return false;
    const bare = (host: string) => host.replace(/^www\./, '');
    if (bare(f.hostname) === bare(r.hostname) && (f.port === r.port || f.protocol !== r.protocol)) return true;
    return allowSubdomains && sameSite(finalUrl, r.origin, true);
  } catch {
    return false;
  }
}

/** Attachments and media: checked by a light request in the link checker, never crawled as pages. */
export function isDocument(url: string): boolean {
  return documentFile.test(new URL(url).pathname);
}

/**
 * Crawler traps: calendars and archives that generate a page per day or month, endless query strings,
 * paths that repeat themselves. Returns the reason, or null for an ordinary URL.
 */
export function trapReason(url: string): string | null {
  const u = new URL(url);
  if (u.search.length > 200) return 'long-query';
  if ([...u.searchParams.keys()].length > 6) return 'many-parameters';
  const segments = u.pathname.split('/').filter(Boolean);
  if (segments.length > 12) return 'deep-path';
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s, (counts.get(s) ?? 0) + 1);
  if ([...counts.values()].some((n) => n >= 3)) return 'repeating-path';
  const calendarParam = [...u.searchParams.entries()].some(([k, v]) => /^(date|day|month|year|ym|ymd|cal|calendar|week)$/i.test(k) && /\d/.test(v));
  if (calendarParam) return 'calendar';
  if (/\/(calendar|rili|日历)\//i.test(decodeURI(u.pathname))) return 'calendar';
  return null;
}

/** The shape of a URL with its numbers blanked: many URLs of one shape are one template, crawled a few times. */
export function urlTemplate(url: string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname.replace(/\d+/g, '#')}?${[...u.searchParams.keys()].sort().join('&')}`;
}
