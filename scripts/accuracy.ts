/**
 * Accuracy on saved pages we did not write: `npm run accuracy -- DIR [--strip-metas] [--only FILE…]`.
 *
 * Serves DIR on loopback (only the files expected.csv names), reads each page in headless Chromium
 * exactly as the crawler reads pages (same tab setup, same page reader, same date and kind rules), and
 * compares with DIR/expected.csv (`file,kind,date,items`; a blank cell is not scored). Prints precision
 * and recall per column and writes DIR/accuracy.json: what govscore read, one entry per page.
 *
 * Saved pages carry no evaluation date: a page is read as of the newest full date it shows (the day it
 * was saved, near enough), so year-less list dates (11-03) get the year they had then.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parse } from 'csv-parse/sync';

import { launchBrowser } from '../evaluators/collect/browser.js';
import { articleDateWithSource, itemFromRow } from '../evaluators/collect/list-items.js';
import { closeTab, newTab, openUrl } from '../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../evaluators/collect/options.js';
import { pageKind } from '../evaluators/collect/page-kind.js';
import { type PageRead, readPage } from '../evaluators/collect/read-page.js';
import { findDates } from '../evaluators/lib/dates.js';
import { answerOffline, serveSavedPages } from './lib/saved-pages.js';

interface Expected {
  file: string;
  kind: string;
  date: string;
  items: string;
}
interface Read {
  file: string;
  kind: 'article' | 'list' | 'other' | null;
  date: string | null;
  items: number | null;
  dateSource?: string | null;
  error?: string;
}

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? '');
const stripMetas = args.includes('--strip-metas');
const only = args.includes('--only') ? new Set(args.slice(args.indexOf('--only') + 1)) : null;
if (!args.length || !dir) {
  console.error('usage: npm run accuracy -- DIR [--strip-metas] [--only FILE…]   (DIR/expected.csv: file,kind,date,items)');
  process.exit(2);
}
const expected = (parse(readFileSync(join(dir, 'expected.csv')), { columns: true, skip_empty_lines: true, trim: true }) as Expected[]).filter(
  (e) => !only || only.has(e.file),
);
const served = new Set(expected.map((e) => resolve(dir, e.file)));

const serve = () =>
  serveSavedPages(
    dir,
    (path) => served.has(path),
    // Metas removed on request: the page as a CMS that writes none would serve it.
    (body) =>
      stripMetas ? Buffer.from(body.toString('latin1').replace(/<meta\b(?![^>]*(charset|http-equiv\s*=\s*["']?content-type))[^>]*>/gi, ''), 'latin1') : body,
  );

/**
 * The page's own present: its newest full date not after today, in its text or (read from the saved file,
 * so the same with --strip-metas) its meta tags. A live crawl knows the day it runs; stripping the metas
 * must not move a saved page's present to today and give its year-less dates this year.
 */
function pageAsOf(read: PageRead, file: string): string {
  const today = new Date().toISOString().slice(0, 10);
  const metaValues = [
    ...readFileSync(join(dir, file))
      .toString('latin1')
      .matchAll(/<meta\b[^>]*\bcontent\s*=\s*["']([^"']{6,40})["']/gi),
  ].map((m) => m[1]!);
  const dates = findDates([...read.lines, ...metaValues].join('\n'), { asOf: today })
    .filter((d) => !d.yearInferred && d.date <= today)
    .map((d) => d.date);
  return dates.sort().at(-1) ?? today;
}

function readAs(read: PageRead, file: string): Read {
  const asOf = pageAsOf(read, file);
  const kind = pageKind(read);
  if (kind === 'list') {
    const items = read.rows.map((r) => itemFromRow(r, read.headers, asOf)).filter((i) => !!i);
    const urls = new Set(items.map((i) => i!.url));
    const newest =
      items
        .map((i) => i!.date)
        .filter((d): d is string => !!d)
        .sort()
        .at(-1) ?? null;
    return { file, kind: 'list', date: newest, items: urls.size };
  }
  // The crawler reads an item's page for its date whatever the page looks like: so does this.
  const found = articleDateWithSource(read, asOf);
  return { file, kind: kind === 'content' ? 'article' : 'other', date: found?.date ?? null, items: null, dateSource: found?.source ?? null };
}

