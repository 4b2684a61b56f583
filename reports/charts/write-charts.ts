import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { TopLevelSpec } from 'vega-lite';

import { bandsFromSites, type GradeBand } from './bands.js';
import { type ChartResults, groupsInOrder, scoredSites } from './chart-data.js';
import { renderChart } from './render.js';
import { categoryHeatmap, changeChart, distributionChart, rankingChart } from './specs.js';

export interface ChartFile {
  /** ASCII file stem: ranking-1 … (one per peer group, in the sites file's order), distribution, heatmap, change. */
  name: string;
  title: string;
  /** The peer group of a ranking chart. */
  group?: string;
  /** Paths written: the Vega-Lite spec with its data, the SVG, the PNG at 2× for print (null when not asked for). */
  files: { spec: string; svg: string; png: string | null };
}

export interface ChartOptions {
  /** The previous run of the same sites: adds the run-over-run change chart. */
  previous?: ChartResults;
  /** The indicator set's grade bands (bandsFromGrades(set.grades)); guessed from the scores otherwise. */
  bands?: GradeBand[];
  /**
   * Which charts get a PNG: resvg spends ~20 ms per text element on CJK fonts, so assess and rescore
   * (which should take seconds) render only the ranking charts; `govscore report` renders all.
   */
  png?: 'all' | 'ranking';
}

interface PlannedChart {
  name: string;
  group?: string;
  spec: TopLevelSpec;
}

/** The charts a run has data for; a peer group without an assessed site gets no ranking chart. */
function planCharts(results: ChartResults, options: ChartOptions): PlannedChart[] {
  const bands = options.bands ?? bandsFromSites(results);
  const groups = groupsInOrder(results).filter((g) => scoredSites(results, g).length > 0);
  const charts: PlannedChart[] = groups.map((group, i) => ({ name: `ranking-${i + 1}`, group, spec: rankingChart(results, group, bands) }));
  if (groups.length) {
    charts.push({ name: 'distribution', spec: distributionChart(results, bands) });
    if (scoredSites(results).some((s) => s.categories.length)) charts.push({ name: 'heatmap', spec: categoryHeatmap(results) });
  }
  const previous = options.previous;
  if (previous && scoredSites(results).some((s) => scoredSites(previous).some((p) => p.id === s.id))) {
    charts.push({ name: 'change', spec: changeChart(results, previous) });
  }
  return charts;
}

function titleOf(spec: TopLevelSpec): string {
  const title = spec.title;
  if (typeof title === 'string') return title;
  return title && !Array.isArray(title) && typeof title.text === 'string' ? title.text : '';
}

/**
 * Writes `<name>.vl.json`, `<name>.svg` and `<name>.png` for every chart into `dir`, plus `index.json`
 * (which file is which group's ranking). The first group's ranking is also written as ranking.svg/.png/.vl.json,
 * the names the README's Outputs promise; it is not listed twice in the result.
 */
export async function writeCharts(results: ChartResults, dir: string, options: ChartOptions = {}): Promise<ChartFile[]> {
  await mkdir(dir, { recursive: true });
  const charts = await Promise.all(
    planCharts(results, options).map(async ({ name, group, spec }): Promise<ChartFile> => {
      const withPng = options.png !== 'ranking' || name.startsWith('ranking');
      const files = { spec: join(dir, `${name}.vl.json`), svg: join(dir, `${name}.svg`), png: withPng ? join(dir, `${name}.png`) : null };
      const { svg, png } = await renderChart(spec, { png: withPng });
      await Promise.all([
        writeFile(files.spec, JSON.stringify(spec, null, 2) + '\n'),
        writeFile(files.svg, svg),
        files.png && png ? writeFile(files.png, png) : null,
      ]);
      return { name, title: titleOf(spec), ...(group === undefined ? {} : { group }), files };
    }),
  );
  const first = charts.find((c) => c.name === 'ranking-1');
  if (first) {
    for (const ext of ['vl.json', 'svg', 'png']) await copyFile(join(dir, `ranking-1.${ext}`), join(dir, `ranking.${ext}`));
  }
  const index = charts.map((c) => ({ ...c, files: { spec: `${c.name}.vl.json`, svg: `${c.name}.svg`, png: c.files.png ? `${c.name}.png` : null } }));
  await writeFile(join(dir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
  return charts;
}
