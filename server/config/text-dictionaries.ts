/**
 * Where a run's dictionaries for the wording check come from: a folder an evaluation office keeps
 * (`--dictionaries DIR`, or `dictionaries:` in the sites file — the campaign's setting), or the examples we
 * ship (evaluators/data/text-dictionaries/, fictional leaders). Read once, checked at once (a mistake names
 * file, line and field), and stored with the run by text and sha256, so a re-score reads what the run used.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ConfigError } from '../../common/config-errors.js';
import {
  type DictionaryFile,
  type DictionaryFileName,
  dictionaryFileNames,
  type DictionarySource,
  parseDictionaries,
} from '../../evaluators/lib/text-dictionaries.js';
import { decodeCsv } from '../import/read-csv.js';

/** The run option (runs.options_json) holding a run's dictionaries. */
export const textDictionariesOption = 'textDictionaries';

/** A run's dictionaries as stored with it; null for a run stored before the text checks. */
export function storedDictionaries(options: Record<string, unknown> | undefined): DictionarySource | null {
  const stored = options?.[textDictionariesOption] as DictionarySource | undefined;
  return stored && Array.isArray(stored.files) ? stored : null;
}

/** The shipped examples: what a run uses when neither the command nor the sites file names a folder. */
export const builtinDictionaries = 'builtin';
const builtinDir = fileURLToPath(new URL('../../evaluators/data/text-dictionaries/', import.meta.url));

export function loadDictionaries(dir: string = builtinDictionaries): DictionarySource {
  const path = dir === builtinDictionaries ? builtinDir : dir;
  let names: string[];
  try {
    names = readdirSync(path).filter((n) => n.toLowerCase().endsWith('.csv'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : String(error);
    throw new ConfigError(dir, 1, '--dictionaries', `cannot be read: ${reason}`, 'give the folder holding leaders.csv, wording.csv and/or sensitive.csv');
  }
  const unknown = names.find((n) => !(dictionaryFileNames as readonly string[]).includes(n));
  if (unknown)
    throw new ConfigError(
      join(dir, unknown),
      1,
      '(file)',
      'is not a dictionary of the wording check',
      `name it ${dictionaryFileNames.join(', ')}, or move it away`,
    );
  if (!names.length) throw new ConfigError(dir, 1, '--dictionaries', 'holds no dictionary', `add at least one of ${dictionaryFileNames.join(', ')}`);
  const files: DictionaryFile[] = names.sort().map((name) => {
    const bytes = readFileSync(join(path, name));
    return { name: name as DictionaryFileName, text: decodeCsv(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  parseDictionaries(files, dir);
  return { source: dir, files };
}
