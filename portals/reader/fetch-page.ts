import * as cheerio from 'cheerio';

/**
 * A plain HTTP reader for checking the sample portals against their truth, deliberately independent of
 * the crawler: fetch, decode by the header or the <meta> charset (GBK sites), parse with cheerio.
 */
export interface FetchedPage {
  status: number;
  url: string;
  contentType: string;
  text: string;
  $: cheerio.CheerioAPI;
}

export async function fetchPage(url: string, init: { cookie?: string; timeoutMs?: number } = {}): Promise<FetchedPage> {
  const response = await fetch(url, {
    headers: init.cookie ? { cookie: init.cookie } : {},
    signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  const text = new TextDecoder(charsetOf(contentType, bytes)).decode(bytes);
  return { status: response.status, url: response.url, contentType, text, $: cheerio.load(text) };
}

/** Charset from the Content-Type header, else from a <meta> in the first KiB, else UTF-8. */
export function charsetOf(contentType: string, bytes: Buffer): string {
  const header = /charset=([\w-]+)/i.exec(contentType);
  if (header) return header[1]!.toLowerCase();
  const head = bytes.subarray(0, 1024).toString('latin1');
  const meta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : 'utf-8';
}
