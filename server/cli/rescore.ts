import { dirname, join, relative, resolve } from 'node:path';

import { ConfigError } from '../../common/config-errors.js';
import { defaultCollectOptions } from '../../evaluators/collect/options.js';
import { loadIndicatorSet } from '../../indicators/load.js';
import { loadDictionaries, textDictionariesOption } from '../config/text-dictionaries.js';
import { Store } from '../store/store.js';
import { runsStored } from '../use-cases/run-set.js';
import { scoreRun } from '../use-cases/score-run.js';

export interface RescoreOptions {
  db: string;
  runId: string;
  indicators: string;
  out: string;
  /** Another folder of dictionaries for the wording check: stored with the run (sha256 in results.json) and used from now on. */
  dictionaries?: string;
  log?: (line: string) => void;
}

/**
 * `govscore rescore`: new scores for a finished run from its stored observations under another indicator
 * set — no browser, no network. Earlier scores stay in the store (keyed by their set's sha256); the sites
 * whose score changed against the latest earlier set are listed, with the indicators that moved.
 */
export async function rescore(options: RescoreOptions): Promise<{ changed: number; outputs: { results: string; csv: string; report: string } }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const set = loadIndicatorSet(options.indicators);
  const dictionaries = options.dictionaries ? loadDictionaries(options.dictionaries) : null;
  const store = new Store(options.db, { mustExist: true });
  try {
    const run = store.getRun(options.runId);
    if (!run) throw new ConfigError(options.db, 1, '--run', `no run ${options.runId} in this store`, runsStored(store));
    if (dictionaries) {
      store.setRunOption(run.id, textDictionariesOption, dictionaries);
      log(
        `dictionaries: ${dictionaries.source} (${dictionaries.files.map((f) => `${f.name} ${f.sha256.slice(0, 12)}`).join(', ')}), stored with run ${run.id}`,
      );
    }
    const pending = store.runSites(run.id).filter((s) => s.status === 'pending').length;
    if (pending) log(`warning: ${pending} site(s) of run ${run.id} were never collected; they are listed as not assessed (run assess again to finish them)`);
    const before = latestOtherScores(store, run.id, set.sha256);
    const evidenceDir = relative(options.out, join(dirname(resolve(options.db)), 'evidence', run.id)) || '.';
    const robots = run.options['robots'] === 'ignore' ? 'ignore' : 'respect';
    const outputs = await scoreRun(store, run.id, set, options.out, { userAgent: defaultCollectOptions.userAgent, robots }, evidenceDir);
    const after = store.scoresOf(run.id).filter((s) => s.sha256 === set.sha256);
    let changed = 0;
    for (const now of after) {
      const old = before.get(now.siteId);
      if (!old || old.score.score === now.score.score) continue;
      changed++;
      const moved = now.score.indicators.filter((i) => {
        const was = old.score.indicators.find((o) => o.id === i.id);
        return !was || was.deduction !== i.deduction || was.status !== i.status;
      });
      log(`${now.siteId}: ${old.score.score} → ${now.score.score}  (${moved.map((i) => i.id).join(', ')})`);
    }
    const basis = before.size
      ? `against ${[...new Set([...before.values()].map((b) => `${b.setId} v${b.setVersion}`))].join(', ')}`
      : 'no earlier scores to compare';
    log(`run ${run.id} re-scored with ${set.id} v${set.version} (sha256 ${set.sha256.slice(0, 12)}): ${changed} site score(s) changed, ${basis}`);
    log(`report: ${outputs.report}\nresults: ${outputs.results}\nranking: ${outputs.csv}`);
    return { changed, outputs };
  } finally {
    store.close();
  }
}

/** Per site, its most recent score under any other indicator set (what a re-score is compared with). */
function latestOtherScores(store: Store, runId: string, sha256: string) {
  const latest = new Map<string, ReturnType<Store['scoresOf']>[number]>();
  for (const s of store.scoresOf(runId)) if (s.sha256 !== sha256) latest.set(s.siteId, s);
  return latest;
}
