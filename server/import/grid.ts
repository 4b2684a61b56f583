/**
 * A sheet or CSV file as rows of cell text, the common ground of the two readers. Everything is text:
 * cells are shown in HTML and written back to CSV/XLSX by other code, so nothing is ever evaluated.
 */

export interface GridCell {
  /** The cell as text, trimmed; for an XLSX formula, its cached result. */
  text: string;
  /** An XLSX date cell (the period column of a monthly sheet). */
  date?: Date;
  /** An XLSX formula whose result was never computed and saved (written by a program, not Excel). */
  formulaWithoutResult?: boolean;
  /** A cell covered by a merged cell, carrying the merged cell's content (not its own). */
  mergedCopy?: boolean;
}

export interface GridRow {
  /** 1-based line of the CSV file (where the record starts) or row number of the sheet. */
  line: number;
  /** The line it ends on: a CSV cell may hold line breaks. */
  endLine: number;
  cells: GridCell[];
}

export interface Grid {
  /** The sheet read; null for CSV. */
  sheet: string | null;
  rows: GridRow[];
}

export const EMPTY_CELL: GridCell = { text: '' };
