import { readFileSync } from 'node:fs';

import type { Page } from 'puppeteer';

const zoomScript = readFileSync(new URL('./in-page/text-zoom.js', import.meta.url), 'utf8');

/** What the text zoom read: the boxes that clip text and did not overflow at 100 %, and those that cut text at the zoom. */
export interface TextZoomRead {
  boxes: number;
  issue: { check: 'text-zoom'; count: number; examples: Array<{ selector: string; html: string }>; detail?: string } | null;
}

/**
 * Resize text (WCAG 1.4.4): the page's text at `factor` times its size, the rest of the layout as the page's
 * CSS makes it, then text cut off by a box that hides its overflow where nothing overflowed before; the page
 * restored as it was. Needs the page checks' script in the page (runPageChecks loads it first).
 */
export async function textZoom(page: Page, factor = 2): Promise<TextZoomRead> {
  return (await page.evaluate(`${zoomScript};window.__govscorePageChecks.textZoom(${factor})`)) as TextZoomRead;
}
