import { type Html, html } from '../../../reports/html.js';
import { gradeWithOutcome, indicatorStatus } from '../../../reports/html-parts.js';
import { publicChanges, type PublicStanding, type PublishedVersion, type SiteChange, type VersionChanges } from '../../use-cases/published-version.js';
import { shortTime } from './appeal-status.js';

/** A site's standing in words: its score, or why it has none. */
function scoreText(s: PublicStanding | null): string {
  if (!s) return '（不在该版本中）';
  if (s.status !== 'assessed') return '未评估';
  return s.score === null ? '—' : String(s.score);
}

const outcomeText = (s: PublicStanding | null) => (s ? (gradeWithOutcome(s.grade, { assessed: s.status === 'assessed', passed: s.passed }) ?? '—') : '—');

/** What changed in a site's public standing, in one line: "得分 75.9 → 76；名次 3 → 2". */
export function standingChange(c: SiteChange): string {
  const parts: string[] = [];
  const [b, a] = [c.before, c.after];
  if (scoreText(b) !== scoreText(a)) parts.push(`得分 ${scoreText(b)} → ${scoreText(a)}`);
  if ((b?.rank ?? null) !== (a?.rank ?? null)) parts.push(`名次 ${b?.rank ?? '—'} → ${a?.rank ?? '—'}`);
  if (outcomeText(b) !== outcomeText(a)) parts.push(`等级 ${outcomeText(b)} → ${outcomeText(a)}`);
  if ((b?.vetoed ?? false) !== (a?.vetoed ?? false)) parts.push(a?.vetoed ? '改为单项否决' : '撤销单项否决');
  return parts.join('；');
}

/** The public list of a run's versions: when, first or correction, the note, what changed publicly. */
export function versionsTable(runId: string, versions: PublishedVersion[], shown: number): Html {
  return html`<section id="versions"><h2>发布版本</h2><div class="scroll" tabindex="0" role="region" aria-label="发布版本（可横向滚动）"><table><caption class="note">本评估结果的每一次发布：首次发布和其后的更正，均保留原版本可查</caption><thead><tr><th scope="col">版本</th><th scope="col">发布时间</th><th scope="col">类型</th><th scope="col">更正说明与变化</th></tr></thead><tbody>${[
    ...versions,
  ]
    .reverse()
    .map((v) => {
      const changed = publicChanges(v.changes);
      return html`<tr><td>${v.version === shown ? html`<strong aria-current="page">第 ${v.version} 版（当前查看）</strong>` : html`<a href="/runs/${runId}?version=${v.version}">第 ${v.version} 版</a>`}</td><td>${shortTime(v.publishedAt)}</td><td>${v.version === 1 ? '首次发布' : '更正'}</td><td>${v.note ?? ''}${changed.length ? html`<ul>${changed.map((c) => html`<li>${c.name}：${standingChange(c)}</li>`)}</ul>` : v.version > 1 ? html`<p class="note">排名、得分和等级无变化（仅指标明细更正）。</p>` : ''}</td></tr>`;
    })}</tbody></table></div></section>`;
}

/** For staff: every site that differs, with its standing and the indicators whose points changed. */
export function changesList(changes: VersionChanges): Html {
  return html`<ul>${changes.indicatorSet ? html`<li>指标体系已更换（sha256 ${changes.indicatorSet.before?.slice(0, 12) ?? '—'} → ${changes.indicatorSet.after?.slice(0, 12) ?? '—'}）</li>` : ''}${changes.sites.map(
    (c) =>
      html`<li>${c.name}：${standingChange(c) || '排名、得分和等级不变'}${c.indicators.length ? html`<br><span class="note">指标：${c.indicators.map((i) => `${i.id} ${i.name} ${indicatorStatus[i.before] ?? i.before} → ${indicatorStatus[i.after] ?? i.after}`).join('；')}</span>` : ''}</li>`,
  )}</ul>`;
}
