/**
 * A process-wide gate every page load and link check passes before it contacts a host. The embedded
 * mode has none (each site's crawl paces itself); a queue worker installs one backed by Redis, so a
 * host's request rate holds across every worker of a run — sites that share a host (departments under
 * one portal's domain) and the links thousands of sites have to the same national portals.
 */
export type HostGate = (host: string) => Promise<void>;

let installed: HostGate | null = null;

export function installHostGate(gate: HostGate | null): void {
  installed = gate;
}

/** Waits for this URL's host's turn (returns at once when no gate is installed or the URL has no host). */
export async function passHostGate(url: string): Promise<void> {
  if (!installed) return;
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return;
  }
  if (host) await installed(host);
}
