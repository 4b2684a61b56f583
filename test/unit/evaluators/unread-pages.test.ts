import { describe, expect, it } from 'vitest';

import { findAbsences } from '../../../evaluators/absences.js';
import type { DisclosureObservation } from '../../../evaluators/collect/disclosure-pages.js';
import type { MailboxObservation } from '../../../evaluators/collect/mailbox-pages.js';
import type { ColumnObservation, HomepageObservation, UnreadPage } from '../../../evaluators/collect/observations.js';
import type { OpenedFacts, PageFacts } from '../../../evaluators/collect/page-facts.js';
import type { ServicesObservation } from '../../../evaluators/collect/services-pages.js';
import { evaluateDisclosure } from '../../../evaluators/disclosure.js';
import { evaluateIdentity } from '../../../evaluators/identity.js';
import { describeUnread } from '../../../evaluators/lib/unread.js';
import { evaluateMailbox } from '../../../evaluators/mailbox.js';
import { evaluateServices } from '../../../evaluators/services.js';
import { measurementsFrom } from '../../../evaluators/site-measurements.js';
import { evaluateUpdateFrequency } from '../../../evaluators/update-frequency.js';
import { scoreSite } from '../../../indicators/engine.js';
import { loadIndicatorSet } from '../../../indicators/load.js';

/**
 * A page that could not be read even on its second try leaves what it would have shown not measured, with
 * the reason: never "missing", never a deduction, a veto or a suspected veto.
 */
const asOf = '2026-11-21';
const host = 'https://www.example.gov.cn';
const daysAgo = (n: number) => new Date(Date.UTC(2026, 10, 21) - n * 86_400_000).toISOString().slice(0, 10);
const stalled = (path: string, name: string | null): UnreadPage => ({ url: `${host}${path}`, name, reason: 'script-timeout' });

function column(name: string, path: string, dates: Array<string | null>, unread?: UnreadPage[]): ColumnObservation {
  const url = `${host}${path}`;
  return {
    url,
    name,
    nameSource: 'link',
    columnNameMeta: null,
    pages: [url],
    items: dates.map((date, i) => ({ title: `${name}${i}`, url: `${url}${i}.html`, date, dateSource: date ? 'list' : null })),
    blank: dates.length === 0,
    placeholder: null,
    truncated: false,
    screenshot: null,
    fragment: null,
    ...(unread ? { unread } : {}),
  };
}

const home = (dates: string[]): HomepageObservation => ({
  url: `${host}/`,
  finalUrl: `${host}/`,
  status: 200,
  title: '某市人民政府',
  datedItems: dates.map((date, i) => ({ title: `首页${i}`, url: `${host}/h${i}.html`, date, dateSource: 'list' })),
  metas: {},
  screenshot: null,
});

const twelveFresh = Array.from({ length: 12 }, (_, i) => daysAgo(i));

