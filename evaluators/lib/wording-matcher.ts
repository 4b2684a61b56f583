import { AhoCorasick } from '@monyone/aho-corasick';

import type { LeaderEntry, SensitiveEntry, TextDictionaries, WordingEntry } from './text-dictionaries.js';

/**
 * The wording check's matching: every dictionary compiled once into an Aho–Corasick automaton (one linear pass
 * over a page whatever the size of the dictionaries), then each hit judged in its place. Terms that must stand
 * as words are checked at Intl.Segmenter word boundaries (ICU's Chinese dictionary), so a short term is not
 * found inside a longer word. The segmenter runs only on a short window around a hit: on Node 20 its cost grows
 * faster than the length of the text (a 69,000-character page took 11 s), and so does that of matchers that
 * walk the text by grapheme (modern-ahocorasick took 20 s on it; this one 0.07 s).
 */

export type WordingKind = 'wrong-word' | 'sensitive' | 'leader-title' | 'leader-retired';

export const wordingKindNames: Record<WordingKind, string> = {
  'wrong-word': '错别字或不规范表述',
  sensitive: '敏感词',
  'leader-title': '领导职务疑似错误',
  'leader-retired': '已离任领导疑似仍称现职',
};

export interface WordingHit {
  kind: WordingKind;
  start: number;
  end: number;
  /** What was found, as written on the page. */
  found: string;
  /** The dictionary entry that matched, in words: "按装 → 安装", "林向东（市长，在任）". */
  entry: string;
  /** The file and line of that entry, so an office can find (and fix) it. */
  source: string;
}

/** An automaton and what each of its keywords stands for. */
interface Automaton<T> {
  matcher: AhoCorasick;
  entries: Map<string, T>;
}

export interface CompiledDictionaries {
  wrong: Automaton<WordingEntry>;
  sensitive: Automaton<SensitiveEntry>;
  names: Automaton<LeaderEntry>;
  titles: Automaton<string>;
}

function automaton<T>(entries: Array<[string, T]>): Automaton<T> {
  // The first entry of a keyword wins (a term listed twice is found once).
  const byKeyword = new Map<string, T>();
  for (const [keyword, entry] of entries) if (!byKeyword.has(keyword)) byKeyword.set(keyword, entry);
  return { matcher: new AhoCorasick([...byKeyword.keys()]), entries: byKeyword };
}

export function compileDictionaries(d: TextDictionaries): CompiledDictionaries {
  return {
    wrong: automaton(d.wording.map((w) => [w.wrong, w])),
    sensitive: automaton(d.sensitive.map((s) => [s.term, s])),
    names: automaton(d.leaders.map((l) => [l.name, l])),
    titles: automaton(d.leaders.flatMap((l) => l.titles.map((t): [string, string] => [t, t]))),
  };
}

interface Hit<T> {
  start: number;
  end: number;
  keyword: string;
  entry: T;
}

/** The hits of an automaton, leftmost first and the longest at a place, none overlapping another. */
function leftmostLongest<T>(a: Automaton<T>, text: string): Array<Hit<T>> {
  if (!a.entries.size) return [];
  const all = a.matcher.matchInText(text).sort((x, y) => x.begin - y.begin || y.end - x.end);
  const out: Array<Hit<T>> = [];
  let until = 0;
  for (const m of all) {
    if (m.begin < until) continue;
    out.push({ start: m.begin, end: m.end, keyword: m.keyword, entry: a.entries.get(m.keyword)! });
    until = m.end;
  }
  return out;
}

const words = new Intl.Segmenter('zh', { granularity: 'word' });
const boundaryWindow = 24;

/** Whether start and end fall on word boundaries, segmenting only the text around them. */
function onWordBoundaries(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - boundaryWindow);
  const window = text.slice(from, Math.min(text.length, end + boundaryWindow));
  const bounds = new Set<number>();
  for (const s of words.segment(window)) bounds.add(from + s.index).add(from + s.index + s.segment.length);
  return bounds.has(start) && bounds.has(end);
}

/** Words before a title that make it a past one: 原市长, 时任副市长. */
const formerly = /(原|前|时任|曾任|历任)$/;
/** What may stand between a name and the title after it: 林向东同志、市长; 林向东（市长）. */
const betweenNameAndTitle = /^(同志)?[（(、，,\s]?/;

export function findWording(text: string, d: CompiledDictionaries): WordingHit[] {
  const hits: WordingHit[] = [];
  for (const m of leftmostLongest(d.wrong, text)) {
    const entry = m.entry;
    // A wrong form inside the right one is not wrong (an entry whose right form contains the wrong one).
    const at = entry.right.indexOf(entry.wrong);
    if (at >= 0 && text.startsWith(entry.right, m.start - at)) continue;
    hits.push({
      kind: 'wrong-word',
      start: m.start,
      end: m.end,
      found: m.keyword,
      entry: `${entry.wrong} → ${entry.right}`,
      source: `wording.csv:${entry.line}`,
    });
  }
  for (const m of leftmostLongest(d.sensitive, text)) {
    if (m.entry.wholeWord && !onWordBoundaries(text, m.start, m.end)) continue;
    hits.push({
      kind: 'sensitive',
      start: m.start,
      end: m.end,
      found: m.keyword,
      entry: `${m.entry.term}（${m.entry.category}）`,
      source: `sensitive.csv:${m.entry.line}`,
    });
  }
  hits.push(...leaderHits(text, d));
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A leader named with a title next to the name: a title not theirs, or any title once they left office. */
function leaderHits(text: string, d: CompiledDictionaries): WordingHit[] {
  const names = leftmostLongest(d.names, text);
  if (!names.length || !d.titles.entries.size) return [];
  // Every title of the page, by where it starts and where it ends (the longest at each place).
  const titles = d.titles.matcher.matchInText(text);
  const longest = (key: (t: (typeof titles)[number]) => number) => {
    const by = new Map<number, TitleAt>();
    for (const t of titles) {
      const known = by.get(key(t));
      if (!known || t.end - t.begin > known.end - known.start) by.set(key(t), { title: t.keyword, start: t.begin, end: t.end });
    }
    return by;
  };
  const endingAt = longest((t) => t.end);
  const startingAt = longest((t) => t.begin);
  const hits: WordingHit[] = [];
  for (const m of names) {
    const leader = m.entry;
    const gap = betweenNameAndTitle.exec(text.slice(m.end, m.end + 4))![0].length;
    const title = endingAt.get(m.start) ?? startingAt.get(m.end + gap) ?? startingAt.get(m.end);
    if (!title) continue;
    if (formerly.test(text.slice(Math.max(0, title.start - 2), title.start))) continue;
    const entry = `${leader.name}（${leader.titles.join('、')}，${leader.retired ? '离任' : '在任'}）`;
    const start = Math.min(m.start, title.start);
    const end = Math.max(m.end, title.end);
    const span = { start, end, found: text.slice(start, end) };
    if (leader.retired) hits.push({ kind: 'leader-retired', ...span, entry, source: `leaders.csv:${leader.line}` });
    else if (!leader.titles.includes(title.title)) hits.push({ kind: 'leader-title', ...span, entry, source: `leaders.csv:${leader.line}` });
  }
  return hits;
}

interface TitleAt {
  title: string;
  start: number;
  end: number;
}
