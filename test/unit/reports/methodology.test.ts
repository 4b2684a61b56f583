import { describe, expect, it } from 'vitest';

import type { IndicatorSet } from '../../../indicators/types.js';
import { describeRule, methodology, sampleNote } from '../../../reports/methodology.js';

const SCRIPT = '<script>alert(1)</script>';
const SCRIPT_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

describe('describeRule: one Chinese sentence per rule', () => {
  it('veto: at least, above, or by a reviewer; with an early warning and what a missing value means', () => {
    expect(describeRule({ type: 'veto', atLeast: 1 }, '个')).toBe('达到1个即单项否决');
    expect(describeRule({ type: 'veto', above: 14, warnAbove: 10 }, '天')).toBe('超过14天即单项否决；超过10天时预警');
    expect(describeRule({ type: 'veto', atLeast: 3, warnAtLeast: 2, missing: 'veto' }, '个')).toBe('达到3个即单项否决；达到2个时预警；无法确定时按否决处理');
    expect(describeRule({ type: 'veto' })).toBe('经人工认定即单项否决');
  });

  it('shows ratios as percentages, without float noise: 0.05 → 5%, 0.07 → 7% (not 7.000000000000001%), 1/3 → 33.33%', () => {
    expect(describeRule({ type: 'veto', above: 0.05 }, '%')).toBe('超过5%即单项否决');
    expect(describeRule({ type: 'below', threshold: 0.07, points: 2 }, '%')).toBe('低于7%扣2分');
    expect(describeRule({ type: 'below', threshold: 1 / 3, points: 1 }, '%')).toBe('低于33.33%扣1分');
  });

  it('perUnit: per unit with its cap, and from where it starts', () => {
    expect(describeRule({ type: 'perUnit', unit: 1, points: 1, cap: 5 }, '个')).toBe('每1个扣1分，最多扣5分');
    expect(describeRule({ type: 'perUnit', unit: 0.1, points: 2, cap: 6, from: 0.2 }, '%')).toBe('自20%起，每10%扣2分，最多扣6分');
    expect(describeRule({ type: 'perUnit', unit: 2, points: 0.5, cap: 3 })).toBe('每2扣0.5分，最多扣3分');
  });

  it('stepped: each step with its share of the points, then the rest', () => {
    const rule = {
      type: 'stepped' as const,
      points: 4,
      steps: [
        { atLeast: 0.95, score: 1 },
        { atLeast: 0.8, atMost: 0.95, score: 0.5 },
      ],
      otherwise: 0.25,
    };
    expect(describeRule(rule, '%')).toBe('满分4分，按档计分：≥95%得100%，≥80%≤95%得50%，其余得25%');
    expect(describeRule({ type: 'stepped', points: 2, steps: [{ atMost: 5, score: 1 }] }, '天')).toBe('满分2分，按档计分：≤5天得100%，其余得0%');
  });

  it('linear and points', () => {
    expect(describeRule({ type: 'linear', points: 1, fullAt: 2000, zeroAt: 8000 }, 'ms')).toBe('满分1分，2000ms得满分，8000ms得0分，其间按比例计分');
    expect(describeRule({ type: 'points', points: 0.5, unit: 10, cap: 3 }, '条')).toBe('每10条得0.5分，最多3分');
    expect(describeRule({ type: 'points', points: 1 })).toBe('每1得1分');
  });
});

describe('sampleNote', () => {
  it('states the sample and escapes the seed', () => {
    expect(sampleNote({ seed: `Q4${SCRIPT}`, size: 20, population: 300, siteIds: [] }).value).toBe(
      `<p class="sample">抽样：从 300 个网站中按随机种子“Q4${SCRIPT_ESCAPED}”抽取 20 个（可复现：同一站点文件与种子得到同一样本）。</p>`,
    );
  });
});

