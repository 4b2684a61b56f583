import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { comparedRuns, plantedLinks } from '../../fixtures/compared-runs.js';
import { type Browser, type ComparedRunsApp, openComparedRunsApp } from './compared-runs-app.js';

const rsjName = '某市人力资源和社会保障局';

/** The department page's 与上次评估相比 over inject (no browser): its own site only, against the run it chooses. */
describe('a department’s findings against an earlier run', () => {
  let opened: ComparedRunsApp | undefined;
  let edu: Browser;
  let hr: Browser;
  const page = (siteId: string, query = '') => `/department/runs/${comparedRuns.later}/sites/${siteId}${query}`;

  beforeAll(async () => {
    opened = await openComparedRunsApp('web-finding-changes', (s) => {
      // A run of the other department's site alone: not one jyj can be compared with.
      s.createRun(
        {
          id: 'rsj-only',
          key: 'rsj-only',
          name: '人社局专项检查',
          asOf: '2026-11-25',
          sitesFile: '',
          sitesSha256: '',
          indicators: 'national-2019',
          options: {},
        },
        [{ siteId: 'rsj', position: 0, name: rsjName, url: 'https://rsj.example.gov.cn/', group: '市直部门', services: true, level: 'department' }],
      );
      s.saveSiteResult('rsj-only', 'rsj', { status: 'unreachable', statusReason: 'dns', pages: [], observations: {} });
      s.finishRun('rsj-only');
    });
    ({ edu, hr } = opened);
  }, 60_000);
  afterAll(async () => opened?.close());

  it('compares with the previous run of the same sites by default: the planted fix, new problems and the one that stayed', async () => {
    const response = await edu.get(page('jyj'));
    expect(response.statusCode).toBe(200);
    const $ = load(response.body);
    const section = $('section.finding-changes');
    expect(section.find('h2').text()).toContain(`运行编号 ${comparedRuns.earlier}`);
    expect([
      section.find('.change.new strong').text(),
      section.find('.change.fixed strong').text(),
      section.find('.change.not-measured strong').text(),
    ]).toEqual(['2', '1', '0']);
    expect(section.find('details.fixed').text()).toContain(plantedLinks.fixed);
    expect(section.find('details.unchanged').text()).toContain(plantedLinks.unchanged);
    // The choice offers the runs that assessed this site, the default selected; not the run of the other site alone.
    expect(
      $('#compare-run option')
        .map((_, o) => $(o).val())
        .get(),
    ).toEqual([comparedRuns.earlier]);
    expect($('label[for=compare-run]').text()).toBe('比对的评估');
    for (const other of [rsjName, 'rsj.example.gov.cn', '人社局专项检查']) expect(response.body).not.toContain(other);
  });

  it('another department’s comparison cannot be read: its site answers 404, with or without a run to compare', async () => {
    for (const query of ['', `?compare=${comparedRuns.earlier}`]) {
      const response = await edu.get(page('rsj', query));
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(plantedLinks.rsj);
      expect(response.body).not.toContain(rsjName);
    }
    const api = await edu.get(`/api/department/runs/${comparedRuns.later}/sites/rsj`);
    expect(api.statusCode).toBe(404);
  });

  it('a run that did not assess the site is refused as the earlier one; the department’s own other site is not read', async () => {
    const $ = load((await edu.get(page('jyj', '?compare=rsj-only'))).body);
    expect($('[role=alert]').text()).toBe('所选评估未评估本网站或不存在，无法比对。');
    // It falls back to the default and still shows only jyj.
    expect($('section.finding-changes h2').text()).toContain(comparedRuns.earlier);
    expect($('main').text()).not.toContain('rsj.example.gov.cn');
    // A malformed run id is the same 404 as another department's site.
    expect((await edu.get(page('jyj', '?compare=../../x'))).statusCode).toBe(404);
  });

  it('the other department sees its own site: unreachable now, nothing judged fixed, and nothing of jyj', async () => {
    const response = await hr.get(page('rsj', `?compare=${comparedRuns.earlier}`));
    expect(response.statusCode).toBe(200);
    const section = load(response.body)('section.finding-changes');
    expect(section.find('.change.fixed strong').text()).toBe('0');
    expect(section.find('details.not-measured').text()).toContain(plantedLinks.rsj);
    expect(section.find('details.not-measured').text()).toContain('（本次未能评估该网站）');
    expect(response.body).not.toContain('jyj.example.gov.cn');
  });
});
