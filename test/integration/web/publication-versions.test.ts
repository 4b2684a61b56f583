import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { Store } from '../../../server/store/store.js';
import { recordOverride } from '../../../server/use-cases/override.js';
import { rescoreStored } from '../../../server/use-cases/stored-run.js';
import { storeSuspectedRun, suspectedRunId as runId } from '../../fixtures/suspected-run.js';
import { runCli, tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const password = 'correct horse battery';

/**
 * A published ranking does not move: an appeal accepted after publication changes the scores staff see, not
 * what the public sees, until staff publish it as a correction (更正) with its note. The public page, its CSV
 * and the JSON API then show the new version and list both; the first stays readable as it was.
 */
describe('published versions and corrections, through the web app', () => {
  let app: FastifyInstance;
  let store: Store;
  let staff: ReturnType<typeof injectBrowser>;
  let edu: ReturnType<typeof injectBrowser>;
  let visitor: ReturnType<typeof injectBrowser>;
  let db: string;
  const tokenOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const jyjRow = (page: string) => /<tr><td>[^<]*<\/td><td>某市教育局<\/td><td>([^<]+)<\/td>/.exec(page)?.[1];

  beforeAll(async () => {
    const dir = await tempDir('publication-versions');
    db = join(dir, 'govscore.db');
    store = new Store(db);
    storeSuspectedRun(store);
    rescoreStored(store, runId);
    const staffUser = await store.accounts.add({ login: 'staff', name: '评估办张三', role: 'evaluator', password });
    await store.accounts.add({ login: 'edu', name: '教育局', role: 'department', password, sites: ['jyj'] });
    for (const [siteId, indicator] of [
      ['rsj', 'V7'],
      ['fgw', 'V6'],
    ] as const)
      recordOverride(store, { runId, siteId, indicator, veto: false, reason: '人工核实', by: { name: '评估办张三', userId: staffUser.id } });
    app = await buildApp({ store, dbFile: db, dataDir: dir });
    staff = injectBrowser(app, password);
    edu = injectBrowser(app, password);
    visitor = injectBrowser(app, password);
    await staff.login('staff');
    await edu.login('edu');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  it('publishes version 1, keeps it after an accepted appeal, and publishes the change only as a correction with its note', async () => {
    const review = await staff.get(`/staff/runs/${runId}`);
    expect((await staff.form(`/staff/runs/${runId}/publish`, { _csrf: tokenOf(review.body) })).statusCode).toBe(303);
    const v1 = await visitor.get(`/runs/${runId}`);
    expect(v1.body).toContain('第 1 版');
    const published = jyjRow(v1.body);
    expect(published).toMatch(/^\d/);

    // The department appeals an indicator it lost points on; staff accept it.
    const site = (await edu.get(`/api/department/runs/${runId}/sites/jyj`)).json() as {
      score: { score: number; indicators: Array<{ id: string; score: number | null; max: number | null }> };
    };
    const lost = site.score.indicators.find((i) => i.max !== null && i.score !== null && i.score < i.max)!;
    expect(lost, 'the fixture’s 教育局 loses points somewhere').toBeTruthy();
    const appeal = await edu.send(
      'POST',
      `/api/department/runs/${runId}/sites/jyj/appeals`,
      { indicator: lost.id, text: '该栏目已更新，请复核。' },
      { 'x-csrf-token': await edu.csrfToken() },
    );
    expect(appeal.statusCode, appeal.body).toBe(201);
    const accepted = await staff.send(
      'POST',
      `/api/staff/appeals/${appeal.json().id}/accept`,
      { reason: '核实属实' },
      { 'x-csrf-token': await staff.csrfToken() },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const live = ((await edu.get(`/api/department/runs/${runId}/sites/jyj`)).json() as typeof site).score.score;
    expect(live).toBeGreaterThan(site.score.score);

    // The department is told its page is ahead of what the public sees.
    const ahead = await edu.get(`/department/runs/${runId}/sites/jyj`);
    expect(ahead.body).toContain(`公开发布的是第 1 版`);
    expect(ahead.body).toContain(`本网站得分 ${published}`);
    expect(ahead.body).toContain('评估办发布更正后公开页面随之更新');

    // The public still sees version 1.
    expect(jyjRow((await visitor.get(`/runs/${runId}`)).body)).toBe(published);
    expect((await visitor.get(`/api/public/runs/${runId}`)).json()).toMatchObject({ version: 1, versions: [{ version: 1, kind: 'publication' }] });

    // Staff see the pending correction; without a note it is refused, with one it is version 2.
    const pending = await staff.get(`/staff/runs/${runId}`);
    expect(pending.body).toContain('待发布的更正');
    expect(pending.body).toContain(`得分 ${published} → ${live}`);
    expect(pending.body).toContain(lost.id);
    const noNote = await staff.form(`/staff/runs/${runId}/publish`, { _csrf: tokenOf(pending.body), note: '' });
    expect(noNote.statusCode).toBe(409);
    expect(noNote.body).toContain('更正说明');
    const note = '经复核，教育局网站相关栏目在评估期内已更新，采纳申诉并更正得分。';
    expect((await staff.form(`/staff/runs/${runId}/publish`, { _csrf: tokenOf(pending.body), note })).statusCode).toBe(303);
    expect((await staff.get(`/staff/runs/${runId}`)).body).toContain('当前评分与第 2 版一致');
    const caughtUp = await edu.get(`/department/runs/${runId}/sites/jyj`);
    expect(caughtUp.body).toContain(`公开发布的是第 2 版`);
    expect(caughtUp.body).not.toContain('评估办发布更正后公开页面随之更新');

    // The public page shows version 2, its note and both versions; version 1 stays as it was.
    const v2 = await visitor.get(`/runs/${runId}`);
    expect(jyjRow(v2.body)).toBe(String(live));
    expect(v2.body).toContain(note);
    expect(v2.body).toContain(`得分 ${published} → ${live}`);
    expect(v2.body).toContain(`href="/runs/${runId}?version=1"`);
    const old = await visitor.get(`/runs/${runId}?version=1`);
    expect(jyjRow(old.body)).toBe(published);
    expect(old.body).toContain('这是已被更正的第 1 版');
    expect((await visitor.get(`/runs/${runId}?version=3`)).statusCode).toBe(404);
    const malformed = await visitor.get(`/runs/${runId}?version=abc`);
    expect([malformed.statusCode, malformed.headers['content-type']]).toEqual([400, 'text/html; charset=utf-8']);
    expect(malformed.body).toContain('提交的内容不完整或格式不对');

    // The CSV and the JSON API follow the version asked for.
    const csv = (version: number) => visitor.get(`/runs/${runId}/ranking.csv?version=${version}`);
    expect((await csv(1)).body).toContain(',某市教育局');
    expect((await csv(1)).body).toMatch(new RegExp(`某市教育局,${published},`));
    expect((await csv(2)).body).toMatch(new RegExp(`某市教育局,${live},`));
    expect((await csv(2)).headers['content-disposition']).toContain('ranking-v2.csv');
    const api = (await visitor.get(`/api/public/runs/${runId}`)).json();
    expect(api).toMatchObject({ version: 2, versions: [{ version: 1 }, { version: 2, kind: 'correction', note }] });
    expect(api.versions[1].changes.find((c: { name: string }) => c.name === '某市教育局')).toMatchObject({
      before: { score: Number(published) },
      after: { score: live },
    });
    expect((await visitor.get(`/api/public/runs/${runId}?version=1`)).json().ranking.find((s: { name: string }) => s.name === '某市教育局').score).toBe(
      Number(published),
    );
    // No findings reach the public through a version.
    expect(JSON.stringify(api)).not.toContain('findings');
  });

  it('govscore publish asks for --correction when the scores changed, then publishes the next version', async () => {
    const staffId = store.accounts.byLogin('staff')!.id;
    recordOverride(store, { runId, siteId: 'wjw', indicator: 'V2', veto: false, reason: '首页另有当日更新', by: { name: '评估办张三', userId: staffId } });
    const refused = await runCli(['publish', '--db', db, '--run', runId, '--by', 'staff']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('更正说明');
    expect(refused.stderr).toContain('--correction');
    const done = await runCli(['publish', '--db', db, '--run', runId, '--by', 'staff', '--correction', '撤销卫健委单项否决']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('version 3');
    expect((await visitor.get(`/api/public/runs/${runId}`)).json()).toMatchObject({ version: 3, versions: [{}, {}, { note: '撤销卫健委单项否决' }] });
    const again = await runCli(['publish', '--db', db, '--run', runId, '--by', 'staff', '--correction', '重复']);
    expect(again.stdout).toContain('nothing to publish');
  });

  it('audits the publication and the corrections', () => {
    const publishing = store.reviews.auditTrail(`run:${runId}`).filter((a) => a.action.startsWith('publish'));
    expect(publishing.map((a) => [a.action, (a.detail as { version: number }).version])).toEqual([
      ['publish', 1],
      ['publish-correction', 2],
      ['publish-correction', 3],
    ]);
  });
});
