/**
 * The accessibility page checks on saved pages we did not write: `npx tsx scripts/page-checks-corpus.ts DIR [--show
 * check,check]`.
 *
 * Serves every .html/.htm file under DIR on loopback (DIR/manifest.csv, when present, marks the government pages and
 * their kind), opens each in headless Chromium as the crawl opens pages (outside requests refused, as in
 * scripts/link-checks-corpus.ts) and runs the crawl's page checks on it (collect/page-checks.ts; the motion area's
 * watch cut to a second: what moves is not what this measures). Prints, per check, how many pages it flags, all and
 * government, its suspected findings apart; then every finding of the checks named by `--show` (default: the
 * suspected ones) with its page, detail and first element, to be read: a suspected check that fires on many real
 * pages that are fine is worse than a miss.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { type PageCheckIssue, type PageCheckResult, runPageChecks } from '../evaluators/collect/page-checks.js';
import { type SavedPage, savedPages, visitSavedPages } from './lib/saved-pages.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { show: { type: 'string' } } });
const dir = resolve(positionals[0] ?? '');
if (!positionals[0] || !existsSync(dir)) {
  console.error(
    'usage: npx tsx scripts/page-checks-corpus.ts DIR [--show check,check]   (every .html/.htm under DIR; DIR/manifest.csv: file,kind,is_gov optional)',
  );
  process.exit(2);
}
const shown = values.show?.split(',').filter(Boolean);

interface Checked {
  page: SavedPage;
  error?: string;
  title: string | null;
  issues: PageCheckIssue[];
  contrast?: PageCheckResult['contrast'];
}

const roleOf = (page: SavedPage): PageCheckResult['role'] => (page.role === 'column' ? 'page' : page.role);

async function main(): Promise<void> {
  const out: Checked[] = [];
  await visitSavedPages(dir, savedPages(dir), async (tab, page, opened) => {
    if (opened.error) return void out.push({ page, error: opened.error, title: null, issues: [] });
    const r = await runPageChecks(tab, { role: roleOf(page), motionMs: 1000 });
    const markup = r.notChecked.find((n) => n.area === 'markup');
    out.push({ page, error: markup ? `markup not read: ${markup.reason}` : undefined, title: r.title, issues: r.issues, contrast: r.contrast });
  });
  out.sort((a, b) => (a.page.file < b.page.file ? -1 : 1));
  const read = out.filter((c) => !c.error);
  const government = read.filter((c) => c.page.gov);
  const flagging = (pages: Checked[], check: string) => pages.filter((c) => c.issues.some((i) => i.check === check));
  const checks = [...new Set(read.flatMap((c) => c.issues.map((i) => i.check)))].sort();
  console.log(`pages read: ${read.length} of ${out.length} (government ${government.length})`);
  for (const c of out.filter((c) => c.error)) console.log(`  not read: ${c.page.file} — ${c.error}`);
  console.log('\n| check | suspected | pages flagged | government pages flagged |\n|---|---|---:|---:|');
  for (const check of checks) {
    const suspected = read.some((c) => c.issues.some((i) => i.check === check && i.suspected));
    console.log(
      `| ${check} | ${suspected ? 'yes' : ''} | ${flagging(read, check).length}/${read.length} | ${flagging(government, check).length}/${government.length} |`,
    );
  }
  // What the contrast check over gradients looked at, and what its screenshots cost.
  const looked = read.flatMap((c) => (c.contrast?.gradients ? [c.contrast] : []));
  const others = read.flatMap((c) => (c.contrast && !c.contrast.gradients ? [c.contrast] : []));
  const sum = (k: 'gradients' | 'pictures' | 'read' | 'shots' | 'ms') => looked.reduce((s, c) => s + c[k], 0);
  console.log(
    `\ntext over gradients: ${looked.length}/${read.length} pages, ${sum('gradients')} elements (${sum('read')} read from ${sum('shots')} screenshots); ` +
      `text over background images (not read): ${read.filter((c) => c.contrast?.pictures).length} pages; ` +
      `${Math.round(sum('ms') / Math.max(1, looked.length))} ms a page where read (most ${Math.max(0, ...looked.map((c) => c.ms))} ms); ` +
      `the style read alone on the others ${Math.round(others.reduce((s, c) => s + c.ms, 0) / Math.max(1, others.length))} ms a page (most ${Math.max(0, ...others.map((c) => c.ms))} ms)`,
  );
  const listed = shown ?? [...new Set(read.flatMap((c) => c.issues.filter((i) => i.suspected).map((i) => i.check)))].sort();
  for (const check of listed) {
    console.log(`\n${check}:`);
    for (const c of flagging(read, check)) {
      const issue = c.issues.find((i) => i.check === check)!;
      const where = `${c.page.file}${c.page.gov === null ? '' : c.page.gov ? ' [gov]' : ' [non-gov]'}`;
      console.log(
        `  ${where} 标题“${c.title ?? ''}” ×${issue.count}${issue.detail ? ` — ${issue.detail}` : ''} — ${issue.examples[0]?.html.slice(0, 120) ?? ''}`,
      );
    }
  }
}

await main();
