import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

import PQueue from 'p-queue';
import type { Browser } from 'puppeteer';

import type { IndicatorSet } from '../indicators/types.js';
import { bandsFromGrades } from './charts/bands.js';
import { type ChartFile, writeCharts } from './charts/write-charts.js';
import { toCsv } from './csv.js';
import { renderDepartmentReport } from './department-report.js';
import type { FindingComparison } from './finding-changes.js';
import { siteComparison } from './finding-changes-section.js';
import { renderReport } from './html-report.js';
import { renderNotice } from './notice.js';
import type { OutputFormat } from './output-formats.js';
import { printPdf } from './pdf.js';
import type { Results } from './results.js';
import { notAssessedReason, statusNames } from './site-status.js';
import { writeXlsx } from './xlsx.js';
export { type OutputFormat, outputFormats } from './output-formats.js';

export interface OutputOptions {
  /** Default json, csv, html (what assess and rescore write); `govscore report` asks for more. */
  formats?: readonly OutputFormat[];
  /** The indicator set: the methodology section and the grade bands of the charts. */
  set?: IndicatorSet;
  /** The previous run of the same sites, for the run-over-run chart. */
  previous?: Results | null;
  /** Findings against an earlier run (新发现/已整改/仍存在/本次未能测量): the report's site details, department reports, XLSX. */
  comparison?: FindingComparison | null;
  /** The notice draft (通报): an office's template and the issuing office's name. */
  notice?: { template?: string; issuer?: string };
  /** A Chromium to print PDFs with (only asked for when pdf is wanted). */
  browser?: () => Promise<Browser>;
  /** PDFs printed at once in that browser (default 3; the bench compares with 1). */
  pdfPagesAtOnce?: number;
}

export interface WrittenOutputs {
  results: string;
  csv: string;
  report: string;
  pdf?: string;
  xlsx?: string;
  notice?: string;
  departments: string[];
  charts: ChartFile[];
  /** The comparison with an earlier run, when one was asked for. */
  comparison?: FindingComparison;
}

/**
 * Everything that leaves govscore for one run: results.json, ranking.csv (Excel-ready), charts (Vega-Lite
 * spec + SVG + PNG), the ranking report, one report per department (departments/<id>.html), the notice
 * draft (notice.html), and on request the same pages as PDF and the XLSX workbook.
 */
export async function writeOutputs(results: Results, dir: string, options: OutputOptions = {}): Promise<WrittenOutputs> {
  const formats = new Set(options.formats ?? ['json', 'csv', 'html']);
  await mkdir(join(dir, 'departments'), { recursive: true });
  const paths: WrittenOutputs = {
    results: join(dir, 'results.json'),
    csv: join(dir, 'ranking.csv'),
    report: join(dir, 'report.html'),
    departments: [],
    charts: [],
  };
  await writeFile(paths.results, JSON.stringify(results, null, 2) + '\n');
  if (options.comparison) paths.comparison = options.comparison;
  await writeFile(paths.csv, rankingCsv(results));
  paths.charts = await writeCharts(results, join(dir, 'charts'), {
    previous: options.previous ?? undefined,
    bands: options.set ? bandsFromGrades(options.set.grades, options.set.total) : undefined,
    png: formats.has('pdf') ? 'all' : 'ranking',
  });
  await writeFile(paths.report, renderReport(results, { set: options.set, charts: paths.charts, chartsDir: 'charts', comparison: options.comparison }));
  // Department pages sit one folder down: a relative evidence folder is one step further away.
  const evidenceDir = isAbsolute(results.assessment.evidenceDir) ? results.assessment.evidenceDir : join('..', results.assessment.evidenceDir);
  for (const site of results.sites) {
    const file = join(dir, 'departments', `${site.id}.html`);
    await writeFile(file, renderDepartmentReport(results, site, evidenceDir, siteComparison(options.comparison, site.id)));
    paths.departments.push(file);
  }
  paths.notice = join(dir, 'notice.html');
  await writeFile(paths.notice, renderNotice(results, options.notice ?? {}));
  if (formats.has('xlsx')) {
    paths.xlsx = join(dir, 'results.xlsx');
    await writeXlsx(results, paths.xlsx, options.comparison);
  }
  if (formats.has('pdf')) {
    if (!options.browser) throw new Error('writeOutputs: pdf asked for without a browser');
    const browser = await options.browser();
    paths.pdf = join(dir, 'report.pdf');
    // A few pages print at once in the one browser: each PDF waits on its renderer, not only on the CPU.
    const printing = new PQueue({ concurrency: options.pdfPagesAtOnce ?? 3 });
    const jobs: Array<[string, string]> = [
      [paths.report, paths.pdf],
      [paths.notice, join(dir, 'notice.pdf')],
      ...paths.departments.map((f): [string, string] => [f, f.replace(/\.html$/, '.pdf')]),
    ];
    await Promise.all(jobs.map(([html, pdf]) => printing.add(() => printPdf(browser, html, pdf))));
  }
  return paths;
}

function rankingCsv(results: Results): string {
  const ordered = [...results.sites].sort((a, b) => a.group.localeCompare(b.group, 'zh') || (a.rank ?? 1e9) - (b.rank ?? 1e9));
  return toCsv(
    // 疑似否决 comes last so that the earlier columns keep their places for existing spreadsheets.
    ['组别', '名次', '网站', '网址', '状态', '得分', '等级', '合格', '单项否决', '未评估原因', '疑似否决（待复核）'],
    ordered.map((s) => [
      s.group,
      s.rank,
      s.name,
      s.url,
      statusNames[s.status] ?? s.status,
      s.score,
      s.grade,
      s.status === 'assessed' ? (s.pendingReview ? '待复核' : s.passed ? '是' : '否') : null,
      s.vetoes.map((v) => v.reason).join('；'),
      notAssessedReason(s),
      s.suspectedVetoes.map((v) => v.reason).join('；'),
    ]),
  );
}
