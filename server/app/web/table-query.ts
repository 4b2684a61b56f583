import { type TSchema, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

import { type Html, html } from '../../../reports/html.js';

/*
 * Search, filters and paging of the web app's tables, one way for all. A table declares its controls (a
 * text search, choices, dates); parse() reads them and `page` from the query string through a TypeBox
 * schema built from that declaration; the caller filters its rows (in memory, or in SQL for a big table);
 * page() or window() cuts out one page at the table's fixed size; form() renders the GET form and pager()
 * the links, which keep the table's other parameters. Filters only narrow the rows the caller hands in:
 * what an account may see is decided before, never by the query.
 */

/** A free-text search: every word must occur in one of the texts the caller matches it against. */
export interface SearchControl {
  kind: 'search';
  label: string;
  hint?: string;
}
/** One of a list of values ('' or absent = all), each with its label. */
export interface ChoiceControl<V extends string = string> {
  kind: 'choice';
  label: string;
  options: ReadonlyArray<readonly [V, string]>;
}
/** A day (YYYY-MM-DD), for a range's ends. */
export interface DateControl {
  kind: 'date';
  label: string;
}
export type Control = SearchControl | ChoiceControl | DateControl;
type Controls = Record<string, Control>;

export const search = (label: string, hint?: string): SearchControl => ({ kind: 'search', label, ...(hint ? { hint } : {}) });
export const choice = <const V extends string>(label: string, options: ReadonlyArray<readonly [V, string]>): ChoiceControl<V> => ({
  kind: 'choice',
  label,
  options,
});
export const date = (label: string): DateControl => ({ kind: 'date', label });

/** The values the query set, typed by the declaration: a choice gives one of its values. */
export type Filters<C extends Controls> = { [K in keyof C]?: C[K] extends ChoiceControl<infer V> ? V : string };

export interface TableQuery<C extends Controls> {
  filters: Filters<C>;
  /** The page asked for (from 1); window() brings it within the pages there are. */
  page: number;
}

/** The rows of one page: the page (within 1..pages), and where it starts in the filtered rows. */
export interface PageWindow {
  page: number;
  pages: number;
  total: number;
  offset: number;
  limit: number;
}

export interface TableSpec<C extends Controls> {
  /** The form's id (the anchor the form and the pager lead back to) and the prefix of its fields' ids. */
  id: string;
  /** What the rows are, in the form's and the pager's names: 网站 → 筛选网站, 网站分页. */
  noun: string;
  /** The page the table is on. */
  path: string;
  controls: C;
  pageSize?: number;
}

const defaultPageSize = 20;
const maxSearchLength = 100;

const controlSchema = (c: Control): TSchema =>
  c.kind === 'search'
    ? Type.String({ minLength: 1, maxLength: maxSearchLength })
    : c.kind === 'date'
      ? Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })
      : Type.Union(c.options.map(([value]) => Type.Literal(value)));

/** Text as compared by a search: full-width letters and digits as half-width, case ignored. */
const folded = (text: string) => text.normalize('NFKC').toLowerCase();

/** Whether every word of a search occurs in one of the texts (no search: every row matches). */
export function matches(query: string | undefined, ...texts: Array<string | null | undefined>): boolean {
  if (!query) return true;
  const haystack = texts.map((t) => folded(t ?? ''));
  return folded(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.some((t) => t.includes(word)));
}

/** The page asked for, brought within the pages of `total` rows. */
export function pageWindow(total: number, page: number, size: number): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, page), pages);
  const offset = (current - 1) * size;
  return { page: current, pages, total, offset, limit: size };
}

export class Table<C extends Controls> {
  /** The query string's schema: each control's value, and the page. */
  readonly schema;
  readonly pageSize: number;