/** A small set: 80 + 20 points in two categories, a bonus of up to 5, one veto (category veto is implicit, as in the presets). */
const set: IndicatorSet = {
  id: 'test-set',
  version: '1.2',
  title: { zh: `测试指标${SCRIPT}` },
  total: 100,
  categories: [
    { id: 'content', name: { zh: '内容保障' }, budget: 80 },
    { id: 'service', name: { zh: '办事服务' }, budget: 20 },
    { id: 'extra', name: { zh: '创新加分' }, budget: 5, bonus: { above: 85 } },
  ],
  grades: [
    { id: 'fail', name: { zh: '不合格' }, below: 60 },
    { id: 'pass', name: { zh: '合格' } },
  ],
  indicators: [
    {
      id: 'V1',
      name: { zh: '站点无法访问' },
      category: 'veto',
      source: 'evaluator:availability.failureRatio',
      unit: '%',
      rule: { type: 'veto', above: 0.15 },
      note: 'n',
    },
    {
      id: 'C1',
      name: { zh: `栏目${SCRIPT}` },
      category: 'content',
      source: 'evaluator:updateFrequency.blank',
      unit: '个',
      rule: { type: 'perUnit', unit: 1, points: 2, cap: 10 },
      note: 'n',
    },
    { id: 'S1', name: { zh: '办事指南' }, category: 'service', source: 'manual', rule: { type: 'below', threshold: 1, points: 20 }, note: 'n' },
    { id: 'X1', name: { zh: '信息报送' }, category: 'extra', source: 'import:adopted', unit: '条', rule: { type: 'points', points: 1, cap: 5 }, note: 'n' },
    { id: 'Z1', name: { zh: '其他' }, category: 'gone', source: 'evaluator:links.brokenOnHomepage', rule: { type: 'veto', atLeast: 1 }, note: 'n' },
  ],
  sha256: '0'.repeat(64),
  file: 'test-set.yaml',
  text: '',
};

describe('methodology', () => {
  const out = methodology(set).value;

  it('names the set, explains vetoes, the bonus gate and the rescaling, escaping the title', () => {
    expect(out).toContain(
      `<p>指标体系：测试指标${SCRIPT_ESCAPED}（test-set v1.2）。单项否决指标任一触发即判定为不合格；其余 100 分按类别计分，创新加分最多5分，仅在得分高于85分且无否决时计入；不适用的指标类别不计分，其余按比例折算到 100 分。</p>`,
    );
  });

  it('lists the scored categories with their points, not the bonus one', () => {
    expect(out).toContain('<p>类别与分值：内容保障 80 分，办事服务 20 分。</p>');
  });

  it('gives every indicator a row: category name, where its number comes from, its rule; hostile names escaped', () => {
    expect(out).toContain('<summary>全部 5 项指标及计分规则</summary>');
    expect(out).toContain('<tr><td>V1</td><td>站点无法访问</td><td>单项否决</td><td>自动检测</td><td>超过15%即单项否决</td></tr>');
    expect(out).toContain(`<tr><td>C1</td><td>栏目${SCRIPT_ESCAPED}</td><td>内容保障</td><td>自动检测</td><td>每1个扣2分，最多扣10分</td></tr>`);
    expect(out).toContain('<tr><td>S1</td><td>办事指南</td><td>办事服务</td><td>人工评分</td><td>低于1扣20分</td></tr>');
    expect(out).toContain('<tr><td>X1</td><td>信息报送</td><td>创新加分</td><td>导入数据</td><td>每1条得1分，最多5分</td></tr>');
    // A category the set does not list (the loader refuses one; the page still shows something) shows its id.
    expect(out).toContain('<tr><td>Z1</td><td>其他</td><td>gone</td>');
    expect(out).not.toContain('<script');
  });

  it('says nothing of a bonus or sampling when there is none, and states the sample when there is one', () => {
    const plain = methodology({ ...set, categories: set.categories.filter((c) => !c.bonus) }).value;
    expect(plain).toContain('其余 100 分按类别计分；不适用的指标类别不计分');
    expect(plain).not.toContain('抽样');
    expect(methodology(set, { seed: 's1', size: 3, population: 10, siteIds: [] }).value).toContain(
      '<p class="sample">抽样：从 10 个网站中按随机种子“s1”抽取 3 个',
    );
  });
});
