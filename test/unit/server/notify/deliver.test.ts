import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';

import type { EarlyWarning } from '../../../../evaluators/early-warnings.js';
import { defaultWarningLeads } from '../../../../evaluators/early-warnings.js';
import type { WatchConfig } from '../../../../server/config/watch-config.js';
import { deliverWarnings, warningMail } from '../../../../server/notify/deliver.js';
import { Store } from '../../../../server/store/store.js';
import { WarningTable } from '../../../../server/store/warnings.js';

const retry = { attempts: 3, backoffMs: 10, timeoutMs: 3000 };
let smtp: SMTPServer | null = null;
afterEach(() => new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r())));

/** A local SMTP server refusing each message with the next code of `refusals` (then accepting), counting what it accepted. */
async function smtpServer(refusals: number[]): Promise<{ port: number; accepted: string[]; tries: () => number }> {
  const accepted: string[] = [];
  let tries = 0;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        const code = refusals[tries++];
        if (code) return callback(Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code }));
        accepted.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp!.listen(0, '127.0.0.1', r));
  return { port: (smtp.server.address() as AddressInfo).port, accepted, tries: () => tries };
}

const warning: EarlyWarning = {
  kind: 'column',
  indicator: 'V3',
  subject: 'http://jyj.example/jyyw/',
  name: '教育要闻',
  due: '2026-12-15',
  daysLeft: 4,
  message: '栏目“教育要闻”更新期限 14 天，还剩 4 天',
};
const config = (port: number): WatchConfig => ({
  smtp: { host: '127.0.0.1', port, secure: false, user: null, password: null, from: 'monitor@example.gov.cn' },
  leads: defaultWarningLeads,
  departments: [{ name: '市教育局', sites: ['jyj'], email: ['web@jyj.example'], webhook: null }],
});

describe('deliverWarnings by e-mail', () => {
  it('tries a temporary refusal again, and sends nothing twice', async () => {
    const server = await smtpServer([451]);
    const store = new Store(':memory:');
    const table = new WarningTable(store.db);
    const [w] = table.recordCheck({ id: 'jyj', name: '某市教育局' }, [warning], '2026-12-11').fresh;
    expect(await deliverWarnings(table, config(server.port), '2026-12-11', retry)).toEqual({ sent: 1, failed: [] });
    expect(server.accepted).toEqual(['web@jyj.example']);
    expect(table.deliveries(w!.id)).toEqual([expect.objectContaining({ channel: 'email', state: 'sent', attempts: 2 })]);
    table.recordCheck({ id: 'jyj', name: '某市教育局' }, [{ ...warning, daysLeft: 3 }], '2026-12-12');
    expect(await deliverWarnings(table, config(server.port), '2026-12-12', retry)).toEqual({ sent: 0, failed: [] });
    expect(server.tries()).toBe(2);
    store.close();
  });

  it('records a permanent refusal at once and sends the warning again at the next check', async () => {
    const server = await smtpServer([550]);
    const store = new Store(':memory:');
    const table = new WarningTable(store.db);
    const [w] = table.recordCheck({ id: 'jyj', name: '某市教育局' }, [warning], '2026-12-11').fresh;
    const first = await deliverWarnings(table, config(server.port), '2026-12-11', retry);
    expect(first.sent).toBe(0);
    expect(first.failed).toEqual([expect.objectContaining({ department: '市教育局', channel: 'email', target: 'web@jyj.example' })]);
    expect(table.deliveries(w!.id)).toEqual([expect.objectContaining({ state: 'failed', attempts: 1 })]);
    expect(await deliverWarnings(table, config(server.port), '2026-12-12', retry)).toEqual({ sent: 1, failed: [] });
    expect(table.deliveries(w!.id)).toEqual([expect.objectContaining({ state: 'sent', attempts: 2 })]);
    store.close();
  });
});

describe('warningMail', () => {
  it('lists each warning with its site and the days left or past, in Chinese', () => {
    const base = { id: 1, siteId: 'jyj', siteName: '某市教育局', firstAsOf: '', lastAsOf: '', firstSeenAt: '', lastSeenAt: '', closedAsOf: null };
    const mail = warningMail('市教育局', '2026-12-11', [
      { ...base, ...warning },
      { ...base, ...warning, id: 2, name: '学校动态', daysLeft: -3, message: '栏目“学校动态”已超过更新期限' },
    ]);
    expect(mail.subject).toBe('【网站预警】某市教育局：2 项问题即将或已经触发单项否决');
    expect(mail.text).toContain('1. [某市教育局] 栏目“教育要闻”更新期限 14 天，还剩 4 天（剩余 4 天，期限 2026-12-15）');
    expect(mail.text).toContain('2. [某市教育局] 栏目“学校动态”已超过更新期限（已超期 3 天）');
  });
});
