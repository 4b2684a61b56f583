// Runs inside a page after page-checks.js, whose helpers (lib) it uses: resize text (1.4.4). Adds
// window.__govscorePageChecks.textZoom(factor), which the driver (../text-zoom.ts) calls once the other
// parts are done. Text-only zoom is simulated the way a browser's text zoom does it: every element's font
// size (and a line height in pixels) times the factor, everything else as the page's own CSS makes it, so
// boxes sized in em or rem grow with their text and boxes sized in px or vh do not. Then the boxes that
// clip (overflow hidden or clip) and did not overflow before are read once, and the page's inline styles
// put back as they were.
(function () {
  var checks = window.__govscorePageChecks;
  if (!checks || checks.textZoom) return;
  var lib = checks.lib;
  var CLIPS = /^(hidden|clip)$/;
  // Scroll sizes are whole pixels and a glyph's box may stick out a pixel or two by design.
  var TOLERANCE = 2;
  // Text nodes read in a box that overflows, and in all: what confirms that text, not an image, is cut off.
  var MAX_TEXTS_PER_BOX = 200;
  var MAX_TEXTS = 3000;

  /**
   * Text no zoom is needed to miss: hidden on purpose (aria-hidden, a visually hidden 1 px or clipped box,
   * transparent, visibility hidden), or moving through its box by design (a marquee).
   */
  function exempt(el) {
    if (el.closest('[aria-hidden=true], marquee')) return true;
    var own = getComputedStyle(el);
    if (own.visibility === 'hidden' || own.visibility === 'collapse') return true;
    for (var a = el; a && a !== document.documentElement; a = a.parentElement) {
      var s = a === el ? own : getComputedStyle(a);
      if (s.opacity === '0') return true;
      if ((s.position === 'absolute' || s.position === 'fixed') && s.clip && s.clip !== 'auto') return true;
      if (/^inset\((50|100)%/.test(s.clipPath)) return true;
      if ((CLIPS.test(s.overflowX) || CLIPS.test(s.overflowY)) && (a.clientWidth <= 1 || a.clientHeight <= 1)) return true;
    }
    return false;
  }

  /** The box's content height is not a whole number of its lines: the last line it shows is cut through. */
  function partLine(el, s, h) {
    var size = parseFloat(s.fontSize) || 0;
    var line = /px$/.test(s.lineHeight) ? parseFloat(s.lineHeight) : 1.15 * size;
    if (!(line > 0)) return false;
    var lines = (h - (parseFloat(s.paddingTop) || 0) - (parseFloat(s.paddingBottom) || 0)) / line;
    return lines < 0.85 || Math.abs(lines - Math.round(lines)) > 0.15;
  }

  /** The part of rect r inside element a's box on the axes a does not let overflow show. */
  function within(r, a, s) {
    var b = a.getBoundingClientRect();
    var x = s.overflowX !== 'visible';
    var y = s.overflowY !== 'visible';
    return {
      left: x ? Math.max(r.left, b.left) : r.left,
      right: x ? Math.min(r.right, b.right) : r.right,
      top: y ? Math.max(r.top, b.top) : r.top,
      bottom: y ? Math.min(r.bottom, b.bottom) : r.bottom,
    };
  }

  /**
   * Visible text of the box that lies beyond its padding edge on a clipping axis, with the zoom applied.
   * Text inside a container within the box that scrolls or clips counts only as far as that container
   * shows it: the rest is reached by scrolling it, or cut by that container, not by this box. Text wholly
   * above or left of the page is hidden on purpose.
   */
  function cutText(box, axes, budget) {
    var r = box.getBoundingClientRect();
    var left = r.left + box.clientLeft;
    var top = r.top + box.clientTop;
    var edge = { right: left + box.clientWidth, bottom: top + box.clientHeight, left: left };
    var rtl = getComputedStyle(box).direction === 'rtl';
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    var range = document.createRange();
    var read = 0;
    for (var node = walker.nextNode(); node && read < MAX_TEXTS_PER_BOX && budget.left > 0; node = walker.nextNode()) {
      if (!/\S/.test(node.nodeValue) || !node.parentElement) continue;
      read++;
      budget.left--;
      range.selectNodeContents(node);
      var t = range.getBoundingClientRect();
      if (t.width <= 0 || t.height <= 0) continue;
      if (t.right + window.scrollX <= 0 || t.bottom + window.scrollY <= 0) continue;
      for (var a = node.parentElement; a && a !== box; a = a.parentElement) {
        var s = getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') t = within(t, a, s);
      }
      if (t.right <= t.left || t.bottom <= t.top) continue;
      var beyond = (axes.x && (rtl ? edge.left - t.left : t.right - edge.right) > TOLERANCE) || (axes.y && t.bottom - edge.bottom > TOLERANCE);
      if (beyond && !exempt(node.parentElement)) return true;
    }
    return false;
  }

  checks.textZoom = function (factor) {
    var root = document.documentElement;
    var all = lib.allElements();
    var elements = [root].concat(document.body ? [document.body] : [], all).filter(function (el) {
      return el instanceof HTMLElement;
    });
    // Before: font sizes, line heights, and the boxes that clip on an axis where nothing overflows yet.
    var fonts = [];
    var boxes = [];
    // Where every box that may scroll (a script's ticker too) is scrolled to, put back afterwards.
    var offsets = [];
    elements.forEach(function (el) {
      var s = getComputedStyle(el);
      fonts.push([el, parseFloat(s.fontSize) || 0, /px$/.test(s.lineHeight) ? parseFloat(s.lineHeight) : 0]);
      if (el === root || el === document.body) return;
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') offsets.push([el, el.scrollLeft, el.scrollTop]);
      // Ellipsis and line clamping cut text cleanly, as designed (ACT 59br37): not what zoom broke.
      var x = CLIPS.test(s.overflowX) && s.textOverflow === 'clip';
      var y = CLIPS.test(s.overflowY) && (!s.webkitLineClamp || s.webkitLineClamp === 'none');
      if (!x && !y) return;
      var w = el.clientWidth;
      var h = el.clientHeight;
      if (w <= 1 || h <= 1) return;
      x = x && el.scrollWidth - w <= TOLERANCE;
      // A box already cutting its text at 100 % cuts it at 200 % too (ACT 59br37): counted where it shows a line in
      // part (a height that is not a whole number of lines); one showing whole lines (a one-line title) does so by design.
      y = y && (el.scrollHeight - h <= TOLERANCE || partLine(el, s, h));
      if (x || y) boxes.push({ el: el, x: x, y: y });
    });
    // No box clips text that fits it now: nothing the zoom could cut, so the page is not zoomed (two full relayouts saved).
    if (!boxes.length) return { boxes: 0, issue: null };
    var scrolled = [window.scrollX, window.scrollY];
    var saved = elements.map(function (el) {
      return el.getAttribute('style');
    });
    var release = lib.holdStyles();
    var cut = [];
    try {
      // One pass of writes, then one layout when the first box is read.
      fonts.forEach(function (f) {
        if (f[1]) f[0].style.setProperty('font-size', f[1] * factor + 'px', 'important');
        if (f[2]) f[0].style.setProperty('line-height', f[2] * factor + 'px', 'important');
      });
      var budget = { left: MAX_TEXTS };
      boxes.forEach(function (b) {
        var el = b.el;
        var axes = { x: b.x && el.scrollWidth - el.clientWidth > TOLERANCE, y: b.y && el.scrollHeight - el.clientHeight > TOLERANCE };
        if (!axes.x && !axes.y) return;
        // Off the screen (left or above the page, or past the right edge: an off-canvas menu): no one reads it there.
        var r = el.getBoundingClientRect();
        if (r.right + window.scrollX <= 0 || r.bottom + window.scrollY <= 0 || r.left >= window.innerWidth) return;
        if (cutText(el, axes, budget)) cut.push({ el: el, axes: axes, size: [el.clientWidth, el.clientHeight, el.scrollWidth, el.scrollHeight] });
      });
    } finally {
      // Reading the attribute first brings it up to date with the writes: Chromium removes a style attribute
      // it has not yet written out only to write it out again, empty.
      elements.forEach(function (el, i) {
        if (el.getAttribute('style') === saved[i]) return;
        if (saved[i] === null) el.removeAttribute('style');
        else el.setAttribute('style', saved[i]);
      });
      // The page laid out again as it was while transitions are still off, so that nothing animates back.
      void root.offsetHeight;
      offsets.forEach(function (o) {
        if (o[0].scrollLeft !== o[1]) o[0].scrollLeft = o[1];
        if (o[0].scrollTop !== o[2]) o[0].scrollTop = o[2];
      });
      if (window.scrollX !== scrolled[0] || window.scrollY !== scrolled[1]) window.scrollTo(scrolled[0], scrolled[1]);
      release();
    }
    // A box inside another that cuts text is the one to fix; the outer one is not counted again.
    var holds = new Set();
    cut.forEach(function (c) {
      for (var a = c.el.parentElement; a && !holds.has(a); a = a.parentElement) holds.add(a);
    });
    var outer = cut.filter(function (c) {
      return !holds.has(c.el);
    });
    var result = { boxes: boxes.length, issue: null };
    if (outer.length) {
      var first = outer[0];
      var size = first.axes.y ? '容器高 ' + first.size[1] + ' 像素，内容高 ' + first.size[3] : '容器宽 ' + first.size[0] + ' 像素，内容宽 ' + first.size[2];
      result.issue = lib.issue(
        'text-zoom',
        outer.map(function (c) {
          return c.el;
        }),
        '文字放大到' + Math.round(factor * 100) + '%后，' + outer.length + ' 个隐藏溢出内容的容器裁切了文字，如：' + size + ' 像素',
      );
    }
    return result;
  };
})();
