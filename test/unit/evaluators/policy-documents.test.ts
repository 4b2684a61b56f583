import { describe, expect, it } from 'vitest';

import type { PolicyPage } from '../../../evaluators/collect/policy-pages.js';
import { evaluatePolicyDocuments, policyDocumentsFindings, policyDocumentsNotMeasured } from '../../../evaluators/policy-documents.js';

const site = 'https://zfw.example.gov.cn';
const policy = (n: number, date: string, mark: string | null, interpretation?: number): PolicyPage => ({
  url: `${site}/zcwj/${n}.html`,
  kind: 'policy',
  column: '政策文件',
  title: `关于印发第${n}号办法的通知`,
  date,
  validity: mark ? { label: '有效性', value: mark, from: 'field' } : null,
  links: interpretation ? [{ role: 'interpretation', text: `《第${n}号办法》政策解读`, href: `${site}/zcjd/${interpretation}.html`, row: '相关解读：' }] : [],
});
const interpretation = (n: number, date: string, original?: number): PolicyPage => ({
  url: `${site}/zcjd/${n}.html`,
  kind: 'interpretation',
  column: '政策解读',
  title: `《第${original ?? n}号办法》政策解读`,
  date,
  validity: null,
  links: original ? [{ role: 'original', text: `关于印发第${original}号办法的通知`, href: `${site}/zcwj/${original}.html`, row: '原文链接：' }] : [],
});

describe('policy documents and their interpretations', () => {
  it('counts the documents read carrying a validity mark (D9’s value) and their share', () => {
    const m = evaluatePolicyDocuments(
      { homepageReportLinks: [], pages: [policy(1, '2026-11-02', '有效'), policy(2, '2026-10-20', null), policy(3, '2026-10-01', '废止')] },
      [],
    )!;
    expect(m).toMatchObject({ documents: 3, marked: 2, counts: { marked: 2, interpretationProblems: null } });
    expect(m.markedShare).toBeCloseTo(2 / 3);
    const [summary, unmarked] = policyDocumentsFindings(m)['policyDocuments.validity']!;
    expect(summary!.message).toBe('读取的 3 份政策文件中 2 份标注了有效性（67%）');
    expect(unmarked).toMatchObject({ message: '政策文件未见有效性标注（待人工复核）：“关于印发第2号办法的通知”', url: `${site}/zcwj/2.html` });
    expect(evaluatePolicyDocuments({ homepageReportLinks: [], pages: [policy(2, '2026-10-20', null)] }, [])!.counts.marked).toBe(0);
  });

  it('finds 解读 linked both ways within 3 working days fine, and lists the pairs lacking a link or late', () => {
    // 2026-09-30 (Wed) → 2026-10-09 (Fri): nine calendar days, but the National Day holiday (10-01..10-07) leaves two working days, 10-08 and 10-09.
    const m = evaluatePolicyDocuments(
      {
        homepageReportLinks: [],
        pages: [
          policy(1, '2026-11-02', '有效', 1),
          interpretation(1, '2026-11-05', 1),
          policy(2, '2026-09-30', '有效'),
          interpretation(2, '2026-10-09', 2),
          interpretation(3, '2026-11-10', 3),
          interpretation(4, '2026-11-12'),
        ],
      },
      [],
    )!;
    expect(m.pairs.map((p) => [p.interpretation.url.slice(-6), p.linksDocument, p.linkedBack, p.workingDays, p.late])).toEqual([
      ['1.html', true, true, 3, false],
      ['2.html', true, false, 2, false],
      ['3.html', true, null, null, null],
      ['4.html', false, null, null, null],
    ]);
    expect(m.counts.interpretationProblems).toBe(2);
    const late = evaluatePolicyDocuments({ homepageReportLinks: [], pages: [policy(1, '2026-11-02', '有效', 1), interpretation(1, '2026-11-06', 1)] }, [])!;
    expect(late.pairs[0]).toMatchObject({ workingDays: 4, late: true, problems: ['解读晚于原文 4 个工作日发布（应在 3 个工作日内）'] });
    const tighter = evaluatePolicyDocuments({ homepageReportLinks: [], pages: [policy(1, '2026-11-02', '有效', 1), interpretation(1, '2026-11-04', 1)] }, [], {
      interpretationWorkingDays: 1,
    })!;
    expect(tighter.pairs[0]!.late).toBe(true);
    expect(policyDocumentsFindings(m)['policyDocuments.interpretations']!.map((f) => f.message)).toEqual([
      '政策解读“《第2号办法》政策解读”：政策原文页面未链接本解读',
      '政策解读“《第4号办法》政策解读”：解读页面未链接政策原文',
    ]);
  });

  it('dates a document not read by the column that lists it', () => {
    const column = {
      url: `${site}/zcwj/`,
      name: '政策文件',
      items: [{ title: '关于印发第3号办法的通知', url: `${site}/zcwj/3.html`, date: '2026-10-20', dateSource: 'list' as const }],
    };
    const m = evaluatePolicyDocuments({ homepageReportLinks: [], pages: [interpretation(3, '2026-11-10', 3)] }, [column as never])!;
    expect(m.pairs[0]).toMatchObject({ document: { date: '2026-10-20' }, linkedBack: null, late: true });
  });

  it('is not measured, with the reason, when no policy document or 解读 page was read', () => {
    const m = evaluatePolicyDocuments({ homepageReportLinks: [], pages: [] }, [])!;
    expect(m.counts).toEqual({ marked: null, interpretationProblems: null });
    expect(policyDocumentsNotMeasured(m, 'documents')).toBe('未读取到政策文件页面（政策文件、规范性文件栏目的文章）');
    expect(policyDocumentsNotMeasured(m, 'interpretations')).toBe('未读取到政策解读页面');
    expect(evaluatePolicyDocuments(undefined, [])).toBeNull();
  });
});
