import { describe, expect, it } from 'vitest';

import { gradeWithOutcome } from '../../../reports/html-parts.js';

describe('a grade with its outcome', () => {
  it('says 不合格 after a grade that does not say it (a vetoed site whose score reached 良)', () => {
    expect(gradeWithOutcome('良', { assessed: true, passed: false })).toBe('良（不合格）');
  });

  it('says it once when the grade itself is 不合格, and not at all while a reviewer decides (待复核)', () => {
    expect(gradeWithOutcome('不合格', { assessed: true, passed: false })).toBe('不合格');
    expect(gradeWithOutcome('待复核', { assessed: true, passed: false })).toBe('待复核');
  });

  it('adds nothing to a passed site, an unassessed one, or no grade', () => {
    expect(gradeWithOutcome('优', { assessed: true, passed: true })).toBe('优');
    expect(gradeWithOutcome(null, { assessed: false, passed: false })).toBeNull();
  });
});
