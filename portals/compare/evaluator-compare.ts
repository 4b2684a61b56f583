import type { SiteMeasurements } from '../../evaluators/evaluate-site.js';
import { daysBetween } from '../../evaluators/lib/dates.js';
import { workingDaysBetween } from '../../evaluators/lib/workdays.js';
import type { PortalTruth } from '../model/truth.js';

/** One measurement's tally on one portal: how many checks held, and what each wrong one read. */
export interface EvaluatorTally {
  correct: number;
  total: number;
  wrong: string[];
}
export type EvaluatorFigures = Record<string, EvaluatorTally>;

const sorted = <T>(xs: readonly T[]) => [...xs].sort();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** "四、政府信息公开行政复议…" → "政府信息公开行政复议…": the evaluator names headings without their numbering. */
const unnumbered = (h: string) => h.replace(/^[一二三四五六七八九十]+、/, '');

/**
 * The disclosure, mailbox, services, identity and documents evaluators' output on one portal against its ground truth,
 * as tallies per measurement. Pure: used by the shared assessment's tests, the skin tests and `npm run skins`,
 * so every markup is held to the same checks.
 */
export function compareEvaluators(m: SiteMeasurements, truth: PortalTruth, asOf: string): EvaluatorFigures {
  const figures: EvaluatorFigures = {};
  const count = (name: string, ok: boolean, what: string, got: unknown, want: unknown) => {
    const t = (figures[name] ??= { correct: 0, total: 0, wrong: [] });
    t.total++;
    if (ok) t.correct++;
    else t.wrong.push(`${what}: read ${JSON.stringify(got)}, truth ${JSON.stringify(want)}`);
  };

  const d = m.disclosure;
  const td = truth.disclosure;
  if (td) {
    count('disclosure found', d?.found === true && d.applicable === td.art20.applicable, '信息公开', d ? { found: d.found, applicable: d.applicable } : null, {
      found: true,
      applicable: td.art20.applicable,
    });
    for (const item of td.art20.items) {
      const got = d?.items.find((i) => i.id === item.id)?.found ?? null;
      count('disclosure items', got === item.found, `Art. 20 ${item.id}`, got, item.found);
    }
    for (const [name, got, want] of [
      ['disclosure guide elements', d?.guide.present ?? [], td.guide.elements],
      ['disclosure institution elements', d?.institution.present ?? [], td.institution?.elements ?? []],
      ['disclosure leaders elements', d?.leaders.present ?? [], td.leaders?.elements ?? []],
    ] as const) {
      count(name, same(sorted(got), sorted(want)), name, sorted(got), sorted(want));
    }
    const r = d?.annualReport;
    const actual = r ? { year: r.year, found: r.found, publishedOn: r.publishedOn, onTime: r.onTime, headings: sorted(r.headings) } : null;
    const t = td.annualReport;
    const expected = { year: t.year, found: t.found, publishedOn: t.publishedOn, onTime: t.onTime, headings: sorted(t.headings.map(unnumbered)) };
    count('annual reports', same(actual, expected), '年报', actual, expected);
  }

  const mail = m.mailbox;
  const tm = truth.mailbox;
  count('mailbox channel', mail?.channel === (tm !== null), '留言渠道', mail?.channel ?? null, tm !== null);
  if (tm && mail) {
    const inYear = tm.items.filter((l) => daysBetween(l.received, asOf) <= 365);
    const latencies = inYear
      .filter((l) => l.replied)
      .map((l) => workingDaysBetween(l.received, l.replied!))
      .sort((a, b) => a - b);
    const median = latencies.length ? latencies[Math.ceil(latencies.length / 2) - 1]! : null;
    const actual = { letters: mail.letters, replied: mail.replied, unanswered: mail.unansweredOver90Days, fields: sorted(mail.fieldsShown) };
    const expected = {
      letters: tm.lastYear.letters,
      replied: tm.lastYear.replied,
      unanswered: tm.lastYear.unansweredOver90Days,
      fields: sorted(tm.fieldsShown),
    };
    count('mailbox statistics', same(actual, expected), '信件统计', actual, expected);
    count(
      'median latency (±0.5 working day)',
      mail.medianReplyWorkingDays !== null && median !== null && Math.abs(mail.medianReplyWorkingDays - median) <= 0.5,
      '办理时长中位数',
      mail.medianReplyWorkingDays,
      median,
    );
  }

  if (truth.portal.services) {
    const s = m.services;
    const ts = truth.services;
    count('services found', (s?.found ?? false) === (ts !== null), '办事服务', s?.found ?? null, ts !== null);
    if (ts) {
      for (const g of ts.guides) {
        const got = sorted(s?.guides.find((x) => x.url === g.url)?.present ?? []);
        count('guide elements', same(got, sorted(g.elements)), g.title, got, sorted(g.elements));
      }
      const broken = sorted(s?.brokenAttachments.map((a) => a.url) ?? []);
      const unreachable = sorted(s?.unreachableOnline.map((a) => a.url) ?? []);
      const truthBroken = sorted(ts.attachments.filter((a) => !a.ok).map((a) => a.url));
      const truthUnreachable = sorted(ts.online.filter((o) => !o.reachable).map((o) => o.url));
      count(
        'services links',
        same([broken, unreachable], [truthBroken, truthUnreachable]),
        '附件与在线办理',
        { broken, unreachable },
        { broken: truthBroken, unreachable: truthUnreachable },
      );
    }
  }

  const i = m.identity;
  const actual = i
    ? {
        code: i.siteIdCode,
        footer: i.footerShowsIdCode,
        valid: i.siteIdCodeValid,
        site: i.meta.site,
        column: i.meta.column,
        article: i.meta.article,
        search: i.search,
        elderly: i.elderlyMode,
      }
    : null;
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
  count('identity and functions', same(actual, expected), '标识与功能', actual, expected);

  // Reports and documents on time: the website report as found and dated, D9's "any mark", the late 解读.
  const docs = truth.documents;
  const w = m.websiteReport;
  const report = w ? { year: w.year, found: w.found, publishedOn: w.report?.publishedOn ?? null, onTime: w.onTime } : null;
  const dueReport = {
    year: docs.websiteReport.year,
    found: docs.websiteReport.found,
    publishedOn: docs.websiteReport.publishedOn,
    onTime: docs.websiteReport.onTime,
  };
  count('website report', same(report, dueReport), '网站工作年度报表', report, dueReport);
  const p = m.policyDocuments;
  if (docs.validityMarked !== null) {
    const marked = p?.documents ? p.marked > 0 : null;
    count('validity marks', marked === docs.validityMarked, '政策文件有效性标注', marked, docs.validityMarked);
  }
  if (docs.interpretations.length) {
    const late = sorted((p?.pairs ?? []).filter((r) => r.late).map((r) => r.interpretation.url));
    const planted = sorted(docs.interpretations.filter((r) => r.late).map((r) => r.url));
    count('interpretations', (p?.interpretations ?? 0) > 0 && same(late, planted), '政策解读', { read: p?.interpretations ?? 0, late }, planted);
  }
  return figures;
}

/** Tallies of several portals added up per measurement. */
export function addEvaluatorFigures(all: EvaluatorFigures[]): EvaluatorFigures {
  const sum: EvaluatorFigures = {};
  for (const f of all) {
    for (const [name, t] of Object.entries(f)) {
      const s = (sum[name] ??= { correct: 0, total: 0, wrong: [] });
      s.correct += t.correct;
      s.total += t.total;
      s.wrong.push(...t.wrong);
    }
  }
  return sum;
}

export const evaluatorLine = (f: EvaluatorFigures) =>
  Object.entries(f)
    .map(([k, v]) => `${k} ${v.correct}/${v.total}`)
    .join(', ');
