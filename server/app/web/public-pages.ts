import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TopLevelSpec } from 'vega-lite';

import { bandsFromSites, type ChartResults, rankingChart } from '../../../reports/charts/specs.js';
import { toCsv } from '../../../reports/csv.js';
import { gradeTag } from '../../../reports/grade-palette.js';
import { type Html, html, raw } from '../../../reports/html.js';
import { gradeWithOutcome } from '../../../reports/html-parts.js';
import { publishedVersion, typed } from '../../use-cases/published-version.js';
import type { SiteView } from '../../use-cases/stored-run.js';
import type { RouteContext } from '../route-context.js';
import { publicRanking } from '../run-view.js';
import { RunParams, VersionQuery } from '../schemas.js';
import { shortTime } from './appeal-status.js';
import { chartScripts } from './assets.js';
import { notice, render } from './layout.js';
import { versionsTable } from './version-changes.js';

/** What the public sees of a site on a chart: its name, group, score, grade, rank and whether it was vetoed. */
function chartResults(sites: SiteView[]): ChartResults {
  return {
    sites: sites.map((s) => ({
      id: s.id,
      name: s.name,
      group: s.group,
      status: s.status,
      score: s.score?.score ?? null,
      grade: s.score?.grade.name ?? null,
      rank: s.rank,
      passed: s.score?.passed ?? false,
      vetoes: (s.score?.vetoes ?? []).map((v) => ({ indicator: v.indicator, reason: '' })),
      categories: [],
    })) as ChartResults['sites'],
  };
}

/** Whether a ranked site was assessed and passed: what its grade's tag and its outcome after the grade go by. */
const outcome = (s: { status: string; passed: boolean }) => ({ assessed: s.status === 'assessed', passed: s.passed });

/**
 * An interactive chart: the Vega-Lite spec as a JSON data block (never executed; `<` escaped so no text in
 * it can close the block), drawn by /assets/charts.js with vega-embed, whose menu saves it as PNG or SVG.
 * The table next to it carries the same figures for screen readers and for phones.
 */
export function chartBlock(id: string, title: string, spec: TopLevelSpec): Html {
  const json = JSON.stringify(spec).replace(/</g, '\\u003c');
  return html`<figure class="chart-figure"><div class="chart" id="${id}" data-spec="${`${id}-spec`}" data-file="${title}"></div><script type="application/json" id="${`${id}-spec`}">${raw(json)}</script><figcaption class="note">${title}：可用图表右上角菜单（…）下载 PNG 或 SVG。</figcaption></figure>`;
}

/**
 * The public pages: the list of published assessments and each one's ranking with its charts, as published —
 * a frozen version (the latest, or one asked for with ?version=N), with every version listed. Nothing unpublished.
 */
export function publicPages({ store }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const runs = store.publications.publishedRuns().map((id) => ({ ...store.getRun(id)!, versions: store.publications.versions(id).length }));
      return render(
        request,
        reply,
        '评估结果公开',
        () => html`<h1>政府网站绩效评估结果</h1>
${runs.length ? html`<ul>${runs.map((r) => html`<li><a href="/runs/${r.id}">${r.name}</a>（评估日期 ${r.asOf}${r.versions > 1 ? `，已更正 ${r.versions - 1} 次` : ''}）</li>`)}</ul>` : html`<p>暂无已发布的评估结果。</p>`}
${request.user ? '' : html`<p><a href="/login">评估工作人员和各部门登录</a></p>`}`,
      );
    });

    app.get('/runs/:runId', { schema: { hide: true, params: RunParams, querystring: VersionQuery } }, async (request, reply) => {
      const { runId } = request.params;
      const run = store.getRun(runId);
      const version = run ? publishedVersion(store, runId, request.query.version) : null;
      if (!run || !version) return notice(request, reply, 404, '未找到', '未找到已发布的评估结果。');
      const versions = store.publications.versions(runId).map(typed);
      const latest = versions.at(-1)!;
      const ranking = publicRanking(version.sites);
      const charts = chartResults(version.sites);
      const bands = bandsFromSites(charts);
      const groups = [...new Set(ranking.map((s) => s.group))];
      const csv = `/runs/${runId}/ranking.csv?version=${version.version}`;
      return render(
        request,
        reply,
        run.name,
        () => html`<h1>${run.name}</h1><p class="meta">评估日期：${run.asOf}　第 ${version.version} 版，发布于 ${shortTime(version.publishedAt)}${versions.length > 1 ? html`　<a href="#versions">共 ${versions.length} 个版本</a>` : ''}　<a href="${csv}" download>下载排名（CSV）</a></p>
${version.version !== latest.version ? html`<p class="error" role="alert">这是已被更正的第 ${version.version} 版。<a href="/runs/${runId}">查看最新的第 ${latest.version} 版</a>。</p>` : version.note ? html`<p class="success">本版为更正版：${version.note}</p>` : ''}
${groups.map((g, i) => {
  const rows = ranking.filter((s) => s.group === g).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const scored = rows.some((s) => s.score !== null);
  return html`<section><h2>${g}</h2>${scored ? chartBlock(`ranking-${i}`, `${run.name} ${g} 得分排名`, rankingChart(charts, g, bands)) : ''}
<div class="scroll" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table><caption class="note">${g}：名次、得分与等级</caption><thead><tr><th scope="col">名次</th><th scope="col">网站</th><th scope="col">得分</th><th scope="col">等级</th></tr></thead><tbody>${rows.map(
    (s) =>
      html`<tr><td>${s.rank ?? '—'}</td><td>${s.name}</td><td>${s.score ?? '—'}</td><td>${gradeTag({ ...outcome(s), grade: s.grade }, gradeWithOutcome(s.grade, outcome(s)))}</td></tr>`,
  )}</tbody></table></div></section>`;
})}
${versionsTable(runId, versions, version.version)}`,
        { scripts: chartScripts },
      );
    });

    // The published ranking as a spreadsheet: the version asked for (the latest by default), cells made inert.
    app.get('/runs/:runId/ranking.csv', { schema: { hide: true, params: RunParams, querystring: VersionQuery } }, async (request, reply) => {
      const { runId } = request.params;
      const run = store.getRun(runId);
      const version = run ? publishedVersion(store, runId, request.query.version) : null;
      if (!run || !version) return notice(request, reply, 404, '未找到', '未找到已发布的评估结果。');
      const rows = publicRanking(version.sites).map((s) => [
        s.group,
        s.rank,
        s.name,
        s.status === 'assessed' ? s.score : null,
        s.status === 'assessed' ? (gradeWithOutcome(s.grade, { assessed: true, passed: s.passed }) ?? '') : '未评估',
      ]);
      const file = `${run.name}-第${version.version}版-排名.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ranking-v${version.version}.csv"; filename*=UTF-8''${encodeURIComponent(file)}`)
        .send(toCsv(['组别', '名次', '网站', '得分', '等级'], rows));
    });
  };
}
