import { daysBefore, type IsoDate } from './dates.js';
import { reportDeadline, reportYear } from './disclosure.js';
import type { Random } from './random.js';
import type { Column, DocumentPlants, WebsiteReportPage } from './types.js';

/**
 * Policy documents with their interpretations (政策解读) and the website's own annual report (政府网站工作年度报表),
 * planted from a profile's documentPlants. Dates stay offsets from the evaluation date.
 */

/** Days between a document and the 解读 published late: three weeks, more than 3 working days around any holiday. */
export const lateInterpretationDays = 21;

/**
 * Links the interpretation column's two newest items to documents both ways: the newest to the newest document
 * (published the day after it: on time), the next to the newest document at least three weeks older (late).
 * The columns' newest ages are pinned by the profile so that the newest 解读 comes a day after the newest document.
 */
export function linkInterpretations(columns: Column[], plan: NonNullable<DocumentPlants['interpretations']>): void {
  const interpretations = columns.find((c) => c.id === plan.column)?.items ?? [];
  const documents = (columns.find((c) => c.id === plan.documents)?.items ?? []).filter((d) => d.date);
  interpretations.slice(0, 2).forEach((item, i) => {
    if (!item.date) return;
    const latest = i === 0 ? item.date : daysBefore(item.date, lateInterpretationDays);
    const document = documents.find((d) => d.date! <= latest);
    if (!document) return;
    item.related = { original: document.path };
    document.related = { interpretations: [...(document.related?.interpretations ?? []), item.path] };
  });
}

/** The website's annual reports a portal lists: the year due on time or late, or only the year before's. */
export function websiteReports(plan: DocumentPlants['websiteReport'], name: string, asOf: IsoDate, r: Random): WebsiteReportPage[] {
  if (!plan) return [];
  // Due by 31 January like a department's disclosure report.
  const due = reportYear(asOf, 'department');
  const page = (year: number, publishedOn: IsoDate): WebsiteReportPage => ({
    year,
    title: `${name}网站${year}年度工作报表`,
    publishedOn,
    path: `/xxgk/wzbb/${year}.html`,
  });
  const older = page(due - 1, daysBefore(reportDeadline(due - 1, 'department'), r.int(5, 20)));
  if (plan === 'older-only') return [older];
  const deadline = reportDeadline(due, 'department');
  const late = daysBefore(deadline, -r.int(12, 40));
  return [page(due, plan === 'on-time' ? daysBefore(deadline, r.int(5, 20)) : late < asOf ? late : daysBefore(asOf, 1)), older];
}
