/**
 * The sentence around a match, as a finding's quote: cut at the sentence's ends (。！？；, a line break) and at
 * most `max` characters each side. Spans that must not be shown as they are (a personal number) are replaced
 * in the quote; one the cut would split is taken in whole, so no part of it slips out unmasked.
 */

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

const sentenceEnd = /[。！？!?；;\n]/;

export function sentenceAround(text: string, start: number, end: number, max = 40, replace: Replacement[] = []): string {
  let from = start;
  while (from > 0 && start - from < max && !sentenceEnd.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < max && !sentenceEnd.test(text[to - 1] ?? '')) to++;
  if (to > end && sentenceEnd.test(text[to - 1]!) && text[to - 1] === '\n') to--;
  for (const r of replace) {
    if (r.start < from && r.end > from) from = r.start;
    if (r.start < to && r.end > to) to = r.end;
  }
  let quote = '';
  let at = from;
  for (const r of [...replace].filter((r) => r.start >= from && r.end <= to).sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    quote += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  quote += text.slice(at, to);
  const cutBefore = from > 0 && !sentenceEnd.test(text[from - 1]!);
  const cutAfter = to < text.length && !sentenceEnd.test(text[to - 1]!) && text[to] !== '\n';
  return `${cutBefore ? '…' : ''}${quote.replace(/\s+/g, ' ').trim()}${cutAfter ? '…' : ''}`;
}
