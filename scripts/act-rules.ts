/**
 * npm run act -- --dir /work/act-rules [--rules 23a2a8,afw4f7] [--tabs 2] [--json out/act-rules.json]
 *
 * Measures govscore's page accessibility pass against the W3C ACT Rules test cases. `--dir` is a copy of
 * the act-rules/act-rules.github.io repository (its `_rules/` and `test-assets/`), kept outside this
 * repository: each rule's Markdown file has examples labelled passed, failed or inapplicable, with HTML.
 *
 * Each example is served over loopback (with the repository's shared test assets), opened in headless
 * Chromium the way the crawl opens a page (newTab, openUrl), and given the crawl's accessibility pass
 * (auditTab: axe-core, then the browser checks of page-checks.ts), the tabs reused. On one page the title
 * check is its single-page part (an empty title; titleIssues with no other page to compare with).
 *
 * An ACT rule is mapped to the axe rules that implement it: axe-core's own metadata (each rule's
 * `actIds`), or, for an ACT rule no axe rule claims, the axe rules tagged with the WCAG success criteria of
 * its `accessibility_requirements` that claim no other ACT rule (those answer their own rule). It is mapped to a page check when they share a success criterion and
 * the check's criterion has that one ACT rule; where a criterion has several ACT rules, only to those that
 * test what the check tests (`checkActRules`). An example counts as flagged when a mapped axe rule reports
 * a violation or a mapped check an issue on it.
 *
 * Then axe runs once more with the mapped axe rules only, for their "incomplete" results (axe's "needs
 * review"): counted apart, never as flags, to show how many of the missed failed examples a reviewer
 * would have been pointed at. That run comes after the checks (the crawl never makes it).
 *
 * A check's suspected finding (疑似, `suspected: true`: what a person judges, read where the markup makes a failure
 * likely) is not a failure in the report: it is counted apart. Printed per ACT rule: failed examples found (recall)
 * and by which part, passed and inapplicable examples flagged (false flags), each for confirmed findings and then
 * with the suspected ones; then totals over the rules that map to WCAG 2.x A/AA, both figures.
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

import { axeRunOptions, axeTags } from '../evaluators/collect/axe.js';
import { launchBrowser } from '../evaluators/collect/browser.js';
import { closeTab, newTab, openUrl } from '../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../evaluators/collect/options.js';
import { auditTab } from '../evaluators/collect/page-audit.js';
import { type PageCheckId, pageChecks } from '../evaluators/collect/page-checks.js';
import { isAAACriterion, successCriteria } from '../evaluators/lib/wcag.js';
import { titleIssues } from '../evaluators/page-checks.js';

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
  /** What the rule's test reads (its `input_aspects`): DOM Tree, CSS Styling, Accessibility Tree … or Language, Visual output, Audio output. */
  inputAspects: string[];
  /** A composite rule's atomic rules (its `input_rules`): it reads what they read, having no input aspects of its own. */
  inputRules: string[];
  examples: Example[];
}

/** The rule's frontmatter and the first code block under each "#### Passed|Failed|Inapplicable Example N" heading. */
function readRule(file: string): ActRule | null {
  const text = readFileSync(file, 'utf8');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!front) return null;
  const meta = parseYaml(front[1]!) as {
    id: string;
    name: string;
    accessibility_requirements?: Record<string, { forConformance?: boolean }> | null;
    input_aspects?: string[] | null;
    input_rules?: string[] | null;
  };
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
  return {
    id: meta.id,
    name: meta.name,
    criteria,
    inputAspects: (meta.input_aspects ?? []).map(String),
    inputRules: (meta.input_rules ?? []).map(String),
    examples,
  };
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
const allRules = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => readRule(join(rulesDir, f)))
  .filter((r): r is ActRule => r !== null && r.examples.length > 0)
  .sort((a, b) => (a.id < b.id ? -1 : 1));
