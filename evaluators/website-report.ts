import type { DisclosureObservation } from './collect/disclosure-pages.js';
import type { ColumnObservation, HomepageObservation } from './collect/observations.js';
import type { PageFacts } from './collect/page-facts.js';
import type { DocumentsObservation } from './collect/policy-pages.js';
import { type IsoDate, rowDate } from './lib/dates.js';
import { subject } from './lib/finding-subject.js';
import { isWebsiteReportTitle, reportTitleYear, websiteReportTerms } from './lib/policy-marks.js';
import type { FindingsByGroup } from './registry/finding-groups.js';

/**
 * The website's own annual report (政府网站工作年度报表): last year's, on the site and published by 31 January
 * (国办秘函〔2019〕19号 [V]). Found by its title on the pages the crawl read — the homepage's links and dated
 * rows, the 政府信息公开 section's pages, the columns' items — and dated by its row there. The 政府信息公开工作
 * 年度报告 is the disclosure evaluator's (D7), never taken for this one.
 */
export const meta = { id: 'websiteReport', version: '1', needs: ['documents', 'homepage', 'disclosure', 'columns'] } as const;

export interface WebsiteReportOptions {
  /** The day of the year after it by which the report is due, MM-DD (31 January [V]). */
  deadline: string;
}

export const defaultWebsiteReportOptions: WebsiteReportOptions = { deadline: '01-31' };

/** A link or item titled like a website annual report, where it was found and its date as shown there. */
export interface WebsiteReportCandidate {
  title: string;
  url: string;
  /** The year it reports on: named in its title, else the year before its publication. */
  year: number | null;
  publishedOn: IsoDate | null;
  /** Where it was found, in words: 首页, 政府信息公开“年报”页面, 栏目“网站年报”. */
  where: string;
}

export interface WebsiteReportMeasurement {
  /** The year whose report is due on the evaluation date, and its deadline. */
  year: number;
  deadline: IsoDate;
  found: boolean;
  report: WebsiteReportCandidate | null;
  /** null: found, but no date shown beside it. */
  onTime: boolean | null;
  /** Reports of other years found (an older one alone is not last year's). */
  others: WebsiteReportCandidate[];
  /** The pages searched and the words looked for: the evidence of a report not found. */
  searched: { where: string[]; for: string[] };
  counts: {
    /** 1 when last year's report was not found. */
    missing: number;
    /** 1 when it was published after the deadline; null when its date is not shown. */
    late: number | null;
  };
}

/** The report due on a date: last year's once its deadline has passed, else the year before's. */
export function dueWebsiteReport(asOf: IsoDate, options: WebsiteReportOptions = defaultWebsiteReportOptions): { year: number; deadline: IsoDate } {
  const thisYear = Number(asOf.slice(0, 4));
  const year = asOf > `${thisYear}-${options.deadline}` ? thisYear - 1 : thisYear - 2;
  return { year, deadline: `${year + 1}-${options.deadline}` };
}

export interface WebsiteReportInput {
  documents: DocumentsObservation | null | undefined;
  homepage: HomepageObservation | null | undefined;
  disclosure: DisclosureObservation | null | undefined;
  columns: ColumnObservation[];
}

