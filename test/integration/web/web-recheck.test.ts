import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pageSubject } from '../../../evaluators/lib/finding-subject.js';
import { recheckOfOption } from '../../../server/store/rechecks.js';
import type { Store } from '../../../server/store/store.js';
import { judgeRecheck } from '../../../server/use-cases/recheck.js';
import { lastUsedSet } from '../../../server/use-cases/run-set.js';
import { computeRun } from '../../../server/use-cases/score-run.js';
import { comparedRuns, plantedLinks } from '../../fixtures/compared-runs.js';
import { type Browser, type ComparedRunsApp, openComparedRunsApp } from './compared-runs-app.js';

const rsjName = '某市人力资源和社会保障局';
const { earlier: runId, later: recheckRunId } = comparedRuns;
const keyOf = (indicator: string, url: string) => `jyj/${indicator}/${pageSubject('link', url)}`;

/**
 * 整改复核 in the web app over inject (no browser, no crawl): the two stored runs of the fixture, the later one
 * standing for a re-check's collection of the earlier (old.pdf fixed, gone.html still broken, rsj unreachable).
 * A department marks findings of its own site fixed; the re-check then says what it found of each. Another
 * department's site, marks and re-check status answer 404.
 */
describe('re-checks in the web app', () => {
  let store: Store;
  let opened: ComparedRunsApp | undefined;
  let edu: Browser;
  let hr: Browser;
  let staff: Browser;
  const page = (siteId: string) => `/department/runs/${runId}/sites/${siteId}`;
  const mark = async (who: Browser, siteId: string, key: string, note: string) =>
    who.form(`${page(siteId)}/marks`, { _csrf: await who.csrfToken(), key, note });

  beforeAll(async () => {
    opened = await openComparedRunsApp('web-recheck', (s) => s.setRunOption(recheckRunId, recheckOfOption, runId));
    ({ store, edu, hr, staff } = opened);
  }, 60_000);
  afterAll(async () => opened?.close());

  const recheck = () => {
    const run = store.getRun(runId)!;
    const set = lastUsedSet(store, runId, run.indicators);
    const earlier = computeRun(store, runId, set, { userAgent: '', robots: 'respect' }, '.', { save: false, sites: new Set(['jyj', 'rsj']) });
    return judgeRecheck(store, earlier, recheckRunId, set, { deadline: '2026-12-31', checkedAt: new Date().toISOString(), evidenceDir: '.' });
  };

  it('a department marks findings of its own site fixed with a note; before a re-check they wait for it', async () => {
    const $ = load((await edu.get(page('jyj'))).body);
    const offered = $('#mark-key option')
      .map((_, o) => $(o).val())
      .get();
    expect(offered).toContain(keyOf('D2', plantedLinks.fixed));
    expect(offered.every((k) => k.startsWith('jyj/'))).toBe(true);
    expect($('#recheck').text()).toContain('本次评估发现的问题尚未复核。');
    for (const [url, note] of [
      [plantedLinks.fixed, '已删除失效附件'],
      [plantedLinks.unchanged, '已修复页面'],
    ] as const) {
      const response = await mark(edu, 'jyj', keyOf('D2', url), note);
      expect(response.statusCode, response.body).toBe(303);
    }
    const after = load((await edu.get(page('jyj'))).body)('#recheck');
    expect(after.find('table').text()).toContain('单位已标记整改，待复核');
    expect(after.find('#mark-key option').length).toBe(offered.length - 2);
  });

  it('refuses a finding the site does not have and an empty note, with the reason', async () => {
    const none = await mark(edu, 'jyj', 'jyj/D2/link://jyj.example.gov.cn/never.html', '已整改');
    expect(none.statusCode).toBe(400);
    expect(load(none.body)('[role=alert]').text()).toContain('本网站在本次评估中没有该问题。');
    const empty = await mark(edu, 'jyj', keyOf('D2', plantedLinks.new), ' ');
    expect(empty.statusCode).toBe(400);
    expect(store.rechecks.marks(runId, 'jyj').size).toBe(2);
  });

  it('another department cannot mark, nor see, the other site: 404, nothing stored', async () => {
    const rsjKey = `rsj/D2/${pageSubject('link', plantedLinks.rsj)}`;
    const cross = await mark(edu, 'rsj', rsjKey, '替别人标记');
    expect(cross.statusCode).toBe(404);
    expect(cross.body).not.toContain(rsjName);
    expect(store.rechecks.marks(runId, 'rsj').size).toBe(0);
    // Its own finding key on the other site's address: still the other site, still 404.
    expect((await mark(hr, 'jyj', keyOf('D2', plantedLinks.fixed), '替别人标记')).statusCode).toBe(404);
    expect(store.rechecks.marks(runId, 'jyj').get(keyOf('D2', plantedLinks.fixed))?.note).toBe('已删除失效附件');
  });

  it('the re-check verifies the marks: 单位已标记整改 → 复核结果, per finding, on the department’s own site only', async () => {
    const result = recheck();
    expect(result.findings.find((f) => f.key === keyOf('D2', plantedLinks.fixed))).toMatchObject({ status: 'fixed', marked: { note: '已删除失效附件' } });
    expect(result.findings.find((f) => f.key === keyOf('D2', plantedLinks.unchanged))).toMatchObject({ status: 'not-fixed', marked: { note: '已修复页面' } });
    const response = await edu.get(page('jyj'));
    const section = load(response.body)('#recheck');
    expect(section.find('.meta').text()).toContain('整改期限 2026-12-31');
    const marks = section.find('table').last().text();
    expect(marks).toContain('单位已标记整改 → 复核结果：已整改');
    expect(marks).toContain('单位已标记整改 → 复核结果：未整改');
    expect(section.find('table.recheck').text()).toContain('新发现');
    expect(section.text()).not.toContain(rsjName);
    expect(section.text()).not.toContain('rsj.example.gov.cn');
    // The other department sees its own: unreachable at the re-check, nothing judged fixed.
    const rsj = load((await hr.get(page('rsj'))).body)('#recheck');
    expect(rsj.find('.recheck-counts').text().replace(/\s+/g, ' ')).toContain('已整改 0');
    expect(rsj.find('table.recheck').text()).toContain('未能复核');
    expect(rsj.text()).not.toContain('jyj.example.gov.cn');
    expect((await hr.get(page('jyj'))).statusCode).toBe(404);
  });

  it('staff see the re-check on the run’s page, its findings and its notice; the re-check’s own run offers none', async () => {
    const $ = load((await staff.get(`/staff/runs/${runId}`)).body);
    expect($('#recheck button[type=submit]').text()).toBe('开始整改复核');
    expect($('#recheck .recheck-counts').text()).toMatch(/未整改 \d+/);
    const detail = await staff.get(`/staff/runs/${runId}/rechecks/${recheckRunId}`);
    expect(detail.statusCode).toBe(200);
    expect(load(detail.body)('table.recheck').text()).toContain('已删除失效附件');
    const notice = await staff.get(`/staff/runs/${runId}/rechecks/${recheckRunId}/notice`);
    expect(notice.headers['content-disposition']).toContain('attachment');
    expect(load(notice.body)('ol.units').text()).toContain('某市教育局');
    expect(load((await staff.get(`/staff/runs/${recheckRunId}`)).body)('#recheck').length).toBe(0);
    expect((await staff.get(`/staff/runs/${runId}/rechecks/nope-1`)).statusCode).toBe(404);
    // A department cannot reach the staff pages at all.
    expect([302, 303, 403, 404]).toContain((await edu.get(`/staff/runs/${runId}/rechecks/${recheckRunId}`)).statusCode);
  });

  it('refuses a malformed deadline before starting anything', async () => {
    const response = await staff.form(`/staff/runs/${runId}/recheck`, { _csrf: await staff.csrfToken(), deadline: '明天' });
    expect(response.statusCode).toBe(400);
    expect(load(response.body)('main').text()).toContain('整改期限不正确');
  });
});
