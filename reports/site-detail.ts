import type { AccessibilityViolation } from '../evaluators/accessibility.js';
import { assistItemNames, assistStatusNames } from '../evaluators/collect/assist-modes.js';
import { disclosureDetail } from './disclosure-detail.js';
import { dismissedSection, lapsedNote } from './dismissals-section.js';
import { documentsSummary, documentsTables } from './documents-section.js';
import { findingChangesSection, type SiteComparison } from './finding-changes-section.js';
import { type Html, html, raw } from './html.js';
import { indicatorStatus, link, type Site, siteGradeTag } from './html-parts.js';
import { newMediaSummary, newMediaTable } from './new-media-section.js';
import { suspicionBasis } from './suspicion-basis.js';

/** `evidenceDir`: the screenshots' folder relative to the report; `changes`: the site against an earlier run, when compared. */
export function siteDetail(s: Site, evidenceDir: string, changes: SiteComparison | null = null): Html {
  const problems = s.indicators.filter((i) => i.status === 'veto' || i.status === 'suspected-veto' || i.status === 'deducted' || i.status === 'warning');
  const reviewed = s.indicators.filter((i) => i.override);
  const columns = s.observations.columns;
  return html`<article id="site-${s.id}"><h3>${s.name}　<small>${link(s.url)}</small></h3>
<p>得分 <strong>${s.score ?? '—'}</strong>　等级 ${siteGradeTag(s)}　组内名次 ${s.pendingReview ? '待复核' : (s.rank ?? '—')}${s.bonus ? html`　（含加分 ${s.bonus}）` : ''}${s.scale && s.scale !== 1 ? html`　（不适用的指标类别不计，按 ×${s.scale} 折算）` : ''}</p>
${s.suspectedVetoes.length ? html`<p class="suspected"><span class="tag suspected-veto">疑似否决</span> 以下否决项${suspicionBasis(s.suspectedVetoes)}，${s.suspectedVetoes.some((v) => !v.searched) ? '可能是误报' : '可能是检测未能识别'}，须经人工复核确认或排除：${s.suspectedVetoes.map((v) => `${v.indicator} ${s.indicators.find((i) => i.id === v.indicator)?.name ?? ''}`.trim()).join('、')}${s.pendingReview ? '。复核前不评定等级、不参与排名，评估结果不能发布。' : '。'}</p>` : ''}
${reviewed.length ? html`<ul class="findings overrides">${reviewed.map((i) => html`<li><span class="tag override">人工复核</span> ${i.id} ${i.name}：${i.status === 'veto' ? '判定否决' : i.max !== null && i.score !== null ? `${i.score}/${i.max}` : indicatorStatus[i.status]}（原测量结果：${i.override!.was.score ?? indicatorStatus[i.override!.was.status]}）<br><span class="evidence">理由：${i.override!.reason}；复核人：${i.override!.by}；时间：${i.override!.at.slice(0, 16).replace('T', ' ')}</span></li>`)}</ul>` : ''}
${problems.length ? html`<ul class="findings">${problems.map((i) => html`<li><span class="tag ${i.status}">${indicatorStatus[i.status]}</span> ${i.id} ${i.name}${i.max !== null && i.score !== null ? html`（${i.score}/${i.max}）` : ''}<ul>${i.findings.map((f) => html`<li>${f.message}${lapsedNote(f) ? html`<br><span class="lapsed">${lapsedNote(f)}</span>` : ''}${f.url ? html` — ${link(f.url)}` : ''}${f.evidence ? html`<br><span class="evidence">${f.evidence}</span>` : ''}${f.screenshot ? html` <a class="shot" href="${`${evidenceDir}/${f.screenshot}`}">[截图]</a>` : ''}</li>`)}</ul></li>`)}</ul>` : html`<p>未发现扣分或否决问题。</p>`}
${dismissedSection(s, { heading: 'h4' })}
${changes ? findingChangesSection(changes, { heading: 'h4' }) : ''}
${accessibilityDetail(s)}
${pageChecksDetail(s)}
${assistDetail(s)}
${disclosureDetail(s)}
${s.observations.websiteReport || s.observations.policyDocuments ? html`<details><summary>工作报表与政策文件（${documentsSummary(s.observations)}）</summary>${documentsTables(s.observations)}</details>` : ''}
${s.observations.newMedia ? html`<details><summary>政务新媒体（${newMediaSummary(s.observations.newMedia)}）</summary>${newMediaTable(s.observations.newMedia)}</details>` : ''}
<details><summary>栏目更新情况（${columns.length} 个栏目）</summary><table><thead><tr><th>栏目</th><th>类别</th><th>条数</th><th>注明日期</th><th>最新日期</th><th>状态</th></tr></thead><tbody>${columns.map((c) => html`<tr><td>${link(c.url, c.name)}</td><td>${c.kind}</td><td>${c.itemCount}</td><td>${c.datedItems}</td><td>${c.latest ?? '—'}</td><td>${c.blank ? '空白' : c.stale ? raw('<b>未更新</b>') : c.stale === null ? '未能测量' : '正常'}</td></tr>`)}</tbody></table></details>
</article>`;
}

