/**
 * 政务新媒体 in the reports: each registered account of a site with its platform, last post, days since and
 * status, and where the register said so its interaction and the other accounts on its platform. The same
 * rows feed the HTML (department report, the main report's site detail, the department web page) and the XLSX.
 */
import { type AccountResult, type NewMediaMeasurement, registerName } from '../evaluators/new-media.js';
import { type Html, html } from './html.js';
import { link } from './html-parts.js';

export const accountStatusNames: Readonly<Record<AccountResult['status'], string>> = { fresh: '正常', stale: '超过两周未更新', 'not-measured': '未能测量' };

/** What else the register says of an account: no interaction, unanswered messages, another account on its platform. */
export function accountRemarks(a: AccountResult): string {
  const remarks = [
    a.interaction === false ? '未提供互动功能' : '',
    a.unanswered ? `${a.unanswered} 条留言未回复` : '',
    a.duplicate ? '同一平台有多个账号' : '',
    a.notMeasured ?? '',
  ];
  return remarks.filter(Boolean).join('；');
}

/** One line saying how many accounts and how they stand. */
export function newMediaSummary(m: NewMediaMeasurement): string {
  const stale = m.accounts.filter((a) => a.status === 'stale').length;
  const unmeasured = m.accounts.length - m.measured;
  return `登记账号 ${m.accounts.length} 个，超过两周未更新 ${stale} 个${unmeasured ? `，未能测量 ${unmeasured} 个` : ''}${m.duplicatePlatforms ? `，${m.duplicatePlatforms} 个平台开设了多个账号` : ''}`;
}

/** The accounts table; empty when the site has no account registered. `table` wraps it (the web page scrolls wide tables). */
export function newMediaTable(m: NewMediaMeasurement | null, table: (t: Html, name: string) => Html = (t) => t): Html {
  if (!m) return html``;
  return table(
    html`<table class="new-media"><thead><tr><th>平台</th><th>账号</th><th>最后发布日期</th><th>距评估日（天）</th><th>状态</th><th>说明</th></tr></thead><tbody>${m.accounts.map(
      (a) =>
        html`<tr class="${a.status}"><td>${a.platform}</td><td>${a.link ? link(a.link, a.name) : a.name}${a.link && !/^https?:\/\//i.test(a.link) ? html`<br><span class="evidence">${a.link}</span>` : ''}</td><td>${a.lastPost ?? '—'}</td><td>${a.days ?? '—'}</td><td>${accountStatusNames[a.status]}</td><td>${accountRemarks(a)}</td></tr>`,
    )}</tbody></table>`,
    '政务新媒体账号',
  );
}

/** The department report's section: the summary, the table and where the register came from. */
export function newMediaSection(m: NewMediaMeasurement | null, table?: (t: Html, name: string) => Html): Html {
  if (!m) return html``;
  return html`<section class="new-media"><h2>政务新媒体</h2><p>${newMediaSummary(m)}（依据评估办的政务新媒体账号登记表，按评估日前两周内是否发布判断）。</p>
${newMediaTable(m, table)}<p class="evidence">登记表：${registerName(m.source.file)}${m.source.sheet ? `（工作表 ${m.source.sheet}）` : ''}　sha256：${m.source.sha256}</p></section>`;
}

export const newMediaStyles = `table.new-media tr.stale td:nth-child(5){color:#b5121b;font-weight:bold}table.new-media tr.not-measured td:nth-child(5){color:#666}`;
