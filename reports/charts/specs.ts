/** The charts of a run as Vega-Lite specs with their data inline (a publisher can restyle the .vl.json). */
export { bandsFromGrades, bandsFromSites, type GradeBand, type GradeDefinition } from './bands.js';
export { changeChart } from './change-chart.js';
export type { ChartResults, ChartSite } from './chart-data.js';
export { distributionChart } from './distribution-chart.js';
export { categoryHeatmap } from './heatmap-chart.js';
export { rankingChart } from './ranking-chart.js';
