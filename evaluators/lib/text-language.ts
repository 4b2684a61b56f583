import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { franc } from 'franc-min';
import nspell from 'nspell';
import { detectAll, langName, supportedLanguages, toISO2, toISO3 } from 'tinyld';

/**
 * Whether a text reads as another language than the one its lang attribute declares (3.1.1 for the page, 3.1.2 for a
 * part of it), told by two statistical detectors of different make (tinyld's n-gram profiles, franc's trigrams) that
 * must agree: either alone takes a German ministry's name for Latvian or a pinyin name for Esperanto. Chinese,
 * Japanese and Korean are left to the page checks, which tell them by script; here only texts in other scripts are
 * judged (an English, French or Russian page or part), and only where the detectors are sure enough: a few words
 * are often several languages at once. A few words the detectors cannot weigh ("Fireworks over Paris") are read as
 * English when they are English words by an English spelling dictionary (dictionary-en) and tinyld leans English.
 * What this finds is suspected, for a reviewer.
 */

/** The detector's languages, as ISO 639-1 where it has one (nld → nl). */
const known = new Set(supportedLanguages.map((iso3) => toISO2(iso3) || iso3));

/** Languages a short text cannot tell apart: declaring one while the text reads as another of its group is no finding. */
const kin: readonly (readonly string[])[] = [
  ['no', 'nb', 'nn', 'da', 'sv'],
  ['hr', 'sr', 'bs', 'sh', 'sl'],
  ['ms', 'id'],
  ['pt', 'gl', 'es', 'ca'],
  ['cs', 'sk'],
  ['be', 'ru', 'uk', 'bg', 'mk'],
  ['af', 'nl'],
  ['hi', 'ur'],
  ['fa', 'ar'],
];

/** The scripts the page checks judge themselves (Han, kana, hangul): texts with them are not detected here. */
const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/;
const cjkLanguages = new Set(['zh', 'cmn', 'yue', 'wuu', 'ja', 'ko']);

/** Letters at least: fewer is a word or two, which read as many languages. */
const minLetters = 10;
/** The detector's top score below which it is guessing (a three-word English phrase scores about 0.07). */
const minTopScore = 0.05;
/** Distinct words under which only a text the detector is sure of is judged (two words in a language's own spelling: "Bonne année"). */
const minWords = 4;
const minScoreFewWords = 0.5;
/** The declared language counts as a reading of the text while its score is at least this share of the top one. */
const declaredShare = 0.1;

export interface LanguageMismatch {
  /** The declared language's primary subtag, lower case (fr for fr-CA). */
  declared: string;
  /** The language the text reads as (ISO 639-1 where there is one). */
  detected: string;
  /** The detector's score for it (0–1). */
  score: number;
}

function sameGroup(a: string, b: string): boolean {
  return a === b || kin.some((group) => group.includes(a) && group.includes(b));
}

/** The primary language subtag of a lang attribute's value (EN-gb → en, nld → nl), or '' for none. */
export function primaryLanguage(tag: string): string {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return primary.length === 3 ? toISO2(primary) || primary : primary;
}

/**
 * The language the text reads as when the detector is sure it is not the declared one; null when they agree,
 * when the text is too short or in a script the page checks judge, or when the declared language is one the
 * detector does not know.
 */
export function languageMismatch(declaredTag: string, text: string): LanguageMismatch | null {
  const declared = primaryLanguage(declaredTag);
  if (!declared || cjkLanguages.has(declared) || !known.has(declared)) return null;
  const clean = text.replace(/\s+/g, ' ').trim();
  if (cjk.test(clean) || (clean.match(/\p{L}/gu) ?? []).length < minLetters) return null;
  const readings = detectAll(clean);
  const top = readings[0];
  if (!top || sameGroup(top.lang, declared)) return null;
  return detectorsAgree(declared, clean, readings) ?? (top.lang === 'en' && englishWords(clean) ? { declared, detected: 'en', score: top.accuracy } : null);
}

/** Both detectors read the text as one language other than the declared one, sure enough for its length. */
function detectorsAgree(declared: string, clean: string, readings: ReturnType<typeof detectAll>): LanguageMismatch | null {
  const top = readings[0]!;
  // Distinct words of two letters or more: "W3C logo (W3C Logo)" is one word, not six.
  const words = new Set(clean.toLowerCase().match(/\p{L}{2,}/gu) ?? []).size;
  if (top.accuracy < (words >= minWords ? minTopScore : minScoreFewWords)) return null;
  const declaredScore = Math.max(0, ...readings.filter((r) => sameGroup(r.lang, declared)).map((r) => r.accuracy));
  if (declaredScore >= top.accuracy * declaredShare) return null;
  const second = franc(clean, { minLength: minLetters });
  if (second === 'und' || !sameGroup(toISO2(second) || second, top.lang)) return null;
  return { declared, detected: top.lang, score: top.accuracy };
}

/** Words at least, for the dictionary's reading: fewer are a name or a label. */
const minDictionaryWords = 3;
/** Words per one the dictionary may not know (a word quoted from another language in an English sentence). */
const wordsPerUnknown = 6;

let english: { correct(word: string): boolean } | null = null;
/** The English dictionary, read on first use (a fifth of a second); none when it cannot be read: no word is known. */
function englishDictionary(): { correct(word: string): boolean } {
  if (!english)
    try {
      const dictionary = dirname(createRequire(import.meta.url).resolve('dictionary-en'));
      english = nspell({ aff: readFileSync(join(dictionary, 'index.aff')), dic: readFileSync(join(dictionary, 'index.dic')) });
    } catch {
      english = { correct: () => false };
    }
  return english;
}

/** English by its words: each (all but one in six) spelled as an English word. */
function englishWords(clean: string): boolean {
  const words = clean.match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
  if (words.length < minDictionaryWords) return false;
  const spelled = englishDictionary();
  const unknown = words.filter((w) => !spelled.correct(w) && !spelled.correct(w.toLowerCase())).length;
  return unknown <= Math.floor(words.length / wordsPerUnknown);
}

/** Names in Chinese for the languages a government site's pages are most often in; others by the detector's English name. */
const chineseNames: Record<string, string> = {
  en: '英语',
  fr: '法语',
  de: '德语',
  es: '西班牙语',
  pt: '葡萄牙语',
  ru: '俄语',
  it: '意大利语',
  nl: '荷兰语',
  ar: '阿拉伯语',
  vi: '越南语',
  th: '泰语',
  id: '印度尼西亚语',
  ms: '马来语',
  tr: '土耳其语',
  pl: '波兰语',
  da: '丹麦语',
  sv: '瑞典语',
  no: '挪威语',
  fi: '芬兰语',
  la: '拉丁语',
};

/** 英语（en）, or Dutch (nl) where no Chinese name is kept. */
export function languageLabel(code: string): string {
  const zh = chineseNames[code];
  if (zh) return `${zh}（${code}）`;
  const iso3 = code.length === 2 ? toISO3(code) : code;
  return `${(iso3 && langName(iso3)) || code}（${code}）`;
}
