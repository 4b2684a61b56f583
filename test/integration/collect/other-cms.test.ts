import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { collectSite } from '../../../evaluators/collect/crawl-site.js';
import { defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { evaluateSite, type SiteMeasurements } from '../../../evaluators/evaluate-site.js';
import { startOtherCmsSite } from '../../fixtures/other-cms/server.js';

/**
 * The evaluators on markup they were not written against: a hand-written county portal of another CMS
 * (test/fixtures/other-cms). Every expected figure below was counted by hand from those pages.
 */
const asOf = '2026-11-21';

describe('evaluators on another CMS family (hand-counted expectations)', () => {
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let m: SiteMeasurements;

  beforeAll(async () => {
    site = await startOtherCmsSite();
    browser = await launchBrowser();
    // Only the section finders are under test here: axe and Lighthouse are tested in accessibility, assess-run and lighthouse.
    const c = await collectSite(browser, site.url, asOf, { ...defaultCollectOptions, maxLinks: 0, axe: 'off', lighthousePages: 0 });
    expect(c.failure).toBeNull();
    // "青山县人民政府" is a county government: Art. 21 items apply, the report is due by 31 March.
    m = evaluateSite({ homepage: c.homepage, columns: c.columns, probes: c.probes, ...(c.features ?? {}) }, asOf, {
      level: 'government',
      services: true,
    }).measurements;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('disclosure: 政务公开 found; <dl> catalogue with other wording; items 9 and 20 missing', () => {
    const d = m.disclosure!;
    expect(d.found).toBe(true);
    expect(d.applicable).toBe(22);
    expect(d.items.filter((i) => !i.found).map((i) => i.id)).toEqual([9, 20]);
    expect(d.guide.missing).toEqual(['传真号码']);
    expect(d.institution.missing).toEqual(['联系方式']);
    expect(d.leaders.missing).toEqual(['简历']);
    expect(d.annualReport).toMatchObject({ year: 2025, found: true, publishedOn: '2026-03-20', onTime: true, missingHeadings: ['其他需要报告的事项'] });
  });

  it('mailbox: a letter list without a table, reply dates only in dt/dd details, over two pages', () => {
    const b = m.mailbox!;
    expect(b.channels).toEqual(['县长信箱']);
    expect(b.notConsultation).toEqual(['网上信访', '纪检监察举报']);
    // 7 letters in the last 365 days (one of 2025-10-10 is older), 5 replied, one open since 2026-06-01.
    expect([b.letters, b.replied, b.unansweredOver90Days]).toEqual([7, 5, 1]);
    expect(b.replyRate).toBeCloseTo(5 / 7, 3);
    // Working days: 3 (11-10→11-13), 4 (10-20→10-26), 2 (09-30→10-09, National Day), 3 (09-18→09-22,
    // 20 Sep a worked Sunday), 22 (07-01→07-31) → median 3, p90 22, one reply slower than 15.
    expect(b.latencies.map((l) => l.workingDays).sort((x, y) => x - y)).toEqual([2, 3, 3, 4, 22]);
    expect([b.medianReplyWorkingDays, b.p90ReplyWorkingDays, b.counts.slowReplies]).toEqual([3, 22, 1]);
    // 留言时间 is not a 受理日期: the details show 回复时间, 回复单位 and 回复内容 only.
    expect(b.fieldsShown).toEqual(['答复日期', '答复部门', '答复内容']);
    expect(b.counts.noChannelOrOverdue).toBe(1);
  });

  it('services: guides as a table with other labels and as label paragraphs; a dead attachment and online link', () => {
    const s = m.services!;
    expect(s.found).toBe(true);
    expect(s.guides.map((g) => g.missing)).toEqual([[], ['设定依据', '办理流程'], []]);
    expect(s.missingClasses).toEqual(['设定依据', '办理流程']);
    expect(s.brokenAttachments.map((a) => new URL(a.url).pathname)).toEqual(['/wsbs/files/missing.doc']);
    expect(s.unreachableOnline.map((a) => new URL(a.url).pathname)).toEqual(['/wsbs/apply.shtml']);
  });

  it('identity: code in a "bottom" footer, only SiteName meta, a working keyword search, a 关怀版 link', () => {
    const i = m.identity!;
    expect(i).toMatchObject({
      siteIdCode: '3301270002',
      footerShowsIdCode: true,
      siteIdCodeValid: true,
      icp: '浙ICP备11023456号-1',
      search: 'works',
      elderlyMode: true,
      elderlyToolbar: false,
      https: false,
    });
    expect(i.meta).toEqual({ site: false, column: false, article: false });
    expect(i.missingMeta).toEqual(['SiteDomain', 'SiteIDCode', 'ColumnName', 'ArticleTitle', 'ContentSource']);
    // Each missing meta with the page it was looked for on: the homepage, a column, the article read.
    expect(i.missingMetaOn.map((m) => [m.page, m.names, m.url && new URL(m.url).pathname])).toEqual([
      ['homepage', ['SiteDomain', 'SiteIDCode'], '/'],
      ['column', ['ColumnName'], expect.stringMatching(/^\//)],
      ['article', ['ArticleTitle', 'ContentSource'], expect.stringMatching(/\.s?html?$/)],
    ]);
  });
});
