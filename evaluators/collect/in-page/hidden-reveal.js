// Runs inside a page after page-integrity.js: whether a hidden block of links is part of the page's own interface
// (a menu shown on hover, a tab panel, a login box, a phone-width menu) or a block nobody can ever see (an injected
// 暗链). Defines window.__govscoreReveal(link, block, isHidden), which tries what a visitor can do: hover and focus
// the visible elements around the block (with the page's own :hover/:focus rules and its mouse and focus handlers),
// and show the page at another screen width (its @media rules); it also recognises a block holding form controls
// or a dialog, and one of a set of like elements shown one at a time. It answers how the block is shown, or null.
// Nothing is judged here (evaluators/link-safety.ts decides); no click is made (a click may leave the page).
(function () {
  if (window.__govscoreReveal) return;
  var MARK = 'data-govscore-on';
  // User-action states a rule may show a block in; each is stood in for by the mark on the element hovered or focused.
  var STATES = /:(hover|focus-within|focus-visible|focus|active)(?![\w-])/g;
  var SKIPPED_MEDIA = /\b(print|speech)\b/i;
  var MAX_CANDIDATES = 24;
  var MAX_ANCESTORS = 6;
  var MAX_RULES = 5000;
  var CONTROLS = 'input:not([type=hidden]), select, textarea, button, [role=button]';
  var DIALOG = '[role=dialog], [role=alertdialog], [aria-modal=true], dialog';
  // A menu or a menu button's popup: the page says it is one (WAI-ARIA roles, an owner that expands it).
  var MENU = '[role=menu], [role=menubar], [role=listbox], [role=tabpanel], [aria-haspopup]:not([aria-haspopup=false]), [aria-expanded]';
  // A navigation drawer: the page's navigation, all of it out of sight (a block hidden inside a navigation that shows is not one).
  var NAVIGATION = 'nav, [role=navigation]';
  // What closes a notice box (关闭, ×): a box the page shows and lets the visitor close.
  var CLOSE = /^(关闭|close|×|✕|╳)$/i;
  var MAX_INSIDE = 300;
  var MIN_WINDOW = 20;
  var LIKE_TAGS = /^(LI|DD|TR|OPTION)$/;
  // What turns a carousel (上一张/下一张, prev/next, arrows).
  var TURN = /^(上一|下一|前一|后一|prev|next|previous|‹|›|<|>|«|»|←|→|〈|〉)/i;
  var styles = null;

  /** The page's rules, rewritten once: those with a user-action state (the state as the mark), and those of @media the page does not match now. */
  function pageStyles() {
    if (styles) return styles;
    var states = [];
    var widths = [];
    var seen = 0;
    function walk(rules, otherWidth) {
      for (var i = 0; i < rules.length && seen < MAX_RULES; i++, seen++) {
        var rule = rules[i];
        if (rule.selectorText !== undefined && rule.style) {
          var body = '{' + rule.style.cssText + '}';
          if (otherWidth) widths.push(rule.selectorText + body);
          else if (STATES.test(rule.selectorText)) states.push(rule.selectorText.replace(STATES, '[' + MARK + ']') + body);
          STATES.lastIndex = 0;
        } else if (rule.media && rule.cssRules) {
          var text = rule.media.mediaText;
          var matches = !text || window.matchMedia(text).matches;
          if (matches) walk(rule.cssRules, otherWidth);
          else if (!SKIPPED_MEDIA.test(text)) walk(rule.cssRules, true);
        } else if (rule.cssRules) walk(rule.cssRules, otherWidth);
      }
    }
    for (var s = 0; s < document.styleSheets.length; s++) {
      var rules = null;
      try {
        rules = document.styleSheets[s].cssRules;
      } catch (_e) {
        rules = null; // another host's style sheet: its rules cannot be read
      }
      if (rules) walk(rules, false);
    }
    styles = { states: sheet(states), widths: sheet(widths) };
    return styles;
  }
  function sheet(rules) {
    if (!rules.length) return null;
    var el = document.createElement('style');
    el.setAttribute('data-govscore', 'reveal');
    el.textContent = rules.join('\n');
    (document.head || document.documentElement).appendChild(el);
    // A page whose Content-Security-Policy refuses inline styles gives the element no sheet: nothing to try.
    if (!el.sheet) {
      el.remove();
      return null;
    }
    el.sheet.disabled = true;
    return el;
  }

  function visible(el) {
    if (!el.getClientRects().length) return false;
    return el.checkVisibility ? el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : true;
  }
  function outOfSight(el) {
    return !visible(el) || offPage(el.getBoundingClientRect());
  }
  function offPage(box) {
    var pageWidth = Math.max(document.documentElement.scrollWidth, document.documentElement.clientWidth);
    return box.right + window.scrollX <= 0 || box.bottom + window.scrollY <= 0 || box.left + window.scrollX >= pageWidth;
  }
  function idsOf(block) {
    var ids = [];
    for (var node = block, i = 0; node && node.nodeType === 1 && i < 3; node = node.parentElement, i++) if (node.id) ids.push(node.id);
    return ids;
  }

  /** What a visitor may hover or focus to show the block: its ancestors, the children of its parent and grandparent, what names it (aria-controls, data-target, #id). */
  function candidates(block) {
    var out = [];
    function add(el) {
      if (!el || el.nodeType !== 1 || out.length >= MAX_CANDIDATES || out.indexOf(el) >= 0) return;
      if (el === document.body || el === document.documentElement || block.contains(el) || !visible(el)) return;
      out.push(el);
    }
    var ids = idsOf(block);
    for (var k = 0; k < ids.length; k++) {
      var id = window.CSS && CSS.escape ? CSS.escape(ids[k]) : ids[k];
      var naming = document.querySelectorAll(
        '[aria-controls~="' + id + '"], [data-target="#' + id + '"], [data-bs-target="#' + id + '"], a[href="#' + id + '"]',
      );
      for (var n = 0; n < naming.length; n++) add(naming[n]);
    }
    for (var sibling = block.previousElementSibling, s = 0; sibling && s < 3; sibling = sibling.previousElementSibling, s++) add(sibling);
    var parent = block.parentElement;
    for (var level = 0; parent && level < 2; parent = parent.parentElement, level++) {
      add(parent);
      for (var c = 0; c < parent.children.length && c < 12; c++) {
        var child = parent.children[c];
        add(child);
        // A label inside a sibling box (the menu's title beside its list).
        for (var g = 0; g < child.children.length && g < 6; g++) add(child.children[g]);
      }
    }
    for (var node = block.parentElement, i = 0; node && i < MAX_ANCESTORS; node = node.parentElement, i++) add(node);
    return out;
  }

  function fire(el, type, Kind) {
    el.dispatchEvent(new Kind(type, { bubbles: type !== 'mouseenter' && type !== 'mouseleave' && type !== 'focus' && type !== 'blur', view: window }));
  }
  function enter(el) {
    el.setAttribute(MARK, '');
    fire(el, 'mouseover', MouseEvent);
    fire(el, 'mouseenter', MouseEvent);
    fire(el, 'focusin', FocusEvent);
    fire(el, 'focus', FocusEvent);
  }
  function leave(el) {
    fire(el, 'mouseout', MouseEvent);
    fire(el, 'mouseleave', MouseEvent);
    fire(el, 'focusout', FocusEvent);
    fire(el, 'blur', FocusEvent);
    el.removeAttribute(MARK);
  }

  /** Shows the block with the page's own rules and handlers: the element whose hover or focus shows it, or null. */
  function hoverShows(block, isHidden) {
    var list = candidates(block);
    var rules = pageStyles().states;
    if (rules) rules.sheet.disabled = false;
    try {
      for (var i = 0; i < list.length; i++) {
        var shown = false;
        try {
          enter(list[i]);
          shown = !isHidden();
        } catch (_e) {
          shown = false; // a handler of the page failed
        } finally {
          try {
            leave(list[i]);
          } catch (_e) {
            list[i].removeAttribute(MARK);
          }
        }
        if (shown) return list[i];
      }
      return null;
    } finally {
      if (rules) rules.sheet.disabled = true;
    }
  }

  function otherWidthShows(isHidden) {
    var rules = pageStyles().widths;
    if (!rules) return false;
    rules.sheet.disabled = false;
    try {
      return !isHidden();
    } finally {
      rules.sheet.disabled = true;
    }
  }

  function closable(block) {
    var inside = block.querySelectorAll('*');
    for (var i = 0; i < inside.length && i < MAX_INSIDE; i++) {
      var el = inside[i];
      var said = el.children.length ? '' : (el.textContent || '').trim();
      if (CLOSE.test(said) || CLOSE.test(el.getAttribute('title') || '') || CLOSE.test(el.getAttribute('aria-label') || '')) return true;
    }
    return false;
  }

  /** One of a set of like elements (tab panels, slides, the items of a list) while another of the set shows. */
  function oneOfSet(block) {
    var parent = block.parentElement;
    if (!parent || parent === document.body) return false;
    var classes = block.classList;
    if (!classes.length && !LIKE_TAGS.test(block.tagName)) return false;
    for (var i = 0; i < parent.children.length; i++) {
      var other = parent.children[i];
      if (other === block || other.tagName !== block.tagName || !visible(other)) continue;
      // Alike: a class in common (the shown one often carries one more, "on" or "active"), or both without a class.
      var alike = !classes.length && !other.classList.length;
      for (var c = 0; c < classes.length && !alike; c++) alike = other.classList.contains(classes[c]);
      if (alike) return true;
    }
    return false;
  }

  /** What moves a carousel's track: a transform, a left/top offset or a negative margin (set by its script as it turns). */
  function moved(style) {
    if (style.transform && style.transform !== 'none') return true;
    if (style.position !== 'static' && (parseFloat(style.left) < 0 || parseFloat(style.top) < 0)) return true;
    return parseFloat(style.marginLeft) < 0 || parseFloat(style.marginTop) < 0;
  }
  function clips(style) {
    return style.overflow === 'hidden' || style.overflowX === 'hidden' || style.overflowY === 'hidden';
  }
  /** The tags of an element's children: the shape slides of one carousel share. */
  function shape(el) {
    var tags = [];
    for (var i = 0; i < el.children.length && i < 8; i++) tags.push(el.children[i].tagName);
    return tags.join(',');
  }
  /** Like in tag and shape, and in size where both have one (a hidden slide has none). */
  function alikeSlides(a, b) {
    if (a.tagName !== b.tagName || shape(a) !== shape(b)) return false;
    var boxA = a.getBoundingClientRect();
    var boxB = b.getBoundingClientRect();
    if (!boxA.width || !boxB.width) return true;
    return Math.abs(boxA.width - boxB.width) <= 0.3 * Math.max(boxA.width, boxB.width);
  }
  /** A carousel's turning buttons beside its window: previous/next or a row of dots, one per slide. */
  function controlsNear(frame, slides) {
    var places = [frame.parentElement, frame.parentElement && frame.parentElement.parentElement];
    for (var p = 0; p < places.length; p++) {
      var place = places[p];
      if (!place || place === document.body) continue;
      var inside = place.querySelectorAll('*');
      for (var i = 0; i < inside.length && i < MAX_INSIDE; i++) {
        var el = inside[i];
        if (frame.contains(el) || !visible(el)) continue;
        var said = [el.children.length ? '' : el.textContent, el.getAttribute('title'), el.getAttribute('aria-label')].join(' ').trim();
        if (TURN.test(said)) return true;
        if (dots(el, slides)) return true;
      }
    }
    return false;
  }
  /** A row of two or more like marks, no more than the slides, with nothing to read but a number (a carousel's dots; unstyled offline they may have no size). */
  function dots(el, slides) {
    var marks = el.children;
    if (marks.length < 2 || marks.length > slides) return false;
    for (var i = 0; i < marks.length; i++) {
      var mark = marks[i];
      var said = (mark.textContent || '').trim();
      if (mark.tagName !== marks[0].tagName || shape(mark) !== shape(marks[0]) || mark.getBoundingClientRect().height > 40) return false;
      if ((said && !/^\d{1,2}$/.test(said)) || mark.querySelector('img, a[href]')) return false;
    }
    return true;
  }
  /** Hidden, or less than half of it on the page (a slide turned away shows a sliver at most). */
  function mostlyOffPage(el) {
    if (!visible(el)) return true;
    var box = el.getBoundingClientRect();
    var pageWidth = Math.max(document.documentElement.scrollWidth, document.documentElement.clientWidth);
    var left = box.left + window.scrollX;
    var onPage = Math.min(left + box.width, pageWidth) - Math.max(left, 0);
    return offPage(box) || onPage < box.width / 2;
  }
  /** Holds half as much again as it shows (slides laid beyond it), not a few pixels of a margin. */
  function overflows(el) {
    return el.scrollWidth >= 1.5 * el.clientWidth || el.scrollHeight >= 1.5 * el.clientHeight;
  }
  /** A carousel's window: shown on the page and big enough to show a slide (an injected block's box is off the page, empty or a pixel). */
  function windowShows(frame) {
    var box = frame.getBoundingClientRect();
    return !outOfSight(frame) && box.width >= MIN_WINDOW && box.height >= MIN_WINDOW;
  }
  /**
   * The slide of a carousel holding `link` (or the link itself) and `block`, the element hiding it: an element with like siblings (tag, shape, size) in a
   * track that clips or is moved (or one of its next two ancestors does) and that shows on the page, while one of them
   * shows or turning buttons sit beside it. Its track, or null.
   */
  function carouselOf(link, block) {
    for (var slide = link, i = 0; slide && slide.parentElement && i < MAX_ANCESTORS; slide = slide.parentElement, i++) {
      var track = slide.parentElement;
      if (track === document.body || track === document.documentElement) return null;
      var like = [];
      for (var c = 0; c < track.children.length; c++) {
        var other = track.children[c];
        if (other !== slide && alikeSlides(slide, other)) like.push(other);
      }
      // The slide is out of sight as a whole, hidden by itself or what it holds: a hidden part of a slide that shows, or a
      // track hidden with all its slides, is no turn of a carousel.
      if (!like.length || !mostlyOffPage(slide) || !slide.contains(block)) continue;
      var showing = 0;
      for (var k = 0; k < like.length; k++) if (!outOfSight(like[k])) showing++;
      var slides = like.length + 1;
      // The window: moved, or clipping slides laid beyond it; a box that clips nothing (a float-clearing box) only when it
      // shows one slide at most, beside turning buttons (a carousel that fades from one slide to the next).
      var frame = null;
      for (var node = track, up = 0; node && node !== document.body && up < 3 && !frame; node = node.parentElement, up++) {
        var style = getComputedStyle(node);
        if (!windowShows(node)) continue;
        if (moved(style) || (clips(style) && overflows(node))) frame = node;
        else if (clips(style) && showing <= 1 && controlsNear(node, slides)) frame = node;
      }
      if (frame && (showing > 0 || controlsNear(frame, slides))) return track;
    }
    return null;
  }
  /** Inside a widget the page fades in once it is ready: an element see-through and not clickable that takes its room on the page. */
  function fadingIn(block) {
    for (var node = block; node && node !== document.body; node = node.parentElement) {
      var style = getComputedStyle(node);
      if (parseFloat(style.opacity) !== 0 || style.pointerEvents !== 'none') continue;
      var box = node.getBoundingClientRect();
      return box.width >= 1 && box.height >= 1 && !offPage(box);
    }
    return false;
  }

  /**
   * How the page shows `block` (the element carrying the style that hides `link`): 'hover' with the control, 'width',
   * 'panel' (form controls, a dialog or a close button: a login box, a cookie box, a notice), 'menu' (inside what the page marks as a menu,
   * a popup's owner, or a navigation wholly out of sight: that element), 'set' (one of like elements), 'slide' (a slide of a
   * carousel: its track), 'fading' (a widget not yet faded in: opacity 0 and no pointer events), or null.
   * `isHidden`: whether the link is hidden now (page-integrity.js hiddenBy).
   */
  window.__govscoreReveal = function (link, block, isHidden, describe) {
    var control = hoverShows(block, isHidden);
    if (control) return { how: 'hover', control: describe(control).selector };
    if (otherWidthShows(isHidden)) return { how: 'width', control: null };
    if (block.querySelector(CONTROLS) || link.closest(DIALOG) || closable(block)) return { how: 'panel', control: null };
    var owner = link.closest(MENU);
    var drawer = link.closest(NAVIGATION);
    if (!owner && drawer && outOfSight(drawer)) owner = drawer;
    if (owner) return { how: 'menu', control: describe(owner).selector };
    if (block !== link && oneOfSet(block)) return { how: 'set', control: null };
    var track = carouselOf(link, block);
    if (track) return { how: 'slide', control: describe(track).selector };
    if (fadingIn(block)) return { how: 'fading', control: null };
    return null;
  };
  /** Takes the rewritten rules out of the page again. */
  window.__govscoreReveal.end = function () {
    if (styles && styles.states) styles.states.remove();
    if (styles && styles.widths) styles.widths.remove();
    styles = null;
  };
})();
