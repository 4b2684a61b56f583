import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';

import { replaceFile } from '../../common/replace-file.js';
import type { PageRead } from './read-page.js';

const gzipAsync = promisify(gzip);

/**
 * The visible text of every page the crawl read (and of the attachments it extracted), kept for the text
 * checks (错敏信息, personal data leaks), which run at evaluate time: an office can correct a dictionary and
 * re-score without crawling again. Each text is a gzip file beside the screenshots (`<dir>/<site>/text/…`):
 * the store stays small, and a run's evidence is archived or purged as one folder. Its sha256 is the
 * page's content hash as a reader sees it (a dismissal can tell whether the page changed since).
 */

export interface PageTextRef {
  url: string;
  /** Path under the run's evidence folder. */
  file: string;
  /** sha256 of the text kept (title and text). */
  sha256: string;
  chars: number;
  kind: 'page' | 'attachment';
}

/** The longest text kept of one page or attachment: a longer one is cut (and the cut counted). */
export const maxTextChars = 200_000;

export class PageTextSink {
  bytes = 0;
  skipped = 0;
  failed = 0;
  cut = 0;
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  /** Keeps the text; null when the run's bound is reached or the file could not be written (counted). */
  async keep(siteId: string, url: string, title: string, text: string, kind: PageTextRef['kind']): Promise<PageTextRef | null> {
    if (this.bytes >= this.maxBytes) {
      this.skipped++;
      return null;
    }
    if (text.length > maxTextChars) this.cut++;
    const body = { url, title, text: text.slice(0, maxTextChars) };
    const sha256 = createHash('sha256').update(`${body.title}\n${body.text}`).digest('hex');
    const name = `${createHash('sha1').update(`${kind} ${url}`).digest('hex').slice(0, 16)}.json.gz`;
    try {
      const data = await gzipAsync(JSON.stringify(body));
      await mkdir(join(this.dir, siteId, 'text'), { recursive: true });
      await replaceFile(join(this.dir, siteId, 'text', name), data);
      this.bytes += data.length;
      return { url, file: `${siteId}/text/${name}`, sha256, chars: body.text.length, kind };
    } catch {
      this.failed++;
      return null;
    }
  }

  /** A read page's text: its lines as a reader sees them (blocks and <br> broken into lines). */
  keepRead(siteId: string, read: PageRead): Promise<PageTextRef | null> {
    return this.keep(siteId, read.url, read.title, (read.lines ?? []).join('\n'), 'page');
  }
}

/** The stored texts of a site, read back for the text checks; a file gone or damaged is left out (and counted). */
export function readPageTexts(
  dir: string,
  refs: readonly PageTextRef[],
): { documents: Array<{ url: string; title: string; text: string; kind: PageTextRef['kind'] }>; missing: number } {
  const documents = [];
  let missing = 0;
  for (const ref of refs) {
    try {
      const body = JSON.parse(gunzipSync(readFileSync(join(dir, ref.file))).toString('utf8')) as { url: string; title: string; text: string };
      documents.push({ url: body.url, title: body.title, text: body.text, kind: ref.kind });
    } catch {
      missing++;
    }
  }
  return { documents, missing };
}
