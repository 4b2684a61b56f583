import type { AttachmentReading } from './collect/attachments.js';
import { subject } from './lib/finding-subject.js';
import { findPersonalNumbers, type PersonalNumberKind, personalNumberNames } from './lib/personal-numbers.js';
import { sentenceAround } from './lib/quotes.js';
import type { DictionarySource } from './lib/text-dictionaries.js';
import { type CompiledDictionaries, findWording, type WordingKind, wordingKindNames } from './lib/wording-matcher.js';
import type { EvaluatorFinding, FindingsByGroup } from './registry/finding-groups.js';

/**
 * The text checks (错敏信息 and personal data leaks) over the text of every page the crawl read and every
 * attachment it extracted. Both only flag: what they find is suspected, and V8 stays a reviewer's decision.
 * Dictionaries are evaluate-time data, so an office can correct one and re-score without a new crawl.
 */

/** A page's or an attachment's text as stored at collect time (evaluators/collect/page-texts.ts). */
export interface TextDocument {
  url: string;
  title: string;
  text: string;
  kind: 'page' | 'attachment';
}

export type TextFlagKind = WordingKind | PersonalNumberKind;

export interface TextFlag {
  check: 'wording' | 'leak';
  kind: TextFlagKind;
  /** The first page or attachment it was found on, and how many carry it (a template's footer repeats on every page). */
  url: string;
  pages: number;
  /** The sentence around it; a personal number masked, never in full. */
  quote: string;
  /** What matched: the dictionary entry with its file and line, or the masked number. */
  entry: string;
  source: string | null;
}

export interface TextChecksMeasurement {
  /** Texts examined: pages read by the crawl and attachments extracted. */
  pagesRead: number;
  attachmentsRead: number;
  /** Distinct suspected wording problems and leaked numbers (a repeat on another page counts once). */
  wordingFlags: number;
  leakFlags: number;
  /** Both together: what V8 hands a reviewer. */
  flagged: number;
  byKind: Partial<Record<TextFlagKind, number>>;
  /** The flags, the first 200 in page order. */
  flags: TextFlag[];
  /** How the site's attachments were read: the budget, how many read, and each one not read with why (null in older runs). */
  attachments: AttachmentReading | null;
  /** The dictionaries used, by file and sha256 (their text is stored with the run). */
  dictionaries: { source: string; files: Array<{ name: string; sha256: string }> } | null;
}

const maxFlagsKept = 200;

export function evaluateTextChecks(
  documents: TextDocument[],
  dictionaries: CompiledDictionaries | null,
  source: DictionarySource | null,
  attachments: AttachmentReading | null = null,
): TextChecksMeasurement {
  const flags = new Map<string, TextFlag>();
  const add = (key: string, flag: Omit<TextFlag, 'pages'>) => {
    const known = flags.get(key);
    if (known) known.pages++;
    else flags.set(key, { ...flag, pages: 1 });
  };
  for (const doc of documents) {
    const seenHere = new Set<string>();
    const once = (key: string, flag: Omit<TextFlag, 'pages'>) => seenHere.has(key) || (seenHere.add(key), add(key, flag));
    // The title is text of the page too (a wrong word in a headline is the worst place for it).
    const text = doc.title && !doc.text.startsWith(doc.title) ? `${doc.title}\n${doc.text}` : doc.text;
    const numbers = findPersonalNumbers(text);
    const masks = numbers.map((n) => ({ start: n.start, end: n.end, text: n.masked }));
    if (dictionaries)
      for (const hit of findWording(text, dictionaries)) {
        const quote = sentenceAround(text, hit.start, hit.end, 40, masks);
        once(`w|${hit.kind}|${hit.source}|${quote}`, { check: 'wording', kind: hit.kind, url: doc.url, quote, entry: hit.entry, source: hit.source });
      }
    for (const n of numbers) {
      const quote = sentenceAround(text, n.start, n.end, 30, masks);
      // Keyed by the number itself (kept in memory only): the same number on several pages is one leak.
      once(`l|${n.kind}|${text.slice(n.start, n.end).replace(/\D/g, '')}`, { check: 'leak', kind: n.kind, url: doc.url, quote, entry: n.masked, source: null });
    }
  }
  const all = [...flags.values()];
  const byKind: Partial<Record<TextFlagKind, number>> = {};
  for (const f of all) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  const wordingFlags = all.filter((f) => f.check === 'wording').length;
  return {
    pagesRead: documents.filter((d) => d.kind === 'page').length,
    attachmentsRead: documents.filter((d) => d.kind === 'attachment').length,
    wordingFlags,
    leakFlags: all.length - wordingFlags,
    flagged: all.length,
    byKind,
    flags: all.slice(0, maxFlagsKept),
    attachments,
    dictionaries: source ? { source: source.source, files: source.files.map((f) => ({ name: f.name, sha256: f.sha256 })) } : null,
  };
}

export function kindName(kind: TextFlagKind): string {
  return kind in wordingKindNames ? wordingKindNames[kind as WordingKind] : personalNumberNames[kind as PersonalNumberKind];
}

function finding(f: TextFlag): EvaluatorFinding {
  const more = f.pages > 1 ? `（共 ${f.pages} 个页面）` : '';
  const message =
    f.check === 'wording'
      ? `疑似${kindName(f.kind)}：${f.entry}（词典 ${f.source}）${more}，待人工确认`
      : `疑似泄露个人信息：${kindName(f.kind)} ${f.entry}${more}，待人工确认`;
  // A flag is one entry wherever it repeats (a dictionary word, a masked number): not its first page, which the order of the crawl decides.
  return { subject: subject(f.check, f.kind, f.entry), message, url: f.url, evidence: `“${f.quote}”` };
}

export function textCheckFindings(m: TextChecksMeasurement | null): FindingsByGroup {
  if (!m) return {};
  const wording = m.flags.filter((f) => f.check === 'wording').map(finding);
  const leaks = m.flags.filter((f) => f.check === 'leak').map(finding);
  const cut =
    m.flagged > m.flags.length ? [{ subject: 'more-flags', message: `另有 ${m.flagged - m.flags.length} 处疑似问题未列出`, url: null, evidence: null }] : [];
  return { 'textChecks.wording': wording, 'textChecks.leaks': leaks, 'textChecks.flagged': [...leaks, ...wording, ...cut] };
}
