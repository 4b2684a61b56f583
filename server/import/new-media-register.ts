/**
 * Reads the evaluation office's register of 政务新媒体 accounts (CSV or XLSX, as offices keep it in Excel or WPS):
 * one row per account with the site it belongs to (its id in the sites file, or its name), the platform, the
 * account's name, optionally its link or ID, the last post date, and optionally the posts of the last two weeks
 * and the interaction columns. The header is found under title lines, each column by its synonyms
 * (new-media-headers.ts); the first cell that cannot be read stops the reading with a ConfigError naming the
 * file, the line and the column as written.
 */
import { createHash } from 'node:crypto';

import { ConfigError } from '../../common/config-errors.js';
import { parseDateValue } from '../../evaluators/lib/dates.js';
import type { NewMediaAccount, NewMediaObservation } from '../../evaluators/new-media.js';
import { parseCount } from './counts.js';
import { EMPTY_CELL, type Grid, type GridCell, type GridRow } from './grid.js';
import { isNoteLine } from './headers.js';
import { acceptedNewMediaHeaders, NEW_MEDIA_FIELDS, type NewMediaField, newMediaFieldOf, platformOf, yesNo } from './new-media-headers.js';
import { gridOf, readTableBytes } from './read-grid.js';

/** Title and note lines above the header: it is sought in the first ten lines, as in reporting tables. */
const HEADER_SEARCH_ROWS = 10;
const WHAT = 'new-media registers';
const DATE_EXAMPLES = '2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日, 20261120';
/** Ids listed in the message for an unknown site; a national sites file has thousands. */
const IDS_LISTED = 40;

export interface RegisterSite {
  id: string;
  name: string;
}

/** The register read: every site's accounts, by site id, and where it came from. */
export interface NewMediaRegister {
  source: NewMediaObservation['source'];
  headerLine: number;
  /** Accounts by site id, in the table's order; a site without rows has no entry. */
  bySite: Map<string, NewMediaAccount[]>;
  accounts: number;
}

interface Column {
  index: number;
  header: string;
}

type Columns = Partial<Record<NewMediaField, Column>>;

export async function readNewMediaRegister(file: string, sites: readonly RegisterSite[], sheet?: string): Promise<NewMediaRegister> {
  return registerFromBytes(await readTableBytes(file, WHAT), file, sites, sheet);
}

/** The register in bytes already read (an upload): `file` names it in errors and in the recorded source. */
export async function registerFromBytes(bytes: Buffer, file: string, sites: readonly RegisterSite[], sheet?: string): Promise<NewMediaRegister> {
  const grid = await gridOf(bytes, file, sheet, WHAT);
  return registerOf(grid, file, createHash('sha256').update(bytes).digest('hex'), sites);
}

