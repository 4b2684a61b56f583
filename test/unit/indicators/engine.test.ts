import { describe, expect, it } from 'vitest';

import type { Absence, Absences } from '../../../evaluators/absences.js';
import { measurementsFrom, type SiteMeasurements } from '../../../evaluators/site-measurements.js';
import { type Finding, type Override, scoreSite, type SiteScore } from '../../../indicators/engine.js';
import { loadIndicatorSet, parseIndicatorSet } from '../../../indicators/load.js';

const preset = loadIndicatorSet('national-2019');

interface Values {
  staleV3: number | null;
  staleV4: number | null;
  blank: number | null;
  textFlags?: number | null;
  brokenOnHomepage?: number;
  brokenElsewhere?: number;
  newsItemsInWindow: number | null;
  ageDays: number | null;
  failureRatio: number | null;
  seriousRules?: number;
}

/** Measurements of a healthy site (score 100 under the preset), with some values replaced. */
function measurements(over: Partial<Values> = {}): SiteMeasurements {
  const v: Values = { staleV3: 0, staleV4: 0, blank: 0, newsItemsInWindow: 20, ageDays: 1, failureRatio: 0, textFlags: 0, ...over };
  return measurementsFrom({
    updateFrequency: {
      staleKeyColumns: v.staleV3,
      staleOtherColumns: v.staleV4,
      blank: v.blank,
      newsItemsInWindow: v.newsItemsInWindow,
      homepage: { ageDays: v.ageDays },
    },
    availability: { failureRatio: v.failureRatio },
    links: { brokenOnHomepage: v.brokenOnHomepage ?? 0, brokenElsewhere: v.brokenElsewhere ?? 0 },
    disclosure: { counts: { missingItems: 0, guideMissing: 0, institutionLeaderMissing: 0, reportMissing: 0, reportLate: 0, reportMissingHeadings: 0 } },
    mailbox: { counts: { noChannelOrOverdue: 0, unrepliedRate: 0, slowReplies: 0, fieldsMissing: 0 } },
    services: { counts: { notFound: 0, missingClasses: 0, brokenAttachments: 0, unreachableOnline: 0 } },
    identity: {
      counts: {
        searchAbsent: 0,
        searchBroken: 0,
        identityMissing: 0,
        furnitureMissing: 0,
        domainProblems: 0,
        elderlyMissing: 0,
        mobileProblems: 0,
        notHttps: 0,
      },
    },
    linkSafety: { counts: { suspicious: 0, commercial: 0 } },
    accessibility: { seriousRules: v.seriousRules ?? 0, failingRules: v.seriousRules ?? 0 },
    textChecks: { flagged: v.textFlags ?? null },
    websiteReport: { counts: { missing: 0, late: 0 } },
    policyDocuments: { counts: { marked: 2, interpretationProblems: 0 } },
  });
}

