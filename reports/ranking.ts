export interface Rankable {
  id: string;
  group: string;
  /** null: not assessed — never ranked, listed apart with its reason. */
  score: number | null;
  vetoed: boolean;
  /** A suspected veto awaits a reviewer: not ranked until decided (neither among the passed nor last as 不合格). */
  pending?: boolean;
}

/**
 * Ranks within each peer group: sites without a veto first by score, then vetoed sites by score; equal
 * places share a rank and the next rank skips ("1, 2, 2, 4"). Unassessed sites and sites awaiting review of
 * a suspected veto get no rank.
 */
export function rankWithinGroups(sites: Rankable[]): Map<string, number | null> {
  const ranks = new Map<string, number | null>();
  const groups = new Map<string, Rankable[]>();
  for (const s of sites) {
    if (s.score === null || s.pending) ranks.set(s.id, null);
    else groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  }
  for (const members of groups.values()) {
    const ordered = [...members].sort((a, b) => Number(a.vetoed) - Number(b.vetoed) || b.score! - a.score!);
    ordered.forEach((s, i) => {
      const previous = ordered[i - 1];
      const tied = previous && previous.vetoed === s.vetoed && previous.score === s.score;
      ranks.set(s.id, tied ? ranks.get(previous.id)! : i + 1);
    });
  }
  return ranks;
}
