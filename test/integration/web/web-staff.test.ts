import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { assessArgs, campaignOptions, CampaignRunner, saveCampaignOptions } from '../../../server/app/web/campaign-runner.js';
import { importTable } from '../../../server/cli/import.js';
import { sampleSites } from '../../../server/config/sample-sites.js';
import { loadSitesFile } from '../../../server/config/sites-file.js';
import { Store } from '../../../server/store/store.js';
import { openRun, planRun } from '../../../server/use-cases/plan-run.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const fixtures = new URL('../../fixtures/reporting/', import.meta.url).pathname;
const education = '11370100012'; // 市教育局: R5 (adoption rate) 18.75 of 20, total 82.75
const finance = '11370100039'; // 市财政局, renamed to a script tag in the hostile copy
const password = 'correct horse battery';
const hostile = '<script>alert(1)</script>';
const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;';

const sitesYaml = (name = '2026年度某市政府网站绩效评估', extra = '') => `name: ${name}
asOf: 2026-11-21
indicators: national-2019
sites:
  - id: jyj
    name: 某市教育局
    url: https://jyj.example.gov.cn/
    group: 市直部门
  - id: gaj
    name: 某市公安局
    url: https://gaj.example.gov.cn/
    group: 市直部门
  - id: lxq
    name: 历下区人民政府
    url: https://lxq.example.gov.cn/
    group: 区县政府
${extra}`;