/** The register in a grid already read (tests build grids in memory). */
export function registerOf(grid: Grid, file: string, sha256: string, sites: readonly RegisterSite[]): NewMediaRegister {
  const { rowIndex, line, columns } = findHeader(grid, file);
  const findSite = siteFinder(sites, file);
  const bySite = new Map<string, NewMediaAccount[]>();
  const seen = new Map<string, number>();
  let accounts = 0;
  for (const row of grid.rows.slice(rowIndex + 1)) {
    const read = readRow(row, columns, file, findSite);
    if (!read) continue;
    const key = `${read.siteId}|${read.account.platform}|${read.account.name.replace(/\s+/g, '')}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw rowError(
        file,
        row,
        columns.name!,
        `${read.account.platform}「${read.account.name}」 is listed twice (first on line ${earlier})`,
        'keep one row per account',
        `同一账号重复登记（首次见第 ${earlier} 行），每个账号只保留一行`,
      );
    seen.set(key, row.line);
    bySite.set(read.siteId, [...(bySite.get(read.siteId) ?? []), read.account]);
    accounts++;
  }
  return { source: { file, sha256, sheet: grid.sheet }, headerLine: line, bySite, accounts };
}

function findHeader(grid: Grid, file: string): { rowIndex: number; line: number; columns: Columns } {
  const rowIndex = grid.rows.findIndex((row) => row.line <= HEADER_SEARCH_ROWS && isHeader(columnsOf(row, file, false)));
  if (rowIndex < 0) {
    const where = grid.sheet === null ? '' : ` of sheet ${JSON.stringify(grid.sheet)}`;
    throw new ConfigError(
      file,
      1,
      '(header)',
      `no header row in the first ${HEADER_SEARCH_ROWS} rows${where}: none names the site, the platform and the account`,
      `head the columns e.g. 网站, 平台, 账号名称, 最后发布日期 (site column: one of ${acceptedNewMediaHeaders('site')})`,
      1,
      `前 ${HEADER_SEARCH_ROWS} 行中没有表头：请写明“网站”“平台”“账号名称”“最后发布日期”等列`,
    );
  }
  const row = grid.rows[rowIndex]!;
  const columns = columnsOf(row, file, true);
  for (const [field, spec] of Object.entries(NEW_MEDIA_FIELDS) as [NewMediaField, (typeof NEW_MEDIA_FIELDS)[NewMediaField]][]) {
    if (spec.required && !columns[field])
      throw new ConfigError(
        file,
        row.line,
        spec.names[0]!,
        'no such column in the header row',
        `add a column headed one of: ${acceptedNewMediaHeaders(field)}`,
        1,
        `表头中没有“${spec.names[0]}”列，可用的列名：${acceptedNewMediaHeaders(field)}`,
      );
  }
  return { rowIndex, line: row.line, columns };
}

const isHeader = (columns: Columns) => !!(columns.site && columns.platform && columns.name);

/** The columns a row names; `strict`: two columns for one field are an error (on the header row only). */
function columnsOf(row: GridRow, file: string, strict: boolean): Columns {
  const columns: Columns = {};
  row.cells.forEach((cell, index) => {
    const header = cell.mergedCopy ? '' : cell.text.replace(/\s+/g, ' ');
    const field = header ? newMediaFieldOf(header) : null;
    if (!field) return;
    const earlier = columns[field];
    if (earlier && strict)
      throw new ConfigError(
        file,
        row.line,
        header,
        `names the same thing as the column ${JSON.stringify(earlier.header)}`,
        'keep one of the two columns, or rename the one that means something else',
        1,
        `与“${earlier.header}”列含义相同，请保留其中一列`,
      );
    columns[field] ??= { index, header };
  });
  return columns;
}

function readRow(
  row: GridRow,
  columns: Columns,
  file: string,
  findSite: (text: string, row: GridRow, column: Column) => string,
): { siteId: string; account: NewMediaAccount } | null {
  const text = (field: NewMediaField) => cellAt(row, columns[field]).text;
  const filled = row.cells.filter((cell) => cell.text !== '');
  if (!filled.length || isNoteLine(filled[0]!.text)) return null;
  // A 序号 alone, or a section title over a block (市直部门): no platform and no account.
  if (!text('platform') && !text('name')) return null;
  for (const field of ['site', 'platform', 'name'] as const) {
    if (!text(field))
      throw rowError(
        file,
        row,
        columns[field]!,
        'is empty',
        `write the ${field === 'site' ? "site's id or name" : field === 'platform' ? 'platform, e.g. 微信公众号' : "account's name"}`,
        '该单元格为空，请填写',
      );
  }
  const siteId = findSite(text('site'), row, columns.site!);
  return {
    siteId,
    account: {
      platform: platformOf(text('platform')),
      name: text('name'),
      link: text('link') || null,
      lastPost: dateOf(row, columns.lastPost!, file),
      postsInTwoWeeks: countOf(row, columns.postsInTwoWeeks, file),
      interaction: interactionOf(row, columns.interaction, file),
      unanswered: countOf(row, columns.unanswered, file),
      line: row.line,
    },
  };
}

/** Empty, — or 无 is "not given" (not measured); anything else must be a date with a year. */
function dateOf(row: GridRow, column: Column, file: string): string | null {
  const cell = cellAt(row, column);
  if (cell.formulaWithoutResult) throw formulaError(file, row, column);
  if (cell.date) return cell.date.toISOString().slice(0, 10); // ExcelJS reads date cells as UTC midnight
  if (isBlank(cell.text)) return null;
  const date = parseDateValue(cell.text.normalize('NFKC'));
  if (!date)
    throw rowError(
      file,
      row,
      column,
      `${JSON.stringify(cell.text)} is not a date with a year`,
      `write the date of the last post, e.g. ${DATE_EXAMPLES}; leave it empty when unknown`,
      `“${cell.text}”不是完整日期，请写成如 2026-11-20 或 2026年11月20日；不清楚的留空`,
    );
  return date;
}

/** A count column: empty is "not given" (null), never 0 — the table does not say. */
function countOf(row: GridRow, column: Column | undefined, file: string): number | null {
  if (!column) return null;
  const cell = cellAt(row, column);
  if (cell.formulaWithoutResult) throw formulaError(file, row, column);
  if (cell.text === '') return null;
  const count = cell.date ? null : parseCount(cell.text);
  if (count === null)
    throw rowError(
      file,
      row,
      column,
      `${JSON.stringify(cell.text)} is not a whole number of 0 or more`,
      'write the count in digits, e.g. 3; leave it empty when unknown',
      `“${cell.text}”不是整数，请用数字填写，如 3；不清楚的留空`,
    );
  return count;
}

function interactionOf(row: GridRow, column: Column | undefined, file: string): boolean | null {
  if (!column) return null;
  const text = cellAt(row, column).text;
  const value = yesNo(text);
  if (value === undefined)
    throw rowError(
      file,
      row,
      column,
      `${JSON.stringify(text)} is neither yes nor no`,
      'write 是 or 否 (有/无 also do); leave it empty when unknown',
      `“${text}”应填写“是”或“否”`,
    );
  return value;
}

/** A site by its id, or else by its name (names compared without spaces); an unknown one lists the ids. */
function siteFinder(sites: readonly RegisterSite[], file: string) {
  const ids = new Map(sites.map((s) => [s.id.toLowerCase(), s.id]));
  const byName = new Map<string, string[]>();
  for (const s of sites) {
    const key = s.name.replace(/\s+/g, '');
    byName.set(key, [...(byName.get(key) ?? []), s.id]);
  }
  return (text: string, row: GridRow, column: Column): string => {
    const id = ids.get(text.trim().toLowerCase());
    if (id) return id;
    const named = byName.get(text.replace(/\s+/g, '')) ?? [];
    if (named.length === 1) return named[0]!;
    if (named.length > 1)
      throw rowError(
        file,
        row,
        column,
        `${JSON.stringify(text)} is the name of several sites (${named.join(', ')})`,
        'write the site id instead',
        `多个网站同名（${named.join('、')}），请改填网站标识`,
      );
    const listed = sites.slice(0, IDS_LISTED).map((s) => s.id);
    const more = sites.length > IDS_LISTED ? ` … (${sites.length - IDS_LISTED} more)` : '';
    throw rowError(
      file,
      row,
      column,
      `${JSON.stringify(text)} is no site of the sites file (neither an id nor a name)`,
      `write the id or name of a site in the sites file; ids: ${listed.join(', ')}${more}`,
      `站点文件中没有“${text}”这个网站，请填写网站标识或名称；现有标识：${listed.join('、')}${more}`,
    );
  };
}

const isBlank = (text: string) => /^(|-+|—+|–|\/|无|暂无|未知)$/.test(text.normalize('NFKC').replace(/\s+/g, ''));

function cellAt(row: GridRow, column: Column | undefined): GridCell {
  return column ? (row.cells[column.index] ?? EMPTY_CELL) : EMPTY_CELL;
}

function formulaError(file: string, row: GridRow, column: Column): ConfigError {
  return rowError(
    file,
    row,
    column,
    'is a formula whose result was never saved',
    'open the file in Excel or WPS and save it again, or type the value',
    '该单元格是未保存计算结果的公式，请在 Excel 或 WPS 中打开后重新保存',
  );
}

function rowError(file: string, row: GridRow, column: Column, problem: string, fix: string, zh: string): ConfigError {
  return new ConfigError(file, row.line, column.header, problem, fix, 1, `第 ${row.line} 行“${column.header}”列：${zh}`);
}
