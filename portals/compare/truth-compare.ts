import { pageKey } from '../../evaluators/collect/url-scope.js';
import type { PortalTruth } from '../model/truth.js';

/** A column as results.json and the update-frequency measurement both describe it. */
export interface ColumnFacts {
  name: string;
  url: string;
  latest: string | null;
  /** null: not measured (a page of the column could not be read), which never matches the truth. */
  stale: boolean | null;
  blank: boolean;
  itemCount: number;
  datedItems: number;
}

export interface ColumnComparison {
  /** Truth columns read exactly (every fact right). */
  correct: number;
  total: number;
  /** One line per truth column read wrong or missed, and per column the truth does not have. */
  wrong: string[];
  /** Per fact, over the truth columns: found at all, newest date exact, stale right, blank right. */
  found: number;
  latestExact: number;
  staleCorrect: number;
  blankCorrect: number;
  extra: number;
  /** The truth columns read wrong, with both sides, for reports that show the markup behind them. */
  mismatches: Array<{ id: string; name: string; url: string; expected: Facts; got: Facts | null }>;
}

type Facts = ReturnType<typeof facts>;

function facts(c: ColumnFacts) {
  return { latest: c.latest, stale: c.stale, blank: c.blank, itemCount: c.itemCount, datedItems: c.datedItems };
}

/** Every column of the truth read as the truth has it, and no column the truth does not have. */
export function compareColumns(columns: ColumnFacts[], truth: PortalTruth): ColumnComparison {
  const found = new Map(columns.map((c) => [pageKey(c.url), c]));
  const out: ColumnComparison = {
    correct: 0,
    total: truth.columns.length,
    wrong: [],
    found: 0,
    latestExact: 0,
    staleCorrect: 0,
    blankCorrect: 0,
    extra: 0,
    mismatches: [],
  };
  for (const column of truth.columns) {
    const got = found.get(pageKey(column.url));
    found.delete(pageKey(column.url));
    if (got) {
      out.found++;
      if (got.latest === column.latest) out.latestExact++;
      if (got.stale === column.stale) out.staleCorrect++;
      if (got.blank === column.blank) out.blankCorrect++;
    }
    const actual = got ? JSON.stringify(facts(got)) : 'missing';
    const expected = JSON.stringify(facts(column));
    if (actual === expected) out.correct++;
    else {
      out.wrong.push(`${column.id} ${column.name}: got ${actual}, expected ${expected}`);
      out.mismatches.push({ id: column.id, name: column.name, url: column.url, expected: facts(column), got: got ? facts(got) : null });
    }
  }
  for (const extra of found.values()) {
    out.extra++;
    out.wrong.push(`extra column ${extra.name} ${extra.url}`);
  }
  return out;
}

/** The vetoes (national-2019 V2–V7) the truth implies, in the order results.json lists them. */
export function truthVetoes(t: PortalTruth): string[] {
  const v6 = t.mailbox === null || t.mailbox.lastYear.unansweredOver90Days > 0;
  const v7 = t.portal.services && t.services === null;
  const expected = [
    t.homepage.stale && 'V2',
    t.update.staleV3 >= 5 && 'V3',
    t.update.staleV4 >= 10 && 'V4',
    t.update.blank >= 5 && 'V5',
    v6 && 'V6',
    v7 && 'V7',
    // Planted wording errors and leaks: a suspected V8 (the text checks only flag; a reviewer decides).
    t.textChecks.planted.length > 0 && 'V8',
  ];
  return expected.filter((v): v is string => typeof v === 'string');
}
