import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { ConfigError } from '../../common/config-errors.js';
import { loadIndicatorSet } from '../../indicators/load.js';
import type { IndicatorSet } from '../../indicators/types.js';
import { readReportingTable, reportingUnitId } from '../import/reporting-table.js';
import type { ReportingRow } from '../import/rows.js';
import { Store } from '../store/store.js';
import { scoreRun } from '../use-cases/score-run.js';

export interface ImportOptions {
  table: string;
  db: string;
  indicators: string;
  out: string;
  sheet?: string;
  /** The period of a table without a period column. */
  period?: string;
  name?: string;
  log?: (line: string) => void;
}

export interface ImportedRun {
  period: string;
  runId: string;
  units: number;
  outputs: { results: string; csv: string; report: string };
}

/**
 * `govscore import`: a reporting table (CSV or XLSX, Chinese headers) becomes one run per period — each
 * department a "site" whose observation is its row — scored by an indicator set of imported columns
 * (info-reporting) and ranked within its group. Importing the same table again re-scores the same runs.
 */
export async function importTable(options: ImportOptions): Promise<ImportedRun[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const set = loadIndicatorSet(options.indicators);
  checkImportSet(set);
  const table = await readReportingTable(options.table, { sheet: options.sheet, period: options.period });
  if (!table.rows.length)
    throw new ConfigError(
      options.table,
      table.headerLine,
      '(rows)',
      'the table has a header but no department rows',
      'fill in one row per department and period',
    );
  const tableSha = createHash('sha256')
    .update(await readFile(options.table))
    .digest('hex');
  const store = new Store(options.db);
  const runs: ImportedRun[] = [];
  try {
    for (const period of table.periods) {
      const rows = table.rows.filter((r) => r.period === period);
      const runId = storeRun(store, { options, set, tableSha, period, rows, sheet: table.sheet });
      const out = table.periods.length > 1 ? join(options.out, period) : options.out;
      const outputs = await scoreRun(store, runId, set, out, { userAgent: '', robots: 'respect' }, '.');
      runs.push({ period, runId, units: rows.length, outputs });
      log(`${period}: ${rows.length} units, run ${runId} → ${outputs.report}`);
    }
  } finally {
    store.close();
  }
  return runs;
}

/** An import set scores table columns: an evaluator of websites has nothing to read in a table. */
function checkImportSet(set: IndicatorSet): void {
  const crawled = set.indicators.find((i) => i.source.startsWith('evaluator:') && !i.source.startsWith('evaluator:reporting.'));
  if (crawled) {
    throw new ConfigError(
      set.file,
      1,
      '--indicators',
      `${set.id} scores crawled websites (${crawled.id}: ${crawled.source}), not an imported table`,
      'use info-reporting or a set whose sources are import:<column> or evaluator:reporting.*',
    );
  }
}

function storeRun(
  store: Store,
  p: { options: ImportOptions; set: IndicatorSet; tableSha: string; period: string; rows: ReportingRow[]; sheet: string | null },
): string {
  const key = createHash('sha256')
    .update(JSON.stringify(['import', p.tableSha, p.sheet, p.period, p.set.sha256]))
    .digest('hex');
  const existing = store.findRunByKey(key);
  if (existing) return existing.id;
  const sites = p.rows.map((row, position) => ({
    siteId: unitSiteId(row),
    position,
    name: row.unit,
    url: '',
    group: row.group ?? '全部单位',
    services: true,
    level: 'department' as const,
  }));
  const run = store.createRun(
    {
      id: `import-${p.period.toLowerCase()}-${key.slice(0, 8)}`,
      key,
      name: `${p.options.name ?? basename(p.options.table).replace(/\.(csv|xlsx)$/i, '')}（${p.period}）`,
      asOf: periodEnd(p.period),
      sitesFile: p.options.table,
      sitesSha256: p.tableSha,
      indicators: p.options.indicators,
      options: { kind: 'import', period: p.period, sheet: p.sheet },
    },
    sites,
  );
  p.rows.forEach((row, i) => {
    const { raw: _cells, ...fields } = row;
    store.saveSiteResult(run.id, sites[i]!.siteId, { status: 'assessed', statusReason: null, pages: [], observations: { import: fields } });
  });
  store.finishRun(run.id);
  return run.id;
}

/** A stable id for a department: its code when it is id-like, else a hash of its name (same in every period). */
export function unitSiteId(row: Pick<ReportingRow, 'unit' | 'code'>): string {
  const id = reportingUnitId(row);
  if (/^[a-z0-9-]{1,40}$/i.test(id)) return id.toLowerCase();
  return `u-${createHash('sha256').update(id).digest('hex').slice(0, 10)}`;
}

/** The last day of a period (2026-Q3 → 2026-09-30): the evaluation date of its run. */
export function periodEnd(period: string): string {
  const [year, part] = period.split('-') as [string, string | undefined];
  const month = !part ? 12 : part.startsWith('Q') ? Number(part[1]) * 3 : part.startsWith('H') ? Number(part[1]) * 6 : Number(part);
  const last = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}
