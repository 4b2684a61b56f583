/**
 * A table file (.xlsx or .csv) as a grid of cell text: what every imported table (reporting tables, the
 * new-media register) is read through. `what` names the table in messages (`reporting tables`).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

import { ConfigError } from '../../common/config-errors.js';
import type { Grid } from './grid.js';
import { csvGrid } from './read-csv.js';
import { xlsxGrid } from './read-xlsx.js';

export async function readGrid(file: string, sheet: string | undefined, what: string): Promise<Grid> {
  return gridOf(await readTableBytes(file, what), file, sheet, what);
}

/** The grid of bytes already read (a caller that also hashes them). */
export async function gridOf(bytes: Buffer, file: string, sheet: string | undefined, what: string): Promise<Grid> {
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') return xlsxGrid(bytes, file, sheet);
  if (extension === '.csv') return csvGrid(bytes, file);
  const kind = extension ? `${extension} files are` : 'a file without an extension is';
  throw new ConfigError(
    file,
    1,
    '(file)',
    `${kind} not read as ${what}`,
    'save the table as .xlsx or .csv (an old .xls: open it in Excel or WPS and save it as .xlsx)',
  );
}

export async function readTableBytes(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file (ENOENT)' : (code ?? (error instanceof Error ? error.message : String(error)));
    throw new ConfigError(file, 1, '(file)', `cannot be read: ${reason}`, `check the path of the ${what.replace(/s$/, '')}`);
  }
}
