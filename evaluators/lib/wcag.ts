/**
 * WCAG facts read from axe-core's rule tags: the success criteria a rule tests (wcag143 → 1.4.3), the
 * conformance level it is filed under (wcag2a, wcag21aa, wcag2aaa …) and the WCAG version that added it.
 * Shared by the collector (what it stores) and the evaluator (older stored runs have the tags only).
 */

/** A rule's conformance level; `best-practice` when axe files it under no WCAG level (no success criterion). */
export type WcagLevel = 'A' | 'AA' | 'AAA' | 'best-practice';

/** wcag111 → 1.1.1, wcag1412 → 1.4.12; level tags (wcag2a, wcag21aa) are not criteria. */
export function successCriteria(tags: readonly string[]): string[] {
  const criteria: string[] = [];
  for (const tag of tags) {
    const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
    if (m) criteria.push(`${m[1]}.${m[2]}.${m[3]}`);
  }
  return criteria;
}

const levelTag = /^wcag2(\d?)(a{1,3})$/;
const levels = ['A', 'AA', 'AAA'] as const;

/**
 * The lowest WCAG level a rule is filed under (wcag2a, wcag21a, wcag22a → A; …aa → AA; …aaa → AAA);
 * `best-practice` for a rule under none (axe's best-practice rules, and `wcag2a-obsolete`, the parsing
 * criterion WCAG 2.2 removed).
 */
export function conformanceLevel(tags: readonly string[]): WcagLevel {
  let best: number | null = null;
  for (const tag of tags) {
    const m = levelTag.exec(tag);
    if (m) best = Math.min(best ?? 2, m[2]!.length - 1);
  }
  return best === null ? 'best-practice' : levels[best]!;
}

/** The level tags of WCAG 2.0 and 2.1 at A and AA: what GB/T 37668-2019 follows (docs/indicators.md §4). */
export const wcag21AATags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/**
 * A rule filed under WCAG 2.0 or 2.1 level A or AA: the rules the accessibility measurements counted before
 * every axe rule ran (seriousRules, failingRules), and still count.
 */
export const isWcag21AA = (tags: readonly string[]): boolean => tags.some((t) => (wcag21AATags as readonly string[]).includes(t));

/** Success criteria at level AAA in WCAG 2.2 (the rest are A or AA; 4.1.1 is obsolete). */
const aaaCriteria = new Set(
  '1.2.6 1.2.7 1.2.8 1.2.9 1.3.6 1.4.6 1.4.7 1.4.8 1.4.9 2.1.3 2.2.3 2.2.4 2.2.5 2.2.6 2.3.2 2.3.3 2.4.8 2.4.9 2.4.10 2.4.12 2.4.13 2.5.5 2.5.6 3.1.3 3.1.4 3.1.5 3.1.6 3.2.5 3.3.5 3.3.6 3.3.9'.split(
    ' ',
  ),
);

/** Whether a success criterion (e.g. "1.4.6") is at level AAA. */
export const isAAACriterion = (criterion: string): boolean => aaaCriteria.has(criterion);

/** axe-core's impact of a failure, in the Chinese every report and the terminal use. */
export const impactNames = { critical: '严重', serious: '较重', moderate: '一般', minor: '轻微' } as const;
