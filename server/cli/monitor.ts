import PQueue from 'p-queue';

import { defaultCollectOptions } from '../../evaluators/collect/options.js';
import { monitorProbe } from '../../evaluators/collect/probes.js';
import type { MonitorOptions } from '../collect/monitor-options.js';
import { loadSitesFile } from '../config/sites-file.js';
import { monitorThroughQueue } from '../queue/monitor.js';
import { Store } from '../store/store.js';

/**
 * `govscore monitor`: the national availability protocol — every site's homepage probed `perDay` times a
 * day for `days` days, 15 s allowed per probe — with every probe stored as it is taken, so that a
 * stopped monitor loses nothing and `assess` finds a week of probes for the V1 veto.
 */
export async function monitor(options: MonitorOptions): Promise<{ probes: number; failures: number }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const sites = loadSitesFile(options.sitesFile);
  if (options.queue) return monitorThroughQueue({ ...options, queue: options.queue }, sites);
  const store = new Store(options.db);
  const rounds = Math.max(1, Math.round(options.days * options.perDay));
  const interval = options.intervalMs ?? Math.round(86_400_000 / options.perDay);
  const queue = new PQueue({ concurrency: 8 });
  let probes = 0;
  let failures = 0;
  log(`monitoring ${sites.sites.length} sites: ${rounds} rounds, one every ${(interval / 60_000).toFixed(1)} min, 15 s rule`);
  try {
    for (let round = 1; round <= rounds; round++) {
      const started = Date.now();
      await Promise.all(
        sites.sites.map((site) =>
          queue.add(async () => {
            const probe = await monitorProbe(site.url, options.timeoutMs ?? defaultCollectOptions.timeoutMs, defaultCollectOptions.userAgent);
            store.saveProbe(probe);
            probes++;
            if (!probe.ok) failures++;
          }),
        ),
      );
      log(`round ${round}/${rounds}: ${probes} probes stored, ${failures} failed`);
      if (round < rounds) await new Promise((r) => setTimeout(r, Math.max(0, interval - (Date.now() - started))));
    }
  } finally {
    store.close();
  }
  return { probes, failures };
}
