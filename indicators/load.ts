import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Value, ValueErrorType } from '@sinclair/typebox/value';

import { checkSchema, ConfigError, configErrorAt, describeValueError, parseYamlSource } from '../common/config-errors.js';
import { findingGroup, findingGroups } from '../evaluators/registry/finding-groups.js';
import { importedColumn, importedColumns } from '../evaluators/registry/imported-columns.js';
import { measurementId, measurementRegistry } from '../evaluators/registry/measurements.js';
import { ruleMode } from './rules.js';
import { type IndicatorSet, type IndicatorSetFile, IndicatorSetSchema, ruleSchemas } from './types.js';

const presetDir = fileURLToPath(new URL('./presets/', import.meta.url));

/** A preset id (indicators/presets/<id>.yaml) or a path to an indicator-set file. */
export function loadIndicatorSet(ref: string): IndicatorSet {
  const file = /^[a-z0-9-]+$/.test(ref) && existsSync(`${presetDir}${ref}.yaml`) ? `${presetDir}${ref}.yaml` : ref;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(
      file,
      1,
      '(file)',
      'cannot be read',
      `give a preset id (${listPresets().join(', ')}) or the path of an indicator-set file`,
      1,
      `无法读取该文件，请填写内置指标体系（${listPresets().join('、')}）或指标体系文件的路径`,
    );
  }
  return parseIndicatorSet(text, file);
}

export function parseIndicatorSet(text: string, file: string): IndicatorSet {
  const source = parseYamlSource(text, file);
  checkRules(source);
  checkSchema(source, IndicatorSetSchema);
  const set = source.value as IndicatorSetFile;
  const categories = new Set(['veto', ...set.categories.map((c) => c.id)]);
  const ids = new Set<string>();
  set.indicators.forEach((indicator, i) => {
    const at: ErrorAt = (field, problem, fix, zh) => configErrorAt(source, ['indicators', i, field], problem, fix, zh);
    if (ids.has(indicator.id))
      throw at('id', `duplicate indicator id ${indicator.id}`, 'give every indicator its own id', `指标编号 ${indicator.id} 重复，每个指标须有自己的编号`);
    ids.add(indicator.id);
    if (!categories.has(indicator.category))
      throw at(
        'category',
        `unknown category ${indicator.category}`,
        `use one of: ${[...categories].join(', ')}`,
        `没有名为 ${indicator.category} 的类别，可用的类别：${[...categories].join('、')}`,
      );
    checkSource(indicator, at);
    if ((indicator.rule.type === 'veto') !== (indicator.category === 'veto')) {
      throw at(
        'rule',
        `a ${indicator.rule.type} rule in category ${indicator.category}`,
        'veto rules belong to category veto, deduction rules to a scoring category',
        `类别 ${indicator.category} 中不能使用 ${indicator.rule.type} 规则：否决规则（veto）只属于 veto 类别，扣分和计分规则属于计分类别`,
      );
    }
  });
  checkCategories(source, set);
  return { ...set, sha256: createHash('sha256').update(text).digest('hex'), file, text };
}

/**
 * The category rules: every category's rules agree on how it scores (deductions, weighted 0..1 scores,
 * or earned points), a weighted category's weights add up to its budget, a bonus category holds points
 * rules, and the budgets of the scored (non-bonus) categories add up to the total.
 */
function checkCategories(source: ReturnType<typeof parseYamlSource>, set: IndicatorSetFile): void {
  const modeNames = { deduction: 'deduction (perUnit, below)', weighted: 'weighted (stepped, linear)', earned: 'points', veto: 'veto' } as const;
  const modeNamesZh = {
    deduction: '扣分（perUnit、below）',
    weighted: '按权重计分（stepped、linear）',
    earned: '得分（points）',
    veto: '否决（veto）',
  } as const;
  set.categories.forEach((category, c) => {
    const members = set.indicators.map((indicator, i) => ({ indicator, i })).filter((m) => m.indicator.category === category.id);
    const first = members[0];
    if (!first) return;
    const mode = ruleMode(first.indicator.rule);
    if (category.bonus && mode !== 'earned') {
      throw configErrorAt(
        source,
        ['indicators', first.i, 'rule', 'type'],
        `bonus category ${category.id} holds a ${first.indicator.rule.type} rule`,
        'bonus categories hold points rules only',
        `加分类别 ${category.id} 中有 ${first.indicator.rule.type} 规则，加分类别只能使用 points 规则`,
      );
    }
    for (const m of members) {
      const other = ruleMode(m.indicator.rule);
      if (other !== mode) {
        throw configErrorAt(
          source,
          ['indicators', m.i, 'rule', 'type'],
          `category ${category.id} mixes ${modeNames[mode]} and ${modeNames[other]} rules`,
          `score ${category.id} one way, or move ${m.indicator.id} to a category of its own`,
          `类别 ${category.id} 混用了${modeNamesZh[mode]}和${modeNamesZh[other]}规则，请统一计分方式，或把指标 ${m.indicator.id} 移到单独的类别`,
        );
      }
    }
    if (mode === 'weighted') {
      const weights = members.reduce((s, m) => s + ((m.indicator.rule as { points: number }).points ?? 0), 0);
      if (Math.abs(weights - category.budget) > 1e-9) {
        throw configErrorAt(
          source,
          ['categories', c, 'budget'],
          `the weights (points) of the indicators in ${category.id} add up to ${round(weights)}, not its budget ${category.budget}`,
          'make the indicator weights add up to the category budget',
          `类别 ${category.id} 中各指标的权重（points）合计 ${round(weights)}，与该类别的分值 ${category.budget} 不符，请调整使两者相等`,
        );
      }
    }
  });
  const budgets = set.categories.filter((c) => !c.bonus).reduce((s, c) => s + c.budget, 0);
  if (Math.abs(budgets - set.total) > 1e-9) {
    throw configErrorAt(
      source,
      ['categories'],
      `category budgets add up to ${round(budgets)}, not the total ${set.total}`,
      'make the budgets of the scored (non-bonus) categories add up to total',
      `各计分类别（不含加分类别）的分值合计 ${round(budgets)}，与总分 ${set.total} 不符，请调整使两者相等`,
    );
  }
  set.grades.forEach((g, i) => {
    const next = set.grades[i + 1];
    if (next && (g.below === undefined || (next.below !== undefined && next.below <= g.below))) {
      throw configErrorAt(
        source,
        ['grades', i, 'below'],
        `grade ${g.id} must have a "below" smaller than the next grade's`,
        'list the grades from the lowest band up; only the last one has no "below"',
        `等级 ${g.id} 的 below 须小于下一等级的 below：请从最低的等级起依次列出，只有最后一个等级不写 below`,
      );
    }
  });
}

