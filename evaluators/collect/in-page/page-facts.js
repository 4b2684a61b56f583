// Runs inside a page (plain browser JavaScript, no imports): the facts the feature collectors need —
// the links with their texts, targets (script links too), rows and where they sit (navigation, side bar,
// footer, main content), the main
// text and headings, tables with their header cells, short labels, iframes, the footer text, the search
// form and the viewport. Defines window.__govscoreFacts(); nothing is judged here.
(function () {
  // Zones come from what an element is, never from what its class is called: real sites use `left` or
  // `news_left` for layout floats that hold content, pinyin (dqwz, lmlb), build hashes or no classes.
  // Semantics first (tags, roles), then structure: a bar of short links across the top is navigation,
  // a narrow column of short links beside wider content is a side menu, the block at the bottom holding
  // the registration lines (备案号, 标识码, 版权) is the footer, and what sits above the top bar is the header.
  var TAG_ZONES = { footer: 'footer', header: 'header', nav: 'nav', aside: 'side' };
  var ROLE_ZONES = { contentinfo: 'footer', banner: 'header', navigation: 'nav', complementary: 'side' };
  var FOOTER_MARK = /ICP备|ICP证|公网安备|网站标识码|版权所有|copyright|©/i;
  var CRUMB = /^\s*(当前位置|您的位置|您现在的位置|所在位置|当前页面)|^\s*首页\s*[>›»＞]/;
  var SCRIPT_URL = /(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\s*\(|window\.open\s*\()\s*['"]([^'"]+)['"]/i;
  var structure = null;

  function classOf(el) {
    return ((el.getAttribute('class') || '') + ' ' + (el.id || '')).trim();
  }
  function text(el) {
    return (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
  }
  function flat(el) {
    return (el.textContent || '').replace(/\s+/g, '');
  }
  function box(el) {
    var r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left + window.scrollX, width: r.width, height: r.height };
  }
  function mostShared(values) {
    var counts = {},
      best = 0;
    for (var i = 0; i < values.length; i++) best = Math.max(best, (counts[values[i]] = (counts[values[i]] || 0) + 1));
    return best;
  }
  // Blocks of short links (menus): ≥ 4 visible links, mostly short, making up most of the block's text;
  // laid out in a row (same top) or a column (same left).
  function menuBlock(el) {
    var links = el.querySelectorAll('a');
    if (links.length < 4 || links.length > 80) return null;
    var linkText = 0,
      short = 0,
      tops = [],
      lefts = [];
    for (var i = 0; i < links.length; i++) {
      var t = flat(links[i]);
      linkText += t.length;
      if (t.length <= 10) short++;
      var b = box(links[i]);
      if (b.width === 0 && b.height === 0) continue; // a hover menu's hidden items
      tops.push(Math.round(b.top / 6));
      lefts.push(Math.round(b.left / 6));
    }
    if (short < links.length * 0.8 || linkText < flat(el).length * 0.7 || tops.length < 4) return null;
    return { row: mostShared(tops) >= tops.length * 0.6, column: mostShared(lefts) >= lefts.length * 0.6 };
  }
  function buildStructure() {
    var zones = new Map();
    var pageHeight = Math.max(document.documentElement.scrollHeight, document.body.scrollHeight, 1);
    var pageWidth = Math.max(document.documentElement.clientWidth, 1);
    var navTop = null;
    var menus = new Map();
    var blocks = document.body.querySelectorAll('ul, ol, div, p, td, tr, table, dl, section, span');
    for (var i = 0; i < blocks.length && i < 5000; i++) {
      var el = blocks[i];
      var b = box(el);
      var own = flat(el);
      if (own.length <= 100 && CRUMB.test(text(el))) {
        zones.set(el, 'nav');
        continue;
      }
      var menu = menuBlock(el);
      menus.set(el, menu);
      if (!menu) continue;
      if (menu.row && b.top < Math.max(400, pageHeight * 0.3) && !inGrid(el, menus)) {
        zones.set(el, 'nav');
        navTop = navTop === null ? b.top : Math.min(navTop, b.top);
      } else if (menu.column && !menu.row && b.width > 0 && b.width <= pageWidth * 0.35 && besideContent(el, b)) {
        zones.set(el, 'side');
      }
    }
    // The footer: from each registration line at the lower part of the page, the largest block around it
    // that is still at the bottom and small (a wrapper holding the content as well is not the footer).
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var marked = [];
    for (var n = walker.nextNode(); n && marked.length < 20; n = walker.nextNode()) if (FOOTER_MARK.test(n.textContent)) marked.push(n.parentElement);
    marked.forEach(function (e) {
      if (!e || box(e).top < pageHeight * 0.4) return;
      var footer = e;
      for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        if (box(p).top < pageHeight * 0.4 || flat(p).length > 1500 || p.querySelectorAll('a').length > 40) break;
        footer = p;
      }
      zones.set(footer, 'footer');
    });
    return { zones: zones, navTop: navTop, menus: menus, blocks: new Map() };
  }
  // One row of a grid of short links (a table of columns, a tile wall) is content, not a menu bar.
  function inGrid(el, menus) {
    for (var p = el.parentElement, k = 0; p && p !== document.body && k < 3; p = p.parentElement, k++) {
      var m = menus.get(p);
      if (m && !m.row) return true;
    }
    return false;
  }
  // Something at least as wide sits beside the block (or beside one of its wrappers): it is a side column.
  function besideContent(el, b) {
    for (var e = el, k = 0; e && e !== document.body && e.parentElement && k < 4; e = e.parentElement, k++) {
      var eb = box(e);
      var sibs = e.parentElement.children;
      for (var i = 0; i < sibs.length; i++) {
        if (sibs[i] === e) continue;
        var s = box(sibs[i]);
        var overlaps = s.height > 0 && s.top < eb.bottom && s.bottom > eb.top;
        var aside = s.left >= eb.left + eb.width - 1 || s.left + s.width <= eb.left + 1;
        if (overlaps && aside && s.width >= b.width) return true;
      }
    }
    return false;
  }
  // The nearest furniture an element sits in; "main" when none.
  function zoneOf(el) {
    if (!structure) structure = buildStructure();
    for (var e = el; e && e !== document.body && e.nodeType === 1; e = e.parentElement) {
      var tag = e.tagName.toLowerCase();
      if (TAG_ZONES[tag]) return TAG_ZONES[tag];
      var role = e.getAttribute('role');
      if (role && ROLE_ZONES[role]) return ROLE_ZONES[role];
      var z = structure.zones.get(e);
      if (z) return z;
    }
    if (structure.navTop !== null && el.nodeType === 1) {
      var b = box(el);
      if (b.height > 0 && b.bottom <= structure.navTop + 1) return 'header';
    }
    return 'main';
  }
  // The block a link belongs to, numbered: its nearest enclosing list, table or menu-like block of short
  // links, whatever its class — so a directory of links is recognised as one block wherever it sits.
  function blockOf(a) {
    if (!structure) structure = buildStructure();
    for (var e = a.parentElement, k = 0; e && e !== document.body && k < 8; e = e.parentElement, k++) {
      if (!/^(ul|ol|dl|table|nav)$/i.test(e.tagName) && !structure.menus.get(e)) continue;
      if (!structure.blocks.has(e)) structure.blocks.set(e, structure.blocks.size + 1);
      return structure.blocks.get(e);
    }
    return null;
  }
  // An image of the content (a photo): in the main zone, not the site's logo (linked to the homepage), not a
  // badge linking to another site, not an icon (under 50 px). An image of unknown size still counts, rather
  // than a photo being missed.
  function contentImage(img) {
    if (zoneOf(img) !== 'main') return false;
    var link = img.closest('a[href]');
    if (link && link.href) {
      try {
        var u = new URL(link.href);
        if (/^https?:$/.test(u.protocol) && (u.host !== location.host || u.pathname.replace(/\/(index\.\w+)?$/, '') === '')) return false;
      } catch (_e) {
        /* an unreadable link: judged by size only */
      }
    }
    // Blocked images render as their alt text, so the size is the declared one (or the loaded image's).
    var w = parseInt(img.getAttribute('width'), 10) || (img.naturalWidth ? box(img).width : 0);
    var h = parseInt(img.getAttribute('height'), 10) || (img.naturalHeight ? box(img).height : 0);
    return !((w > 0 && w < 50) || (h > 0 && h < 50));
  }
  // A script link's target when the script names one (location.href='…', window.open('…')).
  function scriptTarget(a) {
    var m = SCRIPT_URL.exec((a.getAttribute('href') || '') + ' ' + (a.getAttribute('onclick') || ''));
    if (!m) return null;
    try {
      var u = new URL(m[1], document.baseURI);
      return /^https?:$/.test(u.protocol) ? u.href : null;
    } catch (_e) {
      return null;
    }
  }
  // The text of the row a link sits in (its li, tr, dd, p, or parent), without the link's own text:
  // where lists show a date beside the link.
  function rowText(a) {
    var row = a.parentElement;
    for (var e = a.parentElement, k = 0; e && e !== document.body && k < 4; e = e.parentElement, k++) {
      if (/^(li|tr|dd|dt|p)$/i.test(e.tagName)) {
        row = e;
        break;
      }
    }
    if (!row || row === document.body) return '';
    var all = text(row);
    return all.length > 300 ? '' : all.replace(text(a), ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  }
  function anchors() {
    var out = [];
    var list = document.querySelectorAll('a, area, [onclick]');
    for (var i = 0; i < list.length && out.length < 1500; i++) {
      var a = list[i];
      var img = a.querySelector && a.querySelector('img[alt], img[title]');
      var t = text(a) || a.getAttribute('title') || a.getAttribute('aria-label') || (img && (img.getAttribute('alt') || img.getAttribute('title'))) || '';
      var raw = a.getAttribute('href') || '';
      var script = !raw || /^\s*javascript:/i.test(raw) || raw.charAt(0) === '#';
      var href = !script && a.href ? String(a.href) : scriptTarget(a);
      out.push({ text: t.replace(/\s+/g, ' ').trim().slice(0, 80), href: href, script: script, zone: zoneOf(a), block: blockOf(a), row: rowText(a) });
    }
    return out;
  }
  function mainRoot() {
    return document.querySelector('main, [role=main]') || document.body;
  }
  function mainText() {
    var clone = document.body.cloneNode(true);
    var all = clone.querySelectorAll('script, style, noscript, template');
    for (var i = all.length - 1; i >= 0; i--) all[i].parentNode.removeChild(all[i]);
    var out = [];
    var parts = document.body.querySelectorAll('body *');
    // Text of the main zone only: the furniture repeats on every page and would match everything.
    for (var j = 0; j < parts.length; j++) {
      var p = parts[j];
      if (p.children.length > 0 && !/^(p|td|th|li|dd|dt|h[1-6]|span|div)$/i.test(p.tagName)) continue;
      if (/^(script|style|noscript|template)$/i.test(p.tagName)) continue;
      if (zoneOf(p) !== 'main') continue;
      var own = '';
      for (var k = 0; k < p.childNodes.length; k++) if (p.childNodes[k].nodeType === 3) own += p.childNodes[k].textContent;
      own = own.replace(/\s+/g, ' ').trim();
      if (own) out.push(own);
    }
    return out.join('\n').slice(0, 40000);
  }
  function headings() {
    var out = [];
    var list = document.querySelectorAll('h1, h2, h3, h4, h5, .title, strong');
    for (var i = 0; i < list.length && out.length < 200; i++) {
      if (zoneOf(list[i]) !== 'main') continue;
      var t = text(list[i]);
      if (t && t.length <= 60) out.push(t);
    }
    return out;
  }
  // Short label cells (th, dt, strong, first cells) and short texts ending in a colon ("申请条件："):
  // where 办事指南 and letters name their fields.
  function labels() {
    var out = [];
    var list = document.querySelectorAll('th, dt, strong, b, label, td:first-child, span, em, font, p, div');
    for (var i = 0; i < list.length && out.length < 400; i++) {
      var e = list[i];
      if (flat(e).length > 17) continue;
      var cell = /^(th|dt|strong|b|label|td)$/i.test(e.tagName);
      var t = text(e);
      if (!t || t.length > 16 || (!cell && !/[：:]$/.test(t))) continue;
      out.push(t.replace(/[：:]\s*$/, ''));
    }
    return out;
  }
  function tables() {
    var out = [];
    var list = document.querySelectorAll('table');
    for (var i = 0; i < list.length && out.length < 8; i++) {
      var rows = list[i].querySelectorAll('tr');
      if (rows.length < 2) continue;
      var headers = [];
      var first = rows[0].querySelectorAll('th, td');
      for (var h = 0; h < first.length; h++) headers.push(text(first[h]));
      var body = [];
      for (var r = 1; r < rows.length && body.length < 200; r++) {
        var cells = rows[r].querySelectorAll('td, th');
        var row = { cells: [], links: [] };
        for (var c = 0; c < cells.length; c++) row.cells.push(text(cells[c]).slice(0, 200));
        var links = rows[r].querySelectorAll('a[href]');
        for (var l = 0; l < links.length; l++) row.links.push({ text: text(links[l]).slice(0, 120), href: links[l].href });
        body.push(row);
      }
      out.push({ headers: headers, rows: body });
    }
    return out;
  }
  // Label → value pairs however a template writes them: <dt>/<dd>, a <th> or first <td> and the next
  // cell, or one element reading "受理日期：2026-11-03".
  function pairs() {
    var out = [];
    function add(label, value) {
      label = label.replace(/[：:\s]+$/, '');
      if (label && label.length <= 12 && value) out.push({ label: label, value: value.slice(0, 300) });
    }
    document.querySelectorAll('dt').forEach(function (dt) {
      var dd = dt.nextElementSibling;
      if (dd && dd.tagName.toLowerCase() === 'dd') add(text(dt), text(dd));
    });
    document.querySelectorAll('tr').forEach(function (tr) {
      var cells = tr.querySelectorAll('th, td');
      for (var i = 0; i + 1 < cells.length; i += 2) add(text(cells[i]), text(cells[i + 1]));
    });
    document.querySelectorAll('p, li, div, span').forEach(function (e) {
      if (e.children.length > 3) return;
      var m = /^\s*([\u4e00-\u9fa5]{2,8})\s*[：:]\s*(\S.*)$/.exec(text(e));
      if (m) add(m[1], m[2]);
    });
    return out.slice(0, 300);
  }
  // Repeated rows that each hold a link (li, or the same-tag children of one parent): lists a template
  // writes without a table, with the texts of the row's parts.
  function lists() {
    var out = [];
    var parents = new Set();
    document.querySelectorAll('ul, ol, div, tbody, dl').forEach(function (p) {
      if (zoneOf(p) !== 'main' || p.children.length < 3) return;
      var tag = p.children[0].tagName;
      var same = 0,
        linked = 0;
      for (var i = 0; i < p.children.length; i++) {
        if (p.children[i].tagName === tag) same++;
        if (p.children[i].querySelector('a[href]')) linked++;
      }
      if (same >= 3 && linked >= 3 && linked >= same * 0.6) parents.add(p);
    });
    parents.forEach(function (p) {
      if (out.length >= 8) return;
      var rows = [];
      for (var i = 0; i < p.children.length && rows.length < 200; i++) {
        var row = p.children[i];
        var link = row.querySelector('a[href]');
        var parts = [];
        row.querySelectorAll('span, em, i, b, font, div, p, dd').forEach(function (e) {
          if (!e.querySelector('a')) {
            var t = text(e);
            if (t) parts.push(t.slice(0, 120));
          }
        });
        rows.push({
          text: text(row).slice(0, 300),
          parts: parts,
          link: link ? { text: text(link).slice(0, 120) || link.getAttribute('title') || '', href: link.href } : null,
        });
      }
      out.push({ rows: rows });
    });
    return out;
  }
  function searchForm() {
    var inputs = document.querySelectorAll('input[type=text], input[type=search], input:not([type])');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      var form = input.form;
      var hint =
        (input.getAttribute('placeholder') || '') +
        ' ' +
        (input.name || '') +
        ' ' +
        (input.id || '') +
        ' ' +
        classOf(form || input) +
        ' ' +
        (form ? text(form) : '');
      if (!/搜|检索|查询|search|keyword|query|q\b|wd|kw/i.test(hint)) continue;
      return {
        action: form ? form.action : null,
        method: form ? (form.getAttribute('method') || 'get').toLowerCase() : null,
        name: input.name || null,
        selector: input.id ? '#' + CSS.escape(input.id) : null,
        index: i,
      };
    }
    return null;
  }
  window.__govscoreFacts = function () {
    structure = null;
    var metas = {};
    document.querySelectorAll('meta[name]').forEach(function (m) {
      metas[m.getAttribute('name')] = m.getAttribute('content') || '';
    });
    var footers = [];
    document.querySelectorAll('body *').forEach(function (e) {
      if (zoneOf(e) === 'footer' && (!e.parentElement || zoneOf(e.parentElement) !== 'footer')) footers.push(text(e));
    });
    var root = mainRoot();
    var frames = [];
    document.querySelectorAll('iframe, frame').forEach(function (f) {
      if (f.src) frames.push({ src: f.src, title: f.getAttribute('title') || f.getAttribute('name') || '' });
    });
    return {
      url: location.href,
      title: document.title,
      lang: document.documentElement.getAttribute('lang'),
      metas: metas,
      viewport: metas.viewport || null,
      anchors: anchors(),
      mainText: mainText(),
      headings: headings(),
      labels: labels(),
      tables: tables(),
      pairs: pairs(),
      lists: lists(),
      mainImages: Array.prototype.filter.call(root.querySelectorAll('img'), contentImage).length,
      iframes: frames,
      footerText: footers.join(' ').slice(0, 3000),
      search: searchForm(),
    };
  };
})();
