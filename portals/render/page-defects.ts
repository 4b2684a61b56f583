import { type Html, html, raw } from '../../reports/html.js';
import type { PageDefect, PageScope, Portal } from '../model/types.js';

/**
 * The planted defects only the in-browser page checks find (truth: accessibility.pageChecks), written as
 * real sites write them and without class names, so that every skin keeps them. None of them is an axe-core
 * violation: a portal's axe truth (accessibility.planted) does not change.
 */
export function planted(p: Portal, defect: PageDefect, scope: PageScope): boolean {
  return p.accessibility.pageDefects?.[defect] === scope;
}

/** In the head of every page: the focus outline designed away (2.4.7), an old fixed-width layout (1.4.10). */
export function defectStyles(p: Portal): Html | string {
  const rules: string[] = [];
  if (planted(p, 'focus-not-visible', 'every page')) rules.push('a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:none}');
  if (planted(p, 'reflow', 'every page')) rules.push('body{min-width:1000px}');
  return rules.length ? html`<style>${raw(rules.join(''))}</style>` : '';
}

/** A 返回顶部 box in the footer of every page: a click handler on a div, which no key reaches (2.1.1). */
export function backToTop(p: Portal): Html | string {
  return planted(p, 'mouse-only', 'every page') ? html`<div onclick="window.scrollTo(0,0)" style="cursor:pointer;text-align:right">返回顶部</div>` : '';
}

/**
 * On the homepage, a 图片新闻 slider whose buttons take Tab for themselves: from the last one focus goes
 * back to the first, so the rest of the page is never reached by keyboard (2.1.2).
 */
export function trappingSlider(p: Portal): Html | string {
  if (!planted(p, 'keyboard-trap', 'homepage')) return '';
  const script = `(function(){var box=document.getElementById('slide-ctrl');box.addEventListener('keydown',function(e){if(e.key!=='Tab')return;var b=box.querySelectorAll('button'),i=Array.prototype.indexOf.call(b,document.activeElement);if(i<0)return;e.preventDefault();b[(i+(e.shiftKey?b.length-1:1))%b.length].focus();});})();`;
  return html`<div id="slide-ctrl" style="margin:8px auto;max-width:1200px"><span>图片新闻</span> <button type="button">上一张</button> <button type="button">暂停</button> <button type="button">下一张</button></div><script>${raw(script)}</script>`;
}

/**
 * On the homepage, a 温馨提示 bar of a fixed height that hides its overflow, sized in pixels: its one line
 * wraps to a second when the text is made twice as large, and the bar cuts that line off (1.4.4).
 */
export function clippedNotice(p: Portal): Html | string {
  if (!planted(p, 'text-zoom', 'homepage')) return '';
  return html`<div style="max-width:600px;margin:8px auto;height:28px;line-height:28px;font-size:14px;overflow:hidden">【温馨提示】本站已完成改版，部分旧栏目的内容已迁移至新栏目下，欢迎继续浏览。</div>`;
}

/**
 * On the homepage, a 温馨提示 line that scrolls up by itself, a pixel every 50 ms, as old county sites scroll
 * their notices: the box's scrollTop moved by a timer, the first line repeated at the end to loop without a
 * jump, and nothing to pause it (2.2.2). Text only: no link is added to the homepage.
 */
export function scrollingNotice(p: Portal): Html | string {
  if (!planted(p, 'moving-content', 'homepage')) return '';
  const lines = ['温馨提示：请使用IE9以上版本或其他新版浏览器访问本网站', '本网站部分栏目正在改版，内容陆续更新，敬请关注'];
  const rows = [...lines, lines[0]!].map((l) => html`<p style="margin:0;height:24px">${l}</p>`);
  const script = `(function(){var box=document.getElementById('notice-roll');setInterval(function(){box.scrollTop=box.scrollTop>=${24 * lines.length}?0:box.scrollTop+1;},50);})();`;
  return html`<div id="notice-roll" style="margin:8px auto;max-width:1200px;height:24px;line-height:24px;overflow:hidden">${rows}</div><script>${raw(script)}</script>`;
}

/**
 * On the homepage, a 网上调查 poll: radio buttons whose question is a paragraph, not a legend (1.3.1), and
 * a comment field labelled only by its placeholder (3.3.2). Each radio has its own label (axe is satisfied).
 */
export function pollBlock(p: Portal): Html | string {
  const group = planted(p, 'group-without-name', 'homepage');
  const placeholder = planted(p, 'placeholder-only', 'homepage');
  if (!group && !placeholder) return '';
  const choices = ['满意', '基本满意', '不满意'].map((c, i) => html`<label><input type="radio" name="pj" value="${String(i + 1)}"> ${c}</label> `);
  const question = group ? html`<p>您对本网站的总体评价：</p>${choices}` : html`<fieldset><legend>您对本网站的总体评价：</legend>${choices}</fieldset>`;
  const comment = placeholder
    ? html`<input type="text" name="yj" placeholder="您的意见和建议">`
    : html`<label>意见和建议 <input type="text" name="yj"></label>`;
  return html`<div style="margin:8px auto;max-width:1200px"><h3>网上调查</h3>${question}<p>${comment} <button type="button">提交</button></p></div>`;
}
