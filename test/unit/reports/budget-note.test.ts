import { describe, expect, it } from 'vitest';

import type { PageBudgetUse } from '../../../evaluators/collect/page-budget.js';
import { budgetNote, describeCut } from '../../../reports/budget-note.js';
import { methodology } from '../../../reports/methodology.js';

const SCRIPT = '<script>alert(1)</script>';
const site = (name: string, budget: PageBudgetUse | null) => ({ name, crawl: { budget } });
const untouched = (opened: number): PageBudgetUse => ({ limit: 40, opened, refused: 0, cut: {} });

describe('the page budget in the methodology section', () => {
  it('states the limit and what counts against it, and that no site ran out', () => {
    const note = budgetNote([site('某市教育局', untouched(31)), site('某市发改委', untouched(40))]).value;
    expect(note).toContain('页面预算：每个网站最多打开 40 个页面。');
    expect(note).toContain('列表翻页、为读取发布日期打开的文章页');
    expect(note).toContain('失败后重新打开的也计入');
    expect(note).toContain('本次 2 个网站均未因页面预算少打开页面。');
    expect(note).not.toContain('<details>');
  });

  it('states what the budget cut, in total and per site, and that what rests on it is not measured, never deducted or vetoed', () => {
    const cut: PageBudgetUse = { limit: 40, opened: 40, refused: 25, cut: { columns: 12, articles: 10, mailbox: 3 } };
    const note = budgetNote([
      site(`某县${SCRIPT}`, cut),
      site('某市发改委', { limit: 40, opened: 40, refused: 2, cut: { articles: 2 } }),
      site('某市教育局', untouched(20)),
      { name: '未能访问的网站', crawl: null },
    ]).value;
    expect(note).toContain(
      '本次有 2 个网站因页面预算未打开部分页面，共 27 个（栏目与导航页面 12 个、文章页面 12 个、互动交流（信箱）页面 3 个）；依赖这些页面的指标记为“未能测量（超出页面预算）”，不据此扣分，也不据此作出否决。',
    );
    expect(note).toContain('<summary>因页面预算未打开部分页面的网站（2 个）</summary>');
    expect(note).toContain(
      '<tr><td>某县&lt;script&gt;alert(1)&lt;/script&gt;</td><td>40 / 40</td><td>25</td><td>栏目与导航页面 12 个、文章页面 10 个、互动交流（信箱）页面 3 个</td></tr>',
    );
    expect(note).not.toContain('<script');
    expect(note).not.toContain('某市教育局');
  });

  it('says nothing for a run whose sites were crawled before budgets were kept, and sits in the methodology when given', () => {
    expect(budgetNote([site('某市教育局', null)]).value).toBe('');
    expect(describeCut({ lighthouse: 1, homepage: 1 })).toBe('首页 1 个、Lighthouse 检测 1 个');
    const set = { id: 's', version: '1', title: { zh: '测试', en: 'test' }, total: 100, categories: [], indicators: [] } as unknown as Parameters<
      typeof methodology
    >[0];
    expect(methodology(set, undefined, budgetNote([site('某市教育局', untouched(3))])).value).toContain(
      '<p class="budget">页面预算：每个网站最多打开 40 个页面。',
    );
  });
});
