import { describe, expect, it } from 'vitest';

import { measurementsFrom, type SiteMeasurements } from '../../../evaluators/site-measurements.js';
import { type Override, scoreSite, type SiteScore } from '../../../indicators/engine.js';
import { parseIndicatorSet } from '../../../indicators/load.js';

/**
 * Every rule type of the indicator language on one small set, with totals computed by hand in the
 * comments. Measurements are read from `m.*` through evaluator sources that exist (the values are ours).
 */
const set = parseIndicatorSet(
  `id: rules-test
version: "1"
title: { zh: 规则测试 }
total: 100
categories:
  - { id: avail, name: { zh: 可用性 }, budget: 10 }
  - { id: services, name: { zh: 办事服务 }, budget: 25 }
  - { id: quality, name: { zh: 质量 }, budget: 65 }
  - { id: bonus, name: { zh: 加分 }, budget: 30, bonus: { above: 80 } }
grades:
  - { id: fail, name: { zh: 不合格 }, below: 60 }
  - { id: pass, name: { zh: 合格 }, below: 80.000001 }
  - { id: good, name: { zh: 良好 } }
indicators:
  - { id: V1, name: { zh: 站点无法访问 }, category: veto, source: "evaluator:availability.failureRatio", unit: "%", rule: { type: veto, atLeast: 0.05, warnAtLeast: 0.03 }, note: test }
  - { id: VM, name: { zh: 严重错误 }, category: veto, source: manual, rule: { type: veto, atLeast: 1 }, note: test }
  - { id: D1, name: { zh: 首页链接 }, category: avail, source: "evaluator:links.brokenOnHomepage", rule: { type: perUnit, unit: 1, points: 1, cap: 6 }, note: test }
  - { id: D2, name: { zh: 更新量 }, category: avail, source: "evaluator:updateFrequency.newsItemsInWindow", rule: { type: below, threshold: 10, points: 3 }, note: test }
  - { id: D3, name: { zh: 可用率 }, category: avail, source: "evaluator:availability.failureRatio", rule: { type: perUnit, unit: 0.01, points: 1, cap: 2, from: 0.01 }, note: test }
  - { id: S1, name: { zh: 办事指南要素 }, category: services, source: "evaluator:services.counts.missingClasses", rule: { type: perUnit, unit: 1, points: 2, cap: 16 }, appliesTo: { services: true }, note: test }
  - { id: S2, name: { zh: 人工评分项 }, category: services, source: manual, rule: { type: perUnit, unit: 1, points: 1, cap: 9 }, appliesTo: { services: true }, note: test }
  - { id: Q1, name: { zh: 答复率 }, category: quality, source: "evaluator:mailbox.replyRate", rule: { type: stepped, points: 40, steps: [{ atLeast: 0.9, score: 1 }, { atLeast: 0.6, score: 0.5 }] }, note: test }
  - { id: Q2, name: { zh: 答复时长 }, category: quality, source: "evaluator:mailbox.medianReplyWorkingDays", rule: { type: linear, points: 25, zeroAt: 20, fullAt: 5 }, note: test }
  - { id: B1, name: { zh: 特色功能 }, category: bonus, source: "evaluator:accessibility.failingRules", rule: { type: points, points: 2, cap: 6 }, note: test }
  - { id: B2, name: { zh: 人工加分 }, category: bonus, source: manual, rule: { type: points, points: 3, cap: 3 }, note: test }
`,
  'rules-test.yaml',
);

interface V {
  ratio: number | null;
  broken: number | null;
  news: number | null;
  missing: number | null;
  rate: number | null;
  latency: number | null;
  features: number | null;
}
const healthy: V = { ratio: 0, broken: 0, news: 12, missing: 0, rate: 0.95, latency: 5, features: 2 };

function m(over: Partial<V> = {}): SiteMeasurements {
  const v = { ...healthy, ...over };
  return measurementsFrom({
    availability: { failureRatio: v.ratio },
    links: { brokenOnHomepage: v.broken },
    updateFrequency: { newsItemsInWindow: v.news },
    services: { counts: { missingClasses: v.missing } },
    mailbox: { replyRate: v.rate, medianReplyWorkingDays: v.latency },
    accessibility: { failingRules: v.features },
  });
}
const withServices = { services: true, level: 'department' as const };
const noServices = { services: false, level: 'department' as const };
const score = (over: Partial<V>, site = withServices, overrides: Override[] = []) => scoreSite(set, m(over), {}, site, overrides);
const ind = (s: SiteScore, id: string) => s.indicators.find((i) => i.id === id)!;
const cat = (s: SiteScore, id: string) => s.categories.find((c) => c.id === id)!;
const review = (indicator: string, decision: Partial<Override>): Override => ({
  indicator,
  reason: '复核',
  by: 'reviewer-1',
  at: '2026-11-30T10:00:00Z',
  ...decision,
});

