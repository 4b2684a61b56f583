import { columnKind, notUpdateColumns, type ColumnKind } from './lib/column-kind.js';
import { daysBetween } from './lib/dates.js';
import type { ColumnObservation, HomepageObservation } from './collect/observations.js';

/** Update windows (INDICATORS.md V2–V4): 2 weeks for news and the homepage, 6 months for 通知公告/政策文件, 12 months otherwise. */
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
  rule: 'V3' | 'V4';
  itemCount: number;
  datedItems: number;
  latest: string | null;
  windowDays: number;
  stale: boolean;
  blank: boolean;
  placeholder: string | null;
}

export interface UpdateFrequencyMeasurement {
  columns: ColumnMeasurement[];
  excludedColumns: Array<{ name: string; url: string }>;
  staleV3: number;
  staleV4: number;
  blank: number;
  homepage: { latest: string | null; stale: boolean; isNavigation: boolean; ageDays: number | null };
  newsItemsInWindow: number;
}

/**
 * Per column: items, dated items, newest date, stale by its kind's window, blank. An item without a
 * date counts as not updated (国办发〔2015〕15号: 未注明信息发布时间的视为不更新), so a column of undated items
 * is stale. Blank columns count as blank only, not also as stale.
 */
export function evaluateUpdateFrequency(
  observed: { homepage: HomepageObservation | null; columns: ColumnObservation[] },
  asOf: string,
  options: UpdateFrequencyOptions = defaultUpdateOptions,
): UpdateFrequencyMeasurement {
  const columns: ColumnMeasurement[] = [];
  const excludedColumns: Array<{ name: string; url: string }> = [];
  for (const c of observed.columns) {
    const name = c.columnNameMeta?.trim() || c.name;
    if (notUpdateColumns.test(name)) {
      excludedColumns.push({ name, url: c.url });
      continue;
    }
    const kind = columnKind(name);
    const dated = c.items.filter((i) => i.date && i.date <= asOf);
    const latest = dated.reduce<string | null>((max, i) => (!max || i.date! > max ? i.date : max), null);
    const windowDays = options.windows[kind];
    const blank = c.blank || c.items.length === 0;
    columns.push({
      name,
      url: c.url,
      kind,
      rule: kind === 'news' || kind === 'notice' || kind === 'policy' ? 'V3' : 'V4',
      itemCount: c.items.length,
      datedItems: dated.length,
      latest,
      windowDays,
      stale: !blank && (latest === null || daysBetween(latest, asOf) > windowDays),
      blank,
      placeholder: c.placeholder,
    });
  }
  const homepageDates = (observed.homepage?.datedItems ?? []).map((i) => i.date!).filter((d) => d <= asOf);
  const isNavigation = homepageDates.length === 0;
  // A navigation-only homepage is judged by its second-level pages (国办秘函〔2019〕19号, 首页不更新).
  const sources = isNavigation ? columns.map((c) => c.latest).filter((d): d is string => !!d) : homepageDates;
  const latest = sources.reduce<string | null>((max, d) => (!max || d > max ? d : max), null);
  const ageDays = latest ? daysBetween(latest, asOf) : null;
  return {
    columns,
    excludedColumns,
    staleV3: columns.filter((c) => c.rule === 'V3' && c.stale).length,
    staleV4: columns.filter((c) => c.rule === 'V4' && c.stale).length,
    blank: columns.filter((c) => c.blank).length,
    homepage: { latest, stale: ageDays === null || ageDays > options.homepageDays, isNavigation, ageDays },
    newsItemsInWindow: columns
      .filter((c) => c.kind === 'news')
      .flatMap((c) => observed.columns.find((o) => o.url === c.url)!.items)
      .filter((i) => i.date && i.date <= asOf && daysBetween(i.date, asOf) <= options.newsVolumeDays).length,
  };
}
