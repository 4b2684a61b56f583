/**
 * npm run schema — writes the published JSON Schemas to schemas/: indicator-set.schema.json (from the
 * TypeBox schema the loader checks against; point an editor at it with a first line
 * `# yaml-language-server: $schema=…/indicator-set.schema.json` for completion while typing), and the
 * contracts between the phases (observations, measurements, results.json) generated from their types.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { indicatorSetJsonSchema, schemaFile } from '../indicators/json-schema.js';
import { contractSchemas, schemaDir } from './contract-schemas.js';

writeFileSync(schemaFile, indicatorSetJsonSchema());
console.log(`wrote ${schemaFile}`);
for (const [file, text] of contractSchemas()) {
  writeFileSync(join(schemaDir, file), text);
  console.log(`wrote ${join(schemaDir, file)}`);
}
