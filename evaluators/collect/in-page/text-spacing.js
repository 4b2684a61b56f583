// Runs inside a page after page-checks.js, whose helpers (lib) it uses: text spacing (1.4.12, ACT 78fd32).
// Adds window.__govscorePageChecks.lockedLineHeight(): elements whose style attribute sets line-height with
// !important below 1.5 times the font size, on text that wraps: a user's style sheet cannot open the lines up.
(function () {
  var checks = window.__govscorePageChecks;
  if (!checks || checks.lockedLineHeight) return;
  var lib = checks.lib;
  // What 1.4.12 asks a page to allow: line height at least 1.5 times the font size.
  var MIN_RATIO = 1.5;

  /** The element's own visible text wraps onto more than one line. */
  function wraps(el) {
    var range = document.createRange();
    for (var node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 3 || !/\S/.test(node.nodeValue)) continue;
      range.selectNodeContents(node);
      var tops = {};
      var rects = range.getClientRects();
      for (var i = 0; i < rects.length; i++) if (rects[i].width > 0) tops[Math.round(rects[i].top)] = true;
      if (Object.keys(tops).length > 1) return true;
    }
    return false;
  }

  checks.lockedLineHeight = function () {
    var found = [];
    var styled = document.body ? document.body.querySelectorAll('[style]') : [];
    for (var i = 0; i < styled.length && found.length < 50; i++) {
      var el = styled[i];
      if (!el.style || el.style.getPropertyPriority('line-height') !== 'important') continue;
      if (/^(inherit|unset|initial|revert|revert-layer)$/.test(el.style.getPropertyValue('line-height').trim())) continue;
      if (!el.getClientRects().length) continue;
      var s = getComputedStyle(el);
      var size = parseFloat(s.fontSize);
      var line = s.lineHeight === 'normal' ? 1.2 * size : parseFloat(s.lineHeight);
      if (!(size > 0) || !(line >= 0) || line >= MIN_RATIO * size - 0.5) continue;
      var r = el.getBoundingClientRect();
      if (r.right + window.scrollX <= 0 || r.bottom + window.scrollY <= 0) continue;
      if (wraps(el)) found.push(el);
    }
    return found.length
      ? lib.issue('line-height-locked', found, found.length + ' 个元素在 style 属性中用 !important 把行高固定在字号的 1.5 倍以下，用户无法调大行距')
      : null;
  };
})();
