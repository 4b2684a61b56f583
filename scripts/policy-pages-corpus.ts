/**
 * The D9 and D25 readers on saved policy pages we did not write: `npx tsx scripts/policy-pages-corpus.ts DIR`.
 *
 * Serves every .html/.htm file under DIR on loopback (outside requests refused: scripts/lib/saved-pages.ts), opens
 * each in headless Chromium as the crawl opens an article, reads it with the crawl's page facts and reads it as a
 * policy document (collect/policy-pages.ts readPolicyPage: its validity mark and its links to a 解读) — or as a 解读
 * when its title names one (its link to the original document) — then evaluates the pages as one site's with the
 * policy-documents evaluator, and prints what each page gave and what D9 and D25 would say.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

import { launchBrowser } from '../evaluators/collect/browser.js';
import { closeTab, newTab, openUrl } from '../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../evaluators/collect/options.js';
import { readFacts } from '../evaluators/collect/page-facts.js';
import { type PolicyPage, readPolicyPage, sortedPolicyPages } from '../evaluators/collect/policy-pages.js';
import { evaluatePolicyDocuments, policyDocumentsFindings } from '../evaluators/policy-documents.js';
import { answerOffline, serveSavedPages } from './lib/saved-pages.js';

const dir = resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(dir)) {
  console.error('usage: npx tsx scripts/policy-pages-corpus.ts DIR   (every .html/.htm under DIR, read as policy documents or, titled 解读, interpretations)');
  process.exit(2);
}

function files(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.html?$/i.test(name)) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

async function main(): Promise<void> {
  const list = files();
  const { server, origin } = await serveSavedPages(dir, (path) => /\.html?$/i.test(path));
  const browser = await launchBrowser();
  const pages: PolicyPage[] = [];
  let unread = 0;
  try {
    const tab = await newTab(browser, defaultCollectOptions.userAgent);
    await tab.setRequestInterception(true);
    tab.on('request', (r) => void answerOffline(r, origin).catch(() => undefined));
    for (const file of list) {
      const opened = await openUrl(tab, `${origin}/${file.split('/').map(encodeURIComponent).join('/')}`, defaultCollectOptions.timeoutMs, true);
      const facts = opened.error ? null : await readFacts(tab, defaultCollectOptions.readTimeoutMs);
      if (!facts) {
        unread++;
        continue;
      }
      const title = facts.headings[0] ?? facts.title;
      const page = readPolicyPage(facts, /解读|图解/.test(title) ? 'interpretation' : 'policy', '政策文件', title, null);
      pages.push(page);
      const read =
        page.kind === 'policy' ? `有效性：${page.validity ? `${page.validity.label ?? ''}${page.validity.value}（${page.validity.from}）` : '未见'}` : '解读';
      console.log(`${file}  ${title.slice(0, 40)}  ${read}  关联链接：${page.links.map((l) => `${l.role} “${l.text.slice(0, 30)}”`).join('、') || '无'}`);
    }
    await closeTab(tab);
  } finally {
    await browser.close();
    server.close();
  }
  const m = evaluatePolicyDocuments({ homepageReportLinks: null, pages: sortedPolicyPages(pages) }, [])!;
  const f = policyDocumentsFindings(m);
  console.log(`\npages read: ${pages.length} of ${list.length}${unread ? ` (${unread} not read)` : ''}`);
  console.log(
    `policy documents ${m.documents}, with a validity mark ${m.marked}; interpretations ${m.interpretations}, with a problem ${m.counts.interpretationProblems ?? '—'}`,
  );
  console.log(`documents linking a 解读: ${pages.filter((p) => p.kind === 'policy' && p.links.some((l) => l.role === 'interpretation')).length}`);
  for (const x of [...(f['policyDocuments.validity'] ?? []).slice(0, 3), ...(f['policyDocuments.interpretations'] ?? []).slice(0, 3)])
    console.log(`  ${x.message}`);
}

await main();
