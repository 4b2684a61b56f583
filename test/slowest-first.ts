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
  'test/integration/skins-truth-17.test.ts',
  'test/integration/queue.test.ts',
  'test/integration/assess-resume.test.ts',
  'test/integration/queue-schedule.test.ts',
  'test/integration/lighthouse.test.ts',
  'test/integration/web-browser.test.ts',
  'test/integration/accessibility.test.ts',
  'test/integration/crawler-failures.test.ts',
  'test/integration/monitor.test.ts',
  'test/integration/crawl-scope.test.ts',
  'test/unit/charts.test.ts',
];
/** The readers of the shared assessment, longest first. */
const last = ['test/integration/assess-report.test.ts', 'test/integration/assess-review.test.ts', 'test/integration/assess-run.test.ts'];

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byVitest = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const first = slowest.findIndex((path) => f.moduleId.endsWith(path));
      if (first >= 0) return first;
      const after = last.findIndex((path) => f.moduleId.endsWith(path));
      return after >= 0 ? slowest.length + 1 + after : slowest.length;
    };
    return byVitest.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}
