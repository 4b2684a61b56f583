import { startWorker, type WorkerOptions } from '../queue/worker.js';

/** How long a worker takes at most to stop after SIGTERM or Ctrl-C (README, worker section). */
export const stopWithinSeconds = 10;

/**
 * `govscore worker`: runs until Ctrl-C or SIGTERM, then takes no more sites, hands those in hand back to
 * the queue (their crawl journals keep the pages done, so the next worker resumes them) and exits within
 * `stopWithinSeconds` — also when Redis has gone and nothing can be handed back. A second signal exits
 * at once. While Redis cannot be reached, at the start too, it says so and keeps trying.
 */
export async function runWorkerUntilStopped(options: Omit<WorkerOptions, 'log' | 'signal'>): Promise<void> {
  const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) {
      log(`${signal}：立即退出 — exiting at once`);
      process.exit(130);
    }
    log(
      `${signal}：不再领取站点，手上的站点交还队列，${stopWithinSeconds} 秒内退出（再发一次信号立即退出） — ${signal}: taking no more sites, handing those in hand back to the queue, exiting within ${stopWithinSeconds} s (again to exit at once)`,
    );
    // Whatever hangs (a Redis that does not answer, a browser that does not close), the bound holds.
    setTimeout(() => {
      log(`${stopWithinSeconds} 秒内未能停下，强制退出 — not stopped within ${stopWithinSeconds} s: exiting now`);
      process.exit(1);
    }, stopWithinSeconds * 1000).unref();
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const worker = await startWorker({ ...options, log, signal: stop.signal });
  if (!worker) {
    log('在连上 Redis 之前已停止 — stopped before Redis answered');
    process.exit(0);
  }
  if (!stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
  await worker.close();
  log(`worker ${worker.id} 已停止 — worker ${worker.id} stopped`);
  // An abandoned crawl's timers would keep the process up until they ran out.
  process.exit(0);
}
