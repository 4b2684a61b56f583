import type { FindingsByGroup } from './registry/finding-groups.js';

/**
 * 政务信息报送: a department's submitted and adopted items for one period, from an imported table
 * (`govscore import`), turned into the rates an indicator set scores.
 */
export const meta = { id: 'reporting', version: '1', needs: ['import'] } as const;

/** One department's row of the imported table, as stored. */
export interface ReportingObservation {
  unit: string;
  /** `2026-Q3`, `2026-09`, `2026-H1` or `2026`. */
  period: string;
  submitted: number;
  /** null: the table has no such column (not the same as 0). */
  adoptedNational: number | null;
  adoptedProvincial: number | null;
  adoptedCity: number | null;
  instructions: number | null;
  quota: number | null;
}

export interface ReportingMeasurement {
  submitted: number;
  /** Adoptions at every level the table has (an item adopted by 省 and 国办 counts twice); null without any level column. */
  adoptedTotal: number | null;
  instructions: number | null;
  /** adoptedTotal ÷ submitted, at most 1; 0 when nothing was submitted (nothing to adopt is not "unknown"). */
  adoptionRate: number | null;
  /** submitted ÷ quota (above 1 when the quota was exceeded); null without a quota. */
  quotaAttainment: number | null;
}

export function evaluateReporting(row: ReportingObservation): ReportingMeasurement {
  const levels = [row.adoptedNational, row.adoptedProvincial, row.adoptedCity].filter((n): n is number => n !== null);
  const adoptedTotal = levels.length ? levels.reduce((a, b) => a + b, 0) : null;
  const adoptionRate = adoptedTotal === null ? null : row.submitted === 0 ? 0 : Math.min(1, adoptedTotal / row.submitted);
  const quotaAttainment = row.quota ? row.submitted / row.quota : null;
  return { submitted: row.submitted, adoptedTotal, instructions: row.instructions, adoptionRate, quotaAttainment };
}

/** The figures behind the scores, as one line a department can check against its own records. */
export function reportingFindings(row: ReportingObservation, m: ReportingMeasurement): FindingsByGroup {
  const level = (name: string, n: number | null) => (n === null ? null : `${name} ${n}`);
  const adopted = [level('国办', row.adoptedNational), level('省级', row.adoptedProvincial), level('市级', row.adoptedCity)].filter(Boolean).join('、');
  const rate = m.adoptionRate === null ? '' : `，采用率 ${(m.adoptionRate * 100).toFixed(1)}%`;
  const quota = row.quota === null ? '' : `；任务数 ${row.quota} 条，完成 ${((m.quotaAttainment ?? 0) * 100).toFixed(0)}%`;
  const message = `${row.period}：报送 ${row.submitted} 条，采用 ${m.adoptedTotal ?? '—'} 次（${adopted || '表中无采用列'}）${rate}${row.instructions ? `，获批示 ${row.instructions} 次` : ''}${quota}`;
  return { 'reporting.summary': [{ subject: 'reporting-summary', message, url: null, evidence: null }] };
}
