import { gradeTag } from '../../../../reports/grade-palette.js';
import { type Html, html } from '../../../../reports/html.js';
import { gradeWithOutcome } from '../../../../reports/html-parts.js';
import type { Store } from '../../../store/store.js';
import { storedRun } from '../../../use-cases/stored-run.js';
import { scroll } from '../layout.js';
import { choice, matches, search, Table } from '../table-query.js';

/** One row of a site's history: a finished run and how the site did in it. */
export interface HistoryRow {
  runId: string;
  runName: string;
  asOf: string;
  siteId: string;
  name: string;
  assessed: boolean;
  score: number | null;
  grade: string | null;
  rank: number | null;
  peers: number;
  passed: boolean;
  change: number | null;
  warnings: string[];
  vetoes: string[];
}

/** Every finished run's stored scores of the department's own sites, oldest first, each with its change from the site's previous score. */
export function history(store: Store, sites: string[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const previous = new Map<string, number>();
  for (const run of store.listCampaignRuns().filter((r) => r.finishedAt)) {
    const view = storedRun(store, run.id)!;
    for (const s of view.sites.filter((s) => sites.includes(s.id))) {
      const score = s.score?.score ?? null;
      const before = previous.get(s.id);
      if (score !== null) previous.set(s.id, score);
      rows.push({
        runId: run.id,
        runName: run.name,
        asOf: run.asOf,
        siteId: s.id,
        name: s.name,
        assessed: s.status === 'assessed',
        score,
        grade: s.score?.grade.name ?? null,
        rank: s.rank,
        // Peers are counted, never named: the rank's denominator.
        peers: view.sites.filter((p) => p.group === s.group && p.status === 'assessed').length,
        passed: s.score?.passed ?? false,
        change: score !== null && before !== undefined ? Math.round((score - before) * 100) / 100 : null,
        warnings: (s.score?.warnings ?? []).map((w) => `${w.indicator} ${w.reason}`),
        vetoes: (s.score?.vetoes ?? []).map((v) => `${v.indicator} ${v.reason}`),
      });
    }
  }
  return rows;
}

const change = (d: number | null) => (d === null ? '—' : d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '持平');

/** The history's search: a run's name, and one of the department's own sites when it has more than one (its only choices). */
const historyTable = (ownSites: Array<readonly [string, string]>) =>
  new Table({
    id: 'history',
    noun: '评估记录',
    path: '/department',
    controls: { q: search('评估名称'), site: choice('网站', ownSites.length > 1 ? ownSites : []) },
  });

/**
 * 我的网站: the latest warnings of every own site, then each site's history (newest first), searched and
 * paged. `rows` are the department's own already; the query only narrows them.
 */
export function mySitesBody(rows: HistoryRow[], raw: unknown): Html {
  if (!rows.length) return html`<h1>我的网站</h1><p>暂无已完成的评估结果。</p>`;
  const siteIds = [...new Set(rows.map((r) => r.siteId))];
  const latest = siteIds.map((id) => rows.filter((r) => r.siteId === id).at(-1)!);
  const alerts = latest.filter((r) => r.vetoes.length || r.warnings.length);
  const table = historyTable(latest.map((r) => [r.siteId, r.name] as const));
  const query = table.parse(raw);
  const { q, site } = query.filters;
  const newestFirst = siteIds.flatMap((id) => rows.filter((r) => r.siteId === id).reverse());
  const listed = table.page(
    newestFirst.filter((r) => (!site || r.siteId === site) && matches(q, r.runName)),
    query,
  );
  return html`<h1>我的网站</h1><p class="meta">本单位网站在每次已完成评估中的得分、等级和组内名次。名次只与同组网站比较，其他网站的名称和得分不在此显示。</p>
<section aria-labelledby="alerts"><h2 id="alerts">最新评估的预警</h2>${
    alerts.length
      ? html`<ul>${alerts.map((r) => html`<li><a href="/department/runs/${r.runId}/sites/${r.siteId}">${r.name}</a>（${r.runName}）：${r.vetoes.map((v) => html`<span class="alarm">单项否决：${v}</span> `)}${r.warnings.map((w) => html`<span class="warn">预警：${w}</span> `)}</li>`)}</ul><p class="note">预警指标尚未否决，请尽快整改。</p>`
      : html`<p class="ok">最新一次评估没有预警或单项否决。</p>`
  }</section>
${table.form(query)}
${latest.map((last, i) => {
  const own = listed.rows.filter((r) => r.siteId === last.siteId);
  if (!own.length) return '';
  return html`<section aria-labelledby="site-${i}"><h2 id="site-${i}">${last.name}</h2>
${scroll(
  html`<table><caption class="note">${last.name}：历次评估（最新在前，点评估名称看得分明细）</caption><thead><tr><th scope="col">评估</th><th scope="col">评估日期</th><th scope="col">得分</th><th scope="col">等级</th><th scope="col">组内名次</th><th scope="col">较上次</th></tr></thead><tbody>${own.map(
    (r) =>
      html`<tr><td><a href="/department/runs/${r.runId}/sites/${r.siteId}">${r.runName}</a></td><td>${r.asOf}</td><td>${r.assessed ? (r.score ?? '—') : '—'}</td><td>${r.grade || !r.assessed ? gradeTag(r, gradeWithOutcome(r.grade, r)) : '—'}</td><td>${r.rank === null ? '—' : `${r.rank} / ${r.peers}`}</td><td>${change(r.change)}</td></tr>`,
  )}</tbody></table>`,
  `${last.name} 历次评估`,
)}</section>`;
})}
${table.pager(query, listed.window)}`;
}
