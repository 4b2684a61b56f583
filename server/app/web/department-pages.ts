import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { departmentReportBody, indicatorEvidence } from '../../../reports/department-report.js';
import { html, type Html } from '../../../reports/html.js';
import type { Appeal } from '../../store/reviews.js';
import type { Store } from '../../store/store.js';
import { AppealFields, attachmentExtensions, attachmentHint, checkAttachment, fileAppeal, ownSite, sendAttachment, type AttachmentFile } from '../appeal-actions.js';
import { maxUploadBytes, type RouteContext } from '../route-context.js';
import { maySee } from '../auth.js';
import { storedRun } from '../../use-cases/stored-run.js';
import { runResults } from '../run-view.js';
import { csrfField, errorCode, notice, pageGuard, render, scroll } from './layout.js';

const SiteParams = Type.Object({ runId: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }), siteId: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }) });
const SiteQuery = Type.Object({ submitted: Type.Optional(Type.String({ pattern: '^[0-9]{1,12}$' })) });
const AppealParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,12}$' }) });

const appealStatus: Record<Appeal['status'], string> = { open: '待处理', accepted: '已采纳', rejected: '已驳回' };
export const shortTime = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');
export const appealStatusTag = (a: Appeal) => html`<span class="tag ${a.status}">${appealStatus[a.status]}</span>`;
/** A wide table that scrolls sideways on a phone; focusable and named, so keyboard users can scroll it too. */
const notFound = (request: FastifyRequest, reply: FastifyReply) => notice(request, reply, 404, '未找到', '未找到该网站的评估结果。');

/** One row of a site's history: a finished run and how the site did in it. */
interface HistoryRow {
  runId: string;
  runName: string;
  asOf: string;
  siteId: string;
  name: string;
  assessed: boolean;
  score: number | null;
  grade: string | null;
  rank: number | null;
  peers: number;
  passed: boolean;
  change: number | null;
  warnings: string[];
  vetoes: string[];
}

