import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { Redis } from 'ioredis';

import type { CrawlJournal, VisitOutcome } from '../../evaluators/collect/crawl-journal.js';
import { keyPrefix } from './connection.js';
import { evidencePath } from './evidence-transfer.js';
import { siteJobId } from './jobs.js';

/** A journal nobody finishes (its run abandoned) goes away on its own after this long without a write. */
const journalTtlSeconds = 14 * 86_400;

/**
 * The crawl journal of a site crawled by a worker, kept in Redis: the outcome of every page as soon as it
 * is done, with the screenshots it refers to. When the worker dies mid-site, the worker that takes the
 * site up again replays those pages instead of opening them again — as the embedded mode does from its
 * store. Removed once the site's result has been sent.
 */
export interface RedisJournal extends CrawlJournal {
  /** Pages recorded by earlier attempts. */
  readonly size: number;
  /** Waits for the writes in flight (a write that failed only costs re-crawling that page later). */
  flush(): Promise<void>;
  remove(): Promise<void>;
}

export async function openRedisJournal(redis: Redis, runId: string, siteId: string, evidenceDir: string, log: (line: string) => void): Promise<RedisJournal> {
  const pagesKey = `${keyPrefix}:journal:${siteJobId(runId, siteId)}`;
  const shotsKey = `${keyPrefix}:journal-shots:${siteJobId(runId, siteId)}`;
  const [pages, shots] = await Promise.all([redis.hgetall(pagesKey), redis.hgetallBuffer(shotsKey)]);
  // The screenshots of replayed pages go back where this attempt's own are written, to be sent with them.
  for (const [path, image] of Object.entries(shots)) {
    if (!evidencePath.test(path) || !path.startsWith(`${siteId}/`)) continue;
    await mkdir(dirname(join(evidenceDir, path)), { recursive: true });
    await writeFile(join(evidenceDir, path), image);
  }
  const known = new Map(Object.entries(pages).map(([key, json]) => [key, JSON.parse(json) as VisitOutcome]));
  const inFlight = new Set<Promise<void>>();
  let warned = false;

  const save = async (pageKey: string, outcome: VisitOutcome) => {
    const write = redis.multi().hset(pagesKey, pageKey, JSON.stringify(outcome)).expire(pagesKey, journalTtlSeconds);
    for (const path of screenshotsOf(outcome)) write.hset(shotsKey, path, await readFile(join(evidenceDir, path)));
    await write.expire(shotsKey, journalTtlSeconds).exec();
  };
  return {
    size: known.size,
    recall: (pageKey) => known.get(pageKey),
    record: (pageKey, outcome) => {
      const write = save(pageKey, outcome).catch((error: Error) => {
        if (!warned)
          log(`${runId} ${siteId}: the crawl journal could not be written to Redis (${error.message}); a restart of this site would open those pages again`);
        warned = true;
      });
      inFlight.add(write);
      void write.finally(() => inFlight.delete(write));
    },
    flush: async () => {
      await Promise.all(inFlight);
    },
    remove: async () => {
      await Promise.all(inFlight);
      await redis.del(pagesKey, shotsKey);
    },
  };
}

/** The screenshot paths an outcome refers to (its column's, today), wherever they sit in it. */
function screenshotsOf(outcome: VisitOutcome): string[] {
  const paths: string[] = [];
  JSON.stringify(outcome, (_key, value) => {
    if (typeof value === 'string' && evidencePath.test(value)) paths.push(value);
    return value;
  });
  return paths;
}
