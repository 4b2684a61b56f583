import { findingChangesSection, siteComparison } from '../../../../reports/finding-changes-section.js';
import { type Html, html } from '../../../../reports/html.js';
import type { Results } from '../../../../reports/results.js';
import type { Store } from '../../../store/store.js';
import { previousRun } from '../../../use-cases/previous-run.js';
import { lastUsedSet } from '../../../use-cases/run-set.js';
import { compareRuns } from '../../../use-cases/score-run.js';

interface RunChoice {
  id: string;
  name: string;
  asOf: string;
  /** Started before the run shown. */
  before: boolean;
}

/** The other finished runs that assessed this site, newest first: what its findings can be compared with. */
function comparableRuns(store: Store, runId: string, siteId: string): RunChoice[] {
  const runs = store.listCampaignRuns();
  const index = runs.findIndex((r) => r.id === runId);
  return runs
    .map((r, i) => ({ r, before: i < index }))
    .filter(({ r }) => r.id !== runId && r.finishedAt && store.runSites(r.id).some((s) => s.siteId === siteId && s.status === 'assessed'))
    .reverse()
    .map(({ r, before }) => ({ id: r.id, name: r.name, asOf: r.asOf, before }));
}

/**
 * 与上次评估相比 on a department's page: its own site's findings against the run it chooses (`compare`), by
 * default the previous run of the same sites. Only this site is read in either run, so nothing of another
 * department's site is evaluated or shown; a run that did not assess this site cannot be chosen.
 */
export function departmentChanges(store: Store, results: Results, siteId: string, compare: string | undefined): Html {
  const runId = results.assessment.runId;
  const choices = comparableRuns(store, runId, siteId);
  if (!choices.length) return html`<section class="finding-changes"><h2>与上次评估相比</h2><p>本网站没有其他已完成的评估可供比对。</p></section>`;
  // By default the previous run of the same sites (as the ranking's chart has it), else the latest earlier run that assessed this site.
  const previous = previousRun(store, runId, new Set(results.sites.map((s) => s.id)))?.assessment.runId;
  const chosen = choices.find((c) => c.id === compare) ?? choices.find((c) => c.id === previous) ?? choices.find((c) => c.before) ?? null;
  const form = html`<form method="get" action="#finding-changes" class="compare-form"><label for="compare-run">比对的评估</label> <select id="compare-run" name="compare">${choices.map(
    (c) => html`<option value="${c.id}"${c.id === chosen?.id ? html` selected` : ''}>${c.name}（${c.asOf}）</option>`,
  )}</select> <button type="submit">比对</button></form>`;
  const refused = compare !== undefined && chosen?.id !== compare ? html`<p class="error" role="alert">所选评估未评估本网站或不存在，无法比对。</p>` : '';
  if (!chosen) return html`<section class="finding-changes" id="finding-changes"><h2>与上次评估相比</h2>${refused}${form}<p>请选择要比对的评估。</p></section>`;
  const run = store.getRun(runId)!;
  const comparison = compareRuns(store, chosen.id, results, lastUsedSet(store, runId, run.indicators), new Set([siteId]));
  return html`<div id="finding-changes">${refused}${form}${findingChangesSection(siteComparison(comparison, siteId)!, { open: true })}</div>`;
}
