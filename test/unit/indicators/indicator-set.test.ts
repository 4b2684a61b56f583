import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { ConfigError } from '../../../common/config-errors.js';
import { listPresets, loadIndicatorSet, parseIndicatorSet } from '../../../indicators/load.js';
import { describeConfigError, indicatorSetDocument } from '../../../server/app/web/campaign-form.js';

// Line numbers matter: the error tests replace single lines of this file.
const valid = `# a small indicator set for tests
id: tiny
version: "1"
title: { zh: 小指标体系 }
total: 10
categories:
  - id: avail
    name: { zh: 可用性 }
    budget: 4
  - id: pub
    name: { zh: 发布 }
    budget: 6
grades:
  - { id: fail, name: { zh: 不合格 }, below: 6 }
  - { id: pass, name: { zh: 合格 } }
indicators:
  - id: V1
    name: { zh: 无法访问 }
    category: veto
    source: evaluator:availability.failureRatio
    findings: availability.failures
    rule: { type: veto, atLeast: 0.05 }
    note: veto
  - id: D1
    name: { zh: 可用率 }
    category: avail
    source: evaluator:availability.failureRatio
    rule: { type: perUnit, unit: 0.01, points: 1, cap: 4 }
    note: per unit
  - id: D2
    name: { zh: 更新量 }
    category: pub
    source: evaluator:updateFrequency.newsItemsInWindow
    rule: { type: below, threshold: 10, points: 6 }
    note: below
`;

/** The valid file with one line (1-based) replaced. */
function withLine(line: number, replacement: string): string {
  const lines = valid.split('\n');
  expect(lines[line - 1]).toBeDefined();
  lines[line - 1] = replacement;
  return lines.join('\n');
}

