import { dirname, join, relative } from 'node:path';

import { EvidenceSink } from '../../evaluators/collect/evidence.js';
import { Store } from '../store/store.js';
import { planNewMedia, storeNewMedia } from '../use-cases/new-media.js';
import { openRun, type PlanOptions, planRun } from '../use-cases/plan-run.js';

export interface AssessOptions extends PlanOptions {
  out: string;
  db?: string;
  concurrency?: number;
  /** Screenshots kept per run, in MB (files next to the store). */
  evidenceMb?: number;
  /** Redis URL: hand the sites to `govscore worker` processes through the queue instead of crawling here. */
  queue?: string;
  /** The register of the sites' 政务新媒体 accounts (.xlsx/.csv); default: the sites file's `newMedia:`. */
  newMedia?: string;
  log?: (line: string) => void;
  /** Show the sites in flight while collecting (pages opened, phase, time) and the run's remaining time: the command line's display. */
  progress?: boolean;
}

/**
 * `govscore assess`: collect every site not yet collected in this run (each page's outcome is
 * journaled as soon as it is read and each site's results saved in one transaction, so a killed run keeps
 * what it did and the same command resumes, mid-site if need be), then evaluate, score, rank and write
 * the reports from the store.
 */
export async function assess(options: AssessOptions): Promise<{ runId: string; outputs: { results: string; csv: string; report: string } }> {
  const log = options.log ?? ((line: string) => console.log(line));
  // A sites file or indicator set with an error is said before the crawler, the queue client and the
  // report writers are loaded (they take a second or more to import): their modules load after the plan.
  const plan = planRun(options);
  const newMedia = await planNewMedia(options);
  // A wrong queue URL or a stopped Redis is said before anything is created.
  if (options.queue) await (await import('../queue/connection.js')).checkRedis(options.queue);
  const { sites, asOf, set, collect } = plan;
  const dbFile = options.db ?? join(options.out, 'govscore.db');
  const store = new Store(dbFile);
  try {
    const run = openRun(store, plan);
    if (newMedia) {
      storeNewMedia(store, run, newMedia);
      log(
        `政务新媒体登记表 ${newMedia.source.file}: ${newMedia.accounts} accounts of ${newMedia.bySite.size} sites (sha256 ${newMedia.source.sha256.slice(0, 12)})`,
      );
    }
    if (!store.publications.isPublished(run.id)) {
      const reopened = store.reopenErroredSites(run.id);
      if (reopened.length) log(`retrying ${reopened.length} sites that ended in error last time: ${reopened.join(', ')}`);
    }
    const pending = store.runSites(run.id).filter((s) => s.status === 'pending');
    const total = sites.sites.length;
    if (plan.sample)
      log(`random sample: ${plan.sample.size} of ${plan.sample.population} sites, seed "${plan.sample.seed}": ${plan.sample.siteIds.join(', ')}`);
    log(
      `${run.name} — run ${run.id}, asOf ${asOf}, ${set.id} v${set.version}: ${total - pending.length}/${total} sites already collected${pending.length ? `, collecting ${pending.length}` : ''}`,
    );
    const evidence = new EvidenceSink(join(dirname(dbFile), 'evidence', run.id), (options.evidenceMb ?? 500) * 1024 * 1024);
    if (pending.length) {
      const settings = { asOf, collect, evidence, total, log, progress: options.progress ?? false };
      if (options.queue)
        await (
          await import('../queue/coordinator.js')
        ).collectThroughQueue(store, run, pending, { ...settings, redisUrl: options.queue, evidenceMb: options.evidenceMb ?? 500 });
      else await (await import('../collect/embedded.js')).collectEmbedded(store, run.id, pending, { ...settings, concurrency: options.concurrency ?? 2 });
      if (evidence.failed || evidence.skipped)
        log(`screenshots: ${evidence.failed} could not be taken, ${evidence.skipped} skipped over the ${options.evidenceMb ?? 500} MB evidence budget`);
    }
    const { scoreRun } = await import('../use-cases/score-run.js');
    const outputs = await scoreRun(
      store,
      run.id,
      set,
      options.out,
      { userAgent: collect.userAgent, robots: collect.robots },
      relative(options.out, evidence.dir) || '.',
    );
    store.finishRun(run.id);
    log(`report: ${outputs.report}\nresults: ${outputs.results}\nranking: ${outputs.csv}`);
    return { runId: run.id, outputs };
  } finally {
    store.close();
  }
}
