import { readFileSync } from 'node:fs';

import type { Page } from 'puppeteer';

const zoomScript = readFileSync(new URL('./in-page/text-zoom.js', import.meta.url), 'utf8');

type ZoomIssue = { check: 'text-zoom' | 'page-zoom'; count: number; examples: Array<{ selector: string; html: string }>; detail?: string };

/** What the text zoom read: the boxes that clip text and did not overflow at 100 %, and those that cut text at the zoom. */
export interface TextZoomRead {
  boxes: number;
  issue: ZoomIssue | null;
}

/**
 * Resize text (WCAG 1.4.4): the page's text at `factor` times its size, the rest of the layout as the page's
 * CSS makes it, then text cut off by a box that hides its overflow where nothing overflowed before; the page
 * restored as it was. Needs the page checks' script in the page (runPageChecks loads it first).
 */
export async function textZoom(page: Page, factor = 2): Promise<TextZoomRead> {
  return (await page.evaluate(`${zoomScript};window.__govscorePageChecks.textZoom(${factor})`)) as TextZoomRead;
}

/** What the whole-page zoom read: whether the page was laid out at the zoomed width at all, and the boxes that cut text there. */
export interface PageZoomRead {
  laidOut: boolean;
  issue: ZoomIssue | null;
}

/**
 * Resize text by zooming the whole page (1.4.4, technique G142): at `factor` times, the page is laid out in the
 * viewport's CSS size divided by it (1280 × 900 zoomed to 200 % is 640 × 450, ACT 59br37's viewport), with
 * the styles its media queries give that width. Laid out so only where the page's style sheets change between
 * the two widths (a width media query, or a sheet that cannot be read): otherwise it is laid out by the styles
 * text zoom has just read. The viewport is restored.
 */
export async function pageZoom(page: Page, factor = 2): Promise<PageZoomRead> {
  const viewport = page.viewport();
  if (!viewport) return { laidOut: false, issue: null };
  const narrow = { ...viewport, width: Math.round(viewport.width / factor), height: Math.round(viewport.height / factor) };
  const needed = (await page.evaluate(`${zoomScript};window.__govscorePageChecks.pageZoomStart(${viewport.width}, ${narrow.width})`)) as boolean;
  if (!needed) return { laidOut: false, issue: null };
  try {
    await page.setViewport(narrow);
    return { laidOut: true, issue: (await page.evaluate('window.__govscorePageChecks.pageZoomRead()')) as ZoomIssue | null };
  } finally {
    await page.setViewport(viewport).catch(() => undefined);
    await page.evaluate('window.scrollTo(0, 0)').catch(() => undefined);
  }
}
