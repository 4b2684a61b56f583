import { ruleMax } from '../../../indicators/rules.js';
import type { Appeal } from '../../store/reviews.js';
import type { Store } from '../../store/store.js';
import { lastUsedSet } from '../../use-cases/run-set.js';
import { choice, matches, type PageWindow, search, Table, type TableQuery } from './table-query.js';

/** What the list shows of each appeal beside the appeal itself: names rather than ids. */
export interface AppealRow {
  appeal: Appeal;
  runName: string;
  siteName: string;
  indicatorName: string;
  /** The indicator's full marks (the default when accepting), null for a veto or an open-ended rule. */
  max: number | null;
  veto: boolean;
  by: string;
  decidedBy: string;
}

const states = [
  ['open', '待处理'],
  ['accepted', '已采纳'],
  ['rejected', '已驳回'],
] as const;

const appealsTable = (runs: Array<readonly [string, string]>) =>
  new Table({
    id: 'appeals',
    noun: '申诉',
    path: '/staff/appeals',
    controls: { q: search('搜索申诉', '申诉理由、网站名称或标识、指标编号'), state: choice('状态', states), run: choice('评估', runs) },
  });
type AppealsTable = ReturnType<typeof appealsTable>;

export interface AppealList {
  table: AppealsTable;
  query: TableQuery<AppealsTable['spec']['controls']>;
  window: PageWindow;
  /** The page's appeals: open ones first (oldest first), then decided ones (last decided first). */
  rows: AppealRow[];
  /** How many of each kind match, and the first page holding a decided one (open ones start on page 1). */
  open: number;
  decided: number;
  firstDecidedPage: number;
}

/** The appeals the staff list's query asks for, one page of them with the names to show. */
export function listAppeals(store: Store, raw: unknown): AppealList {
  const runs = store.listRuns().reverse();
  const found = runs.flatMap((run) => {
    const appeals = store.reviews.appeals(run.id);
    if (!appeals.length) return [];
    const sites = new Map(store.runSites(run.id).map((s) => [s.siteId, s.name]));
    return appeals.map((appeal) => ({ run, appeal, siteName: sites.get(appeal.siteId) ?? appeal.siteId }));
  });
  const table = appealsTable([...new Map(found.map((f) => [f.run.id, f.run.name])).entries()]);
  const query = table.parse(raw);
  const { q, state, run } = query.filters;
  const matching = found.filter(
    (f) => (!state || f.appeal.status === state) && (!run || f.run.id === run) && matches(q, f.appeal.text, f.siteName, f.appeal.siteId, f.appeal.indicator),
  );
  const open = matching.filter((f) => f.appeal.status === 'open').sort((a, b) => a.appeal.id - b.appeal.id);
  const decided = matching
    .filter((f) => f.appeal.status !== 'open')
    .sort((a, b) => (b.appeal.decidedAt ?? '').localeCompare(a.appeal.decidedAt ?? '') || b.appeal.id - a.appeal.id);
  const page = table.page([...open, ...decided], query);
  return {
    table,
    query,
    window: page.window,
    rows: withNames(store, page.rows),
    open: open.length,
    decided: decided.length,
    firstDecidedPage: Math.floor(open.length / table.pageSize) + 1,
  };
}

/** The names of the people and indicators, read for one page only (an indicator set is parsed once per run). */
function withNames(store: Store, found: Array<{ run: { id: string; name: string; indicators: string }; appeal: Appeal; siteName: string }>): AppealRow[] {
  const userName = (id: number | null) => (id === null ? '' : (store.accounts.byId(id)?.name ?? `#${id}`));
  const sets = new Map<string, ReturnType<typeof lastUsedSet>>();
  return found.map(({ run, appeal, siteName }) => {
    if (!sets.has(run.id)) sets.set(run.id, lastUsedSet(store, run.id, run.indicators));
    const indicator = sets.get(run.id)!.indicators.find((i) => i.id === appeal.indicator);
    return {
      appeal,
      runName: run.name,
      siteName,
      indicatorName: indicator?.name.zh ?? '',
      max: indicator ? ruleMax(indicator.rule) : null,
      veto: indicator?.rule.type === 'veto',
      by: userName(appeal.createdBy),
      decidedBy: userName(appeal.decidedBy),
    };
  });
}
