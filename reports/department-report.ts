import { accessibilitySection, accessibilityStyles } from './a11y-section.js';
import { dismissedSection, dismissedStyles, lapsedNote } from './dismissals-section.js';
import { documentsSection, documentsStyles } from './documents-section.js';
import { findingChangesSection, findingChangesStyles, type SiteComparison } from './finding-changes-section.js';
import { type Html, html } from './html.js';
import { indicatorStatus, link, outcomeName, page, type Site, siteGradeTag } from './html-parts.js';
import { newMediaSection, newMediaStyles } from './new-media-section.js';
import type { Results } from './results.js';
import { suspicionBasis } from './suspicion-basis.js';

type Indicator = Site['indicators'][number];

const lost = (i: Indicator) => i.status === 'deducted' || i.status === 'veto' || i.status === 'suspected-veto' || i.status === 'warning';

function points(i: Indicator): string {
  if (i.status === 'veto') return '否决';
  if (i.status === 'suspected-veto') return '疑似否决，待复核';
  if (i.score === null) return indicatorStatus[i.status] ?? i.status;
  return i.max === null ? `${i.score}` : `${i.score} / ${i.max}`;
}

function measured(i: Indicator): string {
  if (i.value === null) return i.lowerBound === undefined || i.lowerBound === null ? '—' : `≥ ${i.lowerBound}`;
  return i.value === Math.round(i.value) ? `${i.value}` : `${+i.value.toFixed(3)}`;
}

/** An indicator's findings: message, URL, quoted evidence and screenshot. */
export function indicatorEvidence(i: Indicator, evidenceDir: string): Html {
  return html`<ul>${i.findings.map(
    (f) =>
      html`<li>${f.message}${lapsedNote(f) ? html`<br><span class="lapsed">${lapsedNote(f)}</span>` : ''}${f.url ? html`<br>网址：${link(f.url)}` : ''}${f.evidence ? html`<br><span class="evidence">证据：${f.evidence}</span>` : ''}${f.screenshot ? html`<br><img class="shot" alt="${`${i.name} 证据截图`}" src="${`${evidenceDir}/${f.screenshot}`}">` : ''}</li>`,
  )}</ul>`;
}

/**
 * 单位评估报告: what one department sees of its own site — the score and rank, every indicator with its
 * points, every deduction with its evidence (URL, quote, screenshot) and what to fix, the accessibility
 * findings by criterion and page template with the fix (a11y-section.ts), reviewers' decisions, and what
 * is still waiting for a reviewer. Only this site's data goes in.
 * `evidenceDir`: the screenshots' folder relative to where this page is written.
 */
export function renderDepartmentReport(results: Results, site: Site, evidenceDir: string, changes: SiteComparison | null = null): string {
  return page(`${site.name} 网站评估报告`, departmentReportBody(results, site, evidenceDir, { changes }), departmentStyles);
}

/**
 * The report's content without its page frame, shared with the department's web page. Of the other
 * sites only the number in the group goes in (the rank's denominator), never a name or score.
 * `table`: wraps each table (the web page makes wide tables scroll on a phone); the file report keeps them bare.
 * `changes`: this site's findings against an earlier run (新发现/已整改/仍存在/本次未能测量), when one is compared.
 */