describe('update frequency with pages that could not be read', () => {
  it('a crawl page that may be a news column leaves the news volume not measured, and says which page and why', () => {
    const m = evaluateUpdateFrequency(
      { homepage: home([daysAgo(1)]), columns: [column('通知公告', '/tzgg/', [daysAgo(2)])], unreadPages: [stalled('/ywdt/', '要闻动态')] },
      asOf,
    );
    expect(m.newsItemsInWindow).toBeNull();
    expect(m.unread).toEqual([stalled('/ywdt/', '要闻动态')]);
    expect(describeUnread(m.unread)).toBe('1 个页面重试后仍无法读取：“要闻动态”（页面脚本长时间占用）');
    // Without the unread page the same site reads 0 news items: a deduction resting on a page nobody saw.
    expect(evaluateUpdateFrequency({ homepage: home([daysAgo(1)]), columns: [column('通知公告', '/tzgg/', [daysAgo(2)])] }, asOf).newsItemsInWindow).toBe(0);
  });

  it('a page named as another kind, or as a page other indicators measure, leaves the news volume measured', () => {
    const m = evaluateUpdateFrequency(
      {
        homepage: home([daysAgo(1)]),
        columns: [column('工作动态', '/gzdt/', twelveFresh)],
        unreadPages: [stalled('/tzgg/', '通知公告'), stalled('/xx/', '县长信箱')],
      },
      asOf,
    );
    expect(m.newsItemsInWindow).toBe(12);
    expect(m.unread).toEqual([stalled('/tzgg/', '通知公告')]);
  });

  it("a column that looks stale while an undated item's article could not be read is not measured and not counted stale", () => {
    const unread = [stalled('/tzgg/1.html', '通知公告1')];
    const m = evaluateUpdateFrequency({ homepage: home([daysAgo(1)]), columns: [column('通知公告', '/tzgg/', [daysAgo(400), null], unread)] }, asOf);
    expect(m.columns[0]).toMatchObject({ stale: null, unread });
    expect(m.staleKeyColumns).toBe(0);
    // Fresh on what was read: fresh, whatever the unread article says.
    const fresh = evaluateUpdateFrequency({ homepage: home([daysAgo(1)]), columns: [column('通知公告', '/tzgg/', [daysAgo(3), null], unread)] }, asOf);
    expect(fresh.columns[0]!.stale).toBe(false);
  });

  it('news items already enough on the pages read settle D8 though a page was unread: no deduction, shown as at least', () => {
    const observed = { homepage: home([daysAgo(1)]), columns: [column('工作动态', '/gzdt/', twelveFresh)], unreadPages: [stalled('/ywdt/', '要闻动态')] };
    const m = evaluateUpdateFrequency(observed, asOf);
    expect(m).toMatchObject({ newsItemsInWindow: null, newsItemsAtLeast: 12 });
    const d8 = scoreSite(loadIndicatorSet('national-2019'), measurementsFrom({ updateFrequency: m }), {}).indicators.find((i) => i.id === 'D8')!;
    expect(d8).toMatchObject({ status: 'ok', deduction: 0, value: null, lowerBound: 12, score: d8.max });
    expect(d8.reason).toBe('已读取的页面中至少 12 条，已可判定（1 个页面重试后仍无法读取：“要闻动态”（页面脚本长时间占用））');
  });

  it('news items below the minimum on the pages read leave D8 not measured: the unread page may hold the rest', () => {
    const observed = {
      homepage: home([daysAgo(1)]),
      columns: [column('工作动态', '/gzdt/', twelveFresh.slice(0, 9))],
      unreadPages: [stalled('/ywdt/', '要闻动态')],
    };
    const m = evaluateUpdateFrequency(observed, asOf);
    expect(m).toMatchObject({ newsItemsInWindow: null, newsItemsAtLeast: 9 });
    const d8 = scoreSite(loadIndicatorSet('national-2019'), measurementsFrom({ updateFrequency: m }), {}).indicators.find((i) => i.id === 'D8')!;
    expect(d8).toMatchObject({ status: 'not-measured', deduction: 0, lowerBound: undefined });
  });

  it('a news column with an unread page leaves the news volume not measured', () => {
    const m = evaluateUpdateFrequency(
      { homepage: home([daysAgo(1)]), columns: [column('要闻动态', '/ywdt/', [daysAgo(1), null], [stalled('/ywdt/1.html', null)])] },
      asOf,
    );
    expect(m.newsItemsInWindow).toBeNull();
  });

  it('a navigation homepage whose columns could not all be read has no age and is no absence (V2 not measured, not vetoed)', () => {
    const observed = { homepage: home([]), columns: [column('通知公告', '/tzgg/', [daysAgo(40)])], unreadPages: [stalled('/ywdt/', '要闻动态')] };
    const m = evaluateUpdateFrequency(observed, asOf);
    expect(m.homepage).toMatchObject({ latest: null, ageDays: null, stale: null, source: null });
    const measurements = measurementsFrom({ updateFrequency: m });
    expect(findAbsences(observed, measurements)['updateFrequency.homepage.ageDays']).toBeUndefined();
    const v2 = scoreSite(loadIndicatorSet('national-2019'), measurements, {}).indicators.find((i) => i.id === 'V2')!;
    expect(v2).toMatchObject({ status: 'not-measured', deduction: 0 });
    expect(v2.reason).toBe('未能测量：1 个页面重试后仍无法读取：“要闻动态”（页面脚本长时间占用）');
  });

  it('a navigation homepage whose newest column item is from the evaluation day itself is measured all the same', () => {
    const m = evaluateUpdateFrequency(
      { homepage: home([]), columns: [column('通知公告', '/tzgg/', [daysAgo(0)])], unreadPages: [stalled('/ywdt/', '要闻动态')] },
      asOf,
    );
    expect(m.homepage).toMatchObject({ ageDays: 0, stale: false, source: 'columns' });
  });
});

