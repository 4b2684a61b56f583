import { describe, expect, it } from 'vitest';

import { loadIndicatorSet } from '../../../indicators/load.js';
import { settledByLowerBound } from '../../../indicators/rules.js';

/** A count known only from below settles a rule only when every larger value would score the same. */
const preset = loadIndicatorSet('national-2019');
const byId = (id: string) => preset.indicators.find((i) => i.id === id)!;

describe('rules scored on a lower bound', () => {
  it('a minimum (below) is settled once the bound reaches it, and not before', () => {
    const d8 = byId('D8');
    expect(d8.rule).toMatchObject({ type: 'below', threshold: 10 });
    expect(settledByLowerBound(d8, 10)).toMatchObject({ deduction: 0, status: 'ok' });
    expect(settledByLowerBound(d8, 9)).toBeNull();
  });

  it('a veto level is settled once the bound passes it; a warning level or less settles nothing', () => {
    const v3 = byId('V3');
    expect(v3.rule).toMatchObject({ type: 'veto', atLeast: 5, warnAtLeast: 3 });
    expect(settledByLowerBound(v3, 5)).toMatchObject({ status: 'veto' });
    expect(settledByLowerBound(v3, 3)).toBeNull();
    expect(settledByLowerBound(v3, 0)).toBeNull();
  });

  it('a rule where more costs more (per unit) is never settled from below', () => {
    const d3 = byId('D3');
    expect(d3.rule.type).toBe('perUnit');
    expect(settledByLowerBound(d3, 0.5)).toBeNull();
  });
});
