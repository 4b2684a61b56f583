import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { load } from 'cheerio';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AxePageResult } from '../../../evaluators/collect/axe.js';
import type { PageCheckResult } from '../../../evaluators/collect/page-checks.js';
import { buildApp } from '../../../server/app/app.js';
import { importTable } from '../../../server/cli/import.js';
import { Store } from '../../../server/store/store.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const fixtures = new URL('../../fixtures/reporting/', import.meta.url).pathname;
const education = '11370100012'; // 市教育局: R5 (adoption rate) 18.75 of 20, 82.75 in all
const police = '11370100020'; // 市公安局
const password = 'correct horse battery';
// A JPEG's first bytes are enough for the evidence route, which serves files as they are.
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A browser over inject that also reads the CSRF token from the form it submits. */
function browser(app: FastifyInstance) {
  const b = injectBrowser(app, password);
  return {
    ...b,
    /** The `_csrf` of the form on `page` that posts to `action` (undefined when there is no such form). */
    token: async (page: string, action: string) => load((await b.get(page)).body)(`form[action="${action}"] input[name=_csrf]`).val() as string | undefined,
  };
}
type Browser = ReturnType<typeof browser>;

const text = (response: LightMyRequestResponse) => load(response.body)('main').text();

describe('department pages, appeals with attachments, staff appeal handling, evidence', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let runId: string;
  let edu: Browser, cops: Browser, staff: Browser, anyone: Browser;
  const page = (siteId: string, run = runId) => `/department/runs/${run}/sites/${siteId}`;
  const appealUrl = (siteId: string, run = runId) => `${page(siteId, run)}/appeals`;
  /** Files an appeal through the page's form, as the department's browser does. */
  const fileAppeal = async (who: Browser, siteId: string, fields: Array<[string, string | File]>) =>
    who.multipart(appealUrl(siteId), [['_csrf', (await who.token(page(siteId), appealUrl(siteId)))!], ...fields]);
  const appealCount = () => store.reviews.appeals(runId).length;

  beforeAll(async () => {
    dir = await tempDir('web-department');
    const db = join(dir, 'govscore.db');
    const [run] = await importTable({
      table: join(fixtures, 'city-2026q3-utf8.csv'),
      db,
      indicators: 'info-reporting',
      out: join(dir, 'out'),
      log: () => undefined,
    });
    runId = run!.runId;
    store = new Store(db);
    // A run still going: its results are nobody's business yet.
    store.createRun(
      {
        id: 'still-running',
        key: 'still-running',
        name: '进行中的评估',
        asOf: '2026-12-31',
        sitesFile: '',
        sitesSha256: '',
        indicators: 'info-reporting',
        options: {},
      },
      [{ siteId: education, position: 0, name: '市教育局', url: '', group: '市直部门', services: false, level: 'department' }],
    );
    for (const [run_, site] of [
      [runId, education],
      [runId, police],
      ['still-running', education],
    ] as const) {
      await mkdir(join(dir, 'evidence', run_, site), { recursive: true });
      await writeFile(join(dir, 'evidence', run_, site, 'x.jpg'), jpeg);
    }
    await store.accounts.add({ login: 'staff', name: '评估办张三', role: 'evaluator', password });
    await store.accounts.add({ login: 'edu', name: '市教育局', role: 'department', password, sites: [education] });
    await store.accounts.add({ login: 'police', name: '市公安局', role: 'department', password, sites: [police] });
    app = await buildApp({ store, dbFile: db, dataDir: dir });
    [edu, cops, staff, anyone] = [browser(app), browser(app), browser(app), browser(app)];
    await edu.login('edu');
    await cops.login('police');
    await staff.login('staff');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  it('shows a department its own sites’ history and breakdown, never another site’s name or score', async () => {
    const mine = await edu.get('/department');
    expect(mine.statusCode).toBe(200);
    expect(
      load(mine.body)('tbody tr')
        .first()
        .find('td')
        .map((_, td) => load(td).text())
        .get(),
    ).toEqual(['city-2026q3-utf8（2026-Q3）', '2026-09-30', '82.75', '良好', '3 / 5', '—']);
    expect(mine.body).not.toContain('市公安局');
    const breakdown = await edu.get(page(education));
    expect(breakdown.statusCode).toBe(200);
    const $ = load(breakdown.body);
    expect($('main').text()).toContain('82.75');
    expect($('main').text()).toContain('整改建议');
    for (const other of ['市公安局', '市发展和改革委员会', '62.38']) expect(breakdown.body).not.toContain(other);
    // The appeal form: indicators with findings first, every field labelled, the CSRF token the first field.
    expect($('#appeal-indicator option').first().val()).toBe('R5');
    for (const id of ['appeal-indicator', 'appeal-text', 'appeal-file']) expect($(`label[for=${id}]`)).toHaveLength(1);
    expect($('form[enctype="multipart/form-data"] input').first().attr('name')).toBe('_csrf');
    // No report file of the run in this service's data folder: no download offered.
    expect($('a[download]')).toHaveLength(0);
  });

  it('offers the department its own report as the run wrote it, once the file is in the run’s folder, and it downloads', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    await mkdir(join(dir, 'runs', runId, 'departments'), { recursive: true });
    await writeFile(join(dir, 'runs', runId, 'departments', `${education}.pdf`), pdf);
    const $ = load((await edu.get(page(education))).body);
    const href = $('a[download]').attr('href');
    expect([href, $('a[download]').text()]).toEqual([`/files/${runId}/departments/${education}.pdf`, '下载本单位评估报告（PDF）']);
    const file = await edu.get(href!);
    expect([file.statusCode, file.rawPayload.equals(pdf), file.headers['content-disposition']?.startsWith('attachment;')]).toEqual([200, true, true]);
  });

  it('answers 404 for another department’s site, an unknown or unfinished run, and a malformed id — the same page each time', async () => {
    for (const url of [page(police), page('no-such-site'), page(education, 'no-such-run'), page(education, 'still-running'), page('BAD!id')]) {
      const response = await edu.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(text(response)).toContain('未找到该网站的评估结果');
    }
    // The JSON API agrees about the unfinished run.
    expect((await edu.get(`/api/department/runs/still-running/sites/${education}`)).statusCode).toBe(404);
  });

  it('refuses an appeal on another department’s site through the URL, with a valid token of the department’s own form', async () => {
    const before = appealCount();
    const token = (await edu.token(page(education), appealUrl(education)))!;
    const response = await edu.multipart(appealUrl(police), [
      ['_csrf', token],
      ['indicator', 'R5'],
      ['text', '我们替公安局申诉一下'],
      ['attachment', new File([pdf], 'a.pdf')],
    ]);
    expect(response.statusCode).toBe(404);
    expect(appealCount()).toBe(before);
  });

  it('refuses a multipart appeal without a valid CSRF token (403) and stores nothing', async () => {
    const before = appealCount();
    const fields: Array<[string, string | File]> = [
      ['indicator', 'R5'],
      ['text', '没有令牌的申诉内容'],
      ['attachment', new File([pdf], 'a.pdf')],
    ];
    expect((await edu.multipart(appealUrl(education), fields)).statusCode).toBe(403);
    expect((await edu.multipart(appealUrl(education), [['_csrf', 'forged-token'], ...fields])).statusCode).toBe(403);
    // A token from another browser's session does not count either.
    const theirs = (await cops.token(page(police), appealUrl(police)))!;
    expect((await edu.multipart(appealUrl(education), [['_csrf', theirs], ...fields])).statusCode).toBe(403);
    expect(appealCount()).toBe(before);
  });

  it('refuses a disallowed attachment with a clear message and keeps what was typed', async () => {
    const before = appealCount();
    const exe = await fileAppeal(edu, education, [
      ['indicator', 'R5'],
      ['text', '附上程序文件'],
      ['attachment', new File([Buffer.from('MZ\x90\x00')], 'tool.exe')],
    ]);
    expect(exe.statusCode).toBe(415);
    expect(load(exe.body)('[role=alert]').text()).toContain('不接受 .exe 文件');
    const disguised = await fileAppeal(edu, education, [
      ['indicator', 'R5'],
      ['text', '附上一个网页冒充的PDF'],
      ['attachment', new File(['<html><script>alert(1)</script></html>'], '证明.pdf', { type: 'application/pdf' })],
    ]);
    expect(disguised.statusCode).toBe(415);
    expect(load(disguised.body)('[role=alert]').text()).toContain('不是 PDF 文件');
    expect(load(disguised.body)('#appeal-text').text()).toBe('附上一个网页冒充的PDF');
    const short = await fileAppeal(edu, education, [
      ['indicator', 'R5'],
      ['text', '太短'],
    ]);
    expect(short.statusCode).toBe(400);
    expect(appealCount()).toBe(before);
  });

  let appealId: number;

  it('files an appeal with an attachment; the department and staff download the same bytes, as a download', async () => {
    const filed = await fileAppeal(edu, education, [
      ['indicator', 'R5'],
      ['text', '三季度另有2条被省办采用，未计入'],
      ['attachment', new File([pdf], '省办采用证明 (1).pdf', { type: 'text/html' })],
    ]);
    expect(filed.statusCode, filed.body).toBe(303);
    expect(filed.headers.location).toMatch(new RegExp(`^${page(education)}\\?submitted=\\d+#my-appeals$`));
    appealId = Number(/submitted=(\d+)/.exec(String(filed.headers.location))![1]);
    const appeal = store.reviews.getAppeal(appealId)!;
    // Stored under the appeal's id with a random name; the sent name is only data; the type is ours, not the browser's.
    expect(appeal.attachment).toMatchObject({ name: '省办采用证明 (1).pdf', type: 'application/pdf', bytes: pdf.length });
    expect(appeal.attachment!.path).toMatch(new RegExp(`^appeals/${appealId}/[0-9a-f]{24}\\.pdf$`));
    expect(await readdir(join(dir, 'appeals', String(appealId)))).toEqual([appeal.attachment!.path.split('/').pop()]);
    expect(store.reviews.auditTrail(`appeal:${appealId}`).map((a) => a.action)).toEqual(['appeal']);

    const shown = await edu.get(String(filed.headers.location));
    expect(load(shown.body)('[role=status]').text()).toContain(`#${appealId}`);
    expect(load(shown.body)('#my-appeals').parent().text()).toContain('省办采用证明 (1).pdf');

    for (const [who, url] of [
      [edu, `/department/appeals/${appealId}/attachment`],
      [staff, `/staff/appeals/${appealId}/attachment`],
    ] as const) {
      const download = await who.get(url);
      expect(download.statusCode, url).toBe(200);
      expect(download.rawPayload.equals(pdf)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="________1_.pdf"; filename*=UTF-8''${encodeURIComponent('省办采用证明 ')}%281%29.pdf`,
      );
    }
    const list = await staff.get('/staff/appeals');
    expect(load(list.body)(`a[href="/staff/appeals/${appealId}/attachment"]`).text()).toBe('省办采用证明 (1).pdf');
    // A stored type outside the allow-list (an older row, a hand edit) is never sent as such.
    store.db.prepare("UPDATE appeals SET attachment_type = 'text/html' WHERE id = ?").run(appealId);
    expect((await staff.get(`/staff/appeals/${appealId}/attachment`)).headers['content-type']).toBe('application/octet-stream');
  });

  it('never lets a department download another’s attachment, nor staff pages, nor the public anything', async () => {
    expect((await cops.get(`/department/appeals/${appealId}/attachment`)).statusCode).toBe(404);
    expect((await cops.get('/department/appeals/999999/attachment')).statusCode).toBe(404);
    expect((await edu.get('/staff/appeals')).statusCode).toBe(403);
    expect((await edu.get(`/staff/appeals/${appealId}/attachment`)).statusCode).toBe(403);
    expect((await edu.form(`/staff/appeals/${appealId}/accept`, { reason: '自己采纳自己的申诉' })).statusCode).toBe(403);
    expect(store.reviews.getAppeal(appealId)!.status).toBe('open');
    expect((await anyone.get(`/department/appeals/${appealId}/attachment`)).statusCode).toBe(303);
    expect((await anyone.get('/staff/appeals')).headers.location).toBe('/login?next=%2Fstaff%2Fappeals');
    expect((await anyone.get('/department')).statusCode).toBe(303);
  });

  it('serves evidence screenshots to staff and the site’s department only', async () => {
    const own = await edu.get(`/evidence/${runId}/${education}/x.jpg`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(jpeg)).toBe(true);
    expect(own.headers['content-type']).toBe('image/jpeg');
    expect(own.headers['cache-control']).toMatch(/^private/);
    expect((await staff.get(`/evidence/${runId}/${police}/x.jpg`)).statusCode).toBe(200);
    expect((await edu.get(`/evidence/${runId}/${police}/x.jpg`)).statusCode).toBe(404);
    expect((await edu.get(`/evidence/still-running/${education}/x.jpg`)).statusCode).toBe(404);
    for (const bad of ['..%2F..%2Fgovscore.db', 'x.exe', 'missing.jpg', '%2e%2e'])
      expect((await edu.get(`/evidence/${runId}/${education}/${bad}`)).statusCode, bad).toBe(404);
    // The public never, published run or not.
    expect((await anyone.get(`/evidence/${runId}/${education}/x.jpg`)).statusCode).toBe(401);
  });

  it('escapes a hostile appeal text on the staff page', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    expect(
      (
        await fileAppeal(cops, police, [
          ['indicator', 'R5'],
          ['text', hostile],
          ['attachment', new File([''], '')],
        ])
      ).statusCode,
    ).toBe(303);
    const list = await staff.get('/staff/appeals');
    expect(list.body).not.toContain('<script>alert(1)');
    expect(list.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(load(list.body)('main img, main script')).toHaveLength(0);
  });

  it('staff accept an appeal through the form: the department’s shown score goes from 82.75 to 84', async () => {
    const scoreShown = async () => load((await edu.get(page(education))).body)('table.summary strong').text();
    expect(await scoreShown()).toBe('82.75');
    const action = `/staff/appeals/${appealId}/accept`;
    expect((await staff.form(action, { reason: '没有令牌' })).statusCode).toBe(403);
    expect(store.reviews.getAppeal(appealId)!.status).toBe('open');
    const token = (await staff.token('/staff/appeals', action))!;
    const accepted = await staff.form(action, { _csrf: token, reason: '核实省办采用记录，申诉成立', points: '' });
    expect(accepted.statusCode, accepted.body).toBe(303);
    expect(accepted.headers.location).toBe(`/staff/appeals?accepted=${appealId}&from=82.75&to=84`);
    expect(load((await staff.get(String(accepted.headers.location))).body)('[role=status]').text()).toContain('得分 82.75 → 84');
    expect(await scoreShown()).toBe('84');
    const history = load((await edu.get('/department')).body);
    expect(history('tbody tr').first().find('td').eq(2).text()).toBe('84');
    const breakdown = load((await edu.get(page(education))).body);
    expect(breakdown('#my-appeals').parent().text()).toContain('已采纳');
    expect(breakdown('main').text()).toContain('评估办张三');
    expect(store.reviews.auditTrail(`appeal:${appealId}`).map((a) => a.action)).toEqual(['appeal', 'appeal-accepted']);
    // Decided: no more forms for it, and a second decision is refused.
    expect(await staff.token('/staff/appeals', action)).toBeUndefined();
    const again = await staff.form(`/staff/appeals/${appealId}/reject`, { _csrf: token, reason: '重复处理' });
    expect(again.statusCode).toBe(404);
  });

  it('staff reject an appeal through the form with a reason', async () => {
    const open = store.reviews.appeals(runId).find((a) => a.status === 'open')!;
    const action = `/staff/appeals/${open.id}/reject`;
    const token = (await staff.token('/staff/appeals', action))!;
    expect((await staff.form(action, { _csrf: token, reason: '' })).statusCode).toBe(400);
    const rejected = await staff.form(action, { _csrf: token, reason: '内容与指标无关' });
    expect(rejected.statusCode).toBe(303);
    expect(load((await staff.get(String(rejected.headers.location))).body)('[role=status]').text()).toContain(`已驳回申诉 #${open.id}`);
    expect(store.reviews.getAppeal(open.id)).toMatchObject({ status: 'rejected', decision: '内容与指标无关' });
    expect(
      load((await cops.get(page(police))).body)('#my-appeals')
        .parent()
        .text(),
    ).toContain('内容与指标无关');
  });

  it('shows the accessibility section of its own crawled site — criteria, templates, elements, fixes — and none of another department’s findings', async () => {
    // A crawled run (made here, after the tests above read the department's history): axe and the browser
    // checks on two article pages of one template and a column page of 教育局, a different finding on 公安局's.
    const run = 'a11y-crawl';
    store.createRun({ id: run, key: run, name: '无障碍检测', asOf: '2026-06-30', sitesFile: '', sitesSha256: '', indicators: 'info-reporting', options: {} }, [
      { siteId: education, position: 0, name: '市教育局', url: 'https://jyj.example.gov.cn/', group: '市直部门', services: false, level: 'department' },
      { siteId: police, position: 1, name: '市公安局', url: 'https://gaj.example.gov.cn/', group: '市直部门', services: false, level: 'department' },
    ]);
    const axePage = (url: string, rule: string, wcag: string[], target: string, markup: string): AxePageResult => ({
      url,
      ms: 100,
      violations: [
        {
          rule,
          impact: 'critical',
          wcag,
          tags: ['wcag2a', `wcag${wcag[0]!.replace(/\./g, '')}`],
          level: 'A',
          help: `${rule} 规则说明`,
          nodes: 1,
          examples: [{ target, html: markup }],
        },
      ],
    });
    const checked = (url: string, role: PageCheckResult['role'], check: PageCheckResult['issues'][number]['check'], selector: string): PageCheckResult => ({
      url,
      role,
      ms: 100,
      title: `${url} 标题`,
      bypass: null,
      keyboard: null,
      reflowWidth: 320,
      issues: [{ check, count: 1, examples: [{ selector, html: `<a class="${selector.slice(1)}">` }] }],
      notChecked: [],
    });
    const edu1 = 'https://jyj.example.gov.cn/jyyw/202401/t20240105_11.html';
    const edu2 = 'https://jyj.example.gov.cn/jyyw/202403/t20240311_27.html';
    const eduColumn = 'https://jyj.example.gov.cn/xxgk/';
    const observed = (pages: AxePageResult[], checks: PageCheckResult[]) => ({
      status: 'assessed' as const,
      statusReason: null,
      pages: [],
      observations: { axe: pages, pageChecks: checks },
    });
    store.saveSiteResult(
      run,
      education,
      observed(
        [edu1, edu2, eduColumn].map((u) => axePage(u, 'image-alt', ['1.1.1'], '#content > img.edu-photo', '<img src="edu.png">')),
        [checked(edu1, 'article', 'mouse-only', '.edu-menu'), checked(eduColumn, 'page', 'mouse-only', '.edu-menu')],
      ),
    );
    store.saveSiteResult(
      run,
      police,
      observed([axePage('https://gaj.example.gov.cn/', 'frame-title', ['4.1.2'], 'iframe.gaj-map', '<iframe src="map-of-police">')], []),
    );
    store.finishRun(run);

    const response = await edu.get(page(education, run));
    expect(response.statusCode).toBe(200);
    const $ = load(response.body);
    const section = $('section#a11y');
    expect(section.find('h2').text()).toBe('无障碍问题与整改方法');
    expect(
      section
        .find('h3')
        .map((_, h) => $(h).text().trim())
        .get(),
    ).toEqual(['1.1.1 非文本内容 A级', '2.1.1 键盘 A级']);
    // image-alt: the article template (2 pages, named by its first page) before the column page (1).
    const rows = section.find('.a11y-item').first().find('tbody tr');
    expect(rows.map((_, tr) => $(tr).find('td').eq(1).text()).get()).toEqual(['2', '1']);
    expect(rows.first().find('a').attr('href')).toBe(edu1);
    expect(rows.first().text()).toContain('模板：/jyyw/*/t*_*.html');
    expect(rows.first().find('code.selector').text()).toBe('#content > img.edu-photo');
    // The same markup on both templates: shown once above the table, as a shared part fixed once.
    expect(section.find('.a11y-item').first().children('pre.snippet').text()).toBe('<img src="edu.png">');
    expect(rows.find('pre.snippet')).toHaveLength(0);
    expect(section.find('.advice').first().text()).toContain('alt');
    // The tables scroll sideways on a phone, each focusable and named.
    expect(section.find('.scroll[role=region][tabindex="0"] table.a11y-templates')).toHaveLength(2);
    expect(
      section
        .find('table.a11y-overview a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['#a11y-axe-image-alt', '#a11y-check-mouse-only']);
    // 公安局's findings are not on 教育局's page, and its page is not 教育局's to see.
    for (const theirs of ['frame-title', 'gaj.example.gov.cn', 'iframe.gaj-map', 'map-of-police', '4.1.2']) expect(response.body).not.toContain(theirs);
    expect((await edu.get(page(police, run))).statusCode).toBe(404);
    const policePage = await cops.get(page(police, run));
    expect(load(policePage.body)('section#a11y code.selector').text()).toBe('iframe.gaj-map');
    expect(policePage.body).not.toContain('edu-photo');
  });
});
