import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { closeTab, newTab, openUrl } from '../../../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { type PageCheckId, runPageChecks } from '../../../evaluators/collect/page-checks.js';
import { onTab } from './page-checks-portals.js';

const zhText =
  '本网站由市人民政府办公室主办，负责发布政府信息公开目录、政策文件、解读材料和办事指南。公众可以通过网上信箱提出意见建议，工作人员将在规定时限内答复。';
const enText =
  'This website is run by the general office of the city government. It publishes the open government information catalogue, policy documents, interpretations and service guides. '.repeat(
    3,
  );
/** A tone of `seconds` as a WAV data URL (4 kHz, 8-bit mono): media a crawl tab loads (it blocks media files by extension). */
function tone(seconds: number): string {
  const rate = 4000;
  const n = rate * seconds;
  const b = Buffer.alloc(44 + n);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write('data', 36);
  b.writeUInt32LE(n, 40);
  for (let i = 0; i < n; i++) b[44 + i] = 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return `data:audio/wav;base64,${b.toString('base64')}`;
}

/**
 * A carousel of three slides turning every 3 s (a track moved left, as jQuery sliders do), with what `beside`
 * adds next to it. The fixtures share one tab and setContent keeps a page's timers: each timer stops once its
 * element is gone.
 */
const carousel = (beside: string) => `<h1>t</h1><div><div style="width:300px;height:100px;overflow:hidden;position:relative">
<ul id="track" style="position:absolute;left:0;top:0;width:900px;margin:0;padding:0;list-style:none;transition:left .4s">${['一', '二', '三']
  .map((n, i) => `<li style="float:left;width:300px;height:100px"><a href="/n${i}">图片新闻${n}</a></li>`)
  .join('')}</ul></div>${beside}</div>
<script>(function(){var t=document.getElementById('track'),i=0,on=true,p=document.getElementById('pause');if(p)p.onclick=function(){on=!on;p.textContent=on?'暂停':'播放';};
var timer=setInterval(function(){if(!t.isConnected)return clearInterval(timer);if(on){i=(i+1)%3;t.style.left=(-300*i)+'px';}},3000);})();</script>`;

