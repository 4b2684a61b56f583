import { loadIndicatorSet, parseIndicatorSet } from '../../indicators/load.js';
import type { IndicatorSet } from '../../indicators/types.js';
import type { Store } from '../store/store.js';

/** The set of the run's most recent scores, read back from the store's copy of its text; else `fallback`. */
export function lastUsedSet(store: Store, runId: string, fallback: string): IndicatorSet {
  const latest = store.scoresOf(runId).at(-1);
  const text = latest ? store.indicatorSetText(latest.sha256) : null;
  return text ? parseIndicatorSet(text, `${latest!.setId} v${latest!.setVersion} (stored)`) : loadIndicatorSet(fallback);
}

/** The hint of a refused run id: the runs the store holds (for the command line). */
export const runsStored = (store: Store) => `runs stored: ${storedRunIds(store).join(', ') || 'none'}`;

/** The same hint in Chinese, for refusals a web page shows as well (overrides, dismissals). */
export const runsStoredZh = (store: Store) => `已有的评估：${storedRunIds(store).join('、') || '无'}`;

const storedRunIds = (store: Store) => store.listRuns().map((r) => r.id);