function errorOf(text: string, file = 'tiny.yaml'): ConfigError {
  try {
    parseIndicatorSet(text, file);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseIndicatorSet', () => {
  it('reads a valid set, with the sha256 of its text and its file name', () => {
    const set = parseIndicatorSet(valid, 'tiny.yaml');
    expect(set.id).toBe('tiny');
    expect(set.file).toBe('tiny.yaml');
    expect(set.sha256).toBe(createHash('sha256').update(valid).digest('hex'));
    expect(set.indicators.map((i) => [i.id, i.category, i.rule.type])).toEqual([
      ['V1', 'veto', 'veto'],
      ['D1', 'avail', 'perUnit'],
      ['D2', 'pub', 'below'],
    ]);
    expect(set.categories.map((c) => c.budget)).toEqual([4, 6]);
  });

  it('gives a different sha256 for a different text', () => {
    const other = parseIndicatorSet(withLine(1, '# another comment'), 'tiny.yaml');
    expect(other.sha256).not.toBe(parseIndicatorSet(valid, 'tiny.yaml').sha256);
  });

  it('rejects an unknown evaluator measurement in source, at its line', () => {
    const e = errorOf(withLine(33, '    source: evaluator:updateFrequency.pageViews'));
    expect(e.message.startsWith('tiny.yaml:33: indicators[2].source: unknown measurement evaluator:updateFrequency.pageViews (')).toBe(true);
    expect(e.message).toContain('evaluator:updateFrequency.newsItemsInWindow');
    expect([e.file, e.line, e.field]).toEqual(['tiny.yaml', 33, 'indicators[2].source']);
  });

  it("accepts manual sources and the imported table's columns, and names the columns when one is unknown", () => {
    expect(() => parseIndicatorSet(withLine(33, '    source: manual'), 'tiny.yaml')).not.toThrow();
    expect(() => parseIndicatorSet(withLine(33, '    source: import:adoptedCity'), 'tiny.yaml')).not.toThrow();
    const e = errorOf(withLine(33, '    source: import:satisfaction'));
    expect([e.file, e.line, e.field]).toEqual(['tiny.yaml', 33, 'indicators[2].source']);
    expect(e.message).toContain('unknown imported column import:satisfaction');
    expect(e.message).toContain('import:adoptedNational');
  });

  it('reads an older measurement name as the current one, and findings likewise', () => {
    const set = parseIndicatorSet(withLine(33, '    source: evaluator:updateFrequency.staleV3'), 'tiny.yaml');
    expect(set.indicators[2]!.source).toBe('evaluator:updateFrequency.staleKeyColumns');
  });

  it('rejects a source that is not in any accepted form', () => {
    const e = errorOf(withLine(33, '    source: crawler:pages'));
    expect(e.line).toBe(33);
    expect(e.field).toBe('indicators[2].source');
  });

  it('rejects an unknown category, at its line, listing the categories', () => {
    const e = errorOf(withLine(32, '    category: publishing'));
    expect(e.message).toBe('tiny.yaml:32: indicators[2].category: unknown category publishing (use one of: veto, avail, pub)');
  });

  it('rejects a veto rule in a scoring category, at the rule', () => {
    const e = errorOf(withLine(28, '    rule: { type: veto, atLeast: 0.05 }'));
    expect(e.message.startsWith('tiny.yaml:28: indicators[1].rule: a veto rule in category avail (')).toBe(true);
  });

  it('rejects a deduction rule in the veto category, at the rule', () => {
    const e = errorOf(withLine(22, '    rule: { type: perUnit, unit: 0.01, points: 1, cap: 4 }'));
    expect(e.message.startsWith('tiny.yaml:22: indicators[0].rule: a perUnit rule in category veto (')).toBe(true);
  });

  it('rejects a duplicate indicator id, at the second one', () => {
    const e = errorOf(withLine(30, '  - id: D1'));
    expect(e.message.startsWith('tiny.yaml:30: indicators[2].id: duplicate indicator id D1 (')).toBe(true);
  });

  it('rejects category budgets that do not add up to the total, at categories', () => {
    const e = errorOf(withLine(12, '    budget: 5'));
    expect(e.message).toBe(
      'tiny.yaml:6: categories: category budgets add up to 9, not the total 10 (make the budgets of the scored (non-bonus) categories add up to total)',
    );
  });

  it('rejects budgets that add up to more than the total too', () => {
    const e = errorOf(withLine(5, 'total: 9'));
    expect(e.line).toBe(6);
    expect(e.problem).toBe('category budgets add up to 10, not the total 9');
  });

  it('rejects a threshold of the wrong type, at its own field', () => {
    const e = errorOf(withLine(22, '    rule: { type: veto, atLeast: "five" }'));
    expect(e.message).toBe('tiny.yaml:22: indicators[0].rule.atLeast: expected number, got "five" (see the veto rule in the indicator-set documentation)');
    expect(e.line).toBe(22);
  });

  it('points at the threshold line when the rule spans several lines', () => {
    const e = errorOf(withLine(22, '    rule:\n      type: veto\n      atLeast: five'));
    expect(e.message.startsWith('tiny.yaml:24: indicators[0].rule.atLeast: expected number, got "five"')).toBe(true);
  });

  it('rejects a total of the wrong type, at its line', () => {
    const e = errorOf(withLine(5, 'total: "ten"'));
    expect(e.message.startsWith('tiny.yaml:5: total:')).toBe(true);
  });

  it('rejects an unknown field in an indicator, at its line, suggesting the near name', () => {
    const e = errorOf(withLine(21, '    findngs: availability.failures'));
    expect(e.message).toBe('tiny.yaml:21: indicators[0].findngs: unknown field (did you mean findings?)');
  });

  it('rejects an unknown top-level field, at its line', () => {
    const e = errorOf(withLine(1, 'author: somebody'));
    expect(e.message.startsWith('tiny.yaml:1: author: unknown field (')).toBe(true);
  });

  it('rejects unknown findings, at their line', () => {
    const e = errorOf(withLine(21, '    findings: availability.latency'));
    expect(e.message.startsWith('tiny.yaml:21: indicators[0].findings: unknown findings availability.latency (')).toBe(true);
  });

  it('reports YAML syntax errors as ConfigErrors with a line', () => {
    const e = errorOf(withLine(14, '  - { id: fail, name: { zh: 不合格 }, below: 6'));
    expect(e.field).toBe('(syntax)');
    expect(e.line).toBeGreaterThanOrEqual(14);
    expect(e.message.startsWith(`tiny.yaml:${e.line}: (syntax):`)).toBe(true);
  });
});

