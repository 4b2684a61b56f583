/**
 * XLSX reporting tables through ExcelJS. Cells become text: a formula gives its cached result (the
 * formula itself is never evaluated nor kept), rich text and hyperlinks their visible text, and cells
 * under a merged cell the merged cell's content, so a 类别 or 季度 merged down a block applies to each row.
 */
import ExcelJS from 'exceljs';

import { ConfigError } from '../../common/config-errors.js';
import type { Grid, GridCell, GridRow } from './grid.js';

export async function xlsxGrid(bytes: Buffer, file: string, sheetName: string | undefined): Promise<Grid> {
  const workbook = await loadWorkbook(bytes, file);
  const worksheet = pickSheet(workbook, file, sheetName);
  const rows: GridRow[] = [];
  // Only the rows and cells the file holds: a sheet formatted down to row 1048576 stays cheap.
  worksheet.eachRow((row, line) => {
    const cells: GridCell[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(gridCell(row.getCell(column)));
    rows.push({ line, endLine: line, cells });
  });
  return { sheet: worksheet.name, rows };
}

async function loadWorkbook(bytes: Buffer, file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own `Buffer` type (an ArrayBuffer); at run time it takes Node's Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // JSZip's "Can't find end of central directory : is this a zip file ?" means it is not an XLSX at all.
    const reason = /zip/i.test(message) ? 'not a zip file, so not an .xlsx (or a damaged one)' : message;
    throw new ConfigError(file, 1, '(file)', `cannot be read as an XLSX workbook: ${reason}`, 'give the path of a table saved by Excel or WPS as .xlsx');
  }
  return workbook;
}

/** The named sheet, or else the first visible one (the one Excel opens on in most files). */
function pickSheet(workbook: ExcelJS.Workbook, file: string, name: string | undefined): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const names = sheets.map((sheet) => sheet.name).join(', ');
  if (name !== undefined) {
    const named = sheets.find((sheet) => sheet.name === name) ?? sheets.find((sheet) => sheet.name.trim() === name.trim());
    if (!named) throw new ConfigError(file, 1, 'sheet', `no sheet named ${JSON.stringify(name)}`, `sheets in this workbook: ${names || 'none'}`);
    return named;
  }
  const first = sheets.find((sheet) => sheet.state === 'visible') ?? sheets[0];
  if (!first) throw new ConfigError(file, 1, '(file)', 'has no sheets', 'give the path of the workbook that holds the reporting table');
  return first;
}

function gridCell(cell: ExcelJS.Cell): GridCell {
  const content = cellContent(cell.value);
  return cell.type === ExcelJS.ValueType.Merge ? { ...content, mergedCopy: true } : content;
}

function cellContent(value: ExcelJS.CellValue): GridCell {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), date: value };
  if (typeof value !== 'object') return { text: String(value).trim() };
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? { text: '', formulaWithoutResult: true } : cellContent(value.result);
  }
  if ('richText' in value)
    return {
      text: value.richText
        .map((run) => run.text)
        .join('')
        .trim(),
    };
  // A hyperlink's text may itself be rich text in files Excel wrote.
  if ('hyperlink' in value) return cellContent(value.text as ExcelJS.CellValue);
  if ('error' in value) return { text: value.error };
  return { text: '' };
}
