import { createHmac } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { type RunningPortalSet, startPortalSet } from '../../../portals/server/portal-set.js';
import { redisOptions } from '../../../server/queue/connection.js';
import { Store } from '../../../server/store/store.js';
import { runCli, tempDir, writeSitesFile } from '../cli-helpers.js';
import { startRedis } from '../queue/redis-server.js';

/** ISO date + n days, by the calendar (independent of the code under test). */
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const secret = 'jyj-webhook-secret-2026';

interface Hook {
  headers: IncomingHttpHeaders;
  body: string;
  /** Checked here with node:crypto, not with the code that signed it. */
  signed: boolean;
  status: number;
}
interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** The mail's subject and text, decoded from the MIME nodemailer writes (encoded words; base64 or quoted-printable). */
function decodeMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head!.replace(/\r?\n[ \t]+/g, ' ');
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
  const qp = (text: string) =>
    Buffer.from(
      text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  const body = rest.join('\n\n');
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? qp(body) : body;
  return { subject: words(/^subject:\s*(.*)$/im.exec(headers)?.[1] ?? ''), text };
}

describe('govscore watch: early warnings before a veto', () => {
  let set: RunningPortalSet;
  let smtp: SMTPServer;
  let hookServer: Server;
  const mails: Mail[] = [];
  const hooks: Hook[] = [];
  /** The statuses the webhook receiver answers with, in turn (then 204): the first delivery must be retried. */
  const answers = [503];
  let smtpPort = 0;
  let hookUrl = '';

  beforeAll(async () => {
    set = await startPortalSet({ asOf: '2026-11-21', seed: 'watch-test' });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('latin1')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMail(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    hookServer = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const timestamp = String(req.headers['x-govscore-timestamp']);
        const expected = 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
        const status = answers.shift() ?? 204;
        hooks.push({ headers: req.headers, body, signed: req.headers['x-govscore-signature'] === expected, status });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/govscore`;
  });
  afterAll(async () => {
    await set?.close();
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    await new Promise<void>((r) => (hookServer ? hookServer.close(() => r()) : r()));
  });

  it('warns 4 days before a news column’s 2 weeks run out (not 5), by e-mail and signed webhook, once, and through the job scheduler', async () => {
    const dir = await tempDir('watch');
    const sitesFile = await writeSitesFile(dir, set, ['jyj']);
    const db = join(dir, 'govscore.db');
    const notify = join(dir, 'notify.yaml');
    await writeFile(
      notify,
      stringify({
        smtp: { host: '127.0.0.1', port: smtpPort, from: '网站监测 <monitor@example.gov.cn>' },
        leadDays: { letter: 90 },
        departments: [{ name: '市教育局', sites: ['jyj'], email: ['web@jyj.example.gov.cn'], webhook: { url: hookUrl, secret } }],
      }),
    );
    const truth = set.get('jyj').truth;
    // The simulated clock: the day the newest item of a first-level news column is 9, then 10 days old.
    const column = truth.columns.find((c) => c.kind === 'news' && c.firstLevel && c.latest && c.latest >= plusDays(set.asOf, -5))!;
    expect(column, 'a recent first-level news column on the portal').toBeDefined();
    const nineDays = plusDays(column.latest!, 9);
    const tenDays = plusDays(column.latest!, 10);
    const stored = () => {
      const store = new Store(db);
      try {
        return store.db.prepare('SELECT * FROM early_warnings ORDER BY id').all() as Array<Record<string, string | number | null>>;
      } finally {
        store.close();
      }
    };

    const before = await runCli(['watch', sitesFile, '--db', db, '--as-of', nineDays, '--notify', notify, '--retry-ms', '50']);
    expect(before.code, before.stderr + before.stdout).toBe(0);
    const first = stored();
    expect(first.filter((w) => w.name === column.name)).toEqual([]);
    // Letters: every letter the portal left unanswered in the year, with 90 − its age left (leadDays.letter 90 warns of all).
    const awaiting = truth.mailbox!.items.filter((l) => !l.replied && l.received <= nineDays && l.received >= plusDays(nineDays, -365));
    expect(awaiting.length).toBeGreaterThan(0);
    expect(
      first
        .filter((w) => w.kind === 'letter')
        .map((w) => [w.name, w.days_left])
        .sort(),
    ).toEqual(awaiting.map((l) => [l.title, 90 - (Date.parse(nineDays) - Date.parse(l.received)) / 86_400_000]).sort());
    // Its first delivery: answered 503, tried again, then taken; signed either time; and one mail.
    expect(hooks.map((h) => [h.status, h.signed])).toEqual([
      [503, true],
      [204, true],
    ]);
    const firstPayload = JSON.parse(hooks[1]!.body);
    expect(firstPayload).toMatchObject({ type: 'govscore.early-warnings', department: '市教育局', asOf: nineDays });
    expect(firstPayload.warnings.map((w: { id: number }) => w.id).sort()).toEqual(first.map((w) => w.id).sort());
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['web@jyj.example.gov.cn']);

    const due = await runCli(['watch', sitesFile, '--db', db, '--as-of', tenDays, '--notify', notify, '--retry-ms', '50']);
    expect(due.code, due.stderr + due.stdout).toBe(0);
    const second = stored();
    const warned = second.find((w) => w.name === column.name)!;
    expect(warned).toMatchObject({
      kind: 'column',
      indicator: 'V3',
      days_left: 4,
      due: plusDays(column.latest!, 14),
      first_as_of: tenDays,
      closed_as_of: null,
    });
    // Only what is new reaches the department: the column (and the homepage, if its newest item is the column's).
    const fresh = second.filter((w) => !first.some((f) => f.id === w.id));
    expect(fresh.map((w) => w.id)).toContain(warned.id);
    expect(hooks).toHaveLength(3);
    expect(hooks[2]!.signed).toBe(true);
    const payload = JSON.parse(hooks[2]!.body) as { asOf: string; warnings: Array<{ id: number; name: string; daysLeft: number; due: string; site: string }> };
    expect(payload.warnings.map((w) => w.id).sort()).toEqual(fresh.map((w) => w.id).sort());
    expect(payload.warnings.find((w) => w.name === column.name)).toMatchObject({ site: 'jyj', daysLeft: 4, due: plusDays(column.latest!, 14) });
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toContain('【网站预警】');
    expect(mails[1]!.text).toContain(`栏目“${column.name}”最新信息发布于 ${column.latest}，更新期限 14 天，还剩 4 天`);
    expect(mails[1]!.text).not.toContain('留言“');

    // The next day, through the BullMQ job scheduler: the same warnings, a day less left, and nothing sent again.
    const redis = await startRedis();
    try {
      const queued = await runCli(
        ['watch', sitesFile, '--db', db, '--as-of', plusDays(tenDays, 1), '--notify', notify, '--queue', redis.url, '--every-ms', '500', '--times', '1'],
        240_000,
      );
      expect(queued.code, queued.stderr + queued.stdout).toBe(0);
      expect(queued.stdout).toContain('watch schedule');
      // Its one check done, the schedule is gone from Redis.
      const queue = new Queue('watch', { connection: redisOptions(redis.url), prefix: 'govscore' });
      expect(await queue.getJobSchedulers()).toEqual([]);
      await queue.close();
    } finally {
      await redis.stop();
    }
    const third = stored();
    expect(third.find((w) => w.id === warned.id)).toMatchObject({ days_left: 3, last_as_of: plusDays(tenDays, 1), closed_as_of: null });
    expect(third.filter((w) => !second.some((s) => s.id === w.id))).toEqual([]);
    expect(hooks).toHaveLength(3);
    expect(mails).toHaveLength(2);
  }, 300_000);
});
