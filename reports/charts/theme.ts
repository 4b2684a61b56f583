import type { Config } from 'vega-lite';

/** The charts' font: Debian's fonts-noto-cjk; the widths in text-width.ts are this font's. */
export const FONT_FAMILY = 'Noto Sans CJK SC';
/** What an SVG viewer falls back to without it (Source Han Sans is the same design). */
const FONT_STACK = `'${FONT_FAMILY}', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif`;

export const LABEL_FONT_SIZE = 12;
/** Site names longer than this are cut with “…” (about 25 Chinese characters at 12 px). */
export const LABEL_MAX_WIDTH = 300;

export const VETO_LABEL = '单项否决';
export const VETO_COLOUR = '#6b6b6b';
export const BAR_COLOUR = '#3f6e9e';
export const PENDING_LABEL = '待复核';
export const PENDING_COLOUR = '#7a4fb0';

/** Grade colours, lowest grade first: red for the failing band, amber for a pass, greens above. */
const GRADE_PALETTES: Record<number, string[]> = {
  1: ['#2f7d4e'],
  2: ['#c8504b', '#2f7d4e'],
  3: ['#c8504b', '#e39b3f', '#2f7d4e'],
  4: ['#c8504b', '#e39b3f', '#8fbf63', '#2f7d4e'],
};
const GRADE_RAMP = ['#c8504b', '#e0894a', '#e6bf4e', '#9cc36a', '#5aa25c', '#2f7d4e'];

/** One colour per grade, given from the lowest grade up (more than four grades: sampled from a ramp). */
export function gradeColours(count: number): string[] {
  if (count <= 0) return [];
  return GRADE_PALETTES[count] ?? Array.from({ length: count }, (_, i) => GRADE_RAMP[Math.round((i * (GRADE_RAMP.length - 1)) / (count - 1))]!);
}

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
