import type { TopLevelSpec } from 'vega-lite';

import { horizontalYTitle } from './axis.js';
import { type ChartResults, type ChartSite, cleanText, formatScore, groupsInOrder, labelLimitFor, scoredSites, siteLabels } from './chart-data.js';
import { textWidth } from './text-width.js';
import { chartConfig, LABEL_FONT_SIZE } from './theme.js';

type Category = ChartSite['categories'][number];

/** Light red → light yellow → light green: the score written in the cell stays readable on every colour. */
const SHARE_COLOURS = ['#ef9f98', '#f7e3a1', '#93cf98'];

const HEADER_LINE_HEIGHT = LABEL_FONT_SIZE + 3;

/** What a cell says: points, “+points” for a bonus, 不适用 when the category drops out for the site. */
function cellText(c: Category): string {
  if (!c.applicable || c.score === null) return '不适用';
  return c.mode === 'bonus' ? `+${formatScore(c.score)}` : formatScore(c.score);
}

/** Share of the budget kept, for the colour; none for bonus points (earned on top, not lost) or no budget. */
function share(c: Category): number | null {
  if (!c.applicable || c.score === null || c.mode === 'bonus' || c.budget <= 0) return null;
  return Math.max(0, Math.min(1, c.score / c.budget));
}

/**
 * Sites × indicator categories, one block per peer group (each with its column headers): the colour is the
 * category's score as a share of its budget, the score is written in the cell; bonus cells are uncoloured
 * (“+3”), categories that do not apply to a site read 不适用. Rows in rank order.
 */
export function categoryHeatmap(results: ChartResults): TopLevelSpec {
  const sites = scoredSites(results);
  const labels = siteLabels(sites);
  const categories = [...new Map(sites.flatMap((s) => s.categories).map((c) => [c.id, c])).values()];
  const columnName = (c: Category) => `${cleanText(c.name)}\n${c.mode === 'bonus' ? '上限 ' : '满分 '}${formatScore(c.budget)}`;
  const widest = Math.max(0, ...categories.flatMap((c) => columnName(c).split('\n')).map((l) => textWidth(l, LABEL_FONT_SIZE)));
  // Every block's label column as wide as the widest: the blocks' cells line up under each other.
  const labelColumn = labelLimitFor(labels);
  const block = (group: string) => ({
    title: { text: cleanText(group), fontSize: 14, offset: 8 },
    data: {
      values: sites.flatMap((s, i) =>
        s.group !== group
          ? []
          : s.categories.map((c) => ({
              site: labels[i]!,
              category: columnName(c),
              score: c.score,
              budget: c.budget,
              share: share(c),
              text: cellText(c),
              applicable: c.applicable,
            })),
      ),
    },
    width: { step: Math.max(64, Math.ceil(widest) + 14) },
    height: { step: 24 },
    encoding: {
      y: {
        field: 'site',
        type: 'nominal' as const,
        sort: null,
        title: '网站',
        axis: { ...horizontalYTitle, labelLimit: labelColumn, minExtent: labelColumn + 4, ticks: false, domain: false },
      },
      x: {
        field: 'category',
        type: 'nominal' as const,
        sort: categories.map(columnName),
        title: '指标类别',
        // Two-line headers (name, budget). Vega draws extra lines below the first even on a top axis, so the
        // labels are lifted by one line height to keep them off the first row.
        axis: {
          orient: 'top' as const,
          labelAngle: 0,
          labelExpr: "split(datum.label, '\\n')",
          labelLineHeight: HEADER_LINE_HEIGHT,
          labelPadding: 6 + HEADER_LINE_HEIGHT,
          ticks: false,
          domain: false,
        },
      },
    },
    layer: [
      {
        transform: [{ filter: 'datum.share != null' }],
        mark: { type: 'rect' as const, stroke: 'white', strokeWidth: 2 },
        encoding: {
          color: {
            field: 'share',
            type: 'quantitative' as const,
            title: '得分率',
            scale: { domain: [0, 0.5, 1], range: SHARE_COLOURS },
            legend: { format: '.0%', gradientLength: 160 },
          },
        },
      },
      {
        mark: { type: 'text' as const, baseline: 'middle' as const },
        encoding: { text: { field: 'text' }, color: { condition: { test: '!datum.applicable', value: '#999' }, value: '#222' } },
      },
    ],
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: '各指标类别得分', subtitle: '颜色为得分占该类别满分的比例；加分项单列，不适用的类别不计分' },
    config: chartConfig,
    spacing: 24,
    vconcat: groupsInOrder(results)
      .filter((g) => sites.some((s) => s.group === g))
      .map(block),
  };
}
