/**
 * Errors for hand-written YAML/JSON config files (sites files, indicator sets). A person fixes these
 * files in an editor, so every problem becomes one line naming the file, the line and the field, the
 * way compilers do: `<file>:<line>: <field>: <what is wrong> (<how to fix>)`.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value, type ValueError, ValueErrorType } from '@sinclair/typebox/value';
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** Where a value sits in the parsed data: map keys and sequence indices, outermost first. */
export type ConfigPath = readonly (string | number)[];

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    /** Dotted path as written in the file, e.g. `sites[1].url`; `(syntax)` for YAML syntax errors. */
    readonly field: string,
    readonly problem: string,
    readonly fix: string,
    readonly column = 1,
    /** The problem and its fix in Chinese, for the web app's forms (the CLI line stays as above); absent where none was written. */
    readonly zh?: string,
  ) {
    super(`${file}:${line}: ${field}: ${problem} (${fix})`);
    this.name = 'ConfigError';
  }
}

/** A parsed config file, kept together so that any later check can point at a line. */
export interface YamlSource {
  file: string;
  text: string;
  doc: Document;
  lineCounter: LineCounter;
  /** Plain data (`doc.toJS()`). */
  value: unknown;
}

/**
 * Parses YAML or JSON (JSON is YAML). The core schema is forced so that `asOf: 2026-11-21` stays a
 * string even under a `%YAML 1.1` directive, and yes/no stay strings rather than booleans.
 */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = linePos(text, lineCounter, syntax.pos[0]);
    throw new ConfigError(
      file,
      line,
      '(syntax)',
      syntax.message,
      'fix the YAML syntax at this line',
      col,
      `YAML 格式有误，请检查该行的缩进、冒号和引号（解析器提示：${syntax.message.split('\n')[0]}）`,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS(); // throws on alias bombs
  } catch (error) {
    throw new ConfigError(
      file,
      1,
      '(syntax)',
      error instanceof Error ? error.message : String(error),
      'simplify the YAML',
      1,
      '文件结构过于复杂（如大量别名引用），请简化',
    );
  }
  return { file, text, doc, lineCounter, value };
}

/** `['sites', 1, 'url']` → `sites[1].url`. */
export function formatField(path: ConfigPath): string {
  if (path.length === 0) return '(root)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/**
 * 1-based line and column of the value at `path`. For a map entry this is its key, so that a block
 * value (`sites:` followed by a list) points at `sites:`. A path that does not exist (a missing field)
 * falls back to the nearest existing parent.
 */
export function locate(source: YamlSource, path: ConfigPath): { line: number; column: number } {
  let node: unknown = source.doc.contents;
  let offset = isNode(node) && node.range ? node.range[0] : 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key));
      if (!pair) break;
      if (isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!isNode(node) || !node.range) break;
      offset = node.range[0];
    } else break;
  }
  const { line, col } = linePos(source.text, source.lineCounter, offset);
  return { line, column: col };
}

/** A ConfigError pointing at `path`. */
export function configErrorAt(source: YamlSource, path: ConfigPath, problem: string, fix: string, zh?: string): ConfigError {
  const { line, column } = locate(source, path);
  return new ConfigError(source.file, line, formatField(path), problem, fix, column, zh);
}

/**
 * Validates `source.value` against a TypeBox schema and throws the first error as a ConfigError. The
 * "how to fix" part is the failing schema's `description`, so schemas should describe fields in words
 * a person editing the file can act on (they double as the published JSON Schema's docs).
 */
export function checkSchema(source: YamlSource, schema: TSchema): void {
  const first = Value.Errors(schema, source.value).First();
  if (!first) return;
  const path = toConfigPath(first.path, source.value);
  const { problem, fix, zh } = describeValueError(first, path);
  throw configErrorAt(source, path, problem, fix, zh);
}

