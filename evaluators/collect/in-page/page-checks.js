// Runs inside a page (plain browser JavaScript, no imports): the accessibility checks axe-core does not
// make. Defines window.__govscorePageChecks with the steps the driver (../page-checks.ts) calls in turn:
// markup() reads the page as it is (title, bypass, form groups, placeholder-only fields, mouse-only
// controls, new windows, context change on input); kbStart/kbStep (or kbBatchEnd)/kbAfter/kbFinish follow the focus while
// the driver presses Tab; reflow() measures the page once the driver has narrowed the viewport. Nothing
// is scored here; what leaves the page is compact (selectors and short snippets). The helpers other
// in-page checks share (text-zoom.js) are under `lib`.
(function () {
  if (window.__govscorePageChecks) return;
  var MAX_EXAMPLES = 3;
  var MAX_HTML = 200;
  var MAX_ELEMENTS = 4000;
  var FOCUSABLE =
    'a[href], area[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), iframe, summary, [contenteditable=""], [contenteditable=true], audio[controls], video[controls], [tabindex]';
  var CLICK_ATTRS = ['onclick', 'onmousedown', 'onmouseup'];
  var NAVIGATES = /location|window\.open|\.submit\s*\(|\.href\s*=|navigate\s*\(/i;
  var NEW_WINDOW_WARNING = /新窗口|新页面|新标签|新的窗口|新的页面|new (window|tab)|opens? in a new/i;
  // Roles whose elements a keyboard user must be able to reach and operate on their own. Items of
  // composite widgets (tab, menuitem, option, radio, treeitem) are left out: a roving tabindex focuses one.
  var OPERABLE_ROLES = /^(button|link|checkbox|switch|slider|spinbutton|combobox|textbox|searchbox)$/;
  var kb = null;
  var kbListenedElements = [];
  // Buttons and what stands for them; a button saying one of these words labels the lone field beside it.
  var BUTTONS = 'button, input[type=submit], input[type=button], input[type=image], [role=button], a[href], [onclick]';
  var SEARCH_BUTTON = /搜\s*索|检\s*索|查\s*询|search/i;
  // Inputs one types text into (an unknown type is a text field).
  var TEXT_FIELD = /^(text|search|email|tel|url|number|password)$/;
  // What a field showing its caret looked like focused: never the same as its look unfocused.
  var CARET = 'caret';
  // How long a blur handler may take to send focus back (setTimeout of a few ms) before the focus is read.
  var BLUR_SETTLE_MS = 50;
  // Elements in aria-hidden content the walk reached, focused again at most (each waits BLUR_SETTLE_MS).
  var MAX_HIDDEN_FOCUSED = 5;
  // Objects falling back read at most: the driver asks the server for each one's data.
  var MAX_OBJECTS = 3;

  function text(el) {
    return (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
  }
  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, '\\$&');
  }
  /** A selector that finds the element again: from the nearest ancestor with a unique id, by tag and position. */
  function selectorOf(el) {
    var parts = [];
    var node = el;
    while (node && node.nodeType === 1 && parts.length < 6) {
      if (node.id && document.querySelectorAll('#' + cssEscape(node.id)).length === 1) {
        parts.unshift('#' + cssEscape(node.id));
        return parts.join(' > ');
      }
      var tag = node.tagName.toLowerCase();
      if (tag === 'html' || tag === 'body') {
        parts.unshift(tag);
        return parts.join(' > ');
      }
      var index = 1;
      var sibling = node.previousElementSibling;
      while (sibling) {
        if (sibling.tagName === node.tagName) index++;
        sibling = sibling.previousElementSibling;
      }
      var more = false;
      sibling = node.nextElementSibling;
      while (sibling && !more) {
        if (sibling.tagName === node.tagName) more = true;
        sibling = sibling.nextElementSibling;
      }
      parts.unshift(index > 1 || more ? tag + ':nth-of-type(' + index + ')' : tag);
      node = node.parentElement;
    }
    return parts.join(' > ');
  }
  function describe(el) {
    var html = el.outerHTML || '';
    if (html.length > MAX_HTML) {
      // The opening tag and the start of the text: enough to recognise the element.
      var open = html.slice(0, html.indexOf('>') + 1);
      html = (open.length <= MAX_HTML - 20 ? open + text(el).slice(0, MAX_HTML - 20 - open.length) : open.slice(0, MAX_HTML - 1)) + '…';
    }
    return { selector: selectorOf(el), html: html };
  }
  function issue(check, elements, detail) {
    var out = { check: check, count: elements.length, examples: elements.slice(0, MAX_EXAMPLES).map(describe) };
    if (detail) out.detail = detail;
    return out;
  }
  function rendered(el) {
    if (!el.getClientRects().length) return false;
    var style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.visibility !== 'collapse';
  }
  function hasSize(el) {
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }
  /** Transitions and animations off until the returned function is called: a style the checks change is read as set, not as it fades in. */
  function holdStyles() {
    var sheet = null;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync('*,*::before,*::after{transition:none!important;animation-duration:0s!important;animation-delay:0s!important}');
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    } catch (_e) {
      sheet = null;
    }
    return function () {
      if (sheet)
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter(function (s) {
          return s !== sheet;
        });
    };
  }
  /** In the sequential focus order by the markup: natively focusable, or a tabindex of 0 or more. */
  function tabbable(el) {
    if (el.hasAttribute('tabindex')) {
      var t = parseInt(el.getAttribute('tabindex'), 10);
      if (!isNaN(t)) return t >= 0;
    }
    if (!el.matches(FOCUSABLE)) return false;
    return !el.closest('[inert]');
  }
  function allElements() {
    var all = document.body ? document.body.getElementsByTagName('*') : [];
    return Array.prototype.slice.call(all, 0, MAX_ELEMENTS);
  }
  function nameFrom(ids) {
    return (ids || '')
      .split(/\s+/)
      .map(function (id) {
        var target = id && document.getElementById(id);
        return target ? text(target) : '';
      })
      .join('')
      .trim();
  }
  function accessibleLabel(el) {
    if ((el.getAttribute('aria-label') || '').trim()) return true;
    if (nameFrom(el.getAttribute('aria-labelledby'))) return true;
    if ((el.getAttribute('title') || '').trim()) return true;
    var labels = el.labels || [];
    for (var i = 0; i < labels.length; i++) if (text(labels[i])) return true;
    return false;
  }

  /** A same-page reference the element makes: an `#id` link, or an inline handler naming an element id ('#main', 'nav'). */
  function namesBlock(el) {
    var href = el.tagName === 'A' ? el.getAttribute('href') || '' : '';
    if (href.charAt(0) === '#' && href.length > 1) {
      var id = decodeURIComponent(href.slice(1));
      if (document.getElementById(id) || document.getElementsByName(id).length) return true;
    }
    var handler = el.getAttribute('onclick') || '';
    var quoted = /['"]#?([A-Za-z][\w:.-]*)['"]/g;
    for (var m = quoted.exec(handler); m; m = quoted.exec(handler)) if (document.getElementById(m[1])) return true;
    return false;
  }
  /** Tab stops before the first text of 40 characters or more outside links and controls: what a keyboard user must pass first. */
  function stopsBeforeContent() {
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (!parent || parent.closest('a, button, label, select, option, textarea, script, style, noscript, template')) continue;
      if (node.nodeValue.replace(/\s+/g, ' ').trim().length < 40 || !rendered(parent)) continue;
      var count = 0;
      var stops = document.querySelectorAll(FOCUSABLE);
      for (var i = 0; i < stops.length && stops[i].compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING; i++)
        if (tabbable(stops[i]) && rendered(stops[i])) count++;
      return count;
    }
    return -1;
  }
  /**
   * Bypass blocks (2.4.1): among the first five links and buttons, a same-page link or a control acting on
   * a block of the page (a skip button, a collapsible menu's toggle); a main landmark; headings; or nothing to
   * bypass (the content comes before any tab stop). Only an HTML document has blocks to bypass.
   */
  function bypass(elements) {
    var controls = document.querySelectorAll('a[href], button, [role=button]');
    var skipLink = false;
    for (var i = 0; i < controls.length && i < 5; i++) if (namesBlock(controls[i])) skipLink = true;
    var main = !!document.querySelector('main, [role=main]');
    var headings = 0;
    for (var j = 0; j < elements.length; j++) {
      var el = elements[j];
      if ((/^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading') && text(el) && rendered(el)) headings++;
    }
    return { skipLink: skipLink, main: main, headings: headings };
  }
  function needsBypass(skip) {
    if (skip.skipLink || skip.main || skip.headings) return false;
    if (!(document instanceof HTMLDocument) || !document.body) return false;
    return stopsBeforeContent() !== 0;
  }

  /**
   * The page's declared language against its text (3.1.1): Chinese text (Han characters most of the
   * letters, no kana or hangul) under another language, or a page with no Chinese under lang="zh".
   * Scaffolded templates keep lang="en", and a screen reader then reads Chinese with an English voice.
   * Only Chinese is told apart: which Latin-script language a text is in is not judged. No lang at all is axe's.
   */
  function languageMismatch() {
    var root = document.documentElement;
    if (!root) return null; // the page's script emptied the document (document.open without a write)
    var declared = (root.getAttribute('lang') || root.getAttribute('xml:lang') || '').trim();
    if (!declared || !document.body) return null;
    var primary = declared.toLowerCase().split(/[-_]/)[0];
    var sample = (document.body.innerText || '').slice(0, 20000);
    var count = function (pattern) {
      return (sample.match(pattern) || []).length;
    };
    var han = count(/[\u3400-\u4dbf\u4e00-\u9fff]/g);
    var latin = count(/[A-Za-z]/g);
    var chinese = han >= 50 && han > latin && count(/[\u3040-\u30ff]/g) * 20 < han && count(/[\uac00-\ud7af]/g) * 20 < han;
    var zh = primary === 'zh' || primary === 'cmn' || primary === 'yue';
    if (chinese && !zh) return '页面文字以中文为主（' + han + ' 个汉字），但 <html lang="' + declared + '"> 声明为其他语言';
    if (zh && han === 0 && latin >= 200) return '页面没有中文（' + latin + ' 个拉丁字母），但 <html lang="' + declared + '"> 声明为中文';
    return null;
  }

  /** Radio and checkbox groups (2+ of a name) with no fieldset+legend or named group around them (1.3.1). */
  function unnamedGroups(elements) {
    var groups = {};
    var order = [];
    elements.forEach(function (el) {
      if (el.tagName !== 'INPUT' || (el.type !== 'radio' && el.type !== 'checkbox') || !el.name) return;
      if (getComputedStyle(el).display === 'none') return;
      var formIndex = el.form ? Array.prototype.indexOf.call(document.forms, el.form) : -1;
      var key = formIndex + '\u0000' + el.type + '\u0000' + el.name;
      if (!groups[key]) {
        groups[key] = [];
        order.push(key);
      }
      groups[key].push(el);
    });
    var bad = [];
    order.forEach(function (key) {
      var members = groups[key];
      if (members.length < 2) return;
      var named = members.every(function (m) {
        var fieldset = m.closest('fieldset');
        if (fieldset) {
          var legend = fieldset.querySelector('legend');
          if ((legend && text(legend)) || accessibleLabel(fieldset)) return true;
        }
        var group = m.closest('[role=group], [role=radiogroup]');
        return !!group && ((group.getAttribute('aria-label') || '').trim() !== '' || nameFrom(group.getAttribute('aria-labelledby')) !== '');
      });
      if (!named) bad.push(members[0].closest('form, table, ul, ol, p, div') || members[0]);
    });
    return bad;
  }

  /** A field one fills in: a text area or a text-like input, neither read-only nor disabled (3.3.2 asks nothing of the others). */
  function inputField(el) {
    var field =
      el.tagName === 'TEXTAREA' ||
      (el.tagName === 'INPUT' && /^(text|search|email|tel|url|number|password|date|datetime-local|month|week|time)?$/.test(el.type || ''));
    return field && !el.readOnly && !el.disabled;
  }
  /**
   * A lone field beside a button whose visible text says what the field is for (搜索, 检索, 查询): the button
   * labels it (WCAG technique G167). Beside: in the field's form, else within three ancestors of it.
   */
  function labelledByButton(el) {
    var scope = el.form;
    for (var a = el.parentElement, up = 0; !scope && a && up < 3; a = a.parentElement, up++) if (a.querySelector(BUTTONS)) scope = a;
    if (!scope) return false;
    var fields = scope.querySelectorAll('input, textarea');
    for (var i = 0; i < fields.length; i++) if (fields[i] !== el && inputField(fields[i]) && rendered(fields[i])) return false;
    var buttons = scope.querySelectorAll(BUTTONS);
    for (var j = 0; j < buttons.length; j++) {
      var b = buttons[j];
      if (b === el || !rendered(b)) continue;
      var image = b.tagName === 'INPUT' && b.type === 'image' ? b : b.querySelector('img[alt]');
      var said = text(b) || (b.tagName === 'INPUT' ? b.value : '') || (image ? image.getAttribute('alt') || '' : '');
      if (SEARCH_BUTTON.test(said)) return true;
    }
    return false;
  }

  /** Fields whose only label is the placeholder, which disappears as soon as one types (3.3.2). */
  function placeholderOnly(elements) {
    return elements.filter(function (el) {
      if (!inputField(el) || !(el.getAttribute('placeholder') || '').trim()) return false;
      return rendered(el) && !accessibleLabel(el) && !labelledByButton(el);
    });
  }

  function clickHandler(el) {
    for (var i = 0; i < CLICK_ATTRS.length; i++) {
      var source = el.getAttribute(CLICK_ATTRS[i]);
      if (source && !/^\s*(return\s+false|void\s*\(?0\)?|javascript:\s*;?|;)?\s*;?\s*$/i.test(source)) return true;
    }
    return typeof el.onclick === 'function';
  }
  /** Could be the keyboard's way to what the element does: it, an ancestor or a descendant is in the tab order. */
  function keyboardPathNear(el) {
    if (tabbable(el)) return true;
    for (var a = el.parentElement; a && a !== document.body; a = a.parentElement) if (tabbable(a) || a.tagName === 'LABEL') return true;
    var inside = el.querySelectorAll(FOCUSABLE);
    for (var i = 0; i < inside.length; i++) if (tabbable(inside[i])) return true;
    return false;
  }

  /**
   * Mouse-only controls (2.1.1): a click handler the markup or a script property shows, or an operable
   * role, on an element nothing keyboard-reachable stands for. Listeners added with addEventListener are
   * invisible here: elements with their own pointer cursor are handed to the driver, which asks the
   * debugger protocol for their listeners (the candidates).
   */
  function mouseOnly(elements) {
    var found = [];
    var candidates = [];
    elements.forEach(function (el) {
      if (el.tagName === 'LABEL' || el.tagName === 'OPTION') return;
      var role = (el.getAttribute('role') || '').trim();
      var handled = clickHandler(el) || OPERABLE_ROLES.test(role);
      if (!handled && candidates.length >= 20) return;
      if (!handled) {
        // Candidates: the pointer cursor set on the element itself, not inherited.
        var cursor = getComputedStyle(el).cursor;
        if (cursor !== 'pointer' || (el.parentElement && getComputedStyle(el.parentElement).cursor === 'pointer')) return;
      }
      if (!rendered(el) || !hasSize(el) || keyboardPathNear(el)) return;
      if (handled) found.push(el);
      else candidates.push(el);
    });
    return { found: found, candidates: candidates };
  }

  /** Links that open a new window with nothing saying so (3.2.5, AAA: advisory). */
  function newWindows(elements) {
    return elements.filter(function (el) {
      if (el.tagName !== 'A' && el.tagName !== 'AREA') return false;
      var target = (el.getAttribute('target') || '').toLowerCase();
      var onclick = el.getAttribute('onclick') || '';
      var opens = (target && !/^_(self|top|parent)$/.test(target)) || (/window\.open\s*\(/.test(onclick) && !/['"]_(self|top|parent)['"]/.test(onclick));
      if (!opens || !rendered(el)) return false;
      var said = text(el) + ' ' + (el.getAttribute('title') || '') + ' ' + (el.getAttribute('aria-label') || '');
      var images = el.querySelectorAll('img[alt]');
      for (var i = 0; i < images.length; i++) said += ' ' + images[i].getAttribute('alt');
      return !NEW_WINDOW_WARNING.test(said);
    });
  }

  /** Fields whose change or focus handler navigates or submits (3.2.1 on focus, 3.2.2 on input). */
  function contextChange(elements) {
    var onFocus = [];
    var onInput = [];
    elements.forEach(function (el) {
      if (!/^(SELECT|INPUT|TEXTAREA)$/.test(el.tagName)) return;
      var source = function (name) {
        var attribute = el.getAttribute(name);
        if (attribute) return attribute;
        var property = el[name];
        return typeof property === 'function' ? String(property) : '';
      };
      if (NAVIGATES.test(source('onfocus'))) onFocus.push(el);
      else if (NAVIGATES.test(source('onchange')) || NAVIGATES.test(source('oninput'))) onInput.push(el);
    });
    return { onFocus: onFocus, onInput: onInput };
  }

  // --- keyboard ---------------------------------------------------------------------------------------

  // What can make focus visible. An outline or a border side counts only when it is drawn: Chromium's own
  // focus style moves a link's outline-offset even when the site's `outline: none` hides the outline.
  var STYLE_PROPS = ['boxShadow', 'backgroundColor', 'backgroundImage', 'color', 'textDecorationLine', 'fontWeight', 'opacity', 'transform', 'filter'];
  var SIDES = ['Top', 'Right', 'Bottom', 'Left'];
  function styleOf(el, pseudo) {
    var s = getComputedStyle(el, pseudo || null);
    var out =
      s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0
        ? 'none|'
        : s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ' ' + s.outlineOffset + '|';
    for (var j = 0; j < SIDES.length; j++) {
      var style = s['border' + SIDES[j] + 'Style'];
      var width = s['border' + SIDES[j] + 'Width'];
      out += style === 'none' || style === 'hidden' || parseFloat(width) === 0 ? 'none|' : style + ' ' + width + ' ' + s['border' + SIDES[j] + 'Color'] + '|';
    }
    for (var i = 0; i < STYLE_PROPS.length; i++) out += s[STYLE_PROPS[i]] + '|';
    return pseudo ? out + s.content : out;
  }
  /**
   * How the element looks now, part by part: itself, its ::before/::after, its parent, its previous and next
   * elements (an indicator beside it) and its first descendants. `compare` (the parts read while it was
   * focused) stops at the first part that differs: most focus styles show in the element's own style.
   */
  function appearance(el, compare) {
    var readers = [
      function () {
        return styleOf(el);
      },
      function () {
        return styleOf(el, '::before');
      },
      function () {
        return styleOf(el, '::after');
      },
    ];
    [el.parentElement, el.previousElementSibling, el.nextElementSibling].forEach(function (near) {
      if (near)
        readers.push(function () {
          return styleOf(near);
        });
    });
    var inside = el.getElementsByTagName('*');
    for (var i = 0; i < inside.length && i < 5; i++)
      readers.push(
        (function (child) {
          return function () {
            return styleOf(child);
          };
        })(inside[i]),
      );
    var parts = [];
    for (var j = 0; j < readers.length; j++) {
      var part = readers[j]();
      if (compare && compare[j] !== part) return null;
      parts.push(part);
    }
    return compare && compare.length !== parts.length ? null : parts;
  }
  /**
   * A field one types into shows the text cursor (or the selected text) once focused: WCAG's Understanding of
   * 2.4.7 names it as a focus indicator. Not a read-only or disabled field, one whose caret is transparent, nor
   * one focus leaves off the screen (a login box parked beyond the edge).
   */
  function showsCaret(el) {
    var typed = el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && TEXT_FIELD.test(el.type || '')) || el.isContentEditable;
    if (!typed || el.readOnly || el.disabled) return false;
    var box = el.getBoundingClientRect();
    if (box.right <= 0 || box.bottom <= 0 || box.left >= window.innerWidth || box.top >= window.innerHeight) return false;
    var caret = getComputedStyle(el).caretColor;
    return caret !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(caret);
  }
  function deepActive() {
    var el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el;
  }

  function kbRead() {
    var el = kb.last;
    if (!el || el === document.body || el === document.documentElement) return [-1, 0, 0, kb.visited.length];
    var index = kb.visited.indexOf(el);
    var fresh = 0;
    if (index < 0) {
      fresh = 1;
      index = kb.visited.push(el) - 1;
      var frame = /^(IFRAME|FRAME|OBJECT|EMBED)$/.test(el.tagName);
      kb.focused[index] = frame || !rendered(el) || !hasSize(el) ? null : showsCaret(el) ? CARET : appearance(el);
    }
    return [index, fresh, /^(IFRAME|FRAME|OBJECT|EMBED)$/.test(el.tagName) ? 1 : 0, kb.visited.length];
  }
  /**
   * About how many Tab presses the page's focus order takes, read from the markup: the tabbable elements shown
   * (a radio group once), and for a frame the tabbable elements of its document when readable (else one). The
   * driver presses that many and one more in its first batch, so that the presses end where the order does:
   * a press past the end sends focus round to the top of the page again, scrolled and painted for nothing.
   */
  function expectedStops() {
    var count = 0;
    var radios = {};
    var all = document.querySelectorAll(FOCUSABLE);
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (!tabbable(el) || !el.getClientRects().length) continue;
      if (el.tagName === 'INPUT' && el.type === 'radio' && el.name) {
        var group = (el.form ? 'f' : 'd') + el.name;
        if (radios[group]) continue;
        radios[group] = true;
      }
      if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
        var doc = null;
        try {
          doc = el.contentDocument;
        } catch (_e) {
          doc = null;
        }
        count += doc && doc.body ? doc.body.querySelectorAll(FOCUSABLE).length : 1;
        continue;
      }
      count++;
    }
    return count;
  }
  /** An inline or property handler of focus or blur (and focusin/focusout) on the element itself. */
  function handles(el, type) {
    var names = type === 'blur' ? ['onblur', 'onfocusout'] : ['onfocus', 'onfocusin'];
    for (var i = 0; i < names.length; i++) if ((el.getAttribute && el.getAttribute(names[i])) || typeof el[names[i]] === 'function') return true;
    return false;
  }

  /**
   * Arms the batch recorder: each Tab's keydown (before focus moves) records where the previous press left
   * the focus; the first keydown of a batch only starts it. Registered once, on window in the capture phase.
   */
  function kbRecord() {
    kb.steps = [];
    kb.first = true;
    if (kb.listener) return;
    kb.listener = function (e) {
      if (e.key !== 'Tab' || !kb || !kb.steps) return;
      if (!kb.first) {
        kb.last = deepActive();
        kb.steps.push(kbRead());
      }
      kb.first = false;
    };
    window.addEventListener('keydown', kb.listener, true);
  }
  function kbStopRecording() {
    if (kb && kb.listener) window.removeEventListener('keydown', kb.listener, true);
    if (kb) kb.steps = null;
  }

  /**
   * Elements sharing an id with an earlier one in the document (4.1.1 of WCAG 2.0): the first of each id named.
   * Read over the whole document, not only the first MAX_ELEMENTS; shadow trees and frames are documents of their own.
   */
  function duplicateIds() {
    var seen = Object.create(null);
    var repeated = [];
    var all = document.querySelectorAll('[id]');
    for (var i = 0; i < all.length; i++) {
      var id = all[i].getAttribute('id');
      if (!id) continue;
      if (seen[id] === undefined) seen[id] = all[i];
      else if (seen[id]) {
        repeated.push({ el: seen[id], id: id });
        seen[id] = null;
      }
    }
    return repeated;
  }

  /**
   * Frames taken out of the tab order (a negative tabindex) whose document, readable from here (same origin),
   * has elements in its own tab order: Tab never enters the frame, so those elements cannot be reached (2.1.1).
   */
  function framesOutOfTabOrder() {
    var modal = null;
    try {
      modal = document.querySelector(':modal');
    } catch (_e) {
      modal = null;
    }
    return Array.prototype.filter.call(document.querySelectorAll('iframe[tabindex], frame[tabindex]'), function (frame) {
      if (!(parseInt(frame.getAttribute('tabindex'), 10) < 0) || frame.closest('[inert]') || !rendered(frame)) return false;
      // An open modal dialog makes the rest of the page inert: the frame is left out of the tab order with it.
      if (modal && !modal.contains(frame)) return false;
      if (frame.clientWidth <= 1 || frame.clientHeight <= 1) return false;
      var doc = null;
      try {
        doc = frame.contentDocument;
      } catch (_e) {
        doc = null;
      }
      if (!doc || !doc.body) return false;
      return Array.prototype.some.call(doc.body.querySelectorAll(FOCUSABLE), function (el) {
        return tabbable(el) && el.getClientRects().length > 0;
      });
    });
  }

  /**
   * The sequential focus order as the browser builds it for Tab: every element whose tabIndex is 0 or more,
   * those above 0 first by value, then the rest in document order. Which of them can take focus is left to
   * focus() itself as the walk goes (hidden, disabled, inert, a closed menu opened by :focus-within).
   */
  function focusOrder() {
    var all = document.getElementsByTagName('*');
    var positive = [];
    var zero = [];
    for (var i = 0; i < all.length; i++) {
      var t = all[i].tabIndex;
      if (t > 0) positive.push(all[i]);
      else if (t === 0) zero.push(all[i]);
    }
    // Array sort is stable: equal values keep their document order.
    positive.sort(function (a, b) {
      return a.tabIndex - b.tabIndex;
    });
    return positive.concat(zero);
  }
  // Where Tab goes somewhere this document's order does not show: frames and embedded documents, image maps,
  // media controls and date fields (focus moves inside the browser's own controls), editable regions.
  var OWN_ORDER =
    'iframe, frame, object, embed, area, audio[controls], video[controls], [contenteditable], input[type=date], input[type=time], input[type=datetime-local], input[type=month], input[type=week]';
  /**
   * Whether focus() in document order walks the page as Tab would: nothing with an order of its own (OWN_ORDER,
   * shadow trees and custom elements, which may hide one), and no box that scrolls with nothing focusable inside
   * (Chromium stops Tab at such a box to let the keys scroll it, though its tabIndex says -1).
   */
  function walkableByFocus() {
    if (document.querySelector(OWN_ORDER)) return false;
    var all = document.getElementsByTagName('*');
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (el.shadowRoot || el.tagName.indexOf('-') > 0) return false;
      if (el === document.documentElement || el === document.body) continue;
      if (el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1) continue;
      var style = getComputedStyle(el);
      if (!/auto|scroll/.test(style.overflowX + ' ' + style.overflowY)) continue;
      var inside = el.getElementsByTagName('*');
      var focusable = false;
      for (var j = 0; j < inside.length && !focusable; j++) focusable = inside[j].tabIndex >= 0 && rendered(inside[j]);
      if (!focusable) return false;
    }
    return true;
  }
  /**
   * A walk's start: transitions off (a focus style fading in would read as none), nothing focused, at the top of the
   * page, an empty record. A walk made again (a batch that lost presses) drops the first one's recorder and held styles.
   */
  function kbBegin() {
    var release = holdStyles();
    var active = document.activeElement;
    if (active && active !== document.body && active.blur) active.blur();
    window.scrollTo(0, 0);
    kbStopRecording();
    if (kb && kb.release) kb.release();
    kb = { visited: [], focused: [], release: release, last: null, steps: null, listener: null };
  }
  /**
   * Elements the walk left focus on (Tab reached them, and no handler sent focus elsewhere) inside content
   * aria-hidden takes from screen readers (4.1.2, ACT 6cfa84): a screen reader user's focus lands on nothing it
   * can announce. Only where the markup alone cannot tell, which is where axe-core's aria-hidden-focus leaves
   * them for review: a dialog is open on the page (shown, and not itself aria-hidden: its focus sentinels may send focus back into it), or the
   * element handles focus itself. Elsewhere axe reports them, and they are not reported twice.
   */
  function hiddenFocused(visited) {
    var dialogOpen = Array.prototype.some.call(document.querySelectorAll('dialog[open], [role=dialog], [aria-modal=true]'), function (d) {
      return rendered(d) && hasSize(d) && !d.closest('[aria-hidden="true" i]');
    });
    return visited.filter(function (el) {
      return el.isConnected && !!el.closest('[aria-hidden="true" i]') && (dialogOpen || handles(el, 'focus'));
    });
  }
  /**
   * The elements that still hold focus BLUR_SETTLE_MS after being focused again, one at a time: a focus sentinel
   * whose handler sends focus on at once or a moment later is not one of them. Focus taken away afterwards.
   */
  function keepsFocus(elements) {
    var kept = [];
    var i = 0;
    return new Promise(function (resolve) {
      var next = function () {
        if (i >= elements.length) {
          var now = deepActive();
          if (now && now !== document.body && now.blur) now.blur();
          window.scrollTo(0, 0);
          return resolve(kept);
        }
        var el = elements[i++];
        el.focus({ preventScroll: true });
        if (deepActive() !== el) return next();
        setTimeout(function () {
          if (deepActive() === el) kept.push(el);
          next();
        }, BLUR_SETTLE_MS);
      };
      next();
    });
  }
  /**
   * Object elements showing their fallback content in this tab that nothing else names (1.1.1, ACT 8fc3b6): shown
   * to screen readers (rendered, not aria-hidden), no role of their own, no aria-label, aria-labelledby text or
   * title. The crawl's tabs fetch no images or media, so an object embedding one falls back here where a
   * visitor's browser shows the resource, and its fallback (an img and its alt) is then neither shown nor read.
   * The driver keeps those whose data is an image, audio or video that answers (object-fallback.ts).
   */
  function objectsFallingBack() {
    var found = [];
    var objects = document.getElementsByTagName('object');
    for (var i = 0; i < objects.length && found.length < MAX_OBJECTS; i++) {
      var el = objects[i];
      if (!el.data || el.hasAttribute('role') || !rendered(el) || el.closest('[aria-hidden="true" i]')) continue;
      if ((el.getAttribute('aria-label') || '').trim() || nameFrom(el.getAttribute('aria-labelledby')) || (el.getAttribute('title') || '').trim()) continue;
      var range = document.createRange();
      range.selectNodeContents(el);
      // What axe-core's object-alt reads as an object that did not load: its fallback has boxes.
      if (!range.getClientRects().length) continue;
      var d = describe(el);
      found.push({ selector: d.selector, html: d.html, url: el.data, type: el.getAttribute('type') || '' });
    }
    return found;
  }
  /** The radio button Tab stops at in its group: the checked one, else the first; a group is one stop. */
  function radioGroups() {
    var checked = {};
    var radios = document.querySelectorAll('input[type=radio][name]');
    for (var i = 0; i < radios.length; i++) if (radios[i].checked) checked[radioGroup(radios[i])] = true;
    return checked;
  }
  function radioGroup(el) {
    return el.type === 'radio' && el.name ? (el.form ? 'f' + Array.prototype.indexOf.call(document.forms, el.form) : 'd') + ':' + el.name : null;
  }

  window.__govscorePageChecks = {
    lib: { allElements: allElements, issue: issue, holdStyles: holdStyles, describe: describe },
    markup: function () {
      var elements = allElements();
      var groups = unnamedGroups(elements);
      var placeholders = placeholderOnly(elements);
      var mouse = mouseOnly(elements);
      var windows = newWindows(elements);
      var context = contextChange(elements);
      var issues = [];
      var skip = bypass(elements);
      if (needsBypass(skip)) issues.push({ check: 'bypass', count: 1, examples: [], detail: '没有跳过导航链接、没有 main 区域、没有标题' });
      var language = languageMismatch();
      if (language)
        issues.push({
          check: 'page-language',
          count: 1,
          examples: [{ selector: 'html', html: '<html lang="' + document.documentElement.getAttribute('lang') + '">' }],
          detail: language,
        });
      if (groups.length) issues.push(issue('group-without-name', groups));
      if (placeholders.length) issues.push(issue('placeholder-only', placeholders));
      if (mouse.found.length) issues.push(issue('mouse-only', mouse.found));
      if (windows.length) issues.push(issue('new-window', windows));
      if (context.onFocus.length) issues.push(issue('change-on-focus', context.onFocus));
      if (context.onInput.length) issues.push(issue('change-on-input', context.onInput));
      var frames = framesOutOfTabOrder();
      if (frames.length) issues.push(issue('frame-out-of-tab-order', frames));
      var ids = duplicateIds();
      if (ids.length)
        issues.push(
          issue(
            'repeated-id',
            ids.map(function (d) {
              return d.el;
            }),
            ids.length +
              ' 个 id 重复使用：' +
              ids
                .slice(0, 5)
                .map(function (d) {
                  return '"' + d.id + '"';
                })
                .join('、'),
          ),
        );
      window.__govscorePageChecks.candidates = mouse.candidates;
      return {
        title: (document.title || '').replace(/\s+/g, ' ').trim(),
        bypass: skip,
        issues: issues,
        candidates: mouse.candidates.map(describe),
        objects: objectsFallingBack(),
      };
    },
    candidates: [],

    /**
     * The Tab walk made by focus() instead of key presses, where no key press could go anywhere else: the driver
     * calls it only when no key, blur or focusout listener is on the page, nor a focus or focusin listener on the
     * window or the document (kbListened names the elements with one of their own). Each element of the focus
     * order is focused in turn, as Tab would reach it (focus-visible, scrolled to only where a field's caret must be
     * on the screen), and its look read as kbStep reads it; kbFinish then compares. A focus listener that sends
     * focus elsewhere, at once or within BLUR_SETTLE_MS, ends it: null, and the driver presses Tab instead.
     * Resolves to the walk's end (stops, ended 'end' or 'cap'), or null where the page is not walkable this way.
     */
    kbByFocus: function (maxStops) {
      var listened = kbListenedElements;
      kbListenedElements = [];
      if (listened.indexOf(document.documentElement) >= 0 || listened.indexOf(document.body) >= 0 || !walkableByFocus()) return null;
      var order = focusOrder();
      kbBegin();
      var checkedGroups = radioGroups();
      var groupsTaken = {};
      var i = 0;
      var abort = function () {
        var now = deepActive();
        if (now && now !== document.body && now.blur) now.blur();
        kb.release();
        kb = null;
        return null;
      };
      return new Promise(function (resolve) {
        var next = function () {
          for (; i < order.length; i++) {
            var el = order[i];
            var group = radioGroup(el);
            if (group && (groupsTaken[group] || (checkedGroups[group] && !el.checked))) continue;
            var before = deepActive();
            var typed = el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && TEXT_FIELD.test(el.type || ''));
            el.focus({ preventScroll: !typed, focusVisible: true });
            var now = deepActive();
            if (now !== el) {
              // Focus went to a third element: a listener moved it.
              if (now !== before) return resolve(abort());
              continue;
            }
            if (kb.visited.length >= maxStops) return resolve({ stops: kb.visited.length, ended: 'cap' });
            if (group) groupsTaken[group] = true;
            kb.last = el;
            kbRead();
            if (
              listened.some(function (l) {
                return l.contains(el);
              })
            ) {
              i++;
              return setTimeout(function () {
                if (deepActive() !== el) return resolve(abort());
                next();
              }, BLUR_SETTLE_MS);
            }
          }
          resolve({ stops: kb.visited.length, ended: 'end' });
        };
        next();
      });
    },
    /** An element with a focus or focusin listener of its own (found by the driver through the protocol): kbByFocus waits after focusing it. */
    kbListened: function (el) {
      kbListenedElements.push(el);
    },
    /** The key walk's start (kbBegin), and whether its presses can go in batches. */
    kbStart: function () {
      kbBegin();
      // Handlers of focus or blur may move focus a moment after a press: then each press is read on its own,
      // after that moment (kbStep). Otherwise presses go in batches, each read as the next one arrives.
      var elements = allElements();
      for (var i = 0; i < elements.length; i++) if (handles(elements[i], 'focus') || handles(elements[i], 'blur')) return { batch: false, stops: 0 };
      kbRecord();
      return { batch: true, stops: expectedStops() };
    },
    /**
     * The steps of the batch just pressed, the last one read now, and the recorder set for the next batch;
     * null when steps are missing: a page whose own listener stops the keydown (stopImmediatePropagation on
     * window) keeps presses from the recorder, and the driver then walks again one press at a time.
     */
    kbBatchEnd: function (presses) {
      var steps = kb.steps || [];
      kb.last = deepActive();
      steps.push(kbRead());
      kbRecord();
      return steps.length === presses ? steps : null;
    },
    /**
     * After a Tab: the focused element's index in the order of first visits (-1: none), whether it is new,
     * whether it is a frame. When the element focus left has a blur handler of its own, or the one it reached a
     * focus handler (either may send focus elsewhere a moment later), the focus is read once that moment is over.
     */
    kbStep: function () {
      // Read one press at a time from here on (a trap's ways out after a batched walk).
      kbStopRecording();
      var left = kb.last;
      kb.last = deepActive();
      if (left && left !== kb.last && (handles(left, 'blur') || (kb.last && handles(kb.last, 'focus'))))
        return new Promise(function (resolve) {
          setTimeout(function () {
            kb.last = deepActive();
            resolve(kbRead());
          }, BLUR_SETTLE_MS);
        });
      return kbRead();
    },
    /**
     * A trap's way out the page itself advises (2.1.2 allows one): key combinations the text names ("Press
     * Ctrl+M to exit", "按Esc键退出"), read after following the same-page links inside the trap (a help link
     * that shows the advice), their default action prevented. Each as [modifiers…, key] for the driver.
     */
    kbAdvice: function (indices) {
      var prevent = function (e) {
        e.preventDefault();
      };
      window.addEventListener('click', prevent, true);
      try {
        indices.forEach(function (i) {
          var el = kb.visited[i];
          if (el && el.tagName === 'A' && (el.getAttribute('href') || '').charAt(0) === '#') el.click();
        });
      } finally {
        window.removeEventListener('click', prevent, true);
      }
      var said = document.body ? document.body.innerText : '';
      var found = [];
      var seen = {};
      var advice = /(?:press|hit|use|按下?|使用)\s*((?:(?:ctrl|control|alt|shift|meta|cmd)\s*\+\s*)*)(esc(?:ape)?|[a-z0-9])(?![a-z0-9])/gi;
      for (var m = advice.exec(said); m && found.length < 3; m = advice.exec(said)) {
        var combo = (m[1].match(/ctrl|control|alt|shift|meta|cmd/gi) || []).map(function (k) {
          k = k.toLowerCase();
          return k === 'ctrl' || k === 'control' ? 'Control' : k === 'alt' ? 'Alt' : k === 'shift' ? 'Shift' : 'Meta';
        });
        var key = m[2].toLowerCase();
        combo.push(/^esc/.test(key) ? 'Escape' : /\d/.test(key) ? 'Digit' + key : 'Key' + key.toUpperCase());
        if (!seen[combo.join('+')]) found.push(combo);
        seen[combo.join('+')] = true;
      }
      return found;
    },
    /** Tab stops after the last of these (in document order) that focus never reached: what a trap keeps one from (none from a dialog's own loop). */
    kbAfter: function (indices) {
      var last = null;
      indices.forEach(function (i) {
        var el = kb.visited[i];
        if (el && (!last || last.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) last = el;
      });
      if (!last) return 0;
      // A dialog that keeps focus inside itself does so by design (aria-modal): its own controls close it.
      var dialog = last.closest('dialog, [role=dialog], [role=alertdialog]');
      if (
        dialog &&
        indices.every(function (i) {
          return kb.visited[i] && dialog.contains(kb.visited[i]);
        })
      )
        return 0;
      var count = 0;
      var all = document.querySelectorAll(FOCUSABLE);
      for (var i = 0; i < all.length; i++) {
        var el = all[i];
        if (!(last.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) || last.contains(el)) continue;
        if (kb.visited.indexOf(el) >= 0 || !tabbable(el) || !rendered(el)) continue;
        count++;
      }
      return count;
    },
    describeVisited: function (indices) {
      return indices.map(function (i) {
        return describe(kb.visited[i]);
      });
    },
    /**
     * Focus taken away, then every visited element compared with how it looked focused (2.4.7), and the ones
     * inside aria-hidden content that focus stayed on (hiddenFocused).
     */
    kbFinish: function (orderLimit) {
      kbStopRecording();
      var active = deepActive();
      if (active && active !== document.body && active.blur) active.blur();
      var hidden = hiddenFocused(kb.visited);
      var unchanged = [];
      kb.visited.forEach(function (el, i) {
        var focused = kb.focused[i];
        // The same parts, read the same way, now that nothing is focused: all alike means focus showed nothing.
        if (focused && el.isConnected && appearance(el, focused)) unchanged.push(el);
      });
      kb.release();
      window.scrollTo(0, 0);
      var order = kb.visited.slice(0, orderLimit).map(selectorOf);
      var checked = kb.focused.filter(Boolean).length;
      kb = null;
      var result = { order: order, checked: checked, issue: unchanged.length ? issue('focus-not-visible', unchanged) : null, hidden: null };
      if (!hidden.length) return result;
      return keepsFocus(hidden.slice(0, MAX_HIDDEN_FOCUSED)).then(function (kept) {
        if (kept.length) result.hidden = issue('hidden-content-focused', kept);
        return result;
      });
    },

    /**
     * Reflow (1.4.10), run once the viewport is narrow: the page scrolls sideways, or content is cut at the
     * right edge. Overflow that comes only from what may scroll in two dimensions (images, video, maps,
     * data tables, preformatted text), or from inside a region that scrolls sideways by itself, is not a failure.
     */
    reflow: function (width) {
      var tolerance = 4;
      var root = document.documentElement;
      var body = document.body;
      var scrollWidth = Math.max(root.scrollWidth, body ? body.scrollWidth : 0);
      var clipsX = function (el) {
        var x = el ? getComputedStyle(el).overflowX : '';
        return x === 'hidden' || x === 'clip';
      };
      var scrolls = scrollWidth > width + tolerance && !clipsX(root) && !clipsX(body);
      var cut = !scrolls && (clipsX(root) || clipsX(body));
      var result = { scrollWidth: scrollWidth, issue: null };
      // A page that neither scrolls sideways nor cuts at its edge fails nothing: its elements are not read.
      if (!scrolls && !cut) return result;
      var exempt = function (el) {
        if (el.closest('img, picture, video, canvas, svg, iframe, object, embed, pre, code, map, math, [role=img], [role=application]')) return true;
        var table = el.closest('table');
        return !!table && !!table.querySelector('th, caption, thead');
      };
      // Inside a region that scrolls sideways by itself and fits the screen (a strip of channels): reached by
      // scrolling that region, neither cut off nor widening the page.
      var inScroller = function (el) {
        for (var a = el.parentElement; a && a !== body && a !== root; a = a.parentElement) {
          var x = getComputedStyle(a).overflowX;
          if (x === 'auto' || x === 'scroll') return a.getBoundingClientRect().right + window.scrollX <= width + tolerance;
        }
        return false;
      };
      var overflowing = [];
      allElements().forEach(function (el) {
        var r = el.getBoundingClientRect();
        if (r.width <= 0 || r.height <= 0 || r.right + window.scrollX <= width + tolerance) return;
        var parent = el.parentElement;
        if (parent && parent !== root) {
          var p = parent.getBoundingClientRect();
          if (p.right + window.scrollX > width + tolerance && parent !== body) return;
        }
        var style = getComputedStyle(el);
        // Off-canvas panels (wholly beyond the edge, positioned) are not content cut off.
        if ((style.position === 'absolute' || style.position === 'fixed') && r.left + window.scrollX >= width) return;
        if (style.visibility === 'hidden' || exempt(el) || !text(el) || inScroller(el)) return;
        overflowing.push({ el: el, right: r.right + window.scrollX });
      });
      overflowing.sort(function (a, b) {
        return b.right - a.right;
      });
      var elements = overflowing.map(function (o) {
        return o.el;
      });
      if (elements.length)
        result.issue = issue('reflow', elements, (scrolls ? '需要横向滚动：' : '内容被截断：') + '视口 ' + width + ' 像素宽时页面宽 ' + scrollWidth + ' 像素');
      return result;
    },
  };
})();