const lighthouseNames = { accessibility: '无障碍', performance: '性能', bestPractices: '最佳实践', seo: '搜索引擎优化' } as const;

const levelNames = { A: 'A', AA: 'AA', AAA: 'AAA', 'best-practice': '最佳实践' } as const;
/** The level column: A, AA, AAA, 最佳实践; a WCAG 2.2 criterion outside GB/T 37668-2019's 2.0/2.1 is marked. */
const levelText = (v: AccessibilityViolation) =>
  `${levelNames[v.level]}${!v.wcag21AA && v.level !== 'AAA' && v.level !== 'best-practice' ? '（WCAG 2.2）' : ''}`;

function accessibilityDetail(s: Site): Html {
  const a = s.observations.accessibility;
  if (!a) return html``;
  return html`<details><summary>无障碍检测（axe-core 全部规则，${a.pagesScanned} 个页面，${a.violations.length} 条规则未通过${a.pagesUnfinished ? `；另有 ${a.pagesUnfinished} 个页面检测超时，未计入` : ''}；其中 WCAG 2.0/2.1 A/AA级 ${a.failingRules} 条，涉及 ${a.failedCriteria} 条成功准则）</summary>
${a.pagesUnfinished ? html`<p class="evidence">检测超时的页面：${a.unfinishedUrls.map((u, i) => html`${i ? '、' : ''}${link(u)}`)}</p>` : ''}
<table><thead><tr><th>规则</th><th>影响</th><th>WCAG</th><th>级别</th><th>页面数</th><th>元素数</th><th>示例页面</th></tr></thead><tbody>${a.violations.map((v) => html`<tr><td>${v.help}（${v.rule}）</td><td>${v.impact ?? '—'}</td><td>${v.wcag.join(' ')}</td><td>${levelText(v)}</td><td>${v.pages}</td><td>${v.nodes}</td><td>${v.urls[0] ? link(v.urls[0]) : ''}</td></tr>`)}</tbody></table>
${a.lighthouse.length ? html`<table><thead><tr><th>Lighthouse 页面</th>${Object.values(lighthouseNames).map((n) => html`<th>${n}</th>`)}</tr></thead><tbody>${a.lighthouse.map((l) => html`<tr><td>${link(l.url)}${l.error ? html`<br><span class="evidence">${l.error}</span>` : ''}</td>${(Object.keys(lighthouseNames) as Array<keyof typeof lighthouseNames>).map((k) => html`<td>${l.scores[k] ?? '—'}</td>`)}</tr>`)}</tbody></table>` : ''}
</details>`;
}

/** The 无障碍/长者模式's 适老化 items as pressed and measured: what holds, what does not, and what was seen. */
function assistDetail(s: Site): Html {
  const m = s.observations.identity?.assist;
  if (!m) return html``;
  const met = assistItemNames.filter(([key]) => m[key].status === 'holds').length;
  return html`<details><summary>无障碍/长者模式适老化检测（${assistItemNames.length} 项中 ${met} 项符合）</summary>
<table><thead><tr><th>项目</th><th>结果</th><th>检测情况</th></tr></thead><tbody>${assistItemNames.map(([key, name]) => html`<tr><td>${name}</td><td>${assistStatusNames[m[key].status]}</td><td>${m[key].evidence}</td></tr>`)}</tbody></table>
</details>`;
}

/** The browser checks axe does not make, by check: its WCAG criterion, pages, elements and an example a web team can find again. */
function pageChecksDetail(s: Site): Html {
  const c = s.observations.pageChecks;
  if (!c) return html``;
  const failing = c.failures.filter((f) => !f.advisory);
  const partly = c.pagesPartlyChecked + c.pagesNotChecked;
  return html`<details><summary>键盘、焦点、重排等浏览器检查（${c.pagesChecked} 个页面，${failing.length} 项未通过${partly ? `；${partly} 个页面部分检查未能完成` : ''}）</summary>
${failing.length ? html`<table><thead><tr><th>问题</th><th>WCAG</th><th>级别</th><th>页面数</th><th>元素数</th><th>示例</th></tr></thead><tbody>${failing.map((f) => html`<tr><td>${f.zh}（${f.check}）</td><td>${f.wcag.join(' ')}</td><td>${f.level}</td><td>${f.pages}</td><td>${f.elements}</td><td>${f.urls[0] ? link(f.urls[0]) : ''}${f.examples[0] ? html`<br><code>${f.examples[0].selector}</code>${f.examples[0].detail ? html`<br><span class="evidence">${f.examples[0].detail}</span>` : ''}` : ''}</td></tr>`)}</tbody></table>` : html`<p>未发现问题。</p>`}
${c.notChecked.length ? html`<p class="evidence">未能完成的检查：${c.notChecked.map((n, i) => html`${i ? '；' : ''}${link(n.url)}（${n.area}：${n.reason}）`)}</p>` : ''}
</details>`;
}
