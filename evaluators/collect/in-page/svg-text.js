// Runs inside a page after page-checks.js, whose helpers (lib) it uses: images of text (1.4.5, ACT 0va7u6) that
// can be told without reading pixels. Adds window.__govscorePageChecks.svgTextImages(): the pictures shown by img
// and image buttons whose source is an SVG document written in the page (a data: address; SVG files are not
// fetched, the crawl loads no pictures) and whose picture is text — text elements saying at least two letters or
// characters, next to hardly any drawing. Text set in a picture cannot be enlarged alone, restyled or
// selected, which real text can. Logotypes (1.4.5's exception) are left out by their name, address or class;
// pictures where the text labels a drawing (a chart's axes, a map) have more than a few shapes and are left alone.
// Reported as suspected: a person confirms that the text is not essential to the picture.
(function () {
  var checks = window.__govscorePageChecks;
  if (!checks || checks.svgTextImages) return;
  var lib = checks.lib;
  var MAX_IMAGES = 300;
  // Drawing elements next to the text beyond which the text is a label of a picture, not the picture.
  var MAX_SHAPES = 3;
  var SHAPES = 'path, rect, circle, ellipse, line, polyline, polygon, image, use';
  var LOGO = /logo|标志|徽|商标|brand/i;
  var WORDS = /[\p{L}]{2,}/u;

  function svgSource(src) {
    if (!/^data:image\/svg\+xml/i.test(src)) return null;
    var comma = src.indexOf(',');
    if (comma < 0) return null;
    var meta = src.slice(0, comma);
    var body = src.slice(comma + 1);
    try {
      if (!/;base64/i.test(meta)) return decodeURIComponent(body);
      return new TextDecoder().decode(
        Uint8Array.from(atob(body), function (c) {
          return c.charCodeAt(0);
        }),
      );
    } catch (_e) {
      return /;base64/i.test(meta) ? null : body;
    }
  }
  // The text the SVG document shows as text, or '' when its text is a label of a drawing.
  function pictureText(source) {
    var doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    var root = doc.documentElement;
    if (!root || root.localName !== 'svg') return '';
    var texts = root.querySelectorAll('text');
    if (!texts.length || root.querySelectorAll(SHAPES).length > MAX_SHAPES) return '';
    var said = Array.prototype.map
      .call(texts, function (t) {
        return t.textContent || '';
      })
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    return WORDS.test(said) ? said : '';
  }
  function logotype(el) {
    var parent = el.parentElement;
    return [el.getAttribute('alt'), el.getAttribute('src'), el.id, el.className, parent && parent.id, parent && parent.className].some(function (s) {
      return typeof s === 'string' && LOGO.test(s);
    });
  }

  checks.svgTextImages = function () {
    var found = [];
    var said = [];
    Array.prototype.slice.call(document.querySelectorAll('img, input[type=image]'), 0, MAX_IMAGES).forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (!r.width || !r.height || logotype(el)) return;
      var source = svgSource(el.currentSrc || el.src || '');
      var text = source ? pictureText(source) : '';
      if (!text) return;
      found.push(el);
      said.push('“' + text.slice(0, 30) + '”');
    });
    if (!found.length) return null;
    var out = lib.issue('image-of-text', found, '图片是含文字的 SVG 图像，文字如：' + said.slice(0, 3).join('、'));
    out.suspected = true;
    return out;
  };
})();
