import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sampleProfiles } from '../../../portals/model/profiles/index.js';
import { fetchPage } from '../../../portals/reader/fetch-page.js';
import { readColumn } from '../../../portals/reader/read-column.js';
import { newest, readDate } from '../../../portals/reader/read-dates.js';
import { challengeCookie } from '../../../portals/reader/waf.js';
import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';

const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

// Two evaluation dates: the truth must hold on the pages whatever the date of the run.
describe.each(['2026-11-21', '2025-02-10'])('sample portals as of %s: columns and homepage match the truth', (asOf) => {
  let set: RunningPortalSet;
  beforeAll(async () => {
    set = await startPortalSet({ asOf, seed: 'columns-test' });
  });
  afterAll(() => set.close());

  it.each(sampleProfiles.map((p) => p.id))('%s: every column read with a plain HTML parser gives the truth', async (id) => {
    const { truth } = set.get(id);
    const cookie = await challengeCookie(truth.portal.url);
    for (const column of truth.columns) {
      const read = await readColumn(column, asOf, cookie);
      const where = `${id}/${column.id} (${column.name})`;
      expect(
        read.rows.map((r) => r.url),
        where,
      ).toEqual(column.items.map((i) => i.url));
      expect(
        read.rows.map((r) => r.date),
        where,
      ).toEqual(column.items.map((i) => i.date));
      expect(read.pages, where).toBe(column.pages);
      const latest = newest(read.rows.map((r) => r.date));
      expect(latest, where).toBe(column.latest);
      expect(read.rows.length === 0, where).toBe(column.blank);
      if (column.blank) expect(read.placeholder, where).toBe(column.placeholder);
      // The rule as docs/indicators.md states it, applied to what was read from the pages.
      const stale = !column.blank && (latest === null || daysBetween(latest, asOf) > column.windowDays);
      expect(stale, where).toBe(column.stale);
    }
  });

  it.each(sampleProfiles.map((p) => p.id))('%s: homepage freshness', async (id) => {
    const { truth } = set.get(id);
    const cookie = await challengeCookie(truth.portal.url);
    const home = await fetchPage(truth.portal.url, { cookie });
    expect(home.status).toBe(200);
    const dates = home
      .$('.block li')
      .toArray()
      .map((li) => readDate(home.$(li).find('.date').text(), asOf));
    if (truth.homepage.isNavigation) {
      expect(dates).toEqual([]);
      expect(truth.homepage.latest).toBe(newest(truth.columns.map((c) => c.latest)));
    } else {
      expect(newest(dates)).toBe(truth.homepage.latest);
    }
  });
});
