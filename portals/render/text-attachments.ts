import { type Html, html } from '../../reports/html.js';
import type { Item, Portal } from '../model/types.js';

/**
 * The attachments planted for the text checks (a 公示 list as a PDF, linked from the newest article of its
 * column): where each is served, the link the article shows, and the file itself.
 */
export interface TextAttachment {
  path: string;
  name: string;
  text: string;
}

export function textAttachments(portal: Portal): Map<Item, TextAttachment> {
  const out = new Map<Item, TextAttachment>();
  for (const plant of portal.textPlants ?? []) {
    const item = portal.columns.find((c) => c.id === plant.columnId)?.items[0];
    if (item && plant.attachment) out.set(item, { path: `/attach/${plant.columnId}_${item.id}.pdf`, name: plant.attachment.name, text: plant.attachment.text });
  }
  return out;
}

export function attachmentLink(a: TextAttachment | undefined): Html {
  return a ? html`<p class="attach">附件：<a href="${a.path}">${a.name}</a></p>` : html``;
}

/** A one-page PDF of one line of (ASCII) text in Helvetica, written out by hand with its cross-reference table. */
export function onePagePdf(line: string): Buffer {
  const stream = `BT /F1 11 Tf 56 760 Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
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
  return Buffer.from(out, 'latin1');
}
