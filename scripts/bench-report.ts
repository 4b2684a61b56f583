/**
 * The report phase for a 50-site run: `npm run bench -- --report RESULTS.json [--report-sites 50]`.
 * The sites of a finished run's results.json are repeated (new ids and names) up to the number asked
 * for, then every output is written (JSON, CSV, charts, HTML, XLSX, PDFs of the report, the notice and
 * each department) twice in the same run: PDFs one at a time (the baseline) and as `govscore report`
 * prints them. Times are wall seconds of writeOutputs; the browser is started before each timing.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { launchBrowser } from '../evaluators/collect/browser.js';
import { loadIndicatorSet } from '../indicators/load.js';
import type { Results } from '../reports/results.js';
import { writeOutputs } from '../reports/write-outputs.js';

export interface ReportFigures {
  sites: number;
  pdfs: number;
  oneAtATimeSeconds: number;
  oursSeconds: number;
}

export async function benchReport(resultsFile: string, sites: number): Promise<ReportFigures> {
  const source = JSON.parse(await readFile(resultsFile, 'utf8')) as Results;
  if (!source.sites.length) throw new Error(`${resultsFile}: no sites to report on`);
  // Screenshots are printed into the PDFs: their folder is found from the results file's own place.
  const evidenceDir = resolve(dirname(resultsFile), source.assessment.evidenceDir);
  const results: Results = {
    ...source,
    assessment: { ...source.assessment, evidenceDir },
    sites: Array.from({ length: sites }, (_, i) => {
      const site = structuredClone(source.sites[i % source.sites.length]!);
      return { ...site, id: `${site.id}-${i + 1}`, name: `${site.name}（${i + 1}）` };
    }),
  };
  const set = loadIndicatorSet(source.assessment.indicatorSet.id);
  const timed = async (pdfPagesAtOnce: number) => {
    const dir = await mkdtemp(join(tmpdir(), 'govscore-bench-report-'));
    const browser = await launchBrowser();
    try {
      const started = performance.now();
      await writeOutputs(results, dir, { formats: ['json', 'csv', 'html', 'xlsx', 'pdf'], set, browser: async () => browser, pdfPagesAtOnce });
      return Math.round((performance.now() - started) / 100) / 10;
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  };
  const oneAtATimeSeconds = await timed(1);
  const oursSeconds = await timed(3);
  return { sites, pdfs: sites + 2, oneAtATimeSeconds, oursSeconds };
}
