/**
 * The Tab walk by focus against the key walk on saved pages we did not write: `npx tsx scripts/tab-walk-compare.ts
 * DIR [--gov]`. Each page (DIR/manifest.csv marks the government ones) gets the page checks as the crawl runs them;
 * where the walk was made by focus, the page is loaded again with a keydown listener that does nothing, which sends
 * the walk back to the keys, and the two walks are compared: the focus order kept, the elements whose look focus
 * did not change (2.4.7) and a keyboard trap. Prints the counts and each page where they differ.
 */
import { parseArgs } from 'node:util';

import { type PageCheckResult, runPageChecks } from '../evaluators/collect/page-checks.js';
import { savedPages, visitSavedPages } from './lib/saved-pages.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { gov: { type: 'boolean' } } });
if (!positionals[0]) {
  console.error('usage: npx tsx scripts/tab-walk-compare.ts DIR [--gov]   (every .html/.htm under DIR; --gov: the manifest’s government pages only)');
  process.exit(2);
}
const dir = positionals[0];
const pages = savedPages(dir).filter((p) => !values.gov || p.gov);
const outcome = (r: PageCheckResult) =>
  JSON.stringify([r.keyboard?.order, r.issues.find((i) => i.check === 'focus-not-visible')?.count ?? 0, r.issues.some((i) => i.check === 'keyboard-trap')]);
const differing: string[] = [];
let byFocus = 0;
await visitSavedPages(dir, pages, async (tab, page, opened) => {
  if (opened.error) return;
  const focus = await runPageChecks(tab, { role: 'page', motionMs: 500 });
  if (focus.keyboard?.walk !== 'focus') return;
  byFocus++;
  await tab.reload({ waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
  await tab.evaluate(() => window.addEventListener('keydown', () => undefined));
  const keys = await runPageChecks(tab, { role: 'page', motionMs: 500 });
  if (keys.keyboard?.walk !== 'keys' || outcome(focus) !== outcome(keys))
    differing.push(`${page.file}: by focus ${outcome(focus)}; by keys (${keys.keyboard?.walk}) ${outcome(keys)}`);
});
console.log(`pages ${pages.length}; walked by focus ${byFocus}; the key walk the same on ${byFocus - differing.length}, different on ${differing.length}`);
for (const line of differing) console.log(`  ${line}`);