const facts = (url: string, anchors: Array<[string, string]>, text = ''): PageFacts => ({
  url,
  title: '',
  lang: null,
  metas: {},
  viewport: null,
  anchors: anchors.map(([t, href]) => ({ text: t, href, script: false, zone: 'main', row: '' })),
  mainText: text,
  headings: [],
  labels: [],
  tables: [],
  pairs: [],
  lists: [],
  mainImages: 0,
  iframes: [],
  footerText: '',
  search: null,
});
const opened = (path: string, f: PageFacts | null, error: string | null = null): OpenedFacts => ({
  url: `${host}${path}`,
  finalUrl: `${host}${path}`,
  status: f ? 200 : null,
  error,
  facts: f,
});

describe('disclosure with pages that could not be read', () => {
  it('an entry page that could not be read: every count not measured with the reason, no absence', () => {
    const observed: DisclosureObservation = { entry: opened('/zwgk/', null, 'script-timeout'), parts: {}, reports: [] };
    const d = evaluateDisclosure(observed, asOf, 'government');
    expect(d.counts).toEqual({
      missingItems: null,
      guideMissing: null,
      institutionLeaderMissing: null,
      reportMissing: null,
      reportLate: null,
      reportMissingHeadings: null,
    });
    expect(d.coverage).toBeNull();
    expect(d.unread).toEqual([{ url: `${host}/zwgk/`, name: '政府信息公开', reason: 'script-timeout' }]);
    expect(findAbsences({ disclosure: observed, functions: undefined }, measurementsFrom({ disclosure: d }))).toEqual({});
  });

  it('an entry that answered 404 is missing, as before: counted, and an absence', () => {
    const d = evaluateDisclosure({ entry: opened('/zwgk/', null, 'http-404'), parts: {}, reports: [] }, asOf, 'government');
    expect(d.counts.missingItems).toBe(22);
    expect(d.unread).toEqual([]);
  });

  it('no entry found while a page it may be named on could not be read: not measured', () => {
    const searched = { pages: [`${host}/`], terms: ['政府信息公开'], links: 3, unread: [stalled('/zw/', '政务')] };
    const d = evaluateDisclosure({ entry: null, parts: {}, reports: [], searched }, asOf, 'department');
    expect(d.counts.missingItems).toBeNull();
  });

  it('one part that could not be read leaves only what rests on it not measured', () => {
    const entry = opened('/zwgk/', facts(`${host}/zwgk/`, [['政府信息公开指南', `${host}/zwgk/zn/`]]));
    const observed: DisclosureObservation = {
      entry,
      parts: { guide: { linkText: '政府信息公开指南', href: `${host}/zwgk/zn/`, page: opened('/zwgk/zn/', null, 'timeout') } },
      reports: [],
    };
    const d = evaluateDisclosure(observed, asOf, 'department');
    expect(d.counts.guideMissing).toBeNull();
    expect(d.counts.missingItems).toBe(15);
    expect(d.counts.institutionLeaderMissing).not.toBeNull();
    expect(d.unread).toEqual([{ url: `${host}/zwgk/zn/`, name: '政府信息公开指南', reason: 'timeout' }]);
  });
});

const mailboxObservation = (o: Partial<MailboxObservation>): MailboxObservation => ({
  channels: [],
  notConsultation: [],
  channel: null,
  listUrl: null,
  inFrame: false,
  listPages: 0,
  headers: [],
  letters: [],
  details: [],
  ...o,
});

