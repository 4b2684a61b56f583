import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import Mustache from 'mustache';

import { ConfigError } from '../common/config-errors.js';
import { raw } from './html.js';
import { page } from './html-parts.js';
import type { Results } from './results.js';
import { suspicionBasis } from './suspicion-basis.js';

export const defaultNoticeTemplate = fileURLToPath(new URL('./templates/notice.mustache', import.meta.url));

/** A list item that knows whether it is the last (templates put separators between items). */
type Listed<T> = T & { last: boolean };
const listed = <T extends object>(items: T[]): Array<Listed<T>> => items.map((item, i) => ({ ...item, last: i === items.length - 1 }));

/** What a notice template can use. Everything is plain text: Mustache escapes it into the HTML. */
export interface NoticeView {
  title: string;
  issuer: string;
  setTitle: string;
  setVersion: string;
  asOfText: string;
  dateText: string;
  siteCount: number;
  assessedCount: number;
  passedCount: number;
  passRate: number;
  average: number;
  notAssessedCount: number;
  topGrade: string;
  categories: Array<Listed<{ name: string; rate: number }>>;
  excellent: Array<Listed<{ name: string; score: number; group: string }>>;
  /** `scored`: the site has a score, 0 included (a Mustache section skips 0, so templates test this instead). */
  failing: Array<{ name: string; score: number | null; scored: boolean; vetoes: string[] }>;
  /** Sites whose outcome awaits review of a suspected veto (疑似否决): neither passed nor failed yet. */
  pendingCount: number;
  /** What the pending sites' suspected vetoes rest on, in words (依据“未找到”作出 …). */
  pendingBasis: string;
  pending: Array<Listed<{ name: string; reasons: string }>>;
  commonProblems: Array<Listed<{ name: string; count: number }>>;
  notAssessed: Array<Listed<{ name: string; reason: string }>>;
}

/** China's clock: a timestamp (generatedAt is UTC) falls on the day it is in UTC+8; a bare date is that date. */
const chinaDay = (iso: string) => {
  const ms = iso.length > 10 ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? iso.slice(0, 10) : new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
};
export const chineseDate = (iso: string) => {
  const [y, m, d] = chinaDay(iso).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** The figures of a notice (通报) from a run's results: pure, so a template sees the same every time. */
export function noticeView(results: Results, options: { issuer?: string; date?: string } = {}): NoticeView {
  const a = results.assessment;
  const assessed = results.sites.filter((s) => s.status === 'assessed');
  const notAssessed = results.sites.filter((s) => s.status !== 'assessed');
  const passed = assessed.filter((s) => s.passed);
  const scores = assessed.map((s) => s.score ?? 0);
  // The top grade is the one the best sites reached, named as the set names it (良好, 优秀 …).
  const ranked = [...assessed].sort((x, y) => (y.score ?? 0) - (x.score ?? 0));
  const topGrade = ranked.find((s) => s.passed)?.grade ?? '';
  const categoryIds = [...new Set(assessed.flatMap((s) => s.categories.filter((c) => c.mode !== 'bonus').map((c) => c.id)))];
  const categories = categoryIds.map((id) => {
    const applicable = assessed.flatMap((s) => s.categories.filter((c) => c.id === id && c.applicable && c.score !== null));
    const rate = applicable.length ? (100 * applicable.reduce((t, c) => t + c.score! / (c.budget || 1), 0)) / applicable.length : 0;
    return { name: applicable[0]?.name ?? id, rate: round(rate) };
  });
  const problemCounts = new Map<string, number>();
  for (const s of assessed)
    for (const i of s.indicators) if (i.status === 'deducted' || i.status === 'veto') problemCounts.set(i.name, (problemCounts.get(i.name) ?? 0) + 1);
  const commonProblems = [...problemCounts]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], 'zh'))
    .slice(0, 6)
    .map(([name, count]) => ({ name, count }));
  return {
    title: a.name,
    issuer: options.issuer ?? '（发文单位）',
    setTitle: a.indicatorSet.title,
    setVersion: `v${a.indicatorSet.version}`,
    asOfText: chineseDate(a.asOf),
    dateText: chineseDate(options.date ?? a.generatedAt),
    siteCount: results.sites.length,
    assessedCount: assessed.length,
    passedCount: passed.length,
    passRate: assessed.length ? round((100 * passed.length) / assessed.length) : 0,
    average: scores.length ? round(scores.reduce((t, n) => t + n, 0) / scores.length, 2) : 0,
    notAssessedCount: notAssessed.length,
    topGrade,
    categories: listed(categories),
    excellent: listed(ranked.filter((s) => s.passed && s.grade === topGrade).map((s) => ({ name: s.name, score: s.score!, group: s.group }))),
    failing: ranked
      .filter((s) => !s.passed && !s.pendingReview)
      .map((s) => ({ name: s.name, score: s.score, scored: s.score !== null, vetoes: s.vetoes.map((v) => v.reason) })),
    pendingCount: assessed.filter((s) => s.pendingReview).length,
    pendingBasis: suspicionBasis(assessed.filter((s) => s.pendingReview).flatMap((s) => s.suspectedVetoes)),
    pending: listed(assessed.filter((s) => s.pendingReview).map((s) => ({ name: s.name, reasons: s.suspectedVetoes.map((v) => v.reason).join('；') }))),
    commonProblems: listed(commonProblems),
    notAssessed: listed(notAssessed.map((s) => ({ name: s.name, reason: s.statusLabel ?? s.statusReason ?? s.status }))),
  };
}

/** The notice draft as a printable page, from the shipped template or an office's own. */
export function renderNotice(results: Results, options: { template?: string; issuer?: string; date?: string } = {}): string {
  const file = options.template ?? defaultNoticeTemplate;
  let template: string;
  try {
    template = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(
      file,
      1,
      '--notice-template',
      'cannot be read',
      'give the path of a Mustache template, e.g. a copy of reports/templates/notice.mustache',
    );
  }
  let body: string;
  try {
    body = Mustache.render(template, noticeView(results, options));
  } catch (error) {
    throw new ConfigError(file, 1, '(template)', error instanceof Error ? error.message : String(error), 'fix the Mustache tags of the template');
  }
  return page(`关于${results.assessment.name}情况的通报`, raw(body), noticeStyles);
}

const noticeStyles = `.notice{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:16px;line-height:1.9}.notice h1{text-align:center;color:#b5121b;font-size:24px}
.notice h2{border:none;padding:0;font-size:17px}.notice p{text-indent:2em}.notice .to,.notice .attach{text-indent:0}.notice .sign{text-align:right;text-indent:0;margin-top:40px}`;
