import type { LetterRow, MailboxObservation } from './collect/mailbox-pages.js';
import type { UnreadPage } from './collect/observations.js';
import { daysBetween, findDates, type IsoDate } from './lib/dates.js';
import { percentile } from './lib/percentile.js';
import { matches, taxonomy } from './lib/taxonomy.js';
import { officialCalendar, workingDaysBetween } from './lib/workdays.js';

/** 互动回应: consultation channels, letters of the last year, reply rate and working-day latency. */
export const meta = { id: 'mailbox', version: '1', needs: ['mailbox'] } as const;

export interface MailboxOptions {
  /** Letters received within this many days before the evaluation date are counted ("前1年内"). */
  windowDays: number;
  /** Unanswered longer than this (calendar days) is the V6 veto's "超过3个月未回应". */
  unansweredDays: number;
  /** A reply later than this many working days is slow (D13: 3 × the 5-working-day deadline, docs/indicators.md §5). */
  slowReplyWorkingDays: number;
}

export const defaultMailboxOptions: MailboxOptions = { windowDays: 365, unansweredDays: 90, slowReplyWorkingDays: 15 };

export interface MailboxMeasurement {
  /** A consultation channel exists (信访 and 纪检举报 links do not count). */
  channel: boolean;
  channels: string[];
  notConsultation: string[];
  url: string | null;
  letters: number;
  replied: number;
  replyRate: number | null;
  /** null when a letter that would count could not be judged: its detail page could not be read. */
  unansweredOver90Days: number | null;
  unanswered: Array<{ title: string; url: string | null; received: IsoDate; days: number }>;
  /** Letters of the window known to be still unanswered, however long they have waited: what the early warnings watch. */
  awaiting: Array<{ title: string; url: string | null; received: IsoDate; days: number }>;
  medianReplyWorkingDays: number | null;
  p90ReplyWorkingDays: number | null;
  /** Replies, each with its working-day latency (slowest first), for the deadline rules. */
  latencies: Array<{ title: string; url: string | null; received: IsoDate; replied: IsoDate; workingDays: number }>;
  fieldsShown: string[];
  fieldsMissing: string[];
  /** Letters whose dates fall outside the official holiday calendar's years (counted Monday–Friday). */
  outsideCalendar: number;
  /**
   * The numbers indicator sets score (source paths mailbox.counts.*). null where a page they rest on could not
   * be read: a channel not found while a page it may be named on was unread, letters whose list was unread.
   */
  counts: {
    noChannelOrOverdue: number | null;
    noChannel: number | null;
    unrepliedRate: number | null;
    slowReplies: number | null;
    fieldsMissing: number | null;
  };
  /** Those pages, even on a second try. */
  unread: UnreadPage[];
}

interface Letter {
  title: string;
  url: string | null;
  received: IsoDate | null;
  replied: IsoDate | null;
  answered: boolean;
  /** Not known to be answered, and the detail page that would tell could not be read. */
  unknown: boolean;
}

