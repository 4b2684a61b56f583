import type { ColumnObservation } from './collect/observations.js';
import type { DocumentsObservation, PolicyPage } from './collect/policy-pages.js';
import { pageKey } from './collect/url-scope.js';
import type { IsoDate } from './lib/dates.js';
import { pageSubject } from './lib/finding-subject.js';
import { officialCalendar, workingDaysBetween } from './lib/workdays.js';
import type { EvaluatorFinding, FindingsByGroup } from './registry/finding-groups.js';

/**
 * Policy documents and their interpretations on the pages the crawl read: the share of documents carrying a
 * validity mark (D9: 政府网站发展指引 asks documents to be marked when modified, repealed or expired [V]), and each
 * 解读 linked to its document both ways and published within a number of working days of it.
 */
export const meta = { id: 'policyDocuments', version: '1', needs: ['documents', 'columns'] } as const;

export interface PolicyDocumentsOptions {
  /** A 解读 published more than this many working days after its document is late (3 [R]: local rules' 同步/3个工作日内). */
  interpretationWorkingDays: number;
}

export const defaultPolicyDocumentsOptions: PolicyDocumentsOptions = { interpretationWorkingDays: 3 };

export interface PageRef {
  title: string;
  url: string;
  date: IsoDate | null;
}

/** One 解读 read, the document it names and what is wrong between them. */
export interface InterpretationPair {
  interpretation: PageRef;
  /** The document its original-document link leads to; null when it links none. */
  document: PageRef | null;
  linksDocument: boolean;
  /** The document's page links back to this 解读; null when the document's page was not read. */
  linkedBack: boolean | null;
  /** Working days from the document to the 解读; null when a date is missing. */
  workingDays: number | null;
  late: boolean | null;
  problems: string[];
}

export interface PolicyDocumentsMeasurement {
  /** Policy document pages read, and those showing a validity mark. */
  documents: number;
  marked: number;
  markedShare: number | null;
  marks: Array<PageRef & { mark: string }>;
  unmarked: PageRef[];
  interpretations: number;
  pairs: InterpretationPair[];
  workingDaysAllowed: number;
  counts: {
    /** D9's value: documents read with a mark; null when no policy document page was read. */
    marked: number | null;
    /** Pairs lacking a link either way or late; null when no 解读 page was read. */
    interpretationProblems: number | null;
  };
}

/** Not measured (null) for a run stored before these pages were read. */
export function evaluatePolicyDocuments(
  documents: DocumentsObservation | null | undefined,
  columns: ColumnObservation[],
  options: PolicyDocumentsOptions = defaultPolicyDocumentsOptions,
): PolicyDocumentsMeasurement | null {
  if (!documents) return null;
  const policies = documents.pages.filter((p) => p.kind === 'policy');
  const interpretations = documents.pages.filter((p) => p.kind === 'interpretation');
  const ref = (p: PolicyPage): PageRef => ({ title: p.title, url: p.url, date: p.date });
  const marks = policies
    .filter((p) => p.validity)
    .map((p) => ({ ...ref(p), mark: `${p.validity!.label ? `${p.validity!.label}：` : ''}${p.validity!.value}` }));
  const byKey = new Map(policies.map((p) => [pageKey(p.url), p]));
  // A document not read may still be listed, with its title and date, by a column the crawl read.
  const listed = new Map(columns.flatMap((c) => c.items.map((i) => [pageKey(i.url), i] as const)));
  const pairs = interpretations.map((page): InterpretationPair => {
    const link = page.links.find((l) => l.role === 'original');
    const read = link ? byKey.get(pageKey(link.href)) : undefined;
    const item = link ? listed.get(pageKey(link.href)) : undefined;
    const document: PageRef | null = link ? { title: read?.title ?? item?.title ?? link.text, url: link.href, date: read?.date ?? item?.date ?? null } : null;
    const linkedBack = read ? read.links.some((l) => l.role === 'interpretation' && pageKey(l.href) === pageKey(page.url)) : null;
    const workingDays = document?.date && page.date ? workingDaysBetween(document.date, page.date, officialCalendar()) : null;
    const late = workingDays === null ? null : workingDays > options.interpretationWorkingDays;
    const problems = [
      ...(link ? [] : ['解读页面未链接政策原文']),
      ...(linkedBack === false ? ['政策原文页面未链接本解读'] : []),
      ...(late ? [`解读晚于原文 ${workingDays} 个工作日发布（应在 ${options.interpretationWorkingDays} 个工作日内）`] : []),
    ];
    return { interpretation: ref(page), document, linksDocument: !!link, linkedBack, workingDays, late, problems };
  });
  return {
    documents: policies.length,
    marked: marks.length,
    markedShare: policies.length ? marks.length / policies.length : null,
    marks,
    unmarked: policies.filter((p) => !p.validity).map(ref),
    interpretations: interpretations.length,
    pairs,
    workingDaysAllowed: options.interpretationWorkingDays,
    counts: {
      marked: policies.length ? marks.length : null,
      interpretationProblems: interpretations.length ? pairs.filter((p) => p.problems.length).length : null,
    },
  };
}

export function policyDocumentsNotMeasured(m: PolicyDocumentsMeasurement | null, what: 'documents' | 'interpretations'): string | null {
  if (!m) return null;
  if (what === 'documents') return m.documents ? null : '未读取到政策文件页面（政策文件、规范性文件栏目的文章）';
  return m.interpretations ? null : '未读取到政策解读页面';
}

export function policyDocumentsFindings(m: PolicyDocumentsMeasurement | null): FindingsByGroup {
  if (!m) return {};
  const validity: EvaluatorFinding[] = m.documents
    ? [
        {
          subject: 'validity-share',
          message: `读取的 ${m.documents} 份政策文件中 ${m.marked} 份标注了有效性（${Math.round((m.markedShare ?? 0) * 100)}%）`,
          url: null,
          evidence: [...m.marks.slice(0, 3).map((d) => `已标注：“${d.title}”（${d.mark}）`), ...m.unmarked.slice(0, 5).map((d) => `未标注：“${d.title}”`)].join(
            '；',
          ),
        },
        ...m.unmarked.slice(0, 10).map((d) => ({
          subject: pageSubject('policy-document', d.url),
          // An absence, not a proven fault: a document still in force may go unmarked where a site marks only the repealed ones.
          message: `政策文件未见有效性标注（待人工复核）：“${d.title}”`,
          url: d.url,
          evidence: '标题附近及元数据栏中未见有效/失效/废止/已修订/有效期等标注；现行有效的文件可能未作标注，请核实已修订、废止或失效的文件是否标注',
        })),
      ]
    : [];
  const interpretations = m.pairs
    .filter((p) => p.problems.length)
    .map((p) => ({
      subject: pageSubject('interpretation', p.interpretation.url),
      message: `政策解读“${p.interpretation.title}”：${p.problems.join('；')}`,
      url: p.interpretation.url,
      evidence: p.document
        ? `原文：“${p.document.title}”（${p.document.date ?? '未注明日期'}，${p.document.url}）；解读发布日期：${p.interpretation.date ?? '未注明'}`
        : `解读发布日期：${p.interpretation.date ?? '未注明'}；页面中未见“原文/相关文件”链接`,
    }));
  return { 'policyDocuments.validity': validity, 'policyDocuments.interpretations': interpretations };
}
