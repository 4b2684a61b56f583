import { parseArgs } from 'node:util';

import { format } from 'date-fns';

import { startPortalSet } from './server/portal-set.js';

/**
 * npm run portals -- [--as-of YYYY-MM-DD] [--seed S] [--skin N] [--scale 50x200] [--port 8700] [--out .portals]
 * --skin: the markup every page is written in (render/skin/skin.ts); classic (0) by default.
 * Serves the sample government portals on loopback until interrupted and writes their ground truth.
 */
const { values } = parseArgs({
  options: {
    'as-of': { type: 'string', default: format(new Date(), 'yyyy-MM-dd') },
    seed: { type: 'string', default: 'govscore' },
    skin: { type: 'string', default: 'classic' },
    scale: { type: 'string' },
    port: { type: 'string', default: '8700' },
    out: { type: 'string', default: '.portals' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

const asOf = values['as-of']!;
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  console.error(`--as-of: expected a date like 2026-11-21, got "${asOf}"`);
  process.exit(2);
}
let scale: { portals: number; pagesPerPortal: number } | undefined;
if (values.scale) {
  const m = /^(\d+)x(\d+)$/.exec(values.scale);
  if (!m) {
    console.error(`--scale: expected PORTALSxPAGES such as 50x200, got "${values.scale}"`);
    process.exit(2);
  }
  scale = { portals: Number(m[1]), pagesPerPortal: Number(m[2]) };
}

const set = await startPortalSet({
  asOf,
  seed: values.seed!,
  scale,
  basePort: Number(values.port),
  outDir: values.out!,
  host: values.host!,
  skin: values.skin!,
});
console.log(`样例政府网站 sample portals — asOf ${asOf}, seed ${set.seed}, skin ${set.skin}`);
for (const p of set.portals) console.log(`  ${p.id.padEnd(10)} ${p.url.padEnd(26)} ${p.name}`);
console.log(`  interaction platform ${set.interactionUrl}/   dead host ${set.deadUrl}/`);
console.log(`ground truth: ${values.out}/<id>/truth.json, index: ${values.out}/index.json, sites file: ${values.out}/sites.json`);
console.log('Ctrl-C to stop.');
const stop = async () => {
  await set.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
