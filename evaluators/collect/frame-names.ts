import type { ElementHandle, Frame, Page } from 'puppeteer';

import { textsUnrelated } from '../lib/judged-names.js';
import { sameSite } from './url-scope.js';

/**
 * Frames of one name that show unrelated documents (4.1.2, ACT 4b1c6c), as a suspected finding: a frame's name
 * (title, aria-label, aria-labelledby) is how a screen reader user picks one frame among others, and two frames
 * named alike are taken to hold the same thing. Every frame of the page is read, nested ones too (they are part of
 * the page). Two frames are not judged when they show the same address (redirects followed), when either is another
 * site's (advertisements, players, maps: content chosen elsewhere for one purpose, which ACT counts as equivalent),
 * or when either says too little to compare. Documents that differ in their navigation only (breadcrumbs, a
 * sub-menu) or in wording share most of their words and are not reported: only texts sharing next to nothing are.
 */
export interface FrameNameIssue {
  check: 'identical-frames-differ';
  count: number;
  examples: Array<{ selector: string; html: string }>;
  detail: string;
  suspected: true;
}

/** Frames read at most: a page of many embeds costs a round trip or two each. */
const maxFrames = 30;
/** A frame's text read, at most (characters): enough to tell two documents apart. */
const maxText = 4000;
/** A frame that does not answer in this time is left out (a page still loading, a frame stuck in a script). */
const frameReadMs = 1500;

interface FrameRead {
  frame: Frame;
  name: string;
  selector: string;
  html: string;
}

/**
 * The name and markup of the iframe (or frame) element that holds a frame, or null when it is not rendered. Runs in
 * the frame's parent; no named inner functions: tsx wraps those in a __name() helper that does not exist in the page.
 */
function readElement(element: ElementHandle<Element>): Promise<Omit<FrameRead, 'frame'> | null> {
  return element.evaluate((el) => {
    if (!el.getClientRects().length || el.closest('[aria-hidden="true"]')) return null;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return null;
    const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (el.ownerDocument.getElementById(id)?.textContent ?? '') : ''))
      .join(' ');
    const name = [labelledBy, el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '']
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .find((s) => s !== '');
    const html = el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1).slice(0, 200);
    const selector = el.id ? `#${CSS.escape(el.id)}` : `${el.tagName.toLowerCase()}[src="${(el.getAttribute('src') ?? '').replace(/["\\]/g, '\\$&')}"]`;
    return { name: name ?? '', selector, html };
  });
}

function withTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), frameReadMs)));
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

const addressOf = (frame: Frame) => frame.url().replace(/#.*$/, '');

export async function frameNameIssues(page: Page): Promise<FrameNameIssue[]> {
  const frames = page
    .frames()
    .filter((f) => f !== page.mainFrame() && !f.detached)
    .slice(0, maxFrames);
  const read = await Promise.all(
    frames.map((frame) =>
      withTimeout(
        (async (): Promise<FrameRead | null> => {
          const element = await frame.frameElement();
          if (!element) return null;
          const r = await readElement(element).finally(() => void element.dispose());
          return r && r.name ? { frame, ...r } : null;
        })(),
        null,
      ),
    ),
  );
  const byName = new Map<string, FrameRead[]>();
  for (const r of read) if (r) byName.set(r.name.toLowerCase(), [...(byName.get(r.name.toLowerCase()) ?? []), r]);
  const site = page.url();
  const texts = new Map<Frame, Promise<string>>();
  const textOf = (frame: Frame) => {
    if (!texts.has(frame))
      texts.set(
        frame,
        withTimeout(
          frame.evaluate((n) => (document.body ? document.body.innerText.slice(0, n) : ''), maxText),
          '',
        ),
      );
    return texts.get(frame)!;
  };
  const flagged: FrameRead[] = [];
  const pairs: string[] = [];
  for (const group of byName.values()) {
    const own = group.filter((r) => sameSite(addressOf(r.frame), site, true));
    for (let i = 0; i < own.length; i++)
      for (let j = i + 1; j < own.length; j++) {
        const [a, b] = [own[i]!, own[j]!];
        if (addressOf(a.frame) === addressOf(b.frame)) continue;
        if (!textsUnrelated(await textOf(a.frame), await textOf(b.frame))) continue;
        for (const r of [a, b]) if (!flagged.includes(r)) flagged.push(r);
        pairs.push(`“${a.name}”：${addressOf(a.frame)}、${addressOf(b.frame)}`);
      }
  }
  if (!flagged.length) return [];
  return [
    {
      check: 'identical-frames-differ',
      count: flagged.length,
      examples: flagged.slice(0, 3).map((r) => ({ selector: r.selector, html: r.html })),
      detail: `名称相同的框架显示的网页内容几乎没有相同的字词：${pairs.slice(0, 3).join('；')}`,
      suspected: true,
    },
  ];
}
