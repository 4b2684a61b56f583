/** The part of word-extractor (no types of its own) the attachment reader uses: a .doc's text, parsed from its OLE streams. */
declare module 'word-extractor' {
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<{ getBody(): string; getFootnotes(): string; getEndnotes(): string }>;
  }
}