/** A schema's complaint about the value at `path` in words: what is wrong, how to fix it, and both in Chinese. */
export function describeValueError(error: ValueError, path: ConfigPath): { problem: string; fix: string; zh: string } {
  const hint = typeof error.schema.description === 'string' ? error.schema.description : 'see the documentation of this file';
  // The schemas' descriptions are English (they are the published JSON Schema's docs): quoted after the Chinese.
  const zhHint = typeof error.schema.description === 'string' ? `（字段说明：${error.schema.description}）` : '';
  const v = error.value;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { problem: 'missing', fix: `add it: ${hint}`, zh: `缺少该字段，请补上${zhHint}` };
    case ValueErrorType.ObjectAdditionalProperties: {
      const known = Object.keys((error.schema.properties ?? {}) as object);
      const near = closest(String(path[path.length - 1]), known);
      return {
        problem: 'unknown field',
        fix: near ? `did you mean ${near}?` : `known fields here: ${known.join(', ')}`,
        zh: near ? `没有这个字段，是否应为 ${near}？` : `没有这个字段，此处可用的字段：${known.join('、')}`,
      };
    }
    case ValueErrorType.Boolean:
      return {
        problem: `expected true or false, got ${kind(v)}`,
        fix: 'write true or false, without quotes',
        zh: `应为 true 或 false（不加引号），实际为${kindZh(v)}`,
      };
    case ValueErrorType.String:
      return {
        problem: `expected text, got ${kind(v)}`,
        fix: v === null ? `give it a value: ${hint}` : `put it in quotes: ${hint}`,
        zh: v === null || v === undefined ? `该字段没有填写内容${zhHint}` : `应为文字，实际为${kindZh(v)}，请加引号${zhHint}`,
      };
    case ValueErrorType.Number:
    case ValueErrorType.Integer:
      return {
        problem: `expected a number, got ${kind(v)}`,
        fix: hint,
        zh: `应为${error.type === ValueErrorType.Integer ? '整数' : '数字'}（不加引号），实际为${kindZh(v)}${zhHint}`,
      };
    case ValueErrorType.Object:
      return { problem: `expected a mapping of fields, got ${kind(v)}`, fix: hint, zh: `应为若干“字段: 值”，实际为${kindZh(v)}${zhHint}` };
    case ValueErrorType.Array:
      return { problem: `expected a list, got ${kind(v)}`, fix: hint, zh: `应为列表（每项以“- ”开头），实际为${kindZh(v)}${zhHint}` };
    case ValueErrorType.StringMinLength:
      return { problem: 'is empty', fix: hint, zh: `不能为空${zhHint}` };
    case ValueErrorType.ArrayMinItems:
      return { problem: 'has no entries', fix: hint, zh: `列表中没有任何项${zhHint}` };
    case ValueErrorType.StringPattern:
      return { problem: `${JSON.stringify(v)} is not in the expected form`, fix: hint, zh: `${JSON.stringify(v)} 的格式不对${zhHint}` };
    default:
      return { problem: error.message, fix: hint, zh: `内容不符合要求（${error.message}）${zhHint}` };
  }
}

/** TypeBox paths are JSON pointers (`/sites/1/url`); indices become numbers where the data is a list. */
function toConfigPath(pointer: string, root: unknown): ConfigPath {
  const path: (string | number)[] = [];
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const step = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    path.push(step);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined;
  }
  return path;
}

function kindZh(v: unknown): string {
  if (v === null || v === undefined) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'object') return '若干字段';
  return typeof v === 'string' ? `文字 ${JSON.stringify(v)}` : `${typeof v === 'number' ? '数字' : typeof v} ${String(v)}`;
}

function kind(v: unknown): string {
  if (v === null || v === undefined) return 'no value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'string' ? `the text ${JSON.stringify(v)}` : `the ${typeof v} ${String(v)}`;
}

/** The known name a typo most likely meant: the same ignoring case, or one or two edits away. */
export function closest(name: string, known: readonly string[]): string | undefined {
  const limit = name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Edit distance where swapping two neighbours counts as one edit (`ulr` → `url`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const at = (x: number, y: number) => d[x]![y]!;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Errors at the very end of the input (an unclosed bracket) are reported on the last written line. */
function linePos(text: string, lineCounter: LineCounter, offset: number): { line: number; col: number } {
  const last = Math.max(0, text.trimEnd().length - 1);
  const pos = lineCounter.linePos(Math.min(offset, last));
  return { line: Math.max(1, pos.line), col: Math.max(1, pos.col) };
}
