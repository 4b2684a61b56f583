import type { ColumnObservation, HomepageObservation, UnreadPage } from './collect/observations.js';
import { type ColumnKind, columnKind, notUpdateColumns } from './lib/column-kind.js';
import { daysBetween } from './lib/dates.js';

/** Update windows (docs/indicators.md, 首页及栏目更新): 2 weeks for news and the homepage, 6 months for 通知公告/政策文件, 12 months otherwise. */
export interface UpdateFrequencyOptions {
  homepageDays: number;
  windows: Record<ColumnKind, number>;
  /** Days counted for the 栏目更新量 (D8): dated 要闻/动态 items within this many days. */
  newsVolumeDays: number;
}

export const defaultUpdateOptions: UpdateFrequencyOptions = {
  homepageDays: 14,
  windows: { news: 14, notice: 183, policy: 183, personnel: 365, planning: 365, other: 365 },
  newsVolumeDays: 14,
};

export interface ColumnMeasurement {
  name: string;
  url: string;
  kind: ColumnKind;
  /** 动态要闻、通知公告、政策文件: columns whose window the rules state (2 weeks, 6 months); the rest are held to a year. */
  keyColumn: boolean;
  itemCount: number;
  datedItems: number;
  latest: string | null;
  windowDays: number;
  /** null: it looks stale, but some of its pages could not be read (`unread`): not measured. */
  stale: boolean | null;
  blank: boolean;
  placeholder: string | null;
  /** Its further list pages and the articles of undated items that could not be read, even on a second try. */
  unread: UnreadPage[];
}

/**
 * The homepage's freshness (V2). `source` says what the date rests on: the homepage's own dated items, the
 * columns reached from it when the homepage carries none (a navigation-only homepage), or nothing at all —
 * an absence, which the scoring treats as a suspected veto rather than a measured one.
 */
export interface HomepageMeasurement {
  latest: string | null;
  /** null: a navigation homepage whose columns could not all be read (not measured). */
  stale: boolean | null;
  isNavigation: boolean;
  ageDays: number | null;
  source: 'homepage' | 'columns' | null;
  /** The column holding the newest item when `source` is columns. */
  sourceUrl: string | null;
  /** What was looked at: dated homepage items, columns read and their items (the evidence of an absence). */
  searched: { homepageItems: number; columns: number; columnItems: number };
}

export interface UpdateFrequencyMeasurement {
  columns: ColumnMeasurement[];
  excludedColumns: Array<{ name: string; url: string }>;
  /** Stale key columns (动态要闻、通知公告、政策文件) and stale other columns. */
  staleKeyColumns: number;
  staleOtherColumns: number;
  blank: number;
  homepage: HomepageMeasurement;
  /** null when a page that is or may lead to a news column could not be read (not measured). */
  newsItemsInWindow: number | null;
  /**
   * The news items of the window on the pages that were read: the count itself when nothing is unread, and a
   * lower bound otherwise (an unread page can only add items), which settles a minimum it already reaches.
   */
  newsItemsAtLeast: number;
  /** The items that count: each news column's dated items of the window, newest first, with their column. */
  newsItemsCounted: Array<{ title: string; date: string; url: string; column: string }>;
  /**
   * Pages that could not be read, even on a second try, that may hold what these numbers count: pages of
   * the crawl (a column, or a hub of columns, for all anyone can tell) and pages of the columns measured.
   */
  unread: UnreadPage[];
}

/**
 * Pages the crawl may list that other evaluators measure: the 政府信息公开 entry page and the pages under
 * its 法定主动公开内容 part (one per Art. 20 item, scored by D5), named by where the section finder found them.
 */
export interface MeasuredElsewhere {
  pages: string[];
  folders: string[];
}

const withoutFragment = (u: string) => u.split('#')[0]!.replace(/\/(index|default)\.[a-z]+$/i, '/');

function isMeasuredElsewhere(url: string, elsewhere: MeasuredElsewhere | undefined): boolean {
  if (!elsewhere) return false;
  const page = withoutFragment(url);
  return elsewhere.pages.some((p) => withoutFragment(p) === page) || elsewhere.folders.some((f) => page.startsWith(f));
}

/**
 * Per column: items, dated items, newest date, stale by its kind's window, blank. An item without a
 * date counts as not updated (国办发〔2015〕15号: 未注明信息发布时间的视为不更新), so a column of undated items
 * is stale. Blank columns count as blank only, not also as stale.
 */
