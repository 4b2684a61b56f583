/**
 * The queue benchmark's simulated collector: a real `govscore worker` (BullMQ worker, result messages,
 * per-job evidence folder) whose crawl is replaced by answering at once with a stored site result.
 * Usage (by bench-queue.ts): node --import tsx scripts/bench-queue-worker.ts <redis-url> <site-result.json>
 */
import { readFileSync } from 'node:fs';

import { startWorker } from '../server/queue/worker.js';
import type { SiteResult } from '../server/store/store.js';

const [redisUrl, templateFile] = process.argv.slice(2);
const result = JSON.parse(readFileSync(templateFile!, 'utf8')) as SiteResult;
const worker = (await startWorker({
  redisUrl: redisUrl!,
  concurrency: 64,
  hostRate: 1_000_000,
  lockMs: 60_000,
  log: () => undefined,
  collector: async () => ({ result, retryable: false, summary: 'simulated' }),
}))!;
process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