describe('loadIndicatorSet', () => {
  it('loads the national-2019 preset with the sha256 of its file', () => {
    const set = loadIndicatorSet('national-2019');
    const path = fileURLToPath(new URL('../../../indicators/presets/national-2019.yaml', import.meta.url));
    expect(set.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(set.sha256).toBe(createHash('sha256').update(readFileSync(path, 'utf8')).digest('hex'));
    expect(set.file.endsWith('national-2019.yaml')).toBe(true);
    expect(set.id).toBe('national-2019');
    expect(set.total).toBe(100);
    expect(set.categories.filter((c) => !c.bonus).reduce((s, c) => s + c.budget, 0)).toBe(100);
    expect(set.categories.find((c) => c.bonus)).toMatchObject({ id: 'bonus', budget: 30, bonus: { above: 80 } });
    expect(set.indicators.map((i) => i.id)).toEqual([
      'V1',
      'V2',
      'V3',
      'V4',
      'V5',
      'V6',
      'V7',
      'V8',
      'V8-links',
      'R1',
      'N1',
      'N2',
      'N3',
      'N4',
      'D1',
      'D2',
      'D3',
      'D8',
      'D9',
      'D24',
      'D25',
      'D4',
      'D5',
      'D6',
      'D7',
      'D7-late',
      'D7-headings',
      'D10',
      'D11',
      'D12',
      'D13',
      'D14',
      'D15',
      'D16',
      'D16-fails',
      'D17',
      'D18',
      'D19',
      'D20',
      'D20-https',
      'D21',
      'D22',
      'D23',
      'B1',
      'B2',
      'B3',
      'B4',
      'B5',
    ]);
    expect(set.grades.map((g) => [g.name.zh, g.below])).toEqual([
      ['不合格', 60],
      ['合格', 80.000001],
      ['良好', undefined],
    ]);
  });

  it('loads a preset with the sha256 of the file as it is on disk', () => {
    const file = new URL('../../../indicators/presets/national-2019.yaml', import.meta.url);
    expect(loadIndicatorSet('national-2019').sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });

  it('lists national-2019 among the presets', () => {
    expect(listPresets()).toContain('national-2019');
  });

  it('throws a ConfigError naming the available presets for an unknown preset', () => {
    let error: unknown;
    try {
      loadIndicatorSet('no-such-preset');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.message.startsWith('no-such-preset:1: (file): cannot be read (')).toBe(true);
    expect(e.message).toContain('national-2019');
    expect(e.zh).toMatch(/^无法读取该文件，请填写内置指标体系（.*national-2019.*）或指标体系文件的路径$/);
  });
});

describe('the published JSON Schema', () => {
  it('is the schema the loader checks against (run `npm run schema` after changing indicators/types.ts)', async () => {
    const { indicatorSetJsonSchema, schemaFile } = await import('../../../indicators/json-schema.js');
    expect(readFileSync(schemaFile, 'utf8')).toBe(indicatorSetJsonSchema());
  });

  it('names every rule type, so an editor can offer them', async () => {
    const { schemaFile } = await import('../../../indicators/json-schema.js');
    const text = readFileSync(schemaFile, 'utf8');
    for (const type of ['veto', 'perUnit', 'below', 'stepped', 'linear', 'points']) expect(text).toContain(`"const": "${type}"`);
  });
});

describe('parseIndicatorSet: the rules of the scoring language', () => {
  it('rejects a category that mixes deductions and weighted scores, at the rule that breaks it', () => {
    const e = errorOf(
      withLine(34, '    rule: { type: linear, points: 6, zeroAt: 0, fullAt: 10 }')
        .replace('category: pub', 'category: avail')
        .replace('budget: 4', 'budget: 10')
        .replace('budget: 6', 'budget: 0'),
    );
    expect(e.line).toBe(34);
    expect(e.field).toBe('indicators[2].rule.type');
    expect(e.problem).toBe('category avail mixes deduction (perUnit, below) and weighted (stepped, linear) rules');
  });

  it('rejects weights that do not add up to their category budget, at the budget', () => {
    const e = errorOf(withLine(34, '    rule: { type: linear, points: 5, zeroAt: 0, fullAt: 10 }'));
    expect([e.line, e.field]).toEqual([12, 'categories[1].budget']);
    expect(e.problem).toBe('the weights (points) of the indicators in pub add up to 5, not its budget 6');
  });

  it('rejects a stepped score above 1, at the step', () => {
    const text = withLine(34, '    rule: { type: stepped, points: 6, steps: [{ atLeast: 10, score: 1.5 }] }');
    const e = errorOf(text);
    expect(e.line).toBe(34);
    expect(e.field).toMatch(/^indicators\[2\]\.rule\.steps.*score$/);
  });

  it('rejects a deduction rule in a bonus category', () => {
    const e = errorOf(valid.replace('    budget: 6\n', '    budget: 6\n    bonus: { above: 8 }\n').replace('total: 10', 'total: 4'));
    expect(e.field).toBe('indicators[2].rule.type');
    expect(e.problem).toBe('bonus category pub holds a below rule');
  });

  it('rejects grades listed out of order, at the grade', () => {
    const e = errorOf(withLine(15, '  - { id: pass, name: { zh: 合格 }, below: 3 }\n  - { id: good, name: { zh: 良好 } }'));
    expect([e.line, e.field]).toEqual([14, 'grades[0].below']);
  });

  it('rejects an import source that is not a column name', () => {
    const e = errorOf(withLine(33, '    source: import:报送 量'));
    expect([e.line, e.field]).toEqual([33, 'indicators[2].source']);
  });

  it('rejects an appliesTo condition on a field sites do not have', () => {
    const e = errorOf(withLine(35, '    appliesTo: { region: east }\n    note: below'));
    expect([e.line, e.field]).toEqual([35, 'indicators[2].appliesTo.region']);
  });

  it('accepts the three presets', () => {
    for (const id of ['national-2019', 'annual-performance', 'info-reporting']) expect(() => loadIndicatorSet(id)).not.toThrow();
  });
});

describe('indicator-set errors in Chinese (the web campaign form), beside the English line of the command line', () => {
  /** The error as the campaign form shows it. */
  const onTheWeb = (e: ConfigError) => describeConfigError(e, indicatorSetDocument(e));

  it('a YAML syntax error: the file, the line and the parser’s hint', () => {
    const e = errorOf(withLine(14, '  - { id: fail, name: { zh: 不合格 }, below: 6'), '/srv/sets/tiny.yaml');
    expect(e.line).toBeGreaterThanOrEqual(14);
    expect(e.field).toBe('(syntax)');
    expect(e.zh).toMatch(/^YAML 格式有误/);
    expect(onTheWeb(e)).toMatch(new RegExp(`^指标体系文件 tiny\\.yaml 第 ${e.line} 行（字段 \\(syntax\\)）有误：YAML 格式有误`));
  });

  it('a missing field: at the indicator that lacks it, and in a rule at the rule', () => {
    const source = errorOf(withLine(20, '    # source: evaluator:availability.failureRatio'));
    expect([source.line, source.field]).toEqual([17, 'indicators[0].source']);
    expect(source.zh).toMatch(/^缺少该字段，请补上/);
    expect(onTheWeb(source)).toMatch(/^指标体系文件 tiny\.yaml 第 17 行（字段 indicators\[0\]\.source）有误：缺少该字段/);

    const threshold = errorOf(withLine(34, '    rule: { type: below, points: 6 }'));
    expect([threshold.line, threshold.field]).toEqual([34, 'indicators[2].rule.threshold']);
    expect(threshold.zh).toMatch(/^缺少该字段，请补上.*参见指标体系说明中的 below 规则/);
    expect(threshold.message).toMatch(/^tiny\.yaml:34: indicators\[2\]\.rule\.threshold: missing \(/);
  });

  it('an unknown field: its line, with the name it likely meant', () => {
    const e = errorOf(withLine(21, '    findngs: availability.failures'));
    expect([e.line, e.field]).toEqual([21, 'indicators[0].findngs']);
    expect(e.zh).toBe('没有这个字段，是否应为 findings？');
    expect(onTheWeb(e)).toBe('指标体系文件 tiny.yaml 第 21 行（字段 indicators[0].findngs）有误：没有这个字段，是否应为 findings？');
  });

  it('a value of the wrong type: a threshold and the total, each at its own line', () => {
    const threshold = errorOf(withLine(22, '    rule: { type: veto, atLeast: "five" }'));
    expect([threshold.line, threshold.field]).toEqual([22, 'indicators[0].rule.atLeast']);
    expect(threshold.zh).toMatch(/^应为数字（不加引号），实际为文字 "five"/);
    // The command line keeps its English line.
    expect(threshold.message).toBe(
      'tiny.yaml:22: indicators[0].rule.atLeast: expected number, got "five" (see the veto rule in the indicator-set documentation)',
    );

    const total = errorOf(withLine(5, 'total: "ten"'));
    expect([total.line, total.field]).toEqual([5, 'total']);
    expect(total.zh).toMatch(/^应为数字（不加引号），实际为文字 "ten"/);
  });

  it('the set’s own rules too: an unknown category, a duplicate id, budgets that miss the total, grades out of order, an unknown measurement or rule type', () => {
    const cases: Array<[string, number, string, RegExp]> = [
      [withLine(32, '    category: publishing'), 32, 'indicators[2].category', /^没有名为 publishing 的类别，可用的类别：veto、avail、pub$/],
      [withLine(30, '  - id: D1'), 30, 'indicators[2].id', /^指标编号 D1 重复/],
      [withLine(12, '    budget: 5'), 6, 'categories', /^各计分类别（不含加分类别）的分值合计 9，与总分 10 不符/],
      [
        withLine(15, '  - { id: pass, name: { zh: 合格 }, below: 3 }\n  - { id: good, name: { zh: 良好 } }'),
        14,
        'grades[0].below',
        /^等级 fail 的 below 须小于下一等级的 below/,
      ],
      [
        withLine(33, '    source: evaluator:updateFrequency.pageViews'),
        33,
        'indicators[2].source',
        /^没有 evaluator:updateFrequency\.pageViews 这项测量，现有的测量项：/,
      ],
      [
        withLine(34, '    rule: { type: belowish, threshold: 10, points: 6 }'),
        34,
        'indicators[2].rule.type',
        /^没有 belowish 这种规则类型，可用的类型：veto、/,
      ],
      [withLine(28, '    rule: { type: veto, atLeast: 0.05 }'), 28, 'indicators[1].rule', /^类别 avail 中不能使用 veto 规则/],
    ];
    for (const [text, line, field, zh] of cases) {
      const e = errorOf(text);
      expect([e.line, e.field], e.message).toEqual([line, field]);
      expect(e.zh, e.message).toMatch(zh);
    }
  });
});
