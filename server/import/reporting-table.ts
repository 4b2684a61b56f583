/**
 * Reads an imported government-information reporting table (政务信息报送统计表): one row per department
 * and period with the items it submitted (报送), those adopted by 国办 / 省 / 市, leaders' instructions
 * (批示) and its quota — the input of the `info-reporting` preset. Offices make these tables by hand
 * in Excel or WPS, so the reader finds the header under title lines, knows each office's wording of
 * the columns (headers.ts), skips 合计 and note rows, and stops at the first cell it cannot read with
 * a ConfigError naming the file, the line and the column as written.
 */
import { ConfigError } from '../../common/config-errors.js';
import { findHeader } from './columns.js';
import { normalisePeriod, PERIOD_EXAMPLES } from './periods.js';
import { readGrid } from './read-grid.js';
import { readRows, type ReportingRow } from './rows.js';

/** One department's row: the counts the reporting evaluator reads, and where they came from. */
export interface ReportingTable {
  file: string;
  /** The sheet read; null for CSV. */
  sheet: string | null;
  headerLine: number;
  columns: { header: string; field: string | null }[];
  rows: ReportingRow[];
  /** Distinct periods, sorted. */
  periods: string[];
}

export interface ReadReportingOptions {
  /** XLSX: the sheet to read (default: the first visible one). */
  sheet?: string;
  /** The period of the whole table when it has no period column, or of rows whose period cell is empty. */
  period?: string;
}

export async function readReportingTable(file: string, options: ReadReportingOptions = {}): Promise<ReportingTable> {
  const tablePeriod = options.period === undefined ? null : periodOption(file, options.period);
  const grid = await readGrid(file, options.sheet, 'reporting tables');
  const header = findHeader(grid, file, tablePeriod !== null);
  const rows = readRows(grid.rows.slice(header.rowIndex + 1), { file, header, tablePeriod });
  return {
    file,
    sheet: grid.sheet,
    headerLine: header.line,
    columns: header.columns.map(({ header, field }) => ({ header, field })),
    rows,
    periods: [...new Set(rows.map((row) => row.period))].sort(),
  };
}

/** The id of a row's unit for joining periods and tables: its code when the table has one. */
export function reportingUnitId(row: Pick<ReportingRow, 'unit' | 'code'>): string {
  return row.code ?? row.unit;
}

function periodOption(file: string, period: string): string {
  const normalised = normalisePeriod(period);
  if (!normalised)
    throw new ConfigError(file, 1, 'period', `${JSON.stringify(period)} is not a period`, `give a month, quarter, half-year or year, e.g. ${PERIOD_EXAMPLES}`);
  return normalised;
}
