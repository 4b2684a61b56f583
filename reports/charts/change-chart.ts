import type { TopLevelSpec } from 'vega-lite';

import { horizontalYTitle } from './axis.js';
import { type ChartResults, cleanText, formatScore, labelLimitFor, scoreDomainMax, scoredSites, siteLabels } from './chart-data.js';
import { chartConfig } from './theme.js';

const DIRECTIONS = { up: '上升', down: '下降', same: '持平' } as const;
const DIRECTION_COLOURS = ['#2f7d4e', '#c8504b', '#8a8a8a'];

/**
 * Run-over-run change per site as a dumbbell: a hollow dot at the previous score, a filled one at the
 * current, the change written beside. Only sites scored in both runs (matched by id) appear, the most
 * improved first.
 */
export function changeChart(current: ChartResults, previous: ChartResults): TopLevelSpec {
  const before = new Map(scoredSites(previous).map((s) => [s.id, s.score]));
  const sites = scoredSites(current)
    .filter((s) => before.has(s.id))
    .map((s) => ({ site: s, previous: before.get(s.id)!, delta: Math.round((s.score - before.get(s.id)!) * 100) / 100 }))
    .sort((a, b) => b.delta - a.delta);
  const labels = siteLabels(sites.map((d) => d.site));
  const values = sites.map(({ site, previous, delta }, i) => ({
    site: labels[i]!,
    group: cleanText(site.group),
    previous,
    current: site.score,
    delta,
    direction: delta > 0 ? DIRECTIONS.up : delta < 0 ? DIRECTIONS.down : DIRECTIONS.same,
    right: Math.max(previous, site.score),
    label: delta > 0 ? `+${formatScore(delta)}` : delta < 0 ? `−${formatScore(-delta)}` : '±0',
  }));
  const max = Math.max(scoreDomainMax(scoredSites(current)), scoreDomainMax(scoredSites(previous)));
  const x = { type: 'quantitative' as const, scale: { domain: [0, max] } };
  const colour = { field: 'direction', type: 'nominal', title: '变化', scale: { domain: Object.values(DIRECTIONS), range: DIRECTION_COLOURS } } as const;
  const runs = [previous.assessment?.asOf, current.assessment?.asOf].map((d) => cleanText(d ?? ''));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: '得分变化', subtitle: `空心点为上次得分${runs[0] ? `（${runs[0]}）` : ''}，实心点为本次得分${runs[1] ? `（${runs[1]}）` : ''}` },
    config: chartConfig,
    data: { values },
    width: 420,
    height: { step: 24 },
    encoding: {
      y: {
        field: 'site',
        type: 'nominal',
        sort: null,
        title: '网站',
        axis: { ...horizontalYTitle, labelLimit: labelLimitFor(labels), ticks: false, domain: false },
      },
    },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 3, opacity: 0.6 },
        encoding: { x: { field: 'previous', title: '得分', ...x }, x2: { field: 'current' }, color: colour },
      },
      { mark: { type: 'point', filled: false, size: 60, strokeWidth: 1.5, color: '#666' }, encoding: { x: { field: 'previous', ...x } } },
      { mark: { type: 'point', filled: true, size: 70, opacity: 1 }, encoding: { x: { field: 'current', ...x }, color: colour } },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8 }, encoding: { x: { field: 'right', ...x }, text: { field: 'label' }, color: colour } },
    ],
  };
}