async function main(): Promise<void> {
  const { server, origin } = await serve();
  const browser = await launchBrowser();
  const results: Read[] = [];
  const started = performance.now();
  try {
    // Two tabs, as a column's pages are read; the pages' outside resources could not load anyway (no
    // network here), so they are refused at once instead of waiting on name lookups.
    const queue = [...expected];
    const worker = async () => {
      const tab = await newTab(browser, defaultCollectOptions.userAgent);
      await tab.setRequestInterception(true);
      tab.on('request', (r) => void answerOffline(r, origin).catch(() => undefined));
      for (let e = queue.shift(); e; e = queue.shift()) {
        const url = `${origin}/${e.file.split('/').map(encodeURIComponent).join('/')}`;
        const opened = await openUrl(tab, url, defaultCollectOptions.timeoutMs);
        const read = opened.error ? null : await readPage(tab, defaultCollectOptions.readTimeoutMs).catch(() => null);
        results.push(read ? readAs(read, e.file) : { file: e.file, kind: null, date: null, items: null, error: opened.error ?? 'script-timeout' });
        process.stderr.write(`\r${results.length}/${expected.length}`);
      }
      await closeTab(tab);
    };
    await Promise.all([worker(), worker()]);
    process.stderr.write('\n');
    results.sort((a, b) => expected.findIndex((e) => e.file === a.file) - expected.findIndex((e) => e.file === b.file));
  } finally {
    await browser.close();
    server.close();
  }
  writeFileSync(join(dir, 'accuracy.json'), JSON.stringify(results, null, 2));
  report(results);
  console.log(
    `${results.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s${stripMetas ? ', meta tags stripped' : ''}; written ${join(dir, 'accuracy.json')}`,
  );
}

/** Precision (right among those read) and recall (right among those expected) per column. */
function report(results: Read[]): void {
  const byFile = new Map(results.map((r) => [r.file, r]));
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');
  const rows: string[][] = [];
  const wrong: string[] = [];
  for (const kind of ['article', 'list']) {
    const cases = expected.filter((e) => e.kind === kind);
    const dated = cases.filter((e) => e.date);
    const readDated = cases.filter((e) => byFile.get(e.file)?.date);
    const rightDate = dated.filter((e) => byFile.get(e.file)?.date === e.date);
    // A date read where the page shows none, or a different date, is a wrong date.
    const wrongDate = readDated.filter((e) => byFile.get(e.file)!.date !== e.date || !e.date);
    rows.push([
      `${kind} date`,
      `${rightDate.length}/${readDated.length}`,
      pct(rightDate.length, readDated.length),
      `${rightDate.length}/${dated.length}`,
      pct(rightDate.length, dated.length),
      String(wrongDate.length),
    ]);
    for (const e of wrongDate)
      wrong.push(`  ${e.file}: date ${byFile.get(e.file)!.date} (${byFile.get(e.file)!.dateSource ?? byFile.get(e.file)!.kind}), expected ${e.date || 'none'}`);
    const classified = results.filter((r) => r.kind === kind);
    const rightKind = cases.filter((e) => byFile.get(e.file)?.kind === kind);
    rows.push([
      `${kind} kind`,
      `${rightKind.length}/${classified.length}`,
      pct(rightKind.length, classified.length),
      `${rightKind.length}/${cases.length}`,
      pct(rightKind.length, cases.length),
      '',
    ]);
  }
  const counted = expected.filter((e) => e.kind === 'list' && e.items);
  const rightItems = counted.filter((e) => String(byFile.get(e.file)?.items ?? '') === e.items);
  const readCounts = counted.filter((e) => byFile.get(e.file)?.items !== null && byFile.get(e.file)?.items !== undefined);
  rows.push([
    'list items',
    `${rightItems.length}/${readCounts.length}`,
    pct(rightItems.length, readCounts.length),
    `${rightItems.length}/${counted.length}`,
    pct(rightItems.length, counted.length),
    '',
  ]);
  const wrongPages = new Set(wrong.map((w) => w.trim().split(':')[0]));
  console.log(['measure', 'precision', '', 'recall', '', 'wrong'].join('\t'));
  for (const r of rows) console.log(r.join('\t'));
  console.log(`pages with a wrong date: ${wrongPages.size}/${expected.length} (${pct(wrongPages.size, expected.length)})`);
  if (wrong.length) console.log(`wrong dates:\n${wrong.join('\n')}`);
  const missed = expected.filter((e) => e.date && !byFile.get(e.file)?.date);
  if (missed.length)
    console.log(`dates not found:\n${missed.map((e) => `  ${e.file} (${e.kind}, read as ${byFile.get(e.file)?.kind}): expected ${e.date}`).join('\n')}`);
  const miscounted = counted.filter((e) => String(byFile.get(e.file)?.items ?? '') !== e.items);
  if (miscounted.length)
    console.log(
      `item counts off:\n${miscounted.map((e) => `  ${e.file}: read ${byFile.get(e.file)?.items} (${byFile.get(e.file)?.kind}), expected ${e.items}`).join('\n')}`,
    );
}

await main();
