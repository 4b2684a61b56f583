import { Converter } from 'opencc-js/t2cn';

/**
 * How a label (a link text, a column name, a table header) is matched against one term of the taxonomy,
 * tolerating what real sites do to the regulation's words: traditional characters, spacing and
 * punctuation, words inserted (突发公共事件 for 突发事件), words reordered (事件突发), one character off
 * in a long term (年度报告 for 年报). Every match says which term and how, so a reviewer can check it.
 *
 * Precision guards, because a false match hides a missing item: the tolerant kinds apply only to short
 * labels (a long text is a paragraph or an article title, where only the exact term counts), only to
 * terms of 4+ characters, with few inserted characters; a 2-character term (教育, 电话) matches a label
 * only when the label is short, so it names the label rather than occurring somewhere in it.
 */

export type MatchHow = 'exact' | 'traditional' | 'inserted' | 'reordered' | 'ngram';

export interface TermMatch {
  /** The text that was matched, as shown on the site. */
  label: string;
  term: string;
  how: MatchHow;
  /** 1 for exact and traditional; the share of the label the term's pieces cover, or the bigram Dice score. */
  score: number;
}

/** Longest normalised text still treated as a label (tolerant matching); longer texts need the exact term. */
export const LABEL_MAX = 20;
/** A term of this many characters or fewer must make up a good part of a label to match it. */
const SHORT_TERM = 2;
const SHORT_TERM_LABEL_MAX = 8;
const FUZZY_TERM_MIN = 4;
/** Characters a label may add between or around a term's pieces. */
const MAX_INSERTED = 4;
const NGRAM_TERM_MIN = 5;
const NGRAM_MIN_DICE = 0.7;

const toSimplified = Converter({ from: 't', to: 'cn' });
const simplifiedCache = new Map<string, string>();

export function simplified(text: string): string {
  const known = simplifiedCache.get(text);
  if (known !== undefined) return known;
  const s: string = toSimplified(text);
  if (simplifiedCache.size > 20_000) simplifiedCache.clear();
  simplifiedCache.set(text, s);
  return s;
}

/** Width-folded, without spaces, punctuation and symbols. */
function bare(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
}

/** Also simplified: what the words are. */
export function normalise(text: string): string {
  return bare(simplified(text));
}

const compiled = new Map<string, RegExp>();

function regexOf(term: string): RegExp {
  let re = compiled.get(term);
  if (!re) compiled.set(term, (re = new RegExp(term.slice(3), 'u')));
  return re;
}

/** How a text is read: a `label` (a link text, a header) must be named by a short term, not merely contain it. */
export interface MatchOptions {
  label?: boolean;
}

/**
 * The match of one term in a text, or null. "re:" terms are regular expressions, tried on the text as is
 * and simplified. A text of at most LABEL_MAX characters is read as a label whatever the options say.
 */
export function matchTerm(text: string, term: string, options: MatchOptions = {}): TermMatch | null {
  if (!term || !text) return null;
  const hit = (how: MatchHow, score = 1): TermMatch => ({ label: text, term, how, score });
  if (term.startsWith('re:')) {
    if (regexOf(term).test(text)) return hit('exact');
    return simplified(text) !== text && regexOf(term).test(simplified(text)) ? hit('traditional') : null;
  }
  const label = normalise(text);
  const wanted = normalise(term);
  if (!wanted) return null;
  const isLabel = label.length <= LABEL_MAX;
  if (wanted.length <= SHORT_TERM && (isLabel || options.label) && label.length > SHORT_TERM_LABEL_MAX) return null;
  if (text.includes(term)) return hit('exact');
  if (label.includes(wanted)) return hit(bare(text).includes(bare(term)) ? 'exact' : 'traditional');
  if (!isLabel || wanted.length < FUZZY_TERM_MIN) return null;
  const pieces = piecesIn(wanted, label);
  if (pieces) return hit(pieces.how, pieces.score);
  // A label shorter than the term lacks some of its words (政府信息公开 is not 政府信息公开指南): never similar enough.
  if (wanted.length >= NGRAM_TERM_MIN && label.length >= wanted.length) {
    const dice = bigramDice(wanted, label);
    if (dice >= NGRAM_MIN_DICE) return hit('ngram', Math.round(dice * 100) / 100);
  }
  return null;
}

