import { startWorker, type WorkerOptions } from '../queue/worker.js';

/**
 * `govscore worker`: runs until Ctrl-C or SIGTERM, then finishes the sites in hand (their results are
 * sent) before it exits; a second signal exits at once (the sites go back to the queue when their lock
 * runs out).
 */
export async function runWorkerUntilStopped(options: Omit<WorkerOptions, 'log'>): Promise<void> {
  const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
  const worker = await startWorker({ ...options, log });
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) process.exit(130);
      stopping = true;
      log(`${signal}: finishing the sites in hand, then stopping (again to stop at once)`);
      void worker.close().then(resolve, resolve);
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  log(`worker ${worker.id} stopped`);
}
