/**
 * Finding the header row of a reporting table under its title lines (2026年第三季度政务信息报送情况统计表,
 * 填报单位：…) and mapping its columns to fields.
 */
import { ConfigError } from '../../common/config-errors.js';
import type { Grid, GridRow } from './grid.js';
import { acceptedHeaders, COUNT_FIELDS, fieldOfHeader, FIELDS, type ReportingField } from './headers.js';

/** Tables put at most a few title and note lines above the header: it is sought in lines 1–10. */
const HEADER_SEARCH_ROWS = 10;

export interface Column {
  /** 0-based position in the row. */
  index: number;
  /** The header as written, line breaks inside it folded to one space (it is quoted in one-line messages). */
  header: string;
  field: ReportingField | null;
  /** The key of the row's `raw` record: the header, numbered when two columns have the same one. */
  rawKey: string;
}

export interface Header {
  line: number;
  endLine: number;
  /** Position of the header row in the grid. */
  rowIndex: number;
  columns: Column[];
  byField: Partial<Record<ReportingField, Column>>;
}

/** The first row within the first ten with a unit column and at least two count columns. */
export function findHeader(grid: Grid, file: string, periodGiven: boolean): Header {
  const rowIndex = grid.rows.findIndex((row) => row.line <= HEADER_SEARCH_ROWS && looksLikeHeader(columnsOf(row)));
  if (rowIndex < 0) throw noHeader(grid, file);
  const row = grid.rows[rowIndex]!;
  const columns = columnsOf(row);
  const byField = fieldsOf(columns, row.line, file);
  requireFields(byField, row.line, file, periodGiven);
  return { line: row.line, endLine: row.endLine, rowIndex, columns, byField };
}

function columnsOf(row: GridRow): Column[] {
  const columns: Column[] = [];
  const seen = new Map<string, number>();
  row.cells.forEach((cell, index) => {
    // A header merged over two columns names the first one only.
    const header = cell.mergedCopy ? '' : cell.text.replace(/\s+/g, ' ');
    if (!header) return;
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    columns.push({ index, header, field: fieldOfHeader(header), rawKey: count === 1 ? header : `${header} (${count})` });
  });
  return columns;
}

function looksLikeHeader(columns: Column[]): boolean {
  const fields = new Set(columns.map((column) => column.field));
  return fields.has('unit') && COUNT_FIELDS.filter((field) => fields.has(field)).length >= 2;
}

/** Two columns for one field (报送量 and 报送数) would leave us guessing which one counts. */
function fieldsOf(columns: Column[], line: number, file: string): Partial<Record<ReportingField, Column>> {
  const byField: Partial<Record<ReportingField, Column>> = {};
  for (const column of columns) {
    if (!column.field) continue;
    const earlier = byField[column.field];
    if (earlier) {
      throw new ConfigError(
        file,
        line,
        column.header,
        `names the same thing as the column ${JSON.stringify(earlier.header)}`,
        'keep one of the two columns, or rename the one that means something else',
      );
    }
    byField[column.field] = column;
  }
  return byField;
}

function requireFields(byField: Partial<Record<ReportingField, Column>>, line: number, file: string, periodGiven: boolean): void {
  for (const [field, spec] of Object.entries(FIELDS) as [ReportingField, (typeof FIELDS)[ReportingField]][]) {
    if (!spec.required || byField[field] || (field === 'period' && periodGiven)) continue;
    const also = field === 'period' ? ', or give the period of the whole table' : '';
    throw new ConfigError(file, line, spec.names[0]!, 'no such column in the header row', `add a column headed one of: ${acceptedHeaders(field)}${also}`);
  }
}

function noHeader(grid: Grid, file: string): ConfigError {
  const where = grid.sheet === null ? '' : ` of sheet ${JSON.stringify(grid.sheet)}`;
  const counts = COUNT_FIELDS.map((field) => FIELDS[field].names[0]).join(', ');
  return new ConfigError(
    file,
    1,
    '(header)',
    `no header row in the first ${HEADER_SEARCH_ROWS} rows${where}: none has a unit column and two count columns`,
    `head the unit column one of: ${acceptedHeaders('unit')}; and the count columns e.g. ${counts}${grid.sheet === null ? '' : ', or choose another sheet'}`,
  );
}
