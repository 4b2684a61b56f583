import { readFile } from 'node:fs/promises';

import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

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

/** The address of every link in a PDF (its link annotations), as a reader's viewer would follow them. */
export async function pdfLinks(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const links: string[] = [];
  for (let n = 1; n <= doc.numPages; n++)
    for (const a of (await (await doc.getPage(n)).getAnnotations()) as Array<{ subtype?: string; url?: string; unsafeUrl?: string; dest?: unknown }>)
      if (a.subtype === 'Link' && (a.unsafeUrl ?? a.url)) links.push(a.unsafeUrl ?? a.url ?? '');
  await doc.destroy();
  return links;
}

/** The fonts the first page of a PDF draws with: name, type (Type3, CIDFontType2 …) and whether its font file is embedded. */
export async function pdfFonts(file: string): Promise<Array<{ name: string; type: string; embedded: boolean }>> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, isEvalSupported: false, fontExtraProperties: true })
    .promise;
  const page = await doc.getPage(1);
  const operators = await page.getOperatorList();
  const ids = new Set(operators.fnArray.flatMap((fn, i) => (fn === OPS.setFont ? [operators.argsArray[i][0] as string] : [])));
  const fonts = [...ids].map((id) => {
    const font = page.commonObjs.get(id) as { name: string; type: string; isType3Font: boolean; missingFile: boolean };
    return { name: font.name, type: font.isType3Font ? 'Type3' : font.type, embedded: !font.missingFile };
  });
  await doc.destroy();
  return fonts;
}
