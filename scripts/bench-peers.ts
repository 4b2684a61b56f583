/**
 * Peers on the same pages (`npm run bench -- --peers`): pa11y-ci and Unlighthouse, installed into a scratch
 * folder outside the project (never a dependency of govscore), driven against the sample portals the bench
 * serves and run with this machine's Chromium. Each is timed as a whole process: wall seconds, the machine's
 * busy CPU seconds meanwhile, peak memory of its process tree.
 *
 * - pa11y-ci: the pages ours scanned with axe, with pa11y's axe runner: accessibility per URL, set against
 *   one axe scan inside ours' crawl.
 * - Unlighthouse: each portal from its homepage, up to `routes` pages each: a site scan per page, set
 *   against ours' crawl per page.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { findChromium, findHeadlessShell } from '../evaluators/collect/browser.js';
import { cpuTicks, PeakMemory } from './bench-process.js';

/** Pinned peers: the versions the README's figures come from. */
const peerPackages = ['pa11y-ci@4.1.1', '@unlighthouse/cli@0.17.10', 'puppeteer@24.37.5'];

export interface PeerFigures {
  tool: string;
  /** URLs given (pa11y-ci) or pages scanned (Unlighthouse). */
  pages: number;
  seconds: number;
  cpuSeconds: number;
  /** Peak PSS of the tool's process tree, MB, and peak RSS sum (see PeakMemory). */
  peakMb: number;
  peakRssMb: number;
  exitCode: number | null;
  /** Why the figures are not measured, when the tool could not run. */
  error: string | null;
}

/** Installs the peers once into `dir` (npm registry only; no browser download: this machine's Chromium is used). */
export function installPeers(dir: string): void {
  if (existsSync(join(dir, 'node_modules', '.bin', 'pa11y-ci')) && existsSync(join(dir, 'node_modules', '.bin', 'unlighthouse-ci'))) return;
  const result = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel', 'error', ...peerPackages], {
    stdio: 'inherit',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
  });
  if (result.status !== 0) throw new Error(`installing ${peerPackages.join(', ')} into ${dir} failed (exit ${result.status})`);
}

/**
 * Runs a command and samples its process tree for peak memory (PSS, and the RSS sum) as the bench's own runs. CPU is the machine's busy time
 * during the run (/proc/stat), as for the bench's other runs: nothing else runs meanwhile, and summing each
 * process's own and waited-for children's ticks would count a child twice.
 */
async function measureProcess(tool: string, command: string, args: string[], cwd: string, pages: () => number): Promise<PeerFigures> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true', CI: 'true' } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => void (output = (output + d.toString()).slice(-4000)));
  child.stderr.on('data', (d: Buffer) => void (output = (output + d.toString()).slice(-4000)));
  const cpuBefore = cpuTicks();
  const memory = new PeakMemory(child.pid!);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // Sampled once more at stop: by then the tree is gone, which adds nothing to the peaks.
  const { peakMb, peakRssMb } = await memory.stop();
  const seconds = (performance.now() - started) / 1000;
  const ticksPerSecond = 100; // USER_HZ on Linux
  const cpuSeconds = (cpuTicks().busy - cpuBefore.busy) / ticksPerSecond;
  const counted = pages();
  return {
    tool,
    pages: counted,
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: Math.round(cpuSeconds * 10) / 10,
    peakMb,
    peakRssMb,
    exitCode,
    error: counted > 0 ? null : `no page measured (exit ${exitCode}): ${output.trim().split('\n').slice(-3).join(' | ')}`,
  };
}

const chromiumArgs = ['--no-sandbox', '--disable-dev-shm-usage'];

function chromium(): string {
  const path = findChromium() ?? findHeadlessShell();
  if (!path) throw new Error('no Chromium found for the peers (bash scripts/ensure-browser.sh)');
  return path;
}

/** pa11y-ci over `urls`, axe runner, one URL at a time (its default). */
export async function runPa11yCi(dir: string, urls: string[]): Promise<PeerFigures> {
  const work = join(dir, 'pa11y');
  await mkdir(work, { recursive: true });
  const config = join(work, 'pa11y-ci.json');
  await writeFile(
    config,
    JSON.stringify({ defaults: { runners: ['axe'], timeout: 30_000, chromeLaunchConfig: { executablePath: chromium(), args: chromiumArgs } }, urls }),
  );
  const out = join(work, 'results.json');
  const figures = await measureProcess(
    'pa11y-ci',
    'sh',
    ['-c', `"${join(dir, 'node_modules', '.bin', 'pa11y-ci')}" --config "${config}" --json > "${out}"`],
    work,
    () => {
      // A URL pa11y checked lists its issues (each with a rule code); one it could not load lists the error alone.
      // Exit code 2 only says issues were found.
      try {
        const results = JSON.parse(readFileSync(out, 'utf8')) as { results?: Record<string, Array<{ code?: string }>> };
        return Object.values(results.results ?? {}).filter((issues) => issues.length === 0 || issues.some((i) => i.code)).length;
      } catch {
        return 0;
      }
    },
  );
  return figures;
}

/** Unlighthouse CI on each portal, up to `routes` pages each, Lighthouse on the same Chromium. */
export async function runUnlighthouse(dir: string, sites: string[], routes: number): Promise<PeerFigures> {
  const all: PeerFigures[] = [];
  for (const [i, site] of sites.entries()) {
    const work = join(dir, 'unlighthouse', String(i));
    await mkdir(work, { recursive: true });
    const config = {
      site,
      scanner: { maxRoutes: routes, samples: 1, throttle: false, sitemap: false, robotsTxt: false },
      puppeteerOptions: { executablePath: chromium(), args: chromiumArgs },
      chrome: { useSystem: false, useDownloadFallback: false },
      ci: { reporter: 'jsonSimple' },
      outputPath: join(work, 'out'),
    };
    await writeFile(join(work, 'unlighthouse.config.mjs'), `export default ${JSON.stringify(config, null, 2)};\n`);
    all.push(
      await measureProcess('Unlighthouse', join(dir, 'node_modules', '.bin', 'unlighthouse-ci'), ['--site', site], work, () => {
        try {
          const result = JSON.parse(readFileSync(join(work, 'out', 'ci-result.json'), 'utf8')) as unknown[] | { routes?: unknown[] };
          return Array.isArray(result) ? result.length : (result.routes?.length ?? 0);
        } catch {
          return 0;
        }
      }),
    );
  }
  const sum = (pick: (f: PeerFigures) => number) => Math.round(all.reduce((s, f) => s + pick(f), 0) * 10) / 10;
  const failed = all.filter((f) => f.error);
  return {
    tool: 'Unlighthouse',
    pages: sum((f) => f.pages),
    seconds: sum((f) => f.seconds),
    cpuSeconds: sum((f) => f.cpuSeconds),
    peakMb: Math.max(0, ...all.map((f) => f.peakMb)),
    peakRssMb: Math.max(0, ...all.map((f) => f.peakRssMb)),
    exitCode: failed[0]?.exitCode ?? 0,
    error:
      failed.length === all.length
        ? (failed[0]?.error ?? 'no site scanned')
        : failed.length
          ? `${failed.length} of ${all.length} sites not scanned: ${failed[0]!.error}`
          : null,
  };
}
