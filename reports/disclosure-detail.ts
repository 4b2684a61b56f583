import { type Html, html } from './html.js';
import { link, type Site } from './html-parts.js';

/**
 * The 法定主动公开内容 items as matched: for each, the site's label that matched, the link and the
 * reason (匹配依据: exact, traditional, inserted words …), so a reviewer can check every match.
 */
export function disclosureDetail(s: Site): Html {
  const d = s.observations.disclosure;
  if (!d?.found) return html``;
  return html`<details><summary>法定主动公开内容（已找到 ${d.present}/${d.applicable} 项）</summary>
<table><thead><tr><th>序号</th><th>事项</th><th>网站栏目</th><th>匹配依据</th></tr></thead><tbody>${d.items.map(
    (i) =>
      html`<tr class="${i.found ? '' : 'fail'}"><td>${i.id}</td><td>${i.name}</td><td>${i.found ? (i.url ? link(i.url, i.label ?? i.url) : (i.label ?? '')) : '未找到'}</td><td class="evidence">${i.matchedBy?.note ?? ''}</td></tr>`,
  )}</tbody></table>
<p class="note">匹配依据：网站栏目名称与评估词表的对应方式（精确、繁体转换后、含插入词、词序调换或字词相似度）。</p>
</details>`;
}
