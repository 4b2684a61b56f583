import { noteRetryAfter, passHostGate } from './host-gate.js';

/**
 * The homepage asked for as different visitors: the crawl's browser, a phone, Baidu's spider, and a visitor
 * arriving from a Baidu search. A hijacked site (黑链/劫持) sends spiders or search visitors to another host
 * while showing the assessor the real page: each answer's redirects are followed by hand (HTTP, then a
 * `<meta http-equiv="refresh">` in the page's first bytes) and recorded. A script that tests the visitor in the
 * browser sends the same page to everyone, so it is not told apart here.
 * Whether a difference matters is the evaluator's (link-safety.ts); this only records where each ended.
 */

export type VisitorKind = 'crawl' | 'mobile' | 'spider' | 'search-referer';

export interface UaVariant {
  visitor: VisitorKind;
  userAgent: string;
  referer: string | null;
  /** Every address of the chain, the asked one first. */
  chain: string[];
  finalUrl: string;
  status: number | null;
  error: string | null;
}

const mobileAgent = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const spiderAgent = 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)';
const searchReferer = 'https://www.baidu.com/s?wd=%E6%94%BF%E5%BA%9C';
const maxHops = 6;
/** The head of a page, where a redirect a script makes at once is written. */
const headBytes = 16_384;

export function visitors(crawlAgent: string): Array<Pick<UaVariant, 'visitor' | 'userAgent' | 'referer'>> {
  return [
    { visitor: 'crawl', userAgent: crawlAgent, referer: null },
    { visitor: 'mobile', userAgent: mobileAgent, referer: null },
    { visitor: 'spider', userAgent: spiderAgent, referer: null },
    { visitor: 'search-referer', userAgent: crawlAgent, referer: searchReferer },
  ];
}

/** The homepage as each visitor gets it, one after the other (four light requests, no browser page). Never throws. */
export async function fetchUaVariants(url: string, o: { userAgent: string; timeoutMs: number }): Promise<UaVariant[]> {
  const out: UaVariant[] = [];
  for (const v of visitors(o.userAgent)) out.push(await follow(url, v, o.timeoutMs));
  return out;
}

async function follow(start: string, v: Pick<UaVariant, 'visitor' | 'userAgent' | 'referer'>, timeoutMs: number): Promise<UaVariant> {
  const chain = [start];
  let url = start;
  for (let hop = 0; hop < maxHops; hop++) {
    // A host that asked for a pause longer than the run waits gets no request: the chain ends there, not followed.
    if (await passHostGate(url)) return { ...v, chain, finalUrl: url, status: null, error: 'rate-limited' };
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'manual',
        headers: { 'user-agent': v.userAgent, ...(v.referer ? { referer: v.referer } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { ...v, chain, finalUrl: url, status: null, error: String((error as Error).name ?? error).slice(0, 80) };
    }
    await noteRetryAfter(url, response.status, (name) => response.headers.get(name));
    const location = response.headers.get('location');
    const body = location ? '' : await head(response);
    const next = location ?? metaRefresh(body);
    if (!next) return { ...v, chain, finalUrl: url, status: response.status, error: null };
    const target = absolute(next, url);
    if (!target || chain.includes(target)) return { ...v, chain, finalUrl: url, status: response.status, error: null };
    chain.push(target);
    url = target;
  }
  return { ...v, chain, finalUrl: url, status: null, error: 'too-many-redirects' };
}

/** The first bytes of a page (ASCII is enough to find an address), the rest left unread. */
async function head(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < headBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // a connection dropped mid-page: what came is enough
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('latin1');
}

/** A redirect written into the page's head: `<meta http-equiv="refresh" content="0;url=…">`. */
export function metaRefresh(html: string): string | null {
  return /<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']?\s*\d+\s*[;,]\s*url\s*=\s*['"]?([^'">\s]+)/i.exec(html)?.[1] ?? null;
}

function absolute(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
