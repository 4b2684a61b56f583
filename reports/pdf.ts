import { readFile, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

import type { Browser, Page } from 'puppeteer';

import { printFontFaces } from './print-fonts.js';

/**
 * Prints a report page we wrote to PDF with the crawler's Chromium: A4, backgrounds, page numbers.
 * Loaded from its file so the screenshots it links (relative paths) are embedded. Scripts are off:
 * the page carries crawled text, and nothing in a report needs to run.
 */
export async function printPdf(browser: Browser, htmlFile: string, pdfFile: string): Promise<void> {
  // Paper cannot be clicked: folded <details> sections are printed open (a copy beside the page, so
  // its relative links still resolve). The copy gets the TrueType CJK fonts, which the PDF embeds as fonts, laid out
  // unhinted (geometricPrecision): with pixel-rounded advances their Latin letters were spaced unevenly ("robot s.txt").
  const printable = htmlFile.replace(/\.html$/, '') + '.print.html';
  const markup = (await readFile(htmlFile, 'utf8'))
    .replaceAll('<details>', '<details open>')
    .replace('</head>', () => `<style>${printFontFaces()}body{text-rendering:geometricPrecision}</style></head>`);
  await writeFile(printable, markup);
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.goto(pathToFileURL(printable).href, { waitUntil: 'load', timeout: 60_000 });
    await unlinkLocalFiles(page);
    await page.pdf({
      path: pdfFile,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:9px;width:100%;text-align:center;color:#888"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      timeout: 120_000,
    });
  } finally {
    await page.close();
    await rm(printable, { force: true });
  }
}

/**
 * A PDF turns every link into an absolute address: a relative one (a chart's SVG, a screenshot) becomes
 * `file:///…` on the machine that printed it — broken for every reader, and it tells them where the report was
 * written. Only links to the web (http, https, mailto) and within the document (#…) stay; the others lose
 * their href and print as text. Done through the protocol's DOM, since scripts are off in this page.
 */
async function unlinkLocalFiles(page: Page): Promise<void> {
  const client = await page.createCDPSession();
  try {
    const { root } = await client.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'a[href], area[href]' });
    for (const nodeId of nodeIds) {
      const { attributes } = await client.send('DOM.getAttributes', { nodeId });
      const href = attributes[attributes.indexOf('href') + 1] ?? '';
      if (!/^\s*(https?:|mailto:|#)/i.test(href)) await client.send('DOM.removeAttribute', { nodeId, name: 'href' });
    }
  } finally {
    await client.detach().catch(() => undefined);
  }
}
