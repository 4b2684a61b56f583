import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { stringify } from 'yaml';

import { type ColumnComparison, compareColumns as compareTruthColumns } from '../../portals/compare/truth-compare.js';
import type { PortalTruth } from '../../portals/model/truth.js';
import type { RunningPortalSet } from '../../portals/server/portal-set.js';
import type { Results } from '../../reports/results.js';

export const bin = new URL('../../bin/govscore.js', import.meta.url).pathname;

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `govscore-${prefix}-`));
}

/** A sites file (YAML, as staff write them) for some of the sample portals, plus extra entries. */
export async function writeSitesFile(dir: string, set: RunningPortalSet, ids: string[], extra: Array<Record<string, unknown>> = []): Promise<string> {
  const file = join(dir, 'sites.yaml');
  const sites = ids.map((id) => {
    const p = set.get(id);
    return { id, name: p.name, url: p.url, group: p.portal.level === 'government' ? '市县政府' : '市直部门', services: p.portal.services !== null };
  });
  await writeFile(file, stringify({ name: '测试评估', asOf: set.asOf, indicators: 'national-2019', sites: [...sites, ...extra] }));
  return file;
}

export function runCli(args: string[], timeoutMs = 300_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [bin, ...args], { timeout: timeoutMs, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the CLI in its own process group, so that killing it also kills its Chromium. */
export function startCli(args: string[]): { child: ChildProcess; output: () => string; killHard: () => void } {
  const child = spawn('node', [bin, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out, killHard: () => process.kill(-child.pid!, 'SIGKILL') };
}

/**
 * Orphaned Chromium main processes (parent gone, adopted by init). Puppeteer starts the browser in its
 * own process group, so killing the CLI's group does not reach it. Browsers of other running tests
 * still have their parent and are never touched.
 */
export function browserPids(): Set<number> {
  const out = execFileSync('ps', ['-eo', 'pid,ppid,args'], { encoding: 'utf8' });
  return new Set(
    out
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter(([, ppid, cmd]) => ppid === '1' && /chrom/.test(cmd ?? '') && !/--type=/.test(cmd ?? ''))
      .map(([pid]) => Number(pid)),
  );
}

/** After a hard kill: a safety net, since the browser exits by itself when its pipe closes (evaluators/collect/browser.ts). */
export function killNewBrowsers(before: Set<number>): void {
  for (const pid of browserPids()) {
    if (before.has(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Every column of the truth read as the truth has it, and no column the truth does not have (portals/compare). */
export function compareColumns(site: Results['sites'][number], truth: PortalTruth): ColumnComparison {
  return compareTruthColumns(site.observations.columns, truth);
}
