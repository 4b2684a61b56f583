import PQueue from 'p-queue';

import { failureKinds } from './failures.js';
import { type HostHold, noteRetryAfter, throughHostGate } from './host-gate.js';
import { defaultCollectOptions } from './options.js';

/**
 * The link checker: every link, image and attachment found on the crawled pages is requested once
 * (HEAD, GET when HEAD is refused), its redirects followed, and the outcome named. A firewall's answer
 * (403/412/429/521) is recorded as blocked, never as broken: a browser would get through it. A link whose
 * host asked for a longer pause than the run waits (Retry-After) is not requested: rate-limited, not checked.
 */

export interface LinkToCheck {
  url: string;
  foundOn: string;
  kind: 'link' | 'image' | 'attachment';
}

export type LinkResult =
  'ok' | 'unsupported-scheme' | 'http-4xx' | 'http-5xx' | 'blocked-by-waf' | 'rate-limited' | 'timeout' | 'refused' | 'dns' | 'reset' | 'tls' | 'redirect-loop';

export interface CheckedLink {
  url: string;
  finalUrl: string;
  /** Status of the last response; null when none came (network failure, skipped scheme). */
  status: number | null;
  result: LinkResult;
  broken: boolean;
  /** A failure a later check will not clear (404, DNS, certificate, loop). */
  permanent: boolean;
  /** Time spent checking, retries included (queue waiting excluded). */
  ms: number;
  foundOn: string[];
  kind: LinkToCheck['kind'];
}

export interface LinkCheckOptions {
  timeoutMs: number;
  /** Extra attempts, for retryable failures only (5xx, timeout, refused, reset). */
  retries: number;
  perHostConcurrency: number;
  globalConcurrency: number;
  /** Pause between two requests to the same host. */
  delayMs: number;
  userAgent: string;
  /** Sent with every request, e.g. the cookie a browser got from a firewall's challenge. */
  headers: Record<string, string>;
}

export const defaultLinkCheckOptions: LinkCheckOptions = {
  timeoutMs: 10_000,
  retries: 1,
  perHostConcurrency: 2,
  globalConcurrency: 8,
  delayMs: 0,
  userAgent: defaultCollectOptions.userAgent,
  headers: {},
};

const networkResults = new Set<LinkResult>(['timeout', 'refused', 'dns', 'reset', 'tls']);
const brokenResults = new Set<LinkResult>([...networkResults, 'http-4xx', 'http-5xx', 'redirect-loop']);
/** Statuses anti-bot firewalls and rate limiters answer with. */
const wafStatuses = new Set([403, 412, 429, 521]);
/** Answers to HEAD that say "not this method" rather than "not this page" on many servers. */
const headRefusedStatuses = new Set([400, 403, 405, 501]);
const maxRedirects = 10;
const backoffMs = 300;

export function isBroken(result: LinkResult): boolean {
  return brokenResults.has(result);
}

function isPermanent(result: LinkResult): boolean {
  return result in failureKinds && failureKinds[result as keyof typeof failureKinds].permanent;
}

function isRetryable(result: LinkResult): boolean {
  return isBroken(result) && !isPermanent(result);
}

/**
 * Checks links as they are found, while the crawl goes on: each distinct URL (fragment ignored) once,
 * every page it was found on kept, with per-host and global concurrency limits. `limit` bounds how many
 * distinct URLs are requested; later ones are ignored.
 */
export class LinkChecker {
  private readonly opts: LinkCheckOptions;
  private readonly distinct = new Map<string, { kind: LinkToCheck['kind']; foundOn: string[]; outcome: Promise<Outcome> }>();
  private readonly global: PQueue;
  private readonly hostQueues = new Map<string, PQueue>();
  private readonly pacer: HostPacer;

  constructor(
    options: Partial<LinkCheckOptions> = {},
    private readonly limit = Infinity,
  ) {
    this.opts = { ...defaultLinkCheckOptions, ...options };
    this.global = new PQueue({ concurrency: this.opts.globalConcurrency });
    this.pacer = new HostPacer(this.opts.delayMs);
  }

  add(link: LinkToCheck): void {
    const key = withoutFragment(link.url);
    const known = this.distinct.get(key);
    if (known) {
      if (!known.foundOn.includes(link.foundOn)) known.foundOn.push(link.foundOn);
      return;
    }
    if (this.distinct.size >= this.limit) return;
    this.distinct.set(key, { kind: link.kind, foundOn: [link.foundOn], outcome: this.check(key) });
  }

  async results(): Promise<CheckedLink[]> {
    return Promise.all([...this.distinct].map(async ([url, { kind, foundOn, outcome }]) => ({ url, foundOn, kind, ...(await outcome) })));
  }

  private check(url: string): Promise<Outcome> {
    const host = hostOf(url);
    if (host === null) return Promise.resolve({ finalUrl: url, status: null, ms: 0, ...named('unsupported-scheme') });
    let queue = this.hostQueues.get(host);
    if (!queue) this.hostQueues.set(host, (queue = new PQueue({ concurrency: this.opts.perHostConcurrency })));
    // The host slot is taken first, then a global one: a busy host never holds global slots idle.
    return queue.add(() => this.global.add(() => checkOne(url, this.opts, this.pacer), { throwOnTimeout: true }), { throwOnTimeout: true });
  }
}

/** Checks a list of links at once (see LinkChecker). */
export async function checkLinks(links: LinkToCheck[], options: Partial<LinkCheckOptions> = {}): Promise<CheckedLink[]> {
  const checker = new LinkChecker(options);
  for (const link of links) checker.add(link);
  return checker.results();
}

