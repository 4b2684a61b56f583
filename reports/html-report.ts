import type { IndicatorSet } from '../indicators/types.js';
import { budgetNote } from './budget-note.js';
import type { ChartFile } from './charts/write-charts.js';
import { dismissedStyles } from './dismissals-section.js';
import { documentsStyles } from './documents-section.js';
import type { FindingComparison } from './finding-changes.js';
import { findingChangesStyles, siteComparison } from './finding-changes-section.js';
import { type Html, html } from './html.js';
import { link, page, type Site, siteGradeTag } from './html-parts.js';
import { methodology, sampleNote } from './methodology.js';
import { newMediaStyles } from './new-media-section.js';
import type { Results } from './results.js';
import { siteDetail } from './site-detail.js';
import { notAssessedReason, statusNames } from './site-status.js';
import { suspicionBasis } from './suspicion-basis.js';

export interface ReportExtras {
  /** The indicator set: its methodology is summarised in the report. */
  set?: IndicatorSet;
  /** Charts written beside the report, shown as PNG (linked to their SVG and spec). */
  charts?: ChartFile[];
  chartsDir?: string;
  /** Each site's findings against an earlier run (govscore report --compare). */
  comparison?: FindingComparison | null;
}

/**
 * The ranking report (also printed to PDF): title, date and indicator set, the methodology, summary
 * statistics, the ranking per peer group with the charts, sites not assessed, then every site's
 * findings with evidence.
 */
export function renderReport(results: Results, extras: ReportExtras = {}): string {
  const a = results.assessment;
  const assessed = results.sites.filter((s) => s.status === 'assessed');
  const passed = assessed.filter((s) => s.passed);
  const pending = assessed.filter((s) => s.pendingReview);
  const suspected = assessed.filter((s) => s.suspectedVetoes.length);
  const groups = [...new Set(results.sites.map((s) => s.group))];
  const notAssessed = results.sites.filter((s) => s.status !== 'assessed');
  const budget = budgetNote(results.sites);
  const body = html`<header><h1>${a.name}</h1>
<p class="meta">评估日期：${a.asOf}　指标体系：${a.indicatorSet.title}（${a.indicatorSet.id} v${a.indicatorSet.version}）　运行编号：${a.runId}</p>
${a.crawl.userAgent ? html`<p class="meta">抓取方式：真实浏览器（Chromium）逐站抓取，首页按15秒规则探测可用性；robots.txt：${a.crawl.robots === 'respect' ? '遵守' : '按评估工作要求忽略'}；抓取标识：${a.crawl.userAgent}</p>` : html`<p class="meta">数据来源：导入的统计表</p>`}</header>
<section><h2>总体情况</h2><p>共 ${results.sites.length} 个网站，完成评估 ${assessed.length} 个，合格 ${passed.length} 个（合格率 ${assessed.length ? Math.round((passed.length / assessed.length) * 100) : 0}%），未能评估 ${notAssessed.length} 个${pending.length ? html`，<strong>待复核 ${pending.length} 个</strong>（疑似否决，复核前不评定等级、不参与排名）` : ''}。</p>
${suspected.length ? html`<p class="pending-note">有 ${suspected.length} 个网站存在疑似否决项（${suspicionBasis(suspected.flatMap((x) => x.suspectedVetoes))}的否决），须经人工复核确认或排除后，本评估结果方可发布。</p>` : ''}
${categoryAverages(assessed)}</section>
${extras.set ? methodology(extras.set, a.sample, budget) : a.sample || budget.value ? html`<section class="method"><h2>评估方法</h2>${a.sample ? sampleNote(a.sample) : ''}${budget}</section>` : ''}
${groups.map(
  (g) =>
    html`${rankingTable(
      g,
      results.sites.filter((s) => s.group === g && s.status === 'assessed'),
    )}${chartsOf(extras, (c) => c.group === g)}`,
)}
${chartsOf(extras, (c) => c.group === undefined && c.name !== 'ranking', '统计图')}
${notAssessed.length ? html`<section><h2>未能评估的网站</h2><table><thead><tr><th>网站</th><th>地址</th><th>状态</th><th>原因</th></tr></thead><tbody>${notAssessed.map((s) => html`<tr><td>${s.name}</td><td>${link(s.url)}</td><td>${statusNames[s.status] ?? s.status}</td><td>${notAssessedReason(s)}</td></tr>`)}</tbody></table><p class="note">未能评估的网站不参与排名，也不按零分处理。</p></section>` : ''}
<section><h2>各网站扣分与证据</h2>${assessed.map((s) => siteDetail(s, a.evidenceDir, siteComparison(extras.comparison, s.id)))}</section>
<footer><p>生成时间：${a.generatedAt}　指标体系 sha256：${a.indicatorSet.sha256}</p></footer>`;
  return page(a.name, body, `${newMediaStyles}${documentsStyles}${dismissedStyles}${extras.comparison ? findingChangesStyles : ''}`);
}

