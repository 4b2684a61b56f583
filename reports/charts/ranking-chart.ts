import type { TopLevelSpec } from 'vega-lite';

import { gradeColour, gradeTone } from '../grade-palette.js';
import { horizontalYTitle } from './axis.js';
import { bandsFromSites, type GradeBand, gradeOrder } from './bands.js';
import { type ChartResults, cleanText, formatScore, isPending, isVetoed, labelLimitFor, scoreDomainMax, scoredSites, siteLabels } from './chart-data.js';
import { chartConfig, PENDING_LABEL, VETO_LABEL } from './theme.js';

/**
 * Horizontal bars of one peer group's assessed sites in rank order, coloured by grade (reports/grade-palette.ts); a
 * vetoed site has the veto's colour and its label says 单项否决. Sites that could not be assessed are not drawn.
 */
export function rankingChart(results: ChartResults, group: string, bands: GradeBand[] = bandsFromSites(results)): TopLevelSpec {
  const sites = scoredSites(results, group);
  const grades = gradeOrder(results, bands);
  const labels = siteLabels(sites, (s) => (isPending(s) ? `（${PENDING_LABEL}）${s.name}` : `${s.rank ?? '—'}. ${s.name}`));
  // The veto and 待复核 entries only where a site has them. Every grade keeps its colour in every group's chart
  // (the scale holds them all), but the legend lists only the grades drawn here.
  const extra = [
    ...(sites.some(isVetoed) ? [[VETO_LABEL, gradeColour('vetoed')]] : []),
    ...(sites.some(isPending) ? [[PENDING_LABEL, gradeColour('pending')]] : []),
  ];
  // Each grade in the palette's colour (reports/grade-palette.ts); one it does not know by whether it passes: it
  // does when a site with it passed, or, drawn by no site here, when it is not the lowest.
  const passes = (grade: string, i: number) =>
    results.sites.some((s) => cleanText(s.grade ?? '') === grade && s.passed) || (i > 0 && !results.sites.some((s) => cleanText(s.grade ?? '') === grade));
  const gradeColours = grades.map((grade, i) => gradeColour(gradeTone(grade, passes(grade, i))));
  const legend = [...grades, ...extra.map(([label]) => label!)];
  const values = sites.map((s, i) => {
    const grade = cleanText(s.grade ?? '');
    return {
      site: labels[i]!,
      name: cleanText(s.name),
      rank: s.rank,
      score: s.score,
      grade,
      vetoed: isVetoed(s),
      legend: isVetoed(s) ? VETO_LABEL : isPending(s) ? PENDING_LABEL : grade || '—',
      label: `${formatScore(s.score)}  ${isVetoed(s) ? VETO_LABEL : isPending(s) ? `${PENDING_LABEL}（疑似否决）` : grade}`.trim(),
    };
  });
  const shown = new Set(values.map((v) => v.legend));
  // A vetoed site ranks after every site without a veto whatever its score: its longer bar below a shorter one says why.
  const subtitle = [
    cleanText(results.assessment?.name ?? ''),
    sites.some(isVetoed) && sites.some((s) => !isVetoed(s)) ? '单项否决的网站（深褐色）排在其他网站之后，不按得分排序' : '',
  ].filter(Boolean);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `网站得分排名（${cleanText(group)}）`, subtitle: subtitle.length ? subtitle : undefined },
    config: chartConfig,
    data: { values },
    width: 420,
    height: { step: 26 },
    encoding: {
      // sort: null keeps the data's order, which is the rank order; every group's chart has the same x scale.
      y: {
        field: 'site',
        type: 'nominal',
        sort: null,
        title: '网站',
        axis: { ...horizontalYTitle, labelLimit: labelLimitFor(labels), ticks: false, domain: false },
      },
      x: { field: 'score', type: 'quantitative', title: '得分', scale: { domain: [0, scoreDomainMax(scoredSites(results))] }, axis: { tickCount: 5 } },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.68 }, cornerRadiusEnd: 2 },
        encoding: {
          color: {
            field: 'legend',
            type: 'nominal',
            title: '等级',
            scale: { domain: legend, range: [...gradeColours, ...extra.map(([, colour]) => colour!)] },
            legend: { values: legend.filter((entry) => shown.has(entry)) },
          },
        },
      },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, color: '#222' }, encoding: { text: { field: 'label' } } },
    ],
  };
}
