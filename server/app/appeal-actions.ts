import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';

import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';

import type { User } from '../store/accounts.js';
import type { OverrideRow } from '../store/overrides.js';
import type { Appeal } from '../store/reviews.js';
import type { Store } from '../store/store.js';
import { recordOverride } from '../use-cases/override.js';
import { type SiteView, storedRun } from '../use-cases/stored-run.js';
import { maySee } from './auth.js';
import { readContainedFile } from './contained-file.js';
import { IndicatorId } from './schemas.js';

/*
 * Appeals (申诉) as the JSON API and the web pages both handle them: filing one (with an optional
 * attachment), accepting it (an override, then the run re-scored) and rejecting it. One place, so the
 * two front ends cannot drift apart in who may do what or in what gets audited.
 */

export const AppealFields = Type.Object({ indicator: IndicatorId, text: Type.String({ minLength: 5, maxLength: 4000 }) });

type Outcome<T> = ({ ok: true } & T) | { ok: false; status: 400 | 404; error: string };

/**
 * A site of a finished run that a department may see; null for another's site, an unknown run or one
 * still running — the same answer for each, so ids cannot be probed.
 */
export function ownSite(store: Store, user: User, runId: string, siteId: string): SiteView | null {
  if (!maySee(user, siteId) || !store.getRun(runId)?.finishedAt) return null;
  return storedRun(store, runId)?.sites.find((s) => s.id === siteId) ?? null;
}

export type AppealAudience = 'department' | 'staff';

/** Where an audience downloads an appeal's attachment: a page of its own, which checks who may. */
export const attachmentUrl = (audience: AppealAudience, id: number) => `/${audience}/appeals/${id}/attachment`;

/** An appeal as the JSON API answers it: the attachment by name, type, size and download address, not by its file. */
export function appealReply(appeal: Appeal, audience: AppealAudience) {
  const file = appeal.attachment;
  return { ...appeal, attachment: file ? { name: file.name, type: file.type, bytes: file.bytes, url: attachmentUrl(audience, appeal.id) } : null };
}

/** A checked attachment, ready to store: the name as sent (data only, never a path), our type for its extension. */
export interface AttachmentFile {
  name: string;
  ext: string;
  type: string;
  bytes: Buffer;
}

/** Files a department's own site's appeal, with its attachment if any, and audits it. */
export function fileAppeal(
  store: Store,
  dataDir: string,
  user: User,
  a: { runId: string; siteId: string; indicator: string; text: string; file?: AttachmentFile | null },
): Outcome<{ appeal: Appeal }> {
  const site = ownSite(store, user, a.runId, a.siteId);
  if (!site) return { ok: false, status: 404, error: '未找到该网站的评估结果' };
  if (!site.score?.indicators.some((i) => i.id === a.indicator)) return { ok: false, status: 400, error: `没有指标 ${a.indicator}` };
  const row = { runId: a.runId, siteId: a.siteId, indicator: a.indicator, text: a.text, userId: user.id };
  const appeal = a.file ? insertWithFile(store, dataDir, row, a.file) : store.reviews.appeal(row);
  store.reviews.audit(user.id, 'appeal', `appeal:${appeal.id}`, {
    runId: a.runId,
    siteId: a.siteId,
    indicator: a.indicator,
    attachment: appeal.attachment ? { name: appeal.attachment.name, bytes: appeal.attachment.bytes } : null,
  });
  return { ok: true, appeal };
}

/**
 * The file goes to appeals/<appeal id>/<random><ext>, but only the insert assigns the id. So, holding
 * the store's write lock (no other writer can take an id meanwhile), read the id the insert will get,
 * write the file there, insert, and check the id; anything failing rolls the row back and removes the file.
 */
function insertWithFile(store: Store, dataDir: string, row: Parameters<Store['reviews']['appeal']>[0], file: AttachmentFile): Appeal {
  return store.db
    .transaction(() => {
      const next = store.db
        .prepare("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'appeals'), 0), coalesce((SELECT max(id) FROM appeals), 0)) + 1")
        .pluck()
        .get() as number;
      const path = `appeals/${next}/${randomBytes(12).toString('hex')}${file.ext}`;
      const absolute = join(dataDir, path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, file.bytes, { flag: 'wx' });
      try {
        const appeal = store.reviews.appeal({ ...row, attachment: { name: file.name, type: file.type, bytes: file.bytes.length, path } });
        if (appeal.id !== next) throw new Error(`appeal id ${appeal.id}, expected ${next}`);
        return appeal;
      } catch (error) {
        rmSync(absolute, { force: true });
        throw error;
      }
    })
    .immediate();
}

/**
 * Accepts an open appeal: an override of its indicator under the one override rule (full marks back unless
 * `points`; a veto cleared unless `veto`), the run re-scored, the decision audited. A request the rule
 * refuses leaves the appeal open.
 */
