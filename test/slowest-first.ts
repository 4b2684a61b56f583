import { existsSync } from 'node:fs';

import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs the slowest files first, so that the workers finish together instead of one of them starting a
 * multi-minute crawl when the others are done, and the files that read the shared assessment
 * (test/integration/shared) last: it is crawled beside the others from the start, and a file waiting for it
 * would hold a worker idle. Vitest orders by the durations it cached on earlier runs, but a clean CI clone
 * has none and then goes by file size. The list is by measured wall time, longest first (re-measure: npx
 * vitest run --reporter=json); files in neither list run between the two.
 */
const slowest = [
  'test/integration/collect/skins-truth-17.test.ts',
  'test/integration/cli/assess-resume.test.ts',
  'test/integration/collect/page-checks-portals-b.test.ts',
  'test/integration/collect/page-checks-portals-a.test.ts',
  'test/integration/queue/queue.test.ts',
  'test/integration/collect/page-checks.test.ts',
  'test/integration/queue/queue-schedule.test.ts',
  'test/integration/queue/worker-stop.test.ts',
  'test/integration/collect/lighthouse.test.ts',
  'test/integration/web/web-browser.test.ts',
  'test/integration/collect/accessibility.test.ts',
  'test/integration/collect/crawler-failures.test.ts',
  'test/integration/collect/stalled-pages.test.ts',
  'test/integration/cli/monitor.test.ts',
  'test/integration/collect/crawl-scope.test.ts',
  'test/unit/reports/charts.test.ts',
];
/** The readers of the shared assessment, longest first. */
const last = ['test/integration/cli/assess-report.test.ts', 'test/integration/cli/assess-review.test.ts', 'test/integration/cli/assess-run.test.ts'];

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // A moved or renamed file would silently lose its place: the lists must name files that exist.
    const gone = [...slowest, ...last].filter((path) => !existsSync(new URL(`../${path}`, import.meta.url)));
    if (gone.length) throw new Error(`test/slowest-first.ts lists files that do not exist: ${gone.join(', ')}`);
    const byVitest = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const first = slowest.findIndex((path) => f.moduleId.endsWith(path));
      if (first >= 0) return first;
      const after = last.findIndex((path) => f.moduleId.endsWith(path));
      return after >= 0 ? slowest.length + 1 + after : slowest.length;
    };
    return byVitest
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}
