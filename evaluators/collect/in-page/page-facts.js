// Runs inside a page (plain browser JavaScript, no imports): the facts the feature collectors need —
// the links with their texts and where they sit (navigation, side bar, footer, main content), the main
// text and headings, tables with their header cells, short labels, iframes, the footer text, the search
// form and the viewport. Defines window.__govscoreFacts(); nothing is judged here.
(function () {
  var ZONES = [
    ['footer', /(^|[-_\s])(footer|foot|bottom|copyright|copy)([-_\s\d]|$)/i],
    ['header', /(^|[-_\s])(header|head|top|topbar|banner|logo)([-_\s\d]|$)/i],
    ['nav', /(^|[-_\s])(nav|menu|navbar|mainnav|subnav|crumb|breadcrumb|position|location)([-_\s\d]|$)/i],
    ['side', /(^|[-_\s])(side|sidebar|left|leftnav|aside|catalog)([-_\s\d]|$)/i],
  ];
  var TAG_ZONES = { footer: 'footer', header: 'header', nav: 'nav', aside: 'side' };
  var ROLE_ZONES = { contentinfo: 'footer', banner: 'header', navigation: 'nav', complementary: 'side' };

  function classOf(el) {
    return ((el.getAttribute('class') || '') + ' ' + (el.id || '')).trim();
  }
  function text(el) {
    return (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
  }
  // The nearest furniture an element sits in; "main" when none.
  function zoneOf(el) {
    for (var e = el; e && e !== document.body && e.nodeType === 1; e = e.parentElement) {
      var tag = e.tagName.toLowerCase();
      if (TAG_ZONES[tag]) return TAG_ZONES[tag];
      var role = e.getAttribute('role');
      if (role && ROLE_ZONES[role]) return ROLE_ZONES[role];
      var cls = classOf(e);
      for (var i = 0; i < ZONES.length; i++) if (ZONES[i][1].test(cls)) return ZONES[i][0];
    }
    return 'main';
  }
  function anchors() {
    var out = [];
    var list = document.querySelectorAll('a, area, [onclick]');
    for (var i = 0; i < list.length && out.length < 1500; i++) {
      var a = list[i];
      var t = text(a) || a.getAttribute('title') || a.getAttribute('aria-label') || '';
      var img = a.querySelector && a.querySelector('img[alt]');
      if (!t && img) t = img.getAttribute('alt') || '';
      var raw = a.getAttribute('href') || '';
      out.push({ text: t.slice(0, 80), href: raw && !/^\s*javascript:/i.test(raw) && raw.charAt(0) !== '#' ? a.href : null, script: !raw || /^\s*javascript:/i.test(raw) || raw.charAt(0) === '#', zone: zoneOf(a) });
    }
    return out;
  }
  function mainRoot() {
    return document.querySelector('main, [role=main], .article, .content, #content, .main') || document.body;
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
  // Short label cells (th, dt, strong, first cells): where 办事指南 and letters name their fields.
  function labels() {
    var out = [];
    var list = document.querySelectorAll('th, dt, strong, b, label, .label, .name, td:first-child');
    for (var i = 0; i < list.length && out.length < 400; i++) {
      var t = text(list[i]);
      if (t && t.length <= 16) out.push(t.replace(/[：:]\s*$/, ''));
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
      var same = 0, linked = 0;
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
        row.querySelectorAll('span, em, i, b, font, div, p, dd').forEach(function (e) { if (!e.querySelector('a')) { var t = text(e); if (t) parts.push(t.slice(0, 120)); } });
        rows.push({ text: text(row).slice(0, 300), parts: parts, link: link ? { text: text(link).slice(0, 120) || link.getAttribute('title') || '', href: link.href } : null });
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
      var hint = (input.getAttribute('placeholder') || '') + ' ' + (input.name || '') + ' ' + (input.id || '') + ' ' + classOf(form || input) + ' ' + (form ? text(form) : '');
      if (!/搜|检索|查询|search|keyword|query|q\b|wd|kw/i.test(hint)) continue;
      return { action: form ? form.action : null, method: form ? (form.getAttribute('method') || 'get').toLowerCase() : null, name: input.name || null, selector: input.id ? '#' + CSS.escape(input.id) : null, index: i };
    }
    return null;
  }
  window.__govscoreFacts = function () {
    var metas = {};
    document.querySelectorAll('meta[name]').forEach(function (m) { metas[m.getAttribute('name')] = m.getAttribute('content') || ''; });
    var footers = [];
    document.querySelectorAll('body *').forEach(function (e) {
      if (zoneOf(e) === 'footer' && (!e.parentElement || zoneOf(e.parentElement) !== 'footer')) footers.push(text(e));
    });
    var root = mainRoot();
    var frames = [];
    document.querySelectorAll('iframe, frame').forEach(function (f) { if (f.src) frames.push({ src: f.src, title: f.getAttribute('title') || f.getAttribute('name') || '' }); });
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
      mainImages: Array.prototype.filter.call(root.querySelectorAll('img'), function (i) { return zoneOf(i) === 'main'; }).length,
      iframes: frames,
      footerText: footers.join(' ').slice(0, 3000),
      search: searchForm(),
    };
  };
})();
