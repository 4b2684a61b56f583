/**
 * The kill -9 drill (npm run drill [-- --seed N --kills 10 --worker-kills 10 --only embedded|worker]).
 *
 * 1. Embedded: `govscore assess` of the six sample portals is killed with SIGKILL (the node process alone,
 *    as an OOM killer or `kill -9 <pid>` does) at seeded random points, and started again each time; a
 *    last run finishes it. After each kill the store must hold no fewer finished sites and no fewer pages
 *    per site than at the kill before (the crawl journal keeps them).
 * 2. Workers: `assess --queue` runs the same portals through a real redis-server while one `govscore
 *    worker` at a time is killed the same way and replaced; a last worker finishes the run. The next
 *    worker must resume each interrupted site from no fewer pages than its journal held at the kill. A site
 *    whose worker died more often than BullMQ's maxStalledCount allows is given up (recorded as an error):
 *    the drill says which, and runs the same command again to show what becomes of them.
 *
 * After each kill: the Chromium processes that were below the killed process and still run 3 s later,
 * and our temp folders (browser profiles, a worker's screenshots) left in its temp directory. The children
 * get a temp directory of the drill's own, so other programs' folders are neither counted nor touched.
 * Survivors are killed after they are counted (only pids seen below a process the drill started).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import Database from 'better-sqlite3';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

import { startPortalSet } from '../portals/server/portal-set.js';
import type { Results } from '../reports/results.js';
import { bin } from '../test/integration/cli-helpers.js';
import { descendants, killAll, stillRunning } from '../test/integration/process-tree.js';
import { startRedis } from '../test/integration/queue/redis-server.js';

const { values: flags } = parseArgs({
  options: {
    seed: { type: 'string' },
    kills: { type: 'string', default: '10' },
    'worker-kills': { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const seed = flags.seed ? Number(flags.seed) : Math.floor(Math.random() * 2 ** 31);
const rng = xoroshiro128plus(seed);
/**
 * Kill points, in ms after the process began its work: the embedded run's after it starts collecting (a
 * restart spends its first seconds on probes and homepages again), a worker's after it took its first site.
 */
const killPoint = { embedded: () => uniformInt(rng, 5000, 90_000), worker: () => uniformInt(rng, 5000, 45_000) };
const asOf = '2026-11-21';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
  phase: string;
  n: number;
  killAtS: number;
  during: string;
  chromium: number;
  aliveAfter3s: number;
  aliveMb: number;
  /** Our folders left by the killed process / by earlier kills and still there. */
  foldersLeft: number;
  foldersOlder: number;
  progress: string;
  /** Whether what was collected before the kill was kept when the work resumed; null before it resumed. */
  kept: boolean | null;
  note?: string;
}
const rows: Row[] = [];

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** The temp dir's entries when it started: what it leaves is what is new. */
  tmpBefore: Set<string>;
}

async function start(args: string[], tmp: string): Promise<Started> {
  const tmpBefore = new Set(await readdir(tmp));
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out, exited: new Promise((r) => child.once('exit', (code) => r(code))), tmpBefore };
}

/** Resolves when the pattern shows in the output (true) or the process exits first (false). */
async function logged(p: Started, pattern: RegExp, from = 0): Promise<boolean> {
  while (!pattern.test(p.output().slice(from))) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return false;
    await sleep(100);
  }
  return true;
}

/** Waits `ms` while collecting the Chromium processes below `pid` (Lighthouse's browser comes and goes); false if it exited first. */
async function watchBrowsers(p: Started, ms: number, seen: Set<number>): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (p.child.exitCode !== null) return false;
    for (const [pid, args] of descendants(p.child.pid!)) if (/chrom/.test(args)) seen.add(pid);
    await sleep(250);
  }
  return p.child.exitCode === null;
}

