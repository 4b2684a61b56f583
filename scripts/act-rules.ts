/**
 * npm run act -- --dir /work/act-rules [--rules 23a2a8,afw4f7] [--tabs 2] [--json out/act-rules.json]
 *
 * Measures govscore's page accessibility pass against the W3C ACT Rules test cases. `--dir` is a copy of
 * the act-rules/act-rules.github.io repository (its `_rules/` and `test-assets/`), kept outside this
 * repository: each rule's Markdown file has examples labelled passed, failed or inapplicable, with HTML.
 *
 * Each example is served over loopback (with the repository's shared test assets), opened in headless
 * Chromium the way the crawl opens a page (newTab, openUrl), and axe is run on it as the crawl runs it
 * (runAxe), the tabs reused. An ACT rule is mapped to the axe rules that implement it: axe-core's own
 * metadata (each rule's `actIds`), or, for an ACT rule no axe rule claims, the axe rules tagged with the
 * WCAG success criteria of its `accessibility_requirements`. An example counts as flagged when any mapped
 * axe rule reports a violation on it. Printed per ACT rule: failed examples found (recall), passed and
 * inapplicable examples flagged (false flags); then totals over the rules that map to WCAG 2.x A/AA.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';

import type { Page } from 'puppeteer';
import { parse as parseYaml } from 'yaml';

import { axeRunOptions, axeTags, runAxe } from '../evaluators/collect/axe.js';
import { launchBrowser } from '../evaluators/collect/browser.js';
import { closeTab, newTab, openUrl } from '../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../evaluators/collect/options.js';
import { isAAACriterion, successCriteria } from '../evaluators/lib/wcag.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/work/act-rules' },
    rules: { type: 'string' },
    tabs: { type: 'string', default: '2' },
    json: { type: 'string' },
  },
});
const dir = values.dir!;
const rulesDir = join(dir, '_rules');
if (!statSync(rulesDir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`usage: npm run act -- --dir DIR   (DIR holds act-rules/act-rules.github.io's _rules/ and test-assets/; ${rulesDir} not found)`);
  process.exit(2);
}

type Expected = 'passed' | 'failed' | 'inapplicable';
interface Example {
  expected: Expected;
  n: number;
  ext: string;
  source: string;
}
interface ActRule {
  id: string;
  name: string;
  /** WCAG success criteria the rule's failure does not satisfy (forConformance), e.g. "1.1.1". */
  criteria: string[];
  examples: Example[];
}

/** The rule's frontmatter and the first code block under each "#### Passed|Failed|Inapplicable Example N" heading. */
function readRule(file: string): ActRule | null {
  const text = readFileSync(file, 'utf8');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!front) return null;
  const meta = parseYaml(front[1]!) as { id: string; name: string; accessibility_requirements?: Record<string, { forConformance?: boolean }> | null };
  const criteria = Object.entries(meta.accessibility_requirements ?? {})
    .filter(([key, req]) => /^wcag2\d:/.test(key) && req?.forConformance)
    .map(([key]) => key.slice(key.indexOf(':') + 1));
  const examples: Example[] = [];
  let heading: { expected: Expected; n: number } | null = null;
  const lines = text.slice(front[0].length).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const h = /^#### (Passed|Failed|Inapplicable) Example (\d+)/.exec(lines[i]!);
    if (h) {
      heading = { expected: h[1]!.toLowerCase() as Expected, n: Number(h[2]) };
      continue;
    }
    const fence = /^```(\w*)\s*$/.exec(lines[i]!);
    if (fence && heading) {
      const end = lines.indexOf('```', i + 1);
      const lang = fence[1] || 'html';
      examples.push({
        ...heading,
        ext: lang === 'xhtml' ? 'xhtml' : lang === 'svg' ? 'svg' : lang === 'xml' ? 'xml' : 'html',
        source: lines.slice(i + 1, end).join('\n'),
      });
      heading = null;
      i = end;
    }
  }
  return { id: meta.id, name: meta.name, criteria, examples };
}

