/**
 * The workbook evaluation staff open in Excel or WPS: 排名 (ranking by peer group), one sheet per scored
 * category (each indicator's points per site), 问题清单 (every finding behind a deduction, veto or warning),
 * 问题变化 (when compared with an earlier run: each finding new, fixed, unchanged or not measured now),
 * 人工复核 (reviewers' overrides) and, when a register was given, 政务新媒体 (every registered account).
 * xlsx-sheets.ts decides what goes on each sheet; cells are written only through xlsx-table.ts, which keeps
 * crawled text inert.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

import ExcelJS from 'exceljs';

import type { FindingComparison } from './finding-changes.js';
import type { Results } from './results.js';
import { findingChangesTable } from './xlsx-finding-changes.js';
import { newMediaSheet } from './xlsx-new-media.js';
import { categoriesOf, categoryTable, dismissedTable, findingsTable, overridesTable, rankingOrder, rankingTable } from './xlsx-sheets.js';
import { addTable, uniqueSheetName } from './xlsx-table.js';

export const SHEETS = {
  ranking: '排名',
  findings: '问题清单',
  changes: '问题变化',
  dismissed: '已驳回问题',
  overrides: '人工复核',
  newMedia: '政务新媒体',
} as const;

/**
 * Writes the workbook to `file` (its folder is created), typically results.xlsx beside results.json.
 * Streamed, each sheet written out as soon as it is complete: a national run lists hundreds of thousands of
 * findings, far more than ExcelJS can hold in memory as cells (about 8 KB a row).
 */
export async function writeXlsx(results: Results, file: string, comparison: FindingComparison | null = null): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  addSheets(workbook, results, comparison, (sheet) => sheet.commit());
  await workbook.commit();
}

/** The same workbook held in memory, without touching the disk (for tests and callers that post-process it). */
export function buildWorkbook(results: Results, comparison: FindingComparison | null = null): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  addSheets(workbook, results, comparison);
  return workbook;
}

function addSheets(
  workbook: ExcelJS.Workbook,
  results: Results,
  comparison: FindingComparison | null,
  sheetDone: (sheet: ExcelJS.Worksheet) => void = () => {},
): void {
  workbook.creator = workbook.lastModifiedBy = 'govscore';
  workbook.title = results.assessment.name;
  const generated = new Date(results.assessment.generatedAt);
  if (!Number.isNaN(generated.getTime())) workbook.created = workbook.modified = generated;

  const sites = rankingOrder(results.sites);
  // The fixed sheets keep their names; a category called 排名 becomes 排名(2).
  const taken = new Set<string>(Object.values(SHEETS).map((name) => name.toLowerCase()));
  sheetDone(addTable(workbook, SHEETS.ranking, rankingTable(results, sites)));
  for (const category of categoriesOf(sites)) sheetDone(addTable(workbook, uniqueSheetName(category.name, taken), categoryTable(results, category, sites)));
  sheetDone(addTable(workbook, SHEETS.findings, findingsTable(results, sites)));
  if (comparison) sheetDone(addTable(workbook, SHEETS.changes, findingChangesTable(results, comparison, sites)));
  const dismissed = dismissedTable(results, sites);
  if (dismissed.rows.length) sheetDone(addTable(workbook, SHEETS.dismissed, dismissed));
  sheetDone(addTable(workbook, SHEETS.overrides, overridesTable(results, sites)));
  const accounts = newMediaSheet(results, sites);
  if (accounts) sheetDone(addTable(workbook, SHEETS.newMedia, accounts));
}
