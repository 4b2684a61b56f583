import type { Browser, HTTPRequest, HTTPResponse, Page } from 'puppeteer';

import { rateLimitedReason } from './failures.js';
import { type HostHold, noteRetryAfter, throughHostGate } from './host-gate.js';

export interface OpenedPage {
  page: Page;
  status: number | null;
  finalUrl: string;
  ms: number;
  error: string | null;
  /** Declared size of the document (Content-Length), when the server says. */
  bytes?: number | null;
}

/** Statuses anti-bot firewalls answer with before their script sets a cookie and reloads. */
const challengeStatuses = new Set([202, 403, 412, 429, 521]);

/** What the crawl never needs to fetch: it reads structure, not pixels. */
const blockedUrls = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp', 'ico', 'svg', 'mp4', 'webm', 'mp3', 'flv', 'woff', 'woff2', 'ttf', 'otf', 'eot'].flatMap(
  (ext) => [`*.${ext}`, `*.${ext}?*`, `*.${ext.toUpperCase()}`],
);

/**
 * A new tab that does not fetch images, media or fonts. Blocked by URL pattern inside Chromium
 * (Network.setBlockedURLs) rather than by request interception, which stops every request of every
 * page for a round trip through Node: on a 2-core machine that alone cost a tenth of the crawl.
 */
export async function newTab(browser: Browser, userAgent: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setUserAgent(userAgent);
  await page.setViewport({ width: 1280, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setBlockedURLs', { urls: blockedUrls });
  // alert/confirm/prompt would block the page: dismiss them; beforeunload would keep a reused tab on
  // its page: accept it. window.open would spawn tabs nobody closes: a no-op before any page script runs.
  page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => undefined));
  await page.evaluateOnNewDocument('window.open = function () { return null; };');
  return page;
}

/**
 * Loads a URL and waits for its scripts to settle (lists filled by XHR). A firewall challenge
 * (412 + cookie script + reload) is waited through, as a browser user would. `settle: false` returns at
 * DOMContentLoaded: for a caller that reads what the server wrote and calls settlePage when that is not enough.
 * A document whose declared size is over `maxBytes` is stopped as soon as its headers arrive ("too-large"):
 * parsing megabytes of markup could take longer than the page's time and would say only "timeout".
 * A document answered "retry after" (429/503) is loaded again once the pause is over; a pause longer than
 * the run's patience leaves it unloaded ("rate-limited").
 */
export async function openUrl(page: Page, url: string, timeoutMs: number, settle = true, maxBytes = Infinity): Promise<OpenedPage> {
  const { answer, limited } = await throughHostGate(url, () => loadOnce(page, url, timeoutMs, settle, maxBytes));
  return limited ? { page, status: null, finalUrl: url, ms: 0, error: rateLimitedReason(limited.askedS) } : answer;
}

/** One load of openUrl, with the pause the document's answer asked for. */
async function loadOnce(page: Page, url: string, timeoutMs: number, settle: boolean, maxBytes: number): Promise<{ answer: OpenedPage; hold: HostHold | null }> {
  const started = performance.now();
  // The last document response of the main frame: a challenge that keeps reloading aborts goto(), and
  // what it answered is still the truth about the site.
  let lastDocument: number | null = null;
  let tooLarge: number | null = null;
  // Pauses asked by any answer of the page (its host's or another's), recorded before the load returns.
  const noted: Array<Promise<HostHold | null>> = [];
  let documentHold: Promise<HostHold | null> = Promise.resolve(null);
  const onResponse = (r: HTTPResponse) => {
    const hold = noteRetryAfter(r.url(), r.status(), (name) => r.headers()[name]);
    hold.catch(() => undefined); // a Redis error is thrown on when awaited below, never left unhandled
    noted.push(hold);
    if (!r.request().isNavigationRequest() || r.frame() !== page.mainFrame()) return;
    lastDocument = r.status();
    documentHold = hold;
    const declared = Number(r.headers()['content-length'] ?? NaN);
    if (declared > maxBytes) {
      tooLarge = declared;
      void page.evaluate('window.stop()').catch(() => undefined);
    }
  };
  // A page that goes on by itself (meta refresh, script) to an address that does not answer ends on Chromium's
  // error page: what failed is only known from the request.
  let lastNavigationFailure: { url: string; reason: string } | null = null;
  const onRequestFailed = (r: HTTPRequest) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) lastNavigationFailure = { url: r.url(), reason: r.failure()?.errorText ?? 'error' };
  };
  const done = async (answer: OpenedPage) => {
    await Promise.all(noted);
    return { answer, hold: await documentHold };
  };
  const tooLargeResult = (): OpenedPage => ({
    page,
    status: lastDocument,
    finalUrl: page.url(),
    ms: Math.round(performance.now() - started),
    error: 'too-large',
    bytes: tooLarge,
  });
  page.on('response', onResponse);
  page.on('requestfailed', onRequestFailed);
  try {
    let response: HTTPResponse | null = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    if (tooLarge !== null) return await done(tooLargeResult());
    // A 429 with Retry-After is a rate limiter's answer, not a challenge that reloads: no reload is waited for.
    if ((await documentHold) === null && response && challengeStatuses.has(response.status())) {
      response = (await page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: 8000 }).catch(() => null)) ?? response;
    }
    if (settle && (await documentHold) === null) {
      await settlePage(page);
      await followMetaRefresh(page);
    }
    const status = lastDocument !== null && challengeStatuses.has(lastDocument) ? lastDocument : (response?.status() ?? null);
    const length = Number(response?.headers()['content-length'] ?? NaN);
    const ms = Math.round(performance.now() - started);
    if (page.url().startsWith('chrome-error:')) {
      const failed = lastNavigationFailure as { url: string; reason: string } | null;
      return await done({ page, status: null, finalUrl: failed?.url ?? url, ms, error: classifyError(failed?.reason ?? 'error') });
    }
    return await done({ page, status, finalUrl: page.url(), ms, error: null, bytes: Number.isFinite(length) ? length : null });
  } catch (error) {
    if (tooLarge !== null) return await done(tooLargeResult());
    const ms = Math.round(performance.now() - started);
    if (lastDocument !== null && challengeStatuses.has(lastDocument)) return await done({ page, status: lastDocument, finalUrl: page.url(), ms, error: null });
    return await done({ page, status: null, finalUrl: url, ms, error: classifyError(error) });
  } finally {
    page.off('response', onResponse);
    page.off('requestfailed', onRequestFailed);
  }
}

