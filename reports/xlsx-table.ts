/**
 * One safe way to put a table on a worksheet: a title row, a header row (frozen, with an autofilter) and
 * the data. Every cell goes through `setCell`, so crawled text can never become a formula: strings are
 * made inert (a leading quote, as in ranking.csv), nothing is ever written as an ExcelJS formula object,
 * and only http(s) addresses become hyperlinks.
 */
import type ExcelJS from 'exceljs';

import { inertCell } from './csv.js';

/** An address: a hyperlink when it is http(s), plain text otherwise. */
export interface Link {
  link: string;
}

export type Value = string | number | null | Link;

export interface Column<Row> {
  header: string;
  value: (row: Row) => Value;
  /** Number format of numeric cells, e.g. '0.00' for scores. */
  format?: string;
  /** Prose (descriptions, evidence): wrapped at the width cap instead of running into the next column. */
  wrap?: boolean;
}

export interface Table<Row> {
  title: string;
  columns: Array<Column<Row>>;
  rows: Row[];
  /** Columns kept in view when scrolling right (the site's name on wide sheets). */
  frozenColumns?: number;
}

/** Rows 1 and 2 are the title and the header; data starts on row 3. */
export const HEADER_ROW = 2;
const EXCEL_MAX_ROWS = 1_048_576;
/** Excel refuses longer cells ("We found a problem with some content"). */
const EXCEL_MAX_CELL_CHARS = 32_767;
/** Longer hyperlink addresses make Excel repair the file. */
const EXCEL_MAX_LINK_CHARS = 2_079;
/** Widths are measured on the first rows only: a national run can list hundreds of thousands of findings. */
const WIDTH_SAMPLE_ROWS = 500;
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;

/**
 * Adds the table as a new sheet, in an order that also suits ExcelJS's streaming writer (rows committed
 * one by one, widths, panes and the filter known before the first row is written).
 */
export function addTable<Row>(workbook: ExcelJS.Workbook, name: string, table: Table<Row>): ExcelJS.Worksheet {
  const columnCount = table.columns.length;
  const room = EXCEL_MAX_ROWS - HEADER_ROW - 1; // keep one row for the "more rows" note
  const shown = table.rows.length > room ? table.rows.slice(0, room) : table.rows;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: table.frozenColumns ?? 0, ySplit: HEADER_ROW }] });
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + shown.length, column: columnCount } };
  setWidths(sheet, table, shown.slice(0, WIDTH_SAMPLE_ROWS));
  writeTitle(sheet, table.title, columnCount);
  writeHeader(sheet, table.columns);
  shown.forEach((row, index) => {
    const excelRow = sheet.getRow(HEADER_ROW + 1 + index);
    table.columns.forEach((column, c) => setCell(excelRow.getCell(c + 1), column.value(row), column));
    excelRow.commit();
  });
  if (shown.length < table.rows.length) {
    const note = sheet.getRow(HEADER_ROW + 1 + shown.length);
    note.getCell(1).value = `另有 ${table.rows.length - shown.length} 行超出 Excel 行数上限，未列出；完整数据见 results.json`;
    note.commit();
  }
  return sheet;
}

/** Writes one value; the only place cells get values, so the injection guard cannot be bypassed. */
function setCell(cell: ExcelJS.Cell, value: Value, column: Column<never>): void {
  if (value === null) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return;
    cell.value = value;
    if (column.format) cell.numFmt = column.format;
    return;
  }
  if (typeof value === 'string') cell.value = safeText(value);
  else {
    const target = hyperlinkTarget(value.link);
    cell.value = target ? { text: safeText(value.link), hyperlink: target } : safeText(value.link);
    if (target) cell.font = { color: { argb: 'FF0563C1' }, underline: true };
  }
  if (column.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
}

/** Text that Excel and WPS keep as text: inert (see csv.ts) and within Excel's cell length. */
export function safeText(text: string): string {
  const inert = inertCell(text);
  return inert.length <= EXCEL_MAX_CELL_CHARS ? inert : `${inert.slice(0, EXCEL_MAX_CELL_CHARS - 7)}…（已截断）`;
}

/** The address to link to, or null: only well-formed http(s) URLs, never javascript:, file: or a formula. */
export function hyperlinkTarget(address: string): string | null {
  if (!/^https?:\/\//i.test(address)) return null;
  try {
    const url = new URL(address);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.length <= EXCEL_MAX_LINK_CHARS ? url.href : null;
  } catch {
    return null;
  }
}

function writeTitle(sheet: ExcelJS.Worksheet, title: string, columnCount: number): void {
  const cell = sheet.getRow(1).getCell(1);
  cell.value = safeText(title);
  cell.font = { bold: true, size: 13 };
  if (columnCount > 1) sheet.mergeCells(1, 1, 1, columnCount);
  sheet.getRow(1).commit();
}

function writeHeader<Row>(sheet: ExcelJS.Worksheet, columns: Array<Column<Row>>): void {
  const row = sheet.getRow(HEADER_ROW);
  columns.forEach((column, c) => {
    const cell = row.getCell(c + 1);
    cell.value = safeText(column.header);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  row.commit();
}

/** Widths that fit Chinese text: a CJK or full-width character takes two columns' width. */
function setWidths<Row>(sheet: ExcelJS.Worksheet, table: Table<Row>, sample: Row[]): void {
  table.columns.forEach((column, c) => {
    const widest = sample.reduce((w, row) => Math.max(w, displayWidth(shownText(column.value(row), column.format))), displayWidth(column.header));
    sheet.getColumn(c + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}

function shownText(value: Value, format: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number') return format === '0.00' ? value.toFixed(2) : String(value);
  return typeof value === 'string' ? value : value.link;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

const SHEET_NAME_MAX = 31;

/**
 * A worksheet name Excel accepts and no other sheet has: without []:*?/\ and control characters, not
 * starting or ending with an apostrophe, at most 31 characters (a surrogate pair is never split), unique
 * ignoring case (as Excel compares them), never the reserved "History". `taken` holds lower-cased names.
 */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, '_').trim();
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `(${n})`;
    const name = (clip(base, SHEET_NAME_MAX - suffix.length) || '工作表') + suffix;
    const key = name.toLowerCase();
    if (!taken.has(key) && key !== 'history') {
      taken.add(key);
      return name;
    }
  }
}

function clip(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.replace(/^['\s]+|['\s]+$/g, '');
}
