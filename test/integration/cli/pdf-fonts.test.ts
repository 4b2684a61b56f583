import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { html } from '../../../reports/html.js';
import { page } from '../../../reports/html-parts.js';
import { printPdf } from '../../../reports/pdf.js';
import { pdfFonts } from './pdf-text.js';

/**
 * The PDFs carry their Chinese in real fonts (reports/print-fonts.ts): one small page in the report's frame, with
 * the sans and serif families the reports name, in both weights, printed as `govscore report` prints.
 */
describe('printed PDFs embed their CJK fonts', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    dir = await mkdtemp(join(tmpdir(), 'govscore-pdf-fonts-'));
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('every font the page draws with is embedded, none is a Type 3 drawing, and the Noto CJK SC faces are among them', async () => {
    const body = html`<h1>2026年度政府网站绩效评估报告</h1><p>某市教育局　得分 86.5　等级 良好</p>
<div class="notice"><p>各区人民政府，市政府各部门：现将评估情况通报如下。</p><p><strong>一、总体情况</strong></p></div>`;
    await writeFile(join(dir, 'page.html'), page('字体', body, '.notice{font-family:"Noto Serif CJK SC",serif}'));
    await printPdf(browser, join(dir, 'page.html'), join(dir, 'page.pdf'));

    const fonts = await pdfFonts(join(dir, 'page.pdf'));
    expect(fonts.filter((f) => f.type === 'Type3' || !f.embedded)).toEqual([]);
    // Subset names (ABCDEF+NotoSansCJKsc-Bold): the sans for the body and the heading, the serif for the notice.
    const faces = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(faces).toEqual(expect.arrayContaining(['NotoSansCJKsc-Regular', 'NotoSansCJKsc-Bold', 'NotoSerifCJKsc-Regular', 'NotoSerifCJKsc-Bold']));
  });
});
