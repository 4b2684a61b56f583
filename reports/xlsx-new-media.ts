/**
 * The 政务新媒体 sheet of the XLSX export: every registered account of every site, one row each, with its
 * last post, the days since and its status. Cells are written by xlsx-table.ts, which keeps the register's
 * text inert (an account named =HYPERLINK(…) stays text).
 */
import { type AccountResult, registerName } from '../evaluators/new-media.js';
import { accountRemarks, accountStatusNames } from './new-media-section.js';
import type { Results } from './results.js';
import type { Table } from './xlsx-table.js';

type Site = Results['sites'][number];
interface AccountRow {
  site: Site;
  account: AccountResult;
}

/** null when no site has an account registered: the sheet is left out. */
export function newMediaSheet(results: Results, sites: Site[]): Table<AccountRow> | null {
  const rows = sites.flatMap((site) => (site.observations.newMedia?.accounts ?? []).map((account) => ({ site, account })));
  if (!rows.length) return null;
  const source = results.assessment.newMedia;
  return {
    title: `${results.assessment.name}　政务新媒体：登记的账号及评估日（${results.assessment.asOf}）前两周内的更新情况${source ? `（登记表 ${registerName(source.file)}，sha256 ${source.sha256.slice(0, 12)}…）` : ''}`,
    rows,
    frozenColumns: 2,
    columns: [
      { header: '组别', value: (r) => r.site.group },
      { header: '网站', value: (r) => r.site.name },
      { header: '平台', value: (r) => r.account.platform },
      { header: '账号名称', value: (r) => r.account.name },
      { header: '账号链接/ID', value: (r) => (r.account.link && /^https?:\/\//i.test(r.account.link) ? { link: r.account.link } : r.account.link) },
      { header: '最后发布日期', value: (r) => r.account.lastPost },
      { header: '距评估日天数', value: (r) => r.account.days },
      { header: '状态', value: (r) => accountStatusNames[r.account.status] },
      { header: '近两周发布数', value: (r) => r.account.postsInTwoWeeks },
      { header: '是否提供互动功能', value: (r) => (r.account.interaction === null ? null : r.account.interaction ? '是' : '否') },
      { header: '留言未回复数', value: (r) => r.account.unanswered },
      { header: '说明', value: (r) => accountRemarks(r.account) || null, wrap: true },
      { header: '登记表行', value: (r) => r.account.line },
    ],
  };
}