/** Hand-written pages, one per check and case: what each check reports, and what it leaves alone. */
const fixtures: Array<{
  name: string;
  html: string;
  want: PageCheckId[];
  suspected?: PageCheckId[];
  /** What the motion area saw, passing or not: a page that passes because it was looked at, not because nothing was seen. */
  seen?: { movers: number; media: number };
  notWalked?: true;
  /** The html element's lang (zh-CN when not given). */
  lang?: string;
}> = [
  { name: 'page-language: Chinese text under the template\'s lang="en"', lang: 'en', html: `<h1>关于我们</h1><p>${zhText}</p>`, want: ['page-language'] },
  { name: 'page-language: an English page declared Chinese', lang: 'zh-CN', html: `<h1>About</h1><p>${enText}</p>`, want: ['page-language'] },
  {
    name: 'no page-language: Chinese under zh-Hans, with English terms in it',
    lang: 'zh-Hans',
    html: `<h1>关于我们</h1><p>${zhText} PDF, Email, IPv6, WCAG 2.1</p>`,
    want: [],
  },
  {
    name: 'no page-language: Japanese (kanji with kana) under ja',
    lang: 'ja',
    html: `<h1>概要</h1><p>${'このウェブサイトは市役所が運営しています。行政情報、政策文書、手続き案内を掲載しています。'.repeat(3)}</p>`,
    want: [],
  },
  {
    // An English version built from another language's template: two language detectors both read English.
    name: 'page-language, suspected: an English page under lang="ru"',
    lang: 'ru',
    html: `<h1>About this website</h1><p>${enText}</p>`,
    want: ['page-language'],
    suspected: ['page-language'],
  },
  {
    // A page whose only words are a picture's English name: too few for the detectors, each an English word.
    name: 'page-language, suspected: a picture named in English on a page under lang="fr"',
    lang: 'fr',
    html: `<h1>Lantern festival</h1><img src="/lanterns.png" alt="Lantern festival on the river" width="300" height="200">`,
    want: ['page-language'],
    suspected: ['page-language'],
  },
  {
    name: 'no language finding: a French picture name under lang="fr", its English caption marked lang="en"',
    lang: 'fr',
    html: `<h1>Fête des lanternes</h1><img src="/lanterns.png" alt="Fête des lanternes sur la rivière" width="300" height="200"><p lang="en">Lantern festival on the river</p>`,
    want: [],
  },
  {
    name: 'element-language, suspected: a French notice marked lang="en" on a Chinese page',
    html: `<h1>外事服务</h1><p>${zhText}</p><p lang="en">Le bureau municipal publie les documents de politique, leurs explications et les guides des services publics.</p>`,
    want: ['element-language'],
    suspected: ['element-language'],
  },
  {
    // Pinyin names, a site name and English terms read as several languages at once: no detector is sure of them.
    name: 'no language finding: English names and terms marked lang="en" on a Chinese page',
    html: `<h1>外事服务</h1><p>${zhText}</p><p lang="en">Xi'an Municipal People's Government</p><p lang="en">Zhongnanhai Beijing Tianjin Hebei</p><p lang="en">${enText}</p><span lang="en">Email</span>`,
    want: [],
  },
  {
    name: 'label-not-distinct, suspected: 姓名 and 电话 twice in one form, the two groups without a visible name',
    html: `<h1>t</h1><form action="/apply"><fieldset><label>姓名 <input name="a1"></label><label>电话 <input name="a2"></label></fieldset><fieldset><label>姓名 <input name="b1"></label><label>电话 <input name="b2"></label></fieldset><button>提交</button></form>`,
    want: ['label-not-distinct'],
    suspected: ['label-not-distinct'],
  },
  {
    name: 'no label-not-distinct: the same labels under visible group names, a search box in each of two forms, a page-number box above and below a list',
    html: `<h1>t</h1><form action="/apply"><fieldset><legend>申请人</legend><label>姓名 <input name="a1"></label></fieldset><h2>代理人</h2><label>姓名 <input name="b1"></label><button>提交</button></form>
<form action="/s1"><label>搜索 <input name="q"></label><button>搜索</button></form><form action="/s2"><label>搜索 <input name="q"></label><button>搜索</button></form>
<p><label>跳转到第 <input name="page" size="2"> 页</label></p><ol><li>一</li></ol><p><label>跳转到第 <input name="page" size="2"> 页</label></p>`,
    want: [],
  },
  {
    // Muted: no sound to caption; its pictures are described only in a text track no player voices.
    name: 'video-description-track-only, suspected: a muted video whose only description is a descriptions track',
    html: `<h1>t</h1><video muted controls width="320" height="180" src="${tone(5)}"><track kind="descriptions" src="data:text/vtt,WEBVTT" srclang="zh"></video>`,
    want: ['video-description-track-only'],
    suspected: ['video-description-track-only'],
  },
  {
    name: 'keyboard trap: three buttons that keep Tab to themselves',
    html: `<h1>t</h1><a href="#a">one</a><div id="w"><button>a</button><button>b</button><button>c</button></div><a href="#b">after</a><a href="#c">after 2</a>
<script>var w=document.getElementById('w');w.addEventListener('keydown',function(e){if(e.key!=='Tab')return;var b=w.querySelectorAll('button'),i=[].indexOf.call(b,document.activeElement);e.preventDefault();b[(i+1)%3].focus();});</script>`,
    want: ['keyboard-trap'],
  },
  {
    name: 'no trap: a dialog that keeps focus until Escape closes it',
    html: `<h1>t</h1><div id="d"><button>ok</button><button>cancel</button></div><a href="#b">after</a>
<script>var d=document.getElementById('d');d.addEventListener('keydown',function(e){if(e.key==='Escape'){d.remove();return;}if(e.key!=='Tab')return;var b=d.querySelectorAll('button'),i=[].indexOf.call(b,document.activeElement);e.preventDefault();b[(i+1)%2].focus();});</script>`,
    want: [],
  },
  {
    name: 'no trap: focus stops only at the end of the page',
    html: `<h1>t</h1><a href="#1">1</a><a href="#2">2</a><button>3</button><input aria-label="x">`,
    want: [],
  },
  {
    // A dropdown menu (the kind saved from a county portal): each item's Tab handler sends focus into a submenu
    // that opens a moment after the item is focused (a hover delay). Pressed at machine speed, focus stays put
    // for a press or two; at a person's pace it moves on. Not a trap, however many such items there are.
    name: 'no trap: a menu whose submenus open a moment after focus, each then taking Tab into itself',
    html: `<h1>t</h1><ul id="menu"><li><a href="#1">政务公开</a><ul style="display:none"><li><a href="#1a">政府信息公开</a></li></ul></li>
<li><a href="#2">政务服务</a><ul style="display:none"><li><a href="#2a">办事指南</a></li></ul></li><li><a href="#3">互动交流</a><ul style="display:none"><li><a href="#3a">领导信箱</a></li></ul></li>
<li><a href="#4">走进本县</a><ul style="display:none"><li><a href="#4a">县情概况</a></li></ul></li></ul><a href="#after">网站地图</a>
<script>[].forEach.call(document.querySelectorAll('#menu > li'),function(li){var a=li.querySelector('a'),sub=li.querySelector('ul');
a.addEventListener('focus',function(){setTimeout(function(){sub.style.display='block'},250)});
a.addEventListener('keydown',function(e){if(e.key!=='Tab'||e.shiftKey)return;e.preventDefault();sub.querySelector('a').focus();});});</script>`,
    want: [],
  },
  {
    name: 'mouse-only: an onclick div and a span with a click listener',
    html: `<h1>t</h1><div onclick="location.href='/a'" style="cursor:pointer">办事大厅</div><span id="s" style="cursor:pointer">返回顶部</span>
<script>document.getElementById('s').addEventListener('click',function(){scrollTo(0,0)});</script>`,
    want: ['mouse-only'],
  },
  {
    name: 'not mouse-only: a button, a link inside a clickable row, an operable div, a pointer with no listener, a delegated listener',
    html: `<h1>t</h1><button onclick="go()">go</button><ul><li onclick="location.href='/a'"><a href="/a">a</a></li></ul>
<div role="button" tabindex="0" onclick="go()">ok</div><span style="cursor:pointer">just a pointer</span><span class="d" style="cursor:pointer">delegated</span>
<script>document.addEventListener('click',function(e){if(e.target.className==='d')go();});function go(){}</script>`,
    want: [],
  },
  {
    name: 'focus not visible: outlines removed',
    html: `<style>a:focus,button:focus{outline:none}</style><h1>t</h1><a href="#1">one</a><button>two</button>`,
    want: ['focus-not-visible'],
  },
  {
    name: 'focus visible: the browser outline, a background instead, a class a script adds',
    html: `<style>.x:focus{outline:none;background:#ff0}.y:focus{outline:none}.y.on{box-shadow:0 0 0 2px #00f}</style><h1>t</h1><a href="#1">one</a><a class="x" href="#2">two</a><a class="y" href="#3">three</a>
<script>document.querySelector('.y').addEventListener('focus',function(){this.classList.add('on')});document.querySelector('.y').addEventListener('blur',function(){this.classList.remove('on')});</script>`,
    want: [],
  },
  {
    // WCAG's Understanding of 2.4.7 gives the text cursor in a focused text field as a focus indicator.
    name: 'focus visible: text fields whose only indicator is the caret',
    html: `<style>input,textarea{outline:none;border:1px solid #999}</style><h1>t</h1><label>关键字 <input type="text"></label><label>留言 <textarea></textarea></label>`,
    want: [],
  },
  {
    name: 'focus not visible: a read-only field and one whose caret is transparent show no caret',
    html: `<style>input{outline:none;border:1px solid #999}</style><h1>t</h1><label>编号 <input type="text" readonly value="A-1"></label><label>代码 <input type="text" style="caret-color:transparent"></label>`,
    want: ['focus-not-visible'],
  },
  {
    name: 'focus not visible: a text field parked off the screen, its caret out of sight',
    html: `<style>input{outline:none}</style><h1>t</h1><label>账号 <input type="text" style="position:absolute;left:-9999px"></label>`,
    want: ['focus-not-visible'],
  },
  {
    name: 'reflow: a fixed-width block of text',
    html: `<h1>t</h1><div style="width:900px">这是一段固定宽度的正文，在窄屏上需要横向滚动才能读完。</div>`,
    want: ['reflow'],
  },
  {
    name: 'reflow: text cut off by a fixed width inside a page that hides its overflow',
    html: `<style>html,body{overflow-x:hidden}</style><h1>t</h1><div style="width:900px">这是一段固定宽度的正文，在窄屏上被截断。</div>`,
    want: ['reflow'],
  },
  {
    name: 'no reflow failure: text that wraps, a wide picture and a data table',
    html: `<h1>t</h1><p>这是一段可以换行的正文。</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="800" height="10" alt="2026年各季度网站访问量">
<table><tr><th>项目</th><th>数量</th><th>说明</th></tr><tr><td style="white-space:nowrap">主动公开政府信息条数合计</td><td>1200</td><td style="white-space:nowrap">按照条例第二十条统计的全年数字</td></tr></table>`,
    want: [],
  },
  {
    name: 'text zoom: a notice in a fixed-height box that hides its overflow, whose text wraps to a second line at 200 %',
    html: `<h1>t</h1><div style="max-width:400px;height:24px;line-height:24px;font-size:14px;overflow:hidden">关于做好二〇二六年春季学期开学工作的通知</div>`,
    want: ['text-zoom'],
  },
  {
    name: 'no text zoom failure: the same notice in a box that scrolls, one with a minimum height, one sized in em',
    html: `<h1>t</h1><div style="max-width:400px;height:24px;line-height:24px;font-size:14px;overflow:auto">关于做好二〇二六年春季学期开学工作的通知</div>
<div style="max-width:400px;min-height:24px;line-height:24px;font-size:14px;overflow:hidden">关于做好二〇二六年春季学期开学工作的通知</div>
<div style="max-width:30em;height:1.8em;font-size:14px;overflow:hidden">关于做好二〇二六年春季学期开学工作的通知</div>`,
    want: [],
  },
  {
    name: 'no text zoom failure: visually hidden text (1 px, clip) and text moved off the screen',
    html: `<h1>t</h1><button>搜索<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">本站全部栏目</span></button>
<div style="position:absolute;left:-9999px;width:400px;height:24px;line-height:24px;font-size:14px;overflow:hidden">关于做好二〇二六年春季学期开学工作的通知</div>`,
    want: [],
  },
  {
    // An ellipsis shows the title goes on (ACT 59br37 passes it); a slide strip and a ticker its script scrolls cut
    // text by design, in items of their own or moving through the box.
    name: 'no text zoom failure: a one-line menu item cut at 100 % with an ellipsis, a strip of slides, a scrolled ticker',
    html: `<h1>t</h1><nav><ul style="list-style:none;margin:0;padding:0"><li style="width:120px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis"><a href="#1">关于进一步加强政务公开工作的实施意见</a></li></ul></nav>
<div style="width:300px;white-space:nowrap;overflow:hidden"><a href="#s1" style="display:inline-block;width:200px">图片新闻一：市长调研春耕生产</a><a href="#s2" style="display:inline-block;width:200px">图片新闻二：政务服务中心开放</a></div>
<div id="ticker" style="width:300px;white-space:nowrap;overflow:hidden"><span>滚动公告：关于做好二〇二六年春季学期开学工作的通知；关于开展全市安全生产大检查的通知</span></div>
<script>document.getElementById('ticker').scrollLeft = 40;</script>`,
    want: [],
  },
  {
    // Cut through a character with nothing to show it: the reader cannot tell the title goes on (ACT 59br37 f5).
    name: 'text zoom: a one-line menu item cut at 100 % without an ellipsis',
    html: `<h1>t</h1><nav><ul style="list-style:none;margin:0;padding:0"><li style="width:120px;white-space:nowrap;overflow:hidden"><a href="#2">江临市人民政府办公室关于印发工作要点的通知</a></li></ul></nav>`,
    want: ['text-zoom'],
  },
  {
    // 1280 px zoomed to 200 % lays the page out at 640 px, where the narrow styles fix the notice's height.
    name: 'page zoom: a notice whose narrow-screen style (max-width: 640px) fixes its height and hides the overflow',
    html: `<style>@media screen and (max-width: 640px) { .tzgg { height: 1.5em; overflow: hidden } }</style><h1>t</h1>
<div class="tzgg" style="font-size:16px">关于做好二〇二六年春季学期开学工作的通知：各区教育局、市直属各学校，现将有关事项通知如下，请认真贯彻落实，按时报送材料，确保开学工作平稳有序。</div>`,
    want: ['page-zoom'],
  },
  {
    // Whole rows past the edge are hidden on purpose (a menu collapsed to two rows, opened by its button), a title
    // keeps an ellipsis, a box of one line keeps its line: nothing shows in part.
    name: 'no page zoom failure: a narrow-screen menu collapsed to whole rows, a title with an ellipsis, a one-line box',
    html: `<style>@media (max-width: 640px) { .nav { height: 40px; overflow: hidden } .nav a { display: inline-block; width: 140px; line-height: 20px }
.title { white-space: nowrap; overflow: hidden; text-overflow: ellipsis } .one { height: 20px; line-height: 20px; overflow: hidden } }</style><h1>t</h1>
<nav class="nav">${['首页', '政务公开', '政务服务', '互动交流', '走进江临', '专题专栏', '数据发布', '政策解读', '新闻中心', '办事指南', '公示公告', '人事信息']
      .map((n, i) => `<a href="#n${i}">${n}</a>`)
      .join('')}</nav><button>展开菜单</button>
<div class="title">关于做好二〇二六年春季学期开学工作的通知（含附件：开学工作检查表、学校安全工作责任书）</div>
<div class="one">关于做好二〇二六年春季学期开学工作的通知（含附件：开学工作检查表、学校安全工作责任书）</div>`,
    want: [],
  },
  {
    // A page that hides its sideways overflow, with a channel strip that scrolls sideways by itself: what is
    // past the strip's edge is reached by scrolling the strip, not cut off.
    name: 'no reflow failure: a strip of channels that scrolls sideways on its own',
    html: `<style>html,body{overflow-x:hidden}li{display:inline-block;width:160px}</style><h1>t</h1><nav style="overflow-x:auto"><ul style="white-space:nowrap;margin:0;padding:0"><li>要闻</li><li>公开</li><li>服务</li><li>互动</li><li>数据</li></ul></nav><p>正文</p>`,
    want: [],
  },
  {
    name: 'bypass: no skip link, no main landmark, no heading',
    html: `<div><a href="/a">首页</a> <a href="/b">新闻</a></div><div><b>标题</b><p>正文</p></div>`,
    want: ['bypass'],
  },
  {
    name: 'bypass given: a skip link, a main landmark, or headings',
    html: `<a href="#c">跳到主要内容</a><div><a href="/a">首页</a></div><div id="c"><b>标题</b><p>正文</p></div>`,
    want: [],
  },
  { name: 'bypass given by a main landmark', html: `<div><a href="/a">首页</a></div><main><p>正文</p></main>`, want: [] },
  {
    name: 'radio group without a fieldset or named group',
    html: `<h1>t</h1><p>您的评价：</p><label><input type="radio" name="p" value="1">满意</label><label><input type="radio" name="p" value="2">不满意</label>`,
    want: ['group-without-name'],
  },
  {
    name: 'radio groups with a legend or a named radiogroup; a single checkbox',
    html: `<h1>t</h1><fieldset><legend>您的评价</legend><label><input type="radio" name="p" value="1">满意</label><label><input type="radio" name="p" value="2">不满意</label></fieldset>
<div role="radiogroup" aria-label="性别"><label><input type="radio" name="g" value="1">男</label><label><input type="radio" name="g" value="2">女</label></div><label><input type="checkbox" name="agree">同意</label>`,
    want: [],
  },
  { name: 'a field labelled only by its placeholder', html: `<h1>t</h1><input type="text" name="n" placeholder="请输入姓名">`, want: ['placeholder-only'] },
  {
    name: 'fields with a label, an aria-label or a title beside their placeholder',
    html: `<h1>t</h1><label>姓名 <input type="text" placeholder="请输入姓名"></label><input type="text" aria-label="电话" placeholder="请输入电话"><input type="text" title="地址" placeholder="地址"><textarea aria-label="内容"></textarea>`,
    want: [],
  },
  {
    // WCAG technique G167: a lone field beside a button that says what it is for is labelled by the button; a
    // read-only field asks for no input.
    name: 'not placeholder-only: search fields beside a 搜索 button, a read-only scope field',
    html: `<h1>t</h1><div><input type="text" placeholder="请输入关键词"><button type="button">搜索</button></div>
<form><input type="text" readonly value="本站" placeholder="本站"><input type="text" placeholder="请输入您要搜索的内容"><input type="submit" value="检索"></form>`,
    want: [],
  },
  {
    name: 'placeholder-only: a field beside a button that does not name it, and two fields sharing one 查询 button',
    html: `<h1>t</h1><form><input type="email" placeholder="请输入邮箱"><button>提交</button></form><form><input placeholder="姓名"><input placeholder="电话"><button>查询</button></form>`,
    want: ['placeholder-only'],
  },
  {
    name: 'change of context: a jump menu that navigates on change, a field that submits on focus',
    html: `<h1>t</h1><label>友情链接 <select onchange="window.location.href=this.value"><option value="">请选择</option><option value="/a">a</option></select></label>
<form><label>关键字 <input name="k" onfocus="this.form.submit()"></label></form>`,
    want: ['change-on-focus', 'change-on-input'],
    // Tabbing onto the field would submit the form: the keyboard walk is not made, and says so.
    notWalked: true,
  },
  {
    name: 'no change of context: a menu with a go button, a field that only checks itself',
    html: `<h1>t</h1><label>友情链接 <select id="m"><option value="/a">a</option></select></label><button onclick="location.href=document.getElementById('m').value">前往</button>
<label>电话 <input onchange="this.setCustomValidity(/^\\d+$/.test(this.value)?'':'x')"></label>`,
    want: [],
  },
  {
    name: 'new windows: a target=_blank link (advisory) and one that says so',
    html: `<h1>t</h1><a href="/a" target="_blank">政策文件</a><a href="/b" target="_blank">解读（新窗口打开）</a>`,
    want: ['new-window'],
  },
  { name: 'moving content: a carousel that turns every 3 s with no pause control', html: carousel(''), want: ['moving-content'] },
  {
    name: 'no moving-content failure: the same carousel with a 暂停 button beside it',
    html: carousel('<button id="pause" type="button">暂停</button>'),
    want: [],
    seen: { movers: 1, media: 0 },
  },
  {
    name: 'moving content: a <marquee> notice ticker',
    html: `<h1>t</h1><p>通知公告</p><marquee scrollamount="3">关于做好春节期间安全生产工作的通知</marquee>`,
    want: ['moving-content'],
  },
  {
    // Stopping only under the mouse leaves it moving while one reads the rest of the page, and a keyboard user cannot stop it.
    name: 'moving content, suspected: a scrolling notice that stops only while the mouse is over it',
    html: `<h1>t</h1><div id="roll" style="height:24px;line-height:24px;overflow:hidden;max-width:400px"><p style="margin:0">关于开展安全检查的通知</p><p style="margin:0">关于调整办公时间的公告</p><p style="margin:0">关于开展安全检查的通知</p></div>
<script>(function(){var s=document.getElementById('roll'),go=true;s.onmouseover=function(){go=false};s.onmouseout=function(){go=true};
var timer=setInterval(function(){if(!s.isConnected)return clearInterval(timer);if(go)s.scrollTop=s.scrollTop>=48?0:s.scrollTop+1;},40);})();</script>`,
    want: ['moving-content'],
    suspected: ['moving-content'],
  },
  {
    name: 'no moving-content failure: a 飘窗 drifting across the page with a 关闭 button that hides it',
    html: `<h1>t</h1><p>正文</p><div id="float" style="position:absolute;left:0;top:120px;width:160px;height:90px;background:#fee"><a href="/zt">专题专栏</a> <button type="button" onclick="this.parentNode.style.display='none'">关闭</button></div>
<script>(function(){var f=document.getElementById('float'),x=0,dx=2;var timer=setInterval(function(){if(!f.isConnected)return clearInterval(timer);x+=dx;if(x>600||x<0)dx=-dx;f.style.left=x+'px';},30);})();</script>`,
    want: [],
    seen: { movers: 1, media: 0 },
  },
  {
    name: 'moving content: a NEW badge blinking without end',
    html: `<style>@keyframes blink{50%{opacity:0}}</style><h1>t</h1><p><a href="/n">最新通知</a> <span style="color:#c00;animation:blink 1s step-end infinite">NEW</span></p>`,
    want: ['moving-content'],
  },
  {
    // Hidden for 18 s of every 20 from the moment the page opens: the watch looks while it is hidden, and the
    // animation's cycle, not the moment of looking, says that it shows.
    name: 'moving content: a NEW badge that blinks on for 2 s in every 20, hidden whenever the watch looks',
    html: `<style>@keyframes flash{0%{opacity:1}10%{opacity:0}}</style><h1>t</h1><p><a href="/n">最新通知</a> <span style="color:#c00;animation:flash 20s step-end -2s infinite">NEW</span></p>`,
    want: ['moving-content'],
  },
  {
    // An indicator of loading is essential while the load goes on (Understanding 2.2.2), and the check cannot
    // tell whether the load it announces is over: a spinner that says it is one is left alone.
    name: 'no moving-content failure: an endless CSS spinner marked as a loading indicator',
    html: `<style>@keyframes turn{to{transform:rotate(360deg)}}</style><h1>t</h1><div role="status" aria-label="加载中"><div style="width:32px;height:32px;border:4px solid #ccc;border-top-color:#06c;border-radius:50%;animation:turn 1s linear infinite"></div></div><p>正文</p>`,
    want: [],
  },
  {
    // A page written into the tab (setContent) may play sound by itself; one loaded from a server is held back
    // by headless Chromium's autoplay policy, as browsers do on a first visit (the next case).
    name: 'audio autoplay: an unmuted 30 s video playing by itself, with no controls',
    html: `<h1>t</h1><video autoplay width="320" height="180" src="${tone(30)}"></video>`,
    // A video with sound, no captions track and no transcript beside it: suspected of 1.2.2 too.
    want: ['audio-autoplay', 'video-without-captions'],
    suspected: ['video-without-captions'],
  },
  {
    name: 'audio autoplay, suspected: an unmuted video set to autoplay whose file a crawl tab does not fetch',
    html: `<h1>t</h1><video autoplay width="320" height="180" src="http://127.0.0.1:9/promo.mp4"></video>`,
    want: ['audio-autoplay', 'video-without-captions'],
    suspected: ['video-without-captions', 'audio-autoplay'],
  },
  {
    name: 'no audio-autoplay failure: a muted autoplay video, one with controls, one shorter than 3 s',
    html: `<h1>t</h1><video autoplay muted width="320" height="180" src="${tone(30)}"></video><video autoplay controls width="320" height="180" src="${tone(30)}"></video><video autoplay width="320" height="180" src="${tone(2)}"></video>`,
    // None plays sound by itself; none has captions or a transcript (suspected of 1.2.2).
    want: ['video-without-captions'],
    suspected: ['video-without-captions'],
    seen: { movers: 0, media: 3 },
  },
  {
    name: 'header without cells: a column header over no cell, one whose cells name another header, an ARIA grid column left empty',
    html: `<h1>t</h1><table><tr><th>事项</th><th>时限</th></tr><tr><td>户籍</td></tr></table><table><tr><th id="a">部门</th><th id="b">电话</th></tr><tr><td>民政局</td><td headers="a">12345</td></tr></table><div role="grid"><div role="row"><div role="columnheader">房间</div><div role="columnheader">人员</div></div><div role="row"><div role="gridcell">1A</div></div></div>`,
    want: ['header-without-cells'],
  },
  {
    name: 'no header without cells: colspan, headers naming it, row headers, header cells heading headers, a header-only list not yet filled, a layout table',
    html: `<h1>t</h1><table><tr><th>项目</th><th>考试</th></tr><tr><td colspan="2">15%</td></tr></table><table><tr><th id="c1">城市</th><th id="c2">数量</th></tr><tr><td>北京</td></tr><tr><td headers="c2">1</td></tr></table><table><tr><th>日</th><th>上午</th></tr><tr><th>周一</th><td>8-12</td></tr></table><table><tr><th>标题</th><th>日期</th></tr></table><table role="presentation"><tr><th>栏目</th><th>x</th></tr><tr><td>1</td></tr></table><table><tr><th role="cell">甲</th><th style="display:none">乙</th><th aria-hidden="true">丙</th></tr><tr><td>1</td></tr></table>`,
    want: [],
  },
  {
    name: 'frame out of tab order: a frame with tabindex -1 around a link',
    html: `<h1>t</h1><iframe title="服务" tabindex="-1" srcdoc="<a href='/'>首页</a>"></iframe>`,
    want: ['frame-out-of-tab-order'],
  },
  {
    name: 'no frame out of tab order: a frame with nothing tabbable, a 1 px frame, an inert one, one behind an open modal dialog',
    html: `<h1>t</h1><iframe title="a" tabindex="-1" srcdoc="<h2>标题</h2><a href='/' tabindex='-1'>首页</a>"></iframe><iframe title="b" tabindex="-1" width="1" height="1" srcdoc="<a href='/'>首页</a>"></iframe><iframe title="c" tabindex="-1" inert srcdoc="<a href='/'>首页</a>"></iframe><iframe id="f" title="d" tabindex="-1" srcdoc="<a href='/'>首页</a>"></iframe><dialog id="d"><p>说明</p><button onclick="this.closest('dialog').close()">关闭</button></dialog><script>document.getElementById('d').showModal();</script>`,
    want: [],
  },
  {
    name: 'line height locked: an inline !important line height of 1em on wrapping text',
    html: `<h1>t</h1><p style="line-height: 1em !important; max-width: 200px;">关于做好二〇二六年春季学期开学工作的通知，请各单位认真贯彻落实。</p>`,
    want: ['line-height-locked'],
  },
  {
    name: 'no line height locked: 1.5 or more, not important, inherited, on one line, on no text of its own',
    html: `<h1>t</h1><p style="line-height: 1.6 !important; max-width: 200px;">关于做好二〇二六年春季学期开学工作的通知，请各单位认真贯彻落实。</p><p style="line-height: 1em; max-width: 200px;">关于做好二〇二六年春季学期开学工作的通知，请各单位认真贯彻落实。</p><p style="line-height: 1em !important">通知</p><div style="line-height: 1em !important; max-width: 200px;"><p style="line-height: 2em">关于做好二〇二六年春季学期开学工作的通知，请各单位认真贯彻落实。</p></div><p style="line-height:1.2em"><span style="line-height: inherit !important; display:block; max-width:200px">关于做好二〇二六年春季学期开学工作的通知，请各单位认真贯彻落实。</span></p>`,
    want: [],
  },
  {
    name: 'motion actuation, suspected: tilting the phone moves a slider, nothing turns it off',
    html: `<h1>t</h1><input type="range" id="s" value="50" aria-label="音量"><output id="o">50</output><script>addEventListener('deviceorientation', function (e) { if (e.gamma > 20) { s.value = +s.value + 1; o.textContent = s.value; } });</script>`,
    want: ['motion-actuation'],
    suspected: ['motion-actuation'],
  },
  {
    name: 'no motion actuation: a listener that changes nothing, and one a 关闭体感操作 checkbox turns off',
    html: `<h1>t</h1><input type="range" id="s" value="50" aria-label="音量"><label><input type="checkbox" id="off"> 关闭体感操作</label><script>var n = 0; addEventListener('devicemotion', function () { n++; }); addEventListener('deviceorientation', function (e) { if (!off.checked) s.value = +s.value + 1; });</script>`,
    want: [],
  },
  {
    name: 'motion only, suspected: shaking the phone shows the next guide, and nothing on the page answers a press, a key or an entry',
    html: `<h1>t</h1><p>摇一摇手机，查看今日推荐的办事指南：</p><p id="g">居住证办理</p><script>var guides = ['居住证办理', '社保卡申领', '不动产登记'], k = 0; function next() { k = (k + 1) % guides.length; g.textContent = guides[k]; } addEventListener('devicemotion', function (e) { if (Math.abs(e.rotationRate.gamma) > 5) next(); });</script>`,
    want: ['motion-actuation', 'motion-only'],
    suspected: ['motion-actuation', 'motion-only'],
  },
  {
    name: 'not motion only: a 换一个 button does what shaking does',
    html: `<h1>t</h1><p>摇一摇手机，查看今日推荐的办事指南：</p><p id="g">居住证办理</p><button type="button" id="b">换一个</button><script>var guides = ['居住证办理', '社保卡申领', '不动产登记'], k = 0; function next() { k = (k + 1) % guides.length; g.textContent = guides[k]; } addEventListener('devicemotion', function (e) { if (Math.abs(e.rotationRate.gamma) > 5) next(); }); b.addEventListener('click', next);</script>`,
    want: ['motion-actuation'],
    suspected: ['motion-actuation'],
  },
  {
    name: 'not motion only: a select offers the other guides',
    html: `<h1>t</h1><p>摇一摇手机，查看今日推荐的办事指南：</p><p id="g">居住证办理</p><select aria-label="办事指南"><option>居住证办理</option><option>社保卡申领</option></select><script>var guides = ['居住证办理', '社保卡申领', '不动产登记'], k = 0; function next() { k = (k + 1) % guides.length; g.textContent = guides[k]; } addEventListener('devicemotion', function (e) { if (Math.abs(e.rotationRate.gamma) > 5) next(); });</script>`,
    want: ['motion-actuation'],
    suspected: ['motion-actuation'],
  },
  {
    name: 'not motion only: a 下一个 control whose key handler is delegated to the body',
    html: `<h1>t</h1><p>摇一摇手机，查看今日推荐的办事指南：</p><p id="g">居住证办理</p><span role="button" tabindex="0" data-next>下一个</span><script>var guides = ['居住证办理', '社保卡申领', '不动产登记'], k = 0; function next() { k = (k + 1) % guides.length; g.textContent = guides[k]; } addEventListener('devicemotion', function (e) { if (Math.abs(e.rotationRate.gamma) > 5) next(); }); document.body.addEventListener('keydown', function (e) { if (e.key === 'Enter' && e.target.closest('[data-next]')) next(); });</script>`,
    want: ['motion-actuation'],
    suspected: ['motion-actuation'],
  },
  {
    name: 'text zoom: a box already cutting its text through a line at 100 % (height 1.5em, 10 px under one line)',
    html: `<h1>t</h1><div style="overflow:hidden;height:1.5em;font-size:16px;max-width:300px">关于做好二〇二六年春季学期开学工作的通知，请各单位认真贯彻落实，按时报送材料。</div><div style="overflow-y:hidden;height:10px;white-space:nowrap;text-overflow:ellipsis;font-size:16px">关于做好二〇二六年春季学期开学工作的通知</div>`,
    want: ['text-zoom'],
  },
  {
    name: 'no text zoom: boxes cutting long text after whole lines at 100 % (a one-line title, a two-line summary)',
    html: `<h1>t</h1><div style="overflow:hidden;height:16px;line-height:16px;font-size:16px;max-width:300px">关于做好二〇二六年春季学期开学工作的通知，请各单位认真贯彻落实，按时报送材料。</div><p style="overflow:hidden;height:3em;line-height:1.5em;max-width:200px;margin:0">关于做好二〇二六年春季学期开学工作的通知，请各单位认真贯彻落实，按时报送材料。</p><a href="/quanwen">全文</a>`,
    // 全文 on its own, outside the summary's paragraph, says nothing of where it leads (2.4.4): only suspected.
    want: ['link-name-generic'],
    suspected: ['link-name-generic'],
  },
  {
    // Below the first screen: read once scrolled to. The date line is grey at 45 % alpha.
    name: 'text-contrast-background: a topic banner whose title and date line are pale grey on a white-to-light-blue gradient',
    html: `<h1>t</h1><div style="height:1400px">正文</div><div style="max-width:600px;padding:12px;background:linear-gradient(to right,#ffffff,#dfe9f7)"><h2 style="color:#9aa7b8;margin:0;font-size:20px">学习贯彻党的二十届四中全会精神专题</h2><p style="color:rgba(80,80,80,.45);margin:0">发布时间：2026-03-01　来源：市政府办公室</p></div>`,
    want: ['text-contrast-background'],
  },
  {
    name: 'text-contrast-background, suspected: white text on a two-tone gradient, most of it over the light part',
    html: `<h1>t</h1><p style="max-width:320px;margin:0;color:#fff;background:linear-gradient(to right,#1d4f91 0,#1d4f91 100px,#e8eef6 100px)">市人民政府办公室关于印发二〇二六年政务公开工作要点的通知，请各区人民政府、市政府各部门认真贯彻执行。</p>`,
    want: ['text-contrast-background'],
    suspected: ['text-contrast-background'],
  },
  {
    // White text kept legible by a dark shadow (ACT counts the shadow as the text's background); pale text over a
    // banner picture the crawl does not fetch (not judged on the colour shown instead).
    name: 'no text-contrast-background: dark text on the same gradient, white text with a dark shadow, text over a banner picture',
    html: `<h1>t</h1><div style="max-width:600px;padding:12px;background:linear-gradient(to right,#ffffff,#dfe9f7)"><h2 style="color:#1f3a5f;margin:0;font-size:20px">学习贯彻党的二十届四中全会精神专题</h2><p style="color:#fff;text-shadow:0 0 2px #000,0 0 2px #000;margin:0">发布时间：2026-03-01　来源：市政府办公室</p></div><div style="max-width:600px;height:80px;background:#fff url(/images/banner.jpg) no-repeat"><span style="color:#fff;font-size:24px">政务公开专题</span></div>`,
    want: [],
  },
  {
    // The dialog's script was changed and the sentinel's focus handler went with it: Tab stops on a link no screen reader announces.
    name: "hidden content focused: a dialog's focus sentinel inside aria-hidden that no longer sends focus back",
    html: `<h1>t</h1><div role="dialog" aria-modal="true" aria-label="满意度评价"><label>您的意见 <input id="first"></label> <button>提交</button></div>
<div aria-hidden="true"><a href="#" style="position:absolute;top:-999em">回到弹窗开头</a></div>`,
    want: ['hidden-content-focused'],
  },
  {
    name: 'no hidden content focused: the same sentinel sending focus back into the dialog, at once or a moment later; a hidden link out of the order',
    html: `<h1>t</h1><div role="dialog" aria-modal="true" aria-label="满意度评价"><label>您的意见 <input id="first"></label> <button>提交</button></div>
<div aria-hidden="true"><a href="#" id="s1" style="position:absolute;top:-999em">回到弹窗开头</a><a href="#" id="s2" style="position:absolute;top:-999em">回到弹窗开头</a><a href="/x" tabindex="-1">栏目</a></div>
<script>document.getElementById('s1').addEventListener('focus', function () { document.getElementById('first').focus(); });
document.getElementById('s2').addEventListener('focus', function () { setTimeout(function () { document.getElementById('first').focus(); }, 10); });</script>`,
    want: [],
  },
  {
    name: 'duplicate id: two elements share an id (one of them hidden), an aria-labelledby points at the first',
    html: `<h1>t</h1><span id="label" style="display:none">姓名</span><span id="label">城市</span><input aria-labelledby="label" type="text" name="city">`,
    want: ['repeated-id'],
  },
  {
    name: 'no duplicate id: empty ids, the same id in a shadow tree and in a frame',
    html: `<h1>t</h1><span id="">甲</span><span id="">乙</span><div id="x"></div><div id="host"></div><iframe title="空" srcdoc="<span id='x'></span>"></iframe><script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<b id="x"></b>';</script>`,
    want: [],
  },
];

