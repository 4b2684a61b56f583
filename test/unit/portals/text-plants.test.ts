import { describe, expect, it } from 'vitest';

import { parseDictionaries } from '../../../evaluators/lib/text-dictionaries.js';
import { compileDictionaries } from '../../../evaluators/lib/wording-matcher.js';
import { evaluateTextChecks, type TextDocument } from '../../../evaluators/text-checks.js';
import { assemblePortal } from '../../../portals/model/assemble.js';
import { sampleProfiles } from '../../../portals/model/profiles/index.js';
import { portalTruth } from '../../../portals/model/truth.js';
import { charsetOf } from '../../../portals/reader/fetch-page.js';
import { RenderContext } from '../../../portals/render/context.js';
import { portalRoutes } from '../../../portals/render/routes.js';
import { htmlToText } from '../../../scripts/html-text.js';
import { loadDictionaries } from '../../../server/config/text-dictionaries.js';

/**
 * Every page of the six sample portals reachable from the homepage, rendered in memory (classic markup), read as
 * text without a browser and checked with the shipped example dictionaries: the text checks find exactly what
 * the portals plant (portals/model/profiles: qxx's wrong title and 错别字, rsj's ID number and mobile) and
 * nothing on any other page. The shared crawl holds the crawler's reading to the same truth (assess-run).
 */
const origins = { portal: 'http://portal.test', interaction: 'http://platform.test', dead: 'http://dead.test' };
const source = loadDictionaries();
const dictionaries = compileDictionaries(parseDictionaries(source.files, source.source));

describe('the sample portals, every page read as text', () => {
  it.each(sampleProfiles.map((p) => p.id))('%s: the text checks find what is planted, and nothing else', (id) => {
    const portal = assemblePortal(
      sampleProfiles.find((p) => p.id === id)!,
      'text-checks',
      '2026-11-21',
    );
    const truth = portalTruth(portal, origins);
    const documents = readAllPages(portalRoutes(new RenderContext(portal, origins)));
    expect(documents.length, id).toBeGreaterThan(50);
    const m = evaluateTextChecks(documents, dictionaries, source);
    const found = m.flags.map((f) => ({ url: f.url, check: f.check, kind: f.kind, found: f.check === 'leak' ? f.entry : f.quote }));
    // The attachments planted are read by the crawl (assess-run); here only the pages.
    const planted = truth.textChecks.planted.filter((p) => p.in === 'page');
    expect(found.map(({ url, check, kind }) => ({ url, check, kind })).sort(byKind), id).toEqual(
      planted.map(({ url, check, kind }) => ({ url, check, kind })).sort(byKind),
    );
    for (const p of planted) expect(found.find((f) => f.kind === p.kind && f.url === p.url)!.found, `${id} ${p.kind}`).toContain(p.found);
  });
});

/** Every HTML page reachable from the homepage through the portal's own links (query pages included), as text. */
function readAllPages(routes: ReturnType<typeof portalRoutes>): TextDocument[] {
  const queue = ['/'];
  const seen = new Set(queue);
  const documents: TextDocument[] = [];
  while (queue.length) {
    const path = queue.shift()!;
    const [route, query = ''] = path.split('?') as [string, string?];
    const reply = routes.get(route)?.(new URLSearchParams(query));
    const type = reply?.type ?? 'text/html';
    // qxx's homepage is a redirect to /index.asp.
    const location = reply?.headers?.['Location'];
    if (location && !seen.has(location)) {
      queue.push(location);
      seen.add(location);
    }
    if (!reply || reply.status !== 200 || !type.includes('html')) continue;
    // A page is rendered as a string (the server encodes qxx's to GBK on the way out); bytes are decoded as sent.
    const html = typeof reply.body === 'string' ? reply.body : new TextDecoder(charsetOf(type, reply.body)).decode(reply.body);
    documents.push({ url: `${origins.portal}${path}`, ...htmlToText(html), kind: 'page' });
    for (const [, href] of html.matchAll(/href="([^"#]+)"/g)) {
      const url = new URL(href!.replaceAll('&amp;', '&'), `${origins.portal}${path}`);
      const next = url.pathname + url.search;
      if (url.origin !== origins.portal || seen.has(next) || seen.size >= 3000) continue;
      queue.push(next);
      seen.add(next);
    }
  }
  return documents;
}

const byKind = (a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind);
