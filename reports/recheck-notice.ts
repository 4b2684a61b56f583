import { type Html, html } from './html.js';
import { page } from './html-parts.js';
import { chineseDate } from './notice.js';
import { type RecheckFinding, type RecheckResults, recheckStatusNames, unitsNotFixed } from './recheck.js';

const styles = `.units li{margin:4px 0}.marked{color:#2b6cb0}.deadline{font-weight:bold;color:#b5121b}`;

/**
 * The re-check notice (整改复核通报): how many earlier findings were fixed, the units that have not fixed (or
 * have new problems) with those findings, and the fix deadline of the order. Crawled wording is escaped.
 */
export function renderRecheckNotice(r: RecheckResults, options: { issuer?: string } = {}): string {
  const earlier = r.findings.filter((f) => f.status !== 'new');
  const count = (s: RecheckFinding['status']) => r.findings.filter((f) => f.status === s).length;
  const units = unitsNotFixed(r);
  const issuer = options.issuer ?? '网站考评办公室';
  const names = new Map(r.sites.map((s) => [s.id, s.name]));
  const unreached = r.sites.filter((s) => s.state !== 'assessed');
  const body: Html = html`<h1>关于${r.runName}整改情况复核的通报</h1>
    <p class="meta">${issuer} · ${chineseDate(r.checkedAt)} · 原评估运行 ${r.runId}（评估日期 ${r.runAsOf}） · 复核运行 ${r.recheckRunId}</p>
    <p>
      根据${r.runName}发现的问题，${issuer}于${chineseDate(r.asOf)}对${r.sites.length}家单位的网站进行了整改复核。原评估发现的问题共
      ${earlier.length}个，其中已整改${count('fixed')}个，未整改${count('not-fixed')}个，未能复核${count('not-measured')}个；复核中新发现问题${count('new')}个。
    </p>
    <h2>未完成整改的单位</h2>
    ${
      units.length
        ? html`<ol class="units">
            ${units.map(
              (u) =>
                html`<li>
                  <strong>${u.site.name}</strong>：未整改${u.site.counts['not-fixed']}个，新发现${u.site.counts.new}个
                  <ul>
                    ${u.findings.map(
                      (f) =>
                        html`<li>
                          【${recheckStatusNames[f.status]}】${f.indicatorName}：${f.message}${f.url ? html`（${f.url}）` : ''}
                          ${f.marked ? html`<span class="marked">（单位已标记整改：${f.marked.note}；复核结果：${recheckStatusNames[f.status]}）</span>` : ''}
                        </li>`,
                    )}
                  </ul>
                </li>`,
            )}
          </ol>`
        : html`<p>复核范围内的单位均已完成整改。</p>`
    }
    ${
      unreached.length
        ? html`<h2>未能复核的单位</h2>
            <p>${unreached.map((s) => names.get(s.id) ?? s.id).join('、')}：复核时网站无法访问，原发现的问题均无法判断是否已整改。</p>`
        : ''
    }
    <h2>工作要求</h2>
    <p>
      请上述单位${r.deadline ? html`于<span class="deadline">${chineseDate(r.deadline)}</span>前` : '尽快'}完成整改，并将整改情况报送${issuer}。逾期未整改的，将在下一次通报中再次点名。
    </p>
    <footer>govscore 整改复核 · 问题按标识（网站/指标/对象）比对，措辞、数量和日期的变化不影响判断。</footer>`;
  return page(`${r.runName}整改复核通报`, body, styles);
}
