import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs the slowest files first, so that the two workers finish together instead of one of them starting a
 * multi-minute crawl when the other is done. Vitest orders by the durations it cached on earlier runs, but a
 * clean CI clone has none and then goes by file size, which put assess-cli (the longest file) in the middle.
 * The list is by measured wall time, longest first (re-measure: npx vitest run --reporter=json); files not
 * in it follow in vitest's own order.
 */
const slowest = [
  'test/integration/assess-cli.test.ts',
  'test/integration/skins-truth.test.ts',
  'test/integration/queue.test.ts',
  'test/integration/assess-resume.test.ts',
  'test/integration/queue-schedule.test.ts',
  'test/integration/web-browser.test.ts',
  'test/integration/crawl-scope.test.ts',
  'test/integration/accessibility.test.ts',
  'test/integration/monitor.test.ts',
  'test/integration/crawler-failures.test.ts',
  'test/integration/portals-columns.test.ts',
  'test/integration/web-staff.test.ts',
  'test/unit/charts.test.ts',
];

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byVitest = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = slowest.findIndex((path) => f.moduleId.endsWith(path));
      return i < 0 ? slowest.length : i;
    };
    return byVitest.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}
