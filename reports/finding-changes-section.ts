import {
  type ChangedFinding,
  type FindingChange,
  findingChangeNames,
  findingChanges,
  type FindingComparison,
  type SiteFindingChanges,
  unmeasuredReasonNames,
} from './finding-changes.js';
import { type Html, html } from './html.js';
import { link } from './html-parts.js';

/** One site's comparison with the earlier run and the run it is compared with. */
export interface SiteComparison {
  earlier: FindingComparison['earlier'];
  sameSet: boolean;
  site: SiteFindingChanges;
}

/** The comparison of one site, or null when the site is in neither run's comparison. */
export function siteComparison(comparison: FindingComparison | null | undefined, siteId: string): SiteComparison | null {
  const site = comparison?.sites.find((s) => s.siteId === siteId);
  return comparison && site ? { earlier: comparison.earlier, sameSet: comparison.sameSet, site } : null;
}

const presenceNote = (c: SiteComparison): string | null => {
  if (c.site.earlier === 'absent') return '上次评估未包含本网站，本次发现的问题均列为新发现。';
  if (c.site.earlier === 'not-assessed') return '上次评估未能完成本网站的评估，本次发现的问题均列为新发现。';
  if (c.site.now !== 'assessed') return '本次未能完成本网站的评估，上次发现的问题均无法判断是否已整改。';
  return null;
};

function entry(f: ChangedFinding): Html {
  const note =
    f.change === 'new' && f.notMeasuredBefore
      ? '（上次未能测量该指标）'
      : f.change === 'not-measured' && f.reason
        ? `（${unmeasuredReasonNames[f.reason]}）`
        : '';
  return html`<li>${f.indicator} ${f.indicatorName}：${f.message}${note}${f.url ? html`<br>网址：${link(f.url)}` : ''}</li>`;
}

/**
 * 与上次评估相比: the counts of 新发现 / 已整改 / 仍存在 / 本次未能测量 and each list, for one site (department
 * report, the department's web page, the ranking report's site detail). A finding is matched by its key, so
 * its wording may differ between the runs; what this run could not measure is never called 已整改.
 * `open`: the lists unfolded (the department's own report) or folded (the ranking report).
 */
export function findingChangesSection(c: SiteComparison, options: { heading?: 'h2' | 'h4'; open?: boolean } = {}): Html {
  const counts = c.site.counts;
  const total = findingChanges.reduce((n, k) => n + counts[k], 0);
  const note = presenceNote(c);
  const list = (change: FindingChange) => {
    const found = c.site.findings.filter((f) => f.change === change);
    if (!found.length) return html``;
    return html`<details class="changes ${change}"${options.open ? html` open` : ''}><summary>${findingChangeNames[change]}（${found.length}）</summary><ul>${found.map(entry)}</ul></details>`;
  };
  const title = html`与上次评估相比（${c.earlier.name}，评估日期 ${c.earlier.asOf}，运行编号 ${c.earlier.runId}）`;
  return html`<section class="finding-changes">${options.heading === 'h4' ? html`<h4>${title}</h4>` : html`<h2>${title}</h2>`}
<p class="change-counts">${findingChanges.map((k, i) => html`${i ? '　' : ''}<span class="change ${k}">${findingChangeNames[k]} <strong>${counts[k]}</strong></span>`)}</p>
${note ? html`<p class="note">${note}</p>` : ''}${c.sameSet ? '' : html`<p class="note">两次评估使用的指标体系版本不同，同一编号的指标含义可能有变化。</p>`}
${total ? findingChanges.map(list) : html`<p>两次评估均未发现问题。</p>`}
<p class="note">按问题所涉及的栏目、链接、页面或规则逐条比对，与问题描述中的日期、数量无关。“已整改”指本次测量了该指标且未再发现；本次未能测量、不适用或经人工复核判定的，列为“本次未能测量”。</p></section>`;
}

export const findingChangesStyles = `.change-counts .change{display:inline-block;padding:2px 8px;border-radius:3px;background:#f2f2f2;margin:2px 0}
.change.new strong{color:#b5121b}.change.fixed strong{color:#2f7d32}.change.unchanged strong{color:#8a6d00}.change.not-measured strong{color:#555}
details.changes summary{cursor:pointer;font-weight:bold}`;
