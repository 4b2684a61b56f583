import AhoCorasick from 'modern-ahocorasick';

import type { LeaderEntry, SensitiveEntry, TextDictionaries, WordingEntry } from './text-dictionaries.js';

/**
 * The wording check's matching: every dictionary compiled once into Aho–Corasick automata (one pass over a
 * page whatever the size of the dictionaries), then each hit judged in its place. Terms that must stand as
 * words are matched at Intl.Segmenter word boundaries (ICU's Chinese dictionary), so a short term is not
 * found inside a longer word.
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

export interface CompiledDictionaries {
  wrong: AhoCorasick<WordingEntry>;
  anywhere: AhoCorasick<SensitiveEntry>;
  wholeWords: AhoCorasick<SensitiveEntry>;
  names: AhoCorasick<LeaderEntry>;
  titles: AhoCorasick<string>;
}

export function compileDictionaries(d: TextDictionaries): CompiledDictionaries {
  const titles = [...new Set(d.leaders.flatMap((l) => l.titles))];
  return {
    wrong: new AhoCorasick(d.wording.map((w) => ({ pattern: w.wrong, data: w }))),
    anywhere: new AhoCorasick(d.sensitive.filter((s) => !s.wholeWord).map((s) => ({ pattern: s.term, data: s }))),
    wholeWords: new AhoCorasick(d.sensitive.filter((s) => s.wholeWord).map((s) => ({ pattern: s.term, data: s }))),
    names: new AhoCorasick(d.leaders.map((l) => ({ pattern: l.name, data: l }))),
    titles: new AhoCorasick(titles.map((t) => ({ pattern: t, data: t }))),
  };
}

/** Words before a title that make it a past one: 原市长, 时任副市长. */
const formerly = /(原|前|时任|曾任|历任)$/;
/** What may stand between a name and the title after it: 林向东同志、市长; 林向东（市长）. */
const betweenNameAndTitle = /^(同志)?[（(、，,\s]?/;

export function findWording(text: string, d: CompiledDictionaries): WordingHit[] {
  const hits: WordingHit[] = [];
  for (const m of d.wrong.search(text, { strategy: 'leftmost-longest' })) {
    const entry = m.data!;
    // A wrong form inside the right one is not wrong (an entry whose right form contains the wrong one).
    const at = entry.right.indexOf(entry.wrong);
    if (at >= 0 && text.startsWith(entry.right, m.start - at)) continue;
    hits.push({
      kind: 'wrong-word',
      start: m.start,
      end: m.end,
      found: m.pattern,
      entry: `${entry.wrong} → ${entry.right}`,
      source: `wording.csv:${entry.line}`,
    });
  }
  const sensitive = [
    ...d.anywhere.search(text, { strategy: 'leftmost-longest' }),
    ...d.wholeWords.search(text, { strategy: 'leftmost-longest', wholeWord: true, locale: 'zh' }),
  ];
  for (const m of sensitive)
    hits.push({
      kind: 'sensitive',
      start: m.start,
      end: m.end,
      found: m.pattern,
      entry: `${m.data!.term}（${m.data!.category}）`,
      source: `sensitive.csv:${m.data!.line}`,
    });
  hits.push(...leaderHits(text, d));
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A leader named with a title next to the name: a title not theirs, or any title once they left office. */
function leaderHits(text: string, d: CompiledDictionaries): WordingHit[] {
  const hits: WordingHit[] = [];
  for (const m of d.names.search(text, { strategy: 'leftmost-longest' })) {
    const leader = m.data!;
    const title = titleBefore(text, m.start, d) ?? titleAfter(text, m.end, d);
    if (!title) continue;
    if (formerly.test(text.slice(Math.max(0, title.start - 2), title.start))) continue;
    const entry = `${leader.name}（${leader.titles.join('、')}，${leader.retired ? '离任' : '在任'}）`;
    const span = {
      start: Math.min(m.start, title.start),
      end: Math.max(m.end, title.end),
      found: text.slice(Math.min(m.start, title.start), Math.max(m.end, title.end)),
    };
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

/** The longest title of the dictionaries ending right before the name: 副市长林向东. */
function titleBefore(text: string, nameStart: number, d: CompiledDictionaries): TitleAt | null {
  const window = text.slice(Math.max(0, nameStart - 12), nameStart);
  const offset = nameStart - window.length;
  const ending = d.titles.search(window).filter((t) => t.end === window.length);
  const longest = ending.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  return longest ? { title: longest.pattern, start: offset + longest.start, end: offset + longest.end } : null;
}

/** The longest title starting right after the name, or after 同志 or an opening bracket: 林向东市长. */
function titleAfter(text: string, nameEnd: number, d: CompiledDictionaries): TitleAt | null {
  const gap = betweenNameAndTitle.exec(text.slice(nameEnd, nameEnd + 4))![0].length;
  const from = nameEnd + gap;
  const found = d.titles.findAt(text, from, { strategy: 'leftmost-longest' });
  return found ? { title: found.pattern, start: found.start, end: found.end } : null;
}
