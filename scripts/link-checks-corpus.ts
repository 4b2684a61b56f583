/**
 * The hidden-link check on saved pages we did not write: `npx tsx scripts/link-checks-corpus.ts DIR`.
 *
 * Serves every .html/.htm file under DIR on loopback, opens each in headless Chromium as the crawl opens pages
 * (same tab setup and settling; outside requests refused, as in scripts/accuracy.ts), reads it with the crawl's
 * in-page check (collect/page-integrity.ts) and evaluates it with the link-safety evaluator, then prints what
 * each page would be flagged for. DIR/manifest.csv, when present, gives each file's original host
 * (`file,…,kind,site_host,is_gov`): links to it count as the site's own, as they would on the live site. For each
 * government page it also prints what D22 would say of it as the one page read of its kind (`kind` home →
 * homepage, article → article, else column: evaluators/furniture.ts) and its D21 count (commercial links and ad
 * scripts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { defaultCollectOptions } from '../evaluators/collect/options.js';
import { readIntegrity } from '../evaluators/collect/page-integrity.js';
import { itemNames, kindNames, missingFurniture } from '../evaluators/furniture.js';
import { evaluateLinkSafety, linkSafetyFindings } from '../evaluators/link-safety.js';
import { type SavedPage, savedPages, visitSavedPages } from './lib/saved-pages.js';

const dir = resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(dir)) {
  console.error('usage: npx tsx scripts/link-checks-corpus.ts DIR   (every .html/.htm under DIR; DIR/manifest.csv: file,site_host,is_gov optional)');
  process.exit(2);
}

interface Flagged {
  file: string;
  gov: boolean | null;
  role: SavedPage['role'];
  error?: string;
  suspicious: string[];
  commercial: string[];
  /** Hidden links to other hosts not flagged: those the page shows when used (a menu, a panel, a tab) and how, and those listed apart (one site, no word). */
  shown: string[];
  /** D22 for the page alone: each item it lacks (absent or not linked to its registration system). */
  furniture: string[];
}

async function main(): Promise<void> {
  const list = savedPages(dir);
  const out: Flagged[] = [];
  await visitSavedPages(dir, list, async (tab, e, opened, origin) => {
    const own = e.host ? [e.host, `www.${e.host.replace(/^www\./, '')}`, e.host.replace(/^www\./, '')] : [];
    const read = opened.error ? null : await readIntegrity(tab, e.role, defaultCollectOptions.readTimeoutMs, own);
    if (!read) {
      out.push({
        file: e.file,
        gov: e.gov,
        role: e.role,
        error: opened.error ?? 'script-timeout',
        suspicious: [],
        commercial: [],
        shown: [],
        furniture: [],
      });
      return;
    }
    const m = evaluateLinkSafety([read], [], { homepage: e.host ? `http://${e.host}/` : origin });
    const f = linkSafetyFindings(m);
    const line = (x: { message: string; evidence: string | null }) => `${x.message} — ${x.evidence ?? ''}`;
    out.push({
      file: e.file,
      gov: e.gov,
      role: e.role,
      suspicious: (f['linkSafety.suspicious'] ?? []).map(line),
      commercial: (f['linkSafety.commercial'] ?? []).map(line),
      shown: [
        ...read.hidden
          .filter((h) => h.shownBy && h.text)
          .map((h) => `界面: “${h.text}” ${h.href}（${h.shownBy!.how}${h.shownBy!.control ? ` ${h.shownBy!.control}` : ''}）`),
        ...m.hiddenOneSite.map((h) => `单站: “${h.text}” ${h.href}（${h.how}${h.hiddenBy ? `，由 ${h.hiddenBy} 隐藏` : ''}）`),
      ],
      furniture: missingFurniture([read]).map((m) => `${itemNames[m.item]}${m.state === 'unlinked' ? '（有文字，未链接）' : ''}`),
    });
  });
  out.sort((a, b) => (a.file < b.file ? -1 : 1));
  for (const p of out.filter((p) => p.error || p.suspicious.length || p.commercial.length)) {
    console.log(`${p.file}${p.gov === null ? '' : p.gov ? ' [gov]' : ' [non-gov]'}${p.error ? ` — not read: ${p.error}` : ''}`);
    for (const s of p.suspicious) console.log(`  疑似: ${s}`);
    for (const c of p.commercial) console.log(`  商业: ${c}`);
  }
  const shown = out.filter((p) => p.shown.length);
  if (shown.length)
    console.log('\nhidden links to other hosts not flagged: 界面 the page shows them when used; 单站 no word, their block leads to one site (listed apart):');
  for (const p of shown) console.log(`${p.file}\n${p.shown.map((s) => `  ${s}`).join('\n')}`);
  const governmentRead = out.filter((p) => p.gov && !p.error);
  if (governmentRead.length) console.log('\ngovernment pages, D22 as the one page of its kind and D21:');
  for (const p of governmentRead) console.log(`${p.file} [${kindNames[p.role]}] D22 缺：${p.furniture.join('、') || '无'}；D21 ${p.commercial.length} 处`);
  const read = out.filter((p) => !p.error);
  const rate = (xs: Flagged[], pick: (p: Flagged) => string[]) => `${xs.filter((p) => pick(p).length).length}/${xs.length}`;
  console.log(`\npages read: ${read.length} of ${out.length}`);
  console.log(
    `with a hidden/illicit/redirect finding (疑似): ${rate(read, (p) => p.suspicious)}; government pages: ${rate(
      read.filter((p) => p.gov),
      (p) => p.suspicious,
    )}`,
  );
  console.log(
    `with a commercial finding (商业): ${rate(read, (p) => p.commercial)}; government pages: ${rate(
      read.filter((p) => p.gov),
      (p) => p.commercial,
    )}`,
  );
}

await main();
