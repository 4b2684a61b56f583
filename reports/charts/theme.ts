import type { Config } from 'vega-lite';

import { gradePalette } from '../grade-palette.js';

/** The charts' font: Debian's fonts-noto-cjk; the widths in text-width.ts are this font's. */
export const FONT_FAMILY = 'Noto Sans CJK SC';
/** What an SVG viewer falls back to without it (Source Han Sans is the same design). */
const FONT_STACK = `'${FONT_FAMILY}', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif`;

export const LABEL_FONT_SIZE = 12;
/** Site names longer than this are cut with “…” (about 25 Chinese characters at 12 px). */
export const LABEL_MAX_WIDTH = 300;

export const VETO_LABEL = gradePalette.vetoed.label;
export const PENDING_LABEL = gradePalette.pending.label;
/** The distribution's bars of sites without a veto, whatever their grade: a neutral colour, no grade's. */
export const BAR_COLOUR = '#4d5966';

/** Shared look: font, sizes, no frame; publishers may replace it in the written .vl.json. */
export const chartConfig: Config = {
  font: FONT_STACK,
  background: 'white',
  padding: 12,
  view: { stroke: null },
  title: { fontSize: 16, fontWeight: 'bold', anchor: 'start', offset: 12, subtitleFontSize: 12, subtitleColor: '#555' },
  axis: { labelFontSize: LABEL_FONT_SIZE, titleFontSize: 13, titleFontWeight: 'bold', labelColor: '#333', titleColor: '#333', gridColor: '#e6e6e6' },
  legend: { labelFontSize: LABEL_FONT_SIZE, titleFontSize: 12, titleFontWeight: 'bold', orient: 'top', direction: 'horizontal' },
  text: { fontSize: LABEL_FONT_SIZE },
};
