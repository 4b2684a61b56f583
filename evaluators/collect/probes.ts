import { noteRetryAfter, passHostGate, withPatience } from './host-gate.js';
import { classifyError } from './navigate.js';
import type { ProbeObservation } from './observations.js';

/**
 * Availability probes on the national protocol: a homepage that does not answer within 15 s counts as
 * not opening (国办秘函〔2019〕19号). Any HTTP answer below 500 means the server is up — a firewall's 403/412
 * challenge included, since a browser gets through it. A probe whose host asked for a longer pause than the
 * run waits (Retry-After) is not taken: a probe left out, not a failed one.
 */
export async function probeHomepage(
  url: string,
  options: { count: number; timeoutMs: number; spacingMs: number; userAgent: string },
): Promise<ProbeObservation[]> {
  const probes: ProbeObservation[] = [];
  for (let i = 0; i < options.count; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, options.spacingMs));
    const probe = await probeOnce(url, options.timeoutMs, options.userAgent);
    if (probe) probes.push(probe);
  }
  return probes;
}

/**
 * A probe of the availability monitor: its protocol needs every round's probe, so a pause the host asked
 * for is waited out however long it is (the probe is taken late rather than not at all).
 */
export async function monitorProbe(url: string, timeoutMs: number, userAgent: string): Promise<ProbeObservation> {
  return (await withPatience(Infinity, () => probeOnce(url, timeoutMs, userAgent)))!;
}

/** One probe; null when it was not taken (the host asked for a pause longer than the patience). */
export async function probeOnce(url: string, timeoutMs: number, userAgent: string): Promise<ProbeObservation | null> {
  if (await passHostGate(url)) return null;
  const at = new Date().toISOString();
  const started = performance.now();
  let response: Response;
  try {
    // A connection of its own, as a new visitor's: a kept-alive socket the server has meanwhile closed would
    // fail as "reset" — a false outage (seen when the process stalled past the server's keep-alive timeout).
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': userAgent, connection: 'close' },
      redirect: 'follow',
    });
    await response.arrayBuffer();
  } catch (error) {
    return { at, url, ok: false, status: null, ms: Math.round(performance.now() - started), failure: classifyError(error) };
  }
  const ms = Math.round(performance.now() - started);
  // Taken as it answered (a 503 asking for a pause is the site down for a while); the next request waits.
  await noteRetryAfter(response.url, response.status, (name) => response.headers.get(name));
  const ok = response.status < 500;
  return { at, url, ok, status: response.status, ms, failure: ok ? null : `http-${response.status}` };
}
