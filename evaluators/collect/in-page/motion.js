// Runs inside a page (plain browser JavaScript, no imports): content that moves, scrolls, rotates or updates
// by itself (WCAG 2.2.2) and media that plays sound by itself (1.4.2). Defines window.__govscoreMotion for
// the driver (../motion.ts), which waits between the calls: begin() takes a first look and starts listening
// to the DOM's changes; look() takes another; settle(ms) watches what changed only once (a carousel between
// two slides) or looks like a carousel for a second change; movers() lists what moved with the controls
// beside it; hold/mark/held/press let the driver hover, focus and press; media() reads the audio and video
// elements. Reading is cheap: element boxes and a few styles, three times; waiting is timers.
(function () {
  if (window.__govscoreMotion) return;
  var MAX_ELEMENTS = 4000;
  var MAX_RECORDS = 20000;
  // Changes closer together than this are one transition (a slide moving frame by frame), not two.
  var GAP_MS = 400;
  var POLL_MS = 250;
  // Moments of an animation's cycle at which an element it hides now is read: a blink shown a tenth of the time is seen.
  var CYCLE_READS = 12;
  // Animations and movements that say they are a loading indicator: essential while something loads (2.2.2's
  // preload note), and this check cannot tell whether the load they announce is over.
  var LOADING = /\b(loading|loader|spinner|spin)\b|加载|载入|读取中/i;
  // A control's name that pauses, stops, hides or slows what moves: beside the content, or anywhere on the page
  // for the unambiguous words (关闭/× beside it only: 关闭窗口 at the foot of an article closes the window).
  var NEAR_WORDS = /暂停|停止|关闭|隐藏|频率|速度|pause|stop|close|hide|frequency|speed|^\s*[×✕✖╳xX]\s*$/i;
  var PAGE_WORDS = /暂停|停止滚动|停止播放|停止更新|隐藏|频率|\bpause|\bstop\b|\bhide\b|frequency|\bcontrols?\b/i;
  // A media control: beside the element, or anywhere for the words that can only mean sound.
  var MEDIA_NEAR_WORDS = /暂停|停止|静音|音量|声音|播放|pause|stop|mute|volume|sound|audio|play/i;
  var MEDIA_PAGE_WORDS = /静音|音量|声音|音乐|背景音|\bmute|volume|\bsound|\baudio/i;
  var CONTROL = 'a, button, input[type=button], input[type=submit], input[type=reset], input[type=image], [role=button], [onclick]';
  var FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';
  var state = null;

  function text(el) {
    return (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
  }
  /** The element as every check names it: page-checks.js's selector and snippet (that script is in the page first). */
  function describe(el) {
    return window.__govscorePageChecks.lib.describe(el);
  }
  function area(el) {
    var r = el.getBoundingClientRect();
    return r.width * r.height;
  }
  /** Drawn, with a size, not hidden from assistive technology: a control a user can find. */
  function usable(el) {
    if (!el.getClientRects().length || el.closest('[aria-hidden=true]')) return false;
    var r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    var s = getComputedStyle(el);
    return s.visibility === 'visible' && parseFloat(s.opacity) > 0.05;
  }
  function nameOf(el) {
    var label = (el.getAttribute('aria-label') || '').trim();
    if (label) return label;
    var ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/);
    var named = ids
      .map(function (id) {
        var t = id && document.getElementById(id);
        return t ? text(t) : '';
      })
      .join(' ')
      .trim();
    if (named) return named;
    if (el.tagName === 'INPUT') return ((el.type === 'image' ? el.alt : el.value) || el.title || '').trim();
    var own = text(el);
    if (own) return own;
    var img = el.querySelector('img[alt]');
    return ((img && img.getAttribute('alt')) || el.title || '').trim();
  }

  // --- looking ----------------------------------------------------------------------------------------

  /**
   * Each tracked element's box in document coordinates, whether it is shown, its scroll offsets, and whether
   * it is more shown than not (opacity at least half: two slides cross-fading cross it at one moment).
   */
  function snapshot() {
    var els = state.els;
    var out = new Array(els.length);
    var sx = window.scrollX;
    var sy = window.scrollY;
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (!el.isConnected) {
        out[i] = null;
        continue;
      }
      var r = el.getBoundingClientRect();
      var shown = r.width > 0 && r.height > 0;
      var opacity = 0;
      if (shown) {
        var s = getComputedStyle(el);
        opacity = parseFloat(s.opacity);
        shown = s.visibility === 'visible' && opacity > 0.05;
      }
      var box = [r.left + sx, r.top + sy, r.width, r.height, shown ? 1 : 0, el.scrollLeft, el.scrollTop, shown && opacity >= 0.5 ? 1 : 0];
      // A marquee moves its content inside its own shadow tree: the content's box is what moves (kept where a
      // marquee's own scroll offsets would be, which it does not use).
      if (el.tagName === 'MARQUEE') {
        var range = document.createRange();
        range.selectNodeContents(el);
        var c = range.getBoundingClientRect();
        box[5] = Math.round(c.left);
        box[6] = Math.round(c.top);
      }
      out[i] = box;
    }
    return out;
  }
  var MOVE = 1;
  var SCROLL = 2;
  var SWAP = 4;
  /** What changed between two looks: elements that moved inside a parent that stayed put, scrolled, or swapped children shown. */
  function compare(a, b) {
    var els = state.els;
    var kinds = new Map();
    var add = function (el, kind) {
      kinds.set(el, (kinds.get(el) || 0) | kind);
    };
    var changed = function (i, k) {
      return a[i] && b[i] && Math.abs(a[i][k] - b[i][k]) >= 1;
    };
    var moved = function (i) {
      return changed(i, 0) || changed(i, 1);
    };
    var resized = function (i) {
      return changed(i, 2) || changed(i, 3) || (a[i] && b[i] && a[i][4] !== b[i][4]);
    };
    var hid = new Map();
    var showed = new Map();
    for (var i = 1; i < els.length; i++) {
      if (!a[i] || !b[i]) continue;
      var el = els[i];
      var p = state.index.get(el.parentElement);
      var parentStill = p === undefined || (!moved(p) && !changed(p, 2) && !changed(p, 3));
      if (el.tagName === 'MARQUEE' && (changed(i, 5) || changed(i, 6))) add(el, MOVE);
      else if (changed(i, 5) || changed(i, 6)) add(el, SCROLL);
      if (a[i][7] !== b[i][7] && p !== undefined && !moved(p)) (b[i][7] ? showed : hid).set(el.parentElement, true);
      // What moves and keeps its size: an element that moved as its own content changed width (a date filled in) did not.
      if (!a[i][4] || !b[i][4] || !moved(i) || resized(i) || !parentStill) continue;
      // In the flow, an element also moves when something before it grows or appears: a layout shift, not motion.
      var position = getComputedStyle(el).position;
      if (position !== 'absolute' && position !== 'fixed') {
        var shifted = false;
        for (var s = el.previousElementSibling; s && !shifted; s = s.previousElementSibling) {
          var j = state.index.get(s);
          if (j !== undefined && resized(j)) shifted = true;
        }
        if (shifted) continue;
      }
      add(el, MOVE);
    }
    // Children of one parent hidden and shown by themselves: slides or tabs taking turns.
    hid.forEach(function (_v, parent) {
      if (showed.has(parent)) add(parent, SWAP);
    });
    return kinds;
  }

  function onRecords(records) {
    var now = performance.now();
    for (var i = 0; i < records.length; i++) {
      if (state.recordCount++ > MAX_RECORDS) {
        state.observer.disconnect();
        return;
      }
      var r = records[i];
      var target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (!target) continue;
      var times = state.times.get(target);
      if (!times) state.times.set(target, (times = []));
      if (times.length < 64 && (!times.length || now - times[times.length - 1] > 50)) times.push(now);
      // Text replaced (not filled in for the first time), what ACT's auto-updating text rule watches, or a
      // picture's source replaced (an old-style slideshow swapping one <img>'s src).
      var replaced =
        r.type === 'characterData'
          ? !!(r.oldValue || '').trim() && r.oldValue !== r.target.nodeValue
          : r.type === 'attributes'
            ? r.attributeName === 'src' && target.tagName === 'IMG' && !!r.oldValue && r.oldValue !== target.getAttribute('src')
            : replacedText(r);
      if (replaced) {
        var t = state.updates.get(target);
        if (!t) state.updates.set(target, (t = []));
        if (t.length < 64) t.push(now);
      }
    }
  }
  function replacedText(r) {
    if (r.type !== 'childList' || !r.removedNodes.length || !r.addedNodes.length) return false;
    var said = function (nodes) {
      var s = '';
      for (var i = 0; i < nodes.length; i++) s += nodes[i].textContent || '';
      return s.replace(/\s+/g, ' ').trim();
    };
    var before = said(r.removedNodes);
    return !!before && before !== said(r.addedNodes);
  }

  /** Moments of change inside the element (by the DOM's records): changes less than GAP_MS apart are one. */
  function bursts(el, map) {
    var all = [];
    map.forEach(function (times, target) {
      if (el === target || el.contains(target)) all.push.apply(all, times);
    });
    all.sort(function (x, y) {
      return x - y;
    });
    var out = [];
    for (var i = 0; i < all.length; i++)
      if (!out.length || all[i] - out[out.length - 1].end > GAP_MS) out.push({ start: all[i], end: all[i] });
      else out[out.length - 1].end = all[i];
    return out;
  }

  /** Text whose change is its own (no changing child) and not the page's only text (ACT efbfc7's applicability), or a drawn picture. */
  function updateTarget(el) {
    if (!el.isConnected || !el.getClientRects().length) return false;
    if (el.tagName === 'IMG') return area(el) >= 16;
    var own = text(el);
    if (!own) return false;
    for (var a = el.parentElement; a; a = a.parentElement) {
      var t = text(a);
      if (t && t !== own) return true;
    }
    return false;
  }

  /** Animations (CSS or scripted) running with no end, or longer than 5 s from now, on a drawn element. */
  function longAnimations() {
    var out = new Map();
    var all = document.getAnimations ? document.getAnimations() : [];
    for (var i = 0; i < all.length; i++) {
      var anim = all[i];
      if (anim.playState !== 'running' || (window.CSSTransition && anim instanceof CSSTransition)) continue;
      var effect = anim.effect;
      var target = effect && effect.target;
      if (!target || target.nodeType !== 1 || !effect.getComputedTiming) continue;
      var timing = effect.getComputedTiming();
      var left = (timing.endTime - (timing.localTime || 0)) / Math.abs(anim.playbackRate || 1);
      if (!(timing.iterations === Infinity || left > 5000) || !anim.playbackRate) continue;
      if (area(target) < 16 || !shownDuring(anim, target)) continue;
      if (!out.has(target)) out.set(target, { anim: anim, infinite: timing.iterations === Infinity, seconds: Math.round(left / 1000) });
    }
    return out;
  }
  /**
   * Whether the animated element is drawn at some moment of its animation's cycle, whatever the moment now: a
   * blink hides it half of the time. Read at moments of one iteration by setting the animation's time and
   * putting it back, all in this task (the page draws nothing meanwhile): not when the watch happened to look.
   */
  function shownDuring(anim, el) {
    if (usable(el)) return true;
    var duration = Number(anim.effect.getComputedTiming().duration);
    var now = anim.currentTime;
    if (!(duration > 0) || !isFinite(duration) || now === null) return false;
    var shown = false;
    try {
      for (var k = 1; k < CYCLE_READS && !shown; k++) {
        anim.currentTime = now + ((duration * k) / CYCLE_READS) * Math.sign(anim.playbackRate);
        shown = usable(el);
      }
    } finally {
      anim.currentTime = now;
    }
    return shown;
  }
  function loadingIndicator(el) {
    for (var a = el, depth = 0; a && a !== document.body && depth < 3; a = a.parentElement, depth++) {
      var role = a.getAttribute('role') || '';
      if (/^(progressbar|status)$/.test(role) || a.getAttribute('aria-busy') === 'true') return true;
      var said = (typeof a.className === 'string' ? a.className : '') + ' ' + a.id + ' ' + (a.getAttribute('aria-label') || '') + ' ' + (a.title || '');
      if (LOADING.test(said) || (a.children.length === 0 && LOADING.test(text(a)))) return true;
    }
    return false;
  }

  /**
   * Containers that look as if they rotate their content even though nothing changed yet: a box clipping
   * content at least half again its size (a track of slides, a ticker's list), or a few siblings of one tag,
   * pictures among them, one shown (two while they cross-fade) and the rest hidden (stacked slides).
   */
  function rotatorLike(els) {
    var out = [];
    for (var i = 1; i < els.length && out.length < 20; i++) {
      var el = els[i];
      if (!el.firstElementChild) continue;
      var r = el.getBoundingClientRect();
      if (r.width < 40 || r.height < 16) continue;
      var s = getComputedStyle(el);
      var clips = /hidden|clip/.test(s.overflowX + s.overflowY);
      if (clips && (el.scrollWidth >= 1.5 * el.clientWidth || el.scrollHeight >= 1.5 * el.clientHeight) && el.getElementsByTagName('*').length >= 2) {
        out.push(el);
        continue;
      }
      var kids = el.children;
      if (kids.length < 2 || kids.length > 20 || r.width < 100 || r.height < 40) continue;
      var shown = 0;
      var pictures = 0;
      for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
        if (c.tagName !== kids[0].tagName) break;
        if (c.tagName === 'IMG' || c.querySelector('img')) pictures++;
        if (c.getClientRects().length && getComputedStyle(c).visibility === 'visible' && parseFloat(getComputedStyle(c).opacity) >= 0.5) shown++;
      }
      if (!c && pictures >= 2 && shown >= 1 && shown <= 2 && shown < kids.length) out.push(el);
    }
    return out;
  }
  /** What a watched element looks like now: its scroll offsets, and where its first descendants are and whether shown. */
  function signature(el) {
    var r = el.getBoundingClientRect();
    var parts = [Math.round(el.scrollLeft), Math.round(el.scrollTop), Math.round(r.left), Math.round(r.top)];
    var inner = el.getElementsByTagName('*');
    for (var i = 0; i < inner.length && i < 20; i++) {
      var c = inner[i].getBoundingClientRect();
      var shown = c.width > 0 && c.height > 0 && parseFloat(getComputedStyle(inner[i]).opacity) >= 0.5;
      parts.push(Math.round(c.left - r.left), Math.round(c.top - r.top), Math.round(c.width), Math.round(c.height), shown ? 1 : 0);
    }
    if (el.tagName === 'MARQUEE') {
      var range = document.createRange();
      range.selectNodeContents(el);
      var m = range.getBoundingClientRect();
      parts.push(Math.round(m.left), Math.round(m.top));
    }
    var anim = state.animations && state.animations.get(el);
    if (anim) parts.push(anim.anim.playState, Math.round((anim.anim.currentTime || 0) / 50));
    var content = state.contentOnly && state.contentOnly.has(el) ? (el.tagName === 'IMG' ? el.src : el.textContent) : '';
    return parts.join(',') + '|' + content;
  }
  /**
   * What a carousel-like container's change is: `turn` when it scrolled, its content moved as one (every
   * element that moved by the same distance, none resized) or one element was hidden as another was shown;
   * `layout` when something changed size or moved apart (a picture loading late, a web font reflowing the
   * text): the new look is the one to compare with next; `partial` when a slide only appeared or only went
   * (the other half of a cross-fade may follow): the old look stays the one to compare with.
   */
  function rotated(before, after) {
    var a = before.split('|')[0].split(',');
    var b = after.split('|')[0].split(',');
    if (a[0] !== b[0] || a[1] !== b[1]) return 'turn';
    if (a.length !== b.length) return 'layout';
    var shift = null;
    var hid = false;
    var showed = false;
    for (var i = 4; i + 4 < a.length; i += 5) {
      if (a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3]) return 'layout';
      if (a[i + 4] !== b[i + 4]) {
        if (b[i + 4] === '1') showed = true;
        else hid = true;
      }
      var d = Number(b[i]) - Number(a[i]) + ',' + (Number(b[i + 1]) - Number(a[i + 1]));
      if (d === '0,0') continue;
      if (shift !== null && shift !== d) return 'layout';
      shift = d;
    }
    return shift !== null || (hid && showed) ? 'turn' : hid || showed ? 'partial' : 'layout';
  }

  /** Inside a box that hides what overflows it, up to three levels up: a carousel's track, a ticker's list. */
  function clipped(el) {
    for (var a = el.parentElement, depth = 0; a && a !== document.body && depth < 3; a = a.parentElement, depth++) {
      var s = getComputedStyle(a);
      if (/hidden|clip/.test(s.overflowX + s.overflowY)) return true;
    }
    return false;
  }

  // --- controls ---------------------------------------------------------------------------------------

  /** The box around the element that is still "beside it": up to four levels up while no more than six times its area. */
  function near(el) {
    var own = Math.max(area(el), 1);
    var box = el;
    for (var a = el.parentElement, depth = 0; a && a !== document.body && a !== document.documentElement && depth < 4; a = a.parentElement, depth++) {
      if (area(a) > 6 * own) break;
      box = a;
    }
    return box;
  }
  function findControl(el, nearWords, pageWords) {
    var box = near(el);
    var local = box.querySelectorAll(CONTROL);
    for (var i = 0; i < local.length; i++) if (local[i] !== el && nearWords.test(nameOf(local[i])) && usable(local[i])) return { el: local[i], near: true };
    // Pointer-cursor elements (a span with a listener) beside it: how 飘窗 close boxes are often written.
    var inner = box.getElementsByTagName('*');
    for (var j = 0; j < inner.length && j < 200; j++) {
      var c = inner[j];
      if (c.children.length > 1 || getComputedStyle(c).cursor !== 'pointer') continue;
      if (nearWords.test(nameOf(c)) && usable(c)) return { el: c, near: true };
    }
    var all = document.querySelectorAll(CONTROL);
    for (var k = 0; k < all.length && k < 3000; k++) if (pageWords.test(nameOf(all[k])) && usable(all[k])) return { el: all[k], near: false };
    return null;
  }
  /** Pressing it stays on the page: a button, a scripted link, not a link to another page or a submit. */
  function pressable(el) {
    if (el.tagName === 'A') {
      var href = (el.getAttribute('href') || '').trim();
      return !href || href.charAt(0) === '#' || /^javascript:/i.test(href);
    }
    return !(el.form && (el.type === 'submit' || el.type === 'image'));
  }

  // --- media ------------------------------------------------------------------------------------------

  /** A media fragment's range (#t=10,20 or #t=npt:0:10) in seconds. */
  function fragment(src) {
    var m = /#.*\bt=(?:npt:)?([\d:.]*)(?:,([\d:.]+))?/.exec(src || '');
    if (!m) return { start: 0, end: null };
    var secs = function (s) {
      if (!s) return null;
      return s.split(':').reduce(function (t, part) {
        return t * 60 + parseFloat(part || '0');
      }, 0);
    };
    return { start: secs(m[1]) || 0, end: secs(m[2]) };
  }

  window.__govscoreMotion = {
    begin: function () {
      var body = document.body;
      var all = body ? body.getElementsByTagName('*') : [];
      var els = [body].concat(Array.prototype.slice.call(all, 0, MAX_ELEMENTS)).filter(Boolean);
      state = { els: els, index: new Map(), times: new Map(), updates: new Map(), recordCount: 0, started: performance.now(), looks: [], media: new Map() };
      els.forEach(function (el, i) {
        state.index.set(el, i);
      });
      state.observer = new MutationObserver(onRecords);
      state.observer.observe(document.documentElement, {
        subtree: true,
        childList: true,
        characterData: true,
        characterDataOldValue: true,
        attributes: true,
        attributeOldValue: true,
        attributeFilter: ['style', 'class', 'hidden', 'src'],
      });
      document.querySelectorAll('audio, video').forEach(function (m) {
        state.media.set(m, m.currentTime);
      });
      state.looks.push(snapshot());
      return els.length;
    },
    look: function () {
      state.looks.push(snapshot());
      return state.looks.length;
    },
    /**
     * What changed in the looks so far, as roots (the outermost element that moved, scrolled or swapped, the
     * innermost whose text changed), with how: `continuous` (moved in both halves), `repeated` (changed at two
     * moments at least), `once`. Then watches, until `untilMs` after begin(), what changed once and what looks
     * like a carousel, for a second change; returns how long it watched since begin().
     */
    settle: function (untilMs) {
      var looks = state.looks;
      var halves = [];
      for (var h = 1; h < looks.length; h++) halves.push(compare(looks[h - 1], looks[h]));
      var roots = new Map();
      // A cross-fade may show the next slide in one half and hide the last in the other: first look against last.
      if (looks.length > 2)
        compare(looks[0], looks[looks.length - 1]).forEach(function (kind, el) {
          if (kind & SWAP) roots.set(el, { el: el, kinds: SWAP, halves: 0 });
        });
      halves.forEach(function (kinds, n) {
        kinds.forEach(function (kind, el) {
          var root = roots.get(el) || { el: el, kinds: 0, halves: 0 };
          root.kinds |= kind;
          root.halves |= 1 << n;
          roots.set(el, root);
        });
      });
      state.contentOnly = new Set();
      state.updates.forEach(function (_times, el) {
        if (roots.has(el) || !updateTarget(el)) return;
        roots.set(el, { el: el, kinds: 0, halves: 0, text: true });
        state.contentOnly.add(el);
      });
      // The outermost of nested roots (a slide's picture moves with its track); siblings changing together are their parent.
      var list = Array.from(roots.values()).filter(function (r) {
        for (var a = r.el.parentElement; a; a = a.parentElement) if (roots.has(a) && !(r.text && roots.get(a).text)) return false;
        if (r.text) for (var other of roots.values()) if (other !== r && other.text && r.el.contains(other.el)) return false;
        return true;
      });
      var byParent = new Map();
      list.forEach(function (r) {
        var p = r.el.parentElement;
        if (p && p !== document.body && p !== document.documentElement) byParent.set(p, (byParent.get(p) || []).concat([r]));
      });
      byParent.forEach(function (group, parent) {
        if (group.length < 2) return;
        var merged = {
          el: parent,
          kinds: 0,
          halves: 0,
          text: group.every(function (g) {
            return g.text;
          }),
        };
        group.forEach(function (g) {
          merged.kinds |= g.kinds;
          merged.halves |= g.halves;
          list.splice(list.indexOf(g), 1);
        });
        if (merged.text) state.contentOnly.add(parent);
        list.push(merged);
      });
      var both = (1 << halves.length) - 1;
      list.forEach(function (r) {
        r.bursts = bursts(r.el, r.text ? state.updates : state.times);
        r.changes = Math.max(r.bursts.length, r.halves ? 1 : 0);
        r.pattern =
          r.kinds & (MOVE | SCROLL) && halves.length > 1 && r.halves === both
            ? 'continuous'
            : r.bursts.length >= 2 || (halves.length > 1 && r.halves === both)
              ? 'repeated'
              : 'once';
        r.lastChange = r.bursts.length ? r.bursts[r.bursts.length - 1].end : state.started;
      });
      // Loading spinners that move are left out as their animations are.
      state.roots = list.filter(function (r) {
        return !loadingIndicator(r.el);
      });
      state.animations = longAnimations();
      // What moved in both halves may be one slow transition that straddled the middle look: it must go on moving
      // at three of the next four polls to count as moving steadily. What changed once waits for a second change.
      var watched = state.roots.filter(function (r) {
        if (r.pattern === 'continuous') r.confirm = { polls: 4, moving: 0 };
        return r.pattern !== 'repeated';
      });
      rotatorLike(state.els).forEach(function (el) {
        var inside = state.roots.some(function (r) {
          return r.el === el || el.contains(r.el) || r.el.contains(el);
        });
        if (!inside) watched.push({ el: el, kinds: 0, halves: 0, changes: 0, pattern: 'still', lastChange: 0, candidate: true });
      });
      // A carousel's turn (slides taking turns, a track moving inside its frame) is reported after one: waiting
      // for a second one would only say so twice. Text or anything else changed once waits for a second change.
      var turned = function (w) {
        return !!(w.kinds & SWAP || (w.kinds & MOVE && clipped(w.el)));
      };
      var finished = function (w) {
        if (!w.el.isConnected || w.pattern === 'repeated') return true;
        if (w.pattern === 'continuous') return !w.confirm.polls;
        return w.pattern === 'once' && turned(w);
      };
      if (!watched.length) return Promise.resolve(Math.round(performance.now() - state.started));
      watched.forEach(function (w) {
        w.sig = signature(w.el);
      });
      return new Promise(function (resolve) {
        var tick = function () {
          var now = performance.now();
          watched.forEach(function (w) {
            if (finished(w)) return;
            var sig = signature(w.el);
            var change = sig === w.sig ? 'none' : w.candidate ? rotated(w.sig, sig) : 'turn';
            var turn = change === 'turn';
            if (change !== 'partial') w.sig = sig;
            if (w.confirm && w.confirm.polls) {
              w.confirm.polls--;
              if (turn) w.confirm.moving++;
              if (turn) w.lastChange = now;
              if (!w.confirm.polls && w.confirm.moving < 3) w.pattern = w.changes > 1 ? 'repeated' : 'once';
              return;
            }
            if (!turn) return;
            if (w.pattern === 'still') {
              // A carousel's first change: from now on a root like those seen changing in the first looks.
              w.pattern = 'once';
              w.changes = 1;
              w.kinds = SWAP;
              state.roots.push(w);
            } else if (now - w.lastChange > GAP_MS + POLL_MS) {
              w.pattern = 'repeated';
              w.changes += 1;
            }
            w.lastChange = now;
          });
          if (!watched.every(finished) && now - state.started + POLL_MS <= untilMs) setTimeout(tick, POLL_MS);
          else {
            // Time ran out before the steady movers were confirmed: taken as moving steadily, as seen in both halves.
            resolve(Math.round(now - state.started));
          }
        };
        setTimeout(tick, POLL_MS);
      });
    },
    /** The roots and the long animations, each with the control found beside it or on the page; the observer stops. */
    movers: function () {
      state.observer.disconnect();
      var out = [];
      state.list = [];
      var add = function (el, o) {
        var control = findControl(el, NEAR_WORDS, PAGE_WORDS);
        state.list.push({ el: el, control: control && control.el });
        o.element = describe(el);
        o.control = control ? { name: nameOf(control.el).slice(0, 20), near: control.near, pressable: pressable(control.el) } : null;
        out.push(o);
      };
      (state.roots || []).forEach(function (r) {
        if (!r.el.isConnected || !r.el.getClientRects().length) return;
        var kind =
          r.el.tagName === 'MARQUEE'
            ? 'marquee'
            : r.text
              ? r.el.tagName === 'IMG'
                ? 'image'
                : 'text'
              : r.kinds & SCROLL
                ? 'scroll'
                : r.kinds & MOVE
                  ? 'move'
                  : 'swap';
        add(r.el, { kind: kind, pattern: r.pattern, changes: r.changes, text: !!r.text, clipped: clipped(r.el) });
      });
      var groups = new Map();
      (state.animations || new Map()).forEach(function (a, el) {
        if (loadingIndicator(el)) return;
        for (var i = 0; i < state.list.length; i++) if (state.list[i].el.contains(el)) return;
        // Many elements animated alike (a row of blinking icons) are one finding, on their parent.
        var key = el.parentElement || el;
        if (groups.has(key)) return void groups.get(key).count++;
        var o = { kind: 'animation', pattern: a.infinite ? 'infinite' : 'long', changes: 0, seconds: a.seconds, count: 1, text: false };
        groups.set(key, o);
        add(el, o);
      });
      return out;
    },
    /** Scrolls mover i into view, focuses the first focusable element in it, and says where to put the mouse. */
    hold: function (i, focus) {
      var el = state.list[i] && state.list[i].el;
      if (!el || !el.isConnected) return null;
      var r = el.getBoundingClientRect();
      if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) {
        el.scrollIntoView({ block: 'center', inline: 'center' });
        r = el.getBoundingClientRect();
      }
      state.arrived = false;
      var arrive = function (e) {
        if (el.contains(e.target)) state.arrived = true;
      };
      window.addEventListener('mouseover', arrive, true);
      state.leave = function () {
        window.removeEventListener('mouseover', arrive, true);
      };
      var target = focus ? (el.matches(FOCUSABLE) ? el : el.querySelector(FOCUSABLE)) : null;
      if (target && target.focus) target.focus({ preventScroll: true });
      var left = Math.max(r.left, 0);
      var right = Math.min(r.right, innerWidth);
      var top = Math.max(r.top, 0);
      var bottom = Math.min(r.bottom, innerHeight);
      return right > left && bottom > top ? { x: (left + right) / 2, y: (top + bottom) / 2 } : null;
    },
    /** Whether the mouse moved by the driver has reached the element hold() was given. */
    arrived: function () {
      return !!state.arrived;
    },
    mark: function (i) {
      state.list[i].sig = signature(state.list[i].el);
      return true;
    },
    /** Whether mover i kept still (or went away) since mark(i). */
    held: function (i) {
      var m = state.list[i];
      return !m.el.isConnected || !m.el.getClientRects().length || signature(m.el) === m.sig;
    },
    /** Presses mover i's control, the page kept from leaving or closing meanwhile. */
    press: function (i) {
      var control = state.list[i].control;
      if (!control) return false;
      var stay = function (e) {
        var a = e.target && e.target.closest && e.target.closest('a[href]');
        if (e.type === 'submit' || (a && !pressable(a))) e.preventDefault();
      };
      var close = window.close;
      var open = window.open;
      window.close = window.open = function () {
        return null;
      };
      window.addEventListener('click', stay, true);
      window.addEventListener('submit', stay, true);
      try {
        control.click();
      } finally {
        window.removeEventListener('click', stay, true);
        window.removeEventListener('submit', stay, true);
        window.close = close;
        window.open = open;
      }
      return true;
    },
    release: function () {
      if (state && state.leave) state.leave();
      var active = document.activeElement;
      if (active && active !== document.body && active.blur) active.blur();
      window.scrollTo(0, 0);
      return true;
    },

    /**
     * Audio and video that play, or are set to play, by themselves with sound (1.4.2): not muted, volume
     * up, more than 3 s of sound left (a media fragment's end counts; looping is endless), and neither
     * their own controls nor a pause, stop, mute or volume control beside them or on the page. The crawl's
     * tabs do not fetch media files: what is not loaded is judged by its markup, its length unknown.
     */
    media: function () {
      var out = [];
      var count = 0;
      document.querySelectorAll('audio, video').forEach(function (m) {
        var before = state.media.has(m) ? state.media.get(m) : m.currentTime;
        var playing = !m.paused && !m.ended && m.currentTime > before;
        // A player waiting for a source (a reading-aloud toolbar's <audio autoplay><source src="">) has nothing to play.
        var sources = [m.getAttribute('src')].concat(
          Array.prototype.map.call(m.querySelectorAll('source'), function (x) {
            return x.getAttribute('src');
          }),
        );
        var source =
          sources.filter(function (x) {
            return x && x.trim();
          })[0] || '';
        if (!(m.autoplay || playing) || (!source && !m.srcObject)) return;
        count++;
        if (m.muted || m.volume === 0 || m.hasAttribute('controls')) return;
        var loaded = m.readyState >= 1 && !m.error;
        var range = fragment(m.currentSrc || source);
        var end = loaded ? Math.min(range.end === null ? m.duration : range.end, m.duration) : range.end;
        var from = playing ? m.currentTime : Math.max(range.start, loaded ? m.currentTime : 0);
        var left = m.loop ? Infinity : end === null || isNaN(end) ? null : end - from;
        if (left !== null && left <= 3) return;
        // Chromium's decoded byte counts: a video with frames decoded and no audio decoded has no sound track.
        var audio =
          m.tagName === 'AUDIO'
            ? 'yes'
            : !loaded || typeof m.webkitAudioDecodedByteCount !== 'number'
              ? 'unknown'
              : m.webkitAudioDecodedByteCount > 0
                ? 'yes'
                : m.webkitVideoDecodedByteCount > 0
                  ? 'no'
                  : 'unknown';
        if (audio === 'no') return;
        if (findControl(m, MEDIA_NEAR_WORDS, MEDIA_PAGE_WORDS)) return;
        out.push({
          element: describe(m),
          playing: playing,
          seconds: left === null ? null : left === Infinity ? -1 : Math.round(left),
          audio: audio,
          autoplay: m.autoplay,
        });
      });
      return { failing: out, count: count };
    },
  };
})();
