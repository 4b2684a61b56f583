import { beforeAll, describe, expect, inject, it } from 'vitest';

import type { Results } from '../../../reports/results.js';
import { type SharedAssessment, sharedAssessment, sharedIds as ids } from '../shared/shared-assessment.js';

type SiteResult = Results['sites'][number];

/**
 * Reports and documents on time on the shared assessment of the six sample portals (skin 2:
 * shared/shared-assessment.ts), against their truth (portals/model/truth.ts documents): the website's annual report
 * on time (zfw, rsj, wjw), late (jyj), only the year before's (fgw) or none (qxx); policy documents marked in four
 * shapes (a catalogue's metadata table, an info line, a bracket, a dt/dd list) and unmarked on jyj; zfw's two
 * newest 解读 linked to their documents, the second three weeks late.
 */
describe('reports and documents on time in the shared assessment', () => {
  let shared: SharedAssessment;
  const site = (id: string): SiteResult => shared.results.sites.find((s) => s.id === id)!;
  const indicator = (id: string, indicatorId: string) => site(id).indicators.find((i) => i.id === indicatorId)!;

  beforeAll(async () => {
    shared = await sharedAssessment(inject('sharedAssessmentDir'));
  }, 1_200_000);

  it('finds last year’s website report on time, deducts it late under D24, and warns with the search when it is not found (R1, never points)', () => {
    for (const id of ids) {
      const truth = shared.truth(id).documents.websiteReport;
      const [r1, d24] = [indicator(id, 'R1'), indicator(id, 'D24')];
      if (!truth.found) {
        expect(r1.status, id).toBe('warning');
        expect(r1.findings, id).toHaveLength(1);
        expect(r1.findings[0]!.message).toBe(`未找到${truth.year}年度政府网站工作年度报表`);
        expect(r1.findings[0]!.evidence).toMatch(
          /^在首页（.+）、政府信息公开专栏及其“.+”页面、\d+ 个栏目（共 \d+ 条信息）中查找“政府网站工作年度报表\/网站年度工作报表\/.*”，未找到/,
        );
        expect(site(id).vetoes.map((v) => v.indicator)).not.toContain('R1');
        expect(d24.score, id).toBe(1);
        continue;
      }
      expect(r1.status, id).toBe('ok');
      if (truth.onTime) {
        expect([d24.status, d24.score, d24.findings], id).toEqual(['ok', 1, []]);
        continue;
      }
      expect([d24.status, d24.score], id).toEqual(['deducted', 0]);
      expect(
        d24.findings.map((f) => [f.message, f.url]),
        id,
      ).toEqual([[`${truth.year}年度政府网站工作年度报表逾期发布：${truth.publishedOn}（应于${truth.deadline}前发布）`, truth.url]]);
      expect(d24.findings[0]!.evidence).toBe(`“${truth.title}”，见于政府信息公开专栏，发布日期 ${truth.publishedOn}`);
    }
  });

  it('measures D9 on the policy documents read: full points where they carry a mark, −2 with the unmarked ones listed where none does', () => {
    for (const id of ids) {
      const truth = shared.truth(id).documents;
      const d9 = indicator(id, 'D9');
      if (truth.validityMarked === null) {
        expect(d9.status, id).toBe('not-measured');
        continue;
      }
      const policyColumns = shared.truth(id).columns.filter((c) => truth.policyColumns.includes(c.id));
      const documents = new Set(policyColumns.flatMap((c) => c.items.map((i) => i.url)));
      if (truth.validityMarked) {
        expect([d9.status, d9.score, d9.value! > 0], id).toEqual(['ok', 2, true]);
        continue;
      }
      expect([d9.status, d9.score, d9.value], id).toEqual(['deducted', 0, 0]);
      const [summary, ...unmarked] = d9.findings;
      expect(summary!.message, id).toMatch(/^读取的 \d+ 份政策文件中 0 份标注了有效性（0%）$/);
      expect(unmarked.length, id).toBeGreaterThan(0);
      for (const f of unmarked) {
        expect(f.message).toMatch(/^政策文件未见有效性标注（待人工复核）：“.+”$/);
        expect(documents, `${id}: ${f.url}`).toContain(f.url);
      }
    }
  });

  it('lists zfw’s late 解读 under D25 with its document and dates, passes the one linked both ways the next day, and leaves D25 not measured where no 解读 was read', () => {
    for (const id of ids) {
      const planted = shared.truth(id).documents.interpretations;
      const d25 = indicator(id, 'D25');
      if (!planted.length) {
        expect([d25.status, d25.reason], id).toEqual(['not-measured', '未能测量：未读取到政策解读页面']);
        continue;
      }
      const late = planted.filter((p) => p.late);
      expect(late.length, id).toBeGreaterThan(0);
      expect(
        planted.some((p) => !p.late),
        id,
      ).toBe(true);
      expect(d25.findings.map((f) => [f.url, f.message]).sort(), id).toEqual(
        late.map((p) => [p.url, `政策解读“${p.title}”：解读晚于原文 ${p.workingDays} 个工作日发布（应在 3 个工作日内）`]).sort(),
      );
      for (const p of late)
        expect(d25.findings.find((f) => f.url === p.url)!.evidence).toContain(`（${p.documentDate}，${p.document}）；解读发布日期：${p.date}`);
      expect(d25.score, id).toBe(2 - 0.5 * late.length);
    }
  });
});
