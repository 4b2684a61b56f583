import { existsSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';

import puppeteer, { type Browser } from 'puppeteer';

import { makeOwnedTempDir, removeOrphanedTempDirs } from '../../common/owned-temp-dirs.js';

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

/** This process's running browsers (profile folder → process group): folders go when the browser exits, or when this process does. */
const running = new Map<string, number | undefined>();
let exitHook = false;

/** At exit, whichever of Puppeteer's hooks and this one runs first: the browser is killed before its folder goes. */
function endBrowsersAtExit(): void {
  for (const [dir, pid] of running) {
    try {
      if (pid) process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Chromium over a pipe (`--remote-debugging-pipe`) rather than a WebSocket: the browser exits when the
 * pipe closes, so it dies with this process even on kill -9. Measured here with Debian's chromium and
 * chromium-headless-shell, kill -9 of the node process: over a WebSocket all 7–10 Chromium processes
 * (520 MB with the headless shell, 1 GB with chromium) were still running 10 s later; over the pipe none
 * was after 2 s. The profile goes in `govscore-chrome-<pid>-…` in the temp directory, and each launch
 * first removes those a killed process left.
 *
 * `handleSignals: false` when the caller handles SIGINT/SIGTERM itself: Puppeteer's own handlers close
 * the browser at once (and exit on SIGINT), before the caller could hand its work back.
 */
export async function launchBrowser(options: { headless?: boolean; handleSignals?: boolean } = {}): Promise<Browser> {
  const headless = options.headless ?? true;
  const shell = headless ? findHeadlessShell() : null;
  const executablePath = shell ?? findChromium();
  if (!executablePath) throw new Error(browserInstallHelp);
  await removeOrphanedTempDirs('chrome');
  const userDataDir = await makeOwnedTempDir('chrome');
  const handleSignals = options.handleSignals ?? true;
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: shell ? 'shell' : headless,
      args: chromiumFlags,
      pipe: true,
      userDataDir,
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  // Puppeteer starts the browser as the leader of its own process group.
  running.set(userDataDir, browser.process()?.pid);
  if (!exitHook) process.on('exit', endBrowsersAtExit);
  exitHook = true;
  browser.process()?.once('exit', () => {
    running.delete(userDataDir);
    void rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
  });
  return browser;
}