/** Kills the process with SIGKILL, waits 3 s, and counts what it left: browsers still running, our folders in its temp dir. */
async function killAndCount(p: Started, seen: Set<number>, tmp: string) {
  const now = [...descendants(p.child.pid!)].filter(([, args]) => /chrom/.test(args)).map(([pid]) => pid);
  for (const pid of now) seen.add(pid);
  p.child.kill('SIGKILL');
  await p.exited;
  await sleep(3000);
  const alive = stillRunning(seen);
  killAll(alive.pids);
  // Ours, and Puppeteer's own profile folders (which an earlier govscore used).
  const ours = (await readdir(tmp)).filter((name) => /^govscore-(chrome|evidence)-\d+-/.test(name) || name.startsWith('puppeteer_dev_chrome_profile-'));
  const left = ours.filter((name) => !p.tmpBefore.has(name));
  const older = ours.filter((name) => p.tmpBefore.has(name));
  return { chromium: now.length, alive, left: left.length, older: older.length };
}

/** What the store holds: finished sites, and pages per site (stored for finished sites, journaled for the others). */
function storeState(dbFile: string): { done: number; pages: Map<string, number> } {
  const db = new Database(dbFile);
  try {
    const done = db.prepare("SELECT count(*) FROM run_sites WHERE status != 'pending'").pluck().get() as number;
    const pages = new Map<string, number>();
    for (const row of db.prepare('SELECT site_id, count(DISTINCT url) AS n FROM pages GROUP BY site_id').all() as Array<{ site_id: string; n: number }>)
      pages.set(row.site_id, row.n);
    const journaled = new Map<string, Set<string>>();
    for (const row of db.prepare('SELECT site_id, json FROM crawl_journal').all() as Array<{ site_id: string; json: string }>) {
      const urls = journaled.get(row.site_id) ?? new Set<string>();
      for (const page of (JSON.parse(row.json) as { pages: Array<{ url: string }> }).pages) urls.add(page.url);
      journaled.set(row.site_id, urls);
    }
    for (const [site, urls] of journaled) if (!pages.has(site)) pages.set(site, urls.size);
    return { done, pages };
  } finally {
    db.close();
  }
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const notFewer = (now: Map<string, number>, before: Map<string, number>) => [...before].every(([site, n]) => (now.get(site) ?? 0) >= n);

/** A run that finished: all six sites in results.json, and no fewer sites and pages than at the last kill. */
async function checkFinished(out: string, code: number | null, before: ReturnType<typeof storeState> | null): Promise<void> {
  const results: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
  const final = storeState(join(out, 'govscore.db'));
  const kept = before ? final.done >= before.done && notFewer(final.pages, before.pages) : null;
  console.log(
    `embedded: the run exited ${code}; results.json: ${results.sites.map((s) => `${s.id} ${s.status}`).join(', ')}; ${sum(final.pages)} pages; not fewer than at the last kill: ${kept ?? '–'}`,
  );
  if (kept === false || code !== 0 || results.sites.length !== 6) process.exitCode = 1;
}

async function embeddedDrill(root: string, sitesFile: string, kills: number): Promise<void> {
  const tmp = join(root, 'tmp-embedded');
  await mkdir(tmp);
  let round = 0;
  let out = '';
  let before: ReturnType<typeof storeState> | null = null;
  // A run that finishes before its kill point is checked, and a fresh assessment takes the kills left.
  const newRound = () => {
    round++;
    out = join(root, `embedded-${round}`);
    before = null;
  };
  newRound();
  const args = () => ['assess', sitesFile, '--out', out, '--as-of', asOf];
  for (let n = 1; n <= kills;) {
    const at = killPoint.embedded();
    const run = await start(args(), tmp);
    const seen = new Set<number>();
    if (!(await logged(run, /collecting \d+/)) || !(await watchBrowsers(run, at, seen))) {
      console.log(`embedded: the run finished before its kill point (${(at / 1000).toFixed(1)} s); a new assessment takes the kills left`);
      await checkFinished(out, await run.exited, before);
      newRound();
      continue;
    }
    const counted = await killAndCount(run, seen, tmp);
    const state = storeState(join(out, 'govscore.db'));
    const kept: boolean | null = before ? state.done >= before.done && notFewer(state.pages, before.pages) : null;
    rows.push({
      phase: 'embedded',
      n,
      killAtS: at / 1000,
      during: `round ${round}: ${state.done}/6 sites done, ${Math.max(0, state.pages.size - state.done)} mid-site`,
      chromium: counted.chromium,
      aliveAfter3s: counted.alive.pids.length,
      aliveMb: counted.alive.rssMb,
      foldersLeft: counted.left,
      foldersOlder: counted.older,
      progress: `${state.done} sites, ${sum(state.pages)} pages`,
      kept,
    });
    printRow(rows.at(-1)!);
    before = state;
    n++;
  }
  const last = await start(args(), tmp);
  await checkFinished(out, await last.exited, before);
}

async function workerDrill(root: string, sitesFile: string, kills: number): Promise<void> {
  const tmp = join(root, 'tmp-workers');
  await mkdir(tmp);
  const redis = await startRedis();
  const client = redis.client();
  const out = join(root, 'queued');
  const coordinator = await start(['assess', sitesFile, '--out', out, '--as-of', asOf, '--queue', redis.url], tmp);
  const workerArgs = ['worker', '--redis', redis.url, '--concurrency', '2', '--lock-ms', '5000'];
  const checks: Array<{ at: number; journals: Map<string, number>; row: Row }> = [];
  try {
    for (let n = 1; n <= kills; n++) {
      const at = killPoint.worker();
      const worker = await start(workerArgs, tmp);
      const seen = new Set<number>();
      const from = coordinator.output().length;
      const took = await Promise.race([logged(coordinator, new RegExp(`started on \\S+-${worker.child.pid}\\b`), from), coordinator.exited.then(() => false)]);
      if (!took || !(await watchBrowsers(worker, at, seen))) {
        console.log(`worker #${n}: the run finished before its kill point`);
        worker.child.kill('SIGTERM');
        await worker.exited;
        break;
      }
      // The sites in the worker's hands, and the pages their journals hold at the kill.
      const since = coordinator.output().slice(from);
      const runId = /— run (\S+),/.exec(coordinator.output())?.[1];
      const finished = new Set([...since.matchAll(/\[\d+\/6\] (\S+)/g)].map((m) => m[1]!));
      const inHand = [...new Set([...since.matchAll(new RegExp(`(\\S+): started on \\S+-${worker.child.pid}\\b`, 'g'))].map((m) => m[1]!))];
      const journals = new Map<string, number>();
      for (const site of inHand.filter((site) => !finished.has(site))) journals.set(site, await client.hlen(`govscore:journal:${runId}.${site}`));
      const mark = coordinator.output().length;
      const counted = await killAndCount(worker, seen, tmp);
      const done = (coordinator.output().match(/\[\d+\/6\]/g) ?? []).length;
      const row: Row = {
        phase: 'worker',
        n,
        killAtS: at / 1000,
        during: `in hand: ${[...journals].map(([site, pages]) => `${site} ${pages} pages journaled`).join(', ') || 'none'}`,
        chromium: counted.chromium,
        aliveAfter3s: counted.alive.pids.length,
        aliveMb: counted.alive.rssMb,
        foldersLeft: counted.left,
        foldersOlder: counted.older,
        progress: `${done} sites`,
        kept: null,
      };
      rows.push(row);
      printRow(row);
      checks.push({ at: mark, journals, row });
    }
    const last = await start(workerArgs, tmp);
    const code = await coordinator.exited;
    // Each site a kill interrupted: the next worker that took it resumed from no fewer pages than its journal
    // held — unless BullMQ gave the site up first (its worker died more often than maxStalledCount allows).
    const log = coordinator.output();
    for (const { at, journals, row } of checks) {
      const after = log.slice(at);
      const givenUp: string[] = [];
      row.kept = [...journals].every(([site, pages]) => {
        const next = new RegExp(`${site}: started on [^\\s,]+(?: \\(attempt \\d+\\))?(?:, resuming after (\\d+) pages)?`).exec(after);
        const gaveUp = after.indexOf(`${site} — error: the queue gave up`);
        if (gaveUp >= 0 && (!next || gaveUp < next.index)) {
          givenUp.push(site);
          return true;
        }
        const ok = next !== null && Number(next[1] ?? 0) >= pages;
        if (!ok) console.log(`worker #${row.n}: ${site} had ${pages} pages journaled; next start: ${next?.[0] ?? 'none'}`);
        return ok;
      });
      if (givenUp.length) row.note = `then given up by the queue: ${givenUp.join(', ')}`;
    }
    const results: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    console.log(
      `workers: the coordinator exited ${code}; results.json: ${results.sites.length} sites (${results.sites.map((s) => `${s.id} ${s.status}`).join(', ')})`,
    );
    for (const site of results.sites.filter((s) => s.status !== 'assessed'))
      console.log(
        `${site.id}, ${site.status}, in the coordinator's log:\n  ${log
          .split('\n')
          .filter((line) => line.includes(`${site.id}`))
          .join('\n  ')}`,
      );
    // README: "A site that fails for good is recorded as an error; running the command again retries it."
    if (results.sites.some((s) => s.status === 'error')) {
      const again = await start(['assess', sitesFile, '--out', out, '--as-of', asOf, '--queue', redis.url], tmp);
      const againCode = await again.exited;
      const rerun: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
      console.log(
        `workers: the same command again exited ${againCode}: ${/\d+\/6 sites already collected[^\n]*/.exec(again.output())?.[0] ?? again.output().slice(0, 300)}; results.json: ${rerun.sites.map((s) => `${s.id} ${s.status}`).join(', ')}`,
      );
    }
    last.child.kill('SIGTERM');
    await last.exited;
    if (checks.some((c) => c.row.kept === false)) process.exitCode = 1;
  } finally {
    if (coordinator.child.exitCode === null) coordinator.child.kill('SIGKILL');
    await redis.stop();
  }
}

function printRow(r: Row): void {
  console.log(
    `${r.phase.padEnd(8)} ${String(r.n).padStart(2)}  ${r.killAtS.toFixed(1).padStart(5)} s  ${String(r.chromium).padStart(3)}  ${String(r.aliveAfter3s).padStart(5)}  ${String(r.aliveMb).padStart(5)}  ${String(r.foldersLeft).padStart(4)}  ${String(r.foldersOlder).padStart(5)}  ${r.progress.padEnd(22)} ${(r.kept === null ? '–' : r.kept ? 'yes' : 'NO').padEnd(3)}  ${r.during}${r.note ? ` (${r.note})` : ''}`,
  );
}

const header = `phase     #  kill at  chr  alive     MB  left  older  kept so far             ≥   during`;
console.log(`kill -9 drill, seed ${seed} (again: npm run drill -- --seed ${seed})`);
console.log(
  'chr: Chromium processes below the killed one; alive: still running 3 s after the kill, MB their summed RSS (shared pages counted in each); left/older: our temp folders left by this kill / by earlier ones, still there',
);
const root = await mkdtemp(join(tmpdir(), 'govscore-drill-'));
const set = await startPortalSet({ asOf, seed: 'drill', outDir: join(root, 'portals') });
try {
  const sitesFile = join(root, 'portals', 'sites.json');
  console.log(header);
  if (flags.only !== 'worker') await embeddedDrill(root, sitesFile, Number(flags.kills));
  if (flags.only !== 'embedded') await workerDrill(root, sitesFile, Number(flags['worker-kills']));
  console.log(`\n${header}`);
  for (const r of rows) printRow(r);
  for (const phase of ['embedded', 'worker']) {
    const of = rows.filter((r) => r.phase === phase);
    const total = (key: 'aliveAfter3s' | 'aliveMb' | 'foldersLeft' | 'foldersOlder') => of.reduce((s, r) => s + r[key], 0);
    console.log(
      `${phase}: ${of.length} kills; Chromium still running 3 s after: ${total('aliveAfter3s')} processes in ${of.filter((r) => r.aliveAfter3s).length} kills (${total('aliveMb')} MB); folders left by the killed process: ${total('foldersLeft')}, by earlier kills still there: ${total('foldersOlder')}; journal kept: ${of.filter((r) => r.kept).length}/${of.filter((r) => r.kept !== null).length}`,
    );
  }
} finally {
  await set.close();
  await rm(root, { recursive: true, force: true });
}
