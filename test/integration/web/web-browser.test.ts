import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { runAxe } from '../../../evaluators/collect/axe.js';
import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';
import { buildApp } from '../../../server/app/app.js';
import { campaignOptions, saveCampaignOptions } from '../../../server/app/web/campaign-runner.js';
import { Store } from '../../../server/store/store.js';
import { tempDir } from '../cli-helpers.js';

/**
 * The web app clicked through in Chromium, as its users would: staff create a campaign on the sample
 * portals, start it, watch it, publish; a department reads its breakdown, sees a finding's screenshot and
 * appeals with an attachment; staff accept; the department sees the new score, the public still sees the
 * published one until staff publish a correction (更正), after which both versions can be read. Every page visited is checked with axe (no serious or
 * critical violation) and at a phone's width. GOVSCORE_SCREENSHOTS=<dir> keeps a screenshot of each page.
 */
const password = 'correct horse battery';
const shots = process.env['GOVSCORE_SCREENSHOTS'] ?? null;

describe('the web app in a real browser', () => {
  let set: RunningPortalSet;
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const axeFindings: string[] = [];

  beforeAll(async () => {
    dir = await tempDir('web');
    set = await startPortalSet({ asOf: '2026-11-21', seed: 'web-test' });
    const db = join(dir, 'govscore.db');
    store = new Store(db);
    await store.accounts.add({ login: 'staff', name: '评估办王五', role: 'evaluator', password });
    await store.accounts.add({ login: 'edu', name: '教育局网站管理员', role: 'department', password, sites: ['jyj'] });
    await store.accounts.add({ login: 'gov', name: '市政府办公室', role: 'department', password, sites: ['zfw'] });
    app = await buildApp({ store, dbFile: db, dataDir: dir });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    if (shots) await mkdir(shots, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    store?.close();
    await set?.close();
  });

  /** Checks the page with axe: serious and critical violations are collected (and must stay none). */
  async function check(page: Page, name: string): Promise<void> {
    const result = await runAxe(page);
    expect(result, `axe ran on ${name}`).not.toBeNull();
    // The app aims at WCAG 2.x AA: AAA rules (enhanced contrast), which axe runs now that every rule runs, are not counted.
    for (const v of result!.violations)
      // WCAG A/AA and best practices (what the app claims); AAA rules such as enhanced contrast are not claimed.
      if (v.level !== 'AAA' && (v.impact === 'serious' || v.impact === 'critical'))
        axeFindings.push(`${name}: ${v.rule} (${v.impact}) ${v.examples?.[0]?.html ?? ''}`);
    if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }

  async function loginAs(context: BrowserContext, login: string): Promise<Page> {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${base}/login`);
    await page.type('#login', login);
    await page.type('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    return page;
  }

  const text = (page: Page) => page.evaluate(() => document.body.innerText);

  it('staff create a campaign, run it, watch it and publish; a department opens a finding’s screenshot and appeals; staff accept and publish a correction', async () => {
    // The login page itself, before anyone logs in.
    const anon = await browser.createBrowserContext();
    const loginPage = await anon.newPage();
    await loginPage.goto(`${base}/login`);
    await check(loginPage, 'web-login');

    const staffContext = await browser.createBrowserContext();
    const staff = await loginAs(staffContext, 'staff');
    expect(new URL(staff.url()).pathname).toBe('/staff');
    await check(staff, 'web-staff-home');

    // A campaign of two sample portals, pasted as YAML the way staff write it.
    const sites = ['zfw', 'jyj'].map((id) => ({ id, name: set.get(id).name, url: set.get(id).url, group: id === 'zfw' ? '市县政府' : '市直部门' }));
    await staff.goto(`${base}/staff/campaigns/new`);
    await check(staff, 'web-campaign-new');
    await staff.type('textarea', stringify({ name: '浏览器测试评估', asOf: set.asOf, indicators: 'national-2019', sites }));
    await staff.type('#maxPages', '8');
    await Promise.all([staff.waitForNavigation(), staff.click('form.card button[type=submit]')]);
    expect(await text(staff)).toContain('市直部门');
    await check(staff, 'web-campaign');
    // The form has no Lighthouse field; the run goes without it, as a scheduled campaign may ask
    // (lighthouse.test.ts tests Lighthouse, and its first run in a process costs up to a minute of loading).
    const [campaign] = store.campaigns.list();
    saveCampaignOptions(campaign!.sitesFile, { ...campaignOptions(campaign!), lighthousePages: 0 });

    // Started, then watched live until the run is done.
    await Promise.all([staff.waitForNavigation(), staff.click('form[action$="/start"] button')]);
    expect(new URL(staff.url()).pathname).toMatch(/\/staff\/runs\/[^/]+\/live$/);
    const runId = new URL(staff.url()).pathname.split('/')[3]!;
    // The assess process's figures reach the page through the store and the event stream: a site's phase and pages.
    await staff.waitForFunction(() => /已读取 \d+/.test(document.querySelector('#sites')?.textContent ?? ''), { timeout: 120_000, polling: 250 });
    await check(staff, 'web-live');
    await staff.waitForFunction(() => document.body.innerText.includes('评估已完成'), { timeout: 600_000, polling: 1000 });
    expect(await text(staff)).toContain(set.get('jyj').name);

    // Reviewed and published: the public page shows the ranking and draws its chart.
    await staff.goto(`${base}/staff/runs/${runId}`);
    await check(staff, 'web-review');
    await Promise.all([staff.waitForNavigation(), staff.click('form[action$="/publish"] button')]);
    const publicPage = await anon.newPage();
    await publicPage.goto(`${base}/runs/${runId}`);
    await publicPage.waitForSelector('.chart[data-drawn="1"]', { timeout: 30_000 });
    expect(await text(publicPage)).toContain(set.get('zfw').name);
    const png = await publicPage.evaluate(() =>
      (document.querySelector('.chart') as HTMLElement & { vegaView: { toImageURL(type: string, scale: number): Promise<string> } }).vegaView.toImageURL(
        'png',
        2,
      ),
    );
    expect(png.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(png.split(',')[1]!, 'base64').length).toBeGreaterThan(5000);
    await check(publicPage, 'web-public-ranking');
    /** The score the public page shows for a site, read from its table. */
    const publicScore = (name: string) =>
      publicPage.$$eval(
        'table tbody tr',
        (rows, n) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)).find((c) => c[1] === n)?.[2],
        name,
      );
    const publishedScore = await publicScore(set.get('jyj').name);
    expect(publishedScore).toMatch(/^\d/);

    // The department: its own site only, the breakdown, an appeal with an attachment.
    const eduContext = await browser.createBrowserContext();
    const edu = await loginAs(eduContext, 'edu');
    expect(new URL(edu.url()).pathname).toBe('/department');
    expect(await text(edu)).toContain(set.get('jyj').name);
    expect(await text(edu)).not.toContain(set.get('zfw').name);
    await check(edu, 'web-department-home');
    const api = async (page: Page, path: string) => page.evaluate(async (u) => (await fetch(u)).json(), path);
    const before = (await api(edu, `/api/department/runs/${runId}/sites/jyj`)) as {
      score: { score: number; indicators: Array<{ id: string; score: number | null; max: number | null; status: string }> };
    };
    const lost = before.score.indicators.find((i) => i.status === 'deducted' && i.max !== null && i.score !== null && i.score < i.max);
    expect(lost, 'the sample 教育局 loses points somewhere').toBeTruthy();
    await edu.goto(`${base}/department/runs/${runId}/sites/jyj`);
    await check(edu, 'web-department-site');
    // A finding with its evidence: the page it was found on and its screenshot, which loads for the department…
    const shown = await edu.$$eval('img.shot', (imgs) =>
      imgs.map((i) => ({ src: (i as HTMLImageElement).src, width: (i as HTMLImageElement).naturalWidth, finding: i.closest('li')?.textContent ?? '' })),
    );
    expect(shown.length, 'findings with a screenshot on the department page').toBeGreaterThan(0);
    for (const s of shown) {
      expect(s.width, `${s.src} loads`).toBeGreaterThan(0);
      expect(s.finding, 'the finding names its page').toContain('网址');
    }
    // … and not for another department.
    const govContext = await browser.createBrowserContext();
    const gov = await loginAs(govContext, 'gov');
    expect((await gov.goto(shown[0]!.src))!.status()).toBe(404);
    // The accessibility section of its own site: criteria with their fixes, every page linked is the site's own.
    expect(await edu.$eval('section#a11y h2', (h) => h.textContent)).toBe('无障碍问题与整改方法');
    expect(await edu.$$eval('section#a11y .advice', (ps) => ps.length)).toBeGreaterThan(0);
    const pagesLinked = await edu.$$eval('section#a11y table.a11y-templates a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(pagesLinked.length).toBeGreaterThan(0);
    for (const href of pagesLinked) expect(new URL(href).origin).toBe(new URL(set.get('jyj').url).origin);
    await edu.select('select[name=indicator]', lost!.id);
    await edu.type('textarea[name=text]', '该栏目已于评估日前更新，附更新记录截图，请复核。');
    const attachment = join(dir, '更新记录.pdf');
    await writeFile(attachment, '%PDF-1.4\n% govscore test attachment\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const upload = await edu.$('input[type=file]');
    await upload!.uploadFile(attachment);
    await Promise.all([edu.waitForNavigation(), edu.click('#appeal-form button[type=submit], form[enctype="multipart/form-data"] button[type=submit]')]);
    expect(await text(edu)).toContain('待处理');

    // Crossing the line in the address bar: another department's site is not found.
    const other = await edu.goto(`${base}/department/runs/${runId}/sites/zfw`);
    expect(other!.status()).toBe(404);

    // Staff accept the appeal; the department's score goes up by what the indicator had lost.
    await staff.goto(`${base}/staff/appeals`);
    expect(await text(staff)).toContain('更新记录.pdf');
    await check(staff, 'web-staff-appeals');
    await staff.type('form[action$="/accept"] textarea, form[action$="/accept"] input[name=reason]', '核实属实，予以采纳。');
    await Promise.all([staff.waitForNavigation(), staff.click('form[action$="/accept"] button[type=submit]')]);
    const after = (await api(edu, `/api/department/runs/${runId}/sites/jyj`)) as typeof before;
    expect(after.score.score).toBeGreaterThan(before.score.score);
    await edu.goto(`${base}/department/runs/${runId}/sites/jyj`);
    expect(await text(edu)).toContain('已采纳');

    // The published ranking does not move: the public still sees version 1 …
    await publicPage.reload();
    expect(await publicScore(set.get('jyj').name)).toBe(publishedScore);
    // … until staff publish the change as a correction (更正) with its note.
    await staff.goto(`${base}/staff/runs/${runId}`);
    expect(await text(staff)).toContain('待发布的更正');
    expect(await text(staff)).toContain(`得分 ${publishedScore} → ${after.score.score}`);
    await check(staff, 'web-review-correction');
    const note = '经核实，教育局网站相关栏目在评估期内已更新，采纳申诉并更正得分。';
    await staff.type('#note', note);
    await Promise.all([staff.waitForNavigation(), staff.click('#correction button[type=submit]')]);
    expect(await text(staff)).toContain('已发布第 2 版');
    // The run's files were older than the correction: they are rewritten from the corrected scores, so the
    // downloads match what was published.
    expect(await text(staff)).toContain('正在按当前评分重新生成报告文件');
    // While the rewrite runs the page says so; when it ends the files must match the corrected scores (not the
    // stale warning, which a rewrite started before the correction and not run again would leave).
    for (let waited = 0; (await text(staff)).includes('正在按当前评分重新生成报告文件'); waited += 2) {
      expect(waited, 'the rewrite ends within 10 minutes').toBeLessThan(600);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await staff.reload();
    }
    expect(await text(staff)).not.toContain('重新生成报告文件未成功');
    expect(await text(staff)).toContain('与当前评分一致');
    const csv = (await staff.evaluate(async (u) => (await fetch(u)).text(), `/files/${runId}/ranking.csv`)) as string;
    const jyjLine = csv.split(/\r?\n/).find((l) => l.includes(set.get('jyj').name));
    expect(jyjLine).toContain(`,${after.score.score},`);
    await publicPage.goto(`${base}/runs/${runId}`);
    expect(await publicScore(set.get('jyj').name)).toBe(String(after.score.score));
    expect(await text(publicPage)).toContain(note);
    expect(await text(publicPage)).toContain(`得分 ${publishedScore} → ${after.score.score}`);
    await check(publicPage, 'web-public-versions');
    // The first version stays readable as it was, marked as corrected.
    await Promise.all([publicPage.waitForNavigation(), publicPage.click('#versions a[href$="version=1"]')]);
    expect(await publicScore(set.get('jyj').name)).toBe(publishedScore);
    expect(await text(publicPage)).toContain('这是已被更正的第 1 版');

    // At a phone's width the department page has no sideways scrolling of the page itself.
    await edu.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await edu.reload();
    const overflow = await edu.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await check(edu, 'web-department-site-phone');

    expect(axeFindings).toEqual([]);
  }, 900_000);

  it('keeps the attachment bytes as sent', async () => {
    const rows = store.db.prepare('SELECT attachment_path FROM appeals WHERE attachment_path IS NOT NULL').pluck().all() as string[];
    expect(rows.length).toBe(1);
    const stored = await readFile(join(dir, rows[0]!), 'utf8');
    expect(stored.startsWith('%PDF-1.4')).toBe(true);
  });
});
