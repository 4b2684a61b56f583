import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';

/**
 * The text of an attachment a government page links (公示 lists, notices, tables), for the text checks. Each
 * format is parsed by a library that reads the file's structure, never runs it: pdf.js with eval off and no
 * fonts loaded, mammoth (DOCX), word-extractor (DOC, OLE streams), ExcelJS (XLSX cells). An old binary XLS has
 * no maintained reader on npm: it is recorded as not read, like a file a library could not open.
 */

export type AttachmentFormat = 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx';

export const attachmentFormats: readonly AttachmentFormat[] = ['pdf', 'doc', 'docx', 'xls', 'xlsx'];

/** The format of a URL by its file name's extension, or null when it is not one of them. */
export function attachmentFormat(url: string): AttachmentFormat | null {
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return null;
  }
  const ext = /\.([a-z]+)$/.exec(path)?.[1];
  return ext && (attachmentFormats as readonly string[]).includes(ext) ? (ext as AttachmentFormat) : null;
}

/** Pages of a PDF read at most: a 300-page report's first pages say who it is about. */
const maxPdfPages = 50;

export type Extracted = { text: string } | { failure: string };

export async function extractText(bytes: Uint8Array, format: AttachmentFormat): Promise<Extracted> {
  try {
    switch (format) {
      case 'pdf':
        return { text: await pdfText(bytes) };
      case 'docx':
        return { text: (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value };
      case 'doc': {
        const doc = await new WordExtractor().extract(Buffer.from(bytes));
        return { text: [doc.getBody(), doc.getFootnotes(), doc.getEndnotes()].filter(Boolean).join('\n') };
      }
      case 'xlsx':
        return { text: await xlsxText(bytes) };
      case 'xls':
        return { failure: 'unsupported-format' };
    }
  } catch (error) {
    return { failure: `unreadable: ${String(error instanceof Error ? error.message : error).slice(0, 120)}` };
  }
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // A copy: pdf.js takes the buffer over. Eval off, no fonts loaded, no worker fetched: parsed only.
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, maxPdfPages); n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages.join('\n').normalize('NFKC');
  } finally {
    await doc.destroy();
  }
}

/** Each row of each sheet as a line, its cells separated by a tab (as a table copied from Excel reads). */
async function xlsxText(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cell.text));
      lines.push(cells.join('\t'));
    });
  });
  return lines.join('\n');
}
