import { describe, expect, it } from 'vitest';

import type { LetterRow, MailboxObservation } from '../../../evaluators/collect/mailbox-pages.js';
import { evaluateMailbox } from '../../../evaluators/mailbox.js';

const asOf = '2026-11-21';
const list = 'https://www.example.gov.cn/hd/jzxx/';

/** The calendar day `n` days before asOf. */
function daysAgo(n: number): string {
  return new Date(Date.UTC(2026, 10, 21) - n * 86_400_000).toISOString().slice(0, 10);
}

let counter = 0;
function letter(o: Partial<LetterRow> = {}): LetterRow {
  const n = ++counter;
  return { title: `来信${n}`, url: null, received: null, replied: null, status: null, department: null, text: null, ...o };
}

function mailbox(letters: LetterRow[], o: Partial<MailboxObservation> = {}): MailboxObservation {
  return {
    channels: [{ text: '局长信箱', href: list }],
    notConsultation: [],
    channel: { text: '局长信箱', href: list },
    listUrl: list,
    inFrame: false,
    listPages: 1,
    headers: ['标题', '来信时间', '回复时间', '状态'],
    letters,
    details: [],
    ...o,
  };
}

describe('evaluateMailbox: the letters of the last year', () => {
  it('sanity: daysAgo counts calendar days', () => {
    expect(daysAgo(91)).toBe('2026-08-22'); // 21 days of November, 31 of October, 30 of September: 82 → 22 August is 9 more
    expect(daysAgo(365)).toBe('2025-11-21'); // no 29 February in between
  });

  it('counts a letter received 365 days ago, not one received 366 days ago nor one dated after the evaluation date', () => {
    const m = evaluateMailbox(
      mailbox([
        letter({ received: daysAgo(365), replied: daysAgo(360) }),
        letter({ received: daysAgo(366), replied: daysAgo(360) }),
        letter({ received: '2026-11-22', replied: '2026-11-22' }),
      ]),
      asOf,
    );
    expect(m.letters).toBe(1);
    expect(m.replied).toBe(1);
  });

  it('counts an unanswered letter of 91 days as over 3 months, not one of 90 or 89 days', () => {
    const m = evaluateMailbox(
      mailbox([
        letter({ title: '九十一天', url: `${list}91.html`, received: daysAgo(91) }),
        letter({ title: '九十天', received: daysAgo(90) }),
        letter({ title: '八十九天', received: daysAgo(89) }),
      ]),
      asOf,
    );
    expect(m.unansweredOver90Days).toBe(1);
    expect(m.unanswered).toEqual([{ title: '九十一天', url: `${list}91.html`, received: '2026-08-22', days: 91 }]);
    // A channel (0) plus one overdue letter (1).
    expect(m.counts.noChannelOrOverdue).toBe(1);
  });

  it('does not count a letter answered by its status as overdue, and does not count an open status as an answer', () => {
    const m = evaluateMailbox(
      mailbox([
        letter({ received: daysAgo(200), status: '已办结' }),
        letter({ received: daysAgo(200), status: '未办结' }), // contains 办结, but is still open
        letter({ received: daysAgo(200), status: '办理中' }),
        letter({ received: daysAgo(200), status: '未回复' }),
      ]),
      asOf,
    );
    expect(m.replied).toBe(1);
    expect(m.unansweredOver90Days).toBe(3);
    // Answered by status without a reply date: no latency to count.
    expect(m.latencies).toEqual([]);
    expect(m.medianReplyWorkingDays).toBeNull();
  });

  it('gives the reply rate to three decimals: 2 of 3 replied is 0.667, unreplied 0.333', () => {
    const m = evaluateMailbox(
      mailbox([
        letter({ received: daysAgo(20), replied: daysAgo(18) }),
        letter({ received: daysAgo(20), status: '已答复' }),
        letter({ received: daysAgo(20), status: '待回复' }),
      ]),
      asOf,
    );
    expect([m.letters, m.replied, m.replyRate, m.counts.unrepliedRate]).toEqual([3, 2, 0.667, 0.333]);
  });

  it('has no reply rate (not a perfect or a zero one) and no latency without any letter in the window', () => {
    const m = evaluateMailbox(mailbox([letter({ received: daysAgo(400), replied: daysAgo(399) })]), asOf);
    expect(m).toMatchObject({ letters: 0, replied: 0, replyRate: null, medianReplyWorkingDays: null, p90ReplyWorkingDays: null, unansweredOver90Days: 0 });
    expect(m.counts).toMatchObject({ unrepliedRate: null, slowReplies: 0, noChannel: 0, noChannelOrOverdue: 0 });
  });

  it('ignores a letter whose dates cannot be read', () => {
    const m = evaluateMailbox(mailbox([letter({ received: '近日', status: '待回复' })]), asOf);
    expect([m.letters, m.unansweredOver90Days]).toEqual([0, 0]);
  });
});

describe('evaluateMailbox: where the dates come from', () => {
  it('reads dates in Chinese form, from the row text in order (received, replied), or from the detail page', () => {
    const detail = `${list}d1.html`;
    const m = evaluateMailbox(
      mailbox(
        [
          letter({ title: '中文日期', received: '2026年11月2日', replied: '2026年11月3日' }), // Mon → Tue: 1 working day
          letter({ title: '整行', text: '关于停车问题 2026-11-04 2026-11-06 已回复' }), // Wed → Fri: 2
          letter({ title: '详情页', url: detail }),
        ],
        { details: [{ url: detail, fields: { 来信日期: '2026-11-02', 答复日期: '2026-11-09', 答复部门: '办公室', 答复内容: '已处理' } }] },
      ),
      asOf,
    );
    // 2 Nov (Mon) → 9 Nov (Mon): Tue…Fri and Mon, 5 working days.
    expect(m.latencies.map((l) => [l.title, l.received, l.replied, l.workingDays])).toEqual([
      ['详情页', '2026-11-02', '2026-11-09', 5],
      ['整行', '2026-11-04', '2026-11-06', 2],
      ['中文日期', '2026-11-02', '2026-11-03', 1],
    ]);
    expect(m.replied).toBe(3);
  });
});

