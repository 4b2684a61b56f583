import type { ColumnKind } from './types.js';

export interface UpdateRule {
  /** V3: 要闻/动态 and first-level 通知公告/政策文件; V4: every other column that should be updated. */
  rule: 'V3' | 'V4';
  windowDays: number;
}

/**
 * Update windows of the national rules (docs/indicators.md V3/V4): a column is stale when its newest dated
 * item is older than `windowDays` on the evaluation date. 2 weeks = 14 days, 6 months = 183 days,
 * 12 months = 365 days. The generator keeps planted dates well clear of these edges so that the truth is
 * never borderline.
 */
export function updateRule(kind: ColumnKind, firstLevel: boolean): UpdateRule {
  if (kind === 'news') return { rule: 'V3', windowDays: 14 };
  if ((kind === 'notice' || kind === 'policy') && firstLevel) return { rule: 'V3', windowDays: 183 };
  return { rule: 'V4', windowDays: 365 };
}

/** Typical spacing of items in a column of this kind, in days (min, max). */
export function typicalGapDays(kind: ColumnKind): [number, number] {
  switch (kind) {
    case 'news':
      return [0, 3];
    case 'notice':
      return [2, 12];
    case 'policy':
      return [7, 30];
    case 'personnel':
    case 'planning':
      return [15, 60];
    case 'other':
      return [5, 40];
  }
}