describe('mailbox with pages that could not be read', () => {
  it('no channel found while the 互动交流 page could not be read: V6 not measured, no suspected veto', () => {
    const observed = mailboxObservation({ searched: { pages: [`${host}/`], terms: ['领导信箱'], links: 5, unread: [stalled('/hdjl/', '互动交流')] } });
    const m = evaluateMailbox(observed, asOf);
    expect(m.counts.noChannel).toBeNull();
    expect(m.counts.noChannelOrOverdue).toBeNull();
    expect(findAbsences({ mailbox: observed, functions: undefined }, measurementsFrom({ mailbox: m }))).toEqual({});
    const v6 = scoreSite(loadIndicatorSet('national-2019'), measurementsFrom({ mailbox: m }), {}).indicators.find((i) => i.id === 'V6')!;
    expect(v6.status).toBe('not-measured');
    expect(v6.reason).toMatch(/“互动交流”（页面脚本长时间占用）/);
  });

  it('a channel whose letters could not be read: the letters are not measured, the channel is', () => {
    const channel = { text: '县长信箱', href: `${host}/xx/` };
    const m = evaluateMailbox(mailboxObservation({ channels: [channel], lettersUnread: [stalled('/xx/', '县长信箱')] }), asOf);
    expect(m.channel).toBe(true);
    expect(m.counts).toEqual({ noChannelOrOverdue: null, noChannel: 0, unrepliedRate: null, slowReplies: null, fieldsMissing: null });
  });

  it('a letter whose detail page could not be read is not counted unanswered: V6 not measured rather than vetoed', () => {
    const letter = (n: number) => ({
      title: `关于道路维修的咨询${n}`,
      url: `${host}/xx/${n}.html`,
      received: '2026-03-0' + n,
      replied: null,
      status: null,
      department: null,
      text: null,
    });
    const observed = mailboxObservation({
      channels: [{ text: '县长信箱', href: `${host}/xx/` }],
      channel: { text: '县长信箱', href: `${host}/xx/` },
      letters: [letter(1), letter(2)],
      details: [{ url: `${host}/xx/1.html`, fields: { 答复时间: '2026-03-05', 答复内容: '已转交相关部门办理。' } }],
      detailsUnread: [stalled('/xx/2.html', '关于道路维修的咨询2')],
    });
    const m = evaluateMailbox(observed, asOf);
    expect([m.unansweredOver90Days, m.counts.noChannelOrOverdue, m.replyRate]).toEqual([null, null, null]);
    const v6 = scoreSite(loadIndicatorSet('national-2019'), measurementsFrom({ mailbox: m }), {}).indicators.find((i) => i.id === 'V6')!;
    expect(v6.status).toBe('not-measured');
    expect(v6.reason).toMatch(/“关于道路维修的咨询2”/);
    // The same letter read and unanswered is a veto on evidence.
    const read = evaluateMailbox({ ...observed, detailsUnread: [], details: [...observed.details, { url: `${host}/xx/2.html`, fields: {} }] }, asOf);
    expect(read.counts.noChannelOrOverdue).toBe(1);
  });
});

describe('services and search with pages that could not be read', () => {
  it('no guide found while a page of the section could not be read: V7 not measured, no suspected veto', () => {
    const observed: ServicesObservation = {
      entry: { text: '办事服务', href: `${host}/bsfw/` },
      listUrl: null,
      guidesListed: 0,
      guides: [],
      checked: [],
      searched: { pages: [`${host}/`], terms: ['办事服务'], links: 5, unread: [stalled('/bsfw/', null)] },
    };
    const s = evaluateServices(observed);
    expect(s.counts.notFound).toBeNull();
    expect(findAbsences({ services: observed, functions: undefined }, measurementsFrom({ services: s }))).toEqual({});
    const v7 = scoreSite(loadIndicatorSet('national-2019'), measurementsFrom({ services: s }), {}).indicators.find((i) => i.id === 'V7')!;
    expect(v7.status).toBe('not-measured');
  });

  it('a search that could not be completed is untested, with the reason', () => {
    const search = { present: true, query: '关于做好冬季安全生产工作的通知', resultsUrl: `${host}/s`, status: null, found: null, error: 'script-timeout' };
    const functions = {
      search,
      elderly: { entries: [], toolbar: false },
      mobile: { viewportMeta: null, scrollWidth: null, width: 375 },
      article: null,
      https: true,
    };
    const identity = evaluateIdentity(null, functions, []);
    expect(identity).toMatchObject({ search: 'untested', searchError: 'script-timeout' });
    const i = measurementsFrom({ identity });
    const scored = scoreSite(loadIndicatorSet('national-2019'), i, {}).indicators.filter((x) => x.reason?.includes('站内搜索'));
    expect(scored.map((x) => [x.status, x.reason])).toEqual([['not-measured', '未能测量：站内搜索未能完成（页面脚本长时间占用）']]);
  });
});

