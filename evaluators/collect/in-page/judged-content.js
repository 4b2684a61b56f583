// Runs inside a page after page-checks.js, whose helpers (lib) it uses: what a person judges (is this name
// descriptive, does this video have an alternative, can this shortcut be turned off), read where the markup makes a
// failure likely. Everything found here is reported as suspected, for a reviewer. Adds to window.__govscorePageChecks:
// - judgedRead(): the names of the images, links and fields in the accessibility tree and the page's title with its
//   text (the driver, ../judged-content.ts, judges them with evaluators/lib/judged-names.ts), images hidden from it
//   that carry a name, audio or video with no captions track, transcript link or text beside it (1.2.1, 1.2.2), video described only by a descriptions
//   track (1.2.1, 1.2.3), fields of one form whose labels are the same with nothing visible to tell them apart
//   (2.4.6), parts whose lang names a
//   language of another script than their text's (3.1.2), and the text each lang governs (the driver detects its language);
// - judgedDescribe(indices): the elements the driver picked, described;
// - shortcutArm() / shortcutRead(): whether a printable key pressed with nothing focused makes the page act
//   (a single-character shortcut, 2.1.4), and whether a visible control offers to turn shortcuts off or remap them.
(function () {
  var checks = window.__govscorePageChecks;
  if (!checks || checks.judgedRead) return;
  var lib = checks.lib;
  var MAX_READ = 3000;
  var TRANSCRIPT = /transcript|text version|文字稿|文字实录|文字版|图文实录|字幕|文本/i;
  // A setting that turns shortcuts off or remaps them onto a modifier key (its name, or the text of the box it sits in).
  var TURNS_OFF = /shortcut|hot\s?key|access\s?key|\bctrl\b|modifier|remap|快捷键|热键|组合键/i;
  // Text beside a media element long enough to be its alternative: words of Latin script plus Han characters.
  var ALTERNATIVE_WORDS = 40;
  var read = [];

  function text(el) {
    return (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
  }
  function byIds(ids) {
    return (ids || '')
      .split(/\s+/)
      .map(function (id) {
        var target = id && document.getElementById(id);
        return target ? (target.textContent || '').replace(/\s+/g, ' ').trim() : '';
      })
      .join(' ')
      .trim();
  }
  function shown(el) {
    if (!el.getClientRects().length || el.closest('[aria-hidden=true]')) return false;
    var style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.visibility !== 'collapse';
  }
  function role(el) {
    return (el.getAttribute('role') || '').trim().split(/\s+/)[0].toLowerCase();
  }
  /** The accessible name as the attributes give it, in their order of precedence; then `fallback`. */
  function nameOf(el, fallback) {
    return byIds(el.getAttribute('aria-labelledby')) || (el.getAttribute('aria-label') || '').trim() || fallback() || (el.getAttribute('title') || '').trim();
  }
  function linkText(el) {
    var parts = [text(el)];
    var images = el.querySelectorAll('img[alt]');
    for (var i = 0; i < images.length; i++) parts.push(images[i].getAttribute('alt'));
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  }
  function keep(el) {
    return read.push(el) - 1;
  }
  /** The nearest ancestor laid out as a block (not inline): the paragraph, item or cell around a link; the body at most. */
  function block(el) {
    for (var a = el.parentElement; a; a = a.parentElement) {
      if (a === document.body || a === document.documentElement) return document.body;
      var display = getComputedStyle(a).display;
      if (display !== 'inline' && display !== 'contents') return a;
    }
    return null;
  }
  /** Where a link goes: its href, or the address its click handler sends the window to (role=link on a span). */
  function destination(el) {
    var href = el.getAttribute('href') || el.getAttribute('xlink:href');
    if (!href) {
      var handler = el.getAttribute('onclick') || '';
      var m = /location(?:\.href)?\s*=\s*['"]([^'"]+)['"]|window\.open\s*\(\s*['"]([^'"]+)['"]/.exec(handler);
      href = m ? m[1] || m[2] : '';
    }
    if (!href) return '';
    try {
      return new URL(href, document.baseURI).href;
    } catch (_e) {
      return '';
    }
  }
  /**
   * What around a link tells its purpose (2.4.4 "in context"): a description, the other text of the paragraph,
   * item or cell it sits in, or a heading before it in its box (technique H80: a column's 更多 under its heading).
   */
  function hasContext(el, name) {
    if (byIds(el.getAttribute('aria-describedby'))) return true;
    var title = (el.getAttribute('title') || '').trim();
    if (title && title !== name) return true;
    var around = block(el);
    if (
      around !== document.body &&
      text(around)
        .replace(name, '')
        .replace(/[\s\p{P}\p{S}]+/gu, '').length >= 2
    )
      return true;
    for (var a = el.parentElement, up = 0; a && a !== document.body && up < 3; a = a.parentElement, up++) {
      var headings = a.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]');
      for (var i = 0; i < headings.length; i++)
        if (headings[i].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && text(headings[i])) return true;
    }
    return false;
  }
  function fileOf(url) {
    var path = (url || '').split(/[?#]/)[0];
    try {
      path = decodeURIComponent(path);
    } catch (_e) {
      // kept as written
    }
    return path.slice(path.lastIndexOf('/') + 1);
  }

  function images() {
    var out = [];
    var hidden = [];
    var all = document.querySelectorAll('img, input[type=image], [role=img]');
    for (var i = 0; i < all.length && out.length < MAX_READ; i++) {
      var el = all[i];
      var r = role(el);
      if (r === 'presentation' || r === 'none') continue;
      var alt = (el.getAttribute('alt') || '').trim();
      if (!el.getClientRects().length) continue;
      // Hidden from assistive technology while its alt describes it: the author took it for content, then hid it.
      if (el.closest('[aria-hidden=true]')) {
        if (el.tagName === 'IMG' && alt) hidden.push(el);
        continue;
      }
      if (!shown(el)) continue;
      var name = nameOf(el, function () {
        return alt;
      });
      if (!name) continue;
      var link = el.closest('a[href]');
      out.push({ i: keep(el), name: name.slice(0, 200), linked: link ? fileOf(link.getAttribute('href')) : null });
    }
    return { images: out, hidden: hidden };
  }

  function links() {
    var out = [];
    var blocks = [];
    var all = document.querySelectorAll('a[href], area[href], [role=link]');
    for (var i = 0; i < all.length && out.length < MAX_READ; i++) {
      var el = all[i];
      var r = role(el);
      if (r && r !== 'link') continue;
      if (!shown(el)) continue;
      var name = nameOf(el, function () {
        return el.tagName === 'AREA' ? (el.getAttribute('alt') || '').trim() : linkText(el);
      });
      if (!name) continue;
      var around = block(el);
      var group = blocks.indexOf(around);
      if (group < 0) group = blocks.push(around) - 1;
      out.push({ i: keep(el), name: name.slice(0, 200), context: hasContext(el, name), group: group, href: destination(el) });
    }
    return out;
  }

  /** Latin words plus Han characters: how much a text says, in either script. */
  function words(s) {
    return (s.match(/[A-Za-z\u00c0-\u024f]+/g) || []).length + (s.match(/[\u3400-\u4dbf\u4e00-\u9fff]/g) || []).length;
  }
  /**
   * Audio or video a person can play with nothing beside it standing for its sound (captions, a transcript, text);
   * and video whose pictures are described only by a text track of kind descriptions, which players and screen
   * readers do not voice (no browser plays it as sound), with no transcript or text beside it.
   */
  function media() {
    var transcript = Array.prototype.some.call(document.querySelectorAll('a[href], button, [role=link], [role=button]'), function (el) {
      return shown(el) && TRANSCRIPT.test(linkText(el) + ' ' + (el.getAttribute('aria-label') || '') + ' ' + (el.getAttribute('title') || ''));
    });
    var videos = [];
    var audios = [];
    var described = [];
    Array.prototype.forEach.call(document.querySelectorAll('video, audio'), function (el) {
      var video = el.tagName === 'VIDEO';
      if (!shown(el) || (!video && !el.controls)) return;
      if (!el.getAttribute('src') && !el.querySelector('source[src]')) return;
      if (transcript) return;
      // The text around it: its parent's and grandparent's, short of the whole page's.
      var box = el.parentElement;
      if (box && box !== document.body && box.parentElement && box.parentElement !== document.body) box = box.parentElement;
      if (box && words(text(box)) >= ALTERNATIVE_WORDS) return;
      var kinds = Array.prototype.map.call(el.querySelectorAll('track[src]'), function (t) {
        return (t.getAttribute('kind') || 'subtitles').trim().toLowerCase();
      });
      if (video && kinds.indexOf('descriptions') >= 0) described.push(el);
      // Muted: no sound to stand for. Whether the file has sound at all is not read (the crawl fetches no media).
      if (el.muted || el.hasAttribute('muted')) return;
      if (kinds.indexOf('captions') >= 0 || kinds.indexOf('subtitles') >= 0) return;
      (video ? videos : audios).push(el);
    });
    return { videos: videos, audios: audios, described: described };
  }

  /** Visible where a sighted person sees it: laid out, not hidden, not moved off the page, not clipped to a pixel. */
  function seen(el) {
    if (!shown(el)) return false;
    var r = el.getBoundingClientRect();
    return r.right + window.scrollX > 0 && r.bottom + window.scrollY > 0 && r.width * r.height > 1;
  }
  /**
   * Fields of one form (or of the page, outside forms) sharing one label with nothing visible to tell them apart
   * (2.4.6): two 姓名 boxes, the applicant's and the agent's, with no visible legend or heading above either that the
   * other does not share. Radio buttons and checkboxes share names by design (是/否 in each group): left out, as are
   * copies of one control (one name attribute).
   */
  function sameLabels() {
    var headings = Array.prototype.filter.call(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]'), function (h) {
      return text(h) && seen(h);
    });
    var caption = function (el) {
      var fieldset = el.closest('fieldset');
      var legend = fieldset && fieldset.querySelector('legend');
      if (legend && text(legend) && seen(legend)) return 'legend:' + text(legend);
      var above = '';
      for (var i = 0; i < headings.length && headings[i].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING; i++) above = text(headings[i]);
      return above ? 'heading:' + above : '';
    };
    var groups = new Map();
    var fields = document.querySelectorAll('input, select, textarea, [role=textbox], [role=combobox], [role=searchbox], [role=spinbutton]');
    for (var i = 0; i < fields.length && i < MAX_READ; i++) {
      var el = fields[i];
      if (el.tagName === 'INPUT' && /^(hidden|submit|button|reset|image|radio|checkbox|file|color|range)$/i.test(el.type)) continue;
      if (el.disabled || !seen(el)) continue;
      var name = nameOf(el, function () {
        return el.labels && el.labels.length ? text(el.labels[0]) : '';
      })
        .toLowerCase()
        .replace(/[\s\p{P}\p{S}]+/gu, '');
      if (!name) continue;
      var key = (el.form ? Array.prototype.indexOf.call(document.forms, el.form) : -1) + '\u0000' + name;
      groups.set(key, (groups.get(key) || []).concat([el]));
    }
    var found = [];
    groups.forEach(function (members) {
      // One control written twice (a page-number box above and below a list) has one name attribute: one purpose.
      var names = members.map(function (m) {
        return m.getAttribute('name') || '';
      });
      var oneControl =
        names[0] &&
        names.every(function (n) {
          return n === names[0];
        });
      if (members.length < 2 || oneControl) return;
      var captions = members.map(caption);
      if (
        captions.some(function (c, j) {
          return captions.indexOf(c) !== j;
        })
      )
        found = found.concat(members);
    });
    return found;
  }

  /**
   * Each field's label as a sighted person reads it (2.4.6): the visible elements it is labelled by (aria-labelledby,
   * those shown only), else its aria-label, its first label's text or its title. Buttons, radio buttons and
   * checkboxes are left out: their names are their text.
   */
  function fieldLabels() {
    var out = [];
    var fields = document.querySelectorAll('input, select, textarea, [role=textbox], [role=combobox], [role=searchbox], [role=spinbutton]');
    for (var i = 0; i < fields.length && out.length < MAX_READ; i++) {
      var el = fields[i];
      if (el.tagName === 'INPUT' && /^(hidden|submit|button|reset|image|radio|checkbox|file|color|range)$/i.test(el.type)) continue;
      if (el.disabled || !seen(el)) continue;
      var by = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
      var label = by.length
        ? by
            .map(function (id) {
              var target = document.getElementById(id);
              return target && seen(target) ? text(target) : '';
            })
            .join(' ')
            .trim()
        : (el.getAttribute('aria-label') || '').trim() || (el.labels && el.labels.length ? text(el.labels[0]) : '') || (el.getAttribute('title') || '').trim();
      if (label) out.push({ i: keep(el), name: label.slice(0, 200) });
    }
    return out;
  }

  /**
   * The page's title and its own text, for the driver to tell whether the one says what the other is (2.4.2): the
   * visible text and the images' names, and the main headings shown (h1, or a heading of level 1 by its role).
   * HTML documents only (an SVG document's title is its picture's).
   */
  function titleAndText() {
    if (document.documentElement.tagName !== 'HTML' || !document.body) return null;
    var title = document.title.replace(/\s+/g, ' ').trim();
    if (!title) return null;
    var said = [text(document.body).slice(0, 100000)];
    var pictures = document.body.querySelectorAll('img[alt], [role=img][aria-label], input[type=image][alt]');
    for (var i = 0; i < pictures.length && i < MAX_READ; i++)
      if (shown(pictures[i])) said.push(pictures[i].getAttribute('alt') || pictures[i].getAttribute('aria-label'));
    var headings = [];
    var mains = document.body.querySelectorAll('h1, [role=heading][aria-level="1"]');
    for (var j = 0; j < mains.length && headings.length < 5; j++) if (shown(mains[j]) && text(mains[j])) headings.push(text(mains[j]).slice(0, 300));
    return { title: title, text: said.join(' '), headings: headings };
  }

  /** The element's own text: its descendants with a lang of their own left out. */
  function ownText(el) {
    var out = '';
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node && out.length < 2000; node = walker.nextNode()) {
      var holder = node.parentElement && node.parentElement.closest('[lang]');
      if (holder === el && !node.parentElement.closest('script, style, template')) out += node.nodeValue;
    }
    return out;
  }
  /**
   * Parts of the page whose lang says another script than their text's (3.1.2): Chinese text marked as a language
   * written in another script (lang="en" on a Chinese paragraph), or text without a Han character marked Chinese.
   * Which Latin-script language a text is in is not judged.
   */
  function languageMarks() {
    var found = [];
    var marked = document.body ? document.body.querySelectorAll('[lang]') : [];
    for (var i = 0; i < marked.length && i < 500; i++) {
      var el = marked[i];
      var primary = (el.getAttribute('lang') || '').trim().toLowerCase().split(/[-_]/)[0];
      if (!primary || !shown(el)) continue;
      var own = ownText(el);
      var han = (own.match(/[\u3400-\u4dbf\u4e00-\u9fff]/g) || []).length;
      var latin = (own.match(/[A-Za-z]/g) || []).length;
      var other = (own.match(/[\u3040-\u30ff\uac00-\ud7af]/g) || []).length;
      var chinese = primary === 'zh' || primary === 'cmn' || primary === 'yue';
      var cjk = chinese || primary === 'ja' || primary === 'ko';
      if (chinese && han === 0 && other === 0 && latin >= 20) found.push(el);
      else if (!cjk && han >= 10 && han > latin && other === 0) found.push(el);
    }
    return found;
  }

  /**
   * The text each lang attribute governs, for the driver's language detectors (3.1.1 for the page's root, 3.1.2 for
   * the parts): the visible text whose nearest lang is that element's, and the names of the images under it. Parts
   * declared Chinese, Japanese or Korean are left out: languageMarks and the page's markup check judge those by script.
   */
  function languageSamples() {
    var root = document.documentElement;
    if (!document.body) return [];
    var holders = [root].concat(Array.prototype.slice.call(document.body.querySelectorAll('[lang]'), 0, 500));
    var texts = new Map();
    holders.forEach(function (h) {
      var primary = (h.getAttribute('lang') || '').trim().toLowerCase().split(/[-_]/)[0];
      if (primary && !/^(zh|cmn|yue|wuu|ja|ko)$/.test(primary) && (h === root || shown(h))) texts.set(h, '');
    });
    if (!texts.size) return [];
    var add = function (holder, s) {
      var had = texts.get(holder);
      if (had !== undefined && had.length < 1000) texts.set(holder, had + ' ' + s);
    };
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var seen = 0;
    for (var node = walker.nextNode(); node && seen < 20000; node = walker.nextNode(), seen++) {
      var parent = node.parentElement;
      if (!parent || !node.nodeValue.trim() || parent.closest('script, style, template, noscript')) continue;
      var holder = parent.closest('[lang]');
      if (holder && texts.has(holder) && parent.getClientRects().length) add(holder, node.nodeValue);
    }
    // An image's name is read in the language around the image, wherever the text it is taken from sits.
    var pictures = document.body.querySelectorAll('img, [role=img], svg, canvas, input[type=image]');
    for (var i = 0; i < pictures.length && i < MAX_READ; i++) {
      var el = pictures[i];
      var at = el.closest('[lang]');
      if (!at || !texts.has(at) || !shown(el)) continue;
      var name = nameOf(el, function () {
        return (el.getAttribute('alt') || '').trim();
      });
      if (name) add(at, name);
    }
    var out = [];
    texts.forEach(function (said, holder) {
      said = said.replace(/\s+/g, ' ').trim();
      if (said.length >= 10) out.push({ i: keep(holder), lang: holder.getAttribute('lang').trim(), root: holder === root, text: said });
    });
    return out;
  }

  checks.judgedRead = function () {
    read = [];
    var found = images();
    var playing = media();
    var issues = [];
    if (found.hidden.length) issues.push(lib.issue('hidden-image-with-alt', found.hidden));
    if (playing.videos.length) issues.push(lib.issue('video-without-captions', playing.videos));
    if (playing.audios.length) issues.push(lib.issue('audio-without-transcript', playing.audios));
    if (playing.described.length) issues.push(lib.issue('video-description-track-only', playing.described));
    var labels = sameLabels();
    if (labels.length) issues.push(lib.issue('label-not-distinct', labels));
    var languages = languageMarks();
    if (languages.length) issues.push(lib.issue('element-language', languages));
    issues.forEach(function (i) {
      i.suspected = true;
    });
    return { images: found.images, links: links(), labels: fieldLabels(), title: titleAndText(), languages: languageSamples(), issues: issues };
  };
  checks.judgedDescribe = function (indices) {
    return indices.map(function (i) {
      return lib.describe(read[i]);
    });
  };

  // --- single-character shortcuts ---------------------------------------------------------------------

  var probe = null;
  /** Listens for what the page does while each key is handled: a change to the document, or the key's default prevented. */
  checks.shortcutArm = function () {
    var active = document.activeElement;
    if (active && active !== document.body && active.blur) active.blur();
    if (probe) return;
    // Microtasks run after each listener of a key the user pressed: the page's changes may reach the observer's
    // callback before the last listener (ours, on window) runs, or still be waiting in its queue.
    probe = { keys: [], changed: false };
    probe.observer = new MutationObserver(function () {
      probe.changed = true;
    });
    probe.observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    var before = function () {
      probe.observer.takeRecords();
      probe.changed = false;
    };
    var after = function (e) {
      if (e.key.length !== 1) return;
      var changed = probe.observer.takeRecords().length > 0 || probe.changed;
      if ((changed || e.defaultPrevented) && probe.keys.indexOf(e.key) < 0) probe.keys.push(e.key);
    };
    ['keydown', 'keypress', 'keyup'].forEach(function (type) {
      window.addEventListener(type, before, true);
      window.addEventListener(type, after, false);
    });
    probe.remove = function () {
      ['keydown', 'keypress', 'keyup'].forEach(function (type) {
        window.removeEventListener(type, before, true);
        window.removeEventListener(type, after, false);
      });
      probe.observer.disconnect();
    };
  };
  function offersToTurnOff() {
    return Array.prototype.some.call(
      document.querySelectorAll('input[type=checkbox], [role=switch], [role=checkbox], button, input[type=button], select, a[href]'),
      function (el) {
        if (!shown(el)) return false;
        var said =
          (el.labels && el.labels.length ? text(el.labels[0]) : '') + ' ' + linkText(el) + ' ' + (el.value || '') + ' ' + (el.getAttribute('aria-label') || '');
        if (TURNS_OFF.test(said)) return true;
        // The settings' box: up to three levels around the control (a label in a list under a heading), short of the body.
        for (var box = el.parentElement, up = 0; box && box !== document.body && up < 3; box = box.parentElement, up++)
          if (TURNS_OFF.test(text(box).slice(0, 300))) return true;
        return false;
      },
    );
  }
  checks.shortcutRead = function () {
    if (!probe) return null;
    var keys = probe.keys;
    probe.remove();
    probe = null;
    if (!keys.length || offersToTurnOff()) return null;
    return {
      check: 'character-shortcut',
      count: keys.length,
      examples: [{ selector: 'body', html: '<body>' }],
      detail: '没有焦点时按下单个字符键（' + keys.slice(0, 5).join(' ') + '）页面即有动作，页面上未见关闭或改用组合键的设置',
      suspected: true,
    };
  };
})();
