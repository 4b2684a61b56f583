import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { FastifyReply, FastifyRequest } from 'fastify';

import { departmentReportBody, indicatorEvidence } from '../../../../reports/department-report.js';
import { type Html, html } from '../../../../reports/html.js';
import type { Store } from '../../../store/store.js';
import { pendingCorrection, publicChanges } from '../../../use-cases/published-version.js';
import { attachmentExtensions, attachmentHint, attachmentUrl } from '../../appeal-actions.js';
import { runResults } from '../../run-view.js';
import { appealStatusTag, shortTime } from '../appeal-status.js';
import { csrfField, render, scroll } from '../layout.js';
import { departmentFile, fileUrl, runFolder } from '../run-files.js';
import { departmentChanges } from './changes.js';
import { departmentRecheck } from './recheck-part.js';

/** What the appeal form keeps of a refused submission, and the message to show. */
export interface FormState {
  indicator?: string;
  text?: string;
  error?: string;
  submitted?: number;
  /** The earlier run to compare the site's findings with (default: the previous run of the same sites). */
  compare?: string;
  /** Why marking a finding fixed was refused. */
  markError?: string;
}

/**
 * Where the site stands against what the public sees: the published version's score, and when the scores
 * here have changed since (an accepted appeal, a review), that the public sees them after staff publish a correction.
 */
function publicationNote(store: Store, runId: string, siteId: string): Html | string {
  const pending = pendingCorrection(store, runId);
  if (!pending) return html`<p class="note">本次评估结果尚未公开发布。</p>`;
  const published = pending.latest.sites.find((s) => s.id === siteId);
  const change = publicChanges(pending.changes).find((c) => c.siteId === siteId);
  const shown = published?.score ? `得分 ${published.score.score}${published.rank ? `，第 ${published.rank} 名` : ''}` : '未评估';
  return html`<p class="note">公开发布的是第 ${pending.latest.version} 版（${shortTime(pending.latest.publishedAt)}），其中本网站${shown}。${change ? html`<strong>本页得分已按申诉或复核结果调整，评估办发布更正后公开页面随之更新。</strong>` : ''}</p>`;
}

/** The breakdown of one site (the department report's content), its appeals in this run, and the appeal form. */
export function breakdownPage(
  request: FastifyRequest,
  reply: FastifyReply,
  { store, dataDir }: { store: Store; dataDir: string },
  runId: string,
  siteId: string,
  state: FormState,
  status = 200,
): FastifyReply {
  const results = runResults(store, runId)!;
  const site = results.sites.find((s) => s.id === siteId)!;
  const dir = results.assessment.evidenceDir;
  const appeals = store.reviews.appeals(runId, [siteId]);
  // The indicators with findings (deductions, vetoes, warnings) first: those are what appeals are about.
  const flagged = site.indicators.filter((i) => i.findings.length || ['deducted', 'veto', 'warning'].includes(i.status));
  const others = site.indicators.filter((i) => !flagged.includes(i));
  const otherFindings = others.filter((i) => i.findings.length);
  const option = (i: (typeof site.indicators)[number]) =>
    html`<option value="${i.id}"${i.id === state.indicator ? html` selected` : ''}>${i.id} ${i.name}</option>`;
  const action = `/department/runs/${runId}/sites/${siteId}/appeals`;
  // The department's own report as the run wrote it (with its screenshots), when the run's files are in this service's data folder.
  const publication = publicationNote(store, runId, siteId);
  const pdf = existsSync(join(runFolder(dataDir, runId), departmentFile(siteId, 'pdf'))) ? fileUrl(runId, departmentFile(siteId, 'pdf')) : null;
  return render(
    request,
    reply,
    `${site.name} 得分明细`,
    (csrf) => html`<p><a href="/department">← 我的网站</a>${pdf ? html`　<a href="${pdf}" download>下载本单位评估报告（PDF）</a>` : ''}</p>
${publication}
${state.error ? html`<p class="error" role="alert">申诉未提交：${state.error}（<a href="#appeal-form">到申诉表</a>）</p>` : ''}
${state.submitted ? html`<p class="success" role="status">申诉已提交（编号 #${state.submitted}），评估办处理后结果显示在“我的申诉”中。</p>` : ''}
<div style="overflow-wrap:break-word">${departmentReportBody(results, site, dir, { table: scroll })}</div>
${departmentChanges(store, results, siteId, state.compare)}
${departmentRecheck(store, results, siteId, csrf, state.markError)}
${otherFindings.length ? html`<section><h2>其他记录</h2>${otherFindings.map((i) => html`<article><h3>${i.id} ${i.name}</h3>${indicatorEvidence(i, dir)}</article>`)}</section>` : ''}
<section aria-labelledby="my-appeals"><h2 id="my-appeals">我的申诉</h2>${
      appeals.length
        ? scroll(
            html`<table><caption class="note">本网站在本次评估中的申诉及处理结果</caption><thead><tr><th scope="col">编号</th><th scope="col">指标</th><th scope="col">申诉理由</th><th scope="col">附件</th><th scope="col">提交时间</th><th scope="col">状态</th><th scope="col">处理意见</th></tr></thead><tbody>${appeals.map(
              (a) =>
                html`<tr><td>#${a.id}</td><td>${a.indicator}</td><td>${a.text}</td><td>${a.attachment ? html`<a href="${attachmentUrl('department', a.id)}">${a.attachment.name}</a>` : '—'}</td><td>${shortTime(a.createdAt)}</td><td>${appealStatusTag(a)}</td><td>${a.decision ?? ''}${a.decidedAt ? html`<br><span class="note">${shortTime(a.decidedAt)}</span>` : ''}</td></tr>`,
            )}</tbody></table>`,
            '我的申诉',
          )
        : html`<p>本次评估尚未提出申诉。</p>`
    }</section>
<section aria-labelledby="appeal-form"><h2 id="appeal-form">提出申诉</h2>${
      site.indicators.length
        ? html`<p class="note">对测量结果有异议时，请写明理由并可附证明材料，评估办核实后采纳或驳回。</p>
<form method="post" action="${action}" enctype="multipart/form-data" class="card">${csrfField(csrf)}
<label for="appeal-indicator">申诉的指标</label><select id="appeal-indicator" name="indicator" required>${flagged.length ? html`<optgroup label="有扣分或问题的指标">${flagged.map(option)}</optgroup>` : ''}${others.length ? html`<optgroup label="其他指标">${others.map(option)}</optgroup>` : ''}</select>
<label for="appeal-text">申诉理由</label><p class="note" id="appeal-text-hint">5 至 4000 字，写明哪项结果有误及依据。</p><textarea id="appeal-text" name="text" minlength="5" maxlength="4000" required aria-describedby="appeal-text-hint">${state.text ?? ''}</textarea>
<label for="appeal-file">证明材料（可选）</label><p class="note" id="appeal-file-hint">一个文件，不超过 10 MB，可用 ${attachmentHint}。</p><input id="appeal-file" type="file" name="attachment" accept="${attachmentExtensions.join(',')}" aria-describedby="appeal-file-hint">
<p><button type="submit">提交申诉</button></p></form>`
        : html`<p>本次未能完成评估，没有可申诉的指标；请核实网站可访问后联系评估办申请复测。</p>`
    }</section>`,
    { status },
  );
}
