import { html } from '../../reports/html.js';
import type { ServiceGuide } from '../model/types.js';
import type { RenderContext } from './context.js';
import { page } from './layout.js';

const elementText: Record<string, string> = {
  事项名称: '本事项名称见标题。',
  设定依据: '《中华人民共和国行政许可法》及相关地方性法规。',
  申请条件: '申请人应为本市户籍或持有本市居住证的自然人、法人或其他组织。',
  办理材料: '1. 申请表原件1份；2. 身份证明复印件1份；3. 其他相关证明材料。',
  办理地点: '市民中心二楼综合窗口。',
  办理时间: '工作日上午9:00—12:00，下午13:30—17:00。',
  联系电话: '0571-87001234',
  办理流程: '申请—受理—审查—决定—送达。',
};

export function servicesIndex(ctx: RenderContext, guides: ServiceGuide[]): string {
  const rows = guides.map((g) => html`<li><a href="${g.path}">${g.title}</a></li>`);
  return page(ctx, {
    title: '办事服务',
    body: html`<div class="wrap"><h2 class="column-title">办事指南</h2><ul class="list">${rows}</ul></div>`,
    breadcrumb: [{ text: '办事服务', href: ctx.portal.servicesPath! }],
  });
}

/** A 办事指南: one table row per element class present; attachments; 在线办理 button. */
export function guidePage(ctx: RenderContext, g: ServiceGuide): string {
  const rows = g.elements.map((e) => html`<tr><th>${e}</th><td>${e === '事项名称' ? g.title : elementText[e]}</td></tr>`);
  const files = g.attachments.map((a) => html`<li><a href="${a.path}">${a.name}</a></li>`);
  const online = g.onlineUrl ? html`<p><a class="btn" href="${ctx.url(g.onlineUrl)}">在线办理</a></p>` : '';
  return page(ctx, {
    title: g.title,
    body: html`<div class="wrap article"><h1>${g.title}</h1><table class="guide" width="100%">${rows}</table><h3>表格下载</h3><ul>${files}</ul>${online}</div>`,
    breadcrumb: [
      { text: '办事服务', href: ctx.portal.servicesPath! },
      { text: g.title, href: g.path },
    ],
  });
}
