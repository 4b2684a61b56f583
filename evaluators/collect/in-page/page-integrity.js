// Runs inside a page after page-checks.js, whose helpers (lib.describe) it uses: what leads off the site.
// Defines window.__govscoreIntegrity(), which reports the links to other hosts a visitor cannot see (and how
// the page hides each), the other links to other hosts, the scripts and frames other hosts serve, and the
// footer furniture (网站标识码, the ICP and 公安 filing lines, links that may be the 党政机关 badge). Nothing is
// judged here: which hosts are allowed, which words are commercial, which links are the filing systems' is
// the evaluator's (evaluators/link-safety.ts, identity.ts).
(function () {
  if (window.__govscoreIntegrity) return;
  var MAX_HIDDEN = 30;
  var MAX_OUTBOUND = 120;
  var MAX_SOURCES = 40;
  var MAX_FURNITURE = 30;
  var MAX_ANCESTORS = 25;
  // Hiding blocks tried for a way a visitor shows them (hidden-reveal.js): each costs a few style recalculations.
  var MAX_REVEAL_TRIES = MAX_HIDDEN;
  var FURNITURE_TEXT = /ICP|备案|公网安备|公安|网站标识|党政机关|政府网站找错/i;

  function text(el) {
    return (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
  }
  function nameOf(a) {
    var t = text(a);
    if (t) return t.slice(0, 80);
    var img = a.querySelector('img');
    return ((img && (img.getAttribute('alt') || img.getAttribute('title'))) || a.getAttribute('title') || '').slice(0, 80);
  }
  function webUrl(href) {
    try {
      var u = new URL(href, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
    } catch (_e) {
      return null;
    }
  }
  /** rgba() parts of a computed colour; null for transparent. */
  function rgba(value) {
    var m = /rgba?\(([^)]+)\)/.exec(value || '');
    if (!m) return null;
    var parts = m[1].split(',').map(function (s) {
      return parseFloat(s);
    });
    if (parts.length === 4 && parts[3] === 0) return null;
    return parts.slice(0, 3).join(',');
  }
  /** The colour behind an element: the first ancestor with a background colour (null when an image lies behind it). */
  function backgroundOf(el) {
    for (var node = el, i = 0; node && node.nodeType === 1 && i < MAX_ANCESTORS; node = node.parentElement, i++) {
      var style = getComputedStyle(node);
      if (style.backgroundImage && style.backgroundImage !== 'none') return null;
      var colour = rgba(style.backgroundColor);
      if (colour) return colour;
    }
    return '255,255,255';
  }
  function clipped(style) {
    if (style.position !== 'absolute' && style.position !== 'fixed') return false;
    var clip = (style.clip || '').replace(/\s+/g, '');
    if (/rect\(0(px)?,?0(px)?,?0(px)?,?0(px)?\)/.test(clip) || /rect\(1px,?1px,?1px,?1px\)/.test(clip)) return true;
    return /inset\((50|100)%\)/.test(style.clipPath || '');
  }

  /**
   * Text pushed away while the link shows a picture instead (a CSS logo or icon: text-indent:-9999px or font-size:0
   * over a background image, on the link or on the box the indent comes from): the visitor sees the link. `property`:
   * the pushing style, inherited from that box; the boxes up to it are the ones looked at.
   */
  function showsImage(a, own, property) {
    if (a.querySelector('img')) return true;
    var box = a.getBoundingClientRect();
    if (box.width < 8 || box.height < 8) return false;
    for (var node = a, i = 0; node && node.nodeType === 1 && node !== document.body && i < MAX_ANCESTORS; node = node.parentElement, i++) {
      var style = node === a ? own : getComputedStyle(node);
      if (style[property] !== own[property]) return false;
      if (style.backgroundImage !== 'none') return true;
    }
    return false;
  }

  /**
   * How the page keeps a link from a visitor: the computed style that hides it and the element carrying it
   * (itself or an ancestor), or null when it can be seen. Positioned off the page counts; scrolled out of a
   * box that scrolls does not.
   */
  function hiddenBy(a) {
    var own = getComputedStyle(a);
    if (own.visibility === 'hidden' || own.visibility === 'collapse') return { how: 'visibility:' + own.visibility, el: a };
    // Text made too small to read (under 2px: a 1px line of text is a dotted line at most) or pushed away: only a
    // link that has text (an empty link named by its title is an icon).
    var words = !!(a.textContent || '').trim();
    if (words && parseFloat(own.fontSize) < 2 && !showsImage(a, own, 'fontSize')) return { how: 'font-size:' + own.fontSize, el: a };
    if (words && parseFloat(own.textIndent) <= -999 && !showsImage(a, own, 'textIndent')) return { how: 'text-indent:' + own.textIndent, el: a };
    for (var node = a, i = 0; node && node.nodeType === 1 && node !== document.body && i < MAX_ANCESTORS; node = node.parentElement, i++) {
      var style = node === a ? own : getComputedStyle(node);
      if (style.display === 'none') return { how: 'display:none', el: node };
      if (parseFloat(style.opacity) === 0) return { how: 'opacity:0', el: node };
      if (clipped(style)) return { how: 'clip:' + (style.clip !== 'auto' ? style.clip : style.clipPath), el: node };
      if (words && node !== a && parseFloat(style.textIndent) <= -999 && !showsImage(a, own, 'textIndent'))
        return { how: 'text-indent:' + style.textIndent, el: node };
      var box = node.getBoundingClientRect();
      if ((style.overflow === 'hidden' || style.overflowX === 'hidden' || style.overflowY === 'hidden') && (box.width < 1 || box.height < 1))
        return { how: 'overflow:hidden;' + (box.width < 1 ? 'width:0' : 'height:0'), el: node };
    }
    var rect = a.getBoundingClientRect();
    var left = rect.left + window.scrollX;
    var top = rect.top + window.scrollY;
    var pageWidth = Math.max(document.documentElement.scrollWidth, document.documentElement.clientWidth);
    if (rect.width > 0 && rect.height > 0 && (left + rect.width <= 0 || top + rect.height <= 0 || left >= pageWidth + 200))
      return { how: 'position:' + own.position + ';left:' + Math.round(left) + 'px;top:' + Math.round(top) + 'px', el: a };
    if (rect.width < 1 && rect.height < 1 && a.getClientRects().length === 0) return { how: 'width:0;height:0', el: a };
    var colour = rgba(own.color);
    var behind = colour && !a.querySelector('img') ? backgroundOf(a) : null;
    if (behind && nearlySame(colour, behind))
      return { how: 'color:' + own.color + (colour === behind ? '（与背景同色）' : '（与背景色几乎相同：rgb(' + behind + ')）'), el: a };
    return null;
  }

  /**
   * Text a shade off its background cannot be told from it: no channel more than this apart (#f5f5f5 on white is 10,
   * the faintest grey used for visible text about 60). Per channel, not by luminance contrast: yellow on white has a
   * contrast of 1.07 and is plainly seen. A link one shade off is as hidden as one in the background's own colour,
   * which is how such links are planted to slip past an equality test.
   */
  var SAME_COLOUR_CHANNELS = 10;
  /** Whether two "r,g,b" colours differ by at most SAME_COLOUR_CHANNELS in every channel. */
  function nearlySame(a, b) {
    var x = a.split(',');
    var y = b.split(',');
    for (var c = 0; c < 3; c++) if (Math.abs(parseFloat(x[c]) - parseFloat(y[c])) > SAME_COLOUR_CHANNELS) return false;
    return true;
  }

  /** How the page shows the block hiding a link (hidden-reveal.js), or null; what the page's code throws while it is tried leaves it unexplained. */
  function revealed(a, block, describe) {
    try {
      return window.__govscoreReveal(a, block, hiddenBy.bind(null, a), describe);
    } catch (_e) {
      return null;
    }
  }

  /** Links to the page's own host inside the element that hides a link: a menu or tab panel holds them, an injected block does not. */
  function siteLinksIn(el, own) {
    var count = 0;
    var links = el.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      var u = webUrl(links[i].getAttribute('href'));
      if (u && own(u)) count++;
    }
    return count;
  }

  /**
   * `ownHosts`: other names of the page's own host (a saved copy served from elsewhere); the page's host by default.
   * `patterns`: the ICP and 公网安备 numbers' regular expressions (evaluators/lib/filing-numbers.ts).
   */
  window.__govscoreIntegrity = function (ownHosts, patterns) {
    var describe = window.__govscorePageChecks.lib.describe;
    var host = location.host;
    var own = function (u) {
      return u.host === host || (ownHosts || []).indexOf(u.host) >= 0;
    };
    var hidden = [];
    var outbound = [];
    var furniture = [];
    var seen = {};
    var shownBy = new Map();
    var anchors = document.querySelectorAll('a[href], area[href]');
    for (var i = 0; i < anchors.length; i++) {
      var a = anchors[i];
      var url = webUrl(a.getAttribute('href'));
      if (!url || own(url)) continue;
      var name = nameOf(a);
      var image = !!a.querySelector('img');
      if (furniture.length < MAX_FURNITURE && (image || FURNITURE_TEXT.test(name)))
        furniture.push({ href: url.href, text: name, image: image ? (a.querySelector('img').getAttribute('src') || '').slice(0, 200) : null });
      var by = hiddenBy(a);
      if (by && hidden.length < MAX_HIDDEN) {
        var shown = describe(a);
        if (name && !shownBy.has(by.el) && shownBy.size < MAX_REVEAL_TRIES) shownBy.set(by.el, revealed(a, by.el, describe));
        hidden.push({
          href: url.href,
          text: name,
          how: by.how,
          selector: shown.selector,
          html: shown.html,
          hiddenBy: by.el === a ? null : describe(by.el).selector,
          siteLinksBeside: by.el === a ? 0 : siteLinksIn(by.el, own),
          shownBy: shownBy.get(by.el) || null,
        });
      } else if (!by && !seen[url.href] && outbound.length < MAX_OUTBOUND) {
        seen[url.href] = true;
        outbound.push({ href: url.href, text: name, title: (a.getAttribute('title') || '').slice(0, 80) });
      }
    }
    window.__govscoreReveal.end();
    var sources = [];
    var elements = document.querySelectorAll('script[src], iframe[src], embed[src]');
    for (var j = 0; j < elements.length && sources.length < MAX_SOURCES; j++) {
      var src = webUrl(elements[j].getAttribute('src'));
      if (src && !own(src) && sources.indexOf(src.href) < 0) sources.push(src.href);
    }
    var body = document.body ? document.body.innerText || '' : '';
    var code = /网站标识码\s*[：:]?\s*([A-Za-z0-9]{10})(?![A-Za-z0-9])/.exec(body);
    var icp = new RegExp(patterns.icp).exec(body);
    var police = new RegExp(patterns.police).exec(body);
    return {
      url: location.href,
      hidden: hidden,
      outbound: outbound,
      sources: sources,
      furniture: {
        siteIdCode: code ? code[1] : null,
        icp: icp ? icp[0] : null,
        police: police ? police[0] : null,
        links: furniture,
      },
    };
  };
})();
