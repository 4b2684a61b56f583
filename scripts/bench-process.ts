/** What the bench samples of processes: machine CPU ticks and the resident memory of a process tree (Linux /proc). */
import { readdirSync, readFileSync } from 'node:fs';

const sampleEveryMs = 200;

/** Machine-wide busy and total CPU ticks, from the first line of /proc/stat. */
export function cpuTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

// ---------------------------------------------------------------------------------------------------
// Memory: RSS of this process plus the Chromium process tree, sampled on a timer, peak kept.

/** Parent pid of every live process, from /proc/<pid>/stat (comm may hold spaces, so split after ')'). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return parents;
}

/** The root pid and all its descendants: renderers hang under the zygote, not the browser itself. */
export function processTree(root: number): number[] {
  const parents = parentPids();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

export function rssBytes(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples synchronously (a few ms per tick): both runs pay the same small tax on the event loop. */
export class PeakMemory {
  private peak = { total: 0, node: 0, chromium: 0 };
  private timer: NodeJS.Timeout;

  /** Samples this process and every process under it: the crawl's browser and any other (Lighthouse's own). */
  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), sampleEveryMs);
  }

  private sample(): void {
    const node = process.memoryUsage.rss();
    const chromium = processTree(process.pid).filter((pid) => pid !== process.pid).reduce((sum, pid) => sum + rssBytes(pid), 0);
    if (node + chromium > this.peak.total) this.peak = { total: node + chromium, node, chromium };
  }

  stop(): { peakMb: number; peakNodeMb: number; peakChromiumMb: number } {
    this.sample();
    clearInterval(this.timer);
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    return { peakMb: mb(this.peak.total), peakNodeMb: mb(this.peak.node), peakChromiumMb: mb(this.peak.chromium) };
  }
}

