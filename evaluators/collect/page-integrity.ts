import { readFileSync } from 'node:fs';

import type { Page } from 'puppeteer';

import { icpNumber, policeNumber } from '../lib/filing-numbers.js';
import { urlTemplate } from './url-scope.js';

const checksScript = readFileSync(new URL('./in-page/page-checks.js', import.meta.url), 'utf8');
const integrityScript = readFileSync(new URL('./in-page/page-integrity.js', import.meta.url), 'utf8');
const revealScript = readFileSync(new URL('./in-page/hidden-reveal.js', import.meta.url), 'utf8');

/** A link to another host that a visitor cannot see, and how the page hides it. */
export interface HiddenLink {
  href: string;
  text: string;
  /** The computed style that hides it, e.g. `display:none`, `position:absolute;left:-9999px;top:20px`. */
  how: string;
  selector: string;
  html: string;
  /** The ancestor carrying that style (null: the link itself). */
  hiddenBy: string | null;
  /** Links to the page's own host inside that ancestor: a dropdown menu or tab panel holds some, an injected block none. */
  siteLinksBeside: number;
  /**
   * How a visitor is shown the hiding element (in-page/hidden-reveal.js): a menu or panel of the page's own, not an
   * injected block; null when nothing tried shows it (absent from observations stored before it was read).
   */
  shownBy?: ShownBy | null;
}

/**
 * `hover`: hovering or focusing `control` shows it (the page's :hover/:focus rules or its mouse and focus handlers);
 * `width`: the page's @media rules show it at another screen width; `panel`: it holds form controls or a close button, or is
 * a dialog (a login or cookie box, a notice); `menu`: inside what the page marks as a menu or a popup's owner (`control`, WAI-ARIA
 * roles and aria-haspopup/aria-expanded), or a navigation (nav) wholly out of sight; `set`: one of like elements shown one at a time (tab panels, slides, list items); `slide`: a slide of a carousel (`control`: its
 * track), one of like siblings in a track that clips or is moved, while another shows or turning buttons sit beside it; `fading`: a widget
 * the page has not yet faded in (opacity 0 with pointer-events none), which an injected block has no reason to be.
 */
export interface ShownBy {
  how: 'hover' | 'width' | 'panel' | 'menu' | 'set' | 'slide' | 'fading';
  control: string | null;
}

export interface OutboundLink {
  href: string;
  text: string;
  title: string;
}

/** The footer furniture as the page shows it: the lines' text, and the links to other hosts that may be the badge or the filings. */
export interface PageFurniture {
  siteIdCode: string | null;
  icp: string | null;
  police: string | null;
  /** Links to other hosts holding an image (a badge) or naming a filing (ICP, 备案, 公网安备, 党政机关). */
  links: Array<{ href: string; text: string; image: string | null }>;
}

/** What in-page/page-integrity.js read on one page of the crawl. */
export interface PageIntegrity {
  url: string;
  /** The crawl's role for the page (homepage, column, hub, content, article). */
  role: string;
  /** The URL template it belongs to (url-scope.ts urlTemplate, as axe's sampling groups pages). */
  template: string;
  hidden: HiddenLink[];
  /** Visible links to other hosts (each once per site: a link on many pages is kept on the first by URL). */
  outbound: OutboundLink[];
  /** Scripts, frames and embeds served by other hosts (per page: the 党政机关 badge is often a script on each). */
  sources: string[];
  furniture: PageFurniture;
}

/**
 * Reads the page a tab holds; null when the page's scripts keep the renderer from answering in time. `ownHosts`:
 * other names of the site's host, for a saved copy served from loopback (scripts/link-checks-corpus.ts).
 */
export async function readIntegrity(page: Page, role: string, timeoutMs = 5_000, ownHosts: string[] = []): Promise<PageIntegrity | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    return await Promise.race([
      (async () => {
        await page.evaluate(checksScript);
        await page.evaluate(integrityScript);
        await page.evaluate(revealScript);
        const patterns = { icp: icpNumber.source, police: policeNumber.source };
        const read = (await page.evaluate(`window.__govscoreIntegrity(${JSON.stringify(ownHosts)}, ${JSON.stringify(patterns)})`)) as Omit<
          PageIntegrity,
          'role' | 'template'
        >;
        return { ...read, role, template: urlTemplate(read.url) };
      })().catch(() => null),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The pages in URL order, each visible outside link kept on the first page showing it: what is stored does not
 * depend on which page finished first, and a footer's links repeated on every page are kept once.
 */
export function siteIntegrity(pages: PageIntegrity[]): PageIntegrity[] {
  const sorted = [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const links = new Set<string>();
  return sorted.map((p) => ({ ...p, outbound: p.outbound.filter((l) => !links.has(l.href) && !!links.add(l.href)) }));
}
