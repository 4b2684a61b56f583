import type { CDPSession, Page } from 'puppeteer';

/**
 * A protocol session of our own on a tab, for what the page's scripts cannot do (a world of our own for axe, the
 * listeners of an element), opened the first time a page of the tab needs it and kept for the tab's next pages:
 * opening and closing one every page cost the browser more than the calls it served. It goes with the tab.
 */
const sessions = new WeakMap<Page, CDPSession>();
export async function keptSession(page: Page): Promise<CDPSession> {
  const kept = sessions.get(page);
  if (kept && !kept.detached) return kept;
  const session = await page.createCDPSession();
  sessions.set(page, session);
  return session;
}