/** A page the page budget did not let the crawl open: what it would have shown is as unknown as a page that could not be read. */
const notOpened = (path: string, name: string | null): UnreadPage => ({ url: `${host}${path}`, name, reason: 'page-budget' });

describe('pages the page budget did not open', () => {
  it('a crawl page not opened leaves the news volume and a navigation homepage not measured, saying the budget cut them', () => {
    const unreadPages = [notOpened('/ywdt/', '要闻动态'), stalled('/zwdt/', '政务动态')];
    const m = evaluateUpdateFrequency({ homepage: home([]), columns: [column('通知公告', '/tzgg/', [daysAgo(30)])], unreadPages }, asOf);
    expect(m.newsItemsInWindow).toBeNull();
    expect(m.homepage).toMatchObject({ latest: null, stale: null, source: null });
    expect(describeUnread(m.unread)).toBe('1 个页面重试后仍无法读取：“政务动态”（页面脚本长时间占用）；1 个页面因超出页面预算未打开：“要闻动态”');
    const measurements = measurementsFrom({ updateFrequency: m });
    const scored = scoreSite(loadIndicatorSet('national-2019'), measurements, {}, undefined, [], findAbsences({}, measurements));
    const v2 = scored.indicators.find((i) => i.id === 'V2')!;
    expect([v2.status, scored.vetoes, scored.suspectedVetoes]).toEqual(['not-measured', [], []]);
    expect(v2.reason).toContain('因超出页面预算未打开：“要闻动态”');
  });

  it('an undated item whose article was not opened leaves its column not measured rather than stale', () => {
    const m = evaluateUpdateFrequency(
      { homepage: home([daysAgo(1)]), columns: [column('工作动态', '/gzdt/', [null], [notOpened('/gzdt/0.html', '工作动态0')])] },
      asOf,
    );
    expect(m.columns[0]).toMatchObject({ stale: null, unread: [notOpened('/gzdt/0.html', '工作动态0')] });
    expect(m.staleKeyColumns).toBe(0);
  });

  it('a disclosure entry page not opened: every count not measured, no absence', () => {
    const observed: DisclosureObservation = { entry: opened('/zwgk/', null, 'page-budget'), parts: {}, reports: [] };
    const d = evaluateDisclosure(observed, asOf, 'government');
    expect(Object.values(d.counts).every((v) => v === null)).toBe(true);
    expect(findAbsences({ disclosure: observed, functions: undefined }, measurementsFrom({ disclosure: d }))).toEqual({});
  });

  it('a further page of the letters not opened: the letters are not measured, so no veto rests on the pages read', () => {
    const channel = { text: '县长信箱', href: `${host}/xx/` };
    const m = evaluateMailbox(mailboxObservation({ channels: [channel], channel, lettersUnread: [notOpened('/xx/?page=2', '下一页')] }), asOf);
    expect(m.counts).toEqual({ noChannelOrOverdue: null, noChannel: 0, unrepliedRate: null, slowReplies: null, fieldsMissing: null });
  });

  it('no linked 适老化 entry and a homepage not opened again to look for one: not measured, no deduction and no "未找到" finding', () => {
    const functions = {
      search: { present: false, query: null, resultsUrl: null, status: null, found: null, error: null },
      elderly: { entries: [], toolbar: false, modes: null, error: 'page-budget' },
      mobile: { viewportMeta: null, scrollWidth: null, width: 375, error: 'page-budget' },
      article: null,
      https: true,
    };
    const identity = evaluateIdentity(null, functions, []);
    expect(identity.counts).toMatchObject({ elderlyMissing: null, mobileProblems: null });
    const scored = scoreSite(loadIndicatorSet('national-2019'), measurementsFrom({ identity }), {});
    const elderly = scored.indicators.find((i) => i.reason?.includes('无障碍/长者模式入口'))!;
    expect([elderly.status, elderly.deduction, elderly.findings]).toEqual(['not-measured', 0, []]);
    expect(elderly.reason).toBe('未能测量：首页未能再次打开以查找无障碍/长者模式入口（超出页面预算）');
    // Opened and looked through, with no entry anywhere: missing, as before.
    expect(evaluateIdentity(null, { ...functions, elderly: { entries: [], toolbar: false, modes: null } }, []).counts.elderlyMissing).toBe(1);
  });
});
