/**
 * The text checks (错敏信息 with the dictionaries, personal data leaks) over a folder of saved HTML pages, page
 * by page, to measure their false findings on real pages:
 *
 *   npx tsx scripts/text-checks-corpus.ts DIR [--dictionaries DICTS] [--json]
 *
 * Every .html/.htm file under DIR (recursively) is decoded as the link checks' server serves it (scripts/lib/saved-pages.ts:
 * by its <meta> charset, GBK pages too, or as UTF-8 when the copy was stored as UTF-8), read as
 * text without a browser (scripts/html-text.ts: scripts, styles and hidden elements left out, a line per
 * block) and checked alone with the shipped example dictionaries (or DICTS). Prints each page with its
 * findings (numbers masked, never in full), then the totals: pages, pages with a finding, findings by kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { parseDictionaries } from '../evaluators/lib/text-dictionaries.js';
import { compileDictionaries } from '../evaluators/lib/wording-matcher.js';
import { evaluateTextChecks, kindName, type TextFlag } from '../evaluators/text-checks.js';
import { loadDictionaries } from '../server/config/text-dictionaries.js';
import { htmlToText } from './html-text.js';
import { savedPageText } from './lib/saved-pages.js';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--dictionaries');
const dictionariesAt = args.indexOf('--dictionaries');
const asJson = args.includes('--json');
if (!dir) {
  console.error('usage: tsx scripts/text-checks-corpus.ts DIR [--dictionaries DICTS] [--json]');
  process.exit(2);
}

const source = loadDictionaries(dictionariesAt >= 0 ? args[dictionariesAt + 1] : undefined);
const dictionaries = compileDictionaries(parseDictionaries(source.files, source.source));

function htmlFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.html?$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

interface PageResult {
  file: string;
  chars: number;
  ms: number;
  flags: TextFlag[];
}

const results: PageResult[] = [];
for (const file of htmlFiles(dir)) {
  const { title, text } = htmlToText(savedPageText(readFileSync(file)));
  const started = performance.now();
  const m = evaluateTextChecks([{ url: relative(dir, file), title, text, kind: 'page' }], dictionaries, source);
  results.push({ file: relative(dir, file), chars: title.length + text.length, ms: performance.now() - started, flags: m.flags });
}

const byKind = new Map<string, number>();
for (const r of results) for (const f of r.flags) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
const flagged = results.filter((r) => r.flags.length);
const totals = {
  pages: results.length,
  pagesWithFindings: flagged.length,
  findings: results.reduce((n, r) => n + r.flags.length, 0),
  byKind: Object.fromEntries(byKind),
  characters: results.reduce((n, r) => n + r.chars, 0),
  checkMs: Math.round(results.reduce((n, r) => n + r.ms, 0)),
  dictionaries: { source: source.source, files: source.files.map((f) => `${f.name} ${f.sha256.slice(0, 12)}`) },
};

if (asJson) console.log(JSON.stringify({ totals, pages: results.map(({ file, chars, flags }) => ({ file, chars, flags })) }, null, 2));
else {
  for (const r of results) {
    console.log(`${r.file}\t${r.chars} 字\t${r.flags.length ? `${r.flags.length} 处` : '无'}`);
    for (const f of r.flags) console.log(`  - ${kindName(f.kind)}：${f.entry}${f.source ? `（${f.source}）` : ''}  “${f.quote}”`);
  }
  console.log(
    `\n${totals.pages} 个页面，${totals.pagesWithFindings} 个有疑似问题（${totals.pages ? ((100 * totals.pagesWithFindings) / totals.pages).toFixed(1) : 0}%），共 ${totals.findings} 处：${
      [...byKind].map(([k, n]) => `${kindName(k as TextFlag['kind'])} ${n}`).join('，') || '无'
    }；${totals.characters} 字，检查用时 ${totals.checkMs} ms；词典 ${totals.dictionaries.source}`,
  );
}
