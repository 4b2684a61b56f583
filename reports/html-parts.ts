import { pendingGrade } from '../indicators/engine.js';
import { gradeStyles, gradeTag } from './grade-palette.js';
import { type Html, html } from './html.js';
import type { Results } from './results.js';

/** Pieces shared by the ranking report, the department reports and the notice. */
export type Site = Results['sites'][number];

/** Whether a site's outcome is known: 合格, 不合格, or 待复核 while a suspected veto awaits a reviewer. */
export function outcomeName(s: Pick<Site, 'status' | 'passed' | 'pendingReview'>): string {
  return s.status !== 'assessed' ? '未评估' : s.pendingReview ? '待复核' : s.passed ? '合格' : '不合格';
}

/**
 * A grade with the outcome after it when the grade does not say it already: 良（不合格） for a vetoed site
 * whose score reached 良, but 不合格 alone (not 不合格（不合格）), and 待复核 alone.
 */
export function gradeWithOutcome(grade: string | null, o: { assessed: boolean; passed: boolean }): string | null {
  if (grade === null || !o.assessed || o.passed || grade.includes('不合格') || grade === pendingGrade.name) return grade;
  return `${grade}（不合格）`;
}

export const indicatorStatus: Record<string, string> = {
  ok: '达标',
  deducted: '扣分',
  earned: '得分',
  veto: '单项否决',
  'suspected-veto': '疑似否决（待复核）',
  'not-flagged': '未发现疑似问题',
  warning: '预警',
  'not-measured': '未能测量',
  'not-applicable': '不适用',
};

/** A site's grade as a tag in the palette's colour (reports/grade-palette.ts): 未评估 for a site not assessed. */
export const siteGradeTag = (s: Pick<Site, 'status' | 'passed' | 'grade'>): Html =>
  gradeTag({ assessed: s.status === 'assessed', passed: s.passed, grade: s.grade });

/** Links only to http(s) URLs: a crawled "javascript:" URL must not become clickable. */
export function link(url: string, text: string = url): Html {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="noopener noreferrer">${text}</a>` : html`${text}`;
}

/** A whole page: Chinese first, printable (the same HTML is printed to PDF by Chromium). */
export function page(title: string, body: Html, extraStyles = ''): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html`${title}`}</title><style>${styles}${gradeStyles()}${extraStyles}</style></head><body>${body}</body></html>`;
}

const styles = `body{font:15px/1.7 "Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#222}
h1{font-size:26px;color:#b5121b;margin-bottom:4px}.meta{color:#666}h2{border-left:5px solid #b5121b;padding-left:10px;font-size:19px;margin-top:30px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f6efe6}
tr.fail td:first-child{color:var(--grade-fail)}.tag{display:inline-block;padding:0 6px;border-radius:3px;font-size:13px;color:#fff;background:#888}.tag.deducted{background:#d9822b}.tag.warning{background:#c9a227}.tag.override{background:#2b6cb0}
.evidence{color:#666;font-size:13px}article{border-top:1px solid #eee;padding-top:8px}.note{color:#666;font-size:13px}footer{color:#999;font-size:12px;margin-top:40px}
.pending-note,.suspected{border-left:4px solid var(--grade-pending);background:#f5f0fa;padding:6px 10px}tr.pending td:first-child{color:var(--grade-pending)}
table.ranking th,table.ranking td:nth-child(-n+4),.tag{white-space:nowrap}
table.rules th,table.rules td:not(:nth-child(2)):not(:last-child){white-space:nowrap}table.rules td{word-break:keep-all}
figure.chart{margin:12px 0;break-inside:avoid}figure.chart img{max-width:100%;height:auto}figure.chart figcaption{color:#666;font-size:13px}
@media print{details{display:block}details>summary{display:none}body{max-width:none;margin:0}a{color:inherit}}
@page{size:A4;margin:16mm 14mm}`;
