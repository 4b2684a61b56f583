import { afterAll, expect, it } from 'vitest';

import type { SiteMeasurements } from '../../../evaluators/evaluate-site.js';
import { daysBetween } from '../../../evaluators/lib/dates.js';
import { addEvaluatorFigures, compareEvaluators, type EvaluatorFigures, evaluatorLine } from '../../../portals/compare/evaluator-compare.js';
import type { PortalTruth } from '../../../portals/model/truth.js';

/**
 * The disclosure, mailbox, services, identity and documents evaluators against the sample portals' ground truth.
 * Registered inside a describe whose crawl has run (assess-run.test.ts, on the shared assessment): the evaluators are checked on the
 * observations that crawl stored, so no test file crawls the six portals a second time for them.
 * `measured()` is read when the tests run, after the describe's beforeAll.
 */
export function evaluatorTruthTests(asOf: string, ids: string[], measured: () => Map<string, { m: SiteMeasurements; truth: PortalTruth }>): void {
  const figures = new Map<string, EvaluatorFigures>();
  /** The pure comparison (evaluator-compare.ts), once per portal; each test asserts its measurements' tallies. */
  const compared = (id: string) => {
    if (!figures.has(id)) {
      const { m, truth } = measured().get(id)!;
      figures.set(id, compareEvaluators(m, truth, asOf));
    }
    return figures.get(id)!;
  };
  const expectAllRight = (id: string, names: string[]) => {
    expect(names.filter((name) => compared(id)[name]).length, `${id}: none of ${names.join(', ')} was compared`).toBeGreaterThan(0);
    for (const name of names) {
      const t = compared(id)[name];
      if (t) expect(t.wrong, `${id} ${name}`).toEqual([]);
    }
  };

  it('disclosure: Art. 20/21 items, 指南 elements, 机构职能, 领导信息 and the annual report as planted', () => {
    for (const id of ids)
      expectAllRight(id, [
        'disclosure found',
        'disclosure items',
        'disclosure guide elements',
        'disclosure institution elements',
        'disclosure leaders elements',
        'annual reports',
      ]);
  });

  it('mailbox: letters, replies, reply rate, unanswered letters and working-day latency as planted', () => {
    for (const id of ids) {
      expectAllRight(id, ['mailbox channel', 'mailbox statistics', 'median latency (±0.5 working day)']);
      const { m, truth } = measured().get(id)!;
      const got = m.mailbox!;
      const t = truth.mailbox;
      // 信访 and 纪检举报 links are seen and kept apart, never taken for a consultation channel.
      for (const link of truth.nonConsultationLinks) expect(got.notConsultation, id).toContain(link.text);
      if (!t) {
        expect(got.letters).toBe(0);
        expect(got.counts.noChannelOrOverdue, `${id}: no channel is a V6 problem`).toBeGreaterThanOrEqual(1);
        continue;
      }
      expect(got.replyRate, id).toBeCloseTo(t.lastYear.replyRate!, 3);
      // Letters sent on the eve of a holiday: the holiday does not count against the reply.
      for (const l of t.items.filter((x) => x.aroundHoliday && x.replied)) {
        const row = got.latencies.find((x) => x.url === l.url);
        expect(row, `${id} ${l.aroundHoliday} letter read`).toBeDefined();
        expect(row!.workingDays, `${id} ${l.aroundHoliday}`).toBeLessThan(daysBetween(l.received, l.replied!));
      }
    }
  });

  it('services: guides found, the 8 element classes per guide, dead attachments and online links as planted', () => {
    for (const id of ids) {
      const { m, truth } = measured().get(id)!;
      if (!truth.portal.services) {
        expect(m.services, `${id} has no services: not applicable`).toBeNull();
        continue;
      }
      expectAllRight(id, ['services found', 'guide elements', 'services links']);
      if (truth.services) expect(m.services!.missingClasses, id).toEqual(truth.services.missingClasses);
    }
  });

  it('identity and functions: 网站标识码, meta tags, site search, 适老化 entry', () => {
    for (const id of ids) {
      expectAllRight(id, ['identity and functions']);
      expect(measured().get(id)!.m.identity!.icp, id).toMatch(/ICP备\d+号/);
    }
  });
  it('reports and documents: the website report found and dated, policy documents marked or not, the late 解读 as planted', () => {
    for (const id of ids) expectAllRight(id, ['website report', 'validity marks', 'interpretations']);
  });
  afterAll(() => console.log(`evaluator accuracy: ${evaluatorLine(addEvaluatorFigures(ids.filter((id) => measured().has(id)).map(compared)))}`));
}
