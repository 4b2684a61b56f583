import type { EvaluatorFigures } from './evaluator-compare.js';
import type { ColumnComparison } from './truth-compare.js';

/** What govscore measured on one sample portal under one skin, beside the truth. */
export interface PortalFigures {
  id: string;
  skin: string;
  url: string;
  /** The crawl's failure reason, when the site could not be assessed at all. */
  failure: string | null;
  columns: ColumnComparison;
  /** Disclosure, mailbox, services and identity against the truth (evaluator-compare.ts). */
  evaluators: EvaluatorFigures;
  homepage: { expected: { latest: string | null; stale: boolean }; got: { latest: string | null; stale: boolean | null } | null; correct: boolean };
  vetoes: {
    expected: string[];
    confirmed: string[];
    suspected: string[];
    falseConfirmed: string[];
    falseSuspected: string[];
    missed: string[];
    reasons: string[];
  };
  pages: number;
  seconds: number;
  /** Milliseconds per crawl phase, to keep the run's budget honest. */
  phases: Record<string, number>;
  /** Markdown lines showing the markup behind each wrong measurement (when asked for). */
  evidence?: string[];
}
