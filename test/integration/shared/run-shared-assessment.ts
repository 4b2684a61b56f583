/**
 * The shared assessment's own process (see shared-assessment.ts): serves the six sample portals, runs
 * `govscore assess` on them as a user would, writes done.json with the command's exit code and output,
 * then stops serving. Usage: node --import tsx run-shared-assessment.ts <dir>
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { startPortalSet } from '../../../portals/server/portal-set.js';
import { runCli, writeSitesFile } from '../cli-helpers.js';
import { hostileName, sharedAsOf, sharedIds, type SharedPortals, type SharedRunOutcome, sharedSeed, sharedSkin } from './shared-assessment.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: run-shared-assessment.ts <dir>');

const set = await startPortalSet({ asOf: sharedAsOf, seed: sharedSeed, skin: sharedSkin });
let outcome: SharedRunOutcome;
try {
  const sitesFile = await writeSitesFile(dir, set, sharedIds, [
    { id: 'dead', name: '已关停的网站', url: `${set.deadUrl}/`, group: '市直部门' },
    { id: 'hostile', name: hostileName, url: `${set.deadUrl}/x`, group: '市直部门' },
  ]);
  const portals: SharedPortals = { deadUrl: set.deadUrl, portals: set.portals.map((p) => ({ id: p.id, name: p.name, url: p.url, truth: p.truth })) };
  await writeFile(join(dir, 'portals.json'), JSON.stringify(portals));
  // axe on the default sample of pages; Lighthouse is tested on two portals of its own (lighthouse.test.ts):
  // its runs take turns, and six of them were the longest part of this run.
  outcome = await runCli(['assess', sitesFile, '--out', join(dir, 'out'), '--lighthouse-pages', '0'], 1_000_000);
} catch (error) {
  outcome = { code: -1, stdout: '', stderr: String(error instanceof Error ? error.stack : error) };
} finally {
  await set.close();
}
await writeFile(join(dir, 'done.json'), JSON.stringify(outcome));
