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
    var candidates = document.querySelectorAll('button, a, [role=button], [onclick], input[type=button]');
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

  window.__govscoreAssist = { controls: controls, press: press, textSize: textSize, look: look, cursorOf: cursorOf, overlays: overlays };
})();
