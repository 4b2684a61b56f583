/**
 * The data rows under the header: which rows are data (not 合计, notes, blank or section titles), and
 * each data row's unit, period and counts, refusing what cannot be read rather than guessing.
 */
import { ConfigError } from '../../common/config-errors.js';
import type { ReportingObservation } from '../../evaluators/reporting.js';
import type { Column, Header } from './columns.js';
import { hasDigits, parseCount } from './counts.js';
import { EMPTY_CELL, type GridCell, type GridRow } from './grid.js';
import { COUNT_FIELDS, type CountField, fieldOfHeader, isNoteLine, isTotalLabel } from './headers.js';
import { normalisePeriod, PERIOD_EXAMPLES, periodOfDate } from './periods.js';

/** One unit's row of a reporting table: its counts, where it was read, and every named cell as written. */
export interface ReportingRow extends ReportingObservation {
  /** 1-based line of the CSV file or row of the sheet. */
  line: number;
  /** 单位代码 when the table has one: the unit's id then (names get written differently). */
  code: string | null;
  group: string | null;
  /** Every named column: header as written → cell text (trimmed, never evaluated). */
  raw: Record<string, string>;
}

type RowKind = 'blank' | 'total' | 'note' | 'title' | 'header' | 'data';

interface Context {
  file: string;
  header: Header;
  /** The period of the whole table, for tables without a period column (already normalised). */
  tablePeriod: string | null;
}

export function readRows(rows: GridRow[], context: Context): ReportingRow[] {
  const result: ReportingRow[] = [];
  const seen = new Map<string, number>();
  // Excel writes a merged 类别/期间 cell to CSV in its first row only; the rows below it share it. A
  // block ends at any other row (小计, a blank line, a block title), so nothing is carried past it.
  const none = { group: null, period: null };
  let carried: { group: string | null; period: string | null } = none;
  let previousEnd = context.header.endLine;
  for (const row of rows) {
    // The XLSX reader leaves blank rows out, so a gap in the lines is a blank row too.
    if (row.line > previousEnd + 1) carried = none;
    previousEnd = row.endLine;
    if (rowKind(row, context.header) !== 'data') {
      carried = none;
      continue;
    }
    const parsed = readRow(row, context, carried);
    if (!parsed) continue;
    carried = { group: parsed.group, period: parsed.period };
    checkDuplicate(parsed, seen, context);
    result.push(parsed);
  }
  return result;
}

function rowKind(row: GridRow, header: Header): RowKind {
  const filled = row.cells.filter((cell) => cell.text !== '');
  const first = filled[0];
  if (!first) return 'blank';
  const unit = cellAt(row, header.byField.unit);
  if (isTotalLabel(first.text) || isTotalLabel(unit.text)) return 'total';
  if (isNoteLine(first.text)) return 'note';
  if (fieldOfHeader(unit.text) === 'unit') return 'header'; // the header repeated over a second block
  // A title over a block ("2026年第二季度"): one text, merged across the row or standing outside the unit column.
  const oneText = filled.every((cell) => cell.text === first.text) && parseCount(first.text) === null;
  if (oneText && (filled.length > 1 || unit.text === '')) return 'title';
  return 'data';
}

function readRow(row: GridRow, context: Context, carried: { group: string | null; period: string | null }): ReportingRow | null {
  const { byField } = context.header;
  const unit = cellAt(row, byField.unit).text;
  if (!unit) {
    const numbered = COUNT_FIELDS.some((field) => byField[field] && hasDigits(cellAt(row, byField[field]).text));
    if (!numbered) return null; // a 序号 or a remark alone
    throw rowError(context, row.line, byField.unit!, 'is empty on a row with counts', 'write the name of the unit these counts belong to, or delete the row');
  }
  return {
    line: row.line,
    unit,
    code: cellAt(row, byField.code).text || null,
    group: cellAt(row, byField.group).text || (byField.group ? carried.group : null),
    period: periodOf(row, context, carried.period),
    submitted: countOf(row, 'submitted', context) ?? 0,
    adoptedNational: countOf(row, 'adoptedNational', context),
    adoptedProvincial: countOf(row, 'adoptedProvincial', context),
    adoptedCity: countOf(row, 'adoptedCity', context),
    instructions: countOf(row, 'instructions', context),
    quota: countOf(row, 'quota', context),
    raw: Object.fromEntries(context.header.columns.map((column) => [column.rawKey, cellAt(row, column).text])),
  };
}

function periodOf(row: GridRow, context: Context, carried: string | null): string {
  const column = context.header.byField.period;
  if (!column) return context.tablePeriod!; // findHeader required one or the other
  const cell = cellAt(row, column);
  if (cell.date) return periodOfDate(cell.date);
  if (!cell.text) {
    const period = carried ?? context.tablePeriod;
    if (period) return period;
    throw rowError(context, row.line, column, 'is empty', `write the period, e.g. ${PERIOD_EXAMPLES}`);
  }
  const period = normalisePeriod(cell.text);
  if (!period)
    throw rowError(
      context,
      row.line,
      column,
      `${JSON.stringify(cell.text)} is not a period`,
      `write a month, quarter, half-year or year, e.g. ${PERIOD_EXAMPLES}`,
    );
  return period;
}

/** The count in a field's column; null when the table has no such column (unknown, not zero). */
function countOf(row: GridRow, field: CountField, context: Context): number | null {
  const column = context.header.byField[field];
  if (!column) return null;
  const cell = cellAt(row, column);
  if (cell.formulaWithoutResult) {
    throw rowError(
      context,
      row.line,
      column,
      'is a formula whose result was never saved',
      'open the file in Excel or WPS and save it again, or type the number',
    );
  }
  const count = cell.date ? null : parseCount(cell.text);
  if (count === null) {
    throw rowError(
      context,
      row.line,
      column,
      `${JSON.stringify(cell.text)} is not a whole number of 0 or more`,
      'write the count in digits, e.g. 12; an empty cell, — or - means 0',
    );
  }
  return count;
}

/** One row per unit and period: a second one would be counted twice. Matched by name and by code. */
function checkDuplicate(row: ReportingRow, seen: Map<string, number>, context: Context): void {
  const keys = [`unit:${row.unit.replace(/\s+/g, '')}`, ...(row.code ? [`code:${row.code}`] : [])].map((key) => `${key}|${row.period}`);
  for (const key of keys) {
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw rowError(
        context,
        row.line,
        context.header.byField.unit!,
        `${JSON.stringify(row.unit)} has a second row for ${row.period} (the first is on line ${earlier})`,
        'keep one row per unit and period: add the counts together or correct the period',
      );
    }
  }
  for (const key of keys) seen.set(key, row.line);
}

function cellAt(row: GridRow, column: Column | undefined): GridCell {
  return column ? (row.cells[column.index] ?? EMPTY_CELL) : EMPTY_CELL;
}

function rowError(context: Context, line: number, column: Column, problem: string, fix: string): ConfigError {
  return new ConfigError(context.file, line, column.header, problem, fix);
}