/** Every finished run's stored scores of the department's own sites, oldest first, each with its change from the site's previous score. */
function history(store: Store, sites: string[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const previous = new Map<string, number>();
  for (const run of store.listRuns().filter((r) => r.finishedAt)) {
    const view = storedRun(store, run.id)!;
    for (const s of view.sites.filter((s) => sites.includes(s.id))) {
      const score = s.score?.score ?? null;
      const before = previous.get(s.id);
      if (score !== null) previous.set(s.id, score);
      rows.push({
        runId: run.id, runName: run.name, asOf: run.asOf, siteId: s.id, name: s.name, assessed: s.status === 'assessed', score, grade: s.score?.grade.name ?? null, rank: s.rank,
        // Peers are counted, never named: the rank's denominator.
        peers: view.sites.filter((p) => p.group === s.group && p.status === 'assessed').length,
        passed: s.score?.passed ?? false,
        change: score !== null && before !== undefined ? Math.round((score - before) * 100) / 100 : null,
        warnings: (s.score?.warnings ?? []).map((w) => `${w.indicator} ${w.reason}`),
        vetoes: (s.score?.vetoes ?? []).map((v) => `${v.indicator} ${v.reason}`),
      });
    }
  }
  return rows;
}

const change = (d: number | null) => (d === null ? '—' : d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '持平');

function mySitesBody(rows: HistoryRow[]): Html {
  if (!rows.length) return html`<h1>我的网站</h1><p>暂无已完成的评估结果。</p>`;
  const siteIds = [...new Set(rows.map((r) => r.siteId))];
  const latest = siteIds.map((id) => rows.filter((r) => r.siteId === id).at(-1)!);
  const alerts = latest.filter((r) => r.vetoes.length || r.warnings.length);
  return html`<h1>我的网站</h1><p class="meta">本单位网站在每次已完成评估中的得分、等级和组内名次。名次只与同组网站比较，其他网站的名称和得分不在此显示。</p>
<section aria-labelledby="alerts"><h2 id="alerts">最新评估的预警</h2>${alerts.length
    ? html`<ul>${alerts.map((r) => html`<li><a href="/department/runs/${r.runId}/sites/${r.siteId}">${r.name}</a>（${r.runName}）：${r.vetoes.map((v) => html`<span class="alarm">单项否决：${v}</span> `)}${r.warnings.map((w) => html`<span class="warn">预警：${w}</span> `)}</li>`)}</ul><p class="note">预警指标尚未否决，请尽快整改。</p>`
    : html`<p class="ok">最新一次评估没有预警或单项否决。</p>`}</section>
${latest.map((last, i) => {
  const own = rows.filter((r) => r.siteId === last.siteId).reverse();
  return html`<section aria-labelledby="site-${i}"><h2 id="site-${i}">${last.name}</h2>
${scroll(html`<table><caption class="note">${last.name}：历次评估（最新在前，点评估名称看得分明细）</caption><thead><tr><th scope="col">评估</th><th scope="col">评估日期</th><th scope="col">得分</th><th scope="col">等级</th><th scope="col">组内名次</th><th scope="col">较上次</th></tr></thead><tbody>${own.map(
    (r) => html`<tr><td><a href="/department/runs/${r.runId}/sites/${r.siteId}">${r.runName}</a></td><td>${r.asOf}</td><td>${r.assessed ? (r.score ?? '—') : '未能评估'}</td><td>${r.grade ?? '—'}${r.assessed && !r.passed ? '（不合格）' : ''}</td><td>${r.rank === null ? '—' : `${r.rank} / ${r.peers}`}</td><td>${change(r.change)}</td></tr>`,
  )}</tbody></table>`, `${last.name} 历次评估`)}</section>`;
})}`;
}

/** What the appeal form keeps of a refused submission, and the message to show. */
interface FormState {
  indicator?: string;
  text?: string;
  error?: string;
  submitted?: number;
}

/** The breakdown of one site (the department report's content), its appeals in this run, and the appeal form. */
function breakdownPage(request: FastifyRequest, reply: FastifyReply, store: Store, runId: string, siteId: string, state: FormState, status = 200): FastifyReply {
  const results = runResults(store, runId)!;
  const site = results.sites.find((s) => s.id === siteId)!;
  const dir = results.assessment.evidenceDir;
  const appeals = store.reviews.appeals(runId, [siteId]);
  // The indicators with findings (deductions, vetoes, warnings) first: those are what appeals are about.
  const flagged = site.indicators.filter((i) => i.findings.length || ['deducted', 'veto', 'warning'].includes(i.status));
  const others = site.indicators.filter((i) => !flagged.includes(i));
  const otherFindings = others.filter((i) => i.findings.length);
  const option = (i: (typeof site.indicators)[number]) => html`<option value="${i.id}"${i.id === state.indicator ? html` selected` : ''}>${i.id} ${i.name}</option>`;
  const action = `/department/runs/${runId}/sites/${siteId}/appeals`;
  return render(request, reply, `${site.name} 得分明细`, (csrf) => html`<p><a href="/department">← 我的网站</a></p>
${state.error ? html`<p class="error" role="alert">申诉未提交：${state.error}（<a href="#appeal-form">到申诉表</a>）</p>` : ''}
${state.submitted ? html`<p class="success" role="status">申诉已提交（编号 #${state.submitted}），评估办处理后结果显示在“我的申诉”中。</p>` : ''}
<div style="overflow-wrap:break-word">${departmentReportBody(results, site, dir, { table: scroll })}</div>
${otherFindings.length ? html`<section><h2>其他记录</h2>${otherFindings.map((i) => html`<article><h3>${i.id} ${i.name}</h3>${indicatorEvidence(i, dir)}</article>`)}</section>` : ''}
<section aria-labelledby="my-appeals"><h2 id="my-appeals">我的申诉</h2>${appeals.length
    ? scroll(html`<table><caption class="note">本网站在本次评估中的申诉及处理结果</caption><thead><tr><th scope="col">编号</th><th scope="col">指标</th><th scope="col">申诉理由</th><th scope="col">附件</th><th scope="col">提交时间</th><th scope="col">状态</th><th scope="col">处理意见</th></tr></thead><tbody>${appeals.map(
        (a) => html`<tr><td>#${a.id}</td><td>${a.indicator}</td><td>${a.text}</td><td>${a.attachment ? html`<a href="/department/appeals/${a.id}/attachment">${a.attachment.name}</a>` : '—'}</td><td>${shortTime(a.createdAt)}</td><td>${appealStatusTag(a)}</td><td>${a.decision ?? ''}${a.decidedAt ? html`<br><span class="note">${shortTime(a.decidedAt)}</span>` : ''}</td></tr>`,
      )}</tbody></table>`, '我的申诉')
    : html`<p>本次评估尚未提出申诉。</p>`}</section>
<section aria-labelledby="appeal-form"><h2 id="appeal-form">提出申诉</h2>${site.indicators.length
    ? html`<p class="note">对测量结果有异议时，请写明理由并可附证明材料，评估办核实后采纳或驳回。</p>
<form method="post" action="${action}" enctype="multipart/form-data" class="card">${csrfField(csrf)}
<label for="appeal-indicator">申诉的指标</label><select id="appeal-indicator" name="indicator" required>${flagged.length ? html`<optgroup label="有扣分或问题的指标">${flagged.map(option)}</optgroup>` : ''}${others.length ? html`<optgroup label="其他指标">${others.map(option)}</optgroup>` : ''}</select>
<label for="appeal-text">申诉理由</label><p class="note" id="appeal-text-hint">5 至 4000 字，写明哪项结果有误及依据。</p><textarea id="appeal-text" name="text" minlength="5" maxlength="4000" required aria-describedby="appeal-text-hint">${state.text ?? ''}</textarea>
<label for="appeal-file">证明材料（可选）</label><p class="note" id="appeal-file-hint">一个文件，不超过 10 MB，可用 ${attachmentHint}。</p><input id="appeal-file" type="file" name="attachment" accept="${attachmentExtensions.join(',')}" aria-describedby="appeal-file-hint">
<p><button type="submit">提交申诉</button></p></form>`
    : html`<p>本次未能完成评估，没有可申诉的指标；请核实网站可访问后联系评估办申请复测。</p>`}</section>`, { status });
}

/**
 * Checks a CSRF token with the plugin's own check. The plugin reads the token from a parsed body or a
 * header, but a multipart body is read only in the handler: there, the form's first field is `_csrf`,
 * checked here before any file byte is read. The plugin's answer on failure is swallowed so the
 * page can say it in Chinese.
 */
function csrfValid(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, token: string | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = Object.create(request, { body: { value: { _csrf: token } } }) as FastifyRequest;
    const quiet = Object.create(reply, { send: { value: () => resolve(false) } }) as FastifyReply;
    app.csrfProtection(probe, quiet, () => resolve(true));
  });
}