/**
 * An indicator's `source` and `findings` must name what the evaluators give (evaluators/registry/): an
 * unknown name is a configuration error, never a silent "not measured". An older name (staleV3) is read
 * as the current one (staleKeyColumns), which the loaded set then carries.
 */
function checkSource(indicator: IndicatorSetFile['indicators'][number], at: ErrorAt): void {
  const [kind, name = ''] = indicator.source.split(/:(.*)/s) as [string, string | undefined];
  if (kind === 'evaluator') {
    const id = measurementId(name);
    const measured = Object.keys(measurementRegistry).map((s) => `evaluator:${s}`);
    if (!id)
      throw at(
        'source',
        `unknown measurement ${indicator.source}`,
        `measured today: ${measured.join(', ')}`,
        `没有 ${indicator.source} 这项测量，现有的测量项：${measured.join('、')}`,
      );
    indicator.source = `evaluator:${id}`;
  }
  if (kind === 'import' && !importedColumn(name)) {
    const columns = Object.keys(importedColumns).map((c) => `import:${c}`);
    throw at(
      'source',
      `unknown imported column ${indicator.source}`,
      `an imported table has: ${columns.join(', ')}`,
      `导入的表格中没有 ${indicator.source} 这一列，可用的列：${columns.join('、')}`,
    );
  }
  if (indicator.findings) {
    const group = findingGroup(indicator.findings);
    const groups = Object.keys(findingGroups);
    if (!group)
      throw at(
        'findings',
        `unknown findings ${indicator.findings}`,
        `use one of: ${groups.join(', ')}`,
        `没有名为 ${indicator.findings} 的问题分组，可用的分组：${groups.join('、')}`,
      );
    indicator.findings = group;
  }
}

/** A ConfigError at a field of the indicator being checked, in English and in Chinese. */
type ErrorAt = (field: string, problem: string, fix: string, zh: string) => ConfigError;

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Checks each rule against the schema its `type` names before the whole file is checked, so that a
 * wrong threshold is reported at its own line ("atLeast: expected a number"), not as "no union member".
 */
function checkRules(source: ReturnType<typeof parseYamlSource>): void {
  const indicators = (source.value as { indicators?: unknown })?.indicators;
  if (!Array.isArray(indicators)) return;
  indicators.forEach((indicator, i) => {
    const rule = (indicator as { rule?: { type?: unknown } } | null)?.rule;
    if (!rule || typeof rule !== 'object') return;
    const schema = ruleSchemas[rule.type as keyof typeof ruleSchemas];
    if (!schema) {
      throw configErrorAt(
        source,
        ['indicators', i, 'rule', 'type'],
        `unknown rule type ${String(rule.type)}`,
        `use one of: ${Object.keys(ruleSchemas).join(', ')}`,
        `没有 ${String(rule.type)} 这种规则类型，可用的类型：${Object.keys(ruleSchemas).join('、')}`,
      );
    }
    const error = Value.Errors(schema, rule).First();
    if (!error) return;
    const path = ['indicators', i, 'rule', ...error.path.split('/').filter(Boolean)];
    const described = describeValueError(error, path);
    // A missing or unknown field reads as the schema says it; a wrong value shows the type the rule wanted.
    const ofField = error.type === ValueErrorType.ObjectRequiredProperty || error.type === ValueErrorType.ObjectAdditionalProperties;
    const expected = error.schema.type ? `expected ${String(error.schema.type)}` : error.message;
    throw configErrorAt(
      source,
      path,
      ofField ? described.problem : `${expected}, got ${JSON.stringify(error.value)}`,
      ofField ? described.fix : `see the ${String(rule.type)} rule in the indicator-set documentation`,
      `${described.zh}（参见指标体系说明中的 ${String(rule.type)} 规则）`,
    );
  });
}

export function listPresets(): string[] {
  return readdirSync(presetDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5));
}
