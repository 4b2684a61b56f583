import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { RunOptions } from 'axe-core';
import type { Page } from 'puppeteer';

import { conformanceLevel, successCriteria, type WcagLevel } from '../lib/wcag.js';
import { keptSession } from './tab-session.js';

export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical';

/** One axe-core rule that failed on one page: facts only, compact enough to store per page. */
export interface AxeViolation {
  rule: string;
  impact: AxeImpact | null;
  /** WCAG success criteria, e.g. "1.4.3", derived from axe's tags (wcag143 → 1.4.3). */
  wcag: string[];
  /** A, AA, AAA or best-practice (no criterion), from the tags; runs stored before every rule ran lack it. */
  level?: WcagLevel;
  tags: string[];
  help: string;
  /** Elements that fail the rule on this page. */
  nodes: number;
  /** The first few failing elements: CSS selector and an outerHTML snippet. */
  examples: Array<{ target: string; html: string }>;
}

export interface AxePageResult {
  url: string;
  ms: number;
  violations: AxeViolation[];
  /** axe did not finish on the page in time (or failed): its violations are unknown, not none. */
  unfinished?: true;
}

/** The record of a scan that did not finish: the page is counted as not checked rather than left out silently. */
export const unfinishedScan = (url: string, ms: number): AxePageResult => ({ url, ms, violations: [], unfinished: true });

/**
 * Every axe rule filed under a WCAG level (2.0, 2.1, 2.2; A, AA and AAA) or best practice, including the
 * ones axe leaves off by default (AAA contrast, target size …): what counts is the evaluator's and the
 * indicator set's choice, the collector records them all. axe's default exclusions stay: `experimental`
 * rules (known false positives; one exception below) and `deprecated` ones (4.1.1 Parsing, obsolete in WCAG 2.2).
 */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
/**
 * The options of every run (the bench runs bare axe-core with them too).
 * - frame-tested only reports that axe was not injected in a frame: a fact about the tool, not the page.
 * - css-orientation-lock (WCAG 1.3.4, AA) is the one experimental rule that runs: it implements ACT rule
 *   b33eff and found its 4 failed test cases with no false flag on the 8 others (npm run act); the other
 *   experimental rules have no ACT rule to measure them by.
 * - Frames are separate documents (maps, video players, the interaction platform's mailbox) that the crawl
 *   reads on their own; axe would also wait for an answer from each frame it was not injected in. On the ACT
 *   test cases, scanning frames would add one failed case found (akn7bn) of 268.
 */
export const axeRunOptions: RunOptions = {
  runOnly: { type: 'tag', values: axeTags },
  rules: { 'frame-tested': { enabled: false }, 'css-orientation-lock': { enabled: true } },
  resultTypes: ['violations'],
  iframes: false,
};
const maxExamples = 3;
const maxHtmlChars = 300;

let axeSource: string | undefined;
/** axe-core and its Chinese messages (axe's own zh_CN locale): rule help texts reach reports in Chinese. */
function loadAxeSource(): string {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    const locale = readFileSync(require.resolve('axe-core/locales/zh_CN.json'), 'utf8');
    axeSource = `${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')};axe.configure({ locale: ${locale} });`;
  }
  return axeSource;
}

/**
 * Runs every axe-core rule (axeTags) on the page as it is now. Returns null when axe fails or does not
 * finish within the timeout (a hostile page must not hang the crawl); the caller closes the tab, which
 * also stops an axe run still going on inside it.
 */
export async function runAxe(page: Page, options: { timeoutMs?: number } = {}): Promise<AxePageResult | null> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), options.timeoutMs ?? 15_000)));
  try {
    const run = (async () => {
      const violations = await inIsolatedWorld<InPageViolation[]>(page, [
        loadAxeSource(),
        `(${runInPage.toString()})(${JSON.stringify({ options: axeRunOptions, maxExamples, maxHtmlChars })})`,
      ]);
      return { url: page.url(), ms: Math.round(performance.now() - started), violations: violations.map(withCriteria) };
    })();
    return await Promise.race([run.catch(() => null), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Evaluates the scripts in turn in a world of their own on the page's main frame, and gives the last one's
 * value. The page shares its DOM with that world but not its globals: a page script that redefines
 * `Element`, `Array.prototype.find` or `Node` (a 繁简切换 script declared `var Element` at top level) cannot
 * break axe there. Runtime.evaluate from the protocol is not subject to the page's CSP, unlike a script tag.
 */
async function inIsolatedWorld<T>(page: Page, scripts: string[]): Promise<T> {
  // The tab's kept session: one opened and closed every scan cost the browser more than the calls it carried.
  const client = await keptSession(page);
  const { frameTree } = await client.send('Page.getFrameTree');
  const { executionContextId } = await client.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'govscore-axe' });
  let value: unknown;
  for (const expression of scripts) {
    const answer = await client.send('Runtime.evaluate', { expression, contextId: executionContextId, awaitPromise: true, returnByValue: true });
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    value = answer.result.value;
  }
  return value as T;
}

type InPageViolation = Omit<AxeViolation, 'wcag' | 'level'>;

/**
 * Runs in the page: axe.run, then only what we keep leaves the page (a page with thousands of failing
 * nodes would otherwise send megabytes of results over the protocol). No named inner functions: tsx
 * wraps those in a __name() helper that does not exist in the page.
 */
async function runInPage(limits: { options: RunOptions; maxExamples: number; maxHtmlChars: number }): Promise<InPageViolation[]> {
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const results = await axe.run(document, limits.options);
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    tags: v.tags,
    help: v.help,
    nodes: v.nodes.length,
    examples: v.nodes.slice(0, limits.maxExamples).map((n) => ({
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' '),
      html: n.html.slice(0, limits.maxHtmlChars),
    })),
  }));
}

function withCriteria(v: InPageViolation): AxeViolation {
  return { ...v, wcag: successCriteria(v.tags), level: conformanceLevel(v.tags) };
}
