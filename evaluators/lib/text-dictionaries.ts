import { type Info, parse } from 'csv-parse/sync';

import { ConfigError } from '../../common/config-errors.js';

/**
 * The dictionaries of the wording check (错敏信息), kept by the evaluation office as CSV tables that Excel or
 * WPS save, one file each, with a header row (Chinese or English column names):
 *
 * - `leaders.csv` — 姓名,职务,状态,说明 (name,title,status,note): a leader, the titles they hold now (several
 *   separated by 、 or /) and 在任 or 离任 (current, retired). A name next to another title of the file, or a
 *   离任 leader next to any title (not after 原/前/时任), is a suspected wrong title.
 * - `wording.csv` — 错误写法,正确写法,说明 (wrong,right,note): a wrong form and the right one (错别字, 不规范表述).
 * - `sensitive.csv` — 词语,类别,整词,说明 (term,category,whole_word,note): a term that must not appear; 整词
 *   是/否 (yes/no, default 否) asks for it to stand as a word of its own (word boundaries by Intl.Segmenter).
 *
 * Every file is optional; at least one must be there. A mistake stops at once with file, line and field.
 */

export const dictionaryFileNames = ['leaders.csv', 'wording.csv', 'sensitive.csv'] as const;
export type DictionaryFileName = (typeof dictionaryFileNames)[number];

/** A dictionary file as read (and as stored with a run: its text and sha256, so a re-score is reproducible). */
export interface DictionaryFile {
  name: DictionaryFileName;
  text: string;
  sha256: string;
}

/** Where a run's dictionaries came from and what they were. */
export interface DictionarySource {
  /** The folder given (`--dictionaries`, the sites file's `dictionaries`) or `builtin` for the shipped examples. */
  source: string;
  files: DictionaryFile[];
}

export interface LeaderEntry {
  name: string;
  titles: string[];
  retired: boolean;
  note: string;
  line: number;
}
export interface WordingEntry {
  wrong: string;
  right: string;
  note: string;
  line: number;
}
export interface SensitiveEntry {
  term: string;
  category: string;
  wholeWord: boolean;
  note: string;
  line: number;
}

export interface TextDictionaries {
  leaders: LeaderEntry[];
  wording: WordingEntry[];
  sensitive: SensitiveEntry[];
}

interface Column {
  key: string;
  names: string[];
  required: boolean;
}

const columns: Record<DictionaryFileName, Column[]> = {
  'leaders.csv': [
    { key: 'name', names: ['姓名', 'name'], required: true },
    { key: 'title', names: ['职务', 'title'], required: true },
    { key: 'status', names: ['状态', 'status'], required: true },
    { key: 'note', names: ['说明', '备注', 'note'], required: false },
  ],
  'wording.csv': [
    { key: 'wrong', names: ['错误写法', 'wrong'], required: true },
    { key: 'right', names: ['正确写法', 'right'], required: true },
    { key: 'note', names: ['说明', '备注', 'note'], required: false },
  ],
  'sensitive.csv': [
    { key: 'term', names: ['词语', 'term'], required: true },
    { key: 'category', names: ['类别', 'category'], required: false },
    { key: 'whole_word', names: ['整词', 'whole_word'], required: false },
    { key: 'note', names: ['说明', '备注', 'note'], required: false },
  ],
};

const current = new Set(['在任', 'current']);
const retired = new Set(['离任', '退休', 'retired']);
const yes = new Set(['是', 'yes', 'true', '1']);
const no = new Set(['否', 'no', 'false', '0', '']);

