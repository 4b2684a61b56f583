import { failureKind, failureLabel, leavesUnknown } from '../collect/failures.js';
import type { UnreadPage } from '../collect/observations.js';
import type { OpenedFacts } from '../collect/page-facts.js';

/**
 * A page opened for its facts that could not be read for a passing reason (a stalled renderer, a timeout,
 * a 5xx … after its second try), or that was not opened because the page budget was spent: what it would
 * have shown is not measured. A page that answered 404 is missing, not unread; a page that was read is neither.
 */
export function unreadOf(opened: OpenedFacts | null | undefined, name: string | null): UnreadPage | null {
  if (!opened || opened.facts || !opened.error || !leavesUnknown(opened.error)) return null;
  return { url: opened.url, name, reason: opened.error };
}

/**
 * Why a value is not measured, for the indicator: 2 个页面重试后仍无法读取：“要闻动态”（页面脚本长时间占用）、…;
 * pages the budget left unopened are said apart: 3 个页面因超出页面预算未打开：“通知公告”、…
 */
export function describeUnread(pages: readonly UnreadPage[] | null | undefined): string | null {
  if (!pages?.length) return null;
  const name = (p: UnreadPage) => (p.name ? `“${p.name}”` : p.url);
  const list = (shown: readonly UnreadPage[], each: (p: UnreadPage) => string) => `${shown.slice(0, 3).map(each).join('、')}${shown.length > 3 ? ' 等' : ''}`;
  const notOpened = pages.filter((p) => failureKind(p.reason) === 'page-budget');
  const failed = pages.filter((p) => failureKind(p.reason) !== 'page-budget');
  return [
    failed.length ? `${failed.length} 个页面重试后仍无法读取：${list(failed, (p) => `${name(p)}（${failureLabel(p.reason)}）`)}` : null,
    notOpened.length ? `${notOpened.length} 个页面因${failureLabel('page-budget')}未打开：${list(notOpened, name)}` : null,
  ]
    .filter(Boolean)
    .join('；');
}
