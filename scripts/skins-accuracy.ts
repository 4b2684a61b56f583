/**
 * npm run skins -- [--skins 20 | --seeds 0,3,7] [--families zfw,jyj,…] [--as-of 2026-11-21] [--max-pages 300]
 *                  [--out out/skins-accuracy.json] [--notes FILE] [--merge PREVIOUS.json]
 *
 * Serves the sample portals under each skin (portals/render/skin), runs govscore's real collection,
 * evaluation and scoring on them, compares with the truth (portals/compare) and prints accuracy per
 * skin and per measurement. The crawl skips axe, Lighthouse and link checking: they measure nothing here.
 * --notes writes a Markdown status with the markup behind every wrong measurement, for the reader's developers.
 * --merge keeps the figures of the skins a previous run measured and this one does not (runs in parts).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

import { launchBrowser } from '../evaluators/collect/browser.js';
import type { PortalFigures } from '../portals/compare/portal-figures.js';
import { figureTable, statusNotes, summarize } from '../portals/compare/skin-figures.js';
import { accuracyCollectOptions, runSkin } from '../portals/compare/skin-run.js';
import { sampleProfiles } from '../portals/model/profiles/index.js';

const { values } = parseArgs({
  options: {
    skins: { type: 'string', default: '20' },
    seeds: { type: 'string' },
    families: { type: 'string', default: sampleProfiles.map((p) => p.id).join(',') },
    'as-of': { type: 'string', default: '2026-11-21' },
    'max-pages': { type: 'string', default: String(accuracyCollectOptions.maxPages) },
    out: { type: 'string', default: 'out/skins-accuracy.json' },
    notes: { type: 'string' },
    merge: { type: 'string' },
  },
});

const seeds = values.seeds ? values.seeds.split(',').map((s) => s.trim()) : Array.from({ length: Number(values.skins) }, (_, i) => String(i + 1));
const families = values.families!.split(',').map((s) => s.trim());
const unknown = families.filter((f) => !sampleProfiles.some((p) => p.id === f));
if (unknown.length || seeds.some((s) => !s) || !/^\d{4}-\d{2}-\d{2}$/.test(values['as-of']!)) {
  console.error(
    `usage: --skins N | --seeds a,b  --families ${sampleProfiles.map((p) => p.id).join(',')}  --as-of YYYY-MM-DD${unknown.length ? `  (unknown family ${unknown.join(', ')})` : ''}`,
  );
  process.exit(2);
}

const started = performance.now();
const collect = { ...accuracyCollectOptions, maxPages: Number(values['max-pages']) };
const commit = execFileSync('git', ['log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim().slice(0, 120);
const all: PortalFigures[] = [];
if (values.merge) {
  const previous = JSON.parse(await readFile(values.merge, 'utf8')) as { portals: PortalFigures[] };
  const ours = (f: PortalFigures) => seeds.includes(f.skin) || (f.skin === 'classic' && seeds.includes('0'));
  all.push(...previous.portals.filter((f) => !ours(f)));
}
// A crawler promise nobody awaits must not end a 20-skin run: it is counted and named in the notes.
const unhandled: string[] = [];
process.on('unhandledRejection', (e) => {
  unhandled.push(
    String((e as Error)?.stack ?? e)
      .split('\n')
      .slice(0, 2)
      .join(' '),
  );
  console.error(`unhandled rejection in the crawler: ${unhandled.at(-1)}`);
});

/** Figures and notes so far: written after every skin, so a long run can be read while it goes on. */
async function write(done: string[]): Promise<void> {
  const seconds = (performance.now() - started) / 1000;
  const report = {
    asOf: values['as-of'],
    seeds: done,
    families,
    commit,
    elapsedSeconds: Math.round(seconds),
    overall: summarize(all),
    perSkin: [...new Set(all.map((f) => f.skin))].map((skin) => ({ skin, ...summarize(all.filter((f) => f.skin === skin)) })),
    portals: all,
  };
  await mkdir(dirname(values.out!), { recursive: true });
  await writeFile(values.out!, JSON.stringify(report, null, 2) + '\n');
  if (!values.notes) return;
  await mkdir(dirname(values.notes), { recursive: true });
  const crashes = unhandled.length
    ? `\n\n**Unhandled rejections in the crawler during this run (${unhandled.length})** — each would end a plain \`govscore assess\`:\n${unhandled.map((u) => `- \`${u}\``).join('\n')}\n`
    : '';
  const text = statusNotes(all, { commit, seconds, asOf: values['as-of']!, skins: `${done.length} of ${seeds.length} skins`, maxPages: collect.maxPages });
  await writeFile(values.notes, text.replace('\n## Figures', `${crashes}\n## Figures`));
}

const browser = await launchBrowser();
try {
  for (const [i, skin] of seeds.entries()) {
    const t = performance.now();
    const figures = await runSkin(browser, { asOf: values['as-of']!, skin, families, collect, evidence: !!values.notes });
    all.push(...figures);
    const summary = summarize(figures);
    console.log(`skin ${skin.padEnd(7)} ${summary.line}  (${((performance.now() - t) / 1000).toFixed(0)} s)\n             ${summary.evaluatorLine}`);
    await write(seeds.slice(0, i + 1));
  }
} finally {
  await browser.close();
}
const seconds = (performance.now() - started) / 1000;
console.log('\n' + figureTable(all));
console.log(`evaluators: ${summarize(all).evaluatorLine}`);
console.log(`\nelapsed ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s for ${seeds.length} skin(s) × ${families.length} portal(s)`);
console.log(`figures: ${values.out}${values.notes ? `, status: ${values.notes}` : ''}`);
