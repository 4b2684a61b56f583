import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { errorCode } from '../layout.js';

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
export async function readAppealForm(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<ReadForm> {
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
