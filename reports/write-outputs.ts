import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toCsv } from './csv.js';
import { renderReport } from './html-report.js';
import type { Results } from './results.js';

const statusNames: Record<string, string> = { assessed: '已评估', unreachable: '无法访问', blocked: '被拦截', error: '出错' };

/** results.json, ranking.csv (Excel-ready) and report.html in `dir`; returns the paths written. */
export async function writeOutputs(results: Results, dir: string): Promise<{ results: string; csv: string; report: string }> {
  await mkdir(dir, { recursive: true });
  const paths = { results: join(dir, 'results.json'), csv: join(dir, 'ranking.csv'), report: join(dir, 'report.html') };
  await writeFile(paths.results, JSON.stringify(results, null, 2) + '\n');
  const ordered = [...results.sites].sort((a, b) => a.group.localeCompare(b.group, 'zh') || (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const csv = toCsv(
    ['组别', '名次', '网站', '网址', '状态', '得分', '等级', '合格', '单项否决', '未评估原因'],
    ordered.map((s) => [s.group, s.rank, s.name, s.url, statusNames[s.status] ?? s.status, s.score, s.grade, s.status === 'assessed' ? (s.passed ? '是' : '否') : null, s.vetoes.map((v) => v.reason).join('；'), s.status === 'assessed' ? null : s.statusReason]),
  );
  await writeFile(paths.csv, csv);
  await writeFile(paths.report, renderReport(results));
  return paths;
}