const rules = allRules.filter((r) => !wanted || wanted.has(r.id));
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
function axeMapping(rule: ActRule): { kind: 'axe actIds' | 'by SC' | 'none'; axe: string[]; notRun: string[] } {
  const claimed = axeRules.filter((r) => r.actIds?.includes(rule.id));
  if (claimed.some(runs)) return { kind: 'axe actIds', axe: claimed.filter(runs).map((r) => r.id), notRun: claimed.filter((r) => !runs(r)).map((r) => r.id) };
  // An axe rule that names the ACT rules it implements answers those: on a page without lang, html-has-lang
  // answers b5c3f8, not whether ucwvc8's declared language matches the text (ucwvc8 calls that page inapplicable).
  const answersOthers = (r: { actIds?: string[] }) => (r.actIds ?? []).some((id) => id !== rule.id);
  const bySc = axeRules.filter((r) => runs(r) && !answersOthers(r) && successCriteria(r.tags).some((c) => rule.criteria.includes(c)));
  return { kind: bySc.length ? 'by SC' : 'none', axe: bySc.map((r) => r.id), notRun: claimed.map((r) => r.id) };
}

/**
 * Where a check's success criterion has several ACT rules, the ones that test what the check tests
 * (ACT rules of the whole ACT set, read when this was written). Left out on purpose:
 * - page-title: c4a8a4 (title is descriptive) needs the site's other pages; on one page only the empty title is judged.
 * - mouse-only (2.1.1): 0ssw9k (scrollable region reachable) and akn7bn (iframe out of the tab order) are axe's
 *   scrollable-region-focusable and frame-focusable-content, not click handlers without focus.
 * - group-without-name, placeholder-only (1.3.1): the 1.3.1 ACT rules test ARIA roles, owned elements and table
 *   headers; no ACT rule tests radio groups or placeholder-only labels (3.3.2 has none).
 * - new-window (3.2.5, AAA advisory): 3.2.5's ACT rules are about meta refresh (axe's meta-refresh).
 * - text-zoom (1.4.4): b4f0c3 (meta viewport allows zoom) is axe's meta-viewport; 59br37 is zoomed text clipped.
 * a1b64e and ebe86a (no keyboard trap via standard, via non-standard navigation) carry no success criterion of
 * their own: they are 80af7b's two halves, what the keyboard walk tests (Tab, then Escape and the keys the page advises).
 * audio-autoplay (1.4.2) is 80f0bf and its two input rules, which carry no criterion of their own: 4c31df (a control)
 * and aaa1bf (no more than 3 s of sound). aaa1bf fails an element that has a control, which 1.4.2 (80f0bf) passes:
 * the check, being 1.4.2's, leaves those alone.
 * frame-out-of-tab-order (2.1.1) is akn7bn (axe's frame-focusable-content needs the frames scanned); line-height-locked
 * (1.4.12) is 78fd32, whose failed examples with a line height of 1em axe's avoid-inline-spacing passes.
 * motion-actuation (2.5.4) is c249d5 (motion can be turned off); motion-only is 7677a9 (the same result from the interface):
 * whether the page's buttons do what the motion does is a person's judgement, but a page where nothing answers a press,
 * a key or an entry cannot do it.
 * header-without-cells (1.3.1) is d0f69e, which axe's th-has-data-cells claims but leaves for review where a column has no cell.
 * repeated-id and duplicate-attribute (4.1.1) are 3ea0c8 and e6952f; axe's duplicate-id rules are deprecated (4.1.1 is
 * obsolete in WCAG 2.2) and do not run.
 */