type Outcome = Pick<CheckedLink, 'finalUrl' | 'status' | 'result' | 'broken' | 'permanent' | 'ms'>;

function named(result: LinkResult): Pick<CheckedLink, 'result' | 'broken' | 'permanent'> {
  return { result, broken: isBroken(result), permanent: isPermanent(result) };
}

async function checkOne(url: string, opts: LinkCheckOptions, pacer: HostPacer): Promise<Outcome> {
  const started = performance.now();
  let useGet = false;
  let attempt: Attempt;
  for (let i = 0; ; i++) {
    if (i > 0) await sleep(backoffMs * 2 ** (i - 1));
    attempt = await follow(url, useGet ? 'GET' : 'HEAD', opts, pacer);
    // Servers that refuse HEAD (or drop its connection) are asked again with GET, which is what a visitor
    // sends. A HEAD that timed out is not: a server silent for the whole timeout will not answer GET
    // sooner, and waiting twice would double the cost of every hanging link.
    if (!useGet && ((networkResults.has(attempt.result) && attempt.result !== 'timeout') || headRefusedStatuses.has(attempt.status ?? 0))) {
      useGet = true;
      attempt = await follow(url, 'GET', opts, pacer);
    }
    if (!isRetryable(attempt.result) || i >= opts.retries) break;
  }
  return { finalUrl: attempt.finalUrl, status: attempt.status, ms: Math.round(performance.now() - started), ...named(attempt.result) };
}

interface Attempt {
  finalUrl: string;
  status: number | null;
  result: LinkResult;
}

/** One request chain: redirects followed by hand to record the final URL and to catch loops. */
async function follow(start: string, method: 'HEAD' | 'GET', opts: LinkCheckOptions, pacer: HostPacer): Promise<Attempt> {
  // Firewalls often set a cookie on a redirect to the same URL: without keeping it that is a false loop.
  const jar = new Map<string, string>(); // "host name" → "name=value"
  const { cookie: givenCookie, ...headers } = lowerCaseKeys(opts.headers);
  const seen = new Set<string>();
  let url = start;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const host = hostOf(url);
    if (host === null) return { finalUrl: url, status: null, result: 'unsupported-scheme' };
    const kept = [...jar].filter(([key]) => key.startsWith(`${host} `)).map(([, pair]) => pair);
    const cookie = [givenCookie, ...kept].filter(Boolean).join('; ');
    if (seen.has(`${url} ${cookie}`)) break;
    seen.add(`${url} ${cookie}`);
    const { answer: response, limited } = await throughHostGate(url, async (): Promise<{ answer: Response | LinkResult; hold: HostHold | null }> => {
      await pacer.wait(host);
      let answer: Response;
      try {
        answer = await fetch(url, {
          method,
          redirect: 'manual',
          headers: { ...headers, 'user-agent': opts.userAgent, ...(cookie ? { cookie } : {}) },
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
      } catch (error) {
        return { answer: networkFailure(error), hold: null };
      }
      // Only the headers matter: cancelling the body closes the connection instead of downloading a big file.
      await answer.body?.cancel().catch(() => undefined);
      return { answer, hold: await noteRetryAfter(url, answer.status, (name) => answer.headers.get(name)) };
    });
    if (limited) return { finalUrl: url, status: null, result: 'rate-limited' };
    if (typeof response === 'string') return { finalUrl: url, status: null, result: response };
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      for (const line of response.headers.getSetCookie()) {
        const pair = line.split(';')[0] ?? '';
        const eq = pair.indexOf('=');
        if (eq > 0) jar.set(`${host} ${pair.slice(0, eq).trim()}`, pair.trim());
      }
      const next = resolve(location, url);
      if (next) {
        url = next;
        continue;
      }
    }
    return { finalUrl: url, status: response.status, result: statusResult(response.status) };
  }
  return { finalUrl: url, status: null, result: 'redirect-loop' };
}

function statusResult(status: number): LinkResult {
  if (wafStatuses.has(status)) return 'blocked-by-waf';
  if (status >= 500) return 'http-5xx';
  if (status >= 400) return 'http-4xx';
  return 'ok';
}

/** Names a fetch failure from the error and its cause (undici puts the system error code there). */
function networkFailure(error: unknown): LinkResult {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const text = `${(error as Error).name} ${cause?.code ?? ''} ${cause?.message ?? ''}`;
  if (/TimeoutError|TIMEOUT/i.test(text)) return 'timeout';
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME/.test(text)) return 'dns';
  if (/CERT|SSL|TLS|self.signed/i.test(text)) return 'tls';
  if (/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|bad port/i.test(text)) return 'refused';
  // Connection dropped, half-written answer, anything else below HTTP: the server went away.
  return 'reset';
}

/** host:port of an http(s) URL; null for mailto:, tel:, javascript: and the like. */
function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host : null;
  } catch {
    return null;
  }
}

function resolve(location: string, base: string): string | null {
  try {
    return withoutFragment(new URL(location, base).href);
  } catch {
    return null; // an unusable Location: the 3xx is the final answer
  }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Spaces the requests to one host by delayMs (reserved in turn, so concurrent checks queue up). */
class HostPacer {
  private next = new Map<string, number>();
  constructor(private readonly delayMs: number) {}
  async wait(host: string): Promise<void> {
    if (this.delayMs <= 0) return;
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.delayMs);
    await sleep(at - now);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
