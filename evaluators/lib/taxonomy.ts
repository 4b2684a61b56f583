import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

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
  identity: { elderly: Terms; search: Terms };
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

const compiled = new Map<string, RegExp>();

/** Whether any term occurs in the text ("re:" terms are regular expressions). */
export function matches(text: string, terms: Terms): boolean {
  return terms.some((term) => {
    if (!term.startsWith('re:')) return text.includes(term);
    let re = compiled.get(term);
    if (!re) compiled.set(term, (re = new RegExp(term.slice(3), 'u')));
    return re.test(text);
  });
}

/** The keys of a term table whose terms occur in the text. */
export function matchingKeys(text: string, table: Record<string, Terms>): string[] {
  return Object.entries(table)
    .filter(([, terms]) => terms.length > 0 && matches(text, terms))
    .map(([key]) => key);
}
