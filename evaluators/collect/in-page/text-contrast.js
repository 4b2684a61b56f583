// Runs inside a page after page-checks.js, whose helpers (lib) it uses: text on a background that is no single
// colour (1.4.3, ACT afw4f7). axe-core decides text over colours and leaves text over gradients for review; these
// steps let the driver (../text-contrast.ts) read such text from the pixels: contrastCandidates() finds it from
// the styles, contrastHide() makes its text transparent (its background alone is then drawn), contrastView(y)
// scrolls and says which characters show there on a background we can see, contrastRestore() undoes it all.
(function () {
  var checks = window.__govscorePageChecks;
  if (!checks || checks.contrastCandidates) return;
  var lib = checks.lib;
  // Characters read an element at most, spread over its text: enough to find the part over the worst background.
  var MAX_CHARACTERS = 30;
  var REPLACED = /^(IMG|PICTURE|VIDEO|CANVAS|SVG|IFRAME|OBJECT|EMBED|INPUT|SELECT|TEXTAREA)$/i;
  var state = null;

  function parseColor(value) {
    var m = /rgba?\(([^)]+)\)/.exec(value || '');
    if (!m) return null;
    var parts = m[1]
      .split(/[\s,\/]+/)
      .filter(Boolean)
      .map(parseFloat);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  }
  function parentOf(el) {
    if (el.parentElement) return el.parentElement;
    var root = el.getRootNode && el.getRootNode();
    return root && root.host ? root.host : null;
  }
  function url(style) {
    return /url\(/.test(style.backgroundImage);
  }
  /**
   * What the text is drawn over, from its element up to the first opaque background colour: 'gradient' when a CSS
   * gradient is among the layers (and no picture), 'picture' when a background image is (not fetched by the
   * crawl: what it shows is unknown), 'colour' otherwise (axe's to decide). Kept per element: text elements share
   * their ancestors.
   */
  function backdrop(el, seen) {
    if (seen.has(el)) return seen.get(el);
    var style = getComputedStyle(el);
    var own = style.backgroundImage === 'none' ? null : url(style) ? 'picture' : 'gradient';
    var kind;
    if (own === 'picture') kind = own;
    else {
      var bg = parseColor(style.backgroundColor);
      var parent = bg && bg[3] >= 1 ? null : parentOf(el);
      var below = parent ? backdrop(parent, seen) : 'colour';
      kind = below === 'picture' ? below : own || below;
    }
    seen.set(el, kind);
    return kind;
  }
  function opacityOf(el) {
    var o = 1;
    for (var a = el; a; a = parentOf(a)) o *= parseFloat(getComputedStyle(a).opacity) || 0;
    return o;
  }
  function disabled(el) {
    return !!el.closest('[disabled], [aria-disabled="true"]');
  }
  /** The boxes of up to MAX_CHARACTERS visible characters of the element's own text, spread over it, in page coordinates. */
  function characterBoxes(el) {
    var spots = [];
    for (var node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 3) continue;
      var value = node.nodeValue;
      for (var i = 0; i < value.length; i++) {
        var code = value.charCodeAt(i);
        if (code >= 0xdc00 && code <= 0xdfff) continue; // the second half of a pair
        if (/\s/.test(value[i])) continue;
        spots.push([node, i, code >= 0xd800 && code <= 0xdbff ? 2 : 1]);
      }
    }
    var count = Math.min(spots.length, MAX_CHARACTERS);
    var range = document.createRange();
    var boxes = [];
    for (var j = 0; j < count; j++) {
      var s = spots[Math.floor((j * spots.length) / count)];
      range.setStart(s[0], s[1]);
      range.setEnd(s[0], Math.min(s[0].nodeValue.length, s[1] + s[2]));
      var r = range.getClientRects()[0];
      if (!r || r.width < 1 || r.height < 1) continue;
      boxes.push([r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]);
    }
    return boxes;
  }

  /**
   * Elements with text of their own drawn over a gradient, in document order, at most `max`; with how many such
   * elements there were and how many stood over a background image instead. Text made transparent or painted by
   * its background (background-clip: text), disabled controls' text and text in SVG are left out.
   */
  checks.contrastCandidates = function (max) {
    var found = [];
    var gradients = 0;
    var pictures = 0;
    var seen = new Map();
    lib.allElements().forEach(function (el) {
      if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return;
      var own = false;
      for (var node = el.firstChild; node && !own; node = node.nextSibling) own = node.nodeType === 3 && /\S/.test(node.nodeValue);
      if (!own || !el.getClientRects().length) return;
      var style = getComputedStyle(el);
      if (style.visibility !== 'visible') return;
      var color = parseColor(style.color);
      if (!color || color[3] === 0 || style.webkitTextFillColor !== style.color || /text/.test(style.backgroundClip)) return;
      var kind = backdrop(el, seen);
      if (kind === 'colour') return;
      if (kind === 'picture') return void pictures++;
      if (disabled(el)) return;
      var opacity = opacityOf(el);
      if (opacity < 0.1) return;
      gradients++;
      if (found.length >= max) return;
      var boxes = characterBoxes(el);
      if (!boxes.length) return;
      found.push({
        el: el,
        color: [color[0], color[1], color[2], color[3] * opacity],
        size: parseFloat(style.fontSize),
        weight: parseFloat(style.fontWeight),
        boxes: boxes,
      });
    });
    state = { found: found, styles: null, release: null, scroll: [window.scrollX, window.scrollY] };
    return {
      candidates: found.map(function (c, i) {
        return { i: i, color: c.color, size: c.size, weight: c.weight, boxes: c.boxes };
      }),
      gradients: gradients,
      pictures: pictures,
    };
  };

  /** The candidates' text drawn transparent (transitions held, so at once), their background alone showing. */
  checks.contrastHide = function () {
    state.release = lib.holdStyles();
    state.styles = state.found.map(function (c) {
      var before = c.el.getAttribute('style');
      c.el.style.setProperty('color', 'transparent', 'important');
      c.el.style.setProperty('-webkit-text-fill-color', 'transparent', 'important');
      return before;
    });
  };

  /** What an element paints under text: 'picture' (an image, a background image, its own or a pseudo-element's), 'opaque' (a colour that hides what lies below), or ''. */
  function paints(a, painted) {
    if (painted.has(a)) return painted.get(a);
    var style = getComputedStyle(a);
    var bg = parseColor(style.backgroundColor);
    var kind =
      REPLACED.test(a.tagName) || url(style) || url(getComputedStyle(a, '::before')) || url(getComputedStyle(a, '::after'))
        ? 'picture'
        : bg && bg[3] >= 1
          ? 'opaque'
          : '';
    painted.set(a, kind);
    return kind;
  }
  /** Whether what is painted at a point, from the top down to the first opaque background, is all drawn by CSS (no picture: those are not fetched). */
  function drawnByCss(stack, el, painted) {
    if (!stack.length || (stack[0] !== el && !el.contains(stack[0]))) return false;
    for (var i = 0; i < stack.length; i++) {
      var kind = paints(stack[i], painted);
      if (kind) return kind === 'opaque';
    }
    return true;
  }

  /**
   * Scrolls the page to `top` and gives, for each candidate listed, its characters that show in the viewport on
   * top of everything else there and over a background drawn by CSS alone (page coordinates).
   */
  checks.contrastView = function (top, indices) {
    window.scrollTo(state.scroll[0], top);
    var dx = window.scrollX;
    var dy = window.scrollY;
    var painted = new Map();
    return indices.map(function (i) {
      var c = state.found[i];
      return c.boxes.filter(function (b) {
        var x = b[0] + b[2] / 2 - dx;
        var y = b[1] + b[3] / 2 - dy;
        if (b[1] - dy < 0 || b[1] + b[3] - dy > window.innerHeight || b[0] - dx < 0 || b[0] + b[2] - dx > window.innerWidth) return false;
        return drawnByCss(document.elementsFromPoint(x, y), c.el, painted);
      });
    });
  };

  /** The text's colours, the transitions and the scroll as they were. */
  checks.contrastRestore = function () {
    if (!state) return;
    if (state.styles)
      state.found.forEach(function (c, i) {
        // Read first: it brings the attribute up to date with the writes (else Chromium writes it out again, empty).
        if (c.el.getAttribute('style') === state.styles[i]) return;
        if (state.styles[i] === null) c.el.removeAttribute('style');
        else c.el.setAttribute('style', state.styles[i]);
      });
    // The colours computed again while transitions are still held, so that none fades back in.
    state.found.forEach(function (c) {
      void getComputedStyle(c.el).color;
    });
    if (state.release) state.release();
    window.scrollTo(state.scroll[0], state.scroll[1]);
    // The candidates are kept for contrastDescribe.
    state.styles = null;
    state.release = null;
  };

  checks.contrastDescribe = function (indices) {
    return indices.map(function (i) {
      return lib.describe(state.found[i].el);
    });
  };
})();
