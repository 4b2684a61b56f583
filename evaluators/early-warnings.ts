import type { AvailabilityMeasurement } from './availability.js';
import type { ColumnKind } from './lib/column-kind.js';
import { daysBetween, type IsoDate } from './lib/dates.js';
import { defaultMailboxOptions, type MailboxMeasurement } from './mailbox.js';
import type { UpdateFrequencyMeasurement } from './update-frequency.js';

/**
 * Early warnings between campaigns (预警): what will become a veto if nothing is done — a column or the homepage
 * some days from the end of its update window, a letter some days from three months unanswered, a homepage
 * failing its probes. Judged on the same measurements a campaign scores, with the same windows.
 */
export type WarningKind = 'homepage' | 'column' | 'blank-column' | 'letter' | 'availability';

export interface EarlyWarning {
  kind: WarningKind;
  /** The veto it leads to: V1 (availability), V2 (homepage), V3/V4 (columns), V5 (blank), V6 (letters). */
  indicator: string;
  /** What it is about, stable between checks: the column's or letter's address, or the homepage. */
  subject: string;
  /** The column's or letter's name; the homepage's address. */
  name: string;
  /**
   * The last day the window still holds (the column's newest item + its window; a letter's receipt + 90 days);
   * null where no date decides it (failing probes, a blank column, a column with no dated item).
   */
  due: IsoDate | null;
  /** due − the check's date: 0 on the last day, negative once past it (the veto's condition is met). */
  daysLeft: number | null;
  /** One sentence in Chinese, for the department. */
  message: string;
}

/** How long before the end of each window a warning is given, in days; the probe failure share that warns. */
export interface WarningLeads {
  /** The homepage (2-week window): the brief's example, 10 days without an item of 14. */
  homepage: number;
  /** Columns by kind: 要闻/动态 (2 weeks), 通知公告/政策文件 (6 months), the rest (a year). */
  columns: Record<ColumnKind, number>;
  /** Letters: days before the 3 months (90 days) unanswered. */
  letter: number;
  /** Share of failed homepage probes that warns (the veto is at 5 %; the national model warns at 3 %). */
  probeFailureShare: number;
}

export const defaultWarningLeads: WarningLeads = {
  homepage: 4,
  columns: { news: 4, notice: 30, policy: 30, personnel: 30, planning: 30, other: 30 },
  letter: 30,
  probeFailureShare: 0.03,
};

/** The last day a window opened on `from` holds: `from` + `windowDays`. */
export function windowDue(from: IsoDate, windowDays: number): IsoDate {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + windowDays);
  return d.toISOString().slice(0, 10);
}

/** Days from the check's date to the window's last day: windowDays − age. Negative: the window has run out. */
export function daysLeft(from: IsoDate, windowDays: number, asOf: IsoDate): number {
  return windowDays - daysBetween(from, asOf);
}

/** Warned when `lead` days or fewer are left (and also once the window has run out, until the item comes). */
export const withinLead = (left: number, lead: number) => left <= lead;

export interface WarningInputs {
  updateFrequency: UpdateFrequencyMeasurement | null;
  mailbox: MailboxMeasurement | null;
  availability: AvailabilityMeasurement | null;
  /** The homepage could not be read at all (a failed check): its reason, as a warning of its own. */
  unreachable?: string | null;
  homepageUrl: string;
}

/** The early warnings of one site on `asOf`, most urgent first. */
export function earlyWarnings(inputs: WarningInputs, asOf: IsoDate, leads: WarningLeads = defaultWarningLeads, homepageWindowDays = 14): EarlyWarning[] {
  const warnings: EarlyWarning[] = [];
  const uf = inputs.updateFrequency;
  if (uf?.homepage.latest) {
    const left = daysLeft(uf.homepage.latest, homepageWindowDays, asOf);
    if (withinLead(left, leads.homepage))
      warnings.push({
        kind: 'homepage',
        indicator: 'V2',
        subject: 'homepage',
        name: inputs.homepageUrl,
        due: windowDue(uf.homepage.latest, homepageWindowDays),
        daysLeft: left,
        message:
          left >= 0
            ? `首页最新信息发布于 ${uf.homepage.latest}，已 ${homepageWindowDays - left} 天未更新；再过 ${left} 天仍无新信息即超过 ${homepageWindowDays} 天（首页不更新，单项否决）`
            : `首页最新信息发布于 ${uf.homepage.latest}，已超过 ${homepageWindowDays} 天未更新（首页不更新，单项否决）`,
      });
  }
  for (const c of uf?.columns ?? []) {
    const indicator = c.keyColumn ? 'V3' : 'V4';
    if (c.blank) {
      warnings.push({ kind: 'blank-column', indicator: 'V5', subject: c.url, name: c.name, due: null, daysLeft: null, message: `栏目“${c.name}”为空白栏目` });
      continue;
    }
    if (c.stale === null) continue; // some of its pages could not be read: nothing to say
    if (!c.latest) {
      warnings.push({
        kind: 'column',
        indicator,
        subject: c.url,
        name: c.name,
        due: null,
        daysLeft: null,
        message: `栏目“${c.name}”的信息均未注明发布日期，视为不更新`,
      });
      continue;
    }
    const left = daysLeft(c.latest, c.windowDays, asOf);
    if (!withinLead(left, leads.columns[c.kind])) continue;
    warnings.push({
      kind: 'column',
      indicator,
      subject: c.url,
      name: c.name,
      due: windowDue(c.latest, c.windowDays),
      daysLeft: left,
      message:
        left >= 0
          ? `栏目“${c.name}”最新信息发布于 ${c.latest}，更新期限 ${c.windowDays} 天，还剩 ${left} 天`
          : `栏目“${c.name}”最新信息发布于 ${c.latest}，已超过 ${c.windowDays} 天的更新期限 ${-left} 天`,
    });
  }
  const mb = inputs.mailbox;
  for (const letter of mb?.awaiting ?? []) {
    const left = daysLeft(letter.received, defaultMailboxOptions.unansweredDays, asOf);
    if (!withinLead(left, leads.letter)) continue;
    warnings.push({
      kind: 'letter',
      indicator: 'V6',
      subject: letter.url ?? `${letter.received} ${letter.title}`,
      name: letter.title,
      due: windowDue(letter.received, defaultMailboxOptions.unansweredDays),
      daysLeft: left,
      message:
        left >= 0
          ? `留言“${letter.title}”（${letter.received} 收到）已 ${letter.days} 天未答复；再过 ${left} 天即超过 3 个月未回应（互动回应差，单项否决）`
          : `留言“${letter.title}”（${letter.received} 收到）已 ${letter.days} 天未答复，超过 3 个月未回应（互动回应差，单项否决）`,
    });
  }
  const av = inputs.availability;
  if (inputs.unreachable || (av && av.failures > 0 && (av.failureRatio ?? 0) >= leads.probeFailureShare)) {
    const share = av?.failureRatio != null ? `${(av.failureRatio * 100).toFixed(1)}%` : '';
    warnings.push({
      kind: 'availability',
      indicator: 'V1',
      subject: 'homepage',
      name: inputs.homepageUrl,
      due: null,
      daysLeft: null,
      message: inputs.unreachable
        ? `首页无法访问（${inputs.unreachable}）；监测期内打不开的次数累计达到 5% 即单项否决`
        : `首页探测 ${av!.probes} 次中 ${av!.failures} 次失败（${share}）；累计达到 5% 即单项否决（站点无法访问）`,
    });
  }
  const urgency = (w: EarlyWarning) => w.daysLeft ?? -Infinity;
  return warnings.sort((a, b) => urgency(a) - urgency(b));
}