describe('evaluateMailbox: reply latency in working days (official holiday calendar)', () => {
  it('skips the National Day week and counts the 调休 Saturday: 30 Sep → 12 Oct 2026 is 4 working days', () => {
    // Off 1–7 Oct; 8 Oct (Thu), 9 Oct (Fri), 10 Oct (Sat, worked), 11 Oct (Sun) off, 12 Oct (Mon): 4.
    const m = evaluateMailbox(mailbox([letter({ received: '2026-09-30', replied: '2026-10-12' })]), asOf);
    expect(m.latencies[0]!.workingDays).toBe(4);
    expect(m.outsideCalendar).toBe(0);
  });

  it('counts a reply on the day of receipt as 0 working days', () => {
    expect(evaluateMailbox(mailbox([letter({ received: '2026-11-18', replied: '2026-11-18' })]), asOf).latencies[0]!.workingDays).toBe(0);
  });

  it('calls a reply slow above 15 working days: over the Spring Festival, 10 Feb → 9 Mar is 15 (not slow), → 10 Mar 16 (slow)', () => {
    // After Tue 10 Feb 2026: 11, 12, 13 Feb (3), Sat 14 Feb worked (4), 15–23 Feb off, 24–27 Feb (8), Sat 28 Feb worked (9),
    // 2–6 Mar (14), Mon 9 Mar (15), Tue 10 Mar (16).
    const m = evaluateMailbox(
      mailbox([
        letter({ title: '十五', received: '2026-02-10', replied: '2026-03-09' }),
        letter({ title: '十六', received: '2026-02-10', replied: '2026-03-10' }),
        letter({ title: '四', received: '2026-09-30', replied: '2026-10-12' }),
      ]),
      asOf,
    );
    expect(m.latencies.map((l) => [l.title, l.workingDays])).toEqual([
      ['十六', 16],
      ['十五', 15],
      ['四', 4],
    ]);
    expect(m.counts.slowReplies).toBe(1);
    // Nearest rank of [4, 15, 16]: median the 2nd, 90th percentile the 3rd.
    expect([m.medianReplyWorkingDays, m.p90ReplyWorkingDays]).toEqual([15, 16]);
  });

  it('counts Monday to Friday outside the calendar years and says how many letters were counted so', () => {
    // Fri 31 Dec 2027 → Tue 4 Jan 2028: 2028 is not in the calendar; Sat 1, Sun 2 Jan skipped, Mon 3, Tue 4: 2.
    const m = evaluateMailbox(mailbox([letter({ received: '2027-12-31', replied: '2028-01-04' })]), '2028-03-01');
    expect(m.latencies[0]!.workingDays).toBe(2);
    expect(m.outsideCalendar).toBe(1);
  });
});

describe('evaluateMailbox: channels and disclosed fields', () => {
  it('without a consultation channel counts 1, plus every overdue letter; petition links are listed apart', () => {
    const m = evaluateMailbox(
      mailbox([letter({ received: daysAgo(100) }), letter({ received: daysAgo(120) })], {
        channels: [],
        channel: null,
        listUrl: null,
        notConsultation: [
          { text: '信访事项', href: 'https://www.example.gov.cn/xf/' },
          { text: '信访事项', href: 'https://www.example.gov.cn/xf2/' },
        ],
      }),
      asOf,
    );
    expect(m).toMatchObject({ channel: false, channels: [], notConsultation: ['信访事项'], url: null });
    expect(m.counts).toMatchObject({ noChannel: 1, noChannelOrOverdue: 3 });
  });

  it('takes the channel link as the URL when no list page was read', () => {
    expect(evaluateMailbox(mailbox([], { listUrl: null }), asOf).url).toBe(list);
  });

  it('without any mailbox observation finds no channel and no letters (nothing to judge the fields on)', () => {
    const m = evaluateMailbox(null, asOf);
    expect(m).toMatchObject({ channel: false, url: null, letters: 0, replyRate: null, fieldsShown: [] });
    expect(m.counts).toEqual({ noChannelOrOverdue: 1, noChannel: 1, unrepliedRate: null, slowReplies: 0, fieldsMissing: 0 });
  });

  it('judges the four disclosed fields on the detail pages read: 2 shown of 4 is 2 missing', () => {
    const m = evaluateMailbox(
      mailbox([letter({ url: `${list}1.html`, received: daysAgo(10), replied: daysAgo(5) })], {
        details: [{ url: `${list}1.html`, fields: { 受理时间: '2026-11-11', 回复内容: '感谢来信', 一段很长很长很长的说明文字答复部门: 'x' } }],
      }),
      asOf,
    );
    // The third label is longer than 8 characters: body text, not a field label.
    expect(m.fieldsShown).toEqual(['受理日期', '答复内容']);
    expect(m.fieldsMissing).toEqual(['答复日期', '答复部门']);
    expect(m.counts.fieldsMissing).toBe(2);
  });

  it('does not count missing fields without any detail page read', () => {
    const m = evaluateMailbox(mailbox([letter({ received: daysAgo(10), replied: daysAgo(5) })]), asOf);
    expect(m.fieldsMissing).toHaveLength(4);
    expect(m.counts.fieldsMissing).toBe(0);
  });
});