  constructor(readonly spec: TableSpec<C>) {
    this.pageSize = spec.pageSize ?? defaultPageSize;
    const properties: Record<string, TSchema> = {};
    for (const [name, control] of Object.entries(spec.controls)) properties[name] = Type.Optional(controlSchema(control));
    // Every value of a query string is text: the page too, digits only (no 2.5, 1e3 or 0x10).
    this.schema = Type.Object({ ...properties, page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$' })) });
  }

  /**
   * The table's values in a parsed query string. A value that does not fit its control (an option that no
   * longer exists, a malformed date or page) is left out rather than refused: links outlive their options.
   */
  parse(raw: unknown): TableQuery<C> {
    const given = (raw ?? {}) as Record<string, unknown>;
    const filters: Record<string, unknown> = {};
    let page = 1;
    for (const [name, schema] of Object.entries(this.schema.properties)) {
      const value = Array.isArray(given[name]) ? given[name][0] : given[name];
      if (typeof value !== 'string' || !value.trim()) continue;
      const text = value.trim();
      if (!Value.Check(schema, text)) continue;
      if (name === 'page') page = Number(text);
      else filters[name] = text;
    }
    return { filters: filters as Filters<C>, page };
  }

  /** Whether the query narrows the rows at all. */
  filtered(query: TableQuery<C>): boolean {
    return Object.values(query.filters).some((v) => v !== undefined);
  }

  window(query: TableQuery<C>, total: number): PageWindow {
    return pageWindow(total, query.page, this.pageSize);
  }

  /** The rows of the page asked for, out of rows already filtered and in a stable order. */
  page<T>(rows: T[], query: TableQuery<C>): { rows: T[]; window: PageWindow } {
    const window = this.window(query, rows.length);
    return { rows: rows.slice(window.offset, window.offset + window.limit), window };
  }

  /** The address of a page with the same search and filters. */
  href(query: TableQuery<C>, page: number): string {
    const params = new URLSearchParams();
    for (const name of Object.keys(this.spec.controls)) {
      const value = query.filters[name];
      if (value !== undefined) params.set(name, String(value));
    }
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return `${this.spec.path}${search ? `?${search}` : ''}#${this.spec.id}`;
  }

  /** The GET form: a labelled field per control, 查询, and 清除条件 when something is set. */
  form(query: TableQuery<C>): Html {
    const { id, noun, path } = this.spec;
    const fields = Object.entries(this.spec.controls).map(([name, control]) => {
      const fieldId = `${id}-${name}`;
      const value = (query.filters[name] as string | undefined) ?? '';
      if (control.kind === 'choice')
        return control.options.length
          ? html`<div class="field"><label for="${fieldId}">${control.label}</label><select id="${fieldId}" name="${name}"><option value="">全部</option>${control.options.map(
              ([v, label]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${label}</option>`,
            )}</select></div>`
          : '';
      if (control.kind === 'date')
        return html`<div class="field date"><label for="${fieldId}">${control.label}</label><input type="date" id="${fieldId}" name="${name}" value="${value}"></div>`;
      // The hint is part of the label, so every field is a label over its box and the boxes line up.
      return html`<div class="field search"><label for="${fieldId}">${control.label}${control.hint ? html`<span class="hint">（${control.hint}）</span>` : ''}</label><input type="search" id="${fieldId}" name="${name}" value="${value}" maxlength="${maxSearchLength}"></div>`;
    });
    return html`<form method="get" action="${path}#${id}" id="${id}" class="table-query" role="search" aria-label="${`筛选${noun}`}">${fields}<div class="actions"><button type="submit">查询</button>${
      this.filtered(query) ? html`<a href="${`${path}#${id}`}">清除条件</a>` : ''
    }</div></form>`;
  }

  /** The form, then the rows' markup (left out when the page has no rows: the pager says why), then the pager. */
  around(query: TableQuery<C>, window: PageWindow, rows: Html): Html {
    return html`${this.form(query)}${window.total ? rows : ''}${this.pager(query, window)}`;
  }

  /** 共 K 条 (第 N–M 条 first when there are pages), and 上一页, the pages around this one, 下一页 when there is more than one. */
  pager(query: TableQuery<C>, window: PageWindow): Html {
    const { page, pages, total, offset, limit } = window;
    const summary =
      total === 0
        ? html`<p class="pager-summary">${this.filtered(query) ? `没有符合条件的${this.spec.noun}。` : `没有${this.spec.noun}。`}</p>`
        : html`<p class="pager-summary">${pages > 1 ? `第 ${offset + 1}–${Math.min(offset + limit, total)} 条，` : ''}共 ${total} 条${this.filtered(query) ? '（已筛选）' : ''}</p>`;
    if (pages === 1) return summary;
    const link = (p: number, text: string, rel?: string) =>
      html`<a href="${this.href(query, p)}"${rel ? html` rel="${rel}"` : html` aria-label="${`第 ${p} 页`}"${p === page ? html` aria-current="page"` : ''}`}>${text}</a>`;
    const off = (text: string) => html`<span class="off" aria-disabled="true">${text}</span>`;
    const numbers = pageNumbers(page, pages).map((p) => (p === null ? html`<span class="gap" aria-hidden="true">…</span>` : link(p, String(p))));
    return html`${summary}<nav class="pager" aria-label="${`${this.spec.noun}分页`}">${page > 1 ? link(page - 1, '上一页', 'prev') : off('上一页')}${numbers}${
      page < pages ? link(page + 1, '下一页', 'next') : off('下一页')
    }</nav>`;
  }
}

/** The page numbers a pager shows: the first, the last and two either side of the current one; null marks a gap. */
export function pageNumbers(page: number, pages: number): Array<number | null> {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return shown.flatMap((p, i) => (i > 0 && p - shown[i - 1]! > 1 ? [null, p] : [p]));
}
