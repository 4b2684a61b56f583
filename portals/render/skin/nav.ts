import { type Html, html, raw } from '../../../reports/html.js';
import type { RenderContext } from '../context.js';
import { imageLink, skinLink } from './links.js';
import { className } from './names.js';

interface NavEntry {
  text: string;
  href: string;
  children: Array<{ text: string; href: string }>;
}

/** The top-level entries every navigation shows: home, each group (with its columns), the sections. */
export function navEntries(ctx: RenderContext): NavEntry[] {
  const p = ctx.portal;
  const entries: NavEntry[] = [{ text: '首页', href: '/', children: [] }];
  for (const g of ctx.groups()) entries.push({ text: g.name, href: g.path, children: g.columns.map((c) => ({ text: c.name, href: c.path })) });
  if (p.disclosure) entries.push({ text: '政府信息公开', href: p.disclosure.path, children: [] });
  if (p.servicesPath) entries.push({ text: '办事服务', href: p.servicesPath, children: [] });
  if (p.mailbox) entries.push({ text: '互动交流', href: p.mailbox.entryPath, children: [] });
  return entries;
}

/** The main navigation in the skin's style. The iframe style points at /nav.html (navFrame). */
export function skinNav(ctx: RenderContext): Html {
  const entries = navEntries(ctx);
  switch (ctx.skin.nav) {
    case 'topbar':
      return html`<div class="nav">${entries.map((e, i) => html`${i ? ' | ' : ''}${skinLink(ctx, e.href, e.text, i)}`)}</div>`;
    case 'image-tiles':
      return html`<div class="nav">${entries.map((e) => imageLink(ctx, e.href, e.text))}</div>`;
    case 'table':
      return html`<table class="nav" width="100%"><tr>${entries.map((e, i) => html`<td align="center">${skinLink(ctx, e.href, e.text, i)}</td>`)}</tr></table>`;
    case 'iframe':
      return html`<iframe src="/nav.html" title="导航" width="100%" height="44" frameborder="0" scrolling="no"></iframe>`;
    case 'script':
      return scriptMenu(entries);
    case 'js-links':
      return html`<div class="nav">${entries.map((e, i) => jsLink(e.href, e.text, i))}</div>`;
    case 'hover':
      return hoverMenu(ctx, entries);
  }
}

/** The page /nav.html of the iframe style: links that open in the whole window. */
export function navFrame(ctx: RenderContext): string {
  const links = navEntries(ctx).map((e) => html`<a href="${e.href}" target="_top">${e.text}</a> `);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>导航</title></head><body style="margin:0">${html`${links}`}</body></html>`;
}

/** Links created at load from a script array: nothing to follow in the HTML as served. */
function scriptMenu(entries: NavEntry[]): Html {
  const data = JSON.stringify(entries.map((e) => [e.text, e.href])).replace(/</g, '\\u003c');
  return html`<div></div><script>${raw(`(function(){var menu=${data};var box=document.currentScript.previousElementSibling,h='';for(var i=0;i<menu.length;i++)h+='<a href="'+menu[i][1]+'">'+menu[i][0]+'</a> ';box.innerHTML=h;})();`)}</script>`;
}

/** Navigation without a single href: every entry is an onclick or a javascript: URL. */
function jsLink(href: string, text: string, i: number): Html {
  const forms = [
    html`<a href="${raw(`javascript:location.href='${href}'`)}">${text}</a>`,
    html`<a href="javascript:void(0)" onclick="${raw(`window.open('${href}','_self')`)}">${text}</a>`,
    // A span, yet reachable and operable by keyboard as a link: the skin changes markup, not accessibility.
    html`<span onclick="${raw(`location.href='${href}'`)}" style="cursor:pointer" role="link" tabindex="0" onkeydown="${raw(`if(event.key==='Enter')this.click()`)}">${text}</span>`,
  ];
  return html`${forms[i % forms.length]!} `;
}

/** A dropdown: submenus hidden by CSS until :hover (by mouse events where the skin writes no classes). */
function hoverMenu(ctx: RenderContext, entries: NavEntry[]): Html {
  const skin = ctx.skin;
  const items = entries.map((e, i) => {
    const sub = e.children.length
      ? html`<ul class="sub"${skin.names === 'none' ? raw(' style="display:none"') : ''}>${e.children.map((c) => html`<li><a href="${c.href}">${c.text}</a></li>`)}</ul>`
      : '';
    const events =
      skin.names === 'none' && e.children.length
        ? raw(` onmouseover="this.lastChild.style.display='block'" onmouseout="this.lastChild.style.display='none'"`)
        : '';
    return html`<li${events}>${skinLink(ctx, e.href, e.text, i)}${sub}</li>`;
  });
  const menu = className(skin, 'menu');
  const sub = className(skin, 'sub');
  const style = skin.names === 'none' ? '' : raw(`<style>.${menu} .${sub}{display:none;position:absolute}.${menu} li:hover .${sub}{display:block}</style>`);
  return html`${style}<ul class="menu">${items}</ul>`;
}