export function departmentReportBody(
  results: Results,
  site: Site,
  evidenceDir: string,
  options: { table?: (table: Html, name: string) => Html; changes?: SiteComparison | null } = {},
): Html {
  const changes = options.changes ? findingChangesSection(options.changes, { open: true }) : '';
  const table = options.table ?? ((t: Html) => t);
  const a = results.assessment;
  const peers = results.sites.filter((s) => s.group === site.group && s.status === 'assessed').length;
  const problems = site.indicators.filter(lost);
  const reviewed = site.indicators.filter((i) => i.override);
  const pending = site.indicators.filter((i) => i.status === 'not-measured');
  return html`<header><h1>${site.name} 网站评估报告</h1>
<p class="meta">${a.name}　评估日期：${a.asOf}　指标体系：${a.indicatorSet.title}（v${a.indicatorSet.version}）</p>
<p class="meta">网站：${link(site.url)}</p></header>
${
  site.status !== 'assessed'
    ? html`<section><h2>评估结果</h2><p>本次未能完成评估：${site.statusLabel ?? site.status}（${site.statusReason ?? ''}）。未能评估的网站不参与排名，请核实网站可访问后申请复测。</p></section>${changes}${newMediaSection(site.observations.newMedia, table)}`
    : html`<section><h2>评估结果</h2>
${table(
  html`<table class="summary"><tbody><tr><th>得分</th><td><strong>${site.score ?? '—'}</strong>${site.bonus ? html`（含加分 ${site.bonus}）` : ''}${site.scale && site.scale !== 1 ? html`（不适用类别不计，按 ×${site.scale} 折算）` : ''}</td><th>等级</th><td>${site.grade ? siteGradeTag(site) : '—'}</td></tr>
<tr><th>组内名次</th><td>${site.pendingReview ? '待复核' : html`${site.rank ?? '—'} / ${peers}`}（${site.group}）</td><th>是否合格</th><td>${outcomeName(site)}</td></tr></tbody></table>`,
  '得分与名次',
)}
${site.vetoes.length ? html`<p class="alarm">单项否决：${site.vetoes.map((v) => v.reason).join('；')}</p>` : ''}
${site.suspectedVetoes.length ? html`<p class="suspected">疑似否决（待人工复核）：${site.suspectedVetoes.map((v) => v.reason).join('；')}。以上判断${suspicionBasis(site.suspectedVetoes)}，评估办复核确认后为单项否决，排除后按得分评定。${site.suspectedVetoes.some((v) => v.searched) ? '如网站确有相关栏目，请提供网址申请复核。' : '如属误报（如公开的联系电话、已遮盖的信息），请说明情况申请复核。'}</p>` : ''}
${site.warnings.length ? html`<p class="warn">预警（尚未否决，请尽快整改）：${site.warnings.map((w) => w.reason).join('；')}</p>` : ''}
${table(html`<table><thead><tr><th>指标类别</th><th>得分</th><th>满分</th></tr></thead><tbody>${site.categories.map((c) => html`<tr><td>${c.name}</td><td>${c.applicable ? c.score : '不适用'}</td><td>${c.budget}</td></tr>`)}</tbody></table>`, '类别得分')}</section>
<section><h2>问题与整改建议</h2>${problems.length ? problems.map((i) => html`<article class="problem"><h3><span class="tag ${i.status}">${indicatorStatus[i.status]}</span> ${i.id} ${i.name}（${points(i)}）</h3>${indicatorEvidence(i, evidenceDir)}${i.advice ? html`<p class="advice">整改建议：${i.advice}</p>` : ''}</article>`) : html`<p>未发现扣分、否决或预警问题。</p>`}</section>
${dismissedSection(site)}
${changes}
${accessibilitySection(site.observations, { table })}
${documentsSection(site.observations, table)}
${newMediaSection(site.observations.newMedia, table)}
${reviewed.length ? html`<section><h2>人工复核</h2><ul>${reviewed.map((i) => html`<li>${i.id} ${i.name}：${points(i)}（原测量结果：${i.override!.was.score ?? indicatorStatus[i.override!.was.status]}）；理由：${i.override!.reason}；复核人：${i.override!.by}；时间：${i.override!.at.slice(0, 16).replace('T', ' ')}</li>`)}</ul></section>` : ''}
${pending.length ? html`<section><h2>待人工评分或未能测量</h2><p>${pending.map((i) => `${i.id} ${i.name}（${i.reason ?? '未能测量'}）`).join('；')}</p></section>` : ''}
<section><h2>全部指标</h2>${table(html`<table><thead><tr><th>编号</th><th>指标</th><th>测量值</th><th>得分</th><th>状态</th></tr></thead><tbody>${site.indicators.map((i) => html`<tr><td>${i.id}</td><td>${i.name}</td><td>${measured(i)}</td><td>${points(i)}</td><td>${indicatorStatus[i.status] ?? i.status}${i.override ? '（人工复核）' : ''}</td></tr>`)}</tbody></table>`, '全部指标')}</section>`
}
<footer><p>生成时间：${a.generatedAt}　运行编号：${a.runId}　指标体系 sha256：${a.indicatorSet.sha256}</p></footer>`;
}

const departmentStyles = `${accessibilityStyles}${dismissedStyles}${newMediaStyles}${documentsStyles}${findingChangesStyles}
.summary th{width:16%}.alarm{color:#b5121b;font-weight:bold}.warn{color:#8a6d00}.advice{background:#f3f7ee;border-left:4px solid #5a8f29;padding:6px 10px}
.problem{break-inside:avoid}img.shot{max-width:100%;max-height:420px;border:1px solid #ccc;margin-top:4px}`;
