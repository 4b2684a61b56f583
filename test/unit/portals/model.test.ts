import { describe, expect, it, vi } from 'vitest';

import { assemblePortal } from '../../../portals/model/assemble.js';
import { daysBetween } from '../../../portals/model/dates.js';
import { sampleProfiles } from '../../../portals/model/profiles/index.js';
import { scaledProfiles } from '../../../portals/model/scale.js';
import { type PortalTruth, portalTruth } from '../../../portals/model/truth.js';

const origins = { portal: 'http://p', interaction: 'http://i', dead: 'http://d' };
const truthsFor = (asOf: string, seed = 'unit') => sampleProfiles.map((p) => portalTruth(assemblePortal(p, seed, asOf), origins));
const flags = (t: PortalTruth) => ({
  update: t.update,
  homepageStale: t.homepage.stale,
  columns: t.columns.map((c) => [c.id, c.stale, c.blank, c.itemCount, c.datedItems]),
  report: t.disclosure && {
    found: t.disclosure.annualReport.found,
    onTime: t.disclosure.annualReport.onTime,
    headings: t.disclosure.annualReport.headings.length,
  },
  mailbox: t.mailbox && { unanswered: t.mailbox.lastYear.unansweredOver90Days, late: t.mailbox.lastYear.repliedAfter90Days },
});

describe('sample portal model', () => {
  it('is reproducible: the seed and date alone decide the portals, not Math.random or the clock', () => {
    // The server writes truth.json and the tests rebuild the truth in their own process: both must agree.
    const reference = truthsFor('2026-11-21');
    vi.useFakeTimers({ now: new Date('2031-07-04T05:06:07Z'), toFake: ['Date'] });
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.987654);
    try {
      expect(truthsFor('2026-11-21')).toEqual(reference);
    } finally {
      random.mockRestore();
      vi.useRealTimers();
    }
  });

  it('keeps every planted status whatever the evaluation date', () => {
    const reference = truthsFor('2026-11-21').map(flags);
    for (const asOf of ['2025-02-10', '2027-06-30', '2024-12-31']) expect(truthsFor(asOf).map(flags)).toEqual(reference);
  });

  it('keeps planted statuses under another seed, with other titles', () => {
    const a = truthsFor('2026-11-21', 'one');
    const b = truthsFor('2026-11-21', 'two');
    const statuses = (t: PortalTruth) => ({ ...flags(t), columns: t.columns.map((c) => [c.id, c.stale, c.blank]) });
    expect(b.map(statuses)).toEqual(a.map(statuses));
    expect(
      b[0]!.columns[0]!.items[0]!.title === a[0]!.columns[0]!.items[0]!.title && b[0]!.columns[0]!.items[1]!.title === a[0]!.columns[0]!.items[1]!.title,
    ).toBe(false);
  });

  it('never plants a date within 3 days of a window edge, so the truth is not borderline', () => {
    for (const t of truthsFor('2026-11-21')) {
      for (const c of t.columns.filter((c) => c.latest)) {
        const margin = Math.abs(daysBetween(c.latest!, t.portal.asOf) - c.windowDays);
        expect(margin, `${t.portal.id}/${c.id}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('covers what the national rules test, across the set', () => {
    const t = Object.fromEntries(truthsFor('2026-11-21').map((x) => [x.portal.id, x]));
    // V3 栏目不更新 ≥ 5, V5 空白栏目 ≥ 5, V6 互动回应差 both ways, V2 on a navigation homepage.
    expect(t.qxx!.update.staleV3).toBeGreaterThanOrEqual(5);
    expect(t.rsj!.update.blank).toBeGreaterThanOrEqual(5);
    expect(t.fgw!.mailbox).toBeNull();
    expect(t.qxx!.mailbox!.lastYear.unansweredOver90Days).toBeGreaterThan(0);
    expect(t.rsj!.homepage.isNavigation).toBe(true);
    // Annual report on time, late and absent.
    const report = (id: string) => t[id]!.disclosure!.annualReport;
    expect([report('zfw').found, report('zfw').onTime]).toEqual([true, true]);
    expect([report('jyj').found, report('jyj').onTime]).toEqual([true, false]);
    expect([report('fgw').found, report('fgw').year]).toEqual([false, 2025]);
    expect(report('wjw').headings.length).toBe(4);
    // Fresh, stale and blank columns of every kind somewhere in the set.
    const all = Object.values(t).flatMap((x) => x.columns);
    for (const kind of ['news', 'notice', 'policy', 'personnel', 'planning', 'other']) {
      expect(
        all.some((c) => c.kind === kind && !c.stale && !c.blank),
        `fresh ${kind}`,
      ).toBe(true);
      expect(
        all.some((c) => c.kind === kind && c.stale),
        `stale ${kind}`,
      ).toBe(true);
    }
    expect(all.some((c) => c.blank && c.placeholder === '暂无信息')).toBe(true);
    expect(all.some((c) => c.blank && c.placeholder === null)).toBe(true);
    // Decoys: 成文日期, a year in the title, a date in the title.
    const decoys = new Set(all.flatMap((c) => c.items.map((i) => i.decoy?.kind)));
    expect([...decoys].sort()).toEqual(['title-date', 'title-year', 'written-date', undefined]);
    // Letters around public holidays, and missing 办事指南 element classes.
    expect(
      Object.values(t)
        .flatMap((x) => x.mailbox?.items ?? [])
        .filter((l) => l.aroundHoliday).length,
    ).toBeGreaterThanOrEqual(6);
    expect(t.qxx!.services!.missingClasses.length).toBe(4);
    expect(t.fgw!.services).toBeNull();
  });

  it('scales to the benchmark set: 50 portals of about 200 pages', () => {
    const profiles = scaledProfiles(50, 200);
    expect(new Set(profiles.map((p) => p.id)).size).toBe(50);
    for (const profile of profiles) {
      const t = portalTruth(assemblePortal(profile, 'bench', '2026-11-21'), origins);
      const pages =
        t.columns.reduce((n, c) => n + c.itemCount + c.pages, 0) +
        (t.mailbox ? t.mailbox.letters + t.mailbox.pages : 0) +
        (t.services?.guides.length ?? 0) +
        (t.disclosure ? t.disclosure.art20.present + t.disclosure.annualReports.length + 6 : 0);
      expect(pages, profile.id).toBeGreaterThanOrEqual(200);
      expect(pages, profile.id).toBeLessThan(320);
    }
  });
});
