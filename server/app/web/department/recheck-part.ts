import { type Html, html } from '../../../../reports/html.js';
import { recheckStatusNames } from '../../../../reports/recheck.js';
import type { Results } from '../../../../reports/results.js';
import type { Store } from '../../../store/store.js';
import { shortTime } from '../appeal-status.js';
import { csrfField, scroll } from '../layout.js';
import { recheckCounts, recheckMeta, recheckTable } from '../recheck-view.js';

/** The keys of the site's findings in the run, with what a department sees of each (a finding of one thing once). */
export function siteFindings(results: Results, siteId: string): Map<string, { indicator: string; name: string; message: string }> {
  const site = results.sites.find((s) => s.id === siteId);
  const out = new Map<string, { indicator: string; name: string; message: string }>();
  for (const i of site?.indicators ?? [])
    for (const f of i.findings) if (!out.has(f.key)) out.set(f.key, { indicator: i.id, name: i.name, message: f.message });
  return out;
}

/**
 * 整改复核 on a department's page of its own site: the latest re-check of the run (this site's findings only),
 * its marks (单位已标记整改, and what the re-check found of each), and the form that marks a finding fixed.
 */
export function departmentRecheck(store: Store, results: Results, siteId: string, csrf: string, error?: string): Html {
  const runId = results.assessment.runId;
  const findings = siteFindings(results, siteId);
  const marks = store.rechecks.marks(runId, siteId);
  const latest = store.rechecks.ofRun(runId).find((r) => r.result.sites.some((s) => s.id === siteId));
  const checked = latest ? latest.result.findings.filter((f) => f.site === siteId) : [];
  const statusOf = new Map(checked.map((f) => [f.key, f.status]));
  const unmarked = [...findings].filter(([key]) => !marks.has(key));
  return html`<section id="recheck" aria-labelledby="recheck-title"><h2 id="recheck-title">整改复核</h2>
${
  latest
    ? html`<p class="meta">${recheckMeta(latest)}</p>${recheckCounts(latest.result.sites.filter((s) => s.id === siteId))}${recheckTable(checked, new Map([[siteId, results.sites.find((s) => s.id === siteId)?.name ?? siteId]]), '本网站问题的复核结果')}`
    : html`<p>本次评估发现的问题尚未复核。</p>`
}
${
  marks.size
    ? html`<h3>已标记整改的问题</h3>${scroll(
        html`<table><caption class="note">本单位标记已整改的问题：下一次复核验证</caption><thead><tr><th scope="col">问题</th><th scope="col">整改说明</th><th scope="col">标记时间</th><th scope="col">复核结果</th></tr></thead><tbody>${[
          ...marks.values(),
        ].map((m) => {
          const f = findings.get(m.key);
          const status = latest && m.at <= latest.checkedAt ? statusOf.get(m.key) : undefined;
          return html`<tr><td>${f ? `${f.indicator} ${f.name}：${f.message}` : m.key}</td><td>${m.note}</td><td>${shortTime(m.at)}</td><td>${status ? `单位已标记整改 → 复核结果：${recheckStatusNames[status]}` : '单位已标记整改，待复核'}</td></tr>`;
        })}</tbody></table>`,
        '已标记整改的问题',
      )}`
    : ''
}
${error ? html`<p class="error" role="alert">未标记：${error}</p>` : ''}
${
  unmarked.length
    ? html`<form method="post" action="/department/runs/${runId}/sites/${siteId}/marks" class="card">${csrfField(csrf)}<label for="mark-key">已整改的问题</label><select id="mark-key" name="key" required>${unmarked.map(
        ([key, f]) => html`<option value="${key}">${f.indicator} ${f.name}：${f.message.slice(0, 80)}</option>`,
      )}</select><label for="mark-note">整改说明</label><p class="note" id="mark-note-hint">2 至 1000 字，写明如何整改；评估办复核时验证。</p><textarea id="mark-note" name="note" minlength="2" maxlength="1000" required aria-describedby="mark-note-hint"></textarea><p><button type="submit">标记为已整改</button></p></form>`
    : findings.size
      ? html`<p class="note">本网站的问题均已标记整改，待复核验证。</p>`
      : html`<p class="note">本次评估未发现本网站的问题。</p>`
}</section>`;
}
