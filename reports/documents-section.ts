/**
 * Reports and policy documents in the reports: the website's own annual report (where it was found, its date, the
 * deadline), the policy documents read with their validity marks, and each 解读 with its document, dates, working
 * days and links. The same rows feed the department report and the main report's site detail.
 */
import type { PolicyDocumentsMeasurement } from '../evaluators/policy-documents.js';
import type { WebsiteReportMeasurement } from '../evaluators/website-report.js';
import { type Html, html } from './html.js';
import { link } from './html-parts.js';

export interface DocumentsObservations {
  websiteReport?: WebsiteReportMeasurement | null;
  policyDocuments?: PolicyDocumentsMeasurement | null;
}

/** One line: the report and its date, the share of documents marked, the 解读 with a problem. */
export function documentsSummary(o: DocumentsObservations): string {
  const w = o.websiteReport;
  const p = o.policyDocuments;
  const parts = [
    w
      ? w.report
        ? `${w.year}年度网站工作年度报表${w.report.publishedOn ? `于${w.report.publishedOn}发布${w.onTime ? '' : '（逾期）'}` : '（未注明日期）'}`
        : `未找到${w.year}年度网站工作年度报表`
      : '',
    p?.documents ? `政策文件 ${p.documents} 份中 ${p.marked} 份标注有效性` : '',
    p?.interpretations ? `政策解读 ${p.interpretations} 篇中 ${p.counts.interpretationProblems} 篇未双向链接或逾期` : '',
  ];
  return parts.filter(Boolean).join('；');
}

const yesNo = (v: boolean | null, unknown = '未读取') => (v === null ? unknown : v ? '是' : '否');

/** The evidence tables; empty when nothing was measured. `table` wraps each (the web page scrolls wide tables). */
export function documentsTables(o: DocumentsObservations, table: (t: Html, name: string) => Html = (t) => t): Html {
  const w = o.websiteReport;
  const p = o.policyDocuments;
  const report = w
    ? html`<h3>政府网站工作年度报表（${w.year}年度，应于${w.deadline}前发布）</h3>${
        w.report
          ? html`<p>${link(w.report.url, w.report.title)}，见于${w.report.where}，${w.report.publishedOn ? `发布日期 ${w.report.publishedOn}，${w.onTime ? '按时发布' : '逾期发布'}` : '未注明发布日期'}。</p>`
          : html`<p>未找到（疑似缺失，待人工复核）：在${w.searched.where.join('、')}中查找“${w.searched.for.join('/')}”等标题。</p>`
      }${w.others.length ? html`<p class="evidence">其他年度：${w.others.map((r, i) => html`${i ? '、' : ''}${link(r.url, r.title)}（${r.publishedOn ?? '未注明日期'}）`)}</p>` : ''}`
    : html``;
  const documents = p?.documents
    ? html`<h3>政策文件有效性标注（读取 ${p.documents} 份，已标注 ${p.marked} 份）</h3>${table(
        html`<table class="documents"><thead><tr><th>政策文件</th><th>发布日期</th><th>有效性标注</th></tr></thead><tbody>${[
          ...p.marks.map((d) => html`<tr><td>${link(d.url, d.title)}</td><td>${d.date ?? '—'}</td><td>${d.mark}</td></tr>`),
          ...p.unmarked.map((d) => html`<tr class="missing"><td>${link(d.url, d.title)}</td><td>${d.date ?? '—'}</td><td>未标注</td></tr>`),
        ]}</tbody></table>`,
        '政策文件有效性标注',
      )}`
    : html``;
  const pairs = p?.interpretations
    ? html`<h3>政策解读（读取 ${p.interpretations} 篇，应在原文发布后 ${p.workingDaysAllowed} 个工作日内发布并双向链接）</h3>${table(
        html`<table class="documents"><thead><tr><th>政策解读</th><th>解读日期</th><th>政策原文</th><th>原文日期</th><th>相隔工作日</th><th>原文链接解读</th><th>问题</th></tr></thead><tbody>${p.pairs.map(
          (r) =>
            html`<tr class="${r.problems.length ? 'missing' : ''}"><td>${link(r.interpretation.url, r.interpretation.title)}</td><td>${r.interpretation.date ?? '—'}</td><td>${r.document ? link(r.document.url, r.document.title) : '未链接原文'}</td><td>${r.document?.date ?? '—'}</td><td>${r.workingDays ?? '—'}</td><td>${yesNo(r.linkedBack, '原文页面未读取')}</td><td>${r.problems.join('；') || '—'}</td></tr>`,
        )}</tbody></table>`,
        '政策解读',
      )}`
    : html``;
  return html`${report}${documents}${pairs}`;
}

/** The department report's section. */
export function documentsSection(o: DocumentsObservations, table?: (t: Html, name: string) => Html): Html {
  if (!o.websiteReport && !o.policyDocuments) return html``;
  return html`<section class="documents"><h2>工作报表与政策文件</h2><p>${documentsSummary(o)}。</p>${documentsTables(o, table)}</section>`;
}

export const documentsStyles = `table.documents tr.missing td:last-child{color:#b5121b;font-weight:bold}`;
