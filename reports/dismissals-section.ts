import type { FindingDismissal } from '../indicators/engine.js';
import { type Html, html } from './html.js';
import { link, type Site } from './html-parts.js';
import type { ResultsFinding } from './results.js';

/**
 * How reviewers' dismissals (误报, 接受的例外) show in the reports: the findings dismissed in this run with who,
 * when and why, and a finding whose dismissal lapsed (its page changed or was not read) marked 曾被驳回.
 * Only the site's own: a department's report never carries another site's dismissals.
 */

type Indicator = Site['indicators'][number];

export const dismissalKindNames: Record<FindingDismissal['kind'], string> = { 'false-positive': '误报', exception: '接受的例外' };

const lapseNames: Record<NonNullable<FindingDismissal['lapsed']>, string> = {
  'page-changed': '页面已变化',
  'page-not-read': '本次未能读取其所在页面',
};

const when = (at: string) => at.slice(0, 16).replace('T', ' ');

/** A lapsed dismissal's mark on its finding, e.g. 曾被驳回（误报），页面已变化; null when the finding was never dismissed. */
export function lapsedNote(f: Pick<ResultsFinding, 'dismissal'>): string | null {
  const d = f.dismissal;
  return d?.lapsed ? `曾被驳回（${dismissalKindNames[d.kind]}，${d.by} ${when(d.at)}：${d.reason}），${lapseNames[d.lapsed]}，重新计入` : null;
}

/** Who dismissed it, when, why, and what it did to the score. */
export function dismissalNote(i: Pick<Indicator, 'dismissalsScored'>, d: FindingDismissal): string {
  const effect = i.dismissalsScored ? '不计扣分' : '本指标不按逐条问题计分，得分未变（如需改分请人工复核）';
  return `${dismissalKindNames[d.kind]}：${d.reason}；驳回人：${d.by}；时间：${when(d.at)}；${effect}`;
}

export function dismissedFindings(site: Site): Array<{ indicator: Indicator; finding: ResultsFinding }> {
  return site.indicators.flatMap((indicator) => (indicator.dismissed ?? []).map((finding) => ({ indicator, finding })));
}

/** The site's dismissed findings as a section (the department report) or a collapsed block (the ranking report's site detail). */
export function dismissedSection(site: Site, options: { heading?: 'h2' | 'h4' } = {}): Html | '' {
  const rows = dismissedFindings(site);
  if (!rows.length) return '';
  const list = html`<ul class="dismissed">${rows.map(
    ({ indicator, finding }) =>
      html`<li><span class="tag dismissed">已驳回</span> ${indicator.id} ${indicator.name}：${finding.message}${finding.url ? html` — ${link(finding.url)}` : ''}<br><span class="evidence">${dismissalNote(indicator, finding.dismissal!)}；问题标识：${finding.key}</span></li>`,
  )}</ul>`;
  if (options.heading === 'h4') return html`<details class="dismissed"><summary>已驳回的问题（${rows.length} 条）</summary>${list}</details>`;
  return html`<section class="dismissed"><h2>已驳回的问题</h2><p>评估办复核后驳回的问题（误报或接受的例外）。问题所在页面内容不变时，之后的评估保持驳回；页面变化后重新计入。</p>${list}</section>`;
}

export const dismissedStyles = '.tag.dismissed{background:#e8e8e8;color:#444}.lapsed{color:#8a6d00}';
