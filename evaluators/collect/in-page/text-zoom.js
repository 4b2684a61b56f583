// Runs inside a page after page-checks.js, whose helpers (lib) it uses: resize text (1.4.4). Adds
// window.__govscorePageChecks.textZoom(factor), which the driver (../text-zoom.ts) calls once the other
// parts are done. Text-only zoom is simulated the way a browser's text zoom does it: every element's font
// size (and a line height in pixels) times the factor, everything else as the page's own CSS makes it, so
// boxes sized in em or rem grow with their text and boxes sized in px or vh do not. Then the boxes that
// clip (overflow hidden or clip) and did not overflow before are read once, and the page's inline styles
// put back as they were. Whole-page zoom is pageZoomStart (at the full width: whether the page's styles change
// at half of it, and what clips already) and pageZoomRead (once the driver has halved the viewport).
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
  // Text nodes read in a box that overflows sideways at 100 %, for a line it cuts.
  var MAX_LINE_TEXTS = 20;

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

  /** Whether each element from el up to (not including) box lays its text out in box's own lines (inline, contents). */
  function inlineIn(el, box) {
    for (var a = el; a && a !== box; a = a.parentElement) if (!/^(inline|contents)$/.test(getComputedStyle(a).display)) return false;
    return !!a;
  }

  /**
   * The box cuts a line of its own text at its inline end, with no ellipsis to show it goes on: a text node laid
   * out in the box's lines (not in a block or item inside it, such as a carousel's slide), kept on one line
   * (nowrap, pre), starts inside the box and runs past its padding edge. A reader cannot tell such text is cut
   * (ACT 59br37 fails it; with text-overflow: ellipsis it passes, and the caller leaves those boxes out). A box its
   * script has scrolled (a ticker moving text through it) is not read.
   */
  function cutsLine(box, s) {
    if (box.scrollLeft !== 0) return false;
    var r = box.getBoundingClientRect();
    var left = r.left + box.clientLeft;
    var right = left + box.clientWidth;
    var rtl = s.direction === 'rtl';
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    var range = document.createRange();
    var read = 0;
    for (var node = walker.nextNode(); node && read < MAX_LINE_TEXTS; node = walker.nextNode()) {
      if (!/\S/.test(node.nodeValue) || !node.parentElement) continue;
      read++;
      if (!/^(nowrap|pre)$/.test(getComputedStyle(node.parentElement).whiteSpace) || !inlineIn(node.parentElement, box)) continue;
      range.selectNodeContents(node);
      var t = range.getBoundingClientRect();
      if (t.width <= 0 || t.height <= 0) continue;
      var starts = rtl ? t.right > left + TOLERANCE : t.left < right - TOLERANCE;
      var runsPast = rtl ? left - t.left > TOLERANCE : t.right - right > TOLERANCE;
      if (starts && runsPast && !exempt(node.parentElement)) return true;
    }
    return false;
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
   * above or left of the page is hidden on purpose. partly: only text of which a part shows in the box counts
   * (text wholly past the edge is hidden, not cut: a collapsed menu's further rows).
   */
  function cutText(box, axes, budget, partly) {
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
      var pastX = axes.x && (rtl ? edge.left - t.left : t.right - edge.right) > TOLERANCE;
      var pastY = axes.y && t.bottom - edge.bottom > TOLERANCE;
      if (partly) {
        pastX = pastX && (rtl ? t.right > edge.left + TOLERANCE : t.left < edge.right - TOLERANCE);
        pastY = pastY && t.top < edge.bottom - TOLERANCE;
      }
      if ((pastX || pastY) && !exempt(node.parentElement)) return true;
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
      // Sideways the same: a box cutting a line of text at its edge at 100 % without an ellipsis (cutsLine) cuts it at 200 %.
      x = x && (el.scrollWidth - w <= TOLERANCE || cutsLine(el, s));
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
    return { boxes: boxes.length, issue: cutIssue('text-zoom', cut, '文字放大到' + Math.round(factor * 100) + '%后，') };
  };

  /** The issue of the boxes that cut text, the innermost of nested ones only (the box to fix), or null. */
  function cutIssue(check, cut, when) {
    var holds = new Set();
    cut.forEach(function (c) {
      for (var a = c.el.parentElement; a && !holds.has(a); a = a.parentElement) holds.add(a);
    });
    var outer = cut.filter(function (c) {
      return !holds.has(c.el);
    });
    if (!outer.length) return null;
    var first = outer[0];
    var size = first.axes.y ? '容器高 ' + first.size[1] + ' 像素，内容高 ' + first.size[3] : '容器宽 ' + first.size[0] + ' 像素，内容宽 ' + first.size[2];
    return lib.issue(
      check,
      outer.map(function (c) {
        return c.el;
      }),
      when + outer.length + ' 个隐藏溢出内容的容器裁切了文字，如：' + size + ' 像素',
    );
  }

  /** Whether a media query list matches at a viewport width, read from its min-/max-width (px, em) alone. */
  function matchesAt(media, width) {
    return media.split(',').some(function (q) {
      q = q
        .trim()
        .toLowerCase()
        .replace(/^only\s+/, '');
      if (/^(not|print|speech)\b/.test(q)) return false;
      var met = true;
      q.replace(/\(\s*(min|max)-width\s*:\s*([\d.]+)(px|r?em)\s*\)/g, function (_m, bound, n, unit) {
        var px = parseFloat(n) * (unit === 'px' ? 1 : 16);
        if (bound === 'min' ? width < px : width > px) met = false;
        return '';
      });
      return met;
    });
  }

  /**
   * Whether the page's styles change between the two widths: a media query on width (of a rule, an @import or a
   * style sheet) that holds at the narrow one and not at the wide one, or a style sheet that cannot be read (of
   * another origin: it may have one). Without one, the page at the narrow width is laid out by the same styles.
   */
  function stylesChange(wide, narrow) {
    var changes = function (media) {
      return /width/i.test(media) && matchesAt(media, narrow) && !matchesAt(media, wide);
    };
    var inRules = function (rules, depth) {
      for (var i = 0; i < rules.length; i++) {
        var r = rules[i];
        if (r.media && changes(r.media.mediaText)) return true;
        if (depth < 4 && r.styleSheet && readable(r.styleSheet, depth + 1)) return true;
        if (depth < 4 && r.cssRules && !(r.media && !matchesAt(r.media.mediaText, narrow)) && inRules(r.cssRules, depth + 1)) return true;
      }
      return false;
    };
    var readable = function (sheet, depth) {
      if (sheet.disabled) return false;
      if (sheet.media && sheet.media.mediaText && changes(sheet.media.mediaText)) return true;
      var rules;
      try {
        rules = sheet.cssRules;
      } catch (_e) {
        return true;
      }
      return !!rules && inRules(rules, depth);
    };
    for (var i = 0; i < document.styleSheets.length; i++) if (readable(document.styleSheets[i], 0)) return true;
    return false;
  }

  /** The boxes that clip on an axis where their content overflows (scroll size past the box). */
  function overflowingClips() {
    var found = [];
    lib.allElements().forEach(function (el) {
      if (!(el instanceof HTMLElement)) return;
      var s = getComputedStyle(el);
      var x = CLIPS.test(s.overflowX) && el.scrollWidth - el.clientWidth > TOLERANCE;
      var y = CLIPS.test(s.overflowY) && el.scrollHeight - el.clientHeight > TOLERANCE;
      if (x || y) found.push({ el: el, s: s, x: x, y: y });
    });
    return found;
  }

  var clippingBefore = null;
  /**
   * Whole-page zoom (1.4.4 by technique G142): zoomed to 200 %, the page is laid out in half the viewport's CSS
   * pixels, with the styles its media queries give that width. Called at the full width: whether that layout can
   * differ from the one text zoom reads (stylesChange), and if so, the boxes that clip overflowing content now,
   * remembered: what already clips at 100 % is not what the zoom broke.
   */
  checks.pageZoomStart = function (wide, narrow) {
    clippingBefore = null;
    if (!stylesChange(wide, narrow)) return false;
    clippingBefore = new Set(
      overflowingClips().map(function (c) {
        return c.el;
      }),
    );
    return true;
  };

  /**
   * Read once the driver has narrowed the viewport: boxes that clip text at this width and did not clip at the
   * full one, with ACT 59br37's exceptions (a one-line box, its line height at least its height; a line cut with an
   * ellipsis; line clamping), counted where a text shows in part and is cut (text wholly past the box is hidden on
   * purpose, as a collapsed menu's further rows).
   */
  checks.pageZoomRead = function () {
    var before = clippingBefore || new Set();
    clippingBefore = null;
    var cut = [];
    var budget = { left: MAX_TEXTS };
    overflowingClips().forEach(function (c) {
      var el = c.el;
      var s = c.s;
      if (before.has(el) || el.clientWidth <= 1 || el.clientHeight <= 1) return;
      var x = c.x && !(/^(nowrap|pre)$/.test(s.whiteSpace) && s.textOverflow !== 'clip');
      var size = parseFloat(s.fontSize) || 0;
      var line = /px$/.test(s.lineHeight) ? parseFloat(s.lineHeight) : 1.2 * size;
      var y = c.y && (!s.webkitLineClamp || s.webkitLineClamp === 'none') && line < el.getBoundingClientRect().height;
      if (!x && !y) return;
      var r = el.getBoundingClientRect();
      if (r.right + window.scrollX <= 0 || r.bottom + window.scrollY <= 0 || r.left >= window.innerWidth) return;
      if (cutText(el, { x: x, y: y }, budget, true))
        cut.push({ el: el, axes: { x: x, y: y }, size: [el.clientWidth, el.clientHeight, el.scrollWidth, el.scrollHeight] });
    });
    return cutIssue('page-zoom', cut, '整页放大到200%（视口 ' + window.innerWidth + ' 像素宽）后，');
  };
})();
