import { passHostGate } from './host-gate.js';
import { classifyError } from './navigate.js';
import type { ProbeObservation } from './observations.js';

/**
 * Availability probes on the national protocol: a homepage that does not answer within 15 s counts as
 * not opening (国办秘函〔2019〕19号). Any HTTP answer below 500 means the server is up — a firewall's 403/412
 * challenge included, since a browser gets through it.
 */
export async function probeHomepage(
  url: string,
  options: { count: number; timeoutMs: number; spacingMs: number; userAgent: string },
): Promise<ProbeObservation[]> {
  const probes: ProbeObservation[] = [];
  for (let i = 0; i < options.count; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, options.spacingMs));
    probes.push(await probeOnce(url, options.timeoutMs, options.userAgent));
  }
  return probes;
}

export async function probeOnce(url: string, timeoutMs: number, userAgent: string): Promise<ProbeObservation> {
  await passHostGate(url);
  const at = new Date().toISOString();
  const started = performance.now();
  try {
    // A connection of its own, as a new visitor's: a kept-alive socket the server has meanwhile closed would
    // fail as "reset" — a false outage (seen when the process stalled past the server's keep-alive timeout).
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': userAgent, connection: 'close' },
      redirect: 'follow',
    });
    await response.arrayBuffer();
    const ms = Math.round(performance.now() - started);
    const ok = response.status < 500;
    return { at, url, ok, status: response.status, ms, failure: ok ? null : `http-${response.status}` };
  } catch (error) {
    return { at, url, ok: false, status: null, ms: Math.round(performance.now() - started), failure: classifyError(error) };
  }
}
