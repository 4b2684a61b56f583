import { type AttachmentFormat, attachmentFormat, extractText } from './attachment-text.js';
import { noteRetryAfter, throughHostGate } from './host-gate.js';
import type { AttachmentBudget } from './options.js';
import type { PageTextRef } from './page-texts.js';

/**
 * The site's own attachments (PDF, DOC(X), XLS(X) linked from the pages read) fetched for the text checks, one
 * at a time with the crawl's pause between requests and through the host gate (a Retry-After is honoured, a
 * host that asks for too long is left alone), within a count and a size budget, in the order the pages linked
 * them: the same site and budget read the same files. Each is parsed for its text, never opened in the browser
 * nor run. A file not read is recorded with why.
 */

/** How a site's attachments were read, as results.json states it beside the page budget. */
export interface AttachmentReading {
  budget: AttachmentBudget;
  /** Same-site attachment links found, and those the count or size budget left unread. */
  found: number;
  overBudget: number;
  read: number;
  bytes: number;
  /** Fetched or tried, and not read: the file and why (http-404, too-large, unsupported-format, unreadable: …). */
  notRead: Array<{ url: string; reason: string }>;
}

export interface AttachmentFetchOptions {
  budget: AttachmentBudget;
  timeoutMs: number;
  userAgent: string;
  headers: Record<string, string>;
  /** The crawl's pause between two requests to the host. */
  delayMs: number;
  /** Whether a URL (after redirects) is the site's own. */
  ownSite: (url: string) => boolean;
}

export async function readAttachments(
  urls: readonly string[],
  options: AttachmentFetchOptions,
  keep: (url: string, title: string, text: string) => Promise<PageTextRef | null>,
): Promise<{ texts: PageTextRef[]; reading: AttachmentReading }> {
  // In URL order: the links come as their checks finish, and which files the budget reads must not hang on that.
  const candidates = [...new Set(urls)].filter((u) => attachmentFormat(u) && options.ownSite(u)).sort();
  const reading: AttachmentReading = { budget: options.budget, found: candidates.length, overBudget: 0, read: 0, bytes: 0, notRead: [] };
  const texts: PageTextRef[] = [];
  for (const [i, url] of candidates.entries()) {
    if (i >= options.budget.maxFiles || reading.bytes >= options.budget.maxTotalBytes) {
      reading.overBudget = candidates.length - i;
      break;
    }
    if (i > 0 && options.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const room = Math.min(options.budget.maxFileBytes, options.budget.maxTotalBytes - reading.bytes);
    const fetched = await fetchFile(url, room, options);
    reading.bytes += fetched.bytes;
    if ('failure' in fetched) {
      reading.notRead.push({ url, reason: fetched.failure });
      continue;
    }
    const extracted = await extractText(fetched.body, attachmentFormat(url) as AttachmentFormat);
    if ('failure' in extracted) {
      reading.notRead.push({ url, reason: extracted.failure });
      continue;
    }
    const ref = await keep(url, decodeURIComponent(new URL(url).pathname.split('/').pop() ?? ''), extracted.text);
    if (ref) texts.push(ref);
    reading.read++;
  }
  return { texts, reading };
}

type Fetched = { body: Uint8Array; bytes: number } | { failure: string; bytes: number };

const maxRedirects = 5;

/** A GET through the host gate, redirects followed on the site only (another host is never contacted), its body read up to `room` bytes. */
async function fetchFile(start: string, room: number, options: AttachmentFetchOptions): Promise<Fetched> {
  let url = start;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const fetched = await fetchOnce(url, room, options);
    if (!('redirect' in fetched)) return fetched;
    if (!options.ownSite(fetched.redirect)) return { failure: 'off-site', bytes: 0 };
    url = fetched.redirect;
  }
  return { failure: 'redirect-loop', bytes: 0 };
}

async function fetchOnce(url: string, room: number, options: AttachmentFetchOptions): Promise<Fetched | { redirect: string }> {
  const { answer, limited } = await throughHostGate(url, async () => {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { ...options.headers, 'user-agent': options.userAgent },
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      return {
        answer: { failure: /timeout/i.test(String((error as Error).name)) ? 'timeout' : 'network', bytes: 0 } as Fetched | { redirect: string },
        hold: null,
      };
    }
    const hold = await noteRetryAfter(url, response.status, (name) => response.headers.get(name));
    if (hold) {
      await response.body?.cancel().catch(() => undefined);
      return { answer: { failure: 'rate-limited', bytes: 0 } as Fetched | { redirect: string }, hold };
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => undefined);
      return { answer: { redirect: new URL(location, url).href }, hold: null };
    }
    return { answer: await body(response, room), hold: null };
  });
  return limited ? { failure: 'rate-limited', bytes: 0 } : answer!;
}

async function body(response: Response, room: number): Promise<Fetched> {
  const cancel = () => response.body?.cancel().catch(() => undefined);
  if (response.status >= 400) {
    await cancel();
    return { failure: `http-${response.status}`, bytes: 0 };
  }
  if (Number(response.headers.get('content-length') ?? 0) > room) {
    await cancel();
    return { failure: 'too-large', bytes: 0 };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      if (size > room) {
        await cancel();
        return { failure: 'too-large', bytes: size };
      }
      chunks.push(chunk);
    }
  } catch {
    return { failure: 'timeout', bytes: size };
  }
  return { body: Buffer.concat(chunks), bytes: size };
}
