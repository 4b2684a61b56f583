import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser tests each start Chromium; two at a time fits the 2-core machines.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