describe('scoring rules, totals computed by hand', () => {
  it('a healthy site: 10 + 25 + 65 = 100, above 80 so the bonus counts: +2×2 = 4 → 104', () => {
    const s = score({});
    expect(s.base).toBe(100);
    expect(s.bonus).toBe(4);
    expect(s.score).toBe(104);
    expect(s.grade.id).toBe('good');
    expect(s.notMeasured).toEqual(['VM', 'S2', 'B2']);
    expect(ind(s, 'B2')).toMatchObject({ status: 'not-measured', reason: '待人工评分' });
  });

  it('deductions with caps, the category capped at its budget, stepped and linear scores, no bonus below the gate', () => {
    // D1 7 broken → 7, capped 6; D2 8 < 10 → 3; D3 4% → 4 × 1, capped 2; V1 4% ≥ 3% → warning.
    // avail: 6 + 3 + 2 = 11 > budget 10 → 0. S1 3 missing × 2 = 6 → services 19.
    // Q1 0.7 → step 0.5 × 40 = 20; Q2 12.5 days → (12.5 − 20)/(5 − 20) = 0.5 × 25 = 12.5; quality 32.5.
    // base 0 + 19 + 32.5 = 51.5 ≤ 80: no bonus; fail.
    const s = score({ broken: 7, news: 8, ratio: 0.04, missing: 3, rate: 0.7, latency: 12.5, features: 3 });
    expect([ind(s, 'D1').deduction, ind(s, 'D2').deduction, ind(s, 'D3').deduction]).toEqual([6, 3, 2]);
    expect(cat(s, 'avail')).toMatchObject({ score: 0, deducted: 10 });
    expect(cat(s, 'services').score).toBe(19);
    expect([ind(s, 'Q1').score, ind(s, 'Q2').score, cat(s, 'quality').score]).toEqual([20, 12.5, 32.5]);
    expect(s.warnings).toEqual([{ indicator: 'V1', reason: '站点无法访问：4.0%' }]);
    expect([s.base, s.bonus, s.score, s.grade.id, s.passed]).toEqual([51.5, 0, 51.5, 'fail', false]);
  });

  it('stepped rules fall to `otherwise` (0) below every step; linear clamps at both ends', () => {
    const s = score({ rate: 0.59, latency: 25 });
    expect([ind(s, 'Q1').score, ind(s, 'Q2').score]).toEqual([0, 0]);
    expect(score({ latency: 1 }).indicators.find((i) => i.id === 'Q2')!.score).toBe(25);
  });

  it('the bonus gate is "above 80": exactly 80 gets none, 81 gets it', () => {
    // Q1 0.7 → 20, Q2 5 → 25: 10 + 25 + 45 = 80.
    expect(score({ rate: 0.7, features: 3 })).toMatchObject({ base: 80, bonus: 0, score: 80, grade: { id: 'pass' } });
    // Q1 → 40, Q2 16.4 days → (16.4 − 20)/(−15) = 0.24 × 25 = 6: 10 + 25 + 46 = 81; bonus 1 × 2 → 83.
    expect(score({ latency: 16.4, features: 1 })).toMatchObject({ base: 81, bonus: 2, score: 83 });
    // Bonus points capped at the indicator cap (6), then at the category budget (30).
    expect(score({ features: 9 }).bonus).toBe(6);
  });

  it('a site without services: 办事服务 does not apply and the rest is rescaled ×100/75 (the 4/3 rule)', () => {
    // D1 2 broken → avail 8; quality 65; 73 of 75 × 4/3 = 97.333 → 97.33; bonus 4 → 101.33.
    const s = score({ broken: 2, missing: 3 }, noServices);
    expect(ind(s, 'S1')).toMatchObject({ status: 'not-applicable', score: null, deduction: 0, value: 3 });
    expect(cat(s, 'services')).toMatchObject({ applicable: false, score: null });
    expect(s.scale).toBe(1.3333);
    expect([s.base, s.bonus, s.score]).toEqual([97.33, 4, 101.33]);
  });

  it('veto order: a vetoed site fails whatever its score and gets no bonus', () => {
    // V1 5% → veto; D3 5 × 1 capped 2 → base 98; features 3 would give +6, but not after a veto.
    const s = score({ ratio: 0.05, features: 3 });
    expect(s.vetoes).toEqual([{ indicator: 'V1', reason: '站点无法访问：5.0%' }]);
    expect([s.base, s.bonus, s.score, s.grade.id, s.passed]).toEqual([98, 0, 98, 'fail', false]);
  });

  it('null handling: an unmeasured weighted indicator drops out of its category; a whole unmeasured category drops out of the total', () => {
    // Q1 null: quality = 65 × Q2 25 / 25 = 65, and Q1 is listed as not measured.
    const one = score({ rate: null, latency: 12.5 });
    expect(cat(one, 'quality').score).toBe(65 * 0.5);
    expect(one.notMeasured).toContain('Q1');
    // Both null: quality drops out; (10 + 25) × 100/35 = 100.
    const both = score({ rate: null, latency: null });
    expect(cat(both, 'quality').applicable).toBe(false);
    expect(both.base).toBe(100);
    // A deduction indicator without a value deducts nothing and says why.
    expect(ind(score({ broken: null }), 'D1')).toMatchObject({ status: 'not-measured', score: null, deduction: 0, reason: '未能测量' });
  });
});