/**
 * The term cut into the fewest pieces of 2+ characters that each occur in the label, at most three,
 * without overlapping: in order with a few characters between them (inserted), or in another order
 * (reordered). The label may add only a few characters beyond the term.
 */
function piecesIn(term: string, label: string): { how: 'inserted' | 'reordered'; score: number } | null {
  if (label.length > term.length + MAX_INSERTED) return null;
  // best[i]: fewest pieces covering term[0..i), with the cut positions.
  const best: Array<number[] | null> = Array.from({ length: term.length + 1 }, () => null);
  best[0] = [];
  for (let i = 0; i < term.length; i++) {
    const before = best[i];
    if (!before) continue;
    for (let j = i + 2; j <= term.length; j++) {
      if (!label.includes(term.slice(i, j))) break;
      const cuts = [...before, j];
      if (!best[j] || best[j]!.length > cuts.length) best[j] = cuts;
    }
  }
  const cuts = best[term.length];
  if (!cuts || cuts.length < 2 || cuts.length > 3) return null;
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const to of cuts) {
    const at = firstFree(label, term.slice(from, to), spans);
    if (at < 0) return null;
    spans.push([at, at + to - from]);
    from = to;
  }
  const inOrder = spans.every((s, i) => i === 0 || s[0] >= spans[i - 1]![1]);
  return { how: inOrder ? 'inserted' : 'reordered', score: Math.round((term.length / label.length) * 100) / 100 };
}

/** The first occurrence of a piece that overlaps none of the spans already taken, or -1. */
function firstFree(label: string, piece: string, taken: Array<[number, number]>): number {
  for (let at = label.indexOf(piece); at >= 0; at = label.indexOf(piece, at + 1)) {
    if (taken.every(([a, b]) => at + piece.length <= a || at >= b)) return at;
  }
  return -1;
}

function bigrams(text: string): string[] {
  const chars = [...text];
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Dice coefficient of the two texts' character bigrams (as multisets). */
export function bigramDice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const left = new Map<string, number>();
  for (const g of x) left.set(g, (left.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const n = left.get(g) ?? 0;
    if (n > 0) {
      common++;
      left.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

const rank: Record<MatchHow, number> = { exact: 0, traditional: 1, inserted: 2, reordered: 3, ngram: 4 };

/** The best match of any term: exact before traditional before tolerant, then the longer term, then the higher score. */
export function bestTermMatch(text: string, terms: readonly string[], options: MatchOptions = {}): TermMatch | null {
  let best: TermMatch | null = null;
  for (const term of terms) {
    const m = matchTerm(text, term, options);
    if (
      m &&
      (!best ||
        rank[m.how] < rank[best.how] ||
        (rank[m.how] === rank[best.how] && (m.term.length > best.term.length || (m.term.length === best.term.length && m.score > best.score))))
    )
      best = m;
    if (best?.how === 'exact' && best.term === text) break;
  }
  return best;
}

export function isExactish(m: TermMatch): boolean {
  return m.how === 'exact' || m.how === 'traditional';
}

/** A reviewer's note: 精确匹配「突发事件」 / 插入词匹配「突发事件」 … */
export function describeMatch(m: Pick<TermMatch, 'term' | 'how' | 'score'>): string {
  const kind = { exact: '精确匹配', traditional: '繁体转换后匹配', inserted: '含插入词匹配', reordered: '词序调换匹配', ngram: `字词相似匹配（${m.score}）` }[
    m.how
  ];
  return `${kind}「${m.term.startsWith('re:') ? '模式' : m.term}」`;
}
