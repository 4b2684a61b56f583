/** What the bench samples of processes: machine CPU ticks, and the CPU time and resident memory of a process tree (Linux /proc). */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const sampleEveryMs = 200;
/** A PSS sweep reads every process's smaps_rollup: about 8 ms of kernel time a Chromium process, so far less often. */
const pssEveryMs = 2000;

/** Machine-wide busy and total CPU ticks, from the first line of /proc/stat. */
export function cpuTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

// ---------------------------------------------------------------------------------------------------
// Memory: this process plus the Chromium process tree, sampled on timers, peaks kept.

/** A live process's parent and its own CPU time so far (utime + stime, in ticks: its children's not included). */
interface ProcessStat {
  ppid: number;
  ticks: number;
}

/** Every live process, from /proc/<pid>/stat (comm may hold spaces, so split after ')': fields from the 3rd on). */
function processStats(): Map<number, ProcessStat> {
  const stats = new Map<number, ProcessStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 4 (ppid), 14 (utime) and 15 (stime) of proc(5).
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return stats;
}

/** The root pid and all its descendants: renderers hang under the zygote, not the browser itself. */
export function processTree(root: number, stats: Map<number, ProcessStat> = processStats()): number[] {
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, s] of stats) if (s.ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/**
 * CPU time of a process tree (by default this process and everything under it: the browsers, their
 * renderers, and the sample portal servers, which run in this process), from each process's own utime +
 * stime, counted from construction. Unlike the machine's busy time it leaves out what other programs on the
 * machine do meanwhile. A process that ends keeps the time last sampled: at most one sampling interval of
 * its life is lost (a renderer closing), alike in every run.
 */
export class TreeCpu {
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();

  constructor(private readonly root = process.pid) {
    const stats = processStats();
    for (const pid of processTree(root, stats)) this.start.set(pid, stats.get(pid)?.ticks ?? 0);
    this.sample(stats);
  }

  sample(stats: Map<number, ProcessStat> = processStats()): void {
    for (const pid of processTree(this.root, stats)) {
      const ticks = stats.get(pid)?.ticks;
      if (ticks !== undefined) this.last.set(pid, ticks);
    }
  }

  /** Ticks (hundredths of a second) used by the tree since construction, as of the last sample. */
  ticks(): number {
    let sum = 0;
    // A pid seen at the start whose count went down is a new process under a reused pid: all of it is new.
    for (const [pid, ticks] of this.last) sum += ticks - (ticks >= (this.start.get(pid) ?? 0) ? (this.start.get(pid) ?? 0) : 0);
    return sum;
  }
}

export function rssBytes(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Peak memory two ways.
 * - RSS summed over the processes (every 200 ms, synchronously: a few ms a tick, both runs pay it). It counts
 *   a page once for every process that maps it, and Chromium's processes share most of theirs (the binary,
 *   V8's snapshot, shared memory between browser and renderers): 2.9 GB of RSS was 0.8 GB of PSS in a crawl
 *   of ours. The more processes a run has, the more it overstates.
 * - PSS (proportional set size: each shared page split between the processes that map it), the memory the
 *   run actually holds. Read from /proc/<pid>/smaps_rollup every 2 s, off the event loop; the ratios use it.
 */
export class PeakMemory {
  private peak = { total: 0, node: 0, chromium: 0 };
  private peakPss = { total: 0, node: 0, chromium: 0 };
  private timer: NodeJS.Timeout;
  private pssTimer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | null = null;
  /** The same tree's CPU time, sampled with the RSS (one /proc sweep for both). */
  readonly cpu: TreeCpu;

  /**
   * Samples `root` and every process under it; by default this process: the crawl's browser and any other
   * (Lighthouse's own). "node" in the figures is the root process, "chromium" everything under it.
   * `pss: false` leaves the PSS sweeps out (peakMb and its shares are then 0): about 8 ms of kernel time a
   * process every 2 s, counted in the tree's CPU, which runs that set CPU against CPU do without.
   */
  constructor(
    private readonly root = process.pid,
    pss = true,
  ) {
    this.cpu = new TreeCpu(root);
    this.sample();
    this.timer = setInterval(() => this.sample(), sampleEveryMs);
    if (pss) this.pssTimer = setInterval(() => void this.sweepPss(), pssEveryMs);
  }

  private sample(): void {
    const stats = processStats();
    this.cpu.sample(stats);
    const node = rssBytes(this.root);
    const chromium = processTree(this.root, stats)
      .filter((pid) => pid !== this.root)
      .reduce((sum, pid) => sum + rssBytes(pid), 0);
    if (node + chromium > this.peak.total) this.peak = { total: node + chromium, node, chromium };
  }

  private sweepPss(): Promise<void> {
    this.sweeping ??= (async () => {
      const children = processTree(this.root).filter((pid) => pid !== this.root);
      const [node, ...others] = await Promise.all([this.root, ...children].map(pssBytes));
      const chromium = others.reduce((a, b) => a + b, 0);
      if (node! + chromium > this.peakPss.total) this.peakPss = { total: node! + chromium, node: node!, chromium };
    })().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  async stop(): Promise<MemoryFigures> {
    this.sample();
    clearInterval(this.timer);
    clearInterval(this.pssTimer);
    await this.sweeping;
    if (this.pssTimer) await this.sweepPss();
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    return {
      peakMb: mb(this.peakPss.total),
      peakNodeMb: mb(this.peakPss.node),
      peakChromiumMb: mb(this.peakPss.chromium),
      peakRssMb: mb(this.peak.total),
    };
  }
}

export interface MemoryFigures {
  /** Peak PSS of this process and every process under it, MB; Node's and Chromium's shares of that sample. */
  peakMb: number;
  peakNodeMb: number;
  peakChromiumMb: number;
  /** Peak of the RSS sum, MB: the figure earlier benches printed, which counts shared pages once per process. */
  peakRssMb: number;
}

/**
 * Proportional set size of a process; 0 once it has gone. Where smaps_rollup cannot be read (Linux < 4.14,
 * no permission) its RSS instead, which overstates: never a silent 0 for a live process.
 */
export async function pssBytes(pid: number): Promise<number> {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : rssBytes(pid);
  } catch {
    return rssBytes(pid);
  }
}
