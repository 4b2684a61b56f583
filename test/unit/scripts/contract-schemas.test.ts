import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

import { contracts, contractSchemas, schemaDir } from '../../../scripts/contract-schemas.js';

describe('the published contract schemas (schemas/)', () => {
  const generated = contractSchemas();

  it('are what the types give today (run `npm run schema` after changing a contract type)', () => {
    for (const c of contracts) expect(readFileSync(join(schemaDir, c.file), 'utf8'), c.file).toBe(generated.get(c.file));
  });

  it('reject what breaks the contract: an unknown field, a missing one, a wrong type', () => {
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(generated.get('results.schema.json')!));
    const assessment = {
      runId: 'r',
      name: 'n',
      asOf: '2026-11-21',
      indicatorSet: { id: 'x', version: '1', sha256: 'a', title: 't' },
      crawl: { userAgent: 'u', robots: 'respect' },
      evidenceDir: 'evidence',
      generatedAt: '2026-11-21T00:00:00Z',
    };
    expect(validate({ assessment, sites: [] })).toBe(true);
    expect(validate({ assessment, sites: [], extra: 1 })).toBe(false);
    expect(validate({ assessment: { ...assessment, crawl: { userAgent: 'u', robots: 'sometimes' } }, sites: [] })).toBe(false);
    const { asOf: _asOf, ...withoutDate } = assessment;
    expect(validate({ assessment: withoutDate, sites: [] })).toBe(false);
  });
});
