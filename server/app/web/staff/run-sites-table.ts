import type { Html } from '../../../../reports/html.js';
import type { SiteView } from '../../../use-cases/stored-run.js';
import { choice, matches, search, Table } from '../table-query.js';

/** Where a site stands on the review page, as the state filter names it. */
export type SiteOutcome = 'passed' | 'failed' | 'veto' | 'suspected' | 'unassessed';

const outcomes = [
  ['passed', '已评估'],
  ['failed', '不合格'],
  ['veto', '否决'],
  ['suspected', '疑似否决'],
  ['unassessed', '未评估'],
] as const;

/** A confirmed veto first (it decides whatever is suspected beside it), then a suspicion, then the score's verdict. */
export function siteOutcome(s: SiteView): SiteOutcome {
  if (s.status !== 'assessed' || !s.score) return 'unassessed';
  if (s.score.vetoes.length) return 'veto';
  if (s.score.suspectedVetoes?.length) return 'suspected'; // absent in scores stored before they existed
  return s.score.passed ? 'passed' : 'failed';
}

const sitesTable = (runId: string, groups: string[]) =>
  new Table({
    id: 'sites',
    noun: '网站',
    path: `/staff/runs/${runId}`,
    pageSize: 50,
    controls: {
      q: search('搜索网站', '名称、标识或网址'),
      group: choice(
        '分组',
        groups.map((g) => [g, g] as const),
      ),
      state: choice('状态', outcomes),
    },
  });

/**
 * The sites of a run's review page as the query asks: searched, filtered by group and state, in ranking
 * order (groups as the sites file has them, then rank, the unranked after in the file's order) and paged.
 * The caller renders the page's rows between the form and the pager.
 */
export function listRunSites(raw: unknown, runId: string, sites: SiteView[]): { rows: SiteView[]; form: Html; pager: Html } {
  const groups = [...new Set(sites.map((s) => s.group))];
  const table = sitesTable(runId, groups);
  const query = table.parse(raw);
  const { q, group, state } = query.filters;
  const order = new Map(sites.map((s, i) => [s.id, i]));
  const rows = sites
    .filter((s) => matches(q, s.name, s.id, s.url) && (!group || s.group === group) && (!state || siteOutcome(s) === state))
    .sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || order.get(a.id)! - order.get(b.id)!);
  const page = table.page(rows, query);
  return { rows: page.rows, form: table.form(query), pager: table.pager(query, page.window) };
}