export function evaluateUpdateFrequency(
  observed: { homepage: HomepageObservation | null; columns: ColumnObservation[]; unreadPages?: UnreadPage[]; measuredElsewhere?: MeasuredElsewhere },
  asOf: string,
  options: UpdateFrequencyOptions = defaultUpdateOptions,
): UpdateFrequencyMeasurement {
  const columns: ColumnMeasurement[] = [];
  const excludedColumns: Array<{ name: string; url: string }> = [];
  for (const c of observed.columns) {
    const name = c.columnNameMeta?.trim() || c.name;
    if (notUpdateColumns.test(name) || isMeasuredElsewhere(c.url, observed.measuredElsewhere)) {
      excludedColumns.push({ name, url: c.url });
      continue;
    }
    const kind = columnKind(name);
    const dated = c.items.filter((i) => i.date && i.date <= asOf);
    const latest = dated.reduce<string | null>((max, i) => (!max || i.date! > max ? i.date : max), null);
    const windowDays = options.windows[kind];
    const blank = c.blank || c.items.length === 0;
    const unread = c.unread ?? [];
    // A column looks stale on the pages read; a page it has that could not be read may hold the newer date.
    const looksStale = !blank && (latest === null || daysBetween(latest, asOf) > windowDays);
    columns.push({
      name,
      url: c.url,
      kind,
      keyColumn: kind === 'news' || kind === 'notice' || kind === 'policy',
      itemCount: c.items.length,
      datedItems: dated.length,
      latest,
      windowDays,
      stale: looksStale && unread.length ? null : looksStale,
      blank,
      placeholder: c.placeholder,
      unread,
    });
  }
  // Pages of the crawl that could not be read: any of them may be a column, or lead to columns. Those named
  // like pages other evaluators measure (信箱, 办事 …) or measured elsewhere are none of this evaluator's.
  const unreadPages = (observed.unreadPages ?? []).filter(
    (p) => !notUpdateColumns.test(p.name ?? '') && !isMeasuredElsewhere(p.url, observed.measuredElsewhere),
  );
  const unread = [...unreadPages, ...columns.flatMap((c) => c.unread)];
  // News volume: a news column, or a page whose name does not rule out one (another kind's name: 通知公告, 人事 …).
  const newsUnread =
    unreadPages.some((p) => ['news', 'other'].includes(columnKind(p.name ?? ''))) || columns.some((c) => c.kind === 'news' && c.unread.length > 0);
  const newsItemsCounted = columns
    .filter((c) => c.kind === 'news')
    .flatMap((c) => observed.columns.find((o) => o.url === c.url)!.items.map((i) => ({ ...i, column: c.name })))
    .filter((i) => i.date && i.date <= asOf && daysBetween(i.date, asOf) <= options.newsVolumeDays)
    .map((i) => ({ title: i.title, date: i.date!, url: i.url, column: i.column }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const newsItemsRead = newsItemsCounted.length;
  const homepageDates = (observed.homepage?.datedItems ?? []).map((i) => i.date!).filter((d) => d <= asOf);
  const isNavigation = homepageDates.length === 0;
  // A homepage without dated items is read as inspectors read it: through the columns it leads to (国办秘函〔2019〕19号:
  // 首页仅为导航入口的，看二级页面). The newest item of every column counts, not only of those linked from the homepage:
  // a first-level 新闻中心 hub is no column here, but it shows its sub-columns' items.
  const newest = isNavigation ? columns.reduce<ColumnMeasurement | null>((best, c) => (c.latest && (!best || c.latest > best.latest!) ? c : best), null) : null;
  const found = isNavigation ? (newest?.latest ?? null) : homepageDates.reduce((max, d) => (d > max ? d : max));
  // Read through columns, the newest date is only as good as the columns read: one that could not be read may
  // hold a newer one (nothing is newer than the evaluation date itself).
  const unmeasured = isNavigation && unread.length > 0 && (found === null || daysBetween(found, asOf) > 0);
  const latest = unmeasured ? null : found;
  const ageDays = latest ? daysBetween(latest, asOf) : null;
  const homepage: HomepageMeasurement = {
    latest,
    stale: unmeasured ? null : ageDays === null || ageDays > options.homepageDays,
    isNavigation,
    ageDays,
    source: !isNavigation ? 'homepage' : newest && !unmeasured ? 'columns' : null,
    sourceUrl: unmeasured ? null : (newest?.url ?? null),
    searched: { homepageItems: observed.homepage?.datedItems.length ?? 0, columns: columns.length, columnItems: columns.reduce((n, c) => n + c.itemCount, 0) },
  };
  return {
    columns,
    excludedColumns,
    staleKeyColumns: columns.filter((c) => c.keyColumn && c.stale).length,
    staleOtherColumns: columns.filter((c) => !c.keyColumn && c.stale).length,
    blank: columns.filter((c) => c.blank).length,
    homepage,
    newsItemsInWindow: newsUnread ? null : newsItemsRead,
    newsItemsAtLeast: newsItemsRead,
    newsItemsCounted,
    unread,
  };
}
