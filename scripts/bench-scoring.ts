/**
 * The scoring engine's share of the benchmark: 10,000 sites' measurements scored under every preset and
 * ranked within 20 peer groups, as `rescore` does after the observations are evaluated. Measurements are
 * varied from a seeded generator (the same every run), so vetoes, deductions, bonuses and ties all occur.
 */
import { measurementsFrom, type SiteMeasurements } from '../evaluators/site-measurements.js';
import { type Override, scoreSite } from '../indicators/engine.js';
import { loadIndicatorSet } from '../indicators/load.js';
import { rankWithinGroups } from '../reports/ranking.js';

/** mulberry32: a small seeded generator, so the 10,000 sites are the same in every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function siteMeasurements(random: () => number): SiteMeasurements {
  const count = (max: number) => Math.floor(random() ** 3 * (max + 1));
  // Veto conditions hold for a few sites in a hundred, as in published inspections.
  const rare = (chance: number) => (random() < chance ? 1 : 0);
  const ratio = () => Math.round(random() ** 6 * 0.07 * 1000) / 1000;
  return measurementsFrom({
    availability: { failureRatio: ratio(), failures: count(3) },
    updateFrequency: {
      staleKeyColumns: count(5),
      staleOtherColumns: count(10),
      blank: count(5),
      newsItemsInWindow: count(40),
      homepage: { ageDays: random() < 0.03 ? null : count(20) },
    },
    links: { brokenOnHomepage: count(8), brokenElsewhere: count(60) },
    disclosure: {
      coverage: 1 - ratio() * 5,
      counts: {
        missingItems: count(10),
        guideMissing: count(6),
        institutionLeaderMissing: count(6),
        reportMissing: count(1),
        reportLate: count(1),
        reportMissingHeadings: count(6),
      },
    },
    mailbox: {
      replyRate: random() < 0.1 ? null : 0.6 + random() * 0.4,
      medianReplyWorkingDays: 2 + random() * 15,
      unansweredOver90Days: count(3),
      counts: { noChannelOrOverdue: rare(0.04), noChannel: 0, unrepliedRate: count(5), slowReplies: count(8), fieldsMissing: count(4) },
    },
    services: { counts: { notFound: rare(0.03), missingClasses: count(8), brokenAttachments: count(5), unreachableOnline: count(1) } },
    identity: {
      counts: {
        searchAbsent: count(1),
        searchBroken: count(1),
        identityMissing: count(6),
        elderlyMissing: count(1),
        mobileProblems: count(2),
        notHttps: count(1),
      },
    },
    accessibility: { seriousRules: count(12), failingRules: count(20) },
  });
}

export interface ScoringFigures {
  sites: number;
  groups: number;
  presets: Array<{ id: string; ms: number; sitesPerSecond: number; vetoed: number; tiedRanks: number }>;
}

export function benchScoring(sites = 10_000, groups = 20): ScoringFigures {
  const random = seeded(20261201);
  const inputs = Array.from({ length: sites }, (_, i) => ({
    id: `s${i}`,
    group: `g${i % groups}`,
    profile: { services: random() > 0.15, level: random() > 0.8 ? ('government' as const) : ('department' as const) },
    measurements: siteMeasurements(random),
    // One site in fifty has a reviewer's override, as after a review round.
    overrides: i % 50 === 0 ? [{ indicator: 'D1', points: 5, reason: 'bench', by: 'bench', at: '2026-12-01T00:00:00Z' } satisfies Override] : [],
  }));
  const presets = ['national-2019', 'annual-performance'].map((id) => {
    const set = loadIndicatorSet(id);
    // One warm-up pass over all sites, as a long-lived server would be warm; then the measured pass.
    for (const s of inputs) scoreSite(set, s.measurements, {}, s.profile, s.overrides);
    const started = performance.now();
    const scores = inputs.map((s) => ({ id: s.id, group: s.group, score: scoreSite(set, s.measurements, {}, s.profile, s.overrides) }));
    const ranks = rankWithinGroups(scores.map((s) => ({ id: s.id, group: s.group, score: s.score.score, vetoed: s.score.vetoes.length > 0 })));
    const ms = performance.now() - started;
    const perRank = new Map<string, number>();
    for (const s of scores) perRank.set(`${s.group}:${ranks.get(s.id)}`, (perRank.get(`${s.group}:${ranks.get(s.id)}`) ?? 0) + 1);
    return {
      id,
      ms: Math.round(ms * 10) / 10,
      sitesPerSecond: Math.round(sites / (ms / 1000)),
      vetoed: scores.filter((s) => s.score.vetoes.length).length,
      tiedRanks: [...perRank.values()].filter((n) => n > 1).length,
    };
  });
  return { sites, groups, presets };
}
