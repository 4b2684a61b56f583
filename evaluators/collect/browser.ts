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
  const executablePath = findChromium();
  if (!executablePath) throw new Error(browserInstallHelp);
  return puppeteer.launch({ executablePath, headless: options.headless ?? true, args: chromiumFlags });
}
