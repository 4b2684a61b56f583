import type { SiteSample } from '../common/site-sample.js';
import type { IndicatorSet, Rule } from '../indicators/types.js';
import { type Html, html } from './html.js';

/** A threshold as the reader knows it: ratios as percentages. */
function shown(value: number, unit: string | undefined): string {
  return unit === '%' ? `${+(value * 100).toFixed(2)}%` : `${value}${unit ?? ''}`;
}

/** The scoring rule of an indicator in one Chinese sentence, e.g. "每1个扣1分，最多扣5分". */
export function describeRule(rule: Rule, unit?: string): string {
  switch (rule.type) {
    case 'veto': {
      const at = rule.atLeast !== undefined ? `达到${shown(rule.atLeast, unit)}` : rule.above !== undefined ? `超过${shown(rule.above, unit)}` : '经人工认定';
      const warn =
        rule.warnAtLeast !== undefined
          ? `；达到${shown(rule.warnAtLeast, unit)}时预警`
          : rule.warnAbove !== undefined
            ? `；超过${shown(rule.warnAbove, unit)}时预警`
            : '';
      return `${at}即单项否决${warn}${rule.missing === 'veto' ? '；无法确定时按否决处理' : ''}`;
    }
    case 'perUnit':
      return `${rule.from !== undefined ? `自${shown(rule.from, unit)}起，` : ''}每${shown(rule.unit, unit)}扣${rule.points}分，最多扣${rule.cap}分`;
    case 'below':
      return `低于${shown(rule.threshold, unit)}扣${rule.points}分`;
    case 'stepped':
      return `满分${rule.points}分，按档计分：${rule.steps.map((s) => `${s.atLeast !== undefined ? `≥${shown(s.atLeast, unit)}` : ''}${s.atMost !== undefined ? `≤${shown(s.atMost, unit)}` : ''}得${Math.round(s.score * 100)}%`).join('，')}，其余得${Math.round((rule.otherwise ?? 0) * 100)}%`;
    case 'linear':
      return `满分${rule.points}分，${shown(rule.fullAt, unit)}得满分，${shown(rule.zeroAt, unit)}得0分，其间按比例计分`;
    case 'points':
      return `每${rule.unit ?? 1}${unit ?? ''}得${rule.points}分${rule.cap !== undefined ? `，最多${rule.cap}分` : ''}`;
  }
}

const sourceNames = { evaluator: '自动检测', import: '导入数据', manual: '人工评分' } as const;

/** A spot check says it assessed a random sample, and how to redraw it (the seed is user text: escaped). */
export function sampleNote(sample: SiteSample): Html {
  return html`<p class="sample">抽样：从 ${sample.population} 个网站中按随机种子“${sample.seed}”抽取 ${sample.size} 个（可复现：同一站点文件与种子得到同一样本）。</p>`;
}

/** 评估方法: categories with their points, then every indicator with how it is measured and scored; `budget`: the page budget's note (budget-note.ts). */
export function methodology(set: IndicatorSet, sample?: SiteSample, budget?: Html): Html {
  const categoryName = new Map(set.categories.map((c) => [c.id, c.name.zh]));
  const bonus = set.categories.filter((c) => c.bonus);
  return html`<section class="method"><h2>评估方法</h2>
<p>指标体系：${set.title.zh}（${set.id} v${set.version}）。单项否决指标任一触发即判定为不合格；其余 ${set.total} 分按类别计分${bonus.length ? html`，${bonus.map((c) => `${c.name.zh}最多${c.budget}分，仅在得分高于${c.bonus!.above}分且无否决时计入`).join('；')}` : ''}；不适用的指标类别不计分，其余按比例折算到 ${set.total} 分。</p>
${sample ? sampleNote(sample) : ''}
${budget ?? ''}
<p>类别与分值：${set.categories
    .filter((c) => !c.bonus)
    .map((c) => `${c.name.zh} ${c.budget} 分`)
    .join('，')}。</p>
<details><summary>全部 ${set.indicators.length} 项指标及计分规则</summary><table class="rules"><thead><tr><th>编号</th><th>指标</th><th>类别</th><th>来源</th><th>计分规则</th></tr></thead><tbody>${set.indicators.map(
    (i) =>
      html`<tr><td>${i.id}</td><td>${i.name.zh}</td><td>${i.category === 'veto' ? '单项否决' : (categoryName.get(i.category) ?? i.category)}</td><td>${sourceNames[i.source.split(':')[0] as keyof typeof sourceNames] ?? i.source}</td><td>${describeRule(i.rule, i.unit)}</td></tr>`,
  )}</tbody></table></details></section>`;
}
