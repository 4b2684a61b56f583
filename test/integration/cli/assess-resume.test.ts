import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { VisitOutcome } from '../../../evaluators/collect/crawl-journal.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';
import type { Results } from '../../../reports/results.js';
import { Store } from '../../../server/store/store.js';
import { browserPids, compareColumns, killNewBrowsers, runCli, startCli, tempDir, writeSitesFile } from '../cli-helpers.js';

describe('govscore assess killed half-way', () => {
  let set: RunningPortalSet;
  beforeAll(async () => {
    set = await startPortalSet({ asOf: '2026-11-21', seed: 'resume-test' });
  });
  afterAll(() => set?.close());

  it('keeps the sites it finished and the same command resumes without recrawling them', async () => {
    const dir = await tempDir('resume');
    const ids = ['fgw', 'zfw', 'jyj'];
    const sitesFile = await writeSitesFile(dir, set, ids);
    const out = join(dir, 'out');
    const browsersBefore = browserPids();
    // Which sites are kept and which are crawled again is under test here, not how a site is read: a small budget.
    const budget = ['--concurrency', '1', '--lighthouse-pages', '0', '--axe', 'off', '--max-pages', '8'];
    const first = startCli(['assess', sitesFile, '--out', out, ...budget]);
    const exited = new Promise((r) => first.child.on('exit', r));
    // Kill the whole process group (node and its Chromium) as soon as one site has been stored.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/\[1\/3\]/.test(first.output())) {
          clearInterval(timer);
          first.killHard();
          resolve();
        }
      }, 50);
      setTimeout(() => reject(new Error(`no site finished: ${first.output()}`)), 120_000);
    });
    await exited;
    killNewBrowsers(browsersBefore);
    const store = new Store(join(out, 'govscore.db'));
    const runId = store.db.prepare('SELECT id FROM runs').pluck().get() as string;
    const done = store
      .runSites(runId)
      .filter((s) => s.status !== 'pending')
      .map((s) => s.siteId);
    const pagesBefore = Object.fromEntries(done.map((id) => [id, store.pageCount(runId, id)]));
    store.close();
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(done.length).toBeLessThan(3);

    const second = await runCli(['assess', sitesFile, '--out', out, ...budget]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`run ${runId}`);
    expect(second.stdout).toContain(`${done.length}/3 sites already collected, collecting ${3 - done.length}`);
    const crawledAgain = [...second.stdout.matchAll(/\[\d\/3\] (\S+)/g)].map((m) => m[1]);
    expect(crawledAgain.sort()).toEqual(ids.filter((id) => !done.includes(id)).sort());

    const results: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.sites.map((s) => [s.id, s.status])).toEqual(ids.map((id) => [id, 'assessed']));
    const after = new Store(join(out, 'govscore.db'));
    for (const id of done) expect(after.pageCount(runId, id), id).toBe(pagesBefore[id]);
    // A site that ended in error (here as when the queue gives a site up after its workers died) is ours to
    // collect again: the same command retries it, and only it.
    after.db
      .prepare(
        "UPDATE run_sites SET status = 'error', status_reason = 'worker-failed: job stalled more than allowable limit' WHERE run_id = ? AND site_id = 'jyj'",
      )
      .run(runId);
    after.close();
    const third = await runCli(['assess', sitesFile, '--out', out, ...budget]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain('retrying 1 sites that ended in error last time: jyj');
    expect(third.stdout).toContain('2/3 sites already collected, collecting 1');
    expect([...third.stdout.matchAll(/\[\d\/3\] (\S+)/g)].map((m) => m[1])).toEqual(['jyj']);
    const retried: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(retried.sites.find((s) => s.id === 'jyj')).toMatchObject({ status: 'assessed' });
  }, 300_000);

  it('resumes a site mid-crawl from its page journal, opening none of the journaled pages again', async () => {
    const dir = await tempDir('resume-mid-site');
    const sitesFile = await writeSitesFile(dir, set, ['zfw']);
    const out = join(dir, 'out');
    const dbFile = join(out, 'govscore.db');
    const browsersBefore = browserPids();
    const first = startCli(['assess', sitesFile, '--out', out, '--concurrency', '1', '--lighthouse-pages', '0', '--axe', 'off']);
    const exited = new Promise((r) => first.child.on('exit', r));
    // Kill the process group once a few pages of the one site are journaled (the site itself is not finished).
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (journalRows(dbFile).length < 6) return;
        clearInterval(timer);
        first.killHard();
        resolve();
      }, 50);
      setTimeout(() => reject(new Error(`nothing journaled: ${first.output()}`)), 120_000);
    });
    await exited;
    killNewBrowsers(browsersBefore);
    expect(first.output()).not.toMatch(/\[1\/1\]/);
    const journaled = journalRows(dbFile);
    // Pages the first attempt loaded in a browser for the journaled visits (script-paged lists add "#page=N").
    // Articles are left out: one listed in two columns is opened again by the other column's visit when that
    // visit was not finished before the kill, as it would be in an uninterrupted crawl.
    const loaded = journaled.flatMap((o) =>
      o.pages.filter((p) => p.role !== 'skipped' && p.role !== 'article' && !p.url.includes('#')).map((p) => new URL(p.url)),
    );
    expect(loaded.length).toBeGreaterThanOrEqual(journaled.length);

    const host = set.get('zfw').host;
    host.documentLoads.clear();
    const second = await runCli(['assess', sitesFile, '--out', out, '--concurrency', '1', '--lighthouse-pages', '0', '--axe', 'off']);
    expect(second.code, second.stderr).toBe(0);
    const resumedAfter = Number(/zfw: resuming after (\d+) pages/.exec(second.stdout)?.[1]);
    expect(resumedAfter).toBeGreaterThanOrEqual(journaled.length);
    const reopened = loaded.filter((u) => host.documentLoads.has(u.pathname + u.search)).map((u) => u.pathname);
    expect(reopened).toEqual([]);
    expect(host.documentLoads.size).toBeGreaterThan(0); // the rest of the site was crawled

    // The resumed site is read as completely as an uninterrupted one, and its journal is emptied.
    const results: Results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(compareColumns(results.sites[0]!, set.get('zfw').truth).wrong).toEqual([]);
    expect(journalRows(dbFile)).toEqual([]);
  }, 300_000);
});

/** The crawl journal as another process sees it while the run writes it (empty before the table exists). */
function journalRows(dbFile: string): VisitOutcome[] {
  if (!existsSync(dbFile)) return [];
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT json FROM crawl_journal').pluck().all() as string[]).map((j) => JSON.parse(j) as VisitOutcome);
  } catch {
    return [];
  } finally {
    db.close();
  }
}