const indicator = (score: SiteScore, id: string) => {
  const found = score.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

const presetGrades = `grades:
  - { id: fail, name: { zh: 不合格 }, below: 60 }
  - { id: pass, name: { zh: 合格 }, below: 80.000001 }
  - { id: good, name: { zh: 良好 } }
`;

/** A one-category set of 100 points: half a point off per stale V4 column, no cap below 100. */
const gradeSet = parseIndicatorSet(
  `id: grade-bands
version: "1"
title: { zh: 分档测试 }
total: 100
categories:
  - { id: main, name: { zh: 主项 }, budget: 100 }
${presetGrades}indicators:
  - id: P1
    name: { zh: 长期未更新栏目 }
    category: main
    source: evaluator:updateFrequency.staleOtherColumns
    unit: 个
    rule: { type: perUnit, unit: 1, points: 0.5, cap: 100 }
    note: test
`,
  'grade-bands.yaml',
);

/** Two categories whose deductions can exceed the category budget. */
const capSet = parseIndicatorSet(
  `id: caps
version: "1"
title: { zh: 封顶测试 }
total: 10
categories:
  - { id: small, name: { zh: 小类 }, budget: 4 }
  - { id: big, name: { zh: 大类 }, budget: 6 }
${presetGrades}indicators:
  - id: C1
    name: { zh: 更新量 }
    category: small
    source: evaluator:updateFrequency.newsItemsInWindow
    rule: { type: below, threshold: 10, points: 3 }
    note: test
  - id: C2
    name: { zh: 长期未更新 }
    category: small
    source: evaluator:updateFrequency.staleOtherColumns
    rule: { type: perUnit, unit: 1, points: 1, cap: 5 }
    note: test
  - id: C3
    name: { zh: 空白栏目 }
    category: big
    source: evaluator:updateFrequency.blank
    rule: { type: perUnit, unit: 1, points: 2, cap: 6 }
    note: test
`,
  'caps.yaml',
);

/** Veto rules without a `missing:` entry and with both comparison kinds. */
const vetoSet = parseIndicatorSet(
  `id: vetoes
version: "1"
title: { zh: 否决测试 }
total: 100
categories:
  - { id: main, name: { zh: 主项 }, budget: 100 }
${presetGrades}indicators:
  - id: A
    name: { zh: 空白栏目 }
    category: veto
    source: evaluator:updateFrequency.blank
    unit: 个
    rule: { type: veto, atLeast: 3 }
    note: test
  - id: B
    name: { zh: 首页不更新 }
    category: veto
    source: evaluator:updateFrequency.homepage.ageDays
    unit: 天
    rule: { type: veto, above: 14, warnAtLeast: 7 }
    note: test
  - id: F
    name: { zh: 可用率 }
    category: main
    source: evaluator:availability.failureRatio
    rule: { type: perUnit, unit: 0.01, points: 1, cap: 10 }
    note: test
`,
  'vetoes.yaml',
);

describe('scoreSite with the national-2019 preset', () => {
  it('D18: −0.5 per serious/critical axe rule, at most −6, within the design budget', () => {
    expect(indicator(scoreSite(preset, measurements({ seriousRules: 3 }), {}), 'D18')).toMatchObject({
      value: 3,
      deduction: 1.5,
      score: 4.5,
      max: 6,
      status: 'deducted',
    });
    const capped = scoreSite(preset, measurements({ seriousRules: 13 }), {});
    expect(indicator(capped, 'D18')).toMatchObject({ deduction: 6, score: 0 });
    expect(capped.score).toBe(94);
  });

  it('V8: the text checks’ flags are a suspected veto a reviewer decides, never a veto of their own', () => {
    const flagged = scoreSite(preset, measurements({ textFlags: 2 }), {});
    expect(indicator(flagged, 'V8')).toMatchObject({ value: 2, status: 'suspected-veto', reason: '疑似否决，待人工复核' });
    expect(flagged.vetoes).toEqual([]);
    expect(flagged.suspectedVetoes).toEqual([{ indicator: 'V8', reason: expect.any(String), searched: null }]);
    expect([flagged.pendingReview, flagged.passed, flagged.grade.name, flagged.score]).toEqual([true, false, '待复核', 100]);
    const at = '2026-12-01T00:00:00Z';
    const confirmed = scoreSite(preset, measurements({ textFlags: 2 }), {}, undefined, [{ indicator: 'V8', veto: true, by: '李四', at, reason: '确有泄露' }]);
    expect([confirmed.vetoes.map((v) => v.indicator), confirmed.grade.name, confirmed.pendingReview]).toEqual([['V8'], '不合格', false]);
    const cleared = scoreSite(preset, measurements({ textFlags: 2 }), {}, undefined, [
      { indicator: 'V8', veto: false, by: '李四', at, reason: '系公开联系电话' },
    ]);
    expect([indicator(cleared, 'V8').status, cleared.passed, cleared.grade.name]).toEqual(['ok', true, '良好']);
    // No flag is not a pass either: the checks cover only part of V8; the site still passes on its score.
    const unflagged = scoreSite(preset, measurements({ textFlags: 0 }), {});
    expect(indicator(unflagged, 'V8')).toMatchObject({ value: 0, status: 'not-flagged', reason: expect.stringContaining('须人工判定') });
    expect([unflagged.passed, unflagged.pendingReview, unflagged.notMeasured.includes('V8')]).toEqual([true, false, false]);
    // Not measured (no page text kept: an older run) is not a veto either.
    expect(indicator(scoreSite(preset, measurements({ textFlags: null }), {}), 'V8')).toMatchObject({ status: 'not-measured', reason: '未能测量' });
  });

  it('gives a healthy site 100 points, grade 良好, no vetoes or warnings', () => {
    const s = scoreSite(preset, measurements(), {});
    expect(s.score).toBe(100);
    expect(s.grade).toEqual({ id: 'good', name: '良好' });
    expect(s.passed).toBe(true);
    expect(s.vetoes).toEqual([]);
    expect(s.warnings).toEqual([]);
    // Only the reviewers' indicators (bonus items) wait for a person; V8 has no flag to review (not flagged, which
    // is no pass); IPv6 (B4) and the new-media register (N1–N4) were not part of these measurements.
    const newMedia = ['N1', 'N2', 'N3', 'N4'];
    const notOk = s.indicators.filter((i) => i.status !== 'ok' && !['B4', 'V8', ...newMedia].includes(i.id));
    expect(notOk.map((i) => [i.id, i.status, i.reason])).toEqual(['B1', 'B2', 'B3', 'B5'].map((id) => [id, 'not-measured', '待人工评分']));
    expect(indicator(s, 'V8').status).toBe('not-flagged');
    expect(indicator(s, 'B4').status).toBe('not-measured');
    for (const id of newMedia)
      expect(indicator(s, id)).toMatchObject({
        status: 'not-measured',
        reason: '未能测量：未登记政务新媒体账号（本次评估未提供登记表，或登记表中没有本网站的账号）',
      });
    expect(s.notMeasured).toEqual([...newMedia, 'B1', 'B2', 'B3', 'B4', 'B5']);
    expect(s.indicators).toHaveLength(preset.indicators.length);
    expect(s.categories).toMatchObject([
      { id: 'availability', name: '可用性', budget: 10, deducted: 0 },
      { id: 'publishing', name: '发布解读', budget: 30, deducted: 0 },
      { id: 'services', name: '办事服务', budget: 25, deducted: 0 },
      { id: 'interaction', name: '互动交流', budget: 15, deducted: 0 },
      { id: 'design', name: '功能设计与无障碍', budget: 20, deducted: 0 },
      { id: 'bonus', name: '加分', budget: 30, mode: 'bonus', score: 0 },
    ]);
  });

  describe('atLeast vetoes (V3: 5 stale columns, warning from 3)', () => {
    it.each([
      [2, 'ok'],
      [3, 'warning'],
      [4, 'warning'],
      [5, 'veto'],
      [6, 'veto'],
    ] as const)('%i stale columns → %s', (staleV3, status) => {
      expect(indicator(scoreSite(preset, measurements({ staleV3 }), {}), 'V3').status).toBe(status);
    });

    it('vetoes at exactly the threshold, with the value and unit in the reason', () => {
      const s = scoreSite(preset, measurements({ staleV3: 5 }), {});
      expect(s.vetoes).toEqual([{ indicator: 'V3', reason: '栏目不更新：5个' }]);
      expect(s.warnings).toEqual([]);
    });

    it('V1 vetoes a failure ratio of exactly 5% and shows it as a percentage', () => {
      const s = scoreSite(preset, measurements({ failureRatio: 0.05 }), {});
      expect(indicator(s, 'V1').status).toBe('veto');
      expect(s.vetoes).toEqual([{ indicator: 'V1', reason: '站点无法访问：5.0%' }]);
    });

    it('V1 warns at exactly 3% and not at 2.9%', () => {
      const at3 = scoreSite(preset, measurements({ failureRatio: 0.03 }), {});
      expect(indicator(at3, 'V1').status).toBe('warning');
      expect(at3.warnings).toEqual([{ indicator: 'V1', reason: '站点无法访问：3.0%' }]);
      expect(at3.vetoes).toEqual([]);
      expect(indicator(scoreSite(preset, measurements({ failureRatio: 0.029 }), {}), 'V1').status).toBe('ok');
    });

    it.each([
      ['V4', 'staleV4', 9, 'warning'],
      ['V4', 'staleV4', 10, 'veto'],
      ['V4', 'staleV4', 6, 'warning'],
      ['V4', 'staleV4', 5, 'ok'],
      ['V5', 'blank', 4, 'warning'],
      ['V5', 'blank', 5, 'veto'],
      ['V5', 'blank', 2, 'ok'],
    ] as const)('%s with %s = %i → %s', (id, key, value, status) => {
      expect(indicator(scoreSite(preset, measurements({ [key]: value }), {}), id).status).toBe(status);
    });
  });

  describe('above vetoes (V2: homepage older than 14 days, warning above 10)', () => {
    it.each([
      [10, 'ok'],
      [11, 'warning'],
      [14, 'warning'],
      [15, 'veto'],
    ] as const)('homepage %i days old → %s', (ageDays, status) => {
      expect(indicator(scoreSite(preset, measurements({ ageDays }), {}), 'V2').status).toBe(status);
    });

    it('does not veto at exactly the threshold but warns, with the reason in days', () => {
      const s = scoreSite(preset, measurements({ ageDays: 14 }), {});
      expect(s.vetoes).toEqual([]);
      expect(s.warnings).toEqual([{ indicator: 'V2', reason: '首页不更新：14天' }]);
      expect(s.passed).toBe(true);
    });
  });

  it('missing: veto — a homepage without any dated item is vetoed', () => {
    const s = scoreSite(preset, measurements({ ageDays: null }), {});
    const v2 = indicator(s, 'V2');
    expect(v2.status).toBe('veto');
    expect(v2.value).toBeNull();
    expect(s.vetoes).toEqual([{ indicator: 'V2', reason: '首页不更新：无注明日期的信息，按未更新处理' }]);
    expect(s.passed).toBe(false);
    expect(s.grade).toEqual({ id: 'fail', name: '不合格' });
  });

  it('missing: veto also applies when the update evaluator gave nothing at all', () => {
    const s = scoreSite(preset, measurementsFrom({ availability: { failureRatio: 0 }, updateFrequency: null }), {});
    expect(indicator(s, 'V2').status).toBe('veto');
  });

  it('a null value without `missing` is not measured: no veto, no deduction', () => {
    const s = scoreSite(preset, measurements({ failureRatio: null }), {
      'availability.failures': [{ subject: 'homepage-availability', message: 'x', url: null, evidence: null }],
    });
    expect(indicator(s, 'V1')).toMatchObject({ status: 'not-measured', value: null, score: null, max: null, deduction: 0, findings: [] });
    expect(indicator(s, 'D3')).toMatchObject({ status: 'not-measured', value: null, score: null, max: 2, deduction: 0, findings: [] });
    expect(s.vetoes).toEqual([]);
    expect(s.score).toBe(100);
    expect(s.passed).toBe(true);
  });

  describe('perUnit deduction (D3: −1 per 1% from 1%, at most −2)', () => {
    it.each([
      [0, 0, 'ok'],
      [0.005, 0, 'ok'],
      [0.0099, 0, 'ok'],
      [0.01, 1, 'deducted'],
      [0.019, 1, 'deducted'],
      [0.02, 2, 'deducted'],
      [0.034, 2, 'deducted'],
      [0.049, 2, 'deducted'],
    ] as const)('failure ratio %f → −%i', (failureRatio, deduction, status) => {
      const s = scoreSite(preset, measurements({ failureRatio }), {});
      expect(indicator(s, 'D3')).toMatchObject({ value: failureRatio, deduction, status, max: 2, score: 2 - deduction });
      expect(s.score).toBe(100 - deduction);
      expect(s.categories.find((c) => c.id === 'availability')?.deducted).toBe(deduction);
    });
  });

  describe('below rule (D8: fewer than 10 news items → −3)', () => {
    it.each([
      [0, 3],
      [9, 3],
      [10, 0],
      [11, 0],
    ] as const)('%i items → −%i', (newsItemsInWindow, deduction) => {
      const s = scoreSite(preset, measurements({ newsItemsInWindow }), {});
      expect(indicator(s, 'D8')).toMatchObject({ deduction, max: 3, score: 3 - deduction, status: deduction ? 'deducted' : 'ok' });
      expect(s.score).toBe(100 - deduction);
      expect(s.categories.find((c) => c.id === 'publishing')?.deducted).toBe(deduction);
    });
  });

  it('sums deductions over categories: D3 −2 and D8 −3 → 95', () => {
    const s = scoreSite(preset, measurements({ failureRatio: 0.04, newsItemsInWindow: 2 }), {});
    expect(s.score).toBe(95);
    expect(s.categories.map((c) => c.deducted)).toEqual([2, 3, 0, 0, 0, 30]);
    expect(s.grade.name).toBe('良好');
    expect(s.warnings).toEqual([{ indicator: 'V1', reason: '站点无法访问：4.0%' }]);
  });

  it('a vetoed site gets the first grade and fails even with a full score', () => {
    const s = scoreSite(preset, measurements({ staleV3: 5, blank: 7 }), {});
    expect(s.score).toBe(100);
    expect(s.grade).toEqual({ id: 'fail', name: '不合格' });
    expect(s.passed).toBe(false);
    expect(s.vetoes.map((v) => v.indicator)).toEqual(['V3', 'V5']);
  });

  describe('findings', () => {
    const findings: Record<string, Finding[]> = {
      'updateFrequency.staleKeyColumns': [
        { message: '栏目“通知公告”超过183天未更新', url: 'https://www.example.gov.cn/tzgg/', evidence: '最新信息发布日期 2026-01-02' },
      ],
      'updateFrequency.staleOtherColumns': [{ message: '栏目“人事信息”超过365天未更新', url: 'https://www.example.gov.cn/rsxx/', evidence: null }],
      'updateFrequency.blank': [{ message: '栏目“公示”为空白栏目', url: 'https://www.example.gov.cn/gs/', evidence: '页面显示“暂无信息”' }],
      'updateFrequency.newsVolume': [{ message: '近14天要闻/动态类栏目发布信息 4 条', url: null, evidence: '工作动态' }],
      'availability.failures': [{ message: '首页访问失败（超时）', url: 'https://www.example.gov.cn/', evidence: null }],
    };

    it('attaches findings to vetoed, warned and deducted indicators only', () => {
      const s = scoreSite(preset, measurements({ staleV3: 5, staleV4: 7, blank: 0, newsItemsInWindow: 4, failureRatio: 0 }), findings);
      expect(indicator(s, 'V3').findings).toEqual(findings['updateFrequency.staleKeyColumns']);
      expect(indicator(s, 'V4').status).toBe('warning');
      expect(indicator(s, 'V4').findings).toEqual(findings['updateFrequency.staleOtherColumns']);
      expect(indicator(s, 'D8').findings).toEqual(findings['updateFrequency.newsVolume']);
      // Indicators that are fine carry none, even though findings exist under their key.
      expect(indicator(s, 'V5').status).toBe('ok');
      expect(indicator(s, 'V5').findings).toEqual([]);
      expect(indicator(s, 'V1').findings).toEqual([]);
      expect(indicator(s, 'D3').findings).toEqual([]);
    });

    it('a failing indicator without findings under its key has an empty list', () => {
      const s = scoreSite(preset, measurements({ staleV3: 5 }), {});
      expect(indicator(s, 'V3').findings).toEqual([]);
    });
  });

  it('is deterministic and does not change its inputs', () => {
    const m = measurements({ staleV3: 3, failureRatio: 0.012, newsItemsInWindow: 7, ageDays: 12 });
    const f: Record<string, Finding[]> = { 'updateFrequency.newsVolume': [{ message: 'm', url: null, evidence: 'e' }] };
    const before = structuredClone({ m, f });
    const first = scoreSite(preset, m, f);
    const second = scoreSite(preset, m, f);
    expect(second).toEqual(first);
    expect(first.score).toBe(96);
    expect({ m, f }).toEqual(before);
  });
});

describe('scoreSite with inline sets', () => {
  describe('grade bands (不合格 < 60 ≤ 合格 < 80.000001 ≤ 良好)', () => {
    it.each([
      [82, 59, 'fail', '不合格', false],
      [80, 60, 'pass', '合格', true],
      [79, 60.5, 'pass', '合格', true],
      [41, 79.5, 'pass', '合格', true],
      [40, 80, 'pass', '合格', true],
      [39, 80.5, 'good', '良好', true],
      [0, 100, 'good', '良好', true],
    ] as const)('%i stale columns → %f points → %s', (staleV4, score, id, name, passed) => {
      const s = scoreSite(gradeSet, measurements({ staleV4 }), {});
      expect(s.score).toBe(score);
      expect(s.grade).toEqual({ id, name });
      expect(s.passed).toBe(passed);
    });

    it('a score below 60 fails without any veto', () => {
      const s = scoreSite(gradeSet, measurements({ staleV4: 200 }), {});
      expect(s.score).toBe(0);
      expect(s.vetoes).toEqual([]);
      expect(s.passed).toBe(false);
    });
  });

  describe('category budgets', () => {
    it('caps the deductions of a category at its budget', () => {
      // small: C1 −3 + C2 −5 = −8, capped at 4; big: C3 −2.
      const s = scoreSite(capSet, measurements({ newsItemsInWindow: 0, staleV4: 5, blank: 1 }), {});
      expect(s.categories).toMatchObject([
        { id: 'small', name: '小类', budget: 4, deducted: 4 },
        { id: 'big', name: '大类', budget: 6, deducted: 2 },
      ]);
      expect(s.score).toBe(4);
      // Each indicator still reports its own deduction.
      expect(s.indicators.map((i) => [i.id, i.deduction, i.score])).toEqual([
        ['C1', 3, 0],
        ['C2', 5, 0],
        ['C3', 2, 4],
      ]);
    });

    it('does not cap deductions that fit the budget', () => {
      const s = scoreSite(capSet, measurements({ newsItemsInWindow: 0, staleV4: 1, blank: 0 }), {});
      expect(s.categories.map((c) => c.deducted)).toEqual([4, 0]);
      expect(s.score).toBe(6);
      const t = scoreSite(capSet, measurements({ newsItemsInWindow: 12, staleV4: 3, blank: 3 }), {});
      expect(t.categories.map((c) => c.deducted)).toEqual([3, 6]);
      expect(t.score).toBe(1);
    });

    it('never goes below zero when every category is over budget', () => {
      const s = scoreSite(capSet, measurements({ newsItemsInWindow: 0, staleV4: 9, blank: 9 }), {});
      expect(s.categories.map((c) => c.deducted)).toEqual([4, 6]);
      expect(s.score).toBe(0);
      expect(s.grade.id).toBe('fail');
    });
  });

  describe('veto rules', () => {
    it('atLeast without a warning level: equal vetoes, one below is ok', () => {
      expect(indicator(scoreSite(vetoSet, measurements({ blank: 3 }), {}), 'A').status).toBe('veto');
      expect(indicator(scoreSite(vetoSet, measurements({ blank: 2 }), {}), 'A').status).toBe('ok');
    });

    it('above with warnAtLeast: 7 warns, 14 warns, 15 vetoes', () => {
      expect(indicator(scoreSite(vetoSet, measurements({ ageDays: 6 }), {}), 'B').status).toBe('ok');
      expect(indicator(scoreSite(vetoSet, measurements({ ageDays: 7 }), {}), 'B').status).toBe('warning');
      expect(indicator(scoreSite(vetoSet, measurements({ ageDays: 14 }), {}), 'B').status).toBe('warning');
      expect(indicator(scoreSite(vetoSet, measurements({ ageDays: 15 }), {}), 'B').status).toBe('veto');
    });

    it('without `missing`, a null value is not measured rather than vetoed', () => {
      const s = scoreSite(vetoSet, measurements({ ageDays: null, blank: null }), {});
      expect(indicator(s, 'A').status).toBe('not-measured');
      expect(indicator(s, 'B').status).toBe('not-measured');
      expect(s.vetoes).toEqual([]);
      expect(s.passed).toBe(true);
      expect(s.grade.id).toBe('good');
    });

    it('a vetoed site takes the first grade and keeps its numeric score', () => {
      const s = scoreSite(vetoSet, measurements({ blank: 4, failureRatio: 0.02 }), {});
      expect(s.score).toBe(98);
      expect(s.grade).toEqual({ id: 'fail', name: '不合格' });
      expect(s.passed).toBe(false);
      expect(s.vetoes).toEqual([{ indicator: 'A', reason: '空白栏目：4个' }]);
    });
  });

  it.each([
    [0.03, 3],
    [0.07, 7],
    [0.29, 10],
    [0.06, 6],
  ] as const)('perUnit counts whole units despite floating point: %f → −%i', (failureRatio, deduction) => {
    expect(indicator(scoreSite(vetoSet, measurements({ failureRatio }), {}), 'F').deduction).toBe(deduction);
  });
});

describe('broken-link deductions of the national-2019 preset', () => {
  it('D1 takes 1 point per broken homepage link up to 5, D2 0.1 per other broken link up to 3, within the 10-point category', () => {
    const s = scoreSite(preset, measurements({ brokenOnHomepage: 7, brokenElsewhere: 12 }), {});
    expect(indicator(s, 'D1')).toMatchObject({ deduction: 5, score: 0, max: 5, status: 'deducted' });
    expect(indicator(s, 'D2')).toMatchObject({ deduction: 1.2, max: 3, status: 'deducted' });
    expect(s.categories.find((c) => c.id === 'availability')!.deducted).toBeCloseTo(6.2);
    expect(s.score).toBeCloseTo(93.8);
    const worse = scoreSite(preset, measurements({ brokenOnHomepage: 9, brokenElsewhere: 90, failureRatio: 0.04 }), {});
    expect(worse.categories.find((c) => c.id === 'availability')!.deducted).toBe(10);
  });
});

describe('disclosure, mailbox, services and identity indicators of the national-2019 preset', () => {
  const healthy = measurements();
  const parts = healthy as unknown as Record<string, { counts: Record<string, number | null> }>;
  const withCounts = (kind: keyof SiteMeasurements, counts: Record<string, number | null>) =>
    measurementsFrom({ ...healthy, [kind]: { counts: { ...parts[kind]!.counts, ...counts } } });

  it('V6: no consultation channel is a veto; so is one letter unanswered for more than 3 months', () => {
    for (const noChannelOrOverdue of [1, 3]) {
      const s = scoreSite(preset, withCounts('mailbox', { noChannelOrOverdue }), {});
      expect(s.vetoes.map((v) => v.indicator)).toEqual(['V6']);
      expect(s.passed).toBe(false);
    }
    expect(scoreSite(preset, withCounts('mailbox', { noChannelOrOverdue: 0 }), {}).vetoes).toEqual([]);
  });

  it('V7 vetoes a site with services but no 办事指南; a site without services (null) is not measured, not vetoed', () => {
    expect(scoreSite(preset, withCounts('services', { notFound: 1 }), {}).vetoes.map((v) => v.indicator)).toEqual(['V7']);
    const none = scoreSite(preset, { ...healthy, services: null }, {});
    expect(none.vetoes).toEqual([]);
    expect(indicator(none, 'V7').status).toBe('not-measured');
  });

  it('deducts by hand-computed amounts: D5 9 items capped at 8, D6 3 × 0.5, D7 late 2 + 2 headings × 0.5 → publishing −12.5', () => {
    const s = scoreSite(preset, withCounts('disclosure', { missingItems: 9, guideMissing: 3, reportLate: 1, reportMissingHeadings: 2 }), {});
    expect([indicator(s, 'D5').deduction, indicator(s, 'D6').deduction, indicator(s, 'D7-late').deduction, indicator(s, 'D7-headings').deduction]).toEqual([
      8, 1.5, 2, 1,
    ]);
    expect(s.categories.find((c) => c.id === 'publishing')!.deducted).toBe(12.5);
    expect(s.score).toBe(87.5);
  });

  it('D15: reply rate 89% (11% unanswered) → −2, 80% → −4, 95% → nothing, 50% → capped at −5', () => {
    const d15 = (unrepliedRate: number) => indicator(scoreSite(preset, withCounts('mailbox', { unrepliedRate }), {}), 'D15').deduction;
    expect([d15(0.11), d15(0.2), d15(0.05), d15(0.5)]).toEqual([2, 4, 0, 5]);
  });

  it('D16: no search −5, a search that fails −3; D10 3 missing guide classes −6', () => {
    expect(indicator(scoreSite(preset, withCounts('identity', { searchAbsent: 1 }), {}), 'D16').deduction).toBe(5);
    expect(indicator(scoreSite(preset, withCounts('identity', { searchBroken: 1 }), {}), 'D16-fails').deduction).toBe(3);
    expect(indicator(scoreSite(preset, withCounts('services', { missingClasses: 3 }), {}), 'D10').deduction).toBe(6);
  });
});

describe('suspected vetoes (疑似否决): a veto resting on "not found" waits for a reviewer', () => {
  const healthy = measurements();
  const parts = healthy as unknown as Record<string, { counts: Record<string, number | null> }>;
  const withCounts = (kind: keyof SiteMeasurements, counts: Record<string, number | null>) =>
    measurementsFrom({ ...healthy, [kind]: { counts: { ...parts[kind]!.counts, ...counts } } });
  const noServices: Absence = { found: false, what: '办事服务入口', searched: { where: ['首页的 86 个链接'], for: ['办事服务', '网上办事'] }, url: null };
  const absences: Absences = { 'services.counts.notFound': noServices };
  const review = (veto: boolean): Override => ({
    indicator: 'V7',
    veto,
    reason: veto ? '人工核查确无办事服务栏目' : '办事服务在“便民服务”图片入口下',
    by: '张三',
    at: '2026-11-22T09:00:00Z',
  });

  it('V7 without a services section is suspected: not vetoed, not passed, grade 待复核, the search as its evidence', () => {
    const s = scoreSite(preset, withCounts('services', { notFound: 1 }), {}, undefined, [], absences);
    expect(s.vetoes).toEqual([]);
    expect(s.suspectedVetoes).toEqual([
      { indicator: 'V7', reason: '服务不实用：在首页的 86 个链接中查找“办事服务/网上办事”，未找到办事服务入口', searched: noServices.searched },
    ]);
    expect(s).toMatchObject({ pendingReview: true, passed: false, grade: { id: 'pending-review', name: '待复核' }, score: 100 });
    expect(indicator(s, 'V7')).toMatchObject({
      status: 'suspected-veto',
      absence: noServices,
      findings: [{ message: '疑似否决：未找到办事服务入口', evidence: '在首页的 86 个链接中查找“办事服务/网上办事”，未找到办事服务入口' }],
    });
  });

  it('a veto on measured evidence stays automatic: a homepage 40 days old, letters unanswered over 3 months', () => {
    const stale = scoreSite(preset, measurements({ ageDays: 40 }), {}, undefined, [], absences);
    expect(stale.vetoes.map((v) => v.indicator)).toEqual(['V2']);
    expect(stale).toMatchObject({ suspectedVetoes: [], pendingReview: false, passed: false, grade: { name: '不合格' } });
    // The absence of another indicator (V7 not vetoed here) changes nothing.
    const letters = scoreSite(preset, withCounts('mailbox', { noChannelOrOverdue: 2 }), {}, undefined, [], {});
    expect([letters.vetoes.map((v) => v.indicator), letters.suspectedVetoes]).toEqual([['V6'], []]);
  });

  it('a homepage without any dated item (missing: veto) is suspected when the value is an absence', () => {
    const noDate: Absence = {
      found: false,
      what: '注明发布日期的信息',
      searched: { where: ['首页（0 条带日期的行）', '12 个栏目页（共 230 条信息）'], for: ['发布日期'] },
      url: null,
    };
    const s = scoreSite(preset, measurements({ ageDays: null }), {}, undefined, [], { 'updateFrequency.homepage.ageDays': noDate });
    expect(indicator(s, 'V2').status).toBe('suspected-veto');
    expect(s.suspectedVetoes[0]!.reason).toBe('首页不更新：在首页（0 条带日期的行）、12 个栏目页（共 230 条信息）中查找“发布日期”，未找到注明发布日期的信息');
  });

  it('a reviewer confirms (→ a real veto, 不合格) or clears (→ scored normally, ranked)', () => {
    const confirmed = scoreSite(preset, withCounts('services', { notFound: 1 }), {}, undefined, [review(true)], absences);
    expect(confirmed.vetoes.map((v) => v.indicator)).toEqual(['V7']);
    expect(confirmed).toMatchObject({ suspectedVetoes: [], pendingReview: false, passed: false, grade: { name: '不合格' } });
    expect(indicator(confirmed, 'V7').override).toMatchObject({ by: '张三', was: { status: 'suspected-veto' } });
    const cleared = scoreSite(preset, withCounts('services', { notFound: 1 }), {}, undefined, [review(false)], absences);
    expect(cleared).toMatchObject({ vetoes: [], suspectedVetoes: [], pendingReview: false, passed: true, grade: { name: '良好' }, score: 100 });
    expect(indicator(cleared, 'V7').status).toBe('ok');
  });

  it('a site failing on its score is 不合格 whatever the review; its suspected veto is still listed', () => {
    const low = scoreSite(
      preset,
      measurementsFrom({
        ...withCounts('services', { notFound: 1 }),
        disclosure: { counts: { missingItems: 8, guideMissing: 8, institutionLeaderMissing: 5, reportMissing: 1, reportLate: 0, reportMissingHeadings: 0 } },
        accessibility: { seriousRules: 12 },
        identity: { counts: { searchAbsent: 1, searchBroken: 1, identityMissing: 6, elderlyMissing: 1, mobileProblems: 2, notHttps: 1 } },
      }),
      {},
      undefined,
      [],
      absences,
    );
    expect(low.score).toBeLessThan(60);
    expect(low).toMatchObject({ pendingReview: false, passed: false, grade: { name: '不合格' }, suspectedVetoes: [{ indicator: 'V7' }] });
  });

  it('a set may declare a veto on an absence at once (`absence: veto`)', () => {
    const declared = parseIndicatorSet(
      `id: declared
version: "1"
title: { zh: 缺失即否决 }
total: 10
categories:
  - { id: main, name: { zh: 主项 }, budget: 10 }
${presetGrades}indicators:
  - id: X7
    name: { zh: 服务不实用 }
    category: veto
    source: evaluator:services.counts.notFound
    rule: { type: veto, atLeast: 1, absence: veto }
    note: test
  - id: M1
    name: { zh: 更新量 }
    category: main
    source: evaluator:updateFrequency.newsItemsInWindow
    rule: { type: below, threshold: 10, points: 3 }
    note: test
`,
      'declared.yaml',
    );
    const s = scoreSite(declared, withCounts('services', { notFound: 1 }), {}, undefined, [], absences);
    expect([s.vetoes.map((v) => v.indicator), s.suspectedVetoes, s.pendingReview]).toEqual([['X7'], [], false]);
    expect(indicator(s, 'X7').findings[0]).toMatchObject({ message: '未找到办事服务入口' });
  });
});
