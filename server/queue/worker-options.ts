/** `govscore worker` defaults: apart from worker.ts so the CLI can show them without loading BullMQ and Puppeteer. */
export const defaultWorkerOptions = { concurrency: 2, hostRate: 8, lockMs: 30_000 };
