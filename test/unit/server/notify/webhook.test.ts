import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { postWebhook, signatureMatches } from '../../../../server/notify/webhook.js';

const secret = 'a-department-secret-0123';
let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A receiver answering each request with the next status of `answers`, keeping what it received. */
async function receiver(answers: number[]): Promise<{ url: string; received: Array<{ headers: IncomingMessage['headers']; body: string }> }> {
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers[received.length - 1] ?? 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('postWebhook', () => {
  it('signs timestamp.body with HMAC-SHA256 and tries again after a 503', async () => {
    const hook = await receiver([503, 204]);
    const outcome = await postWebhook(
      hook.url,
      secret,
      { warnings: [{ message: '栏目“工作动态”还剩 4 天' }] },
      { attempts: 3, backoffMs: 10, timeoutMs: 2000 },
    );
    expect(outcome).toEqual({ ok: true, attempts: 2, error: null });
    expect(hook.received).toHaveLength(2);
    const { headers, body } = hook.received[1]!;
    expect(JSON.parse(body).warnings[0].message).toBe('栏目“工作动态”还剩 4 天');
    const timestamp = String(headers['x-govscore-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(headers['x-govscore-signature']).toBe(expected);
    expect(signatureMatches(secret, timestamp, body, expected)).toBe(true);
    expect(signatureMatches('another-secret-0123456', timestamp, body, expected)).toBe(false);
    expect(signatureMatches(secret, timestamp, body.replace('4', '5'), expected)).toBe(false);
  });

  it('gives up at once on a 4xx refusal and after its attempts on failures', async () => {
    const refused = await receiver([400]);
    expect(await postWebhook(refused.url, secret, {}, { attempts: 3, backoffMs: 10, timeoutMs: 2000 })).toEqual({ ok: false, attempts: 1, error: 'HTTP 400' });
    await new Promise<void>((r) => server!.close(() => r()));
    const failing = await receiver([500, 502, 500]);
    expect(await postWebhook(failing.url, secret, {}, { attempts: 3, backoffMs: 10, timeoutMs: 2000 })).toEqual({ ok: false, attempts: 3, error: 'HTTP 500' });
    expect(failing.received).toHaveLength(3);
  });
});
