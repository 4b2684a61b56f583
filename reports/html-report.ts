import { html, raw, type Html } from './html.js';
import type { Results } from './results.js';

type Site = Results['sites'][number];

const statusNames: Record<string, string> = { unreachable: '无法访问', blocked: '被防火墙拦截', error: '访问出错', assessed: '已评估' };
const indicatorStatus: Record<string, string> = { ok: '达标', deducted: '扣分', earned: '得分', veto: '单项否决', warning: '预警', 'not-measured': '未能测量', 'not-applicable': '不适用' };

/** The readable report: ranking by peer group, sites not assessed, then every site's findings with evidence. */
export function renderReport(results: Results): string {
  const a = results.assessment;
  const assessed = results.sites.filter((s) => s.status === 'assessed');
  const passed = assessed.filter((s) => s.passed);
  const groups = [...new Set(results.sites.map((s) => s.group))];
  const notAssessed = results.sites.filter((s) => s.status !== 'assessed');
  const body = html`<header><h1>${a.name}</h1>
<p class="meta">评估日期：${a.asOf}　指标体系：${a.indicatorSet.title}（${a.indicatorSet.id} v${a.indicatorSet.version}）　运行编号：${a.runId}</p>
<p class="meta">抓取方式：真实浏览器（Chromium）逐站抓取，首页按15秒规则探测可用性；robots.txt：${a.crawl.robots === 'respect' ? '遵守' : '按评估工作要求忽略'}；抓取标识：${a.crawl.userAgent}</p></header>
<section><h2>总体情况</h2><p>共 ${results.sites.length} 个网站，完成评估 ${assessed.length} 个，合格 ${passed.length} 个（合格率 ${assessed.length ? Math.round((passed.length / assessed.length) * 100) : 0}%），未能评估 ${notAssessed.length} 个。</p></section>
${groups.map((g) => rankingTable(g, results.sites.filter((s) => s.group === g && s.status === 'assessed')))}
${notAssessed.length ? html`<section><h2>未能评估的网站</h2><table><thead><tr><th>网站</th><th>地址</th><th>状态</th><th>原因</th></tr></thead><tbody>${notAssessed.map((s) => html`<tr><td>${s.name}</td><td>${link(s.url)}</td><td>${statusNames[s.status] ?? s.status}</td><td>${s.statusLabel ?? ''}（${s.statusReason ?? ''}）${s.retryable ? '，可重试' : ''}</td></tr>`)}</tbody></table><p class="note">未能评估的网站不参与排名，也不按零分处理。</p></section>` : ''}
<section><h2>各网站扣分与证据</h2>${assessed.map((s) => siteDetail(s, a.evidenceDir))}</section>
<footer><p>生成时间：${a.generatedAt}　指标体系 sha256：${a.indicatorSet.sha256}</p></footer>`;
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html`${a.name}`}</title><style>${styles}</style></head><body>${body}</body></html>`;
}

function rankingTable(group: string, sites: Site[]): Html {
  const ordered = [...sites].sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9));
  return html`<section><h2>排名：${group}</h2><table class="ranking"><thead><tr><th>名次</th><th>网站</th><th>得分</th><th>等级</th><th>单项否决</th><th>预警</th></tr></thead><tbody>${ordered.map(
    (s) => html`<tr class="${s.passed ? 'pass' : 'fail'}"><td>${s.rank ?? '—'}</td><td><a href="#site-${s.id}">${s.name}</a></td><td>${s.score ?? '—'}</td><td>${s.grade ?? ''}</td><td>${s.vetoes.map((v) => v.reason).join('；')}</td><td>${s.warnings.map((w) => w.reason).join('；')}</td></tr>`,
  )}</tbody></table></section>`;
}

/** `evidenceDir`: the screenshots' folder relative to the report. */
function siteDetail(s: Site, evidenceDir: string): Html {
  const problems = s.indicators.filter((i) => i.status === 'veto' || i.status === 'deducted' || i.status === 'warning');
  const reviewed = s.indicators.filter((i) => i.override);
  const columns = s.observations.columns;
  return html`<article id="site-${s.id}"><h3>${s.name}　<small>${link(s.url)}</small></h3>