/** As the ACT test-case pages are published: an HTML fragment gets a doctype, `<html lang="en">` and a title. */
function page(rule: ActRule, example: Example): string {
  const source = example.source.replaceAll('https://act-rules.github.io/test-assets/', '/test-assets/');
  if (example.ext !== 'html' || /<html[\s>]|<!doctype/i.test(source)) return source;
  const title = `${rule.name} ${example.expected} example ${example.n}`;
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>${title}</title>\n<meta charset="UTF-8" />\n</head>\n<body>\n${source}\n</body>\n</html>\n`;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt',
};

const wanted = values.rules ? new Set(values.rules.split(',').map((s) => s.trim())) : null;
const rules = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => readRule(join(rulesDir, f)))
  .filter((r): r is ActRule => r !== null && r.examples.length > 0 && (!wanted || wanted.has(r.id)))
  .sort((a, b) => (a.id < b.id ? -1 : 1));
const pages = new Map<string, { body: string; type: string }>();
for (const rule of rules)
  for (const e of rule.examples) pages.set(`/testcases/${rule.id}/${e.expected}-${e.n}.${e.ext}`, { body: page(rule, e), type: types[`.${e.ext}`]! });

// Loopback only: the test cases, and the shared assets they reference under /test-assets/.
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const inline = pages.get(path);
  if (inline) {
    res.writeHead(200, { 'content-type': inline.type }).end(inline.body);
    return;
  }
  const file = normalize(join(dir, path));
  if (path.startsWith('/test-assets/') && file.startsWith(join(dir, 'test-assets')) && statSync(file, { throwIfNoEntry: false })?.isFile()) {
    res.writeHead(200, { 'content-type': types[extname(file).toLowerCase()] ?? 'application/octet-stream' }).end(readFileSync(file));
    return;
  }
  res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// Which axe rules run (runAxe's tags, less axe's default exclusions) and which ACT rules each implements.
const require = createRequire(import.meta.url);
const axeRules = (require('axe-core') as { _audit: { rules: Array<{ id: string; tags: string[]; actIds?: string[] }> } })._audit.rules;
const ruleSwitch = (id: string) => (axeRunOptions.rules as Record<string, { enabled?: boolean }> | undefined)?.[id]?.enabled;
const runs = (r: { id: string; tags: string[] }) =>
  ruleSwitch(r.id) ?? (r.tags.some((t) => axeTags.includes(t)) && !r.tags.includes('experimental') && !r.tags.includes('deprecated'));
function mapping(rule: ActRule): { kind: 'axe actIds' | 'by SC' | 'none'; axe: string[]; notRun: string[] } {
  const claimed = axeRules.filter((r) => r.actIds?.includes(rule.id));
  if (claimed.some(runs)) return { kind: 'axe actIds', axe: claimed.filter(runs).map((r) => r.id), notRun: claimed.filter((r) => !runs(r)).map((r) => r.id) };
  const bySc = axeRules.filter((r) => runs(r) && successCriteria(r.tags).some((c) => rule.criteria.includes(c)));
  return { kind: bySc.length ? 'by SC' : 'none', axe: bySc.map((r) => r.id), notRun: claimed.map((r) => r.id) };
}

interface CaseResult {
  rule: string;
  expected: Expected;
  n: number;
  flagged: string[];
  allViolations: string[];
  error: string | null;
  ms: number;
}

const browser = await launchBrowser();
const queue = rules.flatMap((rule) => rule.examples.map((e) => ({ rule, e })));
const results: CaseResult[] = [];
const started = performance.now();
async function worker(tab: Page): Promise<void> {
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { rule, e } = next;
    const url = `${origin}/testcases/${rule.id}/${e.expected}-${e.n}.${e.ext}`;
    const opened = await openUrl(tab, url, 15_000);
    const scan = opened.error ? null : await runAxe(tab, { timeoutMs: 15_000 });
    const axe = new Set(mapping(rule).axe);
    const violations = scan?.violations.map((v) => v.rule) ?? [];
    results.push({
      rule: rule.id,
      expected: e.expected,
      n: e.n,
      flagged: violations.filter((v) => axe.has(v)),
      allViolations: violations,
      error: opened.error ?? (scan ? null : 'axe did not finish'),
      ms: scan?.ms ?? 0,
    });
  }
}
const tabs = await Promise.all(Array.from({ length: Number(values.tabs) }, () => newTab(browser, defaultCollectOptions.userAgent)));
try {
  await Promise.all(tabs.map(worker));
} finally {
  await Promise.all(tabs.map(closeTab));
  await browser.close();
  server.close();
}

interface Row {
  id: string;
  name: string;
  criteria: string;
  wcagAA: boolean;
  mapping: string;
  axe: string[];
  failed: number;
  found: number;
  clean: number;
  falseFlags: number;
  errors: number;
  missed: string[];
  wrong: string[];
}
const rows: Row[] = rules.map((rule) => {
  const mine = results.filter((r) => r.rule === rule.id).sort((a, b) => (a.expected < b.expected ? -1 : a.expected > b.expected ? 1 : a.n - b.n));
  const failed = mine.filter((r) => r.expected === 'failed');
  const clean = mine.filter((r) => r.expected !== 'failed');
  const m = mapping(rule);
  const label = (r: CaseResult) => `${r.expected[0]}${r.n}`;
  return {
    id: rule.id,
    name: rule.name,
    criteria: rule.criteria.join(' ') || '—',
    wcagAA: rule.criteria.some((c) => !isAAACriterion(c)),
    mapping: m.kind + (m.notRun.length ? ` (not run: ${m.notRun.join(', ')})` : ''),
    axe: m.axe,
    failed: failed.length,
    found: failed.filter((r) => r.flagged.length).length,
    clean: clean.length,
    falseFlags: clean.filter((r) => r.flagged.length).length,
    errors: mine.filter((r) => r.error).length,
    missed: failed.filter((r) => !r.flagged.length).map(label),
    wrong: clean.filter((r) => r.flagged.length).map((r) => `${label(r)}:${r.flagged.join('+')}`),
  };
});

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
console.log(`| ACT rule | name | SC | axe rules (mapping) | failed | found | passed+inapplicable | false flags | not run | missed / wrongly flagged |`);
console.log(`|---|---|---|---|---:|---:|---:|---:|---:|---|`);
for (const r of rows)
  console.log(
    `| ${r.id} | ${r.name} | ${r.criteria}${r.wcagAA ? '' : r.criteria === '—' ? '' : ' (AAA)'} | ${r.axe.join(', ') || '—'} (${r.mapping}) | ${r.failed} | ${r.found} | ${r.clean} | ${r.falseFlags} | ${r.errors || ''} | ${[...r.missed, ...r.wrong].join(' ')} |`,
  );

function total(label: string, subset: Row[]): void {
  const sum = (k: 'failed' | 'found' | 'clean' | 'falseFlags') => subset.reduce((s, r) => s + r[k], 0);
  const [failed, found, clean, falseFlags] = [sum('failed'), sum('found'), sum('clean'), sum('falseFlags')];
  console.log(
    `${label}: ${subset.length} rules; recall ${found}/${failed} = ${pct(found, failed)}; precision ${found}/${found + falseFlags} = ${pct(found, found + falseFlags)}; ` +
      `false flags ${falseFlags}/${clean} passed+inapplicable = ${pct(falseFlags, clean)}`,
  );
}
const aa = rows.filter((r) => r.wcagAA);
console.log('');
total('ACT rules mapping to WCAG 2.x A/AA', aa);
total(
  '  of them with an axe implementation (axe actIds)',
  aa.filter((r) => r.mapping.startsWith('axe actIds')),
);
total(
  '  of them mapped by success criterion only',
  aa.filter((r) => r.mapping.startsWith('by SC')),
);
total(
  '  of them with no axe rule at all',
  aa.filter((r) => r.mapping.startsWith('none')),
);
total(
  'ACT rules mapping to no WCAG A/AA criterion (ARIA, AAA, techniques)',
  rows.filter((r) => !r.wcagAA),
);
const times = results.filter((r) => !r.error).map((r) => r.ms);
console.log(
  `\n${results.length} examples from ${rules.length} rules, ${results.filter((r) => r.error).length} not run (load or axe failed); ` +
    `axe ${Math.round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length))} ms a page (mean), ${Math.round((performance.now() - started) / 1000)} s in all`,
);
if (values.json) {
  await mkdir(dirname(values.json), { recursive: true });
  await writeFile(values.json, JSON.stringify({ rows, cases: results }, null, 2));
}
