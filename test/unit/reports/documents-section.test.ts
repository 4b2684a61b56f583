import { describe, expect, it } from 'vitest';

import type { DocumentsObservation, PolicyPage } from '../../../evaluators/collect/policy-pages.js';
import { evaluatePolicyDocuments } from '../../../evaluators/policy-documents.js';
import { evaluateWebsiteReport } from '../../../evaluators/website-report.js';
import { documentsSection, documentsSummary } from '../../../reports/documents-section.js';

const site = 'https://zfw.example.gov.cn';
const hostile = '<script>alert(1)</script>关于印发《办法》的通知';
const homepage = { url: `${site}/`, finalUrl: `${site}/`, status: 200, title: '首页', datedItems: [], metas: {}, screenshot: null };
const page = (o: Partial<PolicyPage> & Pick<PolicyPage, 'url' | 'kind' | 'title'>): PolicyPage => ({
  column: '政策文件',
  date: '2026-11-02',
  validity: null,
  links: [],
  ...o,
});

function observations(documents: DocumentsObservation) {
  return {
    websiteReport: evaluateWebsiteReport({ documents, homepage, disclosure: null, columns: [] }, '2026-11-21'),
    policyDocuments: evaluatePolicyDocuments(documents, []),
  };
}

describe('the department report’s 工作报表与政策文件 section', () => {
  it('shows the report, every document read with its mark, and each 解读 with its problems, crawled text escaped', () => {
    const o = observations({
      homepageReportLinks: [{ text: '江临市人民政府网站2025年度工作报表', href: `${site}/bb/2025.html`, row: '2026-02-10' }],
      pages: [
        page({ url: `${site}/zcwj/1.html`, kind: 'policy', title: hostile, validity: { label: '有效性', value: '有效', from: 'field' } }),
        page({ url: `${site}/zcwj/2.html`, kind: 'policy', title: '关于印发第2号办法的通知' }),
        page({
          url: `${site}/zcjd/1.html`,
          kind: 'interpretation',
          column: '政策解读',
          title: '《办法》政策解读',
          date: '2026-11-12',
          links: [{ role: 'original', text: hostile, href: `${site}/zcwj/1.html`, row: '原文链接：' }],
        }),
      ],
    });
    expect(documentsSummary(o)).toBe('2025年度网站工作年度报表于2026-02-10发布（逾期）；政策文件 2 份中 1 份标注有效性；政策解读 1 篇中 1 篇未双向链接或逾期');
    const out = String(documentsSection(o));
    expect(out).toContain('<h2>工作报表与政策文件</h2>');
    expect(out).toContain('见于首页，发布日期 2026-02-10，逾期发布');
    expect(out).toContain('<td>有效性：有效</td>');
    expect(out).toContain(
      '<tr class="missing"><td><a href="https://zfw.example.gov.cn/zcwj/2.html" rel="noopener noreferrer">关于印发第2号办法的通知</a></td><td>2026-11-02</td><td>未标注</td></tr>',
    );
    expect(out).toContain('政策原文页面未链接本解读；解读晚于原文 8 个工作日发布（应在 3 个工作日内）');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says what was searched when the report is not found, and is empty when nothing was measured', () => {
    const o = observations({ homepageReportLinks: [], pages: [] });
    expect(String(documentsSection(o))).toContain(
      '未找到（疑似缺失，待人工复核）：在首页（全部链接及 0 条带日期的信息）中查找“政府网站工作年度报表/网站年度工作报表/',
    );
    expect(String(documentsSection({ websiteReport: null, policyDocuments: null }))).toBe('');
  });
});
