import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { runCli } from '../cli-helpers.js';
import { hostileName, type SharedAssessment, sharedAssessment } from '../shared/shared-assessment.js';
import { pdfLinks, pdfText } from './pdf-text.js';

/**
 * `govscore report` on the shared assessment (shared/shared-assessment.ts): every output as a reader
 * opens it, hostile text inert in each. On a copy of its store, since a reviewer's override is added first.
 */
describe('govscore report on a finished assessment', () => {
  let shared: SharedAssessment;
  let out: string;
  let dir: string;

  beforeAll(async () => {
    shared = await sharedAssessment(inject('sharedAssessmentDir'));
    out = await shared.copy('assess-report');
    dir = dirname(out);
  }, 1_200_000);

  it('govscore report writes the ranking report, department reports and notice as HTML and PDF, the XLSX, CSV and charts; hostile text stays inert everywhere', async () => {
    const db = join(out, 'govscore.db');
    const runId = shared.results.assessment.runId;
    // A reviewer's reason as hostile as a finding can be.
    expect(
      (
        await runCli([
          'override',
          'add',
          '--db',
          db,
          '--run',
          runId,
          '--site',
          'jyj',
          '--indicator',
          'V8',
          '--veto',
          'no',
          '--reason',
          "+cmd|' /C calc'!A0 复核无问题",
          '--by',
          '王五',
        ])
      ).code,
    ).toBe(0);
    const reports = join(dir, 'report');
    const made = await runCli(['report', '--db', db, '--run', runId, '--out', reports, '--issuer', '江临市政府办公室']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`${shared.results.sites.length} department reports`);

    // PDF: the ranking report, read back as text.
    const pdf = await pdfText(join(reports, 'report.pdf'));
    expect(pdf.pages).toBeGreaterThan(1);
    // (门 and 页 come out of the CJK font as the radicals ⻔ and ⻚, which NFKC does not fold: the phrases avoid them.)
    for (const text of ['测试评估', '排名：市县政府', '评估方法', '每个网站最多打开500个', '未能评估的网站', hostileName])
      expect(pdf.text.replace(/\s+/g, '')).toContain(text.normalize('NFKC').replace(/\s+/g, ''));
    // No link in a PDF points at a file of the machine that wrote it (charts, screenshots): web addresses and
    // the document's own anchors only, and the output folder is named nowhere.
    for (const file of ['report.pdf', 'notice.pdf', join('departments', 'jyj.pdf')]) {
      const links = await pdfLinks(join(reports, file));
      expect(
        links.filter((l) => !/^(https?|mailto):/i.test(l)),
        file,
      ).toEqual([]);
      expect(links.join(' '), file).not.toContain(reports);
    }
    expect((await pdfLinks(join(reports, 'report.pdf'))).length, 'the report keeps its links to the sites').toBeGreaterThan(0);
    const notice = await pdfText(join(reports, 'notice.pdf'));
    const noticeText = notice.text.replace(/\s+/g, '');
    expect(noticeText).toContain('关于测试评估情况的通报'.normalize('NFKC'));
    expect(noticeText).toContain('江临市政府办公室'.normalize('NFKC'));
    // A department's PDF: its own breakdown, nobody else's site.
    const jyj = shared.results.sites.find((s) => s.id === 'jyj')!;
    const own = await pdfText(join(reports, 'departments', 'jyj.pdf'));
    expect(own.text.replace(/\s+/g, '')).toContain(`${jyj.name}网站评估报告`.normalize('NFKC'));
    expect(own.text).toContain('整改建议'.normalize('NFKC'));
    for (const other of shared.results.sites.filter((s) => s.id !== 'jyj')) expect(own.text, other.id).not.toContain(other.name.normalize('NFKC'));
    const ownHtml = await readFile(join(reports, 'departments', 'jyj.html'), 'utf8');
    for (const other of shared.results.sites.filter((s) => s.id !== 'jyj')) expect(ownHtml, other.id).not.toContain(other.url);

    // HTML: escaped, never markup.
    for (const page of ['report.html', 'notice.html', join('departments', 'hostile.html')]) {
      const text = await readFile(join(reports, page), 'utf8');
      expect(text, page).not.toContain('<script>alert(1)');
      // (Mustache, which renders the notice, also escapes "/" as &#x2F;.)
      expect(text, page).toContain('&lt;script&gt;alert(1)&lt;');
    }

    // XLSX: the sheets staff work in; hostile cells are text with a leading quote, and no formula anywhere.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(reports, 'results.xlsx'));
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['排名', '问题清单', '可用性', '发布解读', '功能设计与无障碍']));
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell))));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(cells.map((c) => c.text)).toContain(`'${hostileName}`);
    expect(cells.some((c) => c.text.startsWith("'+cmd|"))).toBe(true);
    const ranking = workbook.getWorksheet('排名')!;
    const rankingText = ranking.getSheetValues().flat().map(String).join('|');
    for (const site of shared.results.sites.filter((s) => s.id !== 'hostile')) expect(rankingText).toContain(site.name);

    // CSV: the hostile name is quoted and starts with an apostrophe.
    const csv = await readFile(join(reports, 'ranking.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")<script>alert(1)</script>"`);

    // Charts: every chart rendered to PNG, with its SVG and Vega-Lite spec beside it.
    const charts = (await readdir(join(reports, 'charts'))).sort();
    const pngs = charts.filter((f) => f.endsWith('.png'));
    expect(pngs).toEqual(expect.arrayContaining(['ranking.png', 'distribution.png', 'heatmap.png']));
    for (const png of pngs) {
      const bytes = await readFile(join(reports, 'charts', png));
      expect(bytes.subarray(0, 8).toString('hex'), png).toBe('89504e470d0a1a0a');
      expect(charts, png).toContain(png.replace(/\.png$/, '.svg'));
    }
    expect(await readFile(join(reports, 'charts', 'ranking.svg'), 'utf8')).not.toContain('<script');
    // Eight department PDFs, the report, the notice and every chart's PNG.
  }, 240_000);
});
