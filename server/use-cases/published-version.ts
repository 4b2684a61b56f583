import type { StoredVersion } from '../store/publications.js';
import type { Store } from '../store/store.js';
import { type SiteView, storedRun } from './stored-run.js';

/** What the public sees of one site in a version, and what a correction compares. */
export interface PublicStanding {
  score: number | null;
  rank: number | null;
  grade: string | null;
  passed: boolean;
  vetoed: boolean;
  status: string;
}

/** One site whose public standing or indicator scores differ between two versions. */
export interface SiteChange {
  siteId: string;
  name: string;
  group: string;
  before: PublicStanding | null;
  after: PublicStanding | null;
  /** Indicators whose score or status changed (for staff; the public page shows the standing only). */
  indicators: Array<{ id: string; name: string; before: string; after: string }>;
}

/** A version's changes from the one before: per site, and the indicator set when it is another text. */
export interface VersionChanges {
  sites: SiteChange[];
  indicatorSet: { before: string | null; after: string | null } | null;
}

/** A published version with its types: the sites as they were published. */
export interface PublishedVersion extends Omit<StoredVersion, 'sites' | 'changes'> {
  sites: SiteView[];
  changes: VersionChanges;
}

export const typed = (v: StoredVersion): PublishedVersion => v as PublishedVersion;

export function standing(s: SiteView): PublicStanding {
  return {
    score: s.score?.score ?? null,
    rank: s.rank,
    grade: s.score?.grade.name ?? null,
    passed: s.score?.passed ?? false,
    vetoed: (s.score?.vetoes.length ?? 0) > 0,
    status: s.status,
  };
}

/** An indicator's value as a reviewer reads it: its points, or its status when it has none. */
function indicatorValue(i: { score: number | null; status: string } | undefined): string {
  if (!i) return '—';
  return i.score === null ? i.status : String(i.score);
}

/** The sites whose standing or indicator scores differ, in the order of `after` (then sites only in `before`). */
export function siteChanges(before: SiteView[], after: SiteView[]): SiteChange[] {
  const old = new Map(before.map((s) => [s.id, s]));
  const changes: SiteChange[] = [];
  for (const s of after) {
    const was = old.get(s.id);
    old.delete(s.id);
    const a = standing(s);
    const b = was ? standing(was) : null;
    const wasIndicators = new Map((was?.score?.indicators ?? []).map((i) => [i.id, i]));
    const indicators = (s.score?.indicators ?? []).flatMap((i) => {
      const before = indicatorValue(wasIndicators.get(i.id));
      const after = indicatorValue(i);
      return before === after ? [] : [{ id: i.id, name: i.name, before, after }];
    });
    if (JSON.stringify(a) !== JSON.stringify(b) || indicators.length)
      changes.push({ siteId: s.id, name: s.name, group: s.group, before: b, after: a, indicators });
  }
  for (const s of old.values()) changes.push({ siteId: s.id, name: s.name, group: s.group, before: standing(s), after: null, indicators: [] });
  return changes;
}

/** The indicator set the run's current scores were computed with (null before any score). */
export function currentSetSha256(store: Store, runId: string): string | null {
  return store.scoresOf(runId).at(-1)?.sha256 ?? null;
}

/** What the current scores change against the latest published version: the draft of a correction. Null when not published. */
export function pendingCorrection(store: Store, runId: string): { latest: PublishedVersion; changes: VersionChanges } | null {
  const stored = store.publications.latest(runId);
  const view = storedRun(store, runId);
  if (!stored || !view) return null;
  const latest = typed(stored);
  const sha = currentSetSha256(store, runId);
  return {
    latest,
    changes: {
      sites: siteChanges(latest.sites, view.sites),
      indicatorSet: sha === latest.indicatorSetSha256 ? null : { before: latest.indicatorSetSha256, after: sha },
    },
  };
}

/** The sites whose public standing changed (points of an indicator that move nothing public are for staff only). */
export const publicChanges = (changes: VersionChanges): SiteChange[] => changes.sites.filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));

export const hasChanges = (c: VersionChanges): boolean => c.sites.length > 0 || c.indicatorSet !== null;

/** The version the public sees: the given one, or the latest. Null for runs never published or a version that does not exist. */
export function publishedVersion(store: Store, runId: string, version?: number): PublishedVersion | null {
  const stored = version === undefined ? store.publications.latest(runId) : store.publications.version(runId, version);
  return stored ? typed(stored) : null;
}
