import { recheckStatuses, recheckStatusNames } from '../../reports/recheck.js';
import { Store } from '../store/store.js';
import { type RecheckOptions, recheckRun } from '../use-cases/recheck.js';

/** `govscore recheck`: re-check a stored run's findings (整改复核) and print the totals. */
export async function recheck(options: RecheckOptions & { db: string }): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const store = new Store(options.db, { mustExist: true });
  try {
    const { result, files } = await recheckRun(store, { ...options, log });
    const count = (s: (typeof recheckStatuses)[number]) => result.findings.filter((f) => f.status === s).length;
    log(`整改复核 ${result.runId} (re-check run ${result.recheckRunId}): ${recheckStatuses.map((s) => `${recheckStatusNames[s]} ${count(s)}`).join('，')}`);
    log(`recheck: ${files.json}\nnotice: ${files.notice}`);
  } finally {
    store.close();
  }
}