<p>得分 <strong>${s.score ?? '—'}</strong>　等级 ${s.grade ?? ''}　组内名次 ${s.rank ?? '—'}${s.bonus ? html`　（含加分 ${s.bonus}）` : ''}${s.scale && s.scale !== 1 ? html`　（不适用的指标类别不计，按 ×${s.scale} 折算）` : ''}</p>
${reviewed.length ? html`<ul class="findings overrides">${reviewed.map((i) => html`<li><span class="tag override">人工复核</span> ${i.id} ${i.name}：${i.status === 'veto' ? '判定否决' : i.max !== null && i.score !== null ? `${i.score}/${i.max}` : indicatorStatus[i.status]}（原测量结果：${i.override!.was.score ?? indicatorStatus[i.override!.was.status]}）<br><span class="evidence">理由：${i.override!.reason}；复核人：${i.override!.by}；时间：${i.override!.at.slice(0, 16).replace('T', ' ')}</span></li>`)}</ul>` : ''}
${problems.length ? html`<ul class="findings">${problems.map((i) => html`<li><span class="tag ${i.status}">${indicatorStatus[i.status]}</span> ${i.id} ${i.name}${i.max !== null && i.score !== null ? html`（${i.score}/${i.max}）` : ''}<ul>${i.findings.map((f) => html`<li>${f.message}${f.url ? html` — ${link(f.url)}` : ''}${f.evidence ? html`<br><span class="evidence">${f.evidence}</span>` : ''}${f.screenshot ? html` <a class="shot" href="${`${evidenceDir}/${f.screenshot}`}">[截图]</a>` : ''}</li>`)}</ul></li>`)}</ul>` : html`<p>未发现扣分或否决问题。</p>`}
${accessibilityDetail(s)}
<details><summary>栏目更新情况（${columns.length} 个栏目）</summary><table><thead><tr><th>栏目</th><th>类别</th><th>条数</th><th>注明日期</th><th>最新日期</th><th>状态</th></tr></thead><tbody>${columns.map((c) => html`<tr><td>${link(c.url, c.name)}</td><td>${c.kind}</td><td>${c.itemCount}</td><td>${c.datedItems}</td><td>${c.latest ?? '—'}</td><td>${c.blank ? '空白' : c.stale ? raw('<b>未更新</b>') : '正常'}</td></tr>`)}</tbody></table></details>
</article>`;
}

const lighthouseNames = { accessibility: '无障碍', performance: '性能', bestPractices: '最佳实践', seo: '搜索引擎优化' } as const;

function accessibilityDetail(s: Site): Html {
  const a = s.observations.accessibility;
  if (!a) return html``;
  return html`<details><summary>无障碍检测（axe-core WCAG 2.x A/AA，${a.pagesScanned} 个页面，${a.violations.length} 条规则未通过）</summary>
<table><thead><tr><th>规则</th><th>影响</th><th>WCAG</th><th>页面数</th><th>元素数</th><th>示例页面</th></tr></thead><tbody>${a.violations.map((v) => html`<tr><td>${v.help}（${v.rule}）</td><td>${v.impact ?? '—'}</td><td>${v.wcag.join(' ')}</td><td>${v.pages}</td><td>${v.nodes}</td><td>${v.urls[0] ? link(v.urls[0]) : ''}</td></tr>`)}</tbody></table>
${a.lighthouse.length ? html`<table><thead><tr><th>Lighthouse 页面</th>${Object.values(lighthouseNames).map((n) => html`<th>${n}</th>`)}</tr></thead><tbody>${a.lighthouse.map((l) => html`<tr><td>${link(l.url)}${l.error ? html`<br><span class="evidence">${l.error}</span>` : ''}</td>${(Object.keys(lighthouseNames) as Array<keyof typeof lighthouseNames>).map((k) => html`<td>${l.scores[k] ?? '—'}</td>`)}</tr>`)}</tbody></table>` : ''}
</details>`;
}

/** Links only to http(s) URLs: a crawled "javascript:" URL must not become clickable. */
function link(url: string, text: string = url): Html {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="noopener noreferrer">${text}</a>` : html`${text}`;
}

const styles = `body{font:15px/1.7 "Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#222}
h1{font-size:26px;color:#b5121b;margin-bottom:4px}.meta{color:#666}h2{border-left:5px solid #b5121b;padding-left:10px;font-size:19px;margin-top:30px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f6efe6}
tr.fail td:first-child{color:#b5121b}.tag{display:inline-block;padding:0 6px;border-radius:3px;font-size:13px;color:#fff;background:#888}.tag.veto{background:#b5121b}.tag.deducted{background:#d9822b}.tag.warning{background:#c9a227}.tag.override{background:#2b6cb0}
.evidence{color:#666;font-size:13px}article{border-top:1px solid #eee;padding-top:8px}.note{color:#666;font-size:13px}footer{color:#999;font-size:12px;margin-top:40px}
@media print{details{display:block}details>summary{display:none}}`;
