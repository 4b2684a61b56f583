import { format, parseISO } from 'date-fns';

import { type DateFormat, formatDate, type IsoDate, isYearless } from '../../model/dates.js';
import type { Item } from '../../model/types.js';
import type { Skin } from './skin.js';

const patterns = { iso: 'yyyy-MM-dd', slash: 'yyyy/MM/dd', 'slash-short': 'yyyy/M/d', cn: 'yyyy年M月d日', dot: 'yyyy.MM.dd' } as const;

/** The clock time an article was published at: fixed per item, as the classic article shows it. */
export function itemTime(item: Item): string {
  return `${10 + (item.id % 8)}:${String((item.id * 7) % 60).padStart(2, '0')}`;
}

/**
 * A list or homepage date in the skin's style. The model's format decides whether the year is shown
 * (a year-less `11-03` stays year-less: only the model knows that it is unambiguous); the skin decides
 * the rest: another full-date format, brackets, a clock time.
 */
export function skinListDate(skin: Skin, item: Item, date: IsoDate, modelFormat: DateFormat): string {
  if (skin.classic) return formatDate(date, modelFormat);
  const d = skin.listDate;
  const yearless = isYearless(modelFormat);
  let text = yearless || d.format === 'keep' ? formatDate(date, modelFormat).replace(/^\[|\]$/g, '') : format(parseISO(date), patterns[d.format]);
  if (d.withTime) text += ` ${itemTime(item)}`;
  const bracketed = d.brackets || modelFormat.startsWith('bracket');
  return bracketed ? `[${text}]` : text;
}

/** ISO 8601 with the China offset, as machine-readable dates are written. */
export function isoDateTime(date: IsoDate, time: string): string {
  return `${date}T${time.padStart(5, '0')}:00+08:00`;
}
