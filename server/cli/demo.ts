import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { format } from 'date-fns';

import { startPortalSet } from '../../portals/server/portal-set.js';
import { assess } from './assess.js';

/**
 * `govscore demo`: the sample government portals on loopback (no internet needed), assessed end to end.
 * Each demo starts from an empty store, since the portals' ports (and so the sites file) change.
 */
export async function demo(options: { out: string; asOf?: string }): Promise<void> {
  const asOf = options.asOf ?? format(new Date(), 'yyyy-MM-dd');
  const out = resolve(options.out);
  await rm(join(out, 'govscore.db'), { force: true });
  await rm(join(out, 'govscore.db-wal'), { force: true });
  await rm(join(out, 'govscore.db-shm'), { force: true });
  const portals = await startPortalSet({ asOf, seed: 'demo', outDir: join(out, 'portals') });
  console.log(`sample portals (asOf ${asOf}):`);
  for (const p of portals.portals) console.log(`  ${p.id.padEnd(5)} ${p.url}  ${p.name}`);
  try {
    const { outputs } = await assess({ sitesFile: join(out, 'portals', 'sites.json'), out, asOf, progress: true });
    console.log(`\nOpen the report: ${outputs.report}\nGround truth of the sample portals: ${join(out, 'portals')}/<id>/truth.json`);
  } finally {
    await portals.close();
  }
}