describe('reviewer overrides', () => {
  it('score a manual indicator: S2 kept 4 of 9 → services 20, base 95, bonus 4 → 99', () => {
    const s = score({}, withServices, [review('S2', { points: 4 })]);
    expect(ind(s, 'S2')).toMatchObject({
      score: 4,
      deduction: 5,
      status: 'deducted',
      override: { by: 'reviewer-1', reason: '复核', was: { score: null, status: 'not-measured' } },
    });
    expect([s.base, s.score]).toEqual([95, 99]);
    expect(s.notMeasured).not.toContain('S2');
  });

  it('clear a measured veto: the site is scored as without it (98 + 6 bonus = 104)', () => {
    const s = score({ ratio: 0.05, features: 3 }, withServices, [review('V1', { veto: false })]);
    expect(s.vetoes).toEqual([]);
    expect(ind(s, 'V1')).toMatchObject({ status: 'ok', override: { was: { status: 'veto' } } });
    expect([s.base, s.bonus, s.score, s.passed]).toEqual([98, 6, 104, true]);
  });

  it('set a manual veto, with the reviewer reason in the veto', () => {
    const s = score({}, withServices, [review('VM', { veto: true, reason: '首页存在严重表述错误' })]);
    expect(s.vetoes).toEqual([{ indicator: 'VM', reason: '严重错误：人工复核（首页存在严重表述错误）' }]);
    expect(s.grade.id).toBe('fail');
  });

  it('points beyond the maximum are clamped; an override of an indicator that does not apply changes nothing', () => {
    expect(ind(score({ broken: 3 }, withServices, [review('D1', { points: 99 })]), 'D1')).toMatchObject({ score: 6, deduction: 0 });
    const s = score({ missing: 3 }, noServices, [review('S1', { points: 0 })]);
    expect(ind(s, 'S1').status).toBe('not-applicable');
    expect(s.base).toBe(100);
  });

  it('a bonus granted by a reviewer counts like a measured one (B2 3 points: 100 + 4 + 3 = 107)', () => {
    expect(score({}, withServices, [review('B2', { points: 3 })]).score).toBe(107);
  });
});

describe('earned categories and imported columns', () => {
  const reporting = parseIndicatorSet(
    `id: earned-test
version: "1"
title: { zh: 采用计分 }
total: 100
categories:
  - { id: adoption, name: { zh: 采用 }, budget: 70 }
  - { id: rate, name: { zh: 采用率 }, budget: 30 }
grades:
  - { id: low, name: { zh: 较差 }, below: 50 }
  - { id: high, name: { zh: 较好 } }
indicators:
  - { id: R1, name: { zh: 国办采用 }, category: adoption, source: "import:adoptedNational", rule: { type: points, points: 10 }, note: test }
  - { id: R2, name: { zh: 省级采用 }, category: adoption, source: "import:adoptedProvincial", rule: { type: points, points: 5 }, note: test }
  - { id: R3, name: { zh: 市级采用 }, category: adoption, source: "import:adoptedCity", rule: { type: points, points: 2 }, note: test }
  - { id: R4, name: { zh: 采用率 }, category: rate, source: "evaluator:reporting.adoptionRate", rule: { type: linear, points: 30, zeroAt: 0, fullAt: 0.5 }, note: test }
`,
    'earned.yaml',
  );
  const site = { services: true, level: 'department' as const };

  it('adds points per unit and caps the category at its budget: 3×10 + 5×5 + 10×2 = 75 → 70; rate 0.2 → 0.4 × 30 = 12', () => {
    const s = scoreSite(
      reporting,
      measurementsFrom({ imported: { adoptedNational: 3, adoptedProvincial: 5, adoptedCity: 10 }, reporting: { adoptionRate: 0.2 } }),
      {},
      site,
    );
    expect(s.indicators.map((i) => i.score)).toEqual([30, 25, 20, 12]);
    expect([s.categories[0]!.score, s.score, s.grade.id]).toEqual([70, 82, 'high']);
  });

  it('a column the table did not have is not measured, not zero', () => {
    const s = scoreSite(
      reporting,
      measurementsFrom({ imported: { adoptedNational: 1, adoptedProvincial: null, adoptedCity: 0 }, reporting: { adoptionRate: 0.5 } }),
      {},
      site,
    );
    expect(s.indicators[1]).toMatchObject({ status: 'not-measured', score: null });
    expect(s.score).toBe(10 + 30);
  });
});
