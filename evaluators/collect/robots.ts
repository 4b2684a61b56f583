import { createRequire } from 'node:module';

import { noteRetryAfter, throughHostGate } from './host-gate.js';

// robots-parser is CommonJS exporting a function; its typings describe an ES default export.
const robotsParser = createRequire(import.meta.url)('robots-parser') as typeof import('robots-parser').default;

/** What robots.txt allows this crawler, and the sitemaps it names. */
export interface RobotsPolicy {
  /** 'respected': rules applied; 'ignored': the campaign overrode them (recorded in the report); 'absent': no robots.txt. */
  mode: 'respected' | 'ignored' | 'absent';
  allowed(url: string): boolean;
  crawlDelayMs: number | null;
  sitemaps: string[];
}

/**
 * Fetches and parses robots.txt. A missing or unreadable robots.txt allows everything, as the
 * convention says; the evaluation office may also choose to ignore it for a campaign (a public body
 * being assessed on behalf of the public), and that choice is reported. A robots.txt not requested
 * because its host asked for a longer pause than the run waits is absent too: the homepage, the next
 * request there, is not requested either and the site is rate-limited.
 */
export async function loadRobots(origin: string, options: { userAgent: string; timeoutMs: number; respect: boolean }): Promise<RobotsPolicy> {
  const url = `${origin}/robots.txt`;
  let text: string | null = null;
  try {
    const { answer: response } = await throughHostGate(url, () => gatedFetch(url, options));
    if (response?.ok && /text\/plain|^$/.test(response.headers.get('content-type') ?? '')) text = await response.text();
  } catch {
    // unreachable robots.txt: treated as absent
  }
  if (text === null) return { mode: 'absent', allowed: () => true, crawlDelayMs: null, sitemaps: [`${origin}/sitemap.xml`] };
  const robots = robotsParser(url, text);
  const sitemaps = robots.getSitemaps();
  const delay = robots.getCrawlDelay(options.userAgent);
  return {
    mode: options.respect ? 'respected' : 'ignored',
    allowed: (u) => !options.respect || robots.isAllowed(u, options.userAgent) !== false,
    crawlDelayMs: delay ? Math.min(delay, 10) * 1000 : null,
    sitemaps: sitemaps.length ? sitemaps : [`${origin}/sitemap.xml`],
  };
}

/** Page URLs listed in sitemaps (one level of sitemap index followed), at most `limit`. */
export async function sitemapUrls(sitemaps: string[], options: { userAgent: string; timeoutMs: number; limit: number }): Promise<string[]> {
  const found: string[] = [];
  const queue = [...sitemaps];
  for (let followed = 0; queue.length && followed < 5 && found.length < options.limit; followed++) {
    const next = queue.shift()!;
    const { answer: response } = await throughHostGate(next, () => gatedFetch(next, options)).catch(() => ({ answer: null }));
    const xml = response?.ok ? await response.text().catch(() => '') : '';
    const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    if (/<sitemapindex/i.test(xml)) queue.push(...locs);
    else found.push(...locs);
  }
  return found.slice(0, options.limit);
}

/** One fetch of the host's files through its gate, with the pause its answer asks for. */
async function gatedFetch(url: string, options: { userAgent: string; timeoutMs: number }) {
  const answer = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { 'user-agent': options.userAgent } });
  const hold = await noteRetryAfter(url, answer.status, (name) => answer.headers.get(name));
  if (hold) await answer.body?.cancel().catch(() => undefined);
  return { answer, hold };
}
