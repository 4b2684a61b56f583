import { existsSync } from 'node:fs';

import puppeteer, { type Browser } from 'puppeteer';

/** Where a Chromium may live on our machines, in the order we try them after PUPPETEER_EXECUTABLE_PATH. */
const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const browserInstallHelp =
  'No Chromium found. On Debian/Ubuntu as root: apt-get install -y chromium fonts-noto-cjk ' +
  '(the .ci/run script does this); elsewhere install Chrome or Chromium and set PUPPETEER_EXECUTABLE_PATH.';

/** PUPPETEER_EXECUTABLE_PATH, then known system paths, then Puppeteer's own cache; null when none exists. */
export function findChromium(): string | null {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const path of systemPaths) if (existsSync(path)) return path;
  try {
    const cached = puppeteer.executablePath();
    if (cached && existsSync(cached)) return cached;
  } catch {
    // Puppeteer throws when its cache is empty; that is the "none" case.
  }
  return null;
}

/**
 * Chromium's headless shell (Debian's chromium-headless-shell): the same Blink and V8 without the full
 * browser's layers. Loading and reading the sample portals' pages took about a quarter less of Chromium's
 * CPU in it than in `chromium --headless` (96 against 133 ms a page, 235 pages, 5 tabs), and CPU is what a
 * crawl on 2 cores runs out of. Used for headless runs when present, unless PUPPETEER_EXECUTABLE_PATH
 * names a browser.
 */
const headlessShellPaths = ['/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell'];

export function findHeadlessShell(): string | null {
  if (process.env.PUPPETEER_EXECUTABLE_PATH) return null;
  return headlessShellPaths.find((path) => existsSync(path)) ?? null;
}

/**
 * Flags that work as root on our machines; the background-networking ones stop Chromium from calling
 * out to Google services, which this network refuses.
 */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(options: { headless?: boolean } = {}): Promise<Browser> {
  const headless = options.headless ?? true;
  const shell = headless ? findHeadlessShell() : null;
  const executablePath = shell ?? findChromium();
  if (!executablePath) throw new Error(browserInstallHelp);
  return puppeteer.launch({ executablePath, headless: shell ? 'shell' : headless, args: chromiumFlags });
}
