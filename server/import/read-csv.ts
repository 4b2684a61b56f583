/**
 * CSV reporting tables. Excel in China saves "CSV (逗号分隔)" in the system code page (GBK), Excel's
 * "CSV UTF-8" and WPS write UTF-8 with a BOM; so the bytes are taken as UTF-8 when they are valid UTF-8
 * and as GB18030 (a superset of GBK) otherwise.
 */
import { type Info, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

import { ConfigError } from '../../common/config-errors.js';
import type { Grid, GridRow } from './grid.js';

export function decodeCsv(bytes: Uint8Array): string {
  // A UTF-16 file (Excel's "Unicode text" renamed to .csv) announces itself with a BOM.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(Buffer.from(bytes), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(Buffer.from(bytes), 'utf-16be');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes), 'gb18030');
  }
  return text.replace(/^\uFEFF/, '');
}

export function csvGrid(bytes: Uint8Array, file: string): Grid {
  const text = decodeCsv(bytes);
  let records: { record: string[]; info: Info }[];
  try {
    // csv-parse's types do not follow `info: true`, which wraps each record with its position.
    records = parse(text, {
      info: true,
      relax_column_count: true, // title rows have one cell, data rows a dozen
      relax_quotes: true, // a quote inside an unquoted cell (某局"两微一端") is text
      skip_empty_lines: false, // every line counts, so that lines stay right
    }) as unknown as { record: string[]; info: Info }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(file, line, '(csv)', `cannot be read as CSV: ${reason}`, 'save the table from Excel or WPS as CSV, or as .xlsx');
  }
  // csv-parse counts the line a record ends on; a record starts the line after the previous one ends
  // (a header cell may hold line breaks).
  const rows: GridRow[] = [];
  let previousEnd = 0;
  for (const { record, info } of records) {
    rows.push({ line: previousEnd + 1, endLine: info.lines, cells: record.map((cell) => ({ text: cell.trim() })) });
    previousEnd = info.lines;
  }
  return { sheet: null, rows };
}
