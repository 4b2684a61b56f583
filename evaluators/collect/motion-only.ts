import type { CDPSession, Page } from 'puppeteer';

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
  // The elements and what is read from them in one group, released at the end: the session outlives the page's reads.
  const objectGroup = 'govscore-motion-controls';
  try {
    const { result } = await client.send('Runtime.evaluate', { expression: 'window.__govscorePageChecks.motionCandidates', objectGroup });
    if (!result.objectId) return null;
    const { result: props } = await client.send('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
    const heard = await Promise.all(
      props
        .filter((p) => Number.isInteger(Number(p.name)) && p.value?.objectId)
        .map(async (p) => {
          const { listeners } = await client.send('DOMDebugger.getEventListeners', { objectId: p.value!.objectId! });
          return listeners.some((l) => answerTypes.has(l.type));
        }),
    );
    if (heard.some(Boolean)) return null;
  } finally {
    await client.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
  return (await page.evaluate('window.__govscorePageChecks.motionOnlyIssue()')) as MotionOnlyIssue;
}
