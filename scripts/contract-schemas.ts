/**
 * The JSON Schemas of the contracts between the phases, generated from their TypeScript types so they
 * cannot drift apart: what collecting stores (observations), what evaluating gives the scoring
 * (measurements), what a run publishes (results.json) and what a re-check of its findings finds (recheck.json). Written to schemas/ by `npm run schema`,
 * beside the indicator-set schema; a unit test fails when a committed file is older than its type.
 */
import { fileURLToPath } from 'node:url';

import { createGenerator } from 'ts-json-schema-generator';

export const schemaDir = fileURLToPath(new URL('../schemas/', import.meta.url));

export const contracts = [
  { file: 'observations.schema.json', path: 'evaluators/evaluate-site.ts', type: 'StoredObservations', title: 'govscore stored observations of one site' },
  { file: 'measurements.schema.json', path: 'evaluators/site-measurements.ts', type: 'SiteMeasurements', title: 'govscore measurements of one site' },
  { file: 'results.schema.json', path: 'reports/results.ts', type: 'Results', title: 'govscore results.json' },
  { file: 'recheck.schema.json', path: 'reports/recheck.ts', type: 'RecheckResults', title: 'govscore recheck.json (整改复核)' },
] as const;

/** Each contract's schema as the text written to schemas/<file>. One TypeScript program serves them all (a few seconds). */
export function contractSchemas(): Map<string, string> {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const generator = createGenerator({
    path: `${root}{${contracts.map((c) => c.path).join(',')}}`,
    tsconfig: `${root}tsconfig.json`,
    skipTypeCheck: true,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
  });
  return new Map(
    contracts.map((c) => {
      const { $schema: _draft, ...schema } = generator.createSchema(c.type);
      const document = { $schema: 'http://json-schema.org/draft-07/schema#', $id: `https://govscore.example/${c.file}`, title: c.title, ...schema };
      return [c.file, JSON.stringify(document, null, 2) + '\n'];
    }),
  );
}
