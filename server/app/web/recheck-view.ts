import { type Html, html } from '../../../reports/html.js';
import { type RecheckFinding, type RecheckSite, recheckStatuses, recheckStatusNames } from '../../../reports/recheck.js';
import type { RecheckRow } from '../../store/rechecks.js';
import { shortTime } from './appeal-status.js';
import { scroll } from './layout.js';

/** A re-check's status of a finding as a tag (its class names the status for the styles). */
export const recheckTag = (f: Pick<RecheckFinding, 'status'>) => html`<span class="tag recheck-${f.status}">${recheckStatusNames[f.status]}</span>`;

/** 单位已标记整改 → 复核结果: what the department said and what the re-check found. */
export function markOutcome(f: RecheckFinding): Html | string {
  if (!f.marked) return '—';
  return html`单位已标记整改（${shortTime(f.marked.at)}：${f.marked.note}）→ 复核结果：${recheckTag(f)}`;
}

/** The totals of a re-check (of some sites), in the statuses' order. */
export function recheckCounts(sites: RecheckSite[]): Html {
  const total = (s: RecheckFinding['status']) => sites.reduce((n, site) => n + site.counts[s], 0);
  return html`<p class="recheck-counts">${recheckStatuses.map((s) => html`<span class="recheck-${s}">${recheckStatusNames[s]} <strong>${total(s)}</strong></span>　`)}</p>`;
}

/** When the re-check was made, on which date it measured, and the deadline of the order. */
export const recheckMeta = (r: RecheckRow) =>
  html`复核于 ${shortTime(r.checkedAt)}（复核运行 ${r.recheckRunId}，评估日期 ${r.result.asOf}）${r.deadline ? html`，整改期限 ${r.deadline}` : ''}`;

/** The findings of a re-check, one row each: the unit, the status, the indicator, the finding and the department's mark. */
export function recheckTable(findings: RecheckFinding[], names: ReadonlyMap<string, string>, caption: string): Html {
  return scroll(
    html`<table class="recheck"><caption class="note">${caption}</caption><thead><tr><th scope="col">单位</th><th scope="col">复核结果</th><th scope="col">指标</th><th scope="col">问题</th><th scope="col">单位标记</th></tr></thead><tbody>${findings.map(
      (f) =>
        html`<tr><td>${names.get(f.site) ?? f.site}</td><td>${recheckTag(f)}</td><td>${f.indicator} ${f.indicatorName}</td><td>${f.message}${f.url ? html`<br><span class="note">${f.url}</span>` : ''}</td><td>${markOutcome(f)}</td></tr>`,
    )}</tbody></table>`,
    caption,
  );
}
