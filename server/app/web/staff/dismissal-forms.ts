import { dismissalKindNames, dismissedFindings } from '../../../../reports/dismissals-section.js';
import { type Html, html } from '../../../../reports/html.js';
import type { Site } from '../../../../reports/html-parts.js';
import type { DismissalRow } from '../../../store/dismissals.js';
import { csrfField } from '../layout.js';

/**
 * The staff site page's 驳回问题 form (a finding of this run as 误报 or 接受的例外, with the reason) and the site's
 * dismissals so far, each in force with an undo button. The rule is server/use-cases/dismissals.ts.
 */
export function dismissalForms(csrf: string, runId: string, site: Site, history: DismissalRow[]): Html {
  const findings = site.indicators.flatMap((i) => i.findings.map((f) => ({ indicator: i, finding: f })));
  const dismissed = dismissedFindings(site).length;
  const form = findings.length
    ? html`<form method="post" action="/staff/runs/${runId}/dismissals" class="card">${csrfField(csrf)}<input type="hidden" name="siteId" value="${site.id}">
<p class="note">驳回后，之后的评估中问题所在页面内容不变即保持驳回；页面变化后重新计入并标注“曾被驳回，页面已变化”。逐条计扣的指标，被驳回的问题不计扣分。${dismissed ? `本次已驳回 ${dismissed} 条。` : ''}</p>
<label for="dismiss-key">问题</label><select id="dismiss-key" name="key" required>${findings.map(({ indicator, finding }) => html`<option value="${finding.key}">${indicator.id} ${finding.message}${finding.url ? `（${finding.url}）` : ''}</option>`)}</select>
<fieldset><legend>驳回类型</legend><label><input type="radio" name="kind" value="false-positive" checked> 误报（检测有误）</label> <label><input type="radio" name="kind" value="exception"> 接受的例外（问题属实，评估办同意不计）</label></fieldset>
<label for="dismiss-reason">驳回理由（必填）</label><textarea id="dismiss-reason" name="reason" required maxlength="2000" rows="2"></textarea>
<p><button type="submit">驳回问题</button></p></form>`
    : html`<p class="note">本次没有可驳回的问题。</p>`;
  const rows = history.length
    ? html`<div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table class="dismissals"><caption class="note">本网站的驳回记录（各次评估）</caption><thead><tr><th scope="col">时间</th><th scope="col">问题标识</th><th scope="col">类型</th><th scope="col">理由</th><th scope="col">驳回人</th><th scope="col">状态</th></tr></thead><tbody>${history.map(
        (d) =>
          html`<tr><td>${d.at.slice(0, 16).replace('T', ' ')}</td><td>${d.key}</td><td>${dismissalKindNames[d.kind]}</td><td>${d.reason}</td><td>${d.by}</td><td>${
            d.undoneAt
              ? `已撤销（${d.undoneBy}）`
              : html`<form method="post" action="/staff/runs/${runId}/dismissals/${d.id}/undo">${csrfField(csrf)}<input type="hidden" name="siteId" value="${site.id}"><button type="submit">撤销驳回</button></form>`
          }</td></tr>`,
      )}</tbody></table></div>`
    : '';
  return html`<h2>驳回问题</h2>${form}${rows}`;
}
