import nodemailer from 'nodemailer';

import type { SmtpSettings } from '../config/watch-config.js';
import type { RetryPolicy, SendOutcome } from './webhook.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one mail through the office's SMTP server, trying again after a pause when the server or the network fails. */
export async function sendMail(smtp: SmtpSettings, mail: Mail, retry: RetryPolicy): Promise<SendOutcome> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: retry.timeoutMs,
    greetingTimeout: retry.timeoutMs,
    socketTimeout: retry.timeoutMs,
  });
  let error: string | null = null;
  try {
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      try {
        await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
        return { ok: true, attempts: attempt, error: null };
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        // A 5xx answer (an unknown mailbox, a refused sender) will not pass on a second try.
        const code = (e as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) return { ok: false, attempts: attempt, error };
      }
      if (attempt < retry.attempts) await new Promise((r) => setTimeout(r, retry.backoffMs * 2 ** (attempt - 1)));
    }
    return { ok: false, attempts: retry.attempts, error };
  } finally {
    transport.close();
  }
}