describe('page checks: hand-written pages', () => {
  let browser: Browser;
  let tab: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    tab = await newTab(browser, defaultCollectOptions.userAgent);
  });
  afterAll(async () => {
    await closeTab(tab);
    await browser?.close();
  });

  for (const f of fixtures) {
    it(f.name, async () => {
      await tab.setContent(`<!DOCTYPE html><html lang="${f.lang ?? 'zh-CN'}"><head><meta charset="utf-8"><title>t</title></head><body>${f.html}</body></html>`);
      const r = await runPageChecks(tab, { role: 'page' });
      expect(r.notChecked).toEqual(f.notWalked ? [{ area: 'keyboard', reason: 'focus-changes-context' }] : []);
      expect([...new Set(r.issues.map((i) => i.check))].sort()).toEqual([...f.want].sort());
      expect(r.issues.filter((i) => i.suspected).map((i) => i.check)).toEqual(f.suspected ?? []);
      if (f.seen) expect(r.motion).toMatchObject(f.seen);
      for (const i of r.issues) if (i.check !== 'bypass') expect(i.examples[0]!.selector.length, i.check).toBeGreaterThan(0);
      // The page is left as it was: the viewport restored, nothing focused.
      expect(tab.viewport()).toMatchObject({ width: 1280, height: 900 });
      expect(await tab.evaluate(() => document.activeElement === document.body)).toBe(true);
    });
  }

  it('a page whose script took its document element away is read as an empty page, not as a failed read', async () => {
    await tab.setContent(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><h1>t</h1></body></html>`);
    await tab.evaluate(() => document.documentElement.remove());
    const r = await runPageChecks(tab, { role: 'page' });
    expect(r.notChecked.map((n) => n.area)).not.toContain('markup');
  });

  it('text over gradients is read from screenshots of its background, one for text near each other, and its colours put back as written', async () => {
    // Two banners far apart (two screenshots), one over a picture (not read); the title fades its colour in 2 s.
    await tab.setContent(
      `<!DOCTYPE html><html lang="zh-CN"><head><title>contrast</title><style>h2{transition:color 2s}</style></head><body><h1>t</h1>` +
        `<div style="background:linear-gradient(#fff,#eef3fa)"><h2 style="color:#1f3a5f ;margin:0">政务公开</h2><p style="">办事服务</p></div><div style="height:2000px"></div>` +
        `<div style="background:linear-gradient(#fff,#eef3fa)"><p>互动交流</p></div><div style="background:url(/b.jpg)"><p>专题专栏</p></div></body></html>`,
    );
    const read = () =>
      tab.evaluate(() =>
        [...document.querySelectorAll('h2, p')].map((e) => [e.getAttribute('style'), getComputedStyle(e).color, getComputedStyle(e).transitionProperty]),
      );
    const before = await read();
    const r = await runPageChecks(tab, { role: 'page' });
    expect(r.contrast).toMatchObject({ gradients: 3, pictures: 1, read: 3, shots: 2 });
    expect(r.issues.map((i) => i.check)).not.toContain('text-contrast-background');
    expect(await read()).toEqual(before);
  });

  it('the text zoom puts the page back: inline styles as written, text at its size, scrolled boxes where they were, nothing animating', async () => {
    await tab.setContent(
      `<!DOCTYPE html><html lang="zh-CN"><head><title>zoom</title><style>p{transition:font-size 2s}</style></head><body><h1>t</h1>` +
        `<p style="font-size:13px ; color:#333">一</p><p style="">二</p><p>三</p>` +
        `<div id="ticker" style="height:40px;overflow:hidden;line-height:20px"><p>甲</p><p>乙</p><p>丙</p><p>丁</p></div>` +
        `<div style="max-width:400px;height:24px;line-height:24px;font-size:14px;overflow:hidden">关于做好二〇二六年春季学期开学工作的通知</div></body></html>`,
    );
    const read = () =>
      tab.evaluate(() => ({
        html: document.documentElement.outerHTML,
        sizes: [...document.querySelectorAll('p, div')].map((e) => getComputedStyle(e).fontSize + ' ' + getComputedStyle(e).lineHeight),
        ticker: document.getElementById('ticker')!.scrollTop,
      }));
    await tab.evaluate(() => void (document.getElementById('ticker')!.scrollTop = 20));
    const before = await read();
    const r = await runPageChecks(tab, { role: 'page' });
    expect(r.issues.map((i) => i.check)).toContain('text-zoom');
    expect(r.textZoom!.boxes).toBeGreaterThan(0);
    expect(await read()).toEqual(before);
    expect(await tab.evaluate(() => document.getAnimations().length)).toBe(0);
  });

  it('duplicate attributes are read from the markup the server sent, decoded in its own charset (GBK); script text is not markup', async () => {
    const pages: Record<string, Buffer> = {
      '/dup': Buffer.from(
        `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>dup</title></head><body><h1>t</h1><main><img src="data:," alt="" alt="标志"><p>一</p><p><input type="checkbox" disabled="disabled" disabled id="c"><label for="c">同意</label></p></main></body></html>`,
      ),
      '/clean': Buffer.from(
        `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>clean</title><script>var s = '<img alt="" alt="x">';</script></head><body><h1>t</h1><img src="data:," alt="标志"></body></html>`,
      ),
    };
    // The same defect in a GBK page (国徽 is B9FA BBD5 there).
    pages['/gbk'] = Buffer.from(
      Buffer.concat([
        Buffer.from(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="gbk"><title>gbk</title></head><body><h1>t</h1><img src="data:," alt="`),
        Buffer.from([0xb9, 0xfa, 0xbb, 0xd5]),
        Buffer.from(`" title="a" title="b"></body></html>`),
      ]),
    );
    const server = createServer((req, res) => {
      const body = pages[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html' }).end(body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await onTab(browser, async (own) => {
        const repeated = async (path: string) => {
          await openUrl(own, origin + path, 10_000);
          return (await runPageChecks(own, { role: 'page' })).issues.find((i) => i.check === 'duplicate-attribute');
        };
        expect(await repeated('/dup')).toMatchObject({
          count: 2,
          examples: [
            { selector: 'body > main > img', html: '<img src="data:," alt="" alt="标志">' },
            { selector: '#c', html: expect.stringContaining('disabled="disabled" disabled') },
          ],
        });
        expect(await repeated('/gbk')).toMatchObject({ count: 1, examples: [{ selector: 'body > img', html: expect.stringContaining('alt="国徽"') }] });
        expect(await repeated('/clean')).toBeUndefined();
      });
    } finally {
      server.close();
    }
  });

  it('an object embedding an image it falls back from in the crawl tab, with no name of its own: reported where the server serves the image', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const page = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>obj</title></head><body><h1>政府工作报告图解</h1>
<object id="shown" data="/img/tujie.png"><img src="/img/tujie.png" alt="2026年政府工作报告图解"></object>
<object id="missing" data="/img/old.png"><img src="/img/tujie.png" alt="2025年政府工作报告图解"></object>
<object id="named" data="/img/tujie.png" title="2026年政府工作报告图解"><img src="/img/tujie.png" alt="2026年政府工作报告图解"></object>
<object id="page" data="/zhuanti.html"><a href="/zhuanti.html">专题页面</a></object></body></html>`;
    const server = createServer((req, res) => {
      if (req.url === '/obj') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      if (req.url === '/img/tujie.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(req.method === 'HEAD' ? undefined : png);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await onTab(browser, async (own) => {
        await openUrl(own, `${origin}/obj`, 10_000);
        const r = await runPageChecks(own, { role: 'page' });
        expect(r.issues.find((i) => i.check === 'object-without-name')).toMatchObject({ count: 1, examples: [{ selector: '#shown' }] });
      });
    } finally {
      server.close();
    }
  });

  it('a page the checks navigate away from is opened again, and what was read after leaving is not kept', async () => {
    // A link whose focus handler leaves the page: the markup shows no field for it, so the walk runs into it.
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        req.url === '/'
          ? `<!DOCTYPE html><html lang="zh-CN"><head><title>leave</title></head><body><h1>t</h1><a href="#1" onfocus="location.href='/other'">1</a></body></html>`
          : '<p>other</p>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const start = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      await onTab(browser, async (own) => {
        await own.goto(start);
        const restored: string[] = [];
        const r = await runPageChecks(own, { role: 'page', restore: async (url) => void restored.push(url) });
        expect(r.notChecked.map((n) => [n.area, n.reason])).toEqual([
          ['keyboard', 'navigated'],
          ['reflow', 'navigated'],
          ['zoom', 'navigated'],
        ]);
        expect(restored).toEqual([start]);
      });
    } finally {
      server.close();
    }
  });

  it('walks the focus order by focusing in the page where no listener could move a press elsewhere, and finds what Tab finds', async () => {
    // Positive tabindex first, a radio group as its checked button, a disabled button and a hidden link skipped, a
    // menu shown by :focus-within entered, a field showing its caret, links and a radio button whose outline is removed.
    const page = (keys: boolean) =>
      `<!DOCTYPE html><html lang="zh-CN"><head><title>order</title><style>.bare:focus{outline:none}#menu ul{display:none}#menu li:focus-within ul{display:block}input{outline:none}</style></head><body><h1>t</h1>` +
      `<a href="#a" id="a1" class="bare">一</a><a href="#b" id="a2" tabindex="2">二</a><a href="#c" id="a3" tabindex="1">三</a><button disabled>不可用</button><a href="#d" style="display:none">隐藏</a>` +
      `<ul id="menu"><li><a href="#m" id="m">栏目</a><ul><li><a href="#m1" id="m1" class="bare">子栏目</a></li></ul></li></ul>` +
      `<label><input type="radio" name="r" value="1" id="r1">甲</label><label><input type="radio" name="r" value="2" id="r2" checked>乙</label><label>关键字 <input type="text" id="q"></label>` +
      (keys ? '<script>addEventListener("keydown", function () {})</script>' : '') +
      `</body></html>`;
    // What Tab itself reaches on the page as loaded in a tab of its own, one press at a time, until focus leaves the
    // document (on this file's tab, reused from earlier pages, the first press was seen to land after the positive tabindexes).
    const pressed: string[] = [];
    await onTab(browser, async (own) => {
      await own.setContent(page(false));
      await own.emulateFocusedPage(true);
      for (let i = 0; i < 10; i++) {
        await own.keyboard.press('Tab');
        const id = await own.evaluate(() => document.activeElement?.id ?? '');
        if (!id) break;
        pressed.push(`#${id}`);
      }
    });
    expect(pressed).toEqual(['#a3', '#a2', '#a1', '#m', '#m1', '#r2', '#q']);
    const walk = async (keys: boolean) => {
      await tab.setContent(page(keys));
      const r = await runPageChecks(tab, { role: 'page' });
      return { keyboard: r.keyboard!, notVisible: r.issues.find((i) => i.check === 'focus-not-visible') };
    };
    const byFocus = await walk(false);
    expect(byFocus.keyboard).toMatchObject({ walk: 'focus', presses: 0, stops: 7, ended: 'end', order: pressed });
    expect(byFocus.notVisible?.examples.map((e) => e.selector)).toEqual(['#a1', '#m1', '#r2']);
    // The same page with a key listener (that does nothing) is walked with the keys, and the same elements are found.
    const byKeys = await walk(true);
    expect(byKeys.keyboard.walk).toBe('keys');
    expect(byKeys.notVisible?.examples).toEqual(byFocus.notVisible?.examples);
  });

  it('records the keyboard walk, and a page that hangs its renderer as not checked in time', async () => {
    await tab.setContent(
      `<!DOCTYPE html><html lang="zh-CN"><head><title>walk</title></head><body><h1>t</h1><a href="#1">1</a><a href="#2">2</a><button>3</button></body></html>`,
    );
    const r = await runPageChecks(tab, { role: 'page' });
    expect(r.keyboard).toMatchObject({ stops: 3, ended: 'end', walk: 'focus' });
    expect(r.keyboard!.order).toEqual(['body > a:nth-of-type(1)', 'body > a:nth-of-type(2)', 'body > button']);
    expect(r.bypass).toEqual({ skipLink: false, main: false, headings: 1 });
    await tab.evaluate('setTimeout(function () { for (;;) {} }, 0)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    const hung = await runPageChecks(tab, { role: 'page', timeoutMs: 1000 });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(hung.notChecked.map((n) => n.area)).toEqual(['markup', 'motion', 'keyboard', 'reflow', 'zoom']);
    expect(hung.issues).toEqual([]);
  });
});
