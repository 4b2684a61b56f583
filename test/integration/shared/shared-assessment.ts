import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { cp, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { PortalTruth } from '../../../portals/model/truth.js';
import type { Results } from '../../../reports/results.js';
import { tempDir } from '../cli-helpers.js';

/**
 * One `govscore assess` of the six sample portals per test run, shared by the files that read its outputs
 * (assess-run, assess-review, assess-report): crawling them once per file cost minutes of CI each. The
 * integration project's global setup starts it at once (global-setup.ts), so it runs beside the other files;
 * a file run on its own starts it on first use. It runs in a process of its own (run-shared-assessment.ts),
 * which serves the portals, so no test file's lifetime bounds it.
 */
export const sharedAsOf = '2026-11-21';
export const sharedSeed = 'assess-test';
/** The markup the shared portals are written in: a non-classic skin (portals/render/skin), so nothing the run-level tests check rests on how the classic markup happens to be written. */
export const sharedSkin = '2';
export const sharedIds = ['zfw', 'jyj', 'fgw', 'rsj', 'qxx', 'wjw'];
/** A name as hostile as crawled text can be: it must come out inert in every output. */
export const hostileName = '=HYPERLINK("http://evil.example","点我")<script>alert(1)</script>';

/** What the runner writes to done.json when the assess command has exited. */
export interface SharedRunOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** What the runner writes to portals.json before the crawl starts: the truth behind each served portal. */
export interface SharedPortals {
  deadUrl: string;
  portals: Array<{ id: string; name: string; url: string; truth: PortalTruth }>;
}

export interface SharedAssessment {
  /** The folder the assess command was given as --out: results.json, govscore.db, evidence/. */
  out: string;
  sitesFile: string;
  run: SharedRunOutcome;
  results: Results;
  portals: SharedPortals;
  truth(id: string): PortalTruth;
  /** A private copy of the output folder (database and evidence) for a file that writes to the store. */
  copy(prefix: string): Promise<string>;
}

const startedMarker = 'started';
const doneFile = 'done.json';

/** Starts the runner unless it was started already (mkdir is atomic: only one caller wins). */
export function startSharedAssessment(dir: string): void {
  try {
    mkdirSync(join(dir, startedMarker));
  } catch {
    return;
  }
  const log = openSync(join(dir, 'runner.log'), 'a');
  const runner = new URL('./run-shared-assessment.ts', import.meta.url).pathname;
  // Its own process group: the teardown ends it, its CLI and that CLI's Chromium together.
  const child = spawn(process.execPath, ['--import', 'tsx', runner, dir], { detached: true, stdio: ['ignore', log, log] });
  writeFileSync(join(dir, 'runner.pid'), String(child.pid));
  child.unref();
}

/** Waits for the shared assessment (starting it if nobody has) and reads what it wrote. */
export async function sharedAssessment(dir: string, timeoutMs = 1_100_000): Promise<SharedAssessment> {
  startSharedAssessment(dir);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(join(dir, doneFile))) {
    if (Date.now() > deadline) throw new Error(`the shared assessment did not finish in ${timeoutMs / 1000} s; its log: ${join(dir, 'runner.log')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const run = JSON.parse(await readFile(join(dir, doneFile), 'utf8')) as SharedRunOutcome;
  const portals = JSON.parse(await readFile(join(dir, 'portals.json'), 'utf8')) as SharedPortals;
  const out = join(dir, 'out');
  const resultsFile = join(out, 'results.json');
  if (!existsSync(resultsFile)) throw new Error(`the shared assessment wrote no results.json (exit ${run.code}): ${run.stderr.slice(-2000)}`);
  const results = JSON.parse(await readFile(resultsFile, 'utf8')) as Results;
  return {
    out,
    sitesFile: join(dir, 'sites.yaml'),
    run,
    results,
    portals,
    truth(id) {
      const found = portals.portals.find((p) => p.id === id);
      if (!found) throw new Error(`no sample portal "${id}" in the shared assessment`);
      return found.truth;
    },
    async copy(prefix) {
      const target = join(await tempDir(prefix), 'out');
      await mkdir(target, { recursive: true });
      await cp(out, target, { recursive: true });
      return target;
    },
  };
}
