import { type DefaultTreeAdapterMap, parse, type ParserError, Tokenizer, TokenizerMode } from 'parse5';
import type { Page } from 'puppeteer';

/** Markup read at most: a page longer than this is read up to here (its head and first screens). */
const maxSourceChars = 1_500_000;
/** A server slow to send the page again does not hold up the markup reads: the check is then not made. */
const fetchTimeoutMs = 3000;
const maxExamples = 3;
const maxHtmlChars = 200;

/** What the check reports, in the shape of a page check's issue (page-checks.ts). */
export interface DuplicateAttributeIssue {
  check: 'duplicate-attribute';
  count: number;
  examples: Array<{ selector: string; html: string }>;
  detail: string;
}

/** Elements whose content the tree builder has the tokenizer read as text: no tags, so no attributes, inside. */
const textModes: Readonly<Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/**
 * Whether any start tag repeats an attribute, by the tokenizer alone: a tenth of a whole parse's time (12 against
 * 140 ms on 200 K characters), which is only made, for the elements' places, on the rare page where this is true.
 */
function repeatsAttribute(source: string): boolean {
  let found = false;
  const none = () => undefined;
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: false },
    {
      onParseError: (e) => void (e.code === 'duplicate-attribute' && (found = true)),
      onStartTag: (tag) => {
        const mode = textModes[tag.tagName];
        if (mode !== undefined && !tag.selfClosing) tokenizer.state = mode;
      },
      onEndTag: none,
      onComment: none,
      onDoctype: none,
      onEof: none,
      onCharacter: none,
      onNullCharacter: none,
      onWhitespaceCharacter: none,
    },
  );
  tokenizer.write(source, true);
  return found;
}

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * The markup the server sent for the page now open, as the browser decoded it (the document's own charset: GBK
 * pages stay readable), or null for a page that is not HTML (XHTML, SVG, XML, a PDF) or cannot be read. A duplicated
 * attribute never reaches the DOM (the parser keeps the first), so only the source shows it. Read from the
 * browser's cache where it holds the document (`force-cache`), otherwise fetched once more; null when that fails
 * or takes more than fetchTimeoutMs.
 */
export async function documentSource(page: Page): Promise<string | null> {
  return (await page
    .evaluate(
      `(async () => {
    if (document.contentType !== 'text/html' || !/^https?:/.test(location.protocol)) return null;
    const response = await fetch(location.href, { cache: 'force-cache', credentials: 'same-origin', signal: AbortSignal.timeout(${fetchTimeoutMs}) });
    if (!response.ok || !/html/i.test(response.headers.get('content-type') || 'text/html')) return null;
    const bytes = await response.arrayBuffer();
    try { return new TextDecoder(document.characterSet).decode(bytes).slice(0, ${maxSourceChars}); } catch (e) { return null; }
  })()`,
    )
    .catch(() => null)) as string | null;
}

/**
 * 4.1.1 (WCAG 2.0, which GB/T 37668-2019 follows): start tags that repeat an attribute (`alt="" alt="标志"`),
 * as the HTML parser reports them (its `duplicate-attribute` parse error). Attributes in script text are
 * not markup and are not read. Null when none.
 */
export function duplicateAttributes(source: string): DuplicateAttributeIssue | null {
  if (!repeatsAttribute(source)) return null;
  const errors: ParserError[] = [];
  const document = parse(source, { sourceCodeLocationInfo: true, onParseError: (e) => void (e.code === 'duplicate-attribute' && errors.push(e)) });
  if (!errors.length) return null;
  // A tag with two repeated attributes is one element.
  const offsets = [...new Set(errors.map((e) => e.startOffset))];
  const found: Element[] = [];
  // A template's content is a fragment of its own: its elements' place is read through the template.
  const templates = new Map<Node, Element>();
  const visit = (node: Node) => {
    if ('tagName' in node) {
      const tag = node.sourceCodeLocation?.startTag;
      if (tag && offsets.some((o) => o >= tag.startOffset && o < tag.endOffset)) found.push(node);
      if (node.tagName === 'template') {
        const content = (node as DefaultTreeAdapterMap['template']).content;
        templates.set(content, node);
        visit(content);
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(document);
  const elements = [...new Set(found)];
  if (!elements.length) return null;
  const examples: DuplicateAttributeIssue['examples'] = elements.slice(0, maxExamples).map((el) => {
    const tag = el.sourceCodeLocation!.startTag!;
    const html = source.slice(tag.startOffset, tag.endOffset);
    return { selector: selectorOf(el, templates), html: html.length > maxHtmlChars ? `${html.slice(0, maxHtmlChars - 1)}…` : html };
  });
  return {
    check: 'duplicate-attribute',
    count: elements.length,
    examples,
    detail: `${elements.length} 个元素的开始标签重复写了同一属性（浏览器只取第一个，如 ${examples[0]!.html.slice(0, 60)}）`,
  };
}

/** The element's place from the nearest ancestor with an id, by tag and position among its like siblings (as the in-page checks write it). */
function selectorOf(el: Element, templates: Map<Node, Element>): string {
  const parts: string[] = [];
  let node: Element | null = el;
  while (node && parts.length < 6) {
    const id = node.attrs.find((a) => a.name === 'id')?.value;
    if (id && /^[A-Za-z][\w-]*$/.test(id)) {
      parts.unshift(`#${id}`);
      break;
    }
    if (node.tagName === 'html' || node.tagName === 'body') {
      parts.unshift(node.tagName);
      break;
    }
    const parent: Node | null = node.parentNode as Node | null;
    const siblings = parent && 'childNodes' in parent ? parent.childNodes.filter((c): c is Element => 'tagName' in c && c.tagName === node!.tagName) : [];
    parts.unshift(siblings.length > 1 ? `${node.tagName}:nth-of-type(${siblings.indexOf(node) + 1})` : node.tagName);
    node = parent && 'tagName' in parent ? parent : ((parent && templates.get(parent)) ?? null);
  }
  return parts.join(' > ');
}