function rankingTable(group: string, sites: Site[]): Html {
  const ordered = [...sites].sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9));
  return html`<section><h2>排名：${group}</h2><table class="ranking"><thead><tr><th>名次</th><th>网站</th><th>得分</th><th>等级</th><th>单项否决${ordered.some((s) => s.suspectedVetoes.length) ? '／疑似否决' : ''}</th><th>预警</th></tr></thead><tbody>${ordered.map(
    (s) =>
      html`<tr class="${s.pendingReview ? 'pending' : s.passed ? 'pass' : 'fail'}"><td>${s.pendingReview ? html`<span class="tag pending-review">待复核</span>` : (s.rank ?? '—')}</td><td><a href="#site-${s.id}">${s.name}</a></td><td>${s.score ?? '—'}</td><td>${siteGradeTag(s)}</td><td>${s.vetoes.map((v) => v.reason).join('；')}${s.suspectedVetoes.map((v) => html`${s.vetoes.length ? '；' : ''}<span class="tag suspected-veto">疑似否决</span> ${v.reason}`)}</td><td>${s.warnings.map((w) => w.reason).join('；')}</td></tr>`,
  )}</tbody></table>${ordered.some((s) => s.pendingReview) ? html`<p class="note">“待复核”：存在疑似否决项（${suspicionBasis(ordered.flatMap((x) => x.suspectedVetoes))}），得分按排除疑似否决计算，仅供参考；复核确认后为不合格，排除后按得分评定等级和名次。</p>` : ''}</section>`;
}

/** Average score of each category over the assessed sites it applies to (bonus shown apart). */
function categoryAverages(assessed: Site[]): Html {
  const ids = [...new Set(assessed.flatMap((s) => s.categories.map((c) => c.id)))];
  const rows = ids.map((id) => {
    const scored = assessed.flatMap((s) => s.categories.filter((c) => c.id === id && c.applicable && c.score !== null));
    const average = scored.length ? scored.reduce((t, c) => t + c.score!, 0) / scored.length : null;
    return { name: scored[0]?.name ?? id, budget: scored[0]?.budget ?? 0, average, sites: scored.length };
  });
  if (!rows.length) return html``;
  return html`<table><thead><tr><th>指标类别</th><th>满分</th><th>平均得分</th><th>得分率</th><th>适用网站数</th></tr></thead><tbody>${rows.map((r) => html`<tr><td>${r.name}</td><td>${r.budget}</td><td>${r.average === null ? '—' : r.average.toFixed(2)}</td><td>${r.average === null || !r.budget ? '—' : `${Math.round((100 * r.average) / r.budget)}%`}</td><td>${r.sites}</td></tr>`)}</tbody></table>`;
}

/** The charts that match, as images linked to their SVG and Vega-Lite spec (a publisher restyles the spec). */
function chartsOf(extras: ReportExtras, which: (c: ChartFile) => boolean, heading?: string): Html {
  const charts = (extras.charts ?? []).filter(which);
  if (!charts.length) return html``;
  const dir = extras.chartsDir ?? 'charts';
  const file = (path: string) => `${dir}/${path.split(/[\\/]/).pop()}`;
  return html`${heading ? html`<h2>${heading}</h2>` : ''}${charts.map((c) => html`<figure class="chart"><img src="${file(c.files.png ?? c.files.svg)}" alt="${c.title}"><figcaption>${c.title}（<a href="${file(c.files.svg)}">SVG</a>，<a href="${file(c.files.spec)}">Vega-Lite 规格</a>）</figcaption></figure>`)}`;
}
