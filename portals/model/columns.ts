import { type DateFormat, daysBefore, formatDate, type IsoDate, isYearless, yearOf } from './dates.js';
import type { Random } from './random.js';
import type { Column, ColumnKind, DateShown, Item, ListStyle } from './types.js';
import { paragraphs, titleFor } from './vocabulary.js';
import { typicalGapDays, updateRule } from './windows.js';

/** What a column should look like on the evaluation date. */
export type Freshness = 'fresh' | 'stale' | 'blank' | 'undated';

export interface ColumnPlan {
  id: string;
  name: string;
  kind: ColumnKind;
  firstLevel?: boolean;
  group: string;
  state: Freshness;
  count: number;
  /** How dates are shown; a list of formats alternates per page-row to mimic mixed templates. */
  shown: DateShown;
  pageSize?: number;
  columnNameMeta?: boolean;
  /** Share of items that carry a decoy date in the title. */
  decoyShare?: number;
  /** Share of items with no date anywhere (counted as not updated). */
  undatedShare?: number;
  /** Pins the newest item's age, e.g. to put a 成文日期 decoy on the far side of a window edge. */
  latestAgeDays?: number;
  /** Blank columns: "暂无信息" placeholder (default) or simply no list. */
  placeholder?: string | null;
}

export interface ColumnContext {
  r: Random;
  asOf: IsoDate;
  city: string;
  style: ListStyle;
  numericId: number;
  nextItemId: () => number;
}

/** Newest item's age in days: well inside the window when fresh, well past it when stale. */
function latestAge(kind: ColumnKind, firstLevel: boolean, state: Freshness, r: Random): number {
  const window = updateRule(kind, firstLevel).windowDays;
  if (state === 'fresh') return r.int(0, Math.max(2, Math.floor(window / 2) - 3));
  return window + r.int(12, 90);
}

export function buildColumn(plan: ColumnPlan, ctx: ColumnContext): Column {
  const { r, asOf } = ctx;
  const column: Column = {
    id: plan.id,
    name: plan.name,
    kind: plan.kind,
    firstLevel: plan.firstLevel ?? true,
    style: ctx.style,
    path: columnPath(ctx.style, plan.id, ctx.numericId),
    pageSize: plan.pageSize ?? 15,
    columnNameMeta: plan.columnNameMeta ?? true,
    items: [],
    group: plan.group,
    numericId: ctx.numericId,
  };
  if (plan.state === 'blank') {
    if (plan.placeholder !== null) column.placeholder = plan.placeholder ?? '暂无信息';
    return column;
  }
  const [gapMin, gapMax] = typicalGapDays(plan.kind);
  let age = plan.latestAgeDays ?? latestAge(plan.kind, plan.firstLevel ?? true, plan.state, r);
  for (let i = 0; i < plan.count; i++) {
    if (i > 0) age += r.int(gapMin, gapMax);
    const date = daysBefore(asOf, age);
    let shown = plan.shown;
    // Year-less formats are written only for dates inside the last 300 days; older rows show the year.
    if (shown.on === 'list' && isYearless(shown.format) && age > 300) shown = { on: 'list', format: 'iso' };
    const undated = plan.state === 'undated' || r.chance(plan.undatedShare ?? 0);
    column.items.push(buildItem(plan, ctx, undated ? null : date, undated ? { on: 'none' } : shown));
  }
  return column;
}

function buildItem(plan: ColumnPlan, ctx: ColumnContext, date: IsoDate | null, shown: DateShown): Item {
  const { r } = ctx;
  const id = ctx.nextItemId();
  const year = yearOf(ctx.asOf);
  let title = titleFor(plan.kind, r, ctx.city, year);
  let decoy: Item['decoy'];
  if (r.chance(plan.decoyShare ?? 0)) {
    if (r.chance(0.5)) {
      decoy = { kind: 'title-year', text: `${year - 1}年` };
      title = `${ctx.city}${year - 1}年${r.pick(['工作总结', '法治政府建设年度报告', '政府信息公开工作年度报告'])}`;
    } else {
      // A date inside the title that is months away from the publication date.
      const inTitle = daysBefore(ctx.asOf, -r.int(20, 60));
      decoy = { kind: 'title-date', text: formatDate(inTitle, 'cn') };
      title = `关于${decoy.text}起施行${title.replace(/^关于/, '')}`;
    }
  }
  return {
    id,
    title,
    date,
    shown,
    path: articlePath(ctx.style, plan.id, ctx.numericId, id, shown.on === 'none' ? null : date),
    ...(decoy ? { decoy } : {}),
    source: r.pick(['本站', '办公室', '综合科', '新华社', `${ctx.city}日报`]),
    paragraphs: paragraphs(r, title, r.int(3, 6)),
  };
}

export function columnPath(style: ListStyle, id: string, numericId: number): string {
  switch (style) {
    case 'trs':
      return `/${id}/index.html`;
    case 'hanweb':
      return `/col/col${numericId}/index.html`;
    case 'query':
      return `/${id}/list.html`;
    case 'legacy':
      return `/news/list.asp?classid=${numericId}`;
    case 'catalogue':
      return `/xxgk/${id}/index.html`;
  }
}

/** Article URLs follow each CMS's habits; TRS and Hanweb put the date in the URL when there is one. */
function articlePath(style: ListStyle, columnId: string, numericId: number, id: number, date: IsoDate | null): string {
  const compact = date?.replaceAll('-', '');
  switch (style) {
    case 'trs':
      return compact ? `/${columnId}/${compact.slice(0, 6)}/t${compact}_${id}.html` : `/${columnId}/art_${id}.html`;
    case 'hanweb': {
      if (!date) return `/art/art_${numericId}_${id}.html`;
      const [y, m, d] = date.split('-').map(Number);
      return `/art/${y}/${m}/${d}/art_${numericId}_${id}.html`;
    }
    case 'query':
      return `/${columnId}/content_${id}.html`;
    case 'legacy':
      return `/news/show.asp?id=${id}`;
    case 'catalogue':
      return `/xxgk/doc/${id}.html`;
  }
}

export type { DateFormat };
