import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'puppeteer';

import { replaceFile } from '../../common/replace-file.js';
import { PageTextSink } from './page-texts.js';

/** Compressed page texts kept per run at most: about 40,000 pages at the 2–5 KB a page's text takes gzipped. */
export const defaultMaxTextBytes = 200 * 1024 * 1024;

/**
 * Screenshots kept as evidence, as JPEG files next to the database (`<dir>/<site>/<name>.jpg`), not
 * inside it: the store stays small and quick to copy, the images are write-once files the web server
 * can serve as they are, and a run's evidence can be archived or purged as one folder. The bound is per
 * run: once `maxBytes` are written, further screenshots are skipped (and counted). A capture that fails
 * (its renderer too busy to answer in time) is tried once more, then counted as failed.
 */
export class EvidenceSink {
  bytes = 0;
  skipped = 0;
  failed = 0;
  /** The pages' texts for the text checks, beside the screenshots, bounded on their own (page-texts.ts). */
  readonly texts: PageTextSink;
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
    maxTextBytes = defaultMaxTextBytes,
  ) {
    this.texts = new PageTextSink(dir, maxTextBytes);
  }

  /** The viewport (not the whole page) at JPEG quality 55: about 50–150 KB, enough to read a list's dates. */
  async screenshot(page: Page, siteId: string, url: string): Promise<string | null> {
    if (this.bytes >= this.maxBytes) {
      this.skipped++;
      return null;
    }
    try {
      // On a loaded machine a busy renderer can miss the first deadline and answer the second.
      const image = await captureViewport(page, 5000).catch(() => captureViewport(page, 5000));
      const name = `${createHash('sha1').update(url).digest('hex').slice(0, 16)}.jpg`;
      await mkdir(join(this.dir, siteId), { recursive: true });
      await replaceFile(join(this.dir, siteId, name), image);
      this.bytes += image.length;
      return `${siteId}/${name}`;
    } catch {
      this.failed++;
      return null;
    }
  }
}

/**
 * The viewport as JPEG through a CDP session of its own. Not page.screenshot(): Puppeteer lets one
 * screenshot at a time run per browser, so a single capture that never returns (a tab whose renderer
 * is busy) kept every other site's screenshots — and the crawls waiting on them — stuck behind it.
 */
async function captureViewport(page: Page, timeoutMs: number): Promise<Buffer> {
  const session = await page.createCDPSession();
  let timer: NodeJS.Timeout | undefined;
  try {
    const capture = session.send('Page.captureScreenshot', { format: 'jpeg', quality: 55, optimizeForSpeed: true });
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('screenshot timeout')), timeoutMs)));
    const { data } = await Promise.race([capture, timeout]);
    return Buffer.from(data, 'base64');
  } finally {
    clearTimeout(timer);
    await session.detach().catch(() => undefined);
  }
}

/** sha256 of the page's HTML as rendered, to tell later whether a page changed. */
export async function contentHash(page: Page): Promise<string | null> {
  try {
    const html = await Promise.race([page.content(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
    return createHash('sha256').update(html).digest('hex');
  } catch {
    return null;
  }
}
