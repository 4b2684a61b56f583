import { dirname, join, relative, resolve } from 'node:path';

import type { Browser } from 'puppeteer';

import { ConfigError } from '../../common/config-errors.js';
import { launchBrowser } from '../../evaluators/collect/browser.js';
import { defaultCollectOptions } from '../../evaluators/collect/options.js';
import { loadIndicatorSet } from '../../indicators/load.js';
import { findingChangeNames, findingChanges } from '../../reports/finding-changes.js';
import type { OutputFormat, WrittenOutputs } from '../../reports/write-outputs.js';
import { Store } from '../store/store.js';
import { lastUsedSet, runsStored } from '../use-cases/run-set.js';
import { scoreRun } from '../use-cases/score-run.js';

export interface ReportOptions {
  db: string;
  runId: string;
  out: string;
  formats: OutputFormat[];
  /** Default: the set the run was last scored with (as stored), else the one it was assessed with. */
  indicators?: string;
  noticeTemplate?: string;
  issuer?: string;
  /** An earlier run of the store: each finding is shown as new, fixed, unchanged or not measured now. */
  compare?: string;
  log?: (line: string) => void;
}

/**
 * `govscore report`: every output of a stored run — the ranking report, department reports, notice
 * draft, charts, XLSX/CSV/JSON, and the pages as PDF printed by the same Chromium — from the store
 * alone (scores recomputed from observations and overrides, so a report is always current).
 */
export async function report(options: ReportOptions): Promise<WrittenOutputs> {
  const log = options.log ?? ((line: string) => console.log(line));
  const store = new Store(options.db, { mustExist: true });
  let browser: Browser | null = null;
  try {
    const run = store.getRun(options.runId);
    if (!run) throw new ConfigError(options.db, 1, '--run', `no run ${options.runId} in this store`, runsStored(store));
    if (options.compare !== undefined && (options.compare === run.id || !store.getRun(options.compare)))
      throw new ConfigError(
        options.db,
        1,
        '--compare',
        options.compare === run.id ? 'is the run being reported: name an earlier run of the same sites' : `no run ${options.compare} in this store`,
        runsStored(store),
      );
    const set = options.indicators ? loadIndicatorSet(options.indicators) : lastUsedSet(store, run.id, run.indicators);
    const evidenceDir = relative(options.out, join(dirname(resolve(options.db)), 'evidence', run.id)) || '.';
    const robots = run.options['robots'] === 'ignore' ? 'ignore' : 'respect';
    const outputs = await scoreRun(
      store,
      run.id,
      set,
      options.out,
      { userAgent: defaultCollectOptions.userAgent, robots },
      evidenceDir,
      {
        formats: options.formats,
        notice: { template: options.noticeTemplate, issuer: options.issuer },
        browser: async () => (browser ??= await launchBrowser()),
      },
      options.compare,
    );
    log(`run ${run.id} (${run.name}) under ${set.id} v${set.version}: ${outputs.departments.length} department reports, ${outputs.charts.length} charts`);
    if (outputs.comparison) {
      const total = { new: 0, fixed: 0, unchanged: 0, 'not-measured': 0 };
      for (const s of outputs.comparison.sites) for (const k of findingChanges) total[k] += s.counts[k];
      log(`compared with run ${options.compare}: ${findingChanges.map((k) => `${findingChangeNames[k]} ${total[k]}`).join('，')}`);
    }
    for (const [label, path] of [
      ['report', outputs.report],
      ['pdf', outputs.pdf],
      ['notice', outputs.notice],
      ['xlsx', outputs.xlsx],
      ['csv', outputs.csv],
      ['results', outputs.results],
    ] as const)
      if (path) log(`${label}: ${path}`);
    return outputs;
  } finally {
    await (browser as Browser | null)?.close();
    store.close();
  }
}
