import { join } from 'node:path';

import { load } from 'cheerio';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { importTable } from '../../../server/cli/import.js';
import { Store } from '../../../server/store/store.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const fixtures = new URL('../../fixtures/reporting/', import.meta.url).pathname;
const education = '11370100012'; // 市教育局
const password = 'correct horse battery';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('the appeals JSON API: an attachment by name, size, type and download address, never a server path', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let runId: string;
  let edu: ReturnType<typeof injectBrowser>, staff: ReturnType<typeof injectBrowser>;

  beforeAll(async () => {
    dir = await tempDir('appeal-json');
    const db = join(dir, 'govscore.db');
    const [run] = await importTable({
      table: join(fixtures, 'city-2026q3-utf8.csv'),
      db,
      indicators: 'info-reporting',
      out: join(dir, 'out'),
      log: () => undefined,
    });
    runId = run!.runId;
    store = new Store(db);
    await store.accounts.add({ login: 'staff', name: '评估办', role: 'evaluator', password });
    await store.accounts.add({ login: 'edu', name: '市教育局', role: 'department', password, sites: [education] });
    app = await buildApp({ store, dbFile: db, dataDir: dir });
    [edu, staff] = [injectBrowser(app, password), injectBrowser(app, password)];
    await edu.login('edu');
    await staff.login('staff');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  it('answers every appeal route without the data folder or the stored file’s name', async () => {
    // An appeal with an attachment, through the department's form.
    const page = `/department/runs/${runId}/sites/${education}`;
    const token = load((await edu.get(page)).body)(`form[action="${page}/appeals"] input[name=_csrf]`).val() as string;
    const filed = await edu.multipart(`${page}/appeals`, [
      ['_csrf', token],
      ['indicator', 'R5'],
      ['text', '三季度另有2条被省办采用，未计入'],
      ['attachment', new File([pdf], '采用证明.pdf')],
    ]);
    expect(filed.statusCode, filed.body).toBe(303);
    const withFile = store.reviews.appeals(runId).find((a) => a.attachment)!;
    const stored = withFile.attachment!.path;

    const post = async (who: typeof edu, url: string, body: object) => who.send('POST', url, body, { 'x-csrf-token': await who.csrfToken() });
    const answers: Array<[string, LightMyRequestResponse]> = [];
    const answer = async (name: string, response: Promise<LightMyRequestResponse>) => {
      const r = await response;
      expect(r.statusCode, `${name}: ${r.body}`).toBeLessThan(300);
      answers.push([name, r]);
      return r.json() as unknown;
    };
    const departmentList = (await answer('department list', edu.get(`/api/department/runs/${runId}/appeals`))) as Array<{ id: number; attachment: unknown }>;
    const jsonFiled = (await answer(
      'department files',
      post(edu, `/api/department/runs/${runId}/sites/${education}/appeals`, { indicator: 'R1', text: '另一条申诉的理由' }),
    )) as { id: number; attachment: unknown };
    const staffList = (await answer('staff list', staff.get(`/api/staff/runs/${runId}/appeals`))) as Array<{ id: number; attachment: unknown }>;
    await answer('staff accepts', post(staff, `/api/staff/appeals/${withFile.id}/accept`, { reason: '核实后申诉成立' }));
    await answer('staff rejects', post(staff, `/api/staff/appeals/${jsonFiled.id}/reject`, { reason: '与指标无关' }));
    await answer('audit', staff.get('/api/staff/audit'));

    for (const [name, r] of answers) {
      for (const secret of [dir, stored, stored.split('/').pop()!, '"path"']) expect(r.body, name).not.toContain(secret);
    }
    const attachment = { name: '采用证明.pdf', type: 'application/pdf', bytes: pdf.length };
    expect(departmentList.find((a) => a.id === withFile.id)!.attachment).toEqual({ ...attachment, url: `/department/appeals/${withFile.id}/attachment` });
    expect(staffList.find((a) => a.id === withFile.id)!.attachment).toEqual({ ...attachment, url: `/staff/appeals/${withFile.id}/attachment` });
    expect(jsonFiled.attachment).toBeNull();
    // Each address downloads the file for the one it was given to.
    expect((await edu.get(`/department/appeals/${withFile.id}/attachment`)).rawPayload.equals(pdf)).toBe(true);
    expect((await staff.get(`/staff/appeals/${withFile.id}/attachment`)).rawPayload.equals(pdf)).toBe(true);
  });
});
