import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { Store } from '../../../server/store/store.js';
import { rescoreStored } from '../../../server/use-cases/stored-run.js';
import { storeSuspectedRun } from '../../fixtures/suspected-run.js';
import { runCli, tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const password = 'correct horse battery';

/**
 * Every way to publish a run — the JSON API, the 发布 form and `govscore publish` — refuses an unfinished
 * run and a run with a suspected veto (疑似否决), and nothing but server/use-cases/publish.ts writes a
 * publication, so a new path cannot skip the rule.
 */
describe('every publishing path follows the one publish rule', () => {
  let dir: string;
  let db: string;
  let store: Store;
  let app: FastifyInstance;
  let staff: ReturnType<typeof injectBrowser>;
  const suspected = 'run-suspected';
  const unfinished = 'run-unfinished';
  const tokenOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';

  beforeAll(async () => {
    dir = await tempDir('publish-paths');
    db = join(dir, 'govscore.db');
    store = new Store(db);
    for (const id of [suspected, unfinished]) {
      storeSuspectedRun(store, id);
      rescoreStored(store, id);
    }
    // Scored (so no suspected veto is what stops it) but not finished.
    store.db.prepare("UPDATE scores SET json = json_set(json, '$.suspectedVetoes', json('[]')) WHERE run_id = ?").run(unfinished);
    store.db.prepare('UPDATE runs SET finished_at = NULL WHERE id = ?').run(unfinished);
    await store.accounts.add({ login: 'staff', name: '评估办张三', role: 'evaluator', password });
    app = await buildApp({ store, dbFile: db, dataDir: dir });
    staff = injectBrowser(app, password);
    await staff.login('staff');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  const cases = [
    { runId: unfinished, message: '评估尚未完成，不能发布。' },
    { runId: suspected, message: '不能发布：2 个网站存在疑似否决项' },
  ];

  it.each(cases)('the JSON API refuses $runId (409)', async ({ runId, message }) => {
    const api = await staff.send('POST', `/api/staff/runs/${runId}/publish`, {}, { 'x-csrf-token': await staff.csrfToken() });
    expect(api.statusCode, api.body).toBe(409);
    expect(api.json().error).toContain(message);
    expect(store.publications.isPublished(runId)).toBe(false);
  });

  it.each(cases)('the 发布 form refuses $runId (409)', async ({ runId, message }) => {
    const page = await staff.get(`/staff/runs/${runId}`);
    const form = await staff.form(`/staff/runs/${runId}/publish`, { _csrf: tokenOf(page.body) });
    expect(form.statusCode).toBe(409);
    expect(form.body).toContain(message);
    expect(store.publications.isPublished(runId)).toBe(false);
  });

  it.each(cases)('govscore publish refuses $runId (exit code 3)', async ({ runId, message }) => {
    const cli = await runCli(['publish', '--db', db, '--run', runId, '--by', 'staff']);
    expect(cli.code, cli.stderr).toBe(3);
    expect(cli.stderr).toContain(message);
    expect(store.publications.isPublished(runId)).toBe(false);
  });

  it('nothing but the publish use case writes a publication', async () => {
    const files = (await readdir(new URL('../../../server', import.meta.url), { recursive: true })).filter((f) => f.endsWith('.ts'));
    const writers: string[] = [];
    for (const file of files)
      if (/\bpublications\.addVersion\(/.test(await readFile(new URL(`../../../server/${file}`, import.meta.url), 'utf8')))
        writers.push(file.replaceAll('\\', '/'));
    expect(writers).toEqual(['use-cases/publish.ts']);
  });
});
