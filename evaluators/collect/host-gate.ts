import { AsyncLocalStorage } from 'node:async_hooks';

import { defaultCollectOptions } from './options.js';
import { retryAfterMs } from './retry-after.js';

/**
 * A process-wide gate every request of a crawl to a host passes first (page loads, link checks, probes,
 * robots.txt and sitemaps), and where the pauses hosts ask for (Retry-After) are kept. The embedded mode's
 * gate is this process's own: no pacing (each site's crawl paces itself), pauses kept in memory. A queue
 * worker installs one backed by Redis, so a host's request rate and the pause it asked for hold across
 * every worker of a run — sites that share a host (departments under one portal's domain) and the links
 * thousands of sites have to the same national portals.
 */
export interface HostGate {
  /** Waits for the host's turn in the request rate. */
  pace(host: string): Promise<void>;
  /** The pause this host asked for that is still running, or null. */
  held(host: string): Promise<HostHold | null>;
  /** Records a pause the host asked for; a longer one already running is kept. */
  hold(host: string, ms: number, askedS: number): Promise<void>;
}

/** A pause a host asked for (Retry-After on a 429 or 503): what is left of it, and what it asked. */
export interface HostHold {
  leftMs: number;
  askedS: number;
}

/** This process's own gate: no pacing, pauses kept in memory (shared by the sites this process crawls). */
export function localHostGate(): HostGate {
  const holds = new Map<string, { until: number; askedS: number }>();
  return {
    pace: async () => undefined,
    held: async (host) => {
      const hold = holds.get(host);
      const leftMs = (hold?.until ?? 0) - performance.now();
      if (hold && leftMs > 0) return { leftMs, askedS: hold.askedS };
      holds.delete(host);
      return null;
    },
    hold: async (host, ms, askedS) => {
      const until = performance.now() + ms;
      if ((holds.get(host)?.until ?? 0) < until) holds.set(host, { until, askedS });
    },
  };
}

const local = localHostGate();
let installed = local;

/** A queue worker's gate, or null for this process's own again. */
export function installHostGate(gate: HostGate | null): void {
  installed = gate ?? local;
}

// What a site's crawl carries with its async calls, wherever in the crawl a request is made (rather than
// through every function that loads a page): the run's patience, and the hosts it left alone.
interface CrawlGate {
  patienceMs: number;
  /** Host → seconds it asked to be left alone, for the hosts this crawl did not contact because of it. */
  refused: Map<string, number>;
}
const crawlGate = new AsyncLocalStorage<CrawlGate>();

/** Runs a site's crawl under its run's patience: the longest pause a host asks for that its requests wait out. */
export function withPatience<T>(ms: number, work: () => Promise<T>): Promise<T> {
  return crawlGate.run({ patienceMs: ms, refused: new Map() }, work);
}

/** The hosts the current crawl left alone (the pause asked was longer than its patience), with the seconds asked. */
export function refusedHosts(): ReadonlyMap<string, number> {
  return crawlGate.getStore()?.refused ?? new Map();
}

function refuse(url: string, hold: HostHold): HostHold {
  const refused = crawlGate.getStore()?.refused;
  const host = hostOf(url);
  if (refused && host) refused.set(host, Math.max(refused.get(host) ?? 0, hold.askedS));
  return hold;
}

/**
 * Waits for this URL's host's turn: out any pause the host asked for, then for a slot of the request rate.
 * When what is left of the pause is longer than the patience, returns at once with it: the caller does not
 * contact the host. Null means go (as for a URL without a host).
 */
export async function passHostGate(url: string): Promise<HostHold | null> {
  const host = hostOf(url);
  if (!host) return null;
  // Asked again after waiting: the host may have asked for a longer pause meanwhile (another site's request).
  for (let hold = await installed.held(host); hold; hold = await installed.held(host)) {
    if (hold.leftMs > (crawlGate.getStore()?.patienceMs ?? defaultCollectOptions.rateLimitPatienceMs)) return refuse(url, hold);
    await new Promise((resolve) => setTimeout(resolve, hold!.leftMs));
  }
  await installed.pace(host);
  return null;
}

/** Records the pause an answer asks for (429/503 with Retry-After) against its host; returns it, or null when it asks for none. */
export async function noteRetryAfter(url: string, status: number, header: (name: string) => string | null | undefined): Promise<HostHold | null> {
  const ms = retryAfterMs(status, header('retry-after'), header('date'));
  const host = hostOf(url);
  if (ms === null || !host) return null;
  const hold = { leftMs: ms, askedS: Math.ceil(ms / 1000) };
  if (ms > 0) await installed.hold(host, ms, hold.askedS);
  return hold;
}

/** Requests of one URL at most while each answer asks for a pause: a host that keeps asking is rate-limited. */
const maxAsks = 3;

/**
 * Makes a request through the gate, and again once the pause its answer asked for is over (the gate waits
 * it out within patience). `request` makes it once and returns its answer with the pause asked
 * (noteRetryAfter). Returns the last answer, or the pause that stopped it: the URL is then not requested.
 */
export async function throughHostGate<T>(
  url: string,
  request: () => Promise<{ answer: T; hold: HostHold | null }>,
): Promise<{ answer: T; limited: null } | { answer: null; limited: HostHold }> {
  for (let ask = 1; ; ask++) {
    const limited = await passHostGate(url);
    if (limited) return { answer: null, limited };
    const { answer, hold } = await request();
    if (!hold) return { answer, limited: null };
    if (ask >= maxAsks) return { answer: null, limited: refuse(url, hold) };
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
