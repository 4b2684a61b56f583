import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { launchBrowser } from '../evaluators/collect/browser.js';
import { startPortalSet } from './server/portal-set.js';

/**
 * npm run portals:screenshots -- [--as-of D] [--out DIR] [--pages home,column,article]
 * Homepage (and, with --pages, a column list and an article) of every sample portal as PNG, to look at.
 */
const { values } = parseArgs({
  options: {
    'as-of': { type: 'string', default: '2026-11-21' },
    out: { type: 'string', default: 'out/screenshots' },
    pages: { type: 'string', default: 'home' },
  },
});
const kinds = values.pages!.split(',');
await mkdir(values.out!, { recursive: true });
const set = await startPortalSet({ asOf: values['as-of']! });
const browser = await launchBrowser();
try {
  for (const p of set.portals) {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    const targets: Array<[string, string]> = [['home', p.url]];
    const column = p.truth.columns.find((c) => c.itemCount > 0)!;
    targets.push(['column', column.url], ['article', column.items[0]!.url]);
    for (const [kind, url] of targets.filter(([k]) => kinds.includes(k))) {
      await tab.goto(url, { waitUntil: 'networkidle0', timeout: 20_000 });
      const file = join(values.out!, `${p.id}-${kind}.png`);
      await tab.screenshot({ path: file as `${string}.png`, fullPage: true });
      console.log(file);
    }
    await tab.close();
  }
} finally {
  await browser.close();
  await set.close();
}
