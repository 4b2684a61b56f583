import type { CDPSession, Page } from 'puppeteer';

import { listenedItems } from './listened.js';

/**
 * Motion whose result no control on the page gives (2.5.4, ACT 7677a9), as a suspected finding: after the simulated
 * tilt and turn changed the page (in-page/device-motion.js), the page has no field a person can set, no form to send,
 * and neither its buttons and links nor the window, document or body (where a handler may be delegated) listen to a
 * press, a key or a change, as the debugger protocol sees them. Such a page can be operated by motion alone. Read only
 * where the motion changed something: one more round trip on other pages.
 */
export interface MotionOnlyIssue {
  check: 'motion-only';
  count: number;
  examples: Array<{ selector: string; html: string }>;
  detail?: string;
  suspected: true;
}

/** What a person's press, key or entry sets off. */
const answerTypes = new Set([
  'click',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'dblclick',
  'keydown',
  'keyup',
  'keypress',
  'change',
  'input',
]);

export async function motionOnlyIssue(page: Page, client: CDPSession): Promise<MotionOnlyIssue | null> {
  const pressable = (await page.evaluate('window.__govscorePageChecks.motionControls()')) as number | null;
  if (pressable === null) return null;
  const heard = await listenedItems(client, 'window.__govscorePageChecks.motionCandidates', answerTypes);
  if (heard.size) return null;
  return (await page.evaluate('window.__govscorePageChecks.motionOnlyIssue()')) as MotionOnlyIssue;
}
