import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

import { attachmentFormat, extractText } from '../../../../evaluators/collect/attachment-text.js';

/** A one-page PDF written by hand: Helvetica, one line of text (the xref offsets computed as the file is built). */
function pdf(line: string): Uint8Array {
  const stream = `BT /F1 12 Tf 72 720 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A minimal DOCX: the three parts Word needs, one paragraph per line. */
async function docx(lines: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines.map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('attachmentFormat', () => {
  it('knows the formats by extension, whatever the case or query', () => {
    expect(['a.PDF', 'b.doc', 'c.docx?x=1', 'd.xls', 'e.xlsx', 'f.zip', 'g.html', 'pdf'].map((n) => attachmentFormat(`https://a.gov.cn/files/${n}`))).toEqual([
      'pdf',
      'doc',
      'docx',
      'xls',
      'xlsx',
      null,
      null,
      null,
    ]);
  });
});

describe('extractText', () => {
  it('reads a PDF’s text', async () => {
    expect(await extractText(pdf('ID 110101199003071233 mobile 13812345678'), 'pdf')).toEqual({ text: 'ID 110101199003071233 mobile 13812345678' });
  });
  it('reads a DOCX’s paragraphs', async () => {
    const extracted = await extractText(await docx(['拟聘用人员名单', '王某某 身份证号110101199003071233']), 'docx');
    expect('text' in extracted && extracted.text.trim().split(/\n+/)).toEqual(['拟聘用人员名单', '王某某 身份证号110101199003071233']);
  });
  it('reads an XLSX’s rows as lines of tab-separated cells', async () => {
    expect(
      await extractText(
        await xlsx([
          ['姓名', '手机'],
          ['王某某', '13812345678'],
        ]),
        'xlsx',
      ),
    ).toEqual({ text: '姓名\t手机\n王某某\t13812345678' });
  });
  it('records a file it cannot read, and an old XLS, as not read with the reason', async () => {
    const broken = new TextEncoder().encode('<html>not a document</html>');
    for (const format of ['pdf', 'docx', 'doc', 'xlsx'] as const)
      expect(await extractText(broken, format), format).toEqual({ failure: expect.stringMatching(/^unreadable: /) });
    expect(await extractText(broken, 'xls')).toEqual({ failure: 'unsupported-format' });
  });
});
