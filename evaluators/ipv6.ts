import { failureLabel } from './collect/failures.js';
import type { Ipv6Observation } from './collect/ipv6.js';
import { pageSubject } from './lib/finding-subject.js';
import type { FindingsByGroup } from './registry/finding-groups.js';

/**
 * IPv6 readiness: the host has an IPv6 address, its homepage answers over IPv6 with the page IPv4 serves, and
 * the first- and second-level pages tried answer over IPv6. Replaces the reviewer's bonus item (B4).
 */
export interface Ipv6Measurement {
  host: string;
  /** Why it could not be measured: the site is addressed by an IP literal, its name did not resolve. */
  notMeasured: string | null;
  aaaa: boolean;
  /** The homepage over IPv6: answered (< 400), and the same page as over IPv4 (same title, ≥ 90 % of its links). */
  homepageOverIpv6: boolean | null;
  homepageSame: boolean | null;
  /** What went wrong with the homepage over IPv6, in Chinese (null when it answered). */
  homepageProblem: string | null;
  /** Pages tried over IPv6 and those that answered. */
  linksTried: number;
  linksOk: number;
  /**
   * 0 with no IPv6 address, or a homepage that fails or differs over IPv6; else the share of the pages tried
   * (the homepage and its links) that answered over IPv6. What an indicator set scores (`ipv6.readyShare`).
   */
  readyShare: number | null;
  failed: Array<{ url: string; level: 1 | 2; problem: string }>;
}

/** Links of the IPv6 homepage that must match the IPv4 one for it to count as the same page. */
const SAME_LINKS = 0.9;

const problem = (status: number | null, error: string | null) => (error ? failureLabel(error) : `HTTP ${status}`);

export function evaluateIpv6(observed: Ipv6Observation | null | undefined): Ipv6Measurement | null {
  if (!observed) return null;
  const base = { host: observed.host, aaaa: observed.v6.length > 0, homepageProblem: null, linksTried: 0, linksOk: 0, failed: [] };
  if (observed.notTried)
    return {
      ...base,
      notMeasured: observed.notTried === 'ip-literal' ? '网站以IP地址访问，无域名可查IPv6地址' : '域名解析失败',
      homepageOverIpv6: null,
      homepageSame: null,
      readyShare: null,
    };
  if (!base.aaaa)
    return { ...base, notMeasured: null, homepageOverIpv6: false, homepageSame: null, homepageProblem: '域名没有IPv6地址（AAAA记录）', readyShare: 0 };
  const v6 = observed.homepage?.v6 ?? null;
  const answered = !!v6 && !v6.error && (v6.status ?? 0) < 400;
  const v4 = observed.homepage?.v4 ?? null;
  const comparable = answered && !!v4 && !v4.error;
  const same = comparable ? v4.sha256 === v6.sha256 || (v4.title === v6.title && (observed.homepage?.sameLinksShare ?? 0) >= SAME_LINKS) : null;
  const homepageProblem = !answered
    ? `首页通过IPv6无法访问（${v6 ? problem(v6.status, v6.error) : '未尝试'}）`
    : same === false
      ? `首页通过IPv6访问到的页面与IPv4不同（标题「${v6!.title ?? ''}」，链接相同的比例 ${Math.round((observed.homepage?.sameLinksShare ?? 0) * 100)}%）`
      : null;
  const links = observed.links ?? { tried: 0, ok: 0, failed: [] };
  const readyShare = !answered || same === false ? 0 : (links.ok + 1) / (links.tried + 1);
  return {
    ...base,
    notMeasured: null,
    homepageOverIpv6: answered,
    homepageSame: same,
    homepageProblem,
    linksTried: links.tried,
    linksOk: links.ok,
    readyShare: Math.round(readyShare * 1000) / 1000,
    failed: links.failed.map((f) => ({ url: f.url, level: f.level, problem: problem(f.status, f.error) })),
  };
}

/** The evidence of `ipv6.readiness`: the addresses, the homepage over both families, every page that failed over IPv6. */
export function ipv6Findings(m: Ipv6Measurement | null): FindingsByGroup {
  if (!m) return {};
  if (m.notMeasured)
    return { 'ipv6.readiness': [{ subject: 'ipv6-homepage', message: `IPv6支持未测量：${m.notMeasured}`, url: null, evidence: `域名 ${m.host}` }] };
  const summary = m.homepageProblem
    ? { subject: 'ipv6-homepage', message: m.homepageProblem, url: null, evidence: `域名 ${m.host}` }
    : {
        subject: 'ipv6-homepage',
        message: `首页可通过IPv6访问且与IPv4一致；抽查的 ${m.linksTried} 个一、二级页面中 ${m.linksOk} 个可通过IPv6访问`,
        url: null,
        evidence: `域名 ${m.host}`,
      };
  const failed = m.failed.map((f) => ({
    subject: pageSubject('ipv6-page', f.url),
    message: `${f.level === 1 ? '一级' : '二级'}页面通过IPv6无法访问（${f.problem}）`,
    url: f.url,
    evidence: null,
  }));
  return { 'ipv6.readiness': [summary, ...failed] };
}
