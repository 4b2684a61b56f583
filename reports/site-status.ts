import type { Results } from './results.js';

type Site = Results['sites'][number];

/** A site's collection status, as every report, table and export names it. */
export const statusNames: Readonly<Record<string, string>> = {
  assessed: '已评估',
  unreachable: '无法访问',
  blocked: '被防火墙拦截',
  // Our failure while collecting it, not the site's: running the command again collects it again.
  error: '采集出错',
};

/** Why a site was not assessed, in words with the code after them: 连接被拒绝（refused），可重试. Null for an assessed site. */
export function notAssessedReason(s: Pick<Site, 'status' | 'statusLabel' | 'statusReason' | 'retryable'>): string | null {
  if (s.status === 'assessed') return null;
  return `${s.statusLabel ?? statusNames[s.status] ?? '其他错误'}（${s.statusReason ?? s.status}）${s.retryable ? '，可重试' : ''}`;
}
