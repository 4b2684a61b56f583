import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Store } from '../../../server/store/store.js';
import { rescoreStored } from '../../../server/use-cases/stored-run.js';
import { comparedRuns, plantedLinks } from '../../fixtures/compared-runs.js';
import { type Browser, type ComparedRunsApp, openComparedRunsApp } from './compared-runs-app.js';

const gone = `jyj/D2/link:${plantedLinks.unchanged.replace(/^https:/, '')}`;
const rsjLink = `rsj/D2/link:${plantedLinks.rsj.replace(/^https:/, '')}`;
const reason = '浏览器可以打开<b>该链接</b>';

/**
 * Dismissals in the web app over inject (no browser, two stored runs): staff dismiss a finding of the earlier run from
 * the site page, the department sees it as 已驳回 on its page of the later run, and no department sees or touches
 * another's: its pages and the staff routes refuse it.
 */
describe('dismissals in the web app', () => {
  let store: Store;
  let opened: ComparedRunsApp | undefined;
  let staff: Browser;
  let edu: Browser;
  let hr: Browser;
  const token = async (browser: Browser, url: string) => /name="_csrf" value="([^"]+)"/.exec((await browser.get(url)).body)?.[1] ?? '';
  const staffPage = (runId: string, siteId: string) => `/staff/runs/${runId}/sites/${siteId}`;

  beforeAll(async () => {
    opened = await openComparedRunsApp('web-dismissals', (s) => {
      rescoreStored(s, comparedRuns.earlier);
      rescoreStored(s, comparedRuns.later);
    });
    ({ store, staff, edu, hr } = opened);
  }, 60_000);
  afterAll(async () => opened?.close());

  it('staff dismiss a finding from the site page: refused without a reason, then recorded, audited and re-scored', async () => {
    const page = load((await staff.get(staffPage(comparedRuns.earlier, 'jyj'))).body);
    expect(
      page('#dismiss-key option')
        .map((_, o) => page(o).val())
        .get(),
    ).toContain(gone);
    const _csrf = await token(staff, staffPage(comparedRuns.earlier, 'jyj'));
    const refused = await staff.form(`/staff/runs/${comparedRuns.earlier}/dismissals`, {
      _csrf,
      siteId: 'jyj',
      key: gone,
      kind: 'false-positive',
      reason: ' ',
    });
    expect(refused.statusCode).toBe(400);
    expect(load(refused.body)('.error').text()).toContain('请说明驳回理由');
    const done = await staff.form(`/staff/runs/${comparedRuns.earlier}/dismissals`, { _csrf, siteId: 'jyj', key: gone, kind: 'false-positive', reason });
    expect(done.statusCode).toBe(303);
    const after = load((await staff.get(staffPage(comparedRuns.later, 'jyj'))).body);
    expect(after('details.dismissed summary').text()).toBe('已驳回的问题（1 条）');
    expect(after('table.dismissals td').text()).toContain(reason);
    expect(store.reviews.auditPage({ action: 'finding-dismissed' }, { limit: 5, offset: 0 })).toHaveLength(1);
    const audit = await staff.get('/staff/audit');
    expect(audit.body).toContain('驳回问题');
  });

  it('the department sees its own dismissal on its page of the later run, escaped', async () => {
    const response = await edu.get(`/department/runs/${comparedRuns.later}/sites/jyj`);
    expect(response.statusCode).toBe(200);
    const section = load(response.body)('section.dismissed');
    expect(section.find('li').text()).toContain(plantedLinks.unchanged);
    expect(section.find('li').text()).toContain(`误报：${reason}`);
    expect(response.body).not.toContain('<b>该链接</b>');
  });

  it('no department crosses the line: another’s dismissals are not shown, and neither department may dismiss or undo', async () => {
    // Staff dismiss one of rsj's findings too: jyj's department must see nothing of it.
    const _csrf = await token(staff, staffPage(comparedRuns.earlier, 'rsj'));
    expect(
      (await staff.form(`/staff/runs/${comparedRuns.earlier}/dismissals`, { _csrf, siteId: 'rsj', key: rsjLink, kind: 'exception', reason: '外部系统维护中' }))
        .statusCode,
    ).toBe(303);
    const own = await edu.get(`/department/runs/${comparedRuns.earlier}/sites/jyj`);
    expect(own.body).not.toContain('外部系统维护中');
    expect(own.body).not.toContain(plantedLinks.rsj);
    const other = await edu.get(`/department/runs/${comparedRuns.earlier}/sites/rsj`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('外部系统维护中');
    expect((await edu.get(`/api/department/runs/${comparedRuns.earlier}/sites/rsj`)).statusCode).toBe(404);
    // hr sees its own (exception) and nothing of jyj's.
    const hrPage = await hr.get(`/department/runs/${comparedRuns.earlier}/sites/rsj`);
    expect(load(hrPage.body)('section.dismissed').text()).toContain('接受的例外：外部系统维护中');
    expect(hrPage.body).not.toContain(reason);
    expect(hrPage.body).not.toContain(plantedLinks.unchanged);
    // The staff routes are not a department's: dismissing or undoing jyj's finding from hr's session does nothing.
    const hrToken = await token(hr, `/department/runs/${comparedRuns.earlier}/sites/rsj`);
    const before = store.dismissals.history().length;
    const tried = await hr.form(`/staff/runs/${comparedRuns.earlier}/dismissals`, {
      _csrf: hrToken,
      siteId: 'jyj',
      key: gone,
      kind: 'exception',
      reason: '试图越权',
    });
    const undo = await hr.form(`/staff/runs/${comparedRuns.earlier}/dismissals/1/undo`, { _csrf: hrToken, siteId: 'jyj' });
    for (const r of [tried, undo]) expect([302, 303, 401, 403, 404]).toContain(r.statusCode);
    expect(store.dismissals.history().length).toBe(before);
    expect(store.dismissals.get(1)!.undoneAt).toBeNull();
  });

  it('staff undo through the form, naming the site the dismissal belongs to', async () => {
    const _csrf = await token(staff, staffPage(comparedRuns.earlier, 'jyj'));
    // The undo of jyj's dismissal posted as rsj's is refused: a form cannot reach another site's record.
    expect((await staff.form(`/staff/runs/${comparedRuns.earlier}/dismissals/1/undo`, { _csrf, siteId: 'rsj' })).statusCode).toBe(404);
    expect((await staff.form(`/staff/runs/${comparedRuns.earlier}/dismissals/1/undo`, { _csrf, siteId: 'jyj' })).statusCode).toBe(303);
    const page = await edu.get(`/department/runs/${comparedRuns.later}/sites/jyj`);
    expect(load(page.body)('section.dismissed')).toHaveLength(0);
  });
});
