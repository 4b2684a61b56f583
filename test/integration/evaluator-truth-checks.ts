import { afterAll, expect, it } from 'vitest';
import type { SiteMeasurements } from '../../evaluators/evaluate-site.js';
import { daysBetween } from '../../evaluators/lib/dates.js';
import { workingDaysBetween } from '../../evaluators/lib/workdays.js';
import type { PortalTruth } from '../portals/model/truth.js';

/**
 * The disclosure, mailbox, services and identity evaluators against the sample portals' ground truth.
 * Registered inside a describe whose crawl has run (assess-run.test.ts, on the shared assessment): the evaluators are checked on the
 * observations that crawl stored, so no test file crawls the six portals a second time for them.
 * `measured()` is read when the tests run, after the describe's beforeAll.
 */
export function evaluatorTruthTests(asOf: string, ids: string[], measured: () => Map<string, { m: SiteMeasurements; truth: PortalTruth }>): void {
  const sorted = <T>(xs: T[]) => [...xs].sort();
  /** "四、政府信息公开行政复议…" → "政府信息公开行政复议…": the evaluator names headings without their numbering. */
  const unnumbered = (h: string) => h.replace(/^[一二三四五六七八九十]+、/, '');
  const tally: Record<string, { correct: number; total: number }> = {};
  const count = (name: string, ok: boolean) => {
    tally[name] ??= { correct: 0, total: 0 };
    tally[name].total++;
    if (ok) tally[name].correct++;
  };

  it('disclosure: Art. 20/21 items, 指南 elements, 机构职能, 领导信息 and the annual report as planted', () => {
    for (const id of ids) {
      const { m, truth } = measured().get(id)!;
      const d = m.disclosure!;
      const t = truth.disclosure!;
      expect(d.found, id).toBe(true);
      expect(d.applicable, id).toBe(t.art20.applicable);
      for (const item of t.art20.items) count('disclosure items', d.items.find((i) => i.id === item.id)?.found === item.found);
      expect(d.items.filter((i) => i.found).map((i) => i.id), `${id} Art. 20 items`).toEqual(t.art20.items.filter((i) => i.found).map((i) => i.id));
      for (const [name, got, want] of [
        ['guide', d.guide.present, t.guide.elements],
        ['institution', d.institution.present, t.institution!.elements],
        ['leaders', d.leaders.present, t.leaders!.elements],
      ] as const) {
        count(`disclosure ${name} elements`, JSON.stringify(sorted(got)) === JSON.stringify(sorted(want)));
        expect(sorted(got), `${id} ${name}`).toEqual(sorted(want));
      }
      const r = d.annualReport;
      const actual = { year: r.year, found: r.found, publishedOn: r.publishedOn, onTime: r.onTime, headings: sorted(r.headings) };
      const expected = { year: t.annualReport.year, found: t.annualReport.found, publishedOn: t.annualReport.publishedOn, onTime: t.annualReport.onTime, headings: sorted(t.annualReport.headings.map(unnumbered)) };
      count('annual reports', JSON.stringify(actual) === JSON.stringify(expected));
      expect(actual, `${id} annual report`).toEqual(expected);
    }
  });

  it('mailbox: letters, replies, reply rate, unanswered letters and working-day latency as planted', () => {
    for (const id of ids) {
      const { m, truth } = measured().get(id)!;
      const got = m.mailbox!;
      const t = truth.mailbox;
      count('mailbox channel', got.channel === (t !== null));
      expect(got.channel, `${id} channel`).toBe(t !== null);
      // 信访 and 纪检举报 links are seen and kept apart, never taken for a consultation channel.
      for (const link of truth.nonConsultationLinks) expect(got.notConsultation, id).toContain(link.text);
      if (!t) {
        expect(got.letters).toBe(0);
        expect(got.counts.v6Problems, `${id}: no channel is a V6 problem`).toBeGreaterThanOrEqual(1);
        continue;
      }
      const inYear = t.items.filter((l) => daysBetween(l.received, asOf) <= 365);
      const latencies = inYear.filter((l) => l.replied).map((l) => workingDaysBetween(l.received, l.replied!)).sort((a, b) => a - b);
      const median = latencies.length ? latencies[Math.ceil(latencies.length / 2) - 1]! : null;
      const actual = { letters: got.letters, replied: got.replied, unanswered: got.unansweredOver90Days, fields: sorted(got.fieldsShown) };
      const expected = { letters: t.lastYear.letters, replied: t.lastYear.replied, unanswered: t.lastYear.unansweredOver90Days, fields: sorted(t.fieldsShown) };
      count('mailbox statistics', JSON.stringify(actual) === JSON.stringify(expected));
      expect(actual, `${id} mailbox`).toEqual(expected);
      expect(got.replyRate, id).toBeCloseTo(t.lastYear.replyRate!, 3);
      const latencyOk = got.medianReplyWorkingDays !== null && Math.abs(got.medianReplyWorkingDays - median!) <= 0.5;
      count('median latency (±0.5 working day)', latencyOk);
      expect(got.medianReplyWorkingDays, `${id} median`).toBe(median);
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
      const t = truth.services;
      if (!truth.portal.services) {
        expect(m.services, `${id} has no services: not applicable`).toBeNull();
        continue;
      }
      const s = m.services!;
      expect(s.found, id).toBe(t !== null);
      if (!t) continue;
      for (const g of t.guides) {
        const got = s.guides.find((x) => x.url === g.url);
        count('guide elements', JSON.stringify(sorted(got?.present ?? [])) === JSON.stringify(sorted(g.elements)));
        expect(sorted(got?.present ?? []), `${id} ${g.title}`).toEqual(sorted(g.elements));
      }
      expect(s.missingClasses, id).toEqual(t.missingClasses);
      expect(sorted(s.brokenAttachments.map((a) => a.url)), `${id} attachments`).toEqual(sorted(t.attachments.filter((a) => !a.ok).map((a) => a.url)));
      expect(sorted(s.unreachableOnline.map((a) => a.url)), `${id} online`).toEqual(sorted(t.online.filter((o) => !o.reachable).map((o) => o.url)));
    }
  });

  it('identity and functions: 网站标识码, meta tags, site search, 适老化 entry', () => {
    for (const id of ids) {
      const { m, truth } = measured().get(id)!;
      const i = m.identity!;
      const actual = { code: i.siteIdCode, footer: i.footerShowsIdCode, valid: i.siteIdCodeValid, site: i.meta.site, column: i.meta.column, article: i.meta.article, search: i.search, elderly: i.elderlyMode };
      const expected = {
        code: truth.identity.siteIdCode,
        footer: truth.identity.footerShowsIdCode,
        valid: true,
        site: truth.identity.meta.site,
        column: truth.identity.columnNameMetaOn.length > 0,
        article: truth.identity.meta.article,
        search: truth.search,
        elderly: truth.elderlyMode,
      };
      count('identity and functions', JSON.stringify(actual) === JSON.stringify(expected));
      expect(actual, id).toEqual(expected);
      expect(i.icp, id).toMatch(/ICP备\d+号/);
    }
  });
  afterAll(() => console.log(`evaluator accuracy: ${Object.entries(tally).map(([k, v]) => `${k} ${v.correct}/${v.total}`).join(', ')}`));
}
