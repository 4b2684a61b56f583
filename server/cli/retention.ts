import { Store } from '../store/store.js';
import { applyRetention, defaultRetention, type RetentionPolicy, type RetentionReport, summary } from '../use-cases/retention.js';

/** `govscore retention`: the store's retention policy applied now (or, --dry-run, what it would purge). */
export function retentionCommand(db: string, policy: Partial<RetentionPolicy>, dryRun: boolean): RetentionReport {
  const store = new Store(db, { mustExist: true });
  try {
    return applyRetention(store, { ...defaultRetention, ...policy }, { dryRun });
  } finally {
    store.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** What was purged (or would be), in Chinese, run by run. */
export function describeRetention(r: RetentionReport): string[] {
  const s = summary(r);
  const verb = r.dryRun ? '将清除' : '已清除';
  return [
    `保留期限：采集数据 ${r.policy.observationsYears} 年，证据文件 ${r.policy.evidenceMonths} 个月，已发布版本永久保留${r.dryRun ? '（试运行，未删除）' : ''}`,
    `${verb}采集数据：${s.observations.runs} 次评估，${s.observations.rows} 行，${mb(s.observations.bytes)}`,
    ...r.observations.map((o) => `  ${o.runId}：${o.rows} 行，${mb(o.bytes)}`),
    `${verb}证据文件：${s.evidence.runs} 次评估，${s.evidence.files} 个文件，${mb(s.evidence.bytes)}`,
    ...r.evidence.map((e) => `  ${e.runId}：${e.files} 个文件，${mb(e.bytes)}`),
    `${verb}可用性监测记录：${r.probes.rows} 条，${mb(r.probes.bytes)}`,
    ...(r.keptPublished.length ? [`已发布、永久保留：${r.keptPublished.join('、')}`] : []),
  ];
}
