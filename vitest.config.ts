import { defineConfig } from 'vitest/config';

import SlowestFirst from './test/slowest-first.js';

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // At most three files at once: the integration project's processes (below); the unit project keeps two
    // threads (with three, a thread was terminated under a running file in CI: "Terminating worker thread").
    maxWorkers: 3,
    minWorkers: 1,
    // Longest files first, so the workers end together; the files that read the shared assessment last (test/slowest-first.ts).
    sequence: { sequencer: SlowestFirst },
    // The unit tests share their workers' loaded modules (isolate: false): loading the same modules again
    // for every file was two thirds of their time. Only the unit project uses the threads pool.
    poolOptions: { threads: { isolate: false, maxThreads: 2, minThreads: 1 } },
    projects: [
      // Unit tests first, then the integration tests, so no more than three workers run at once.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads', sequence: { groupOrder: 0 } } },
      // Browser tests each start Chromium and spend much of their time waiting on pages, timers and child
      // processes: with two files at a time a 2-core CI machine was busy only about half the time; three
      // keep it busy. The shared assessment of the six portals (test/integration/shared) runs beside them,
      // started by the project's global setup.
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          pool: 'forks',
          globalSetup: ['test/integration/shared/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
