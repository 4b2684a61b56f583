import { fileURLToPath } from 'node:url';

import { IndicatorSetSchema } from './types.js';

/** Where the published schema lives (committed in schemas/, kept equal to the TypeBox schema by a unit test). */
export const schemaFile = fileURLToPath(new URL('../schemas/indicator-set.schema.json', import.meta.url));

/** The indicator-set schema as a standalone JSON Schema (draft 2020-12) document. */
export function indicatorSetJsonSchema(): string {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://govscore.example/indicator-set.schema.json',
    ...JSON.parse(JSON.stringify(IndicatorSetSchema)),
  };
  return JSON.stringify(schema, null, 2) + '\n';
}