export function acceptAppeal(
  store: Store,
  user: User,
  id: number,
  body: { reason: string; points?: number; veto?: boolean },
): Outcome<{ appeal: Appeal; override: OverrideRow; before: number | null; after: number | null }> {
  const appeal = store.reviews.getAppeal(id);
  if (!appeal || appeal.status !== 'open') return { ok: false, status: 404, error: '未找到待处理的申诉' };
  const recorded = recordOverride(store, {
    runId: appeal.runId,
    siteId: appeal.siteId,
    indicator: appeal.indicator,
    points: body.points ?? 'full',
    veto: body.veto ?? false,
    reason: body.reason,
    reasonPrefix: `申诉#${appeal.id}：`,
    by: { name: user.name, userId: user.id },
  });
  if (!recorded.ok) return { ok: false, status: recorded.status, error: recorded.error };
  store.reviews.decide(appeal.id, { status: 'accepted', userId: user.id, decision: body.reason.trim(), overrideId: recorded.override.id });
  store.reviews.audit(user.id, 'appeal-accepted', `appeal:${appeal.id}`, { override: recorded.override.id });
  return { ok: true, appeal: store.reviews.getAppeal(appeal.id)!, override: recorded.override, before: recorded.before, after: recorded.after };
}

export function rejectAppeal(store: Store, user: User, id: number, reason: string): Outcome<{ appeal: Appeal }> {
  if (!store.reviews.decide(id, { status: 'rejected', userId: user.id, decision: reason })) return { ok: false, status: 404, error: '未找到待处理的申诉' };
  store.reviews.audit(user.id, 'appeal-rejected', `appeal:${id}`, { reason });
  return { ok: true, appeal: store.reviews.getAppeal(id)! };
}

/*
 * Attachments: an extension on the allow-list AND the file's first bytes matching it, so an HTML page
 * or a program renamed .pdf is refused. Office formats and OFD (the national e-document format) are ZIP
 * containers; .doc/.xls are OLE2 files.
 */
const zip = [[0x50, 0x4b, 0x03, 0x04]];
const ole2 = [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];
const jpeg = { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] };
const attachmentTypes: Record<string, { type: string; magic: number[][] }> = {
  '.pdf': { type: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  '.jpg': jpeg,
  '.jpeg': jpeg,
  '.png': { type: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  '.doc': { type: 'application/msword', magic: ole2 },
  '.xls': { type: 'application/vnd.ms-excel', magic: ole2 },
  '.docx': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: zip },
  '.xlsx': { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: zip },
  '.ofd': { type: 'application/ofd', magic: zip },
  '.zip': { type: 'application/zip', magic: zip },
};
export const attachmentExtensions = Object.keys(attachmentTypes);
const allowedTypes = new Set(Object.values(attachmentTypes).map((t) => t.type));
export const attachmentHint = 'PDF、JPG、PNG、DOC、DOCX、XLS、XLSX、OFD、ZIP';

/** Checks an uploaded file; the error is a sentence for the department. */
export function checkAttachment(sentName: string, bytes: Buffer, maxBytes: number): { ok: true; file: AttachmentFile } | { ok: false; error: string } {
  // Only the last path segment (old browsers send C:\...), no control characters, at most 200 characters.
  const base = (sentName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const ext = extname(base).toLowerCase();
  const name = base.length > 200 ? `${base.slice(0, 190)}${ext}` : base;
  const kind = attachmentTypes[ext];
  if (!kind) return { ok: false, error: `不接受${ext ? ` ${ext} ` : '无扩展名的'}文件。附件只能是 ${attachmentHint} 文件。` };
  if (bytes.length === 0) return { ok: false, error: '附件是空文件。' };
  if (bytes.length > maxBytes) return { ok: false, error: '附件超过 10 MB。' };
  if (!kind.magic.some((m) => m.every((b, i) => bytes[i] === b)))
    return { ok: false, error: `附件的内容不是 ${ext.slice(1).toUpperCase()} 文件（可能是改了扩展名的其他文件），未接受。` };
  return { ok: true, file: { name, ext, type: kind.type, bytes } };
}

/** `attachment` with an ASCII fallback and the real (often Chinese) name per RFC 5987. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^A-Za-z0-9._-]/g, '_') || 'attachment';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends an appeal's attachment as a download, never rendered by the browser: nosniff, our type only if it
 * is one we accept, and a sandbox policy in case it is opened anyway. Null when there is no such file.
 */
export async function sendAttachment(reply: FastifyReply, store: Store, dataDir: string, appeal: Appeal): Promise<FastifyReply | null> {
  const file = appeal.attachment;
  if (!file) return null;
  // Only a file of the appeal's own folder (appeals/<id>/), never a link out of it.
  const folder = resolve(dataDir, 'appeals', String(appeal.id));
  const path = resolve(dataDir, file.path);
  if (!path.startsWith(folder + sep)) return null;
  const body = await readContainedFile(folder, path, store.files);
  if (!body) return null;
  return reply
    .type(allowedTypes.has(file.type) ? file.type : 'application/octet-stream')
    .header('content-disposition', contentDisposition(file.name || `appeal-${appeal.id}`))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(body);
}
