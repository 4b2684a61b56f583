import type { ResultsIndicator } from '../../../reports/results.js';

/** An indicator of results.json as the reports read it: kept in full (15/15) unless `o` says otherwise. */
export function indicator(id: string, name: string, o: Partial<ResultsIndicator> = {}): ResultsIndicator {
  return {
    id,
    name,
    category: 'publishing',
    score: 15,
    max: 15,
    deduction: 0,
    value: 0,
    lowerBound: null,
    status: 'ok',
    reason: null,
    override: null,
    absence: null,
    advice: null,
    findings: [],
    ...o,
  };
}
