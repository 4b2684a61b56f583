import { matches, taxonomy } from './taxonomy.js';

/**
 * The 办事指南 element classes a page names (事项名称, 设定依据, 申请条件 … of taxonomy services.elements):
 * a class counts when a label cell (th, dt, strong …) or a line start ("办理时间：…") names it. Shared by the
 * finder (a page is a guide by what it holds, however it was reached) and the services evaluator.
 */
export function guideElementClasses(labels: string[], text: string): string[] {
  const classes = taxonomy().services.elements;
  const lines = text
    .split('\n')
    .filter((line) => /^[\s\d.、（）()一二三四五六七八九十]*[\u4e00-\u9fa5]{2,8}[：:]/.test(line))
    .map((line) => line.slice(0, 14));
  return Object.keys(classes).filter((name) => {
    const terms = classes[name]!;
    return labels.some((l) => matches(l, terms)) || lines.some((line) => matches(line, terms));
  });
}

/** A page holding this many element classes is a 办事指南 (the evaluator's default threshold). */
export const GUIDE_MIN_CLASSES = 3;
