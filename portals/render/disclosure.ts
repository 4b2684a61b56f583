import { type Html, html } from '../../reports/html.js';
import { formatDate } from '../model/dates.js';
import type { Disclosure } from '../model/types.js';
import type { RenderContext } from './context.js';
import { page } from './layout.js';

/** Pages of the 政府信息公开 section, keyed by path. */
export function disclosurePages(ctx: RenderContext, d: Disclosure): Map<string, () => string> {
  const pages = new Map<string, () => string>();
  const frame = (title: string, body: Html) =>
    page(ctx, {
      title,
      body: html`<div class="wrap cols">${sidebar(ctx, d)}<div class="content"><h2 class="column-title">${title}</h2>${body}</div></div>`,
      breadcrumb: [
        { text: '政府信息公开', href: d.path },
        { text: title, href: '#' },
      ],
    });

  const reports = ctx.portal.websiteReports ?? [];
  // The website's own annual reports, one dated row each under their heading (not a list: too few rows for a column).
  const reportRows = reports.length
    ? html`<div><h3>网站工作年度报表</h3>${reports.map((r) => html`<p><a href="${r.path}">${r.title}</a> <span>${formatDate(r.publishedOn, 'iso')}</span></p>`)}</div>`
    : '';
  pages.set(d.path, () => frame('政府信息公开', html`<p>根据《中华人民共和国政府信息公开条例》，本机关主动公开政府信息。</p>${art20List(d)}${reportRows}`));
  for (const r of reports)
    pages.set(r.path, () =>
      frame(
        r.title,
        html`<div class="article"><h1>${r.title}</h1><div class="info">发布日期：${formatDate(r.publishedOn, 'cn')}</div><table class="stats"><tr><th>网站名称</th><td>${ctx.portal.name}</td></tr><tr><th>网站标识码</th><td>${ctx.portal.siteIdCode}</td></tr><tr><th>独立用户访问总量（个）</th><td>${ctx.stableNumber(`visitors:${r.year}`, 6)}</td></tr></table></div>`,
      ),
    );
  pages.set(d.guidePath, () => frame('政府信息公开指南', guideText(ctx, d)));
  if (d.systemPath)
    pages.set(d.systemPath, () =>
      frame('政府信息公开制度', html`<ul><li>政府信息公开保密审查制度</li><li>政府信息公开申请办理制度</li><li>政府信息公开社会评议和责任追究制度</li></ul>`),
    );
  const fdzd = '/xxgk/fdzdgknr/index.html';
  pages.set(fdzd, () => frame('法定主动公开内容', art20List(d)));
  for (const item of d.art20Items) {
    // A text page naming a few documents inline, as many sites do: not a dated list, so not a column.
    const docs = ctx.portal.columns
      .flatMap((c) => c.items)
      .filter((_, i) => i % 23 === item.id % 23)
      .slice(0, 3);
    const links = docs.map((i, n) => html`${n ? '、' : ''}<a href="${i.path}">${i.title}</a>`);
    pages.set(item.path, () =>
      frame(
        item.label,
        html`<div class="article"><p>本栏目公开${ctx.portal.name}${item.label}相关信息，按照“谁制作、谁公开”的原则及时更新。</p>${docs.length ? html`<p>相关文件：${links}。</p>` : ''}</div>`,
      ),
    );
  }
  pages.set('/xxgk/ndbg/index.html', () =>
    frame(
      '政府信息公开年报',
      html`<ul class="list">${d.annualReports.map((r) => html`<li><a href="${r.path}">${reportTitle(ctx, r.year)}</a><span class="date">${formatDate(r.publishedOn, 'iso')}</span></li>`)}</ul>`,
    ),
  );
  for (const r of d.annualReports) {
    const sections = r.headings.map(
      (h) =>
        html`<h3>${h}</h3><p>${h.slice(2)}的具体情况见下表。</p><table class="stats"><tr><th>项目</th><th>数量</th></tr><tr><td>主动公开政府信息</td><td>${ctx.stableNumber(h, 3)}</td></tr></table>`,
    );
    pages.set(r.path, () =>
      frame(
        reportTitle(ctx, r.year),
        html`<div class="article"><h1>${reportTitle(ctx, r.year)}</h1><div class="info">发布日期：${formatDate(r.publishedOn, 'cn')}</div>${sections}</div>`,
      ),
    );
  }
  if (d.institution) pages.set(d.institution.path, () => frame('机构职能', elementsText(ctx, d.institution!.elements)));
  if (d.leaders) pages.set(d.leaders.path, () => frame('领导信息', elementsText(ctx, d.leaders!.elements)));
  pages.set('/xxgk/ysqgk/index.html', () => frame('依申请公开', html`<p>申请人可通过在线申请、信函、当面提交等方式提出政府信息公开申请。</p>`));
  return pages;
}

