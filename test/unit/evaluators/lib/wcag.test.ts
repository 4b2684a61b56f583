import { describe, expect, it } from 'vitest';

import { conformanceLevel, isAAACriterion, isWcag21AA, successCriteria } from '../../../../evaluators/lib/wcag.js';

describe('WCAG facts from axe tags', () => {
  it('reads success criteria', () => {
    expect(successCriteria(['cat.color', 'wcag2aa', 'wcag143', 'wcag21aa', 'wcag1412', 'wcag111', 'EN-9.1.4.3', 'ACT'])).toEqual(['1.4.3', '1.4.12', '1.1.1']);
    expect(successCriteria(['best-practice', 'cat.keyboard'])).toEqual([]);
  });

  it('reads the lowest level a rule is filed under; none is best practice', () => {
    expect(conformanceLevel(['cat.text-alternatives', 'wcag2a', 'wcag111', 'section508'])).toBe('A');
    expect(conformanceLevel(['wcag2aa', 'wcag143'])).toBe('AA');
    expect(conformanceLevel(['wcag21aa', 'wcag135'])).toBe('AA');
    expect(conformanceLevel(['wcag21a', 'wcag253'])).toBe('A');
    expect(conformanceLevel(['wcag22aa', 'wcag258'])).toBe('AA');
    expect(conformanceLevel(['wcag2aaa', 'wcag146'])).toBe('AAA');
    // Filed under both: the lower level is the one a failure breaks first.
    expect(conformanceLevel(['wcag2aaa', 'wcag2a'])).toBe('A');
    expect(conformanceLevel(['best-practice'])).toBe('best-practice');
    // The obsolete parsing criterion (4.1.1) is no level any more.
    expect(conformanceLevel(['wcag2a-obsolete', 'wcag411'])).toBe('best-practice');
    expect(conformanceLevel([])).toBe('best-practice');
  });

  it('tells WCAG 2.0/2.1 A/AA rules (what GB/T 37668-2019 follows) from WCAG 2.2, AAA and best practice', () => {
    expect(isWcag21AA(['wcag2a', 'wcag111'])).toBe(true);
    expect(isWcag21AA(['wcag2aa'])).toBe(true);
    expect(isWcag21AA(['wcag21a'])).toBe(true);
    expect(isWcag21AA(['wcag21aa'])).toBe(true);
    expect(isWcag21AA(['wcag22aa', 'wcag258'])).toBe(false);
    expect(isWcag21AA(['wcag2aaa', 'wcag146'])).toBe(false);
    expect(isWcag21AA(['best-practice'])).toBe(false);
  });

  it('knows the AAA criteria', () => {
    for (const c of ['1.4.6', '2.1.3', '2.4.9', '2.4.10', '3.3.9']) expect(isAAACriterion(c), c).toBe(true);
    for (const c of ['1.1.1', '1.4.3', '2.1.1', '2.4.4', '2.5.8', '4.1.2']) expect(isAAACriterion(c), c).toBe(false);
  });
});
