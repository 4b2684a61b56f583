import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

import { startSharedAssessment } from './shared-assessment.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedAssessmentDir: string;
  }
}

/**
 * The integration project's global setup: a folder for the shared assessment, started at once when the
 * whole project runs (it then crawls beside the other files), on first use when only some files run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'govscore-shared-'));
  project.provide('sharedAssessmentDir', dir);
  const filtered = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!filtered?.length) startSharedAssessment(dir);
  return async () => {
    const pidFile = join(dir, 'runner.pid');
    if (existsSync(pidFile)) {
      try {
        process.kill(-Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
      } catch {
        // already ended
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
}
