import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { Store } from '../../../server/store/store.js';
import { rescoreStored } from '../../../server/use-cases/stored-run.js';
import { storeSuspectedRun } from '../../fixtures/suspected-run.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const password = 'correct horse battery';

/** The staff pages over a stored run with two suspected vetoes (rsj V7, fgw V6) and a measured one (wjw V2). */
describe('staff web pages: suspected vetoes are reviewed before publishing', () => {
  let store: Store;
  let app: FastifyInstance;
  let runId: string;
  let staff: ReturnType<typeof injectBrowser>;
  const tokenOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  /** Posts a form with the token of the page it is on, as the browser would. */
  const submit = async (url: string, fields: Record<string, string>, from: string) =>
    staff.form(url, { ...fields, _csrf: tokenOf((await staff.get(from)).body) });

  beforeAll(async () => {
    const dir = await tempDir('web-suspected');
    const db = join(dir, 'govscore.db');
    store = new Store(db);
    runId = storeSuspectedRun(store);
    rescoreStored(store, runId); // as `assess` leaves it: scores stored
    await store.accounts.add({ login: 'staff', name: '评估办张三', role: 'evaluator', password });
    app = await buildApp({ store, dbFile: db, dataDir: dir });
    staff = injectBrowser(app, password);
    await staff.login('staff');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  it('the review page shows 待复核 instead of a rank and lists what blocks publishing', async () => {
    const page = (await staff.get(`/staff/runs/${runId}`)).body;
    expect(page).toMatch(
      /<tr><td>待复核<\/td><td><a href="\/staff\/runs\/[^"]+\/sites\/rsj">某市人力资源和社会保障局<\/a><\/td><td>[\d.]+<\/td><td><span class="tag grade-pending">待复核<\/span><\/td><td><span class="tag suspected-veto">疑似否决，待复核<\/span> V7 服务不实用<\/td><\/tr>/,
    );
    expect(page).toMatch(
      /sites\/wjw">某市卫生健康委员会<\/a><\/td><td>[\d.]+<\/td><td><span class="tag grade-fail">不合格<\/span><\/td><td><span class="tag veto">单项否决<\/span><\/td>/,
    );
    expect(page).toContain('2 个网站存在疑似否决项（依据“未找到”作出的否决），须逐一人工复核（确认否决或排除）后才能发布');
    expect(page).toContain(`<a href="/staff/runs/${runId}/sites/fgw">某市发展和改革委员会</a>：V6 互动回应差`);
  });

  it('publishing is refused, on the page and through the JSON API, with the reason in Chinese', async () => {
    const refused = await submit(`/staff/runs/${runId}/publish`, {}, `/staff/runs/${runId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(
      '不能发布：2 个网站存在疑似否决项，须人工复核确认或排除后才能发布：某市人力资源和社会保障局（V7 服务不实用）；某市发展和改革委员会（V6 互动回应差）。',
    );
    const api = await staff.send('POST', `/api/staff/runs/${runId}/publish`, {}, { 'x-csrf-token': await staff.csrfToken() });
    expect(api.statusCode).toBe(409);
    expect(api.json()).toMatchObject({
      error: expect.stringContaining('疑似否决'),
      suspected: [
        { siteId: 'rsj', indicators: ['V7'] },
        { siteId: 'fgw', indicators: ['V6'] },
      ],
    });
    expect(store.publications.isPublished(runId)).toBe(false);
    expect((await app.inject({ method: 'GET', url: `/runs/${runId}` })).statusCode).toBe(404);
  });

  it('the site page shows the search that found nothing and a form to confirm or clear it', async () => {
    const page = (await staff.get(`/staff/runs/${runId}/sites/rsj`)).body;
    expect(page).toContain('<h2>疑似否决复核</h2>');
    expect(page).toContain('在首页的 2 个链接中查找“办事服务/网上办事/政务服务');
    expect(page).toContain('<button type="submit" name="veto" value="yes" class="danger">确认否决</button>');
    expect(page).toContain('<button type="submit" name="veto" value="no">排除疑似否决</button>');
  });

  it('a reviewer clears one and confirms the other through the form; the run is re-scored and can then be published', async () => {
    const rsj = `/staff/runs/${runId}/sites/rsj`;
    const noReason = await submit(`/staff/runs/${runId}/overrides`, { siteId: 'rsj', indicator: 'V7', veto: 'no', reason: '' }, rsj);
    expect([noReason.statusCode, noReason.body.includes('请填写复核理由')]).toEqual([400, true]);
    const cleared = await submit(
      `/staff/runs/${runId}/overrides`,
      { siteId: 'rsj', indicator: 'V7', veto: 'no', reason: '办事服务在“便民服务”图片入口下，已核实' },
      rsj,
    );
    expect(cleared.statusCode, cleared.body).toBe(303);
    const after = (await staff.get(rsj)).body;
    expect(after).not.toContain('<h2>疑似否决复核</h2>');
    expect(after).toContain('取消否决');
    // One suspicion left: still refused, now naming only fgw.
    const still = await submit(`/staff/runs/${runId}/publish`, {}, `/staff/runs/${runId}`);
    expect(still.statusCode).toBe(409);
    expect(still.body).toContain('1 个网站存在疑似否决项');

    const fgw = `/staff/runs/${runId}/sites/fgw`;
    expect(
      (await submit(`/staff/runs/${runId}/overrides`, { siteId: 'fgw', indicator: 'V6', veto: 'yes', reason: '人工核查确无咨询渠道' }, fgw)).statusCode,
    ).toBe(303);
    const review = (await staff.get(`/staff/runs/${runId}`)).body;
    expect(review).not.toContain('疑似否决，待复核');
    expect(review).toMatch(
      /sites\/fgw">某市发展和改革委员会<\/a><\/td><td>[\d.]+<\/td><td><span class="tag grade-fail">不合格<\/span><\/td><td><span class="tag veto">单项否决<\/span><\/td>/,
    );
    expect(review).toMatch(/<tr><td>\d<\/td><td><a href="\/staff\/runs\/[^"]+\/sites\/rsj">/);

    const published = await submit(`/staff/runs/${runId}/publish`, {}, `/staff/runs/${runId}`);
    expect(published.statusCode).toBe(303);
    expect(store.publications.isPublished(runId)).toBe(true);
    const publicPage = await app.inject({ method: 'GET', url: `/runs/${runId}` });
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).not.toContain('待复核');
  });
});
