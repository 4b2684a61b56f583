import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';

import { choice, date, matches, pageNumbers, pageWindow, search, Table } from '../../../server/app/web/table-query.js';

const table = new Table({
  id: 'sites',
  noun: '网站',
  path: '/staff/runs/r1',
  pageSize: 10,
  controls: {
    q: search('搜索网站', '名称或网址'),
    state: choice('状态', [
      ['passed', '已评估'],
      ['veto', '否决'],
    ]),
    from: date('起始日期'),
  },
});

describe('a table’s search, filters and paging (server/app/web/table-query.ts)', () => {
  it('reads the declared values from a query string and leaves out what does not fit: an unknown option, a bad date or page, extra keys', () => {
    expect(table.parse({ q: ' 教育 ', state: 'veto', from: '2026-11-01', page: '3', other: 'x' })).toEqual({
      filters: { q: '教育', state: 'veto', from: '2026-11-01' },
      page: 3,
    });
    expect(table.parse({ q: '', state: 'gone', from: '11/01/2026', page: '0' })).toEqual({ filters: {}, page: 1 });
    expect(table.parse({ page: '-2' }).page).toBe(1);
    expect(table.parse({ page: '2.5' }).page).toBe(1);
    expect(table.parse({ q: 'x'.repeat(101) }).filters).toEqual({});
    // A repeated key (?state=veto&state=passed) counts once, the first; no query at all is the first page of everything.
    expect(table.parse({ state: ['veto', 'passed'] }).filters).toEqual({ state: 'veto' });
    expect(table.parse(undefined)).toEqual({ filters: {}, page: 1 });
  });

  it('matches every word of a search in any of the texts, ignoring case and full-width forms', () => {
    expect(matches(undefined, 'anything')).toBe(true);
    expect(matches('教育 JYJ', '某市教育局', 'jyj')).toBe(true);
    expect(matches('ｊｙｊ', 'https://jyj.example.gov.cn/')).toBe(true);
    expect(matches('教育 公安', '某市教育局', 'jyj')).toBe(false);
    expect(matches('教育', null, undefined)).toBe(false);
  });

  it('brings the page within the pages there are: 45 rows at 20 a page are pages 1–3, the last one of 5 rows', () => {
    expect(pageWindow(45, 3, 20)).toEqual({ page: 3, pages: 3, total: 45, offset: 40, limit: 20 });
    expect(pageWindow(45, 9, 20)).toEqual({ page: 3, pages: 3, total: 45, offset: 40, limit: 20 });
    expect(pageWindow(40, 2, 20).offset).toBe(20);
    expect(pageWindow(0, 4, 20)).toEqual({ page: 1, pages: 1, total: 0, offset: 0, limit: 20 });
    const rows = Array.from({ length: 23 }, (_, i) => i);
    expect(table.page(rows, { filters: {}, page: 3 })).toEqual({ rows: [20, 21, 22], window: { page: 3, pages: 3, total: 23, offset: 20, limit: 10 } });
  });

  it('shows the first, the last and two pages either side of the current one, with gaps', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageNumbers(7, 20)).toEqual([1, null, 5, 6, 7, 8, 9, null, 20]);
    expect(pageNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
  });

  it('renders a GET form with a label for every field, the values set, 全部 for a choice, and 清除条件 only when something is set', () => {
    const $ = load(table.form(table.parse({ q: '<b>局', state: 'veto' })).value);
    const form = $('form');
    expect([form.attr('method'), form.attr('action'), form.attr('role'), form.attr('aria-label')]).toEqual([
      'get',
      '/staff/runs/r1#sites',
      'search',
      '筛选网站',
    ]);
    for (const field of ['q', 'state', 'from']) expect($(`label[for="sites-${field}"]`).text()).not.toBe('');
    expect($('#sites-q').val()).toBe('<b>局');
    expect($('label[for="sites-q"]').text()).toBe('搜索网站（名称或网址）');
    expect(
      $('#sites-state option')
        .map((_, o) => $(o).text())
        .get(),
    ).toEqual(['全部', '已评估', '否决']);
    expect($('#sites-state option[selected]').val()).toBe('veto');
    expect($('#sites-from').attr('type')).toBe('date');
    expect($('button[type=submit]').text()).toBe('查询');
    expect($('a').attr('href')).toBe('/staff/runs/r1#sites');
    expect(load(table.form(table.parse({})).value)('a')).toHaveLength(0);
    // A choice without options (nothing to choose from) is left out.
    const empty = new Table({ id: 't', noun: '行', path: '/x', controls: { group: choice('分组', []) } });
    expect(load(empty.form(empty.parse({})).value)('select')).toHaveLength(0);
  });

  it('pages with 上一页/下一页, marks the current page, and keeps the search and filters in every link', () => {
    const query = table.parse({ q: '教育 局', state: 'veto', page: '2' });
    const $ = load(table.pager(query, table.window(query, 25)).value);
    expect($('.pager-summary').text()).toBe('第 11–20 条，共 25 条（已筛选）');
    expect($('nav.pager').attr('aria-label')).toBe('网站分页');
    expect($('a[rel=prev]').attr('href')).toBe('/staff/runs/r1?q=%E6%95%99%E8%82%B2+%E5%B1%80&state=veto#sites');
    expect($('a[rel=next]').attr('href')).toBe('/staff/runs/r1?q=%E6%95%99%E8%82%B2+%E5%B1%80&state=veto&page=3#sites');
    expect($('a[aria-current=page]').text()).toBe('2');
    expect($('a[aria-current=page]').attr('aria-label')).toBe('第 2 页');
    // On the last page 下一页 is no link; one page needs no pager, only the count; no rows say so.
    const last = table.parse({ page: '3' });
    expect(load(table.pager(last, table.window(last, 25)).value)('nav .off').text()).toBe('下一页');
    expect(load(table.pager(last, table.window(last, 25)).value)('.pager-summary').text()).toBe('第 21–25 条，共 25 条');
    const one = load(table.pager(last, table.window(last, 7)).value);
    expect([one('nav').length, one('.pager-summary').text()]).toEqual([0, '共 7 条']);
    expect(load(table.pager(query, table.window(query, 0)).value)('.pager-summary').text()).toBe('没有符合条件的网站。');
  });
});
