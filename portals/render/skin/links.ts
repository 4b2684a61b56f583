import { type Html, html, raw } from '../../../reports/html.js';
import type { RenderContext } from '../context.js';

/**
 * A link as the skin writes it. `javascript` alternates the two forms seen on real portals:
 * `href="javascript:location.href='…'"` and `onclick="window.open('…')"` on a void link.
 */
export function skinLink(ctx: RenderContext, href: string, text: string | Html, index = 0, cls = ''): Html {
  const c = cls ? html` class="${cls}"` : '';
  if (ctx.skin.links !== 'javascript' || href.startsWith('http')) return html`<a href="${href}"${c}>${text}</a>`;
  const quoted = href.replace(/'/g, '%27');
  return index % 2 === 0
    ? html`<a href="${raw(`javascript:location.href='${quoted}'`)}"${c}>${text}</a>`
    : html`<a href="javascript:void(0)" onclick="${raw(`window.open('${quoted}')`)}"${c}>${text}</a>`;
}

/** An image link whose only name is its alt text (or its title, where the site writes no alt). */
export function imageLink(ctx: RenderContext, href: string, name: string): Html {
  const noAlt = ctx.portal.accessibility.imagesWithoutAlt;
  return noAlt
    ? html`<a href="${href}" title="${name}"><img src="/images/logo.svg" width="120" height="48"></a>`
    : html`<a href="${href}"><img src="/images/logo.svg" alt="${name}" width="120" height="48"></a>`;
}