/** A page declaring it goes on within this many seconds (meta refresh) is followed before it is read. */
const followRefreshWithinS = 5;

/**
 * Waits for the page's own meta refresh when it declares one soon: under load the refresh may fire only after
 * the page has settled, and what is read then would be a page that is already leaving (or, for an address that
 * does not answer, Chromium's error page read as the site's).
 */
async function followMetaRefresh(page: Page): Promise<void> {
  // A renderer stuck in a script loop never answers: the question is given up after a second, the refresh left alone.
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 1000)));
  const asked = page
    .evaluate(() => {
      const content = document.querySelector('meta[http-equiv="refresh" i]')?.getAttribute('content') ?? '';
      const declared = /^\s*(\d+(?:\.\d+)?)\s*[;,]\s*(?:url\s*=\s*)?\S/i.exec(content);
      return declared ? Number(declared[1]) : null;
    })
    .catch(() => null);
  const delayS = await Promise.race([asked, giveUp]).finally(() => clearTimeout(timer));
  if (delayS === null || delayS > followRefreshWithinS) return;
  await page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: delayS * 1000 + 5000 }).catch(() => undefined);
  await settlePage(page);
}

/** Waits until the page's requests have been quiet for a moment (scripts filling lists by XHR), at most 4 s. */
export async function settlePage(page: Page): Promise<void> {
  await page.waitForNetworkIdle({ idleTime: 150, timeout: 4000 }).catch(() => undefined);
}

/** Names of navigation failures, shared with the availability probes. */
export function classifyError(error: unknown): string {
  // Node's fetch says only "fetch failed"; the system error code is on its cause.
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const message = (error instanceof Error ? `${error.name} ${error.message}` : String(error)) + (cause ? ` ${cause.code ?? ''} ${cause.message ?? ''}` : '');
  if (/TimeoutError|timeout|ETIMEDOUT|UND_ERR_.*TIMEOUT/i.test(message)) return 'timeout';
  if (/ERR_CONNECTION_REFUSED|ECONNREFUSED/.test(message)) return 'refused';
  if (/ERR_NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN/.test(message)) return 'dns';
  if (/ERR_CONNECTION_RESET|ECONNRESET|ERR_EMPTY_RESPONSE|socket hang up|other side closed/i.test(message)) return 'reset';
  if (/ERR_CERT|ERR_SSL|CERT_|self.signed/i.test(message)) return 'tls';
  if (/ERR_TOO_MANY_REDIRECTS/.test(message)) return 'redirect-loop';
  if (/Target closed|crashed|Session closed|detached/i.test(message)) return 'crashed-renderer';
  return 'error';
}

/** Closes a tab even when its renderer is stuck in a script loop (close is not awaited forever). */
export async function closeTab(page: Page): Promise<void> {
  await Promise.race([page.close({ runBeforeUnload: false }).catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
}
