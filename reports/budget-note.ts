import { type BudgetPhase, budgetPhases, type PageBudgetUse } from '../evaluators/collect/page-budget.js';
import { type Html, html } from './html.js';

/** A site as the note needs it: its name and its page budget as used (null: crawled before budgets were kept, or not crawled). */
export interface BudgetedSite {
  name: string;
  crawl: { budget: PageBudgetUse | null } | null;
}

/** "栏目与导航页面 80 个、文章页面 40 个": the refused page loads by what they were for, in the phases' order. */
export function describeCut(cut: PageBudgetUse['cut']): string {
  return (Object.keys(budgetPhases) as BudgetPhase[])
    .filter((phase) => cut[phase])
    .map((phase) => `${budgetPhases[phase]} ${cut[phase]} 个`)
    .join('、');
}

/**
 * 页面预算, for the methodology section: the limit every site was crawled under, what counts against it, and
 * what it cut — the sites that left pages unopened, how many and what those were for (second tries included) —
 * and that the indicators resting on those pages are not measured, never deducted. Nothing for a run without budgets.
 */
export function budgetNote(sites: readonly BudgetedSite[]): Html {
  const budgeted = sites.flatMap((s) => (s.crawl?.budget ? [{ name: s.name, budget: s.crawl.budget }] : []));
  if (!budgeted.length) return html``;
  const limits = [...new Set(budgeted.map((s) => s.budget.limit))].sort((a, b) => a - b);
  const cut = budgeted.filter((s) => s.budget.refused > 0);
  const total: PageBudgetUse['cut'] = {};
  for (const s of cut) for (const [phase, n] of Object.entries(s.budget.cut) as Array<[BudgetPhase, number]>) total[phase] = (total[phase] ?? 0) + n;
  const refused = cut.reduce((n, s) => n + s.budget.refused, 0);
  return html`<p class="budget">页面预算：每个网站最多打开 ${limits.join('、')} 个页面。首页、栏目与导航页面、列表翻页、为读取发布日期打开的文章页、信息公开、互动交流和办事服务栏目的页面、站内搜索等功能检测和 Lighthouse 检测的页面均计入，失败后重新打开的也计入；打开首页后，约四分之三用于栏目抓取，四分之一用于其余检测。网站内容与响应不变时，同一预算下重新评估打开的页面相同。${
    cut.length
      ? `本次有 ${cut.length} 个网站因页面预算未打开部分页面，共 ${refused} 个（${describeCut(total)}）；依赖这些页面的指标记为“未能测量（超出页面预算）”，不据此扣分，也不据此作出否决。`
      : `本次 ${budgeted.length} 个网站均未因页面预算少打开页面。`
  }</p>
${
  cut.length
    ? html`<details><summary>因页面预算未打开部分页面的网站（${cut.length} 个）</summary><table><thead><tr><th>网站</th><th>已打开／预算</th><th>未打开</th><th>未打开的页面</th></tr></thead><tbody>${cut.map(
        (s) =>
          html`<tr><td>${s.name}</td><td>${s.budget.opened} / ${s.budget.limit}</td><td>${s.budget.refused}</td><td>${describeCut(s.budget.cut)}</td></tr>`,
      )}</tbody></table></details>`
    : ''
}`;
}
