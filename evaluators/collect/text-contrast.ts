import type { CDPSession, Page } from 'puppeteer';

import { type Box, characterContrast, judgeTextContrast, minimumContrast, type Rgba } from '../lib/contrast.js';
import { decodePng } from '../lib/png.js';

/** What the check reports, in the shape of a page check's issue (page-checks.ts, which imports this file). */
export interface ContrastIssue {
  check: 'text-contrast-background';
  count: number;
  examples: Array<{ selector: string; html: string }>;
  detail: string;
  suspected?: true;
}

/** What the check looked at on a page: elements over a gradient, those read from the pixels, the screenshots taken. */
export interface ContrastRead {
  gradients: number;
  /** Text over a background image: not read (the crawl does not fetch images). */
  pictures: number;
  read: number;
  shots: number;
  ms: number;
  issue: ContrastIssue | null;
}

interface Candidate {
  i: number;
  color: Rgba;
  size: number;
  weight: number;
  /** Character boxes in page coordinates. */
  boxes: Box[];
}

/** Elements read from the pixels a page at most: each costs a share of a screenshot (text near one another share one). */
export const maxContrastElements = 20;
/** Screenshots a page at most (each of the text within one screen's height): the elements further down are not read. */
export const maxContrastShots = 3;
/** A screenshot not back by then is given up, and none is started after maxMs: a busy renderer must not hold up the rest of the checks. */
const shotTimeoutMs = 1500;
const maxMs = 3000;
const maxExamples = 3;

/**
 * Text over a CSS gradient (1.4.3), which axe-core leaves for review: the text's background is drawn without the
 * text (the text made transparent, its shadow kept: ACT counts a shadow as background) and captured in clip
 * screenshots, the candidates within one viewport's height in one (maxContrastShots at most); then each sampled character is judged on the
 * pixels of its own box (judgeTextContrast). Characters covered by something else, out of the page's scrolling
 * reach or over a picture (background images and images are not fetched by the crawl) are not read. Needs the
 * page checks' script and text-contrast.js in the page; leaves the page as it was (styles, scroll).
 */
export async function textOverGradients(page: Page, session: () => Promise<CDPSession>): Promise<ContrastRead> {
  const started = performance.now();
  const { candidates, gradients, pictures } = (await page.evaluate(`window.__govscorePageChecks.contrastCandidates(${maxContrastElements})`)) as {
    candidates: Candidate[];
    gradients: number;
    pictures: number;
  };
  const read: ContrastRead = { gradients, pictures, read: 0, shots: 0, ms: 0, issue: null };
  const done = () => ((read.ms = Math.round(performance.now() - started)), read);
  if (!candidates.length) return done();
  const verdicts = new Map<number, ReturnType<typeof judgeTextContrast>>();
  try {
    await page.evaluate('window.__govscorePageChecks.contrastHide()');
    const height = (await page.evaluate('window.innerHeight')) as number;
    const top = (c: Candidate) => Math.min(...c.boxes.map((b) => b[1]));
    const bottom = (c: Candidate) => Math.max(...c.boxes.map((b) => b[1] + b[3]));
    const waiting = [...candidates].sort((a, b) => top(a) - top(b));
    const client = await session();
    while (waiting.length && read.shots < maxContrastShots && performance.now() - started < maxMs) {
      const scrollTo = Math.max(0, Math.floor(top(waiting[0]!)) - 8);
      const together = waiting.filter((c, k) => k === 0 || bottom(c) <= scrollTo + height);
      for (const c of together) waiting.splice(waiting.indexOf(c), 1);
      const shown = (await page.evaluate(`window.__govscorePageChecks.contrastView(${scrollTo}, ${JSON.stringify(together.map((c) => c.i))})`)) as Box[][];
      const boxes = shown.flat();
      if (!boxes.length) continue;
      const x = Math.floor(Math.min(...boxes.map((b) => b[0])));
      const y = Math.floor(Math.min(...boxes.map((b) => b[1])));
      const width = Math.ceil(Math.max(...boxes.map((b) => b[0] + b[2]))) - x;
      const clipHeight = Math.ceil(Math.max(...boxes.map((b) => b[1] + b[3]))) - y;
      let timer: NodeJS.Timeout | undefined;
      const shot = await Promise.race([
        client.send('Page.captureScreenshot', { format: 'png', clip: { x, y, width, height: clipHeight, scale: 1 }, optimizeForSpeed: true }),
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), shotTimeoutMs))),
      ]).finally(() => clearTimeout(timer));
      if (!shot) break;
      read.shots++;
      const image = decodePng(Buffer.from(shot.data, 'base64'));
      together.forEach((c, k) => {
        if (!shown[k]!.length) return;
        const characters = shown[k]!.map((b) => characterContrast(image, [b[0] - x, b[1] - y, b[2], b[3]], c.color));
        verdicts.set(c.i, judgeTextContrast(characters, minimumContrast(c.size, c.weight)));
        read.read++;
      });
    }
  } finally {
    await page.evaluate('window.__govscorePageChecks.contrastRestore()').catch(() => undefined);
  }
  const found = (verdict: 'fails' | 'suspected') => candidates.filter((c) => verdicts.get(c.i)?.verdict === verdict);
  const failing = found('fails');
  const suspected = failing.length ? [] : found('suspected');
  const listed = failing.length ? failing : suspected;
  if (!listed.length) return done();
  const examples = (await page.evaluate(
    `window.__govscorePageChecks.contrastDescribe(${JSON.stringify(listed.slice(0, maxExamples).map((c) => c.i))})`,
  )) as ContrastIssue['examples'];
  const verdict = (c: Candidate) => verdicts.get(c.i)!;
  const lowest = Math.min(...listed.map((c) => verdict(c).worst));
  const needed = Math.max(...listed.map((c) => minimumContrast(c.size, c.weight)));
  const share = (c: Candidate) => `${verdict(c).failing}/${verdict(c).read}`;
  read.issue = {
    check: 'text-contrast-background',
    count: listed.length,
    examples,
    detail: failing.length
      ? `${failing.length} 处渐变背景上的文字，每个字符周围的背景没有一处与文字的对比度达到要求：最好处仅 ${lowest.toFixed(1)}:1（要求 ${needed}:1）`
      : `${suspected.length} 处渐变背景上的文字，多数字符（如 ${share(suspected[0]!)} 个抽查的字符）周围的背景没有一处达到要求的对比度（最低 ${lowest.toFixed(1)}:1，要求 ${needed}:1），其余部分可辨认，需人工判断`,
    ...(failing.length ? {} : { suspected: true as const }),
  };
  return done();
}
