import { readFileSync } from 'node:fs';

import { parse } from 'yaml';

import { bestTermMatch, type MatchOptions, matchTerm, type TermMatch } from './label-match.js';

export type { MatchHow, MatchOptions, TermMatch } from './label-match.js';

/**
 * The synonym taxonomy (evaluators/data/taxonomy.yaml): the words sites use for the things the rules ask
 * for. Collectors use it to decide which pages to open, evaluators to decide what a page contains.
 */

export type Terms = string[];

export interface Taxonomy {
  disclosure: {
    section: Terms;
    parts: Record<'guide' | 'system' | 'statutory' | 'catalogue' | 'annualReports' | 'institution' | 'leaders' | 'application', Terms>;
    guideElements: Record<string, Terms>;
    statutoryItems: Record<string, Terms>;
    statutoryNames: Record<string, string>;
    reportHeadings: Record<string, Terms>;
    institutionElements: Record<string, Terms>;
    leaderElements: Record<string, Terms>;
  };
  mailbox: {
    channels: Terms;
    notConsultation: Terms;
    section: Terms;
    fields: Record<'received' | 'replied' | 'status' | 'department' | 'content', Terms>;
    disclosedFields: Record<string, Terms>;
    repliedStatus: Terms;
    openStatus: Terms;
  };
  services: { section: Terms; guideList: Terms; elements: Record<string, Terms>; online: Terms };
  identity: { elderly: Terms; search: Terms; assistControls: Record<'enlarge' | 'contrast' | 'cursor' | 'readAloud' | 'reset', Terms> };
}

let loaded: Taxonomy | null = null;

export function taxonomy(): Taxonomy {
  loaded ??= asStrings(parse(readFileSync(new URL('../data/taxonomy.yaml', import.meta.url), 'utf8'))) as Taxonomy;
  return loaded;
}

/** Terms like 12345 are numbers to YAML: every leaf becomes the text it is. */
function asStrings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asStrings(v)]));
  return value === null || value === undefined ? value : String(value);
}

/** Whether any term matches the text (see label-match.ts: exact, traditional, and on short labels tolerant). */
export function matches(text: string, terms: Terms, options: MatchOptions = {}): boolean {
  return terms.some((term) => matchTerm(text, term, options) !== null);
}

/** The best match of any term in the text, with the term and how it matched. */
export function match(text: string, terms: Terms, options: MatchOptions = {}): TermMatch | null {
  return bestTermMatch(text, terms, options);
}

/** The keys of a term table whose terms match the text. */
export function matchingKeys(text: string, table: Record<string, Terms>): string[] {
  return keyMatches(text, table).map((k) => k.key);
}

/** The keys of a term table whose terms match the text, each with its best match. */
export function keyMatches(text: string, table: Record<string, Terms>, options: MatchOptions = {}): Array<{ key: string; match: TermMatch }> {
  const out: Array<{ key: string; match: TermMatch }> = [];
  for (const [key, terms] of Object.entries(table)) {
    const m = terms.length ? bestTermMatch(text, terms, options) : null;
    if (m) out.push({ key, match: m });
  }
  return out;
}