const checkActRules: Partial<Record<PageCheckId, string[]>> = {
  'keyboard-trap': ['80af7b', 'a1b64e', 'ebe86a'],
  'page-title': ['2779a5'],
  'text-zoom': ['59br37'],
  'page-zoom': ['59br37'],
  // 1.1.1: objects axe-core's object-alt reads as not loaded because the crawl's tabs fetch no images or media.
  'object-without-name': ['8fc3b6'],
  // 4.1.2 has many ACT rules; this one is aria-hidden content in the focus order, decided by focusing it (axe's aria-hidden-focus leaves sentinels for review).
  'hidden-content-focused': ['6cfa84'],
  'mouse-only': [],
  'group-without-name': [],
  'placeholder-only': [],
  'new-window': [],
  'moving-content': ['efbfc7'],
  'audio-autoplay': ['80f0bf', '4c31df', 'aaa1bf'],
  'header-without-cells': ['d0f69e'],
  'motion-actuation': ['c249d5'],
  'motion-only': ['7677a9'],
  'frame-out-of-tab-order': ['akn7bn'],
  'line-height-locked': ['78fd32'],
  'repeated-id': ['3ea0c8'],
  'duplicate-attribute': ['e6952f'],
  // Suspected only (what a person judges): each to the ACT rule whose failed examples it reads.
  'image-name-unhelpful': ['9eb3f6', 'qt1vmo'],
  'hidden-image-with-alt': ['e88epe'],
  'link-name-generic': ['5effbb', 'aizyf1'],
  'identical-links-differ': ['fd3a94'],
  'identical-frames-differ': ['4b1c6c'],
  'image-of-text': ['0va7u6'],
  'video-without-captions': ['eac66b', 'f51b46'],
  'audio-without-transcript': ['e7aa44', '2eb176'],
  // Video only (1.2.1) and video with sound (1.2.3): the pictures' alternative, which a descriptions track is not.
  'video-description-track-only': ['c3232f', 'c5a4ea'],
  'character-shortcut': ['ffbc54'],
  'element-language': ['off6ek'],
  // 2.4.6: labels (cc0f0a); whether a heading describes its section (b49b2e) is not judged.
  'label-not-distinct': ['cc0f0a'],
  'label-name-generic': ['cc0f0a'],
  // 2.4.2 has two ACT rules: a title at all (2779a5, page-title) and one that describes the page.
  'title-unrelated': ['c4a8a4'],
  // 3.1.1 has four ACT rules; the others (lang present, valid, matching xml:lang) are axe's.
  'page-language': ['ucwvc8'],
};
const actCriteria = new Map(allRules.map((r) => [r.id, r.criteria]));
function checkMapping(rule: ActRule): PageCheckId[] {
  return (Object.keys(pageChecks) as PageCheckId[]).filter((check) => {
    const chosen = checkActRules[check];
    if (chosen) return chosen.includes(rule.id);
    const sharing = [...actCriteria].filter(([, criteria]) => criteria.some((c) => (pageChecks[check].wcag as readonly string[]).includes(c)));
    return sharing.length === 1 && sharing[0]![0] === rule.id;
  });
}

interface CaseResult {
  rule: string;
  expected: Expected;
  n: number;
  /** Mapped axe rules that report a violation. */
  axe: string[];
  /** Mapped page checks that report an issue (a failure, not only suspected). */
  checks: string[];
  /** Mapped page checks whose issues on the page are all suspected (疑似): the reviewer's, counted apart. */
  suspected: string[];
  /** Mapped axe rules with an "incomplete" result (needs review), not counted as flags. */
  review: string[];
  allViolations: string[];
  allChecks: string[];
  /** Parts of the checks that could not run on the page. */
  notChecked: string[];
  error: string | null;
  axeMs: number;
  checksMs: number;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** axe's "needs review" for the given rules, on the page as the audit left it. No named inner functions (tsx's __name). */