export function evaluateMailbox(observed: MailboxObservation | null, asOf: IsoDate, options: MailboxOptions = defaultMailboxOptions): MailboxMeasurement {
  const letters = observed ? readLetters(observed, asOf) : [];
  const inWindow = letters.filter((l) => l.received && l.received <= asOf && daysBetween(l.received, asOf) <= options.windowDays);
  const replied = inWindow.filter((l) => l.answered);
  const calendar = officialCalendar();
  const latencies = replied
    .filter((l) => l.replied)
    .map((l) => ({
      title: l.title,
      url: l.url,
      received: l.received!,
      replied: l.replied!,
      workingDays: workingDaysBetween(l.received!, l.replied!, calendar),
    }))
    .sort((a, b) => b.workingDays - a.workingDays);
  const sorted = latencies.map((l) => l.workingDays).sort((a, b) => a - b);
  const overdue = inWindow.filter((l) => !l.answered && daysBetween(l.received!, asOf) > options.unansweredDays);
  const unanswered = overdue
    .filter((l) => !l.unknown)
    .map((l) => ({ title: l.title, url: l.url, received: l.received!, days: daysBetween(l.received!, asOf) }));
  const shown = fieldsShown(observed);
  const channel = (observed?.channels.length ?? 0) > 0;
  const fieldsMissing = Object.keys(taxonomy().mailbox.disclosedFields).filter((f) => !shown.includes(f));
  // No channel found while a page it may be named on could not be read; or channels whose letters could not be.
  const channelUnread = channel ? [] : (observed?.searched?.unread ?? []);
  const lettersUnread = channel ? (observed?.lettersUnread ?? []) : [];
  const known = <T>(value: T) => (channelUnread.length || lettersUnread.length ? null : value);
  // Letters of the year not known to be answered because the detail page that would tell could not be read;
  // and reply fields, which a detail page that could not be read may show where the others do not.
  const repliesUnknown = inWindow.some((l) => l.unknown);
  const overdueUnknown = overdue.some((l) => l.unknown);
  const fieldsUnknown = (observed?.detailsUnread?.length ?? 0) > 0 && fieldsMissing.length > 0;
  const unread = [...channelUnread, ...lettersUnread, ...(repliesUnknown || fieldsUnknown ? (observed?.detailsUnread ?? []) : [])];
  const replyRate = repliesUnknown ? null : known(inWindow.length ? Math.round((replied.length / inWindow.length) * 1000) / 1000 : null);
  return {
    channel,
    channels: [...new Set(observed?.channels.map((c) => c.text) ?? [])],
    notConsultation: [...new Set(observed?.notConsultation.map((c) => c.text) ?? [])],
    url: observed?.listUrl ?? observed?.channel?.href ?? null,
    letters: inWindow.length,
    replied: replied.length,
    replyRate,
    unansweredOver90Days: overdueUnknown ? null : unanswered.length,
    unanswered,
    awaiting: inWindow
      .filter((l) => !l.answered && !l.unknown)
      .map((l) => ({ title: l.title, url: l.url, received: l.received!, days: daysBetween(l.received!, asOf) })),
    medianReplyWorkingDays: percentile(sorted, 0.5),
    p90ReplyWorkingDays: percentile(sorted, 0.9),
    latencies,
    fieldsShown: shown,
    fieldsMissing,
    outsideCalendar: latencies.filter((l) => !calendar.covers(l.received) || !calendar.covers(l.replied)).length,
    counts: {
      noChannelOrOverdue: overdueUnknown ? null : known((channel ? 0 : 1) + unanswered.length),
      noChannel: channelUnread.length ? null : channel ? 0 : 1,
      unrepliedRate: replyRate === null ? null : Math.round((1 - replyRate) * 1000) / 1000,
      slowReplies: known(latencies.filter((l) => l.workingDays > options.slowReplyWorkingDays).length),
      // Fields are judged on published replies; without any there is nothing to judge.
      fieldsMissing: fieldsUnknown ? null : known(observed?.details.length ? fieldsMissing.length : 0),
    },
    unread,
  };
}

function dateIn(text: string | null | undefined, asOf: IsoDate): IsoDate | null {
  return text ? (findDates(text, { asOf })[0]?.date ?? null) : null;
}

/** The list's rows, completed from the detail pages where the list lacks the reply date. */
function readLetters(observed: MailboxObservation, asOf: IsoDate): Letter[] {
  const t = taxonomy().mailbox;
  const details = new Map(observed.details.map((d) => [d.url, d.fields]));
  const unreadDetails = new Set((observed.detailsUnread ?? []).map((d) => d.url));
  return observed.letters.map((row: LetterRow) => {
    const fields = row.url ? details.get(row.url) : undefined;
    const field = (terms: string[]) => (fields ? Object.entries(fields).find(([label]) => matches(label, terms))?.[1] : undefined);
    // A list row without header cells shows its dates in order: received, then replied.
    const inText = row.text ? findDates(row.text, { asOf }).map((d) => d.date) : [];
    const received = dateIn(row.received, asOf) ?? inText[0] ?? dateIn(field(t.fields.received), asOf);
    const replied = dateIn(row.replied, asOf) ?? inText[1] ?? dateIn(field(t.fields.replied), asOf);
    const status = row.status ?? field(t.fields.status) ?? '';
    const answered = replied !== null || (matches(status, t.repliedStatus) && !matches(status, t.openStatus));
    return { title: row.title, url: row.url, received, replied, answered, unknown: !answered && !!row.url && unreadDetails.has(row.url) };
  });
}

/** Which reply-disclosure fields the detail pages of answered letters show (any one page showing it counts). */
function fieldsShown(observed: MailboxObservation | null): string[] {
  if (!observed?.details.length) return [];
  const labels = observed.details.flatMap((d) => Object.keys(d.fields));
  return Object.entries(taxonomy().mailbox.disclosedFields)
    .filter(([, terms]) => labels.some((l) => l.length <= 8 && matches(l, terms)))
    .map(([field]) => field);
}
