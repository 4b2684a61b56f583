import type { TopLevelSpec } from 'vega-lite';

import { gradeColour, gradeTone } from '../grade-palette.js';
import { horizontalYTitle } from './axis.js';
import { bandsFromSites, type GradeBand } from './bands.js';
import { type ChartResults, cleanText, isVetoed, scoreDomainMax, scoredSites } from './chart-data.js';
import { textWidth } from './text-width.js';
import { BAR_COLOUR, chartConfig, LABEL_FONT_SIZE, VETO_LABEL } from './theme.js';

/** Width of a histogram bin in points. */
const BIN = 5;
const WIDTH = 520;
const NOT_VETOED = '未否决';

/**
 * Histogram of the assessed sites' scores (5-point bins) over the grade bands, shaded and named. Vetoed
 * sites are stacked in the veto's colour: their score is shown, but they fail whatever it is. `bands`: the indicator
 * set's (bandsFromGrades); guessed from the results otherwise. The top band is stretched to the axis end.
 */
export function distributionChart(results: ChartResults, bands: GradeBand[] = bandsFromSites(results)): TopLevelSpec {
  const sites = scoredSites(results);
  const max = scoreDomainMax(sites);
  // The lowest band is the failing one (the engine's rule); the others pass.
  const shaded = bands
    .map((b, i) => ({
      band: cleanText(b.name),
      from: Math.max(0, b.from),
      to: i === bands.length - 1 ? max : Math.min(b.to, max),
      colour: gradeColour(gradeTone(cleanText(b.name), i > 0)),
    }))
    .filter((b) => b.to > b.from)
    // A band too narrow for its name stays shaded but unnamed, rather than overwrite its neighbour's name.
    .map((b) => ({ ...b, middle: (b.from + b.to) / 2, label: textWidth(b.band, LABEL_FONT_SIZE, true) + 6 <= ((b.to - b.from) / max) * WIDTH ? b.band : '' }));
  const values = sites.map((s) => {
    // Scores on the axis end fall in the last bin, not in one past it.
    const from = Math.min(Math.floor(s.score / BIN) * BIN, max - BIN);
    return {
      site: cleanText(s.name),
      group: cleanText(s.group),
      score: s.score,
      binFrom: from,
      binTo: from + BIN,
      kind: isVetoed(s) ? VETO_LABEL : NOT_VETOED,
    };
  });
  const x = { scale: { domain: [0, max] }, axis: { tickCount: max / 10, title: '得分' } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: '得分分布', subtitle: `${sites.length} 个已评估网站，每 ${BIN} 分一档；底色为等级区间` },
    config: chartConfig,
    width: WIDTH,
    height: 240,
    layer: [
      {
        data: { values: shaded },
        mark: { type: 'rect', opacity: 0.16 },
        encoding: {
          x: { field: 'from', type: 'quantitative', ...x },
          x2: { field: 'to' },
          fill: { field: 'colour', type: 'nominal', scale: null, legend: null },
        },
      },
      {
        data: { values: shaded },
        // Above the plot: a bar reaching the top cannot cover the band's name.
        mark: { type: 'text', baseline: 'bottom', dy: -4, fontWeight: 'bold', color: '#555' },
        encoding: {
          x: { field: 'middle', type: 'quantitative', ...x },
          y: { value: 0 },
          text: { field: 'label' },
        },
      },
      {
        data: { values },
        mark: { type: 'bar', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x: { field: 'binFrom', type: 'quantitative', bin: { binned: true, step: BIN }, ...x },
          x2: { field: 'binTo' },
          y: { aggregate: 'count', type: 'quantitative', title: '网站数', axis: { ...horizontalYTitle, tickMinStep: 1, format: 'd' } },
          color: {
            field: 'kind',
            type: 'nominal',
            title: null,
            scale: { domain: sites.some(isVetoed) ? [NOT_VETOED, VETO_LABEL] : [NOT_VETOED], range: [BAR_COLOUR, gradeColour('vetoed')] },
          },
        },
      },
    ],
  };
}
