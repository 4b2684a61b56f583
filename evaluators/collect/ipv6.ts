import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';

import { passHostGate } from './host-gate.js';
import { classifyError } from './navigate.js';

/** The addresses a host name resolves to, by family (the system resolver, /etc/hosts included, as a browser sees it). */
export type HostResolver = (host: string) => Promise<{ v4: string[]; v6: string[] }>;

export const systemResolver: HostResolver = async (host) => {
  const all = await lookup(host, { all: true, verbatim: true });
  return { v4: all.filter((a) => a.family === 4).map((a) => a.address), v6: all.filter((a) => a.family === 6).map((a) => a.address) };
};

/** One page fetched over one address family: its answer, and what it shows (for comparing the two families). */
export interface FamilyFetch {
  status: number | null;
  /** failures.ts's name of what went wrong (refused, timeout, reset …); null when it answered. */
  error: string | null;
  /** sha256 of the body, and its title and same-site links: a page that differs only in a token is the same page. */
  sha256: string | null;
  title: string | null;
  links: number;
}

/**
 * IPv6 readiness of a site (推进互联网协议第六版（IPv6）规模部署行动计划; the 2019 inspection's bonus item):
 * whether its host name has an IPv6 address, whether the homepage served over IPv6 is the page served over
 * IPv4, and which of its first- and second-level links answer over IPv6. Facts only; the evaluator judges.
 */
export interface Ipv6Observation {
  host: string;
  /** Why nothing was tried: the site is addressed by an IP literal, or its name did not resolve (a failure name). */
  notTried: 'ip-literal' | 'dns' | null;
  /** The host's addresses by family (empty v6: no AAAA record). */
  v4: string[];
  v6: string[];
  /** The homepage over each family (null: no address of that family). */
  homepage: { v4: FamilyFetch | null; v6: FamilyFetch | null; sameLinksShare: number | null } | null;
  /** The first- and second-level pages tried over IPv6: how many, how many answered below 400, and those that did not. */
  links: { tried: number; ok: number; failed: Array<{ url: string; level: 1 | 2; status: number | null; error: string | null }> } | null;
}

export interface Ipv6Options {
  timeoutMs: number;
  userAgent: string;
  /** Pages tried over IPv6 at each level at most. */
  perLevel: number;
  resolve?: HostResolver;
}

/**
 * Checks a site over IPv6. `firstLevel`: the homepage's own links (its navigation); `secondLevel`: the pages
 * the crawl reached below them. Only the site's own host is tried: a link elsewhere is another site's
 * readiness. Requests go to the address itself with the site's Host (and TLS server name), one family each.
 */
export async function checkIpv6(homepage: string, firstLevel: readonly string[], secondLevel: readonly string[], o: Ipv6Options): Promise<Ipv6Observation> {
  const home = new URL(homepage);
  const host = home.hostname.replace(/^\[|\]$/g, '');
  const blank: Ipv6Observation = { host, notTried: null, v4: [], v6: [], homepage: null, links: null };
  if (isIP(host)) return { ...blank, notTried: 'ip-literal' };
  let addresses: { v4: string[]; v6: string[] };
  try {
    addresses = await (o.resolve ?? systemResolver)(host);
  } catch {
    return { ...blank, notTried: 'dns' };
  }
  const observation: Ipv6Observation = { ...blank, ...addresses };
  const [v4, v6] = await Promise.all([
    addresses.v4[0] ? fetchOver(homepage, addresses.v4[0], o) : null,
    addresses.v6[0] ? fetchOver(homepage, addresses.v6[0], o) : null,
  ]);
  observation.homepage = { v4: v4?.fetch ?? null, v6: v6?.fetch ?? null, sameLinksShare: v4 && v6 ? overlap(v4.links, v6.links) : null };
  const address = addresses.v6[0];
  if (!address) return observation;
  const own = (u: string) => {
    try {
      return new URL(u).host === home.host;
    } catch {
      return false;
    }
  };
  const pick = (urls: readonly string[], level: 1 | 2, taken: Set<string>) =>
    [...new Set(urls.filter(own))]
      .filter((u) => !taken.has(u) && taken.add(u))
      .slice(0, o.perLevel)
      .map((url) => ({ url, level }));
  const taken = new Set([homepage]);
  const targets = [...pick(firstLevel, 1, taken), ...pick(secondLevel, 2, taken)];
  const answers = await Promise.all(targets.map(async (t) => ({ ...t, ...(await fetchOver(t.url, address, o)).fetch })));
  const failed = answers.filter((a) => a.error || (a.status ?? 0) >= 400).map((a) => ({ url: a.url, level: a.level, status: a.status, error: a.error }));
  observation.links = { tried: answers.length, ok: answers.length - failed.length, failed };
  return observation;
}

/** Share of the IPv4 page's links the IPv6 page also has (1 when the IPv4 page has none and neither does IPv6's). */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size) return b.size ? 0 : 1;
  let shared = 0;
  for (const link of a) if (b.has(link)) shared++;
  return shared / a.size;
}

/** GET over one address, following same-host redirects (up to 5); the body is read to at most 2 MB. */
async function fetchOver(url: string, address: string, o: Ipv6Options): Promise<{ fetch: FamilyFetch; links: Set<string> }> {
  let current = new URL(url);
  for (let hop = 0; hop < 6; hop++) {
    // Through the crawl's host gate: the host's request rate and any pause it asked for hold here too.
    if (await passHostGate(current.href)) return { fetch: { status: null, error: 'rate-limited', sha256: null, title: null, links: 0 }, links: new Set() };
    let response: { status: number; location: string | null; body: string };
    try {
      response = await get(current, address, o);
    } catch (error) {
      return { fetch: { status: null, error: classifyError(error), sha256: null, title: null, links: 0 }, links: new Set() };
    }
    const next = response.location ? new URL(response.location, current) : null;
    if (response.status >= 300 && response.status < 400 && next && next.hostname === current.hostname) {
      current = next;
      continue;
    }
    const links = new Set(
      [...response.body.matchAll(/<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!).filter((h) => !/^(javascript|#)/i.test(h)),
    );
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(response.body)?.[1]?.trim() ?? null;
    const sha256 = createHash('sha256').update(response.body).digest('hex');
    return { fetch: { status: response.status, error: null, sha256, title, links: links.size }, links };
  }
  return { fetch: { status: null, error: 'redirect-loop', sha256: null, title: null, links: 0 }, links: new Set() };
}

function get(url: URL, address: string, o: Ipv6Options): Promise<{ status: number; location: string | null; body: string }> {
  const tls = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (tls ? httpsRequest : httpRequest)(
      {
        host: address,
        port: url.port || (tls ? 443 : 80),
        path: url.pathname + url.search,
        method: 'GET',
        headers: { host: url.host, 'user-agent': o.userAgent, connection: 'close' },
        ...(tls ? { servername: url.hostname } : {}),
        timeout: o.timeoutMs,
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 2 << 20) chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    request.on('error', reject);
    request.end();
  });
}
