// In-page helpers for checking a site's 无障碍/长者模式 (assist-modes.ts drives them). Plain browser
// JavaScript: it runs in the page, not in Node. Defines window.__govscoreAssist.
(function () {
  'use strict';

  function visible(el) {
    var box = el.getBoundingClientRect();
    var style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  }

  /**
   * What a control is called, each way on its own: the text it shows (not textContent, which takes in the style
   * sheet of an icon's inline SVG), its title, its ARIA label, its value; keyboard hints ("Shift+6") left out.
   */
  function labels(el) {
    return [el.innerText || '', el.getAttribute('title') || '', el.getAttribute('aria-label') || '', el.getAttribute('value') || '']
      .map(function (t) {
        return t
          .replace(/(shift|ctrl|alt)\s*\+\s*\S+/gi, '')
          .replace(/\s+/g, ' ')
          .trim();
      })
      .filter(Boolean);
  }

  /**
   * The page's controls by purpose, named by `words` (evaluators/data/taxonomy.yaml identity.assistControls):
   * marked data-govscore-assist so the driver can press them; what was found, by purpose. A name of more than
   * 12 characters is a link's text, not a control's.
   */
  function controls(words) {
    var found = {};
    var candidates = clickables();
    Object.keys(words).forEach(function (purpose) {
      for (var i = 0; i < candidates.length; i++) {
        var el = candidates[i];
        var text = '';
        labels(el).some(function (t) {
          var bare = t.replace(/\s+/g, '');
          var named = words[purpose].some(function (w) {
            return bare.indexOf(w) >= 0;
          });
          if (named && t.length <= 12) text = t;
          return !!text;
        });
        if (!text || !visible(el)) continue;
        // 缩小 is a reset only when nothing better names one.
        if (purpose === 'reset' && /缩小/.test(text) && found.reset) continue;
        el.setAttribute('data-govscore-assist', purpose);
        found[purpose] = text;
        break;
      }
    });
    return found;
  }

  /**
   * What can be pressed: buttons and links, and the spans, list items and icons that a script alone makes
   * clickable (listeners leave no attribute; toolbars draw them with the pointer cursor), short ones only.
   */
  function clickables() {
    var out = Array.prototype.slice.call(document.querySelectorAll('button, a, [role=button], [onclick], input[type=button], [tabindex]'));
    var loose = document.querySelectorAll('span, div, li, em, i, b, label, img, p');
    for (var i = 0; i < loose.length; i++) {
      var el = loose[i];
      if (out.indexOf(el) >= 0 || el.closest('a, button, [role=button], [onclick]')) continue;
      if ((el.textContent || '').replace(/\s+/g, '').length > 12 || el.querySelector('div, p, ul, table')) continue;
      if (getComputedStyle(el).cursor === 'pointer') out.push(el);
    }
    return out;
  }

  /**
   * Which entries come first: a script control (the toolbar), then a page of the site (a 长者版 of its own), then
   * a link to another host (a certification badge named 无障碍 links to its certifier).
   */
  function entryRank(el) {
    var href = el.getAttribute('href') || '';
    if (!href || /^\s*(javascript:|#)/i.test(href)) return 0;
    try {
      return new URL(href, location.href).host === location.host ? 1 : 2;
    } catch (_unparsable) {
      return 2;
    }
  }

  /**
   * The entry to the assist mode: of the visible elements whose name has one of the words, the first by
   * entryRank, then the one with the shortest name (无障碍 rather than 按回车键打开无障碍说明页面), leaving out
   * downloads and help pages; marked to be pressed. Its name and href, or null.
   */
  function entry(words) {
    var all = clickables();
    var best = null;
    var bestName = '';
    var bestRank = 0;
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      var pictured = el.querySelector('img[alt]');
      var name = labels(el)
        .concat([el.getAttribute('alt') || '', pictured ? pictured.getAttribute('alt') : ''])
        .join(' ')
        .replace(/\s+/g, '');
      if (!visible(el) || name.length > 24 || /下载|客户端|说明|指南|帮助|app/i.test(name)) continue;
      var named = words.some(function (w) {
        return name.indexOf(w) >= 0;
      });
      if (!named) continue;
      var rank = entryRank(el) * 100 + name.length;
      if (best && rank >= bestRank) continue;
      best = el;
      bestName = name;
      bestRank = rank;
    }
    if (!best) return null;
    best.setAttribute('data-govscore-assist', 'entry');
    var picture = best.querySelector('img[alt]');
    var shown = labels(best)[0] || best.getAttribute('alt') || (picture && picture.getAttribute('alt')) || bestName;
    return { name: shown, href: best.getAttribute('href') || '' };
  }

  function press(purpose) {
    var el = document.querySelector('[data-govscore-assist="' + purpose + '"]');
    if (!el) return false;
    el.click();
    return true;
  }

  /** The longest visible text block outside toolbars: what a reader reads. */
  function sampleText() {
    var best = null;
    var bestLength = 0;
    var blocks = document.body.querySelectorAll('p, li, td, div, span, a');
    for (var i = 0; i < blocks.length; i++) {
      var el = blocks[i];
      if (el.closest('[role=toolbar], [data-govscore-assist]')) continue;
      var own = '';
      for (var c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) own += c.nodeValue;
      own = own.replace(/\s+/g, '');
      if (own.length > bestLength && visible(el)) {
        best = el;
        bestLength = own.length;
      }
    }
    return best;
  }

  /** How big the sample text is drawn: the height of one of its characters on screen (zoom, transform and font size all count). */
  function textSize() {
    var el = sampleText();
    if (!el) return null;
    for (var c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 3 || !c.nodeValue.trim()) continue;
      var start = c.nodeValue.search(/\S/);
      var range = document.createRange();
      range.setStart(c, start);
      range.setEnd(c, start + 1);
      var rects = range.getClientRects();
      if (rects.length && rects[0].height > 0) return rects[0].height;
    }
    return null;
  }

  /** What contrast and cursor modes change: filters, colours, cursor and classes of the root, the body and the sample text. */
  function look() {
    var sample = sampleText();
    var parts = [document.documentElement, document.body, sample].filter(Boolean);
    return parts
      .map(function (el) {
        var s = getComputedStyle(el);
        return [s.filter, s.color, s.backgroundColor, s.cursor, el.className].join('|');
      })
      .join('||');
  }

  function cursorOf() {
    var sample = sampleText() || document.body;
    return [getComputedStyle(document.documentElement).cursor, getComputedStyle(document.body).cursor, getComputedStyle(sample).cursor].join('|');
  }

  /** Layers over the content that are not the assist toolbar: pop-ups and floating ads (fixed or absolute, covering ≥ 15 % of the screen or named as an ad). */
  function overlays() {
    var out = [];
    var screen = innerWidth * innerHeight;
    var all = document.body.querySelectorAll('*');
    for (var i = 0; i < all.length && out.length < 5; i++) {
      var el = all[i];
      if (el.closest('[role=toolbar], [data-govscore-assist]')) continue;
      var style = getComputedStyle(el);
      if (style.position !== 'fixed' && style.position !== 'absolute') continue;
      if (!visible(el)) continue;
      var box = el.getBoundingClientRect();
      var named = /(^|[\s_-])(ad|ads|adv|guanggao|popup|tanchuang|float)([\s_-]|$)/i.test((el.id || '') + ' ' + (el.getAttribute('class') || ''));
      var covering = box.width * box.height >= 0.15 * screen && (parseInt(style.zIndex, 10) || 0) > 0;
      if (named || covering) out.push({ html: el.outerHTML.slice(0, 200), share: Math.round(((box.width * box.height) / screen) * 100) / 100 });
    }
    return out;
  }

  window.__govscoreAssist = { controls: controls, entry: entry, press: press, textSize: textSize, look: look, cursorOf: cursorOf, overlays: overlays };
})();
