import { readFile } from 'node:fs/promises';

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of every page of a PDF, as a reader would copy it (pdf.js, no rendering), NFKC-normalised:
 * the CJK fonts map some glyphs to Kangxi radicals (⽹ U+2F79 for 网), which NFKC folds back — compare
 * with expectations normalised the same way (full-width ： becomes :).
 */
export async function pdfText(file: string): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: pages.join('\n').normalize('NFKC') };
}
