import * as vega from 'vega';

import { isBold, textWidth } from './text-width.js';

/** vega-scenegraph's text measuring hook (exported by vega, missing from its typings). */
interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number;
}
interface TextItem {
  fontSize?: number | null;
  fontWeight?: string | number | null;
  limit?: number | null;
}

const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;

/**
 * Vega calls `textMetrics.width(item, text)` in two places: to bound a text mark (axis layout, autosize),
 * with the whole line, and from its label-limit truncation, with candidate prefixes. We cannot tell them
 * apart, so the width is capped at the item's limit: truncation takes the same decisions as with the raw
 * width (anything at or over the limit stays "too wide"), and bounds of a truncated label come out as the
 * limit, a tight upper bound of what is drawn. Supported by Vega since 5.26 (vega/vega#3792, as vl-convert does).
 */
function cjkAwareWidth(item: TextItem, text?: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11; // Vega's default font size
  if (size <= 0 || text == null) return 0;
  const width = textWidth(String(text).trim(), size, isBold(item.fontWeight));
  const limit = Number(item.limit) || 0;
  return limit > 0 ? Math.min(width, limit) : width;
}

/** Makes every Vega view in this process measure text with the CJK-aware widths (idempotent). */
export function useCjkTextMetrics(): void {
  metrics.width = cjkAwareWidth;
}