async function incomplete(tab: Page, rules: string[]): Promise<string[]> {
  if (!rules.length) return [];
  try {
    if (!(await tab.evaluate('typeof window.axe === "object"'))) await tab.evaluate(axeSource);
    return await tab.evaluate(
      async (values: string[]) => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const results = await axe.run(document, { runOnly: { type: 'rule', values }, resultTypes: ['incomplete'], iframes: false });
        return results.incomplete.map((r) => r.id);
      },
      rules.filter((id) => axeRules.some((r) => r.id === id)),
    );
  } catch {
    return [];
  }
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
    const audit = opened.error ? null : await auditTab(tab, 'page', { axeTimeoutMs: 15_000 });
    const axe = new Set(axeMapping(rule).axe);
    const checks = new Set<string>(checkMapping(rule));
    const violations = audit?.axe?.violations.map((v) => v.rule) ?? [];
    const found = audit?.checks ? [...audit.checks.issues, ...titleIssues([audit.checks]).map(([, issue]) => issue)] : [];
    const issues = found.map((i) => i.check);
    const confirmed = new Set(found.filter((i) => !i.suspected).map((i) => i.check));
    results.push({
      rule: rule.id,
      expected: e.expected,
      n: e.n,
      axe: violations.filter((v) => axe.has(v)),
      checks: [...new Set(issues)].filter((c) => checks.has(c) && confirmed.has(c)),
      suspected: [...new Set(issues)].filter((c) => checks.has(c) && !confirmed.has(c)),
      review: audit?.axe ? await incomplete(tab, [...axe]) : [],
      allViolations: violations,
      allChecks: issues,
      notChecked: audit?.checks?.notChecked.map((n) => `${n.area}:${n.reason}`) ?? [],
      error: opened.error ?? (audit?.axe ? null : 'axe did not finish'),
      axeMs: audit?.axeMs ?? 0,
      checksMs: audit?.checks?.ms ?? 0,
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
  /** The rule's outcome rests on judging language, a picture or a sound (input aspects Language, Visual output, Audio output). */
  judgement: boolean;
  mapping: string;
  axe: string[];
  checks: string[];
  failed: number;
  /** Failed examples flagged by axe or a check's failure (confirmed findings). */
  found: number;
  /** … or by a check's suspected finding (疑似) as well. */
  foundAll: number;
  bySuspected: number;
  /** Failed examples a mapped axe rule found, and those a mapped check found (an example may be both). */
  byAxe: number;
  byChecks: number;
  /** Failed examples found by neither that axe marked for review. */
  missedForReview: number;
  clean: number;
  falseFlags: number;
  falseFlagsAll: number;
  falseBySuspected: number;
  falseByAxe: number;
  falseByChecks: number;
  /** Passed and inapplicable examples axe marked for review (and nothing flagged). */
  cleanForReview: number;
  errors: number;
  missed: string[];
  wrong: string[];
}
/** What a rule reads: its own input aspects, or for a composite rule those of its input rules (the media rules' read the audio and the picture). */
function aspectsOf(rule: ActRule): string[] {
  const inputs = rule.inputRules.map((id) => allRules.find((r) => r.id === id)).filter((r): r is ActRule => r !== undefined);
  return [...rule.inputAspects, ...inputs.flatMap(aspectsOf)];
}
const flagged = (r: CaseResult) => r.axe.length + r.checks.length > 0;
const flaggedAll = (r: CaseResult) => flagged(r) || r.suspected.length > 0;
const rows: Row[] = rules.map((rule) => {
  const mine = results.filter((r) => r.rule === rule.id).sort((a, b) => (a.expected < b.expected ? -1 : a.expected > b.expected ? 1 : a.n - b.n));
  const failed = mine.filter((r) => r.expected === 'failed');
  const clean = mine.filter((r) => r.expected !== 'failed');
  const m = axeMapping(rule);
  const label = (r: CaseResult) => `${r.expected[0]}${r.n}`;
  return {
    id: rule.id,
    name: rule.name,
    criteria: rule.criteria.join(' ') || '—',
    wcagAA: rule.criteria.some((c) => !isAAACriterion(c)),
    judgement: aspectsOf(rule).some((a) => /^(language|visual output|audio output)$/i.test(a.trim())),
    mapping: m.kind + (m.notRun.length ? ` (not run: ${m.notRun.join(', ')})` : ''),
    axe: m.axe,
    checks: checkMapping(rule),
    failed: failed.length,
    found: failed.filter(flagged).length,
    foundAll: failed.filter(flaggedAll).length,
    bySuspected: failed.filter((r) => r.suspected.length).length,
    byAxe: failed.filter((r) => r.axe.length).length,
    byChecks: failed.filter((r) => r.checks.length).length,
    missedForReview: failed.filter((r) => !flaggedAll(r) && r.review.length).length,
    clean: clean.length,
    falseFlags: clean.filter(flagged).length,
    falseFlagsAll: clean.filter(flaggedAll).length,
    falseBySuspected: clean.filter((r) => r.suspected.length).length,
    falseByAxe: clean.filter((r) => r.axe.length).length,
    falseByChecks: clean.filter((r) => r.checks.length).length,
    cleanForReview: clean.filter((r) => !flaggedAll(r) && r.review.length).length,
    errors: mine.filter((r) => r.error).length,
    missed: failed.filter((r) => !flagged(r)).map((r) => label(r) + (r.suspected.length ? '(suspected)' : r.review.length ? '(review)' : '')),
    wrong: clean.filter(flaggedAll).map((r) => `${label(r)}:${[...r.axe, ...r.checks, ...r.suspected.map((c) => `${c}(suspected)`)].join('+')}`),
  };
});

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
console.log(
  `| ACT rule | name | SC | axe rules (mapping) | checks | failed | found | by axe | by checks | + suspected | for review | passed+inapplicable | false flags | + suspected | not run | missed / wrongly flagged |`,
);
console.log(`|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|`);
for (const r of rows)
  console.log(
    `| ${r.id} | ${r.name} | ${r.criteria}${r.wcagAA ? '' : r.criteria === '—' ? '' : ' (AAA)'} | ${r.axe.join(', ') || '—'} (${r.mapping}) | ${r.checks.join(', ') || '—'} | ` +
      `${r.failed} | ${r.found} | ${r.byAxe} | ${r.byChecks} | ${r.foundAll} | ${r.missedForReview || ''} | ${r.clean} | ${r.falseFlags} | ${r.falseFlagsAll} | ${r.errors || ''} | ${[...r.missed, ...r.wrong].join(' ')} |`,
  );

type Count =
  | 'failed'
  | 'found'
  | 'foundAll'
  | 'byAxe'
  | 'byChecks'
  | 'bySuspected'
  | 'missedForReview'
  | 'clean'
  | 'falseFlags'
  | 'falseFlagsAll'
  | 'falseByAxe'
  | 'falseByChecks'
  | 'falseBySuspected'
  | 'cleanForReview';
/** Two figures: confirmed findings only (axe violations, checks' failures), then with the checks' suspected findings (疑似) too. */
function total(label: string, subset: Row[]): void {
  const sum = (k: Count) => subset.reduce((s, r) => s + r[k], 0);
  const [failed, found, clean, falseFlags] = [sum('failed'), sum('found'), sum('clean'), sum('falseFlags')];
  const [foundAll, falseFlagsAll] = [sum('foundAll'), sum('falseFlagsAll')];
  console.log(
    `${label}: ${subset.length} rules; confirmed: recall ${found}/${failed} = ${pct(found, failed)} (axe ${sum('byAxe')}, checks ${sum('byChecks')}); ` +
      `precision ${found}/${found + falseFlags} = ${pct(found, found + falseFlags)}; false flags ${falseFlags}/${clean} passed+inapplicable = ${pct(falseFlags, clean)} ` +
      `(axe ${sum('falseByAxe')}, checks ${sum('falseByChecks')}); ` +
      `with suspected: recall ${foundAll}/${failed} = ${pct(foundAll, failed)} (suspected ${sum('bySuspected')}); precision ${foundAll}/${foundAll + falseFlagsAll} = ` +
      `${pct(foundAll, foundAll + falseFlagsAll)}; false flags ${falseFlagsAll}/${clean} (suspected ${sum('falseBySuspected')}); ` +
      `axe "needs review" on ${sum('missedForReview')} of the ${failed - foundAll} missed failed, ${sum('cleanForReview')} of the ${clean - falseFlagsAll} unflagged passed+inapplicable`,
  );
}
const aa = rows.filter((r) => r.wcagAA);
console.log('');
total('ACT rules mapping to WCAG 2.x A/AA', aa);
// ACT's own account of what each rule reads: a rule whose input includes Language, Visual output or Audio output
// needs a person's judgement (is this text descriptive, in this language; does the video say what the text says).
total(
  '  of them decided from the page code (input aspects DOM, CSS, accessibility tree only)',
  aa.filter((r) => !r.judgement),
);
total(
  '  of them that need judging language, pictures or sound (input aspects Language, Visual or Audio output)',
  aa.filter((r) => r.judgement),
);
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
  '  of them with a page check',
  aa.filter((r) => r.checks.length),
);
total(
  'ACT rules mapping to no WCAG A/AA criterion (ARIA, AAA, techniques)',
  rows.filter((r) => !r.wcagAA),
);
// What each check reports on examples of other rules: not counted above (such a page may well fail it), but
// a check that fires on many of these small pages deserves a look.
const elsewhere = new Map<string, number>();
for (const r of results)
  for (const c of new Set(r.allChecks)) if (!rows.find((row) => row.id === r.rule)?.checks.includes(c)) elsewhere.set(c, (elsewhere.get(c) ?? 0) + 1);
console.log(`\nchecks reporting on examples of ACT rules they are not mapped to: ${[...elsewhere].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
const notChecked = results.filter((r) => r.notChecked.length);
console.log(`examples where a part of the checks could not run: ${notChecked.length} (${[...new Set(notChecked.flatMap((r) => r.notChecked))].join(', ')})`);
const done = results.filter((r) => !r.error);
const mean = (k: 'axeMs' | 'checksMs') => Math.round(done.reduce((a, r) => a + r[k], 0) / Math.max(1, done.length));
console.log(
  `${results.length} examples from ${rules.length} rules, ${results.filter((r) => r.error).length} not run (load or axe failed); ` +
    `axe ${mean('axeMs')} ms + checks ${mean('checksMs')} ms a page (mean), ${Math.round((performance.now() - started) / 1000)} s in all`,
);
if (values.json) {
  await mkdir(dirname(values.json), { recursive: true });
  await writeFile(values.json, JSON.stringify({ rows, cases: results }, null, 2));
}
