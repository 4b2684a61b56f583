import type { WatchConfig } from '../config/watch-config.js';
import type { StoredWarning, WarningTable } from '../store/warnings.js';
import { sendMail } from './email.js';
import { defaultRetry, postWebhook, type RetryPolicy } from './webhook.js';

/** What a webhook receives: the department, the check's date and its warnings not sent to it before. */
export interface WarningPayload {
  type: 'govscore.early-warnings';
  department: string;
  asOf: string;
  /** Each warning as stored, with its site's id and name. */
  warnings: Array<Pick<StoredWarning, 'id' | 'siteName' | 'kind' | 'indicator' | 'subject' | 'name' | 'due' | 'daysLeft' | 'message'> & { site: string }>;
}

export interface DeliverySummary {
  sent: number;
  failed: Array<{ department: string; channel: 'webhook' | 'email'; target: string; error: string }>;
}

const payloadWarning = (w: StoredWarning): WarningPayload['warnings'][number] => ({
  id: w.id,
  site: w.siteId,
  siteName: w.siteName,
  kind: w.kind,
  indicator: w.indicator,
  subject: w.subject,
  name: w.name,
  due: w.due,
  daysLeft: w.daysLeft,
  message: w.message,
});

/** The mail of one department: a line per warning, most urgent first, each with its site and days left. */
export function warningMail(department: string, asOf: string, warnings: StoredWarning[]): { subject: string; text: string } {
  const sites = [...new Set(warnings.map((w) => w.siteName))].join('、');
  const lines = warnings.map((w, i) => {
    const left = w.daysLeft === null ? '' : w.daysLeft >= 0 ? `（剩余 ${w.daysLeft} 天，期限 ${w.due}）` : `（已超期 ${-w.daysLeft} 天）`;
    return `${i + 1}. [${w.siteName}] ${w.message}${left}`;
  });
  return {
    subject: `【网站预警】${sites}：${warnings.length} 项问题即将或已经触发单项否决`,
    text: [
      `${department}：`,
      '',
      `${asOf} 的网站监测发现以下问题，请在期限前整改，以免在评估中被单项否决：`,
      '',
      ...lines,
      '',
      '同一问题只提醒一次；整改后下次监测将不再列出。详情请登录评估系统查看“预警信息”页面。',
    ].join('\n'),
  };
}

/**
 * Sends each department the open warnings of its sites that have not reached it yet, by webhook and by e-mail,
 * and records each delivery. A warning is sent once per channel and target; one that failed (after its retries)
 * is sent again by the next check.
 */
export async function deliverWarnings(table: WarningTable, config: WatchConfig, asOf: string, retry: RetryPolicy = defaultRetry): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, failed: [] };
  const record = (
    warnings: StoredWarning[],
    channel: 'webhook' | 'email',
    target: string,
    outcome: { ok: boolean; attempts: number; error: string | null },
  ) => {
    const at = new Date().toISOString();
    for (const w of warnings)
      table.recordDelivery({ warningId: w.id, channel, target, state: outcome.ok ? 'sent' : 'failed', attempts: outcome.attempts, error: outcome.error, at });
  };
  for (const department of config.departments) {
    if (department.webhook) {
      const warnings = table.undelivered(department.sites, 'webhook', department.webhook.url);
      if (warnings.length) {
        const payload: WarningPayload = { type: 'govscore.early-warnings', department: department.name, asOf, warnings: warnings.map(payloadWarning) };
        const outcome = await postWebhook(department.webhook.url, department.webhook.secret, payload, retry);
        record(warnings, 'webhook', department.webhook.url, outcome);
        if (outcome.ok) summary.sent += warnings.length;
        else summary.failed.push({ department: department.name, channel: 'webhook', target: department.webhook.url, error: outcome.error ?? '' });
      }
    }
    for (const address of department.email) {
      const warnings = table.undelivered(department.sites, 'email', address);
      if (!warnings.length || !config.smtp) continue;
      const outcome = await sendMail(config.smtp, { to: address, ...warningMail(department.name, asOf, warnings) }, retry);
      record(warnings, 'email', address, outcome);
      if (outcome.ok) summary.sent += warnings.length;
      else summary.failed.push({ department: department.name, channel: 'email', target: address, error: outcome.error ?? '' });
    }
  }
  return summary;
}