type ReadForm = { ok: true; indicator: string; text: string; file: { name: string; bytes: Buffer } | null } | { ok: false; status: number; error: string };

/** Reads the multipart appeal form: `_csrf` first (else 403), then the fields and at most one file. */
async function readAppealForm(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<ReadForm> {
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | null = null;
  let checked = false;
  const refused = { ok: false, status: 403, error: 'csrf' } as const;
  try {
    for await (const part of request.parts()) {
      if (!checked) {
        checked = true;
        const token = part.type === 'field' && part.fieldname === '_csrf' ? String(part.value) : undefined;
        if (!(await csrfValid(app, request, reply, token))) return refused;
        if (token !== undefined) continue;
      }
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        // A file input left empty still sends a part, with no name.
        if (part.fieldname === 'attachment' && part.filename) file = { name: part.filename, bytes };
      } else if (part.fieldname === 'indicator' || part.fieldname === 'text') fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    const code = errorCode(error);
    if (code === 'FST_REQ_FILE_TOO_LARGE') return { ok: false, status: 413, error: '附件超过 10 MB。' };
    if (code === 'FST_FILES_LIMIT') return { ok: false, status: 413, error: '只能附一个文件。' };
    return { ok: false, status: 400, error: '表单无法读取，请重新提交。' };
  }
  if (!checked && !(await csrfValid(app, request, reply, undefined))) return refused;
  return { ok: true, indicator: fields.indicator ?? '', text: (fields.text ?? '').trim(), file };
}

/** A department's own pages: its sites' history, each breakdown with evidence, appeals with attachments. Nothing of any other site. */
export function departmentPages({ store, dataDir }: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', pageGuard('department'));

    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const rows = history(store, request.user!.sites);
      return render(request, reply, '我的网站', () => mySitesBody(rows));
    });

    // Malformed ids get the same 404 page as another department's site (attachValidation), not a 400.
    app.get('/runs/:runId/sites/:siteId', { schema: { hide: true, params: SiteParams, querystring: SiteQuery }, attachValidation: true }, async (request, reply) => {
      const { runId, siteId } = request.params as { runId: string; siteId: string };
      if (request.validationError || !ownSite(store, request.user!, runId, siteId)) return notFound(request, reply);
      const submitted = Number((request.query as { submitted?: string }).submitted ?? 0);
      return breakdownPage(request, reply, store, runId, siteId, { submitted: submitted || undefined });
    });

    app.post('/runs/:runId/sites/:siteId/appeals', { schema: { hide: true, params: SiteParams, consumes: ['multipart/form-data'] }, attachValidation: true }, async (request, reply) => {
      const { runId, siteId } = request.params as { runId: string; siteId: string };
      if (request.validationError || !ownSite(store, request.user!, runId, siteId)) return notFound(request, reply);
      if (!request.isMultipart()) return notice(request, reply, 400, '表单格式不正确', '请从得分明细页面的申诉表提交。');
      const form = await readAppealForm(app, request, reply);
      if (!form.ok && form.status === 403) return notice(request, reply, 403, '表单已失效', '表单已过期或来源不明，请返回得分明细页面刷新后重新提交。');
      if (!form.ok) return breakdownPage(request, reply, store, runId, siteId, { error: form.error }, form.status);
      const again = (error: string, status = 400) => breakdownPage(request, reply, store, runId, siteId, { indicator: form.indicator, text: form.text, error }, status);
      const errors = [...Value.Errors(AppealFields, { indicator: form.indicator, text: form.text })];
      if (errors.some((e) => e.path === '/indicator')) return again('请选择要申诉的指标。');
      if (errors.length) return again('申诉理由须为 5 至 4000 字。');
      let file: AttachmentFile | null = null;
      if (form.file) {
        const checked = checkAttachment(form.file.name, form.file.bytes, maxUploadBytes);
        if (!checked.ok) return again(checked.error, 415);
        file = checked.file;
      }
      const filed = fileAppeal(store, dataDir, request.user!, { runId, siteId, indicator: form.indicator, text: form.text, file });
      if (!filed.ok) return filed.status === 404 ? notFound(request, reply) : again(filed.error, filed.status);
      return reply.redirect(`/department/runs/${runId}/sites/${siteId}?submitted=${filed.appeal.id}#my-appeals`, 303);
    });

    app.get('/appeals/:id/attachment', { schema: { hide: true, params: AppealParams }, attachValidation: true }, async (request, reply) => {
      const appeal = request.validationError ? null : store.reviews.getAppeal(Number((request.params as { id: string }).id));
      const sent = appeal && maySee(request.user!, appeal.siteId) ? await sendAttachment(reply, dataDir, appeal) : null;
      return sent ?? notice(request, reply, 404, '未找到', '未找到该附件。');
    });
  };
}
