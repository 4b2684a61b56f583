import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IndicatorSetSchema, type IndicatorSet, type IndicatorSetFile } from './types.js';
import { checkSchema, configErrorAt, ConfigError, parseYamlSource } from './yaml-errors.js';

const presetDir = fileURLToPath(new URL('./presets/', import.meta.url));

/** The sources indicators may cite today; an unknown one is a configuration error, not a silent zero. */
const knownSources = new Set([
  'availability.failureRatio',
  'availability.failures',
  'updateFrequency.staleV3',
  'updateFrequency.staleV4',
  'updateFrequency.blank',
  'updateFrequency.homepage.ageDays',
  'updateFrequency.newsItemsInWindow',
]);
const knownFindings = new Set(['availability.failures', 'updateFrequency.staleV3', 'updateFrequency.staleV4', 'updateFrequency.blank', 'updateFrequency.homepage', 'updateFrequency.newsVolume']);

/** A preset id (indicators/presets/<id>.yaml) or a path to an indicator-set file. */
export function loadIndicatorSet(ref: string): IndicatorSet {
  const file = /^[a-z0-9-]+$/.test(ref) && existsSync(`${presetDir}${ref}.yaml`) ? `${presetDir}${ref}.yaml` : ref;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, 1, '(file)', 'cannot be read', `give a preset id (${listPresets().join(', ')}) or the path of an indicator-set file`);
  }
  return parseIndicatorSet(text, file);
}

export function parseIndicatorSet(text: string, file: string): IndicatorSet {
  const source = parseYamlSource(text, file);
  checkSchema(source, IndicatorSetSchema);
  const set = source.value as IndicatorSetFile;
  const categories = new Set(['veto', ...set.categories.map((c) => c.id)]);
  const ids = new Set<string>();
  set.indicators.forEach((indicator, i) => {
    const at = (field: string, problem: string, fix: string) => configErrorAt(source, ['indicators', i, field], problem, fix);
    if (ids.has(indicator.id)) throw at('id', `duplicate indicator id ${indicator.id}`, 'give every indicator its own id');
    ids.add(indicator.id);
    if (!categories.has(indicator.category)) throw at('category', `unknown category ${indicator.category}`, `use one of: ${[...categories].join(', ')}`);
    if (indicator.source.startsWith('evaluator:') && !knownSources.has(indicator.source.slice(10))) {
      throw at('source', `unknown measurement ${indicator.source}`, `measured today: ${[...knownSources].map((s) => `evaluator:${s}`).join(', ')}`);
    }
    if (indicator.findings && !knownFindings.has(indicator.findings)) throw at('findings', `unknown findings ${indicator.findings}`, `use one of: ${[...knownFindings].join(', ')}`);
    if ((indicator.rule.type === 'veto') !== (indicator.category === 'veto')) {
      throw at('rule', `a ${indicator.rule.type} rule in category ${indicator.category}`, 'veto rules belong to category veto, deduction rules to a scoring category');
    }
  });
  const budgets = set.categories.reduce((s, c) => s + c.budget, 0);
  if (Math.abs(budgets - set.total) > 1e-9) {
    throw configErrorAt(source, ['categories'], `category budgets add up to ${budgets}, not the total ${set.total}`, 'make the budgets add up to total');
  }
  return { ...set, sha256: createHash('sha256').update(text).digest('hex'), file };
}

export function listPresets(): string[] {
  return readdirSync(presetDir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
}
