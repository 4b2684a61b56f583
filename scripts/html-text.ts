import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/**
 * The visible text of a saved HTML page without a browser, for the text checks' corpus script and the sample
 * portals' text test: scripts, styles and elements hidden by attribute or inline style left out, a line per
 * block and <br> (as the crawl's page reader breaks them), runs of white space in a line collapsed.
 */
const blocks = new Set(
  'address article aside blockquote dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul caption option'.split(
    ' ',
  ),
);
const skipped = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'select']);

function hidden(el: Element): boolean {
  const a = el.attribs;
  return 'hidden' in a || a['aria-hidden'] === 'true' || (a['type'] ?? '') === 'hidden' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a['style'] ?? '');
}

export function htmlToText(html: string): { title: string; text: string } {
  // htmlparser2 (cheerio's xml mode off): about three times quicker than parse5, and as forgiving of old markup.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const title = $('title').first().text().trim();
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') parts.push(node.data);
    else if (node.type === 'tag' || node.type === 'script' || node.type === 'style' || node.type === 'root') {
      if (node.type !== 'root') {
        if (skipped.has(node.name) || hidden(node)) return;
        if (node.name === 'br') return void parts.push('\n');
      }
      const block = node.type !== 'root' && blocks.has(node.name);
      if (block) parts.push('\n');
      for (const child of node.children) walk(child);
      if (block) parts.push('\n');
    }
  };
  walk($.root()[0]!);
  const lines = parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { title, text: lines.join('\n') };
}
