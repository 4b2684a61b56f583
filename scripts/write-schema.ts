/**
 * npm run schema — writes indicators/indicator-set.schema.json, the published JSON Schema of indicator-set
 * files (from the TypeBox schema the loader checks against). Point an editor at it with a first line
 * `# yaml-language-server: $schema=…/indicator-set.schema.json` for completion and checks while typing.
 */
import { writeFileSync } from 'node:fs';
import { indicatorSetJsonSchema, schemaFile } from '../indicators/json-schema.js';

writeFileSync(schemaFile, indicatorSetJsonSchema());
console.log(`wrote ${schemaFile}`);
