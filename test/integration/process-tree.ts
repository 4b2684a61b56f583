import { execFileSync } from 'node:child_process';

interface ProcessRow {
  pid: number;
  ppid: number;
  /** ps's state: Z is a zombie, dead but not yet reaped. */
  state: string;
  rssKb: number;
  args: string;
}

function processes(): ProcessRow[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,rss=,args='], { encoding: 'utf8', maxBuffer: 16 << 20 });
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), state: m[3]!, rssKb: Number(m[4]), args: m[5]! }));
}

/** The processes below `root` now (children, their children…), with their command lines; a killed root's orphans are found by pid later. */
export function descendants(root: number): Map<number, string> {
  const rows = processes();
  const found = new Map<number, string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows)
      if ((row.ppid === root || found.has(row.ppid)) && !found.has(row.pid)) {
        found.set(row.pid, row.args);
        grew = true;
      }
  }
  return found;
}

/** Which of these pids still run (zombies are dead), and their resident memory in MB. */
export function stillRunning(pids: Iterable<number>): { pids: number[]; rssMb: number } {
  const wanted = new Set(pids);
  const alive = processes().filter((row) => wanted.has(row.pid) && !row.state.startsWith('Z'));
  return { pids: alive.map((row) => row.pid), rssMb: Math.round(alive.reduce((sum, row) => sum + row.rssKb, 0) / 1024) };
}

/** SIGKILL to each pid that still runs: only ever pids the caller saw below a process it started. */
export function killAll(pids: Iterable<number>): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
