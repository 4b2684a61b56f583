import { type ChartResults, cleanText, isPending, isScored, isVetoed } from './chart-data.js';

/** A grade's score range, [from, to): what the distribution chart shades. */
export interface GradeBand {
  name: string;
  from: number;
  to: number;
}

/** An indicator set's `grades` (lowest first, each holding scores below its `below`). */
export type GradeDefinition = { name: { zh: string } | string; below?: number };

/**
 * The exact bands of an indicator set: pass `set.grades`. The top band is open; it ends at `top` (the chart
 * stretches it to its axis end anyway).
 */
export function bandsFromGrades(grades: GradeDefinition[], top = 100): GradeBand[] {
  return grades.map((g, i) => ({
    name: typeof g.name === 'string' ? g.name : g.name.zh,
    from: grades[i - 1]?.below ?? 0,
    to: g.below ?? Math.max(top, grades[i - 1]?.below ?? 0),
  }));
}

/**
 * Bands guessed from the results when the indicator set is not at hand: each grade spans its sites' scores,
 * and a boundary is put at the roundest number between one grade's highest score and the next one's lowest
 * (60 between 58.5 and 61.25). Vetoed sites are left out (their grade is the lowest, whatever their score);
 * a grade only vetoed sites have becomes the lowest band. Approximate: pass `bandsFromGrades` when you can.
 */
export function bandsFromSites(results: ChartResults, top = 100): GradeBand[] {
  const ranges = new Map<string, { min: number; max: number }>();
  for (const s of results.sites) {
    if (!isScored(s) || isVetoed(s) || isPending(s) || !s.grade) continue;
    const r = ranges.get(s.grade);
    ranges.set(s.grade, { min: Math.min(r?.min ?? Infinity, s.score), max: Math.max(r?.max ?? -Infinity, s.score) });
  }
  const ordered = [...ranges].sort(([, a], [, b]) => a.min - b.min);
  const bands = ordered.map(([name, r], i) => {
    const previous = ordered[i - 1]?.[1];
    const next = ordered[i + 1]?.[1];
    return {
      name,
      from: previous ? roundestBetween(previous.max, r.min) : 0,
      to: next ? roundestBetween(r.max, next.min) : Math.max(top, Math.floor(r.max / 10) * 10 + 10),
    };
  });
  const vetoedOnly = results.sites.find((s) => isScored(s) && isVetoed(s) && s.grade && !ranges.has(s.grade))?.grade;
  if (vetoedOnly && bands[0] && bands[0].from > 0) bands.unshift({ name: vetoedOnly, from: 0, to: bands[0].from });
  return bands;
}

/** The roundest number r with low < r ≤ high (a multiple of 10, else 5, 1, 0.5 …), or high. */
function roundestBetween(low: number, high: number): number {
  for (const step of [10, 5, 1, 0.5, 0.1, 0.01]) {
    const r = Math.round((Math.floor(low / step) * step + step) * 100) / 100;
    if (r <= high) return r;
  }
  return high;
}

/**
 * Grade names from the lowest up: the bands' order, then any grade the bands miss (before the bands when only
 * vetoed sites have it, since a veto gives the lowest grade).
 */
export function gradeOrder(results: ChartResults, bands: GradeBand[]): string[] {
  const names = bands.map((b) => cleanText(b.name));
  const graded = results.sites.filter((s) => isScored(s) && !isPending(s)).map((s) => cleanText(s.grade ?? ''));
  const missing = [...new Set(graded.filter((g) => g && !names.includes(g)))];
  return [...missing, ...names];
}
