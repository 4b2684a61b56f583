import { describe, expect, it } from 'vitest';

import type { DisclosureObservation } from '../../../evaluators/collect/disclosure-pages.js';
import type { ColumnObservation, HomepageObservation } from '../../../evaluators/collect/observations.js';
import type { Anchor, PageFacts } from '../../../evaluators/collect/page-facts.js';
import { dueWebsiteReport, evaluateWebsiteReport, websiteReportFindings, type WebsiteReportInput } from '../../../evaluators/website-report.js';

const site = 'https://jyj.example.gov.cn';
const homepage: HomepageObservation = {
  url: `${site}/`,
  finalUrl: `${site}/`,
  status: 200,
  title: '江临市教育局',
  datedItems: [],
  metas: {},
  screenshot: null,
};
const anchor = (text: string, href: string, row = ''): Anchor => ({ text, href, script: false, zone: 'main', row });
const facts = (anchors: Anchor[]): PageFacts =>
  ({ url: `${site}/xxgk/`, title: '政府信息公开', anchors, pairs: [], headings: [], mainText: '', metas: {} }) as unknown as PageFacts;
const disclosure = (anchors: Anchor[]): DisclosureObservation => ({
  entry: { url: `${site}/xxgk/`, finalUrl: `${site}/xxgk/`, status: 200, error: null, facts: facts(anchors) },
  parts: {},
  reports: [],
});
const column = (name: string, items: Array<{ title: string; date: string | null }>): ColumnObservation => ({
  url: `${site}/${name}/`,
  name,
  nameSource: 'link',
  columnNameMeta: null,
  pages: [`${site}/${name}/`],
  items: items.map((i, n) => ({ ...i, url: `${site}/${name}/${n}.html`, dateSource: i.date ? 'list' : null })),
  blank: false,
  placeholder: null,
  truncated: false,
  screenshot: null,
  fragment: null,
});
const input = (o: Partial<WebsiteReportInput> & { homeLinks?: Array<{ text: string; href: string; row: string }> }): WebsiteReportInput => ({
  documents: { homepageReportLinks: o.homeLinks ?? [], pages: [] },
  homepage,
  disclosure: o.disclosure ?? null,
  columns: o.columns ?? [],
});

describe('the website’s annual report (政府网站工作年度报表)', () => {
  it('is last year’s once 31 January has passed, the year before’s until then', () => {
    expect(dueWebsiteReport('2026-11-21')).toEqual({ year: 2025, deadline: '2026-01-31' });
    expect(dueWebsiteReport('2026-02-01')).toEqual({ year: 2025, deadline: '2026-01-31' });
    expect(dueWebsiteReport('2026-01-31')).toEqual({ year: 2024, deadline: '2025-01-31' });
    expect(dueWebsiteReport('2026-01-05')).toEqual({ year: 2024, deadline: '2025-01-31' });
    expect(dueWebsiteReport('2026-05-01', { deadline: '03-31' })).toEqual({ year: 2025, deadline: '2026-03-31' });
  });

  it('finds it on the homepage with the date of its row, on time or late', () => {
    const onTime = evaluateWebsiteReport(
      input({ homeLinks: [{ text: '江临市教育局网站2025年度工作报表', href: `${site}/bb/2025.html`, row: '[2026-01-20]' }] }),
      '2026-11-21',
    )!;
    expect(onTime).toMatchObject({ year: 2025, found: true, onTime: true, counts: { missing: 0, late: 0 } });
    expect(onTime.report).toMatchObject({ publishedOn: '2026-01-20', where: '首页' });
    const late = evaluateWebsiteReport(
      input({ homeLinks: [{ text: '政府网站工作年度报表（2025年度）', href: `${site}/bb/2025.html`, row: '2026年2月9日' }] }),
      '2026-11-21',
    )!;
    expect(late.counts).toEqual({ missing: 0, late: 1 });
    expect(websiteReportFindings(late)['websiteReport.report']![0]!.message).toBe('2025年度政府网站工作年度报表逾期发布：2026-02-09（应于2026-01-31前发布）');
  });

  it('finds it in the 政府信息公开 section or a column, and never takes the 政府信息公开工作年度报告 for it', () => {
    const inSection = evaluateWebsiteReport(
      input({
        disclosure: disclosure([
          anchor('江临市教育局2025年政府信息公开工作年度报告', `${site}/xxgk/ndbg/2025.html`, '2026-01-15'),
          anchor('江临市教育局网站2025年度工作报表', `${site}/xxgk/wzbb/2025.html`, '2026-01-28'),
        ]),
      }),
      '2026-11-21',
    )!;
    expect(inSection.report).toMatchObject({ url: `${site}/xxgk/wzbb/2025.html`, publishedOn: '2026-01-28', where: '政府信息公开专栏' });
    // No year in the title: the year before its publication.
    const inColumn = evaluateWebsiteReport(input({ columns: [column('网站年报', [{ title: '政府网站工作年度报表', date: '2026-01-10' }])] }), '2026-11-21')!;
    expect(inColumn).toMatchObject({ found: true, onTime: true });
    const onlyDisclosure = evaluateWebsiteReport(
      input({ disclosure: disclosure([anchor('江临市教育局2025年政府信息公开工作年度报告', `${site}/xxgk/ndbg/2025.html`, '2026-01-15')]) }),
      '2026-11-21',
    )!;
    expect(onlyDisclosure.found).toBe(false);
  });

  it('says where it searched when last year’s is not found, naming the older ones it saw', () => {
    const m = evaluateWebsiteReport(
      input({ columns: [column('网站年报', [{ title: '江临市教育局网站2024年度工作报表', date: '2025-01-20' }])] }),
      '2026-11-21',
    )!;
    expect(m).toMatchObject({ found: false, counts: { missing: 1, late: 0 } });
    expect(m.searched.where).toEqual(['首页（全部链接及 0 条带日期的信息）', '1 个栏目（共 1 条信息）']);
    const [finding] = websiteReportFindings(m)['websiteReport.report']!;
    expect(finding!.message).toBe('疑似未发布2025年度政府网站工作年度报表（未找到，待人工复核）');
    expect(finding!.evidence).toContain('仅找到其他年度的报表：“江临市教育局网站2024年度工作报表”（2025-01-20）');
  });

  it('leaves lateness not measured when no date is shown beside it, and everything when the homepage’s links were not read', () => {
    const undated = evaluateWebsiteReport(
      input({ homeLinks: [{ text: '江临市教育局网站2025年度工作报表', href: `${site}/bb/2025.html`, row: '' }] }),
      '2026-11-21',
    )!;
    expect(undated).toMatchObject({ found: true, onTime: null, counts: { missing: 0, late: null } });
    expect(evaluateWebsiteReport({ ...input({}), documents: { homepageReportLinks: null, pages: [] } }, '2026-11-21')).toBeNull();
    expect(evaluateWebsiteReport({ ...input({}), documents: undefined }, '2026-11-21')).toBeNull();
  });
});
