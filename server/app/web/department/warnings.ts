import { type Html, html } from '../../../../reports/html.js';
import type { StoredWarning, WarningDelivery, WarningTable } from '../../../store/warnings.js';
import { scroll } from '../layout.js';

/** The veto each warning leads to, as the national rules name it. */
const vetoNames: Record<string, string> = {
  V1: '站点无法访问',
  V2: '首页不更新',
  V3: '栏目不更新',
  V4: '应更新未更新',
  V5: '空白栏目',
  V6: '互动回应差',
};
const channelNames: Record<WarningDelivery['channel'], string> = { webhook: 'Webhook', email: '邮件' };

const daysLeft = (w: StoredWarning): Html =>
  w.daysLeft === null
    ? html`—`
    : w.daysLeft < 0
      ? html`<span class="tag failed">已超期 ${-w.daysLeft} 天</span>`
      : html`<span class="tag warning">剩余 ${w.daysLeft} 天</span>`;

/** A crawled address shown as a link only when it is http(s); the text is escaped either way. */
const subject = (w: StoredWarning): Html =>
  /^https?:\/\//.test(w.subject) ? html`<a href="${w.subject}" rel="noopener noreferrer">${w.name}</a>` : html`${w.name}`;

function deliveries(table: WarningTable, w: StoredWarning): Html {
  const sent = table.deliveries(w.id);
  if (!sent.length) return html`未发送`;
  return html`${sent.map(
    (d, i) =>
      html`${i ? '；' : ''}${channelNames[d.channel]}${d.state === 'sent' ? '已送达' : html`<span class="error">发送失败（${d.error ?? ''}），将在下次监测时重发</span>`}`,
  )}`;
}

function rows(table: WarningTable, warnings: StoredWarning[], open: boolean): Html {
  return html`${warnings.map(
    (w) =>
      html`<tr><td>${w.siteName}</td><td>${subject(w)}<br><small>${w.message}</small></td><td>${w.indicator} ${vetoNames[w.indicator] ?? ''}</td><td>${w.due ?? '—'}</td><td>${open ? daysLeft(w) : html`已于 ${w.closedAsOf} 解除`}</td><td>${w.firstAsOf}</td><td>${w.lastAsOf}</td><td>${deliveries(table, w)}</td></tr>`,
  )}`;
}

/**
 * 预警信息: the early warnings of the department's own sites (govscore watch), open ones first with the days left
 * before the veto, then those a later check no longer found. `warnings` holds only the account's sites.
 */
export function warningsBody(table: WarningTable, warnings: StoredWarning[]): Html {
  const open = warnings.filter((w) => !w.closedAsOf);
  const closed = warnings.filter((w) => w.closedAsOf);
  const head = html`<thead><tr><th scope="col">网站</th><th scope="col">问题</th><th scope="col">可能触发的否决项</th><th scope="col">期限</th><th scope="col">状态</th><th scope="col">首次发现</th><th scope="col">最近监测</th><th scope="col">通知</th></tr></thead>`;
  return html`<h1>预警信息</h1>
<p>评估间隙的日常监测（首页、一级栏目、留言信箱、可用性探测）发现的问题：在期限前整改，可避免在评估中被单项否决。同一问题只通知一次；整改后，下次监测不再发现即自动解除。</p>
<h2>待整改（${open.length} 项）</h2>
${open.length ? scroll(html`<table class="early-warnings">${head}<tbody>${rows(table, open, true)}</tbody></table>`, '待整改的预警') : html`<p>目前没有预警。</p>`}
${closed.length ? html`<h2>已解除（${closed.length} 项）</h2>${scroll(html`<table class="early-warnings">${head}<tbody>${rows(table, closed, false)}</tbody></table>`, '已解除的预警')}` : ''}`;
}

/** On the department's home page: how many warnings wait, with the way to them (nothing when none). */
export const openWarnings = (count: number): Html =>
  count ? html`<p class="warn" role="status">日常监测发现 ${count} 项预警待整改，<a href="/department/warnings">查看预警信息</a>。</p>` : html``;
