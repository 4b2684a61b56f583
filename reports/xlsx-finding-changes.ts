/**
 * The 问题变化 sheet of the XLSX export, when a run is compared with an earlier one: one row per finding of
 * either run, with what became of it (新发现/已整改/仍存在/本次未能测量) and its key. Cells are written by
 * xlsx-table.ts, which keeps crawled text inert (a finding quoting =HYPERLINK(…) stays text).
 */
import { type ChangedFinding, findingChangeNames, type FindingComparison, type SiteFindingChanges, unmeasuredReasonNames } from './finding-changes.js';
import type { Results } from './results.js';
import type { Table } from './xlsx-table.js';

type Site = Results['sites'][number];
interface ChangeRow {
  group: string;
  site: SiteFindingChanges;
  finding: ChangedFinding;
}

/** Sites in the ranking's order, then those only the earlier run had. */
export function findingChangesTable(results: Results, comparison: FindingComparison, sites: Site[]): Table<ChangeRow> {
  const bySite = new Map(comparison.sites.map((s) => [s.siteId, s]));
  const ordered = [...sites.map((s) => s.id), ...comparison.sites.map((s) => s.siteId).filter((id) => !sites.some((s) => s.id === id))];
  const group = new Map(sites.map((s) => [s.id, s.group]));
  const rows = ordered.flatMap((id) => (bySite.get(id)?.findings ?? []).map((finding) => ({ group: group.get(id) ?? '', site: bySite.get(id)!, finding })));
  const e = comparison.earlier;
  return {
    title: `${results.assessment.name}　问题变化：与 ${e.name}（评估日期 ${e.asOf}，运行编号 ${e.runId}）逐条比对${comparison.sameSet ? '' : '（两次指标体系版本不同）'}`,
    rows,
    frozenColumns: 2,
    columns: [
      { header: '组别', value: (r) => r.group },
      { header: '网站', value: (r) => r.site.name },
      { header: '变化', value: (r) => findingChangeNames[r.finding.change] },
      { header: '指标', value: (r) => `${r.finding.indicator} ${r.finding.indicatorName}` },
      { header: '问题描述', value: (r) => r.finding.message, wrap: true },
      { header: '网址', value: (r) => (r.finding.url ? { link: r.finding.url } : null) },
      {
        header: '说明',
        value: (r) => (r.finding.reason ? unmeasuredReasonNames[r.finding.reason] : r.finding.notMeasuredBefore ? '上次未能测量该指标' : null),
        wrap: true,
      },
      { header: '问题标识', value: (r) => r.finding.key },
    ],
  };
}
