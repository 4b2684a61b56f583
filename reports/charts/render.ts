import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

import { FONT_FAMILY } from './theme.js';
import { useCjkTextMetrics } from './vega-text-metrics.js';

/** Print resolution: PNGs at twice the SVG's size. */
const PNG_SCALE = 2;

const pngOptions: ResvgRenderOptions = {
  font: { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  languages: ['zh-CN', 'en'],
  fitTo: { mode: 'zoom', value: PNG_SCALE },
  background: 'white',
};

/** Charts carry their data inline; a spec asking to load a URL or file (a restyled one, say) is refused. */
const inlineDataOnly = vega.loader();
inlineDataOnly.sanitize = async (uri: string) => {
  throw new Error(`charts take inline data only; refusing to load ${uri}`);
};

/**
 * A Vega-Lite spec drawn as SVG (Vega, headless, text measured for CJK) and as PNG (resvg with the system
 * fonts, off the main thread: shaping a CJK font costs about 20 ms per text element).
 */
export async function renderChart(spec: TopLevelSpec): Promise<{ svg: string; png: Buffer }>;
export async function renderChart(spec: TopLevelSpec, options: { png: boolean }): Promise<{ svg: string; png: Buffer | null }>;
export async function renderChart(spec: TopLevelSpec, options: { png: boolean } = { png: true }): Promise<{ svg: string; png: Buffer | null }> {
  useCjkTextMetrics();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none', loader: inlineDataOnly });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const png = options.png ? (await renderAsync(svg, pngOptions)).asPng() : null;
  return { svg, png };
}
