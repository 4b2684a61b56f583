/**
 * Personal numbers a government page must not publish in full: 18-digit 居民身份证号 (GB 11643-1999: an area
 * code, a real birth date, a sequence and an ISO 7064 MOD 11-2 check character), mobile numbers (1[3-9] and
 * nine more digits) and bank card numbers (16–19 digits passing Luhn, next to a word saying it is a card or
 * account). Forms already masked (`138****1234`, `110101********1234`) hold no run of digits these match.
 * Nothing here re-publishes a number: every hit carries its masked form for our reports.
 */

export type PersonalNumberKind = 'id-card' | 'mobile' | 'bank-card';

export const personalNumberNames: Record<PersonalNumberKind, string> = {
  'id-card': '居民身份证号',
  mobile: '手机号码',
  'bank-card': '银行卡号',
};

export interface PersonalNumberHit {
  kind: PersonalNumberKind;
  /** UTF-16 offsets in the text searched; end exclusive. */
  start: number;
  end: number;
  /** The number as our reports may show it. */
  masked: string;
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckCharacters = '10X98765432';
/** The first two digits: a province-level area code of GB/T 2260 (11 北京 … 82 澳门). */
const provinceCodes = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

/** An 18-character 居民身份证号 with a known province, a birth date that exists (1900 to `latestYear`) and a right check character. */
export function isIdCardNumber(value: string, latestYear = new Date().getUTCFullYear()): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  if (!provinceCodes.has(Number(value.slice(0, 2)))) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || year > latestYear) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const sum = idWeights.reduce((s, w, i) => s + w * Number(value[i]), 0);
  return idCheckCharacters[sum % 11] === value[17]!.toUpperCase();
}

/** The Luhn check of card numbers (ISO/IEC 7812). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The masked forms our reports show: an ID number's last 4, a mobile's middle 4, all but a card's first 6 and last 4. */
export function maskNumber(kind: PersonalNumberKind, digits: string): string {
  if (kind === 'id-card') return `${digits.slice(0, 14)}****`;
  if (kind === 'mobile') return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
}

// Runs of digits not inside a longer run of digits or letters (an order number, a URL's id), nor going on
// after a hyphen (a filing number: 公安备案 15010202000001-00001, 等保备案 13101990001-17001); a mobile or a
// card may be written in groups (138-1234-5678, 6222 0212 3456 7890).
const before = '(?<![0-9A-Za-z]|\\d[-‐－])';
const after = '(?![0-9A-Za-z]|[-‐－]\\d)';
const idPattern = new RegExp(`${before}\\d{17}[\\dXx]${after}`, 'g');
const mobilePattern = new RegExp(`${before}1[3-9]\\d(?:[- ]?\\d{4}){2}${after}`, 'g');
const cardPattern = new RegExp(`${before}\\d{4}(?:[ -]?\\d{4}){2}[ -]?\\d{4,7}${after}`, 'g');
/** Words that say the number next to them is a card or account: a card number alone looks like any long number. */
const cardContext = /银行卡|银行账号|银行帐号|银行账户|卡号|账号|帐号|开户行|收款账户/;
const cardContextChars = 20;
/**
 * Words that say a mobile is published on purpose as a contact channel (a service line, a 联系人's phone for the
 * public, a procurement notice's 联系方式, an invitation to call: 请联系、可联系小编): not a leak [I]. Looked for before
 * the number on its line and on the line before (a table's label cell is read as the line above its value). A mobile
 * in a list of people, an 公示 or an attachment has none of them; 手机 alone is not one, nor 联系地址 (a person's
 * address in a list, where the number beside it is theirs), nor 联系手机 after a person's name in a list of people.
 */
const contactContext = /电话|热线|联系(?!地址|住址|手机)/;
const contactContextChars = 60;

/** The text before `at` on its line and on the line before, at most contactContextChars characters. */
function linesBefore(text: string, at: number): string {
  const from = Math.max(0, at - contactContextChars);
  const lineStart = text.lastIndexOf('\n', at - 1);
  const previousStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 1) : -1;
  return text.slice(Math.max(from, previousStart + 1), at);
}

/** Every unmasked personal number in `text`, in order; an ID number is never also counted as a card. */
export function findPersonalNumbers(text: string, latestYear?: number): PersonalNumberHit[] {
  const hits: PersonalNumberHit[] = [];
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number) => !taken.some(([s, e]) => start < e && end > s);
  for (const m of text.matchAll(idPattern)) {
    if (!isIdCardNumber(m[0], latestYear)) continue;
    hits.push({ kind: 'id-card', start: m.index, end: m.index + m[0].length, masked: maskNumber('id-card', m[0].toUpperCase()) });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(cardPattern)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 16 || digits.length > 19 || !free(m.index, m.index + m[0].length) || !passesLuhn(digits)) continue;
    if (!cardContext.test(text.slice(Math.max(0, m.index - cardContextChars), m.index))) continue;
    hits.push({ kind: 'bank-card', start: m.index, end: m.index + m[0].length, masked: maskNumber('bank-card', digits) });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(mobilePattern)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    if (contactContext.test(linesBefore(text, m.index))) continue;
    hits.push({ kind: 'mobile', start: m.index, end: m.index + m[0].length, masked: maskNumber('mobile', m[0].replace(/\D/g, '')) });
  }
  return hits.sort((a, b) => a.start - b.start);
}
