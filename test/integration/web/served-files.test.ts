import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { link, mkdir, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../../../server/app/app.js';
import { Store } from '../../../server/store/store.js';
import { watchStoreFiles } from '../../../server/store/store-files.js';
import { tempDir } from '../cli-helpers.js';
import { injectBrowser } from './inject-browser.js';

const password = 'correct horse battery';
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Another govscore process on the same store (an assess or rescore the web app started): opens it, writes
 * an audit row, closes it. Its close checkpoints and deletes the WAL and shared-memory files when it finds
 * no other process holding the store's locks.
 */
function otherProcessWrites(db: string, action: string): void {
  const script = `const D = require(${JSON.stringify(betterSqlite)}); const d = new D(${JSON.stringify(db)}); d.pragma('busy_timeout = 10000');
d.prepare("INSERT INTO audit_log (at, action, target) VALUES ('2026-01-01', ?, 'test')").run(${JSON.stringify(action)}); d.close();`;
  execFileSync(process.execPath, ['-e', script]);
}

/** The audit actions a fresh process reads from the store's files. */
function actionsSeenByAnotherProcess(db: string): string[] {
  const script = `const D = require(${JSON.stringify(betterSqlite)}); const d = new D(${JSON.stringify(db)}, { readonly: true });
console.log(JSON.stringify(d.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all())); d.close();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script]).toString()) as string[];
}

describe('evidence and attachments: only the regular files of their own folder, never the store', () => {
  let dir: string;
  let db: string;
  let store: Store;
  let app: FastifyInstance;
  let edu: ReturnType<typeof injectBrowser>, staff: ReturnType<typeof injectBrowser>;
  const run = 'r1';
  const evidence = (site: string) => join(dir, 'evidence', run, site);

  beforeAll(async () => {
    dir = await tempDir('served-files');
    db = join(dir, 'govscore.db');
    store = new Store(db);
    const site = (siteId: string, position: number) => ({
      siteId,
      position,
      name: siteId,
      url: '',
      group: '市直部门',
      services: false,
      level: 'department' as const,
    });
    store.createRun({ id: run, key: run, name: '评估', asOf: '2026-06-30', sitesFile: '', sitesSha256: '', indicators: 'info-reporting', options: {} }, [
      site('edu', 0),
      site('police', 1),
    ]);
    store.finishRun(run);
    for (const s of ['edu', 'police']) {
      await mkdir(evidence(s), { recursive: true });
      await writeFile(join(evidence(s), `${s}.jpg`), jpeg);
    }
    await store.accounts.add({ login: 'staff', name: '评估办', role: 'evaluator', password });
    await store.accounts.add({ login: 'edu', name: '市教育局', role: 'department', password, sites: ['edu'] });
    app = await buildApp({ store, dbFile: db, dataDir: dir });
    [edu, staff] = [injectBrowser(app, password), injectBrowser(app, password)];
    await edu.login('edu');
    await staff.login('staff');
  });
  afterAll(async () => {
    await app?.close();
    store?.close();
  });

  it('answers 404 for a link to another site’s screenshot or to the store’s files, to the department and to staff', async () => {
    const own = evidence('edu');
    await symlink(join(evidence('police'), 'police.jpg'), join(own, 'theirs.jpg'));
    await symlink('../police/police.jpg', join(own, 'theirs-relative.jpg'));
    await symlink(db, join(own, 'db.jpg'));
    await symlink(`${db}-shm`, join(own, 'shm.png'));
    await symlink(`${db}-wal`, join(own, 'wal.jpg'));
    // A hard link has no other "real path": the store's files are refused by what they are.
    await link(db, join(own, 'hard.jpg'));
    await symlink(own, join(evidence('police'), 'edu-dir.jpg'));
    for (const who of [edu, staff])
      for (const file of ['theirs.jpg', 'theirs-relative.jpg', 'db.jpg', 'shm.png', 'wal.jpg', 'hard.jpg'])
        expect((await who.get(`/evidence/${run}/edu/${file}`)).statusCode, file).toBe(404);
    expect((await staff.get(`/evidence/${run}/police/edu-dir.jpg`)).statusCode).toBe(404);
    const mine = await edu.get(`/evidence/${run}/edu/edu.jpg`);
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(jpeg)).toBe(true);
  });

  it('answers 404 for an appeal attachment that is a link to the store or to another appeal’s file', async () => {
    const eduId = store.db.prepare("SELECT id FROM users WHERE login = 'edu'").pluck().get() as number;
    const appeal = () => store.reviews.appeal({ runId: run, siteId: 'edu', indicator: 'R1', text: '申诉内容五个字', userId: eduId }).id;
    const attach = async (id: number, file: string, target?: string) => {
      await mkdir(join(dir, 'appeals', String(id)), { recursive: true });
      const path = `appeals/${id}/${file}`;
      if (target) await symlink(target, join(dir, path));
      else await writeFile(join(dir, path), pdf);
      store.db
        .prepare("UPDATE appeals SET attachment_name = 'a.pdf', attachment_type = 'application/pdf', attachment_bytes = 1, attachment_path = ? WHERE id = ?")
        .run(path, id);
    };
    const real = appeal();
    await attach(real, '0123456789abcdef01234567.pdf');
    const toDb = appeal();
    await attach(toDb, 'aaaaaaaaaaaaaaaaaaaaaaaa.pdf', db);
    const toOther = appeal();
    await attach(toOther, 'bbbbbbbbbbbbbbbbbbbbbbbb.pdf', join(dir, 'appeals', String(real), '0123456789abcdef01234567.pdf'));
    for (const [who, prefix] of [
      [edu, '/department/appeals'],
      [staff, '/staff/appeals'],
    ] as const) {
      expect((await who.get(`${prefix}/${real}/attachment`)).rawPayload.equals(pdf)).toBe(true);
      for (const id of [toDb, toOther]) expect((await who.get(`${prefix}/${id}/attachment`)).statusCode, `${prefix} ${id}`).toBe(404);
    }
  });

  it('serves a run’s outputs as downloads: every one to staff, a department only its own report, nothing to strangers or through links', async () => {
    const outputs = join(dir, 'runs', run);
    await mkdir(join(outputs, 'departments'), { recursive: true });
    const xlsx = Buffer.from('PK\u0003\u0004 workbook');
    await writeFile(join(outputs, 'report.pdf'), pdf);
    await writeFile(join(outputs, 'results.xlsx'), xlsx);
    await writeFile(join(outputs, 'departments', 'edu.pdf'), pdf);
    await writeFile(join(outputs, 'departments', 'police.pdf'), pdf);
    await symlink(db, join(outputs, 'departments', 'edu-link.pdf'));
    await symlink(db, join(outputs, 'ranking.csv'));

    const report = await staff.get(`/files/${run}/report.pdf`);
    expect(report.statusCode).toBe(200);
    expect(report.rawPayload.equals(pdf)).toBe(true);
    expect(report.headers['content-type']).toBe('application/pdf');
    expect(report.headers['content-disposition']).toMatch(/^attachment; filename="report.pdf"; filename\*=UTF-8''/);
    expect(report.headers['cache-control']).toBe('private, no-store');
    expect((await staff.get(`/files/${run}/results.xlsx`)).rawPayload.equals(xlsx)).toBe(true);
    expect((await staff.get(`/files/${run}/departments/police.pdf`)).statusCode).toBe(200);
    // The run's page lists what exists, with the departments' reports.
    const page = (await staff.get(`/staff/runs/${run}`)).body;
    expect(page).toContain(`<a href="/files/${run}/report.pdf" download>评估报告（PDF）</a>`);
    expect(page).toContain(`<a href="/files/${run}/results.xlsx" download>结果与问题清单（Excel）</a>`);
    expect(page).toContain(`<a href="/files/${run}/departments/edu.pdf" download>edu 评估报告（PDF）</a>`);
    expect(page).not.toContain(`/files/${run}/notice.pdf`);

    // A department: its own report, nothing else of the run.
    expect((await edu.get(`/files/${run}/departments/edu.pdf`)).rawPayload.equals(pdf)).toBe(true);
    for (const file of ['departments/police.pdf', 'report.pdf', 'results.xlsx', 'departments/edu-link.pdf'])
      expect((await edu.get(`/files/${run}/${file}`)).statusCode, file).toBe(404);
    // Links in the folder, names outside the list, other runs: 404 for staff too; strangers are asked to log in.
    for (const file of ['ranking.csv', 'departments/edu-link.pdf', 'govscore.db', '..%2Fgovscore.db', 'departments/../../../govscore.db'])
      expect((await staff.get(`/files/${run}/${file}`)).statusCode, file).toBe(404);
    expect((await staff.get('/files/no-such-run/report.pdf')).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/files/${run}/report.pdf` })).statusCode).toBe(401);
  });

  it('keeps the store’s writes when links to its files were asked for and another process then opened and closed it', async () => {
    const own = evidence('edu');
    await symlink(db, join(own, 'db-again.jpg'));
    await symlink(`${db}-shm`, join(own, 'shm-again.jpg'));
    store.reviews.audit(null, 'before', 'test');
    // Soft: on a failure here, the check below still shows what the read cost the store.
    for (const file of ['db-again.jpg', 'shm-again.jpg']) expect.soft((await edu.get(`/evidence/${run}/edu/${file}`)).statusCode).toBe(404);
    otherProcessWrites(db, 'other');
    store.reviews.audit(null, 'after', 'test');
    expect(actionsSeenByAnotherProcess(db).filter((a) => ['before', 'other', 'after'].includes(a))).toEqual(['before', 'other', 'after']);
    expect(existsSync(`${db}-wal`)).toBe(true);
    expect(store.files.check()).toBeNull();
  });
});

describe('a store whose WAL another process deleted', () => {
  it('says so, and its watch calls out once', async () => {
    const db = join(await tempDir('store-files'), 'govscore.db');
    const store = new Store(db);
    try {
      const calls: string[] = [];
      const stop = watchStoreFiles(store.files, (problem) => calls.push(problem), 20);
      expect(store.files.check()).toBeNull();
      expect(store.files.isStoreFile(statSync(`${db}-wal`))).toBe(true);
      // What a read of the store's files through a link did: this process's locks on them are gone …
      readFileSync(db);
      readFileSync(`${db}-shm`);
      // … so the next process to close the store takes itself for the last and deletes the WAL and shared memory.
      otherProcessWrites(db, 'other');
      expect(existsSync(`${db}-wal`)).toBe(false);
      expect(store.files.check()).toMatch(/^数据库文件 govscore\.db-wal、govscore\.db-shm 已被删除或替换/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      stop();
      expect(calls).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