/** A browser over inject that submits forms with the token of the page they are on, and the new-campaign form. */
function browser(app: FastifyInstance) {
  const b = injectBrowser(app, password);
  const tokenOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return {
    get: b.get,
    login: b.login,
    /** Submits a urlencoded form with the token of the page it is on (`from`), or none. */
    form: async (url: string, fields: Record<string, string>, from?: string) => {
      const token = from ? tokenOf((await b.get(from)).body) : '';
      return b.form(url, { ...fields, ...(token ? { _csrf: token } : {}) });
    },
    /** Submits the new-campaign form (multipart; the token is in the form's action). */
    campaign: async (
      fields: {
        text?: string;
        file?: { name: string; content: string };
        register?: { name: string; content: string };
        indicators?: string;
        asOf?: string;
        maxPages?: string;
        rateLimitPatience?: string;
        sample?: string;
        seed?: string;
      },
      withToken = true,
    ) => {
      const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec((await b.get('/staff/campaigns/new')).body)?.[1] ?? '';
      expect(action).toMatch(/^\/staff\/campaigns\?_csrf=/);
      const boundary = '----govscoretest7MA4YWxkTrZu0gW';
      const part = (name: string, value: string, filename?: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"\r\nContent-Type: application/octet-stream` : ''}\r\n\r\n${value}\r\n`;
      // As a browser sends it: the file inputs always (empty when no file was chosen), then the fields.
      const body =
        part('sitesUpload', fields.file?.content ?? '', fields.file?.name ?? '') +
        part('newMediaUpload', fields.register?.content ?? '', fields.register?.name ?? '') +
        part('sitesText', fields.text ?? '') +
        part('indicators', fields.indicators ?? '') +
        part('asOf', fields.asOf ?? '') +
        part('maxPages', fields.maxPages ?? '') +
        part('rateLimitPatience', fields.rateLimitPatience ?? '') +
        part('sample', fields.sample ?? '') +
        part('seed', fields.seed ?? '') +
        `--${boundary}--\r\n`;
      return b.send('POST', withToken ? action : '/staff/campaigns', Buffer.from(body), { 'content-type': `multipart/form-data; boundary=${boundary}` });
    },
  };
}

/** The events of an SSE body: [{ event, data }]. */
function sseEvents(body: string): Array<{ event: string; data: Record<string, unknown> }> {
  return body
    .split('\n\n')
    .map((block) => ({ event: /^event: (.+)$/m.exec(block)?.[1], data: /^data: (.+)$/m.exec(block)?.[1] }))
    .filter((e): e is { event: string; data: string } => Boolean(e.event && e.data))
    .map((e) => ({ event: e.event, data: JSON.parse(e.data) as Record<string, unknown> }));
}

describe('staff web pages: campaigns, live progress, review and publishing', () => {
  let dir: string;
  let db: string;
  let store: Store;
  let app: FastifyInstance;
  let runId: string;
  let hostileRunId: string;
  let staff: ReturnType<typeof browser>;

  beforeAll(async () => {
    dir = await tempDir('web-staff');
    db = join(dir, 'govscore.db');
    const [run] = await importTable({
      table: join(fixtures, 'city-2026q3-utf8.csv'),
      db,
      indicators: 'info-reporting',
      out: join(dir, 'out'),
      log: () => undefined,
    });
    runId = run!.runId;
    // The same table with a script tag for a unit's name and for the run's title.
    const table = join(dir, 'hostile.csv');
    await writeFile(table, (await readFile(join(fixtures, 'city-2026q3-utf8.csv'), 'utf8')).replace('市财政局', hostile));
    const [bad] = await importTable({ table, db, indicators: 'info-reporting', out: join(dir, 'out-hostile'), name: hostile, log: () => undefined });
    hostileRunId = bad!.runId;
    store = new Store(db);
    await store.accounts.add({ login: 'staff', name: '评估办张三', role: 'evaluator', password });
    await store.accounts.add({ login: 'edu', name: '市教育局', role: 'department', password, sites: [education] });
    app = await buildApp({ store, dbFile: db, dataDir: dir });
    staff = browser(app);
    await staff.login('staff');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  it('sends strangers to the login page and refuses departments', async () => {
    const anyone = browser(app);
    for (const url of ['/staff', '/staff/campaigns/new', `/staff/runs/${runId}`, `/staff/runs/${runId}/events`, '/staff/no-such-page']) {
      const response = await anyone.get(url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
    // The guard answers before the CSRF check or the body.
    expect((await anyone.form(`/staff/runs/${runId}/publish`, {})).statusCode).toBe(303);
    const edu = browser(app);
    await edu.login('edu');
    for (const url of ['/staff', `/staff/runs/${runId}`, `/staff/runs/${runId}/sites/${education}`]) expect((await edu.get(url)).statusCode, url).toBe(403);
    expect((await edu.form(`/staff/runs/${runId}/publish`, {})).statusCode).toBe(403);
    expect(store.publications.isPublished(runId)).toBe(false);
  });

  it('refuses a broken sites file with its line and field, and keeps nothing of it', async () => {
    const broken = sitesYaml().replace('https://gaj.example.gov.cn/', 'not-a-url');
    const response = await staff.campaign({ file: { name: 'sites.yaml', content: broken } });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('第 11 行（字段 sites[1].url）');
    // In Chinese (it was the parser's English line inside a Chinese frame).
    expect(response.body).toContain('第 11 行（字段 sites[1].url）有误：not-a-url 不是完整的 http 或 https 网址，请写成如 https://jyj.example.gov.cn/');
    // The uploaded text comes back in the text box to be fixed there.
    expect(response.body).toMatch(/<textarea id="sitesText"[^>]*>[^<]*not-a-url/);
    const syntax = await staff.campaign({ text: 'name: x\nsites: [\n' });
    expect(syntax.statusCode).toBe(400);
    expect(syntax.body).toMatch(/第 \d+ 行（字段 \(syntax\)）有误：YAML 格式有误，请检查该行的缩进、冒号和引号/);
    // A schema error: a site without its url.
    const missing = await staff.campaign({ text: sitesYaml().replace(/\n\s+url: https:\/\/gaj\.example\.gov\.cn\//, '') });
    expect(missing.body).toMatch(/（字段 sites\[1\]\.url）有误：缺少该字段，请补上/);
    expect((await staff.campaign({ text: '' })).body).toContain('请上传站点文件');
    expect((await staff.campaign({ text: sitesYaml(), asOf: '2026-02-30' })).body).toContain('评估日期应为实际存在的日期');
    expect((await staff.campaign({ text: sitesYaml(), indicators: '../etc' })).statusCode).toBe(400);
    // Every problem of a form at once, not only the first.
    const several = (await staff.campaign({ text: '', asOf: '2026-02-30', maxPages: '0', seed: 's1' })).body;
    expect(several).toContain('有 4 处需要修改：');
    for (const problem of ['评估日期应为实际存在的日期', '每个网站最多打开的页面数应为 1 到', '填写了抽样种子，请同时填写抽查网站数', '请上传站点文件'])
      expect(several, problem).toContain(problem);
    for (const patience of ['0', '1.5', '86401', 'abc'])
      expect((await staff.campaign({ text: sitesYaml(), rateLimitPatience: patience })).body, patience).toContain(
        '限流等待上限应为 1 到 86400 之间的整数（秒）',
      );
    // Without the token nothing is read or kept.
    expect((await staff.campaign({ text: sitesYaml() }, false)).statusCode).toBe(403);
    expect(store.campaigns.list()).toEqual([]);
    expect(existsSync(join(dir, 'campaigns')) ? readdirSync(join(dir, 'campaigns')) : []).toEqual([]);
  });

  it('creates a campaign from an upload and shows its peer groups; a running one is not started twice', async () => {
    const response = await staff.campaign({
      file: { name: '某市.yaml', content: sitesYaml() },
      indicators: 'annual-performance',
      maxPages: '40',
      rateLimitPatience: '600',
    });
    expect(response.statusCode, response.body).toBe(303);
    const campaign = store.campaigns.list()[0]!;
    expect(response.headers.location).toBe(`/staff/campaigns/${campaign.id}`);
    expect(campaign).toMatchObject({
      name: '2026年度某市政府网站绩效评估',
      indicators: 'annual-performance',
      asOf: '2026-11-21',
      state: 'draft',
      sitesFile: join(dir, 'campaigns', String(campaign.id), 'sites.yaml'),
    });
    expect(await readFile(campaign.sitesFile, 'utf8')).toBe(sitesYaml());
    const page = await staff.get(`/staff/campaigns/${campaign.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<td>市直部门<\/td><td>2<\/td>/);
    expect(page.body).toMatch(/<td>区县政府<\/td><td>1<\/td>/);
    expect(page.body).toContain('每个网站最多 40 个页面');
    expect(page.body).toContain('限流等待上限 600 秒');
    expect(page.body).toContain(`action="/staff/campaigns/${campaign.id}/start"`);
    expect((await staff.get('/staff')).body).toContain(`<a href="/staff/campaigns/${campaign.id}">2026年度某市政府网站绩效评估</a>`);
    expect((await staff.get('/staff/campaigns/999')).statusCode).toBe(404);
    expect((await staff.get('/staff/campaigns/abc')).statusCode).toBe(404);
    expect((await staff.get('/staff/no-such-page')).body).toContain('未找到该页面');

    // Marked running (as the runner does): the start button goes, and a second start only shows its progress.
    store.campaigns.update(campaign.id, { state: 'running', runId });
    expect((await staff.get(`/staff/campaigns/${campaign.id}`)).body).not.toContain('/start"');
    const again = await staff.form(`/staff/campaigns/${campaign.id}/start`, {}, '/staff');
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/staff/runs/${runId}/live`);
    store.campaigns.update(campaign.id, { state: 'draft' });
    store.db.prepare('UPDATE campaigns SET run_id = NULL WHERE id = ?').run(campaign.id);
  });

  it('takes the 政务新媒体 register uploaded beside the sites file, and refuses a wrong row of it with its line, keeping nothing', async () => {
    const withRegister = sitesYaml('含新媒体的评估', 'newMedia: 台账.csv\n');
    const campaigns = store.campaigns.list().length;
    expect((await staff.campaign({ text: withRegister })).body).toContain('请在“政务新媒体登记表”中上传该文件');
    const wrong = await staff.campaign({
      text: withRegister,
      register: { name: '台账.csv', content: '网站,平台,账号名称,最后发布日期\njyj,微信公众号,某市教育发布,2026-11-20\n某市环保局,微博,环保,2026-11-01\n' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('政务新媒体登记表 台账.csv 第 3 行');
    expect(store.campaigns.list()).toHaveLength(campaigns);
    const register = '网站,平台,账号名称,最后发布日期\n某市教育局,微信公众号,某市教育发布,2026-11-20\n';
    const response = await staff.campaign({ text: withRegister, register: { name: '台账.csv', content: register } });
    expect(response.statusCode, response.body).toBe(303);
    const campaign = store.campaigns.list()[0]!;
    expect(campaignOptions(campaign).newMedia).toBe('new-media.csv');
    expect(await readFile(join(dir, 'campaigns', String(campaign.id), 'new-media.csv'), 'utf8')).toBe(register);
  });

  it('accepts pasted JSON when no file is chosen', async () => {
    const json = JSON.stringify({
      name: '粘贴的评估',
      asOf: '2026-06-30',
      sites: [{ id: 'a', name: hostile, url: 'https://a.example.gov.cn/', group: hostile }],
    });
    const response = await staff.campaign({ text: json, asOf: '2026-07-01' });
    expect(response.statusCode, response.body).toBe(303);
    const campaign = store.campaigns.list()[0]!;
    expect(campaign).toMatchObject({ name: '粘贴的评估', indicators: 'national-2019', asOf: '2026-07-01' });
    expect(campaign.sitesFile.endsWith('sites.json')).toBe(true);
    const page = (await staff.get(`/staff/campaigns/${campaign.id}`)).body;
    expect(page).not.toContain(hostile);
    expect(page).toContain(escaped);
  });

  it('draws a spot check from the form: the page lists the sites the seed draws, and the run records the same sample', async () => {
    const refused = async (fields: { sample: string; seed?: string }, message: string) => {
      const response = await staff.campaign({ text: sitesYaml('抽查被拒'), ...fields });
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(response.body).toContain(message);
      expect(response.body).toMatch(new RegExp(`<input id="sample"[^>]*value="${fields.sample}"`));
    };
    await refused({ sample: '3' }, '抽查网站数应为 1 到 2 之间的整数（站点文件共 3 个网站；评估全部网站请留空）');
    await refused({ sample: '0' }, '抽查网站数应为 1 到 2 之间的整数');
    await refused({ sample: '1.5' }, '抽查网站数应为 1 到 2 之间的整数');
    await refused({ sample: '', seed: '第四季度' }, '填写了抽样种子，请同时填写抽查网站数');
    expect(store.campaigns.list().some((c) => c.name === '抽查被拒')).toBe(false);

    const seed = '2026年第四季度<抽查>';
    const response = await staff.campaign({ text: sitesYaml('季度抽查'), sample: '2', seed });
    expect(response.statusCode, response.body).toBe(303);
    const campaign = store.campaigns.list().find((c) => c.name === '季度抽查')!;
    expect(campaignOptions(campaign)).toEqual({ sample: 2, seed });
    const file = loadSitesFile(campaign.sitesFile);
    const expected = sampleSites(file.sites, 2, seed).chosen;
    const page = (await staff.get(`/staff/campaigns/${campaign.id}`)).body;
    expect(page).toContain('随机抽查：从 3 个网站中抽取 2 个（抽样种子“2026年第四季度&lt;抽查&gt;”）');
    expect([...page.matchAll(/<li>(\S+?)（(\w+)，/g)].map((m) => m[2])).toEqual(expected.map((s) => s.id));
    expect(page).toContain('抽中 2 个网站，排名在各分组内进行');
    // The run the start button opens draws the same sites and passes the seed to assess.
    expect(planRun({ sitesFile: campaign.sitesFile, ...campaignOptions(campaign) }).sample?.siteIds).toEqual(expected.map((s) => s.id));
    expect(assessArgs({ bin: 'b', sitesFile: 's', dbFile: 'd', out: 'o', ...campaignOptions(campaign) }).slice(-4)).toEqual(['--sample', '2', '--seed', seed]);

    // Without a seed the evaluation date seeds the draw, as on the command line, and the page shows it.
    await staff.campaign({ text: sitesYaml('未填种子的抽查'), sample: '1', asOf: '2026-12-31' });
    const unseeded = store.campaigns.list().find((c) => c.name === '未填种子的抽查')!;
    expect(campaignOptions(unseeded)).toEqual({ asOf: '2026-12-31', sample: 1, seed: '2026-12-31' });
  });

  it('streams a run’s progress: 404 for an unknown run, every site and the end for a finished one', async () => {
    expect((await staff.get('/staff/runs/no-such-run/events')).statusCode).toBe(404);
    expect((await staff.get('/staff/runs/no-such-run/live')).statusCode).toBe(404);
    const response = await staff.get(`/staff/runs/${runId}/events`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = sseEvents(response.body);
    expect(events.filter((e) => e.event === 'site')).toHaveLength(7);
    expect(events.find((e) => e.data['id'] === education)?.data).toMatchObject({ name: '市教育局', state: 'assessed', label: '已评估' });
    expect(events.find((e) => e.event === 'progress')?.data).toEqual({ done: 7, total: 7, etaSeconds: null, eta: '', silent: '' });
    expect(events.at(-1)).toEqual({ event: 'end', data: { finished: true, message: null, review: `/staff/runs/${runId}` } });
    const live = await staff.get(`/staff/runs/${runId}/live`);
    expect(live.body).toContain('进度：<span id="done">7</span> / <span id="total">7</span>');
    expect(live.body).not.toContain('progress.js'); // finished: nothing left to follow
  });

  it('follows a run as it goes: waiting, being crawled, assessed, then the end', async () => {
    const sitesFile = join(dir, 'live-sites.yaml');
    await writeFile(sitesFile, sitesYaml('进行中的评估'));
    const run = openRun(store, planRun({ sitesFile }));
    store.markSiteStarted(run.id, 'jyj');
    store.saveSiteResult(run.id, 'lxq', { status: 'unreachable', statusReason: 'dns', pages: [], observations: {} });
    const live = await staff.get(`/staff/runs/${run.id}/live`);
    expect(live.body).toContain('<script src="/assets/progress.js" defer></script>');
    expect(live.body).toContain(`data-events="/staff/runs/${run.id}/events"`);
    expect(live.body).toMatch(/<tr data-site="jyj">.*<span class="tag running">采集中<\/span>/);
    expect(live.body).toMatch(/<tr data-site="gaj">.*<span class="tag pending">等待<\/span>/);
    expect(live.body).toMatch(/<tr data-site="lxq">.*无法访问.*域名无法解析（dns）/);
    // While the stream is open, the site is saved and the run finishes.
    setTimeout(() => {
      store.saveSiteResult(run.id, 'jyj', { status: 'assessed', statusReason: null, pages: [], observations: {} });
      store.finishRun(run.id);
    }, 300);
    const events = sseEvents((await staff.get(`/staff/runs/${run.id}/events`)).body);
    expect(events.filter((e) => e.data['id'] === 'jyj').map((e) => e.data['state'])).toEqual(['crawling', 'assessed']);
    expect(events.filter((e) => e.data['id'] === 'gaj').map((e) => e.data['state'])).toEqual(['waiting']); // unchanged: sent once
    expect(events.filter((e) => e.event === 'progress').map((e) => e.data)).toEqual([
      { done: 1, total: 3, etaSeconds: null, eta: '', silent: '' },
      { done: 2, total: 3, etaSeconds: null, eta: '', silent: '' },
    ]);
    expect(events.at(-1)?.event).toBe('end');
  });

  /** A run of three sites with jyj in flight, and the figures an assess process would write for it from another process (server/collect/progress-publisher.ts). */
  async function runInFlight(file: string, name: string, startedAgoMs: number, writtenAt = new Date()) {
    const sitesFile = join(dir, file);
    await writeFile(sitesFile, sitesYaml(name));
    const run = openRun(store, planRun({ sitesFile }));
    store.markSiteStarted(run.id, 'jyj');
    const sites = [{ siteId: 'jyj', name: '某市教育局', startedAt: Date.now() - startedAgoMs, phase: 'crawl' as const, pagesRead: 57 }];
    store.progress.save(run.id, { total: 3, done: 0, eta: 250, budget: 500, sites }, writtenAt);
    return run;
  }

  it('shows the figures the collecting process writes to the store: each site’s phase, pages of the budget and time, the time left', async () => {
    const run = await runInFlight('figures-sites.yaml', '有进度数字的评估', 42_000);
    const live = (await staff.get(`/staff/runs/${run.id}/live`)).body;
    expect(live).toMatch(/<tr data-site="jyj">.*<td class="reason">栏目与文章，已读取 57\/500 个页面，已用 0:4\d<\/td>/);
    expect(live).toContain('个网站<span id="eta">，预计还需 4:10</span>');
    expect(live).toMatch(/<p id="silent" class="warn" hidden><\/p>/);
    // The stream sends them, the site's again as its time goes on, until the run ends.
    setTimeout(() => {
      store.saveSiteResult(run.id, 'jyj', { status: 'assessed', statusReason: null, pages: [], observations: {} });
      store.progress.clear(run.id);
      store.finishRun(run.id);
    }, 1500);
    const events = sseEvents((await staff.get(`/staff/runs/${run.id}/events`)).body);
    const jyj = events.filter((e) => e.data['id'] === 'jyj').map((e) => e.data);
    expect(jyj[0]).toMatchObject({
      state: 'crawling',
      live: { phase: '栏目与文章', pagesRead: 57, budget: 500, text: expect.stringMatching(/^栏目与文章，已读取 57\/500 个页面，已用 0:4\d$/) },
    });
    expect((jyj[0]!['live'] as { elapsedSeconds: number }).elapsedSeconds).toBeGreaterThanOrEqual(42);
    expect(jyj.length).toBeGreaterThanOrEqual(3); // 42 s, 43 s, then assessed
    expect(jyj.at(-1)).toMatchObject({ state: 'assessed', live: null });
    expect(events.find((e) => e.event === 'progress')?.data).toEqual({ done: 0, total: 3, etaSeconds: 250, eta: '预计还需 4:10', silent: '' });
    expect(events.at(-1)?.event).toBe('end');
  });

  it('does not show as live the figures of a process that stopped writing them: the page says it went silent', async () => {
    const run = await runInFlight('silent-sites.yaml', '进程已停止的评估', 600_000, new Date(Date.now() - 5 * 60_000));
    const live = (await staff.get(`/staff/runs/${run.id}/live`)).body;
    expect(live).not.toContain('已读取');
    expect(live).not.toContain('预计还需');
    expect(live).toMatch(/<p id="silent" class="warn">采集进程自 \d{4}-\d\d-\d\d \d\d:\d\d 起未再报告进度，可能已停止。/);
    setTimeout(() => store.finishRun(run.id), 300);
    const events = sseEvents((await staff.get(`/staff/runs/${run.id}/events`)).body);
    expect(events.find((e) => e.data['id'] === 'jyj')?.data).toMatchObject({ state: 'crawling', live: null });
    expect(events.find((e) => e.event === 'progress')?.data).toMatchObject({ etaSeconds: null, eta: '', silent: expect.stringContaining('未再报告进度') });
  });

  it('a reviewer’s override changes the site’s score on the review page; bad input re-renders the form', async () => {
    const review = await staff.get(`/staff/runs/${runId}`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain(`<a href="/staff/runs/${runId}/sites/${education}">市教育局</a></td><td>82.75</td>`);
    const site = await staff.get(`/staff/runs/${runId}/sites/${education}`);
    expect(site.statusCode).toBe(200);
    expect(site.body).toContain(`action="/staff/runs/${runId}/overrides"`);
    expect(site.body).toContain('<option value="R5">');
    const from = `/staff/runs/${runId}/sites/${education}`;
    const noReason = await staff.form(`/staff/runs/${runId}/overrides`, { siteId: education, indicator: 'R5', points: '20', reason: '' }, from);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请填写复核理由');
    const tooMany = await staff.form(`/staff/runs/${runId}/overrides`, { siteId: education, indicator: 'R5', points: '25', reason: '核实省办采用记录' }, from);
    expect(tooMany.body).toContain('R5 的分数应在 0 到 20 之间');
    expect(
      (await staff.form(`/staff/runs/${runId}/overrides`, { siteId: education, indicator: 'R5', points: '20', reason: '核实省办采用记录' })).statusCode,
    ).toBe(403);
    expect(store.overrides.history(runId)).toEqual([]);

    const done = await staff.form(
      `/staff/runs/${runId}/overrides`,
      { siteId: education, indicator: 'R5', points: '20', reason: '核实省办采用记录，另有2条' },
      from,
    );
    expect(done.statusCode, done.body).toBe(303);
    expect(done.headers.location).toBe(from);
    // 82.75 − 18.75 + 20 = 84.
    expect((await staff.get(`/staff/runs/${runId}`)).body).toContain(`市教育局</a></td><td>84</td>`);
    const after = (await staff.get(from)).body;
    expect(after).toContain('人工复核');
    expect(after).toContain('核实省办采用记录，另有2条');
    expect(store.reviews.auditTrail().map((a) => a.action)).toContain('override-added');
    expect((await staff.get(`/staff/runs/${runId}/sites/no-such-site`)).statusCode).toBe(404);
    expect((await staff.get(`/staff/runs/${runId}/sites/BAD_ID`)).statusCode).toBe(404);
  });

  it('publishing makes the run public', async () => {
    expect((await browser(app).get(`/runs/${runId}`)).statusCode).toBe(404);
    expect((await staff.form(`/staff/runs/${runId}/publish`, {})).statusCode).toBe(403);
    const published = await staff.form(`/staff/runs/${runId}/publish`, {}, `/staff/runs/${runId}`);
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`/staff/runs/${runId}`);
    expect((await browser(app).get(`/runs/${runId}`)).statusCode).toBe(200);
    const review = (await staff.get(`/staff/runs/${runId}`)).body;
    expect(review).toContain(`<a href="/runs/${runId}">公开页面</a>`);
    expect(review).not.toContain(`action="/staff/runs/${runId}/publish"`);
    expect(store.reviews.auditTrail().map((a) => a.action)).toContain('publish');
  });

  it('escapes hostile names on every page', async () => {
    const pages = ['/staff', `/staff/runs/${hostileRunId}`, `/staff/runs/${hostileRunId}/live`, `/staff/runs/${hostileRunId}/sites/${finance}`];
    for (const url of pages) {
      const response = await staff.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain(hostile);
      expect(response.body, url).toContain(escaped);
      expect(response.headers['content-security-policy'], url).toContain("script-src 'self'");
    }
  });

  it('builds the assess command line and records how the process ended', async () => {
    expect(assessArgs({ bin: '/repo/bin/govscore.js', sitesFile: '/d/campaigns/1/sites.yaml', dbFile: '/d/govscore.db', out: '/d/runs/r1' })).toEqual([
      '/repo/bin/govscore.js',
      'assess',
      '/d/campaigns/1/sites.yaml',
      '--db',
      '/d/govscore.db',
      '--out',
      '/d/runs/r1',
    ]);
    expect(
      assessArgs({
        bin: 'b',
        sitesFile: 's',
        dbFile: 'd',
        out: 'o',
        indicators: 'annual-performance',
        asOf: '2026-12-31',
        maxPages: 40,
        rateLimitPatience: 600,
      }),
    ).toEqual([
      'b',
      'assess',
      's',
      '--db',
      'd',
      '--out',
      'o',
      '--indicators',
      'annual-performance',
      '--as-of',
      '2026-12-31',
      '--max-pages',
      '40',
      '--rate-limit-patience',
      '600',
    ]);

    // A stand-in for bin/govscore.js: prints its arguments, then fails like a bad sites file does.
    const fake = join(dir, 'fake-govscore.mjs');
    await writeFile(
      fake,
      "console.log(JSON.stringify(process.argv.slice(2)));\nconsole.error('sites.yaml:3: indicators: cannot be read');\nprocess.exit(Number(process.env.FAKE_EXIT ?? 2));\n",
    );
    const folder = join(dir, 'runner');
    await mkdir(folder, { recursive: true });
    const sitesFile = join(folder, 'sites.yaml');
    await writeFile(sitesFile, sitesYaml('子进程测试'));
    saveCampaignOptions(sitesFile, { maxPages: 40 });
    const user = await store.accounts.add({ login: 'runner', name: '评估办李四', role: 'evaluator', password });
    const campaign = store.campaigns.add({ name: '子进程测试', sitesFile, indicators: 'national-2019', asOf: '2026-11-21', userId: user.id });
    const runner = new CampaignRunner({ store, dbFile: db, dataDir: dir, bin: fake });
    const run = runner.start(campaign, user.id);
    expect(runner.isRunning(campaign.id)).toBe(true);
    expect(store.campaigns.get(campaign.id)).toMatchObject({ state: 'running', runId: run.id });
    await runner.settled(campaign.id);
    expect(store.campaigns.get(campaign.id)).toMatchObject({ state: 'failed', message: 'sites.yaml:3: indicators: cannot be read' });
    const log = await readFile(join(folder, 'assess.log'), 'utf8');
    expect(JSON.parse(log.split('\n')[0]!)).toEqual(['assess', sitesFile, '--db', db, '--out', join(dir, 'runs', run.id), '--max-pages', '40']);
    expect(store.reviews.auditTrail().find((a) => a.action === 'campaign-started')?.target).toBe(`run:${run.id}`);
    // The live page says so and offers to start again.
    const live = (await staff.get(`/staff/runs/${run.id}/live`)).body;
    expect(live).toContain('sites.yaml:3: indicators: cannot be read');
    expect(sseEvents((await staff.get(`/staff/runs/${run.id}/events`)).body).at(-1)).toMatchObject({ event: 'end', data: { finished: false } });

    process.env['FAKE_EXIT'] = '0';
    try {
      runner.start(store.campaigns.get(campaign.id)!, user.id);
      await runner.settled(campaign.id);
    } finally {
      delete process.env['FAKE_EXIT'];
    }
    expect(store.campaigns.get(campaign.id)).toMatchObject({ state: 'finished', message: null });
    await runner.close();
  });
});