/** Parses the files of a dictionary folder; `dir` names them in errors (`<dir>/leaders.csv:7: 职务: …`). */
export function parseDictionaries(files: DictionaryFile[], dir: string): TextDictionaries {
  const out: TextDictionaries = { leaders: [], wording: [], sensitive: [] };
  for (const file of files) {
    const path = `${dir}/${file.name}`;
    const rows = tableRows(file, path);
    for (const row of rows) {
      const cell = (key: string) => row.cells[key] ?? '';
      const fail = (key: string, problem: string, fix: string) => {
        throw new ConfigError(path, row.line, row.header[key] ?? key, problem, fix);
      };
      const need = (key: string) => cell(key) || fail(key, 'is empty', 'fill it in or delete the row');
      if (file.name === 'leaders.csv') {
        const status = cell('status');
        if (!current.has(status) && !retired.has(status)) fail('status', `${status || '(empty)'} is not a status`, 'write 在任 or 离任');
        const titles = need('title')
          .split(/[、/／]/)
          .map((t) => t.trim())
          .filter(Boolean);
        out.leaders.push({ name: need('name'), titles, retired: retired.has(status), note: cell('note'), line: row.line });
      } else if (file.name === 'wording.csv') {
        const wrong = need('wrong');
        const right = need('right');
        if (wrong === right) fail('right', 'is the same as the wrong form', 'write the right form, or delete the row');
        out.wording.push({ wrong, right, note: cell('note'), line: row.line });
      } else {
        const whole = cell('whole_word').toLowerCase();
        if (!yes.has(whole) && !no.has(whole))
          fail('whole_word', `${whole} is not 是 or 否`, 'write 是 (the term must stand as a word) or 否 (anywhere in the text)');
        out.sensitive.push({ term: need('term'), category: cell('category') || '敏感词', wholeWord: yes.has(whole), note: cell('note'), line: row.line });
      }
    }
  }
  return out;
}

interface TableRow {
  line: number;
  cells: Record<string, string>;
  /** The header's own spelling of each column, for error messages. */
  header: Record<string, string>;
}

/** The data rows of a file with a header naming its columns; blank lines and lines starting with # are skipped. */
function tableRows(file: DictionaryFile, path: string): TableRow[] {
  let records: Array<{ record: string[]; info: Info }>;
  try {
    records = parse(file.text.replace(/^\uFEFF/, ''), { info: true, relax_column_count: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new ConfigError(
      path,
      line,
      '(csv)',
      `cannot be read as CSV: ${error instanceof Error ? error.message : String(error)}`,
      'save the table as CSV (UTF-8)',
    );
  }
  // csv-parse gives the line a record ends on; a record starts the line after the previous one ended.
  let previousEnd = 0;
  const rows = records.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    return { line, cells: record.map((c) => c.trim()) };
  });
  const data = rows.filter((r) => r.cells.some(Boolean) && !r.cells[0]!.startsWith('#'));
  const head = data.shift();
  if (!head)
    throw new ConfigError(path, 1, '(header)', 'has no header row', `start the file with a header: ${columns[file.name].map((c) => c.names[0]).join(',')}`);
  const positions = new Map<string, number>();
  const header: Record<string, string> = {};
  head.cells.forEach((name, index) => {
    const column = columns[file.name].find((c) => c.names.some((n) => n.toLowerCase() === name.toLowerCase()));
    if (!column)
      throw new ConfigError(
        path,
        head.line,
        name || `(column ${index + 1})`,
        'is not a column of this file',
        `use ${columns[file.name].map((c) => c.names.join('/')).join(', ')}`,
        index + 1,
      );
    positions.set(column.key, index);
    header[column.key] = name;
  });
  for (const c of columns[file.name])
    if (c.required && !positions.has(c.key))
      throw new ConfigError(path, head.line, c.names[0]!, 'column is missing from the header', `add a ${c.names.join('/')} column`);
  return data.map((r) => {
    if (r.cells.length > head.cells.length)
      throw new ConfigError(path, r.line, '(row)', `has ${r.cells.length} cells, the header ${head.cells.length}`, 'quote a cell holding a comma');
    return { line: r.line, header, cells: Object.fromEntries([...positions].map(([key, i]) => [key, r.cells[i] ?? ''])) };
  });
}