function reportTitle(ctx: RenderContext, year: number): string {
  return `${ctx.portal.name}${year}年政府信息公开工作年度报告`;
}

function sidebar(ctx: RenderContext, d: Disclosure): Html {
  const catalogue = d.catalogueColumnId ? ctx.column(d.catalogueColumnId) : null;
  return html`<div class="side"><h2>政府信息公开</h2><ul>
<li><a href="${d.guidePath}">政府信息公开指南</a></li>
${d.systemPath ? html`<li><a href="${d.systemPath}">政府信息公开制度</a></li>` : ''}
<li><a href="/xxgk/fdzdgknr/index.html">法定主动公开内容</a></li>
${catalogue ? html`<li><a href="${catalogue.path}">政府信息公开目录</a></li>` : ''}
${d.institution ? html`<li><a href="${d.institution.path}">机构职能</a></li>` : ''}
${d.leaders ? html`<li><a href="${d.leaders.path}">领导信息</a></li>` : ''}
<li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li>
<li><a href="/xxgk/ysqgk/index.html">依申请公开</a></li></ul></div>`;
}

/** 法定主动公开内容 as a grid of tiles, the usual directory layout (not a dated list). */
function art20List(d: Disclosure): Html {
  return html`<div class="fdzd">${d.art20Items.map((i) => html`<a class="tile" href="${i.path}">${i.label}</a>`)}</div>`;
}

/** The 指南's text: one passage per Art. 12 element it contains, worded as guides usually are. */
function guideText(ctx: RenderContext, d: Disclosure): Html {
  const p = ctx.portal;
  const passages: Record<string, string> = {
    信息分类: `本机关主动公开的政府信息分为机构职能、政策文件、规划计划、财政信息、人事信息等类别。`,
    编排体系: `政府信息公开目录按照主题分类，并按发布时间倒序编排。`,
    获取方式: `公民、法人和其他组织可以通过${p.name}门户网站“政府信息公开”专栏、政务公开查阅点等途径获取政府信息。`,
    机构名称: `政府信息公开工作机构：${p.name}办公室。`,
    办公地址: `办公地址：${p.region}人民路${ctx.stableNumber('addr', 3)}号。`,
    办公时间: `办公时间：工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）。`,
    联系电话: `联系电话：0571-8${ctx.stableNumber('tel', 7)}。`,
    传真号码: `传真：0571-8${ctx.stableNumber('fax', 7)}。`,
    互联网联系方式: `电子邮箱：xxgk@${p.id}.jiangling.gov.cn。`,
  };
  return html`<div class="article"><h1>${p.name}政府信息公开指南</h1>${d.guideElements.map((e) => html`<p>${passages[e] ?? ''}</p>`)}</div>`;
}

function elementsText(ctx: RenderContext, elements: string[]): Html {
  const p = ctx.portal;
  const text: Record<string, Html> = {
    机构设置: html`<h3>内设机构</h3><p>办公室、政策法规处、规划发展处、综合协调处。</p>`,
    主要职责: html`<h3>主要职责</h3><p>贯彻执行国家和省有关方针政策和法律法规，拟订全市相关领域发展规划并组织实施。</p>`,
    联系方式: html`<h3>联系方式</h3><p>办公电话：0571-8${ctx.stableNumber('office', 7)}；通讯地址：${p.region}人民路${ctx.stableNumber('addr', 3)}号。</p>`,
    姓名: html`<h3>局长（主任）：${p.id === 'qxx' ? '陈卫东' : '王建国'}</h3>`,
    照片: html`<p><img src="/images/content/leader.svg" alt="负责人照片" width="120" height="160"></p>`,
    简历: html`<p>简历：男，汉族，1972年5月生，研究生学历，中共党员。</p>`,
    分工: html`<p>工作分工：主持全面工作。</p>`,
  };
  return html`<div class="article">${elements.map((e) => text[e] ?? '')}</div>`;
}