/** Not measured (null) for a run stored before the homepage's report links were kept, or without them. */
export function evaluateWebsiteReport(
  input: WebsiteReportInput,
  asOf: IsoDate,
  options: WebsiteReportOptions = defaultWebsiteReportOptions,
): WebsiteReportMeasurement | null {
  const homeLinks = input.documents?.homepageReportLinks;
  if (!input.homepage || !homeLinks) return null;
  const { year, deadline } = dueWebsiteReport(asOf, options);
  const candidates: WebsiteReportCandidate[] = [];
  const where: string[] = [];
  const add = (title: string, url: string, dateText: string | null, date: IsoDate | null, place: string) => {
    const publishedOn = date ?? (dateText ? rowDate(dateText, { asOf }) : null);
    const named = reportTitleYear(title);
    candidates.push({ title, url, year: named ?? (publishedOn ? Number(publishedOn.slice(0, 4)) - 1 : null), publishedOn, where: place });
  };

  where.push(`首页（${homeLinks.length ? `${homeLinks.length} 个相关链接` : '全部链接'}及 ${input.homepage.datedItems.length} 条带日期的信息）`);
  for (const l of homeLinks) add(l.text, l.href, l.row, null, '首页');
  for (const i of input.homepage.datedItems) if (isWebsiteReportTitle(i.title)) add(i.title, i.url, null, i.date, '首页');

  const section = disclosurePages(input.disclosure);
  const parts = section.slice(1).map((p) => `“${p.name}”`);
  if (section.length) where.push(`政府信息公开专栏${parts.length ? `及其${parts.join('')}页面` : ''}`);
  for (const { name, facts } of section) {
    const place = name === null ? '政府信息公开专栏' : `政府信息公开专栏“${name}”页面`;
    for (const a of facts.anchors) if (a.href && isWebsiteReportTitle(a.text)) add(a.text, a.href, a.row, null, place);
  }

  if (input.columns.length) where.push(`${input.columns.length} 个栏目（共 ${input.columns.reduce((n, c) => n + c.items.length, 0)} 条信息）`);
  for (const c of input.columns) for (const i of c.items) if (isWebsiteReportTitle(i.title)) add(i.title, i.url, null, i.date, `栏目“${c.name}”`);

  // The same report found in several places: the one with a date, the earliest, kept.
  const due = candidates.filter((c) => c.year === year).sort((a, b) => (a.publishedOn ?? '9999').localeCompare(b.publishedOn ?? '9999'))[0] ?? null;
  const others = unique(candidates.filter((c) => c.year !== year));
  const onTime = due ? (due.publishedOn ? due.publishedOn <= deadline : null) : null;
  return {
    year,
    deadline,
    found: !!due,
    report: due,
    onTime,
    others,
    searched: { where, for: websiteReportTerms },
    counts: { missing: due ? 0 : 1, late: due ? (onTime === null ? null : onTime ? 0 : 1) : 0 },
  };
}

/** The 政府信息公开 section's pages read with their links: the entry (name null), then its parts, each page once. */
function disclosurePages(d: DisclosureObservation | null | undefined): Array<{ name: string | null; facts: PageFacts }> {
  if (!d?.entry?.facts) return [];
  const out: Array<{ name: string | null; facts: PageFacts }> = [{ name: null, facts: d.entry.facts }];
  for (const part of Object.values(d.parts))
    if (part.page?.facts && !out.some((p) => p.facts.url === part.page!.facts!.url)) out.push({ name: part.linkText, facts: part.page.facts });
  return out;
}

function unique(candidates: WebsiteReportCandidate[]): WebsiteReportCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.url) && !!seen.add(c.url));
}

/** Why lateness is not measured: the report was found without a date beside it. */
export function websiteReportUndated(m: WebsiteReportMeasurement | null): string | null {
  return m?.report && m.onTime === null ? `“${m.report.title}”（${m.report.where}）未注明发布日期，无法判断是否按时发布` : null;
}

export function websiteReportFindings(m: WebsiteReportMeasurement | null): FindingsByGroup {
  if (!m) return {};
  const findings = [];
  const older = m.others.length ? `；仅找到其他年度的报表：${m.others.map((o) => `“${o.title}”（${o.publishedOn ?? '未注明日期'}）`).join('、')}` : '';
  if (!m.report)
    findings.push({
      subject: subject('website-report', m.year, 'absent'),
      message: `疑似未发布${m.year}年度政府网站工作年度报表（未找到，待人工复核）`,
      url: null,
      evidence: `在${m.searched.where.join('、')}中查找“${m.searched.for.join('/')}”等标题，未找到${m.year}年度的报表${older}`,
    });
  else if (m.onTime === false)
    findings.push({
      subject: subject('website-report', m.year, 'late'),
      message: `${m.year}年度政府网站工作年度报表逾期发布：${m.report.publishedOn}（应于${m.deadline}前发布）`,
      url: m.report.url,
      evidence: `“${m.report.title}”，见于${m.report.where}，发布日期 ${m.report.publishedOn}`,
    });
  else
    findings.push({
      subject: subject('website-report', m.year),
      message: `${m.year}年度政府网站工作年度报表：${m.report.publishedOn ? `${m.report.publishedOn}发布${m.onTime ? '，按时' : ''}` : '未注明发布日期'}`,
      url: m.report.url,
      evidence: `“${m.report.title}”，见于${m.report.where}`,
    });
  return { 'websiteReport.report': findings };
}
