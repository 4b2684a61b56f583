/**
 * Saved pages we did not write (fetched into a folder outside the repository), listed and served on loopback for
 * the measuring scripts (accuracy.ts, link-checks-corpus.ts, page-checks-corpus.ts): byte for byte, only what the
 * script means to serve, with every request to the outside world refused.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';

import { parse } from 'csv-parse/sync';
import type { HTTPRequest, Page } from 'puppeteer';

import { launchBrowser } from '../../evaluators/collect/browser.js';
import { closeTab, newTab, type OpenedPage, openUrl } from '../../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../../evaluators/collect/options.js';

/** A saved page: its path under the folder, and what DIR/manifest.csv says of it (`file,…,kind,site_host,is_gov`). */
export interface SavedPage {
  file: string;
  host: string | null;
  gov: boolean | null;
  /** The crawl's role the page would have: from the manifest's `kind`. */
  role: 'homepage' | 'column' | 'article';
}

const roleOfKind = (kind: string | undefined): SavedPage['role'] =>
  kind === 'home' || kind === 'homepage' ? 'homepage' : kind === 'article' ? 'article' : 'column';

/** Every .html/.htm file under `dir`, in order, with its manifest row's host, government mark and kind when there is one. */
export function savedPages(dir: string): SavedPage[] {
  const manifest = join(dir, 'manifest.csv');
  const known = new Map<string, { site_host?: string; is_gov?: string; kind?: string }>();
  if (existsSync(manifest))
    for (const row of parse(readFileSync(manifest), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>)
      if (row.file) known.set(row.file, row);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.html?$/i.test(name)) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.map((file) => {
    const row = known.get(file);
    return { file, host: row?.site_host || null, gov: row?.is_gov ? row.is_gov === 'yes' : null, role: roleOfKind(row?.kind) };
  });
}

import { charsetOf } from '../../portals/reader/fetch-page.js';

/**
 * Whether a saved copy's bytes are UTF-8 holding more than ASCII: then it was stored as UTF-8, whatever its <meta>
 * says. A tool that re-encodes what it saves keeps the page's GBK or GB2312 <meta>, and Chinese text in GBK is never
 * valid UTF-8: read by its <meta>, such a copy would be mojibake where a visitor of the live page read words.
 */
export function storedAsUtf8(body: Buffer): boolean {
  if (!body.some((b) => b > 0x7f)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/**
 * The header a saved page is served with. The live page's header, which the copy lost, named its charset: UTF-8 for a
 * copy stored as UTF-8 (the header wins over a <meta> left from before); else its <meta>, or the browser's sniffing.
 */
export function savedPageContentType(body: Buffer): string {
  if (storedAsUtf8(body)) return 'text/html; charset=utf-8';
  // Only a <meta> declaring one counts: a `<script charset=…>` or a style sheet's @charset says nothing of the page.
  if (/<meta[^>]*charset\s*=/i.test(body.subarray(0, 4096).toString('latin1'))) return 'text/html';
  return body.some((b) => b > 0x7f) ? 'text/html' : 'text/html; charset=utf-8';
}

/** A saved page's text as a browser served it with savedPageContentType reads it. */
export function savedPageText(body: Buffer): string {
  try {
    return new TextDecoder(storedAsUtf8(body) ? 'utf-8' : charsetOf('', body)).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body); // a charset TextDecoder does not know
  }
}

/** Serves the files under `dir` that `serves` accepts (an absolute path), each passed through `body` when given. */
export function serveSavedPages(
  dir: string,
  serves: (path: string) => boolean,
  body: (bytes: Buffer) => Buffer = (b) => b,
): Promise<{ server: Server; origin: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = resolve(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1));
    if (!path.startsWith(root + sep) || !existsSync(path) || !serves(path)) {
      res.writeHead(404).end();
      return;
    }
    const bytes = body(readFileSync(path));
    res.writeHead(200, { 'content-type': savedPageContentType(bytes) }).end(bytes);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/**
 * Outside requests are refused at once. A saved page whose script sends the browser on to its live
 * address (https, a mobile edition) stays where it is: an empty answer to that navigation leaves the
 * saved copy on screen, where a refusal would show Chromium's error page instead.
 */
export function answerOffline(r: HTTPRequest, origin: string): Promise<void> {
  if (r.url().startsWith(origin) || r.url().startsWith('data:')) return r.continue();
  if (r.isNavigationRequest() && r.frame()?.parentFrame() === null) return r.respond({ status: 204, body: '' });
  return r.abort();
}

/**
 * Serves `pages` of `dir` and opens each in headless Chromium as the crawl opens pages, on two tabs, outside requests
 * refused; `visit` reads the tab (or records why the page did not open). Progress goes to stderr; the browser and
 * the server are closed at the end.
 */
export async function visitSavedPages<T extends { file: string }>(
  dir: string,
  pages: T[],
  visit: (tab: Page, page: T, opened: OpenedPage, origin: string) => Promise<void>,
): Promise<void> {
  const { server, origin } = await serveSavedPages(dir, (path) => /\.html?$/i.test(path));
  const browser = await launchBrowser();
  let done = 0;
  try {
    const queue = [...pages];
    const worker = async () => {
      const tab = await newTab(browser, defaultCollectOptions.userAgent);
      await tab.setRequestInterception(true);
      tab.on('request', (r) => void answerOffline(r, origin).catch(() => undefined));
      for (let page = queue.shift(); page; page = queue.shift()) {
        const url = `${origin}/${page.file.split('/').map(encodeURIComponent).join('/')}`;
        await visit(tab, page, await openUrl(tab, url, defaultCollectOptions.timeoutMs, true), origin);
        process.stderr.write(`\r${++done}/${pages.length}`);
      }
      await closeTab(tab);
    };
    await Promise.all([worker(), worker()]);
    process.stderr.write('\n');
  } finally {
    await browser.close();
    server.close();
  }
}
