import { daysBetween } from './lib/dates.js';
import { subject } from './lib/finding-subject.js';
import type { FindingsByGroup } from './registry/finding-groups.js';

/**
 * 政务新媒体: a site's official accounts (微信公众号, 微博, 抖音 …) as the evaluation office registers them
 * (`newMedia:` in the sites file, `govscore assess --new-media`), judged by the 政务新媒体 part of the 2019
 * inspection indicators: no post in the 2 weeks before the evaluation date, more than one account of a unit
 * on one platform (多头开设), no interaction function, messages left unanswered. Nothing is crawled: the
 * dates are the office's, and an account without one is not measured, never stale.
 */
export const meta = { id: 'newMedia', version: '1', needs: ['newMedia'] } as const;

/** One registered account, as stored with the site's observations. */
export interface NewMediaAccount {
  /** The platform's usual name (微信公众号, 微博, 抖音, 今日头条 …), or the table's text for a platform we do not know. */
  platform: string;
  name: string;
  /** 账号链接/ID as written (never opened). */
  link: string | null;
  /** YYYY-MM-DD; null when the table gives none. */
  lastPost: string | null;
  postsInTwoWeeks: number | null;
  /** 是否提供互动功能: null when the table does not say. */
  interaction: boolean | null;
  /** 留言未回复数: null when the table does not say. */
  unanswered: number | null;
  /** Where the row is, for a department checking it against its own records. */
  line: number;
}

export interface NewMediaObservation {
  /** The register as given and the sha256 of its bytes. */
  source: { file: string; sha256: string; sheet: string | null };
  accounts: NewMediaAccount[];
}

/** Days without a post after which an account counts as not updated: 监测时间点前2周内无更新. */
export const STALE_AFTER_DAYS = 14;

export type AccountStatus = 'fresh' | 'stale' | 'not-measured';

export interface AccountResult extends NewMediaAccount {
  /** Days from the last post to the evaluation date; null when not measured. */
  days: number | null;
  status: AccountStatus;
  /** Why the freshness is not measured, in Chinese. */
  notMeasured: string | null;
  /** Another account of the site on the same platform (多头开设). */
  duplicate: boolean;
}

export interface NewMediaMeasurement {
  source: NewMediaObservation['source'];
  accounts: AccountResult[];
  /** Accounts whose freshness was measured, and those of them without a post in 2 weeks. */
  measured: number;
  /** null when no account has a last-post date (not measured). */
  staleAccounts: number | null;
  /** measured − stale over measured (what a weighted set scores); null when nothing was measured. */
  freshShare: number | null;
  /** Platforms on which the site has more than one account. */
  duplicatePlatforms: number;
  /** Accounts the table says offer no interaction; null when the table says it for none. */
  noInteraction: number | null;
  /** Messages left unanswered over the accounts the table gives it for; null when it gives it for none. */
  unansweredMessages: number | null;
}

/** A site's register rows judged on the evaluation date; null without rows (not measured, never zero). */
export function evaluateNewMedia(observed: NewMediaObservation | null | undefined, asOf: string): NewMediaMeasurement | null {
  if (!observed?.accounts.length) return null;
  const perPlatform = new Map<string, number>();
  for (const a of observed.accounts) perPlatform.set(a.platform, (perPlatform.get(a.platform) ?? 0) + 1);
  const accounts = observed.accounts.map((a): AccountResult => ({ ...a, ...freshness(a.lastPost, asOf), duplicate: perPlatform.get(a.platform)! > 1 }));
  const measured = accounts.filter((a) => a.status !== 'not-measured');
  const stale = measured.filter((a) => a.status === 'stale').length;
  const told = <K extends 'interaction' | 'unanswered'>(key: K) => accounts.filter((a) => a[key] !== null);
  const interaction = told('interaction');
  const unanswered = told('unanswered');
  return {
    source: observed.source,
    accounts,
    measured: measured.length,
    staleAccounts: measured.length ? stale : null,
    freshShare: measured.length ? Math.round(((measured.length - stale) / measured.length) * 1000) / 1000 : null,
    duplicatePlatforms: [...perPlatform.values()].filter((n) => n > 1).length,
    noInteraction: interaction.length ? interaction.filter((a) => a.interaction === false).length : null,
    unansweredMessages: unanswered.length ? unanswered.reduce((sum, a) => sum + a.unanswered!, 0) : null,
  };
}

function freshness(lastPost: string | null, asOf: string): Pick<AccountResult, 'days' | 'status' | 'notMeasured'> {
  if (!lastPost) return { days: null, status: 'not-measured', notMeasured: '登记表未填写最后发布日期' };
  const days = daysBetween(lastPost, asOf);
  // A post after the evaluation date says nothing about the 2 weeks before it.
  if (days < 0) return { days: null, status: 'not-measured', notMeasured: `最后发布日期 ${lastPost} 晚于评估日期，无法判断评估日前两周内是否更新` };
  return { days, status: days > STALE_AFTER_DAYS ? 'stale' : 'fresh', notMeasured: null };
}

/** The register's file name without its folder: the office's paths are not the departments' business. */
export const registerName = (file: string) => file.split(/[\\/]/).pop() ?? file;

const describe = (a: AccountResult) => `${a.platform}「${a.name}」`;
const lastPostText = (a: AccountResult) => (a.lastPost ? `最后发布 ${a.lastPost}（距评估日 ${a.days ?? '—'} 天）` : '未填写最后发布日期');
const evidenceOf = (m: NewMediaMeasurement, a: AccountResult) =>
  `${registerName(m.source.file)}${m.source.sheet ? `（工作表 ${m.source.sheet}）` : ''} 第 ${a.line} 行${a.link ? `；账号链接/ID ${a.link}` : ''}`;

/** The evidence of each new-media indicator: one finding per account, naming it, its platform, its last post and the days since. */
export function newMediaFindings(m: NewMediaMeasurement | null): FindingsByGroup {
  if (!m) return {};
  const finding = (a: AccountResult, message: string) => ({
    subject: subject('account', a.platform, a.name),
    message,
    url: a.link && /^https?:\/\//i.test(a.link) ? a.link : null,
    evidence: evidenceOf(m, a),
  });
  const duplicates = [...new Set(m.accounts.filter((a) => a.duplicate).map((a) => a.platform))].map((platform) => {
    const names = m.accounts.filter((a) => a.platform === platform);
    return {
      subject: subject('duplicate-accounts', platform),
      message: `${platform}开设了 ${names.length} 个账号（${names.map((a) => `「${a.name}」`).join('、')}），同一平台原则上只开设一个账号`,
      url: null,
      evidence: names.map((a) => `第 ${a.line} 行`).join('、'),
    };
  });
  return {
    'newMedia.stale': m.accounts.filter((a) => a.status === 'stale').map((a) => finding(a, `${describe(a)}超过两周未更新：${lastPostText(a)}`)),
    'newMedia.accounts': m.accounts.map((a) =>
      finding(a, `${describe(a)}：${lastPostText(a)}，${a.status === 'stale' ? '超过两周未更新' : a.status === 'fresh' ? '两周内有更新' : '未能测量'}`),
    ),
    'newMedia.duplicates': duplicates,
    'newMedia.noInteraction': m.accounts.filter((a) => a.interaction === false).map((a) => finding(a, `${describe(a)}未提供互动功能`)),
    'newMedia.unanswered': m.accounts.filter((a) => (a.unanswered ?? 0) > 0).map((a) => finding(a, `${describe(a)}有 ${a.unanswered} 条留言未回复`)),
  };
}
