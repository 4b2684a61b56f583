import { failureLabel, isRetryable } from '../collect/failures.js';
import type { UnreadPage } from '../collect/observations.js';
import type { OpenedFacts } from '../collect/page-facts.js';

/**
 * A page opened for its facts that could not be read for a passing reason (a stalled renderer, a timeout,
 * a 5xx … after its second try): what it would have shown is not measured. A page that answered 404 is
 * missing, not unread; a page that was read is neither.
 */
export function unreadOf(opened: OpenedFacts | null | undefined, name: string | null): UnreadPage | null {
  if (!opened || opened.facts || !opened.error || !isRetryable(opened.error)) return null;
  return { url: opened.url, name, reason: opened.error };
}

/** Why a value is not measured, for the indicator: 2 个页面重试后仍无法读取：“要闻动态”（页面脚本长时间占用）、… */
export function describeUnread(pages: readonly UnreadPage[] | null | undefined): string | null {
  if (!pages?.length) return null;
  const shown = pages.slice(0, 3).map((p) => `${p.name ? `“${p.name}”` : p.url}（${failureLabel(p.reason)}）`);
  return `${pages.length} 个页面重试后仍无法读取：${shown.join('、')}${pages.length > 3 ? ' 等' : ''}`;
}
