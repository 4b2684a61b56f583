// Runs inside the crawled page (plain browser JavaScript, no imports): reads the structure of the page
// that the crawler needs — navigation, "more" links, the main list and its rows, the pager, metas.
// It defines window.__govscoreRead(); the crawler evaluates this file, then calls that function.
(function () {
  var NOISE = /(^|[-_\s])(nav|menu|header|head|top|topbar|footer|foot|side|sidebar|left|crumb|breadcrumb|bread|position|location|links|friend|copyright|bottom|toolbar|share)([-_\s\d]|$)/i;
  var PLACEHOLDER = /((该栏目|本栏目)?暂无(相关)?(信息|数据|内容|记录|文章)|没有(找到)?(相关)?(信息|记录|数据)|无相关(信息|记录))/;
  var MORE = /^\s*(更多|more|更多\s*>+|更多\s*»|>>|更多\+|more\s*>+|查看更多)\s*$/i;
  var NEXT = /^\s*(下一页|下页|后一页|下一頁|next|›|»|>|下一页\s*>+)\s*$/i;

  function classOf(el) {
    return ((el.getAttribute('class') || '') + ' ' + (el.id || '')).trim();
  }
  function isNoise(el) {
    for (var e = el; e && e !== document.body; e = e.parentElement) {
      var tag = e.tagName.toLowerCase();
      if (tag === 'nav' || tag === 'header' || tag === 'footer' || tag === 'aside') return true;
      var role = e.getAttribute('role');
      if (role === 'navigation' || role === 'banner' || role === 'contentinfo') return true;
      if (NOISE.test(classOf(e))) return true;
    }
    return false;
  }
  function isNav(el) {
    for (var e = el; e && e !== document.body; e = e.parentElement) {
      var tag = e.tagName.toLowerCase();
      if (tag === 'nav' || tag === 'aside' || e.getAttribute('role') === 'navigation') return true;
      if (/(^|[-_\s])(nav|menu|side|sidebar|left|subnav|channel)([-_\s\d]|$)/i.test(classOf(e))) return true;
    }
    return false;
  }
  function text(el) {
    return (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
  }
  function usableHref(a) {
    var raw = a.getAttribute('href') || '';
    if (!raw || raw.charAt(0) === '#' || /^(javascript|mailto|tel):/i.test(raw)) return null;
    return a.href;
  }
  function titledLinks(el) {
    var out = [];
    var links = el.querySelectorAll('a');
    for (var i = 0; i < links.length; i++) {
      var t = text(links[i]) || links[i].getAttribute('title') || '';
      if (t.replace(/\s/g, '').length >= 4 && usableHref(links[i]) && !MORE.test(t)) out.push(links[i]);
    }
    return out;
  }

  // The main list: the container whose children are rows of one link each, the most of them, outside
  // page furniture. Dated rows weigh more, so a news list beats a block of related links.
  function findLists() {
    var candidates = document.querySelectorAll('ul, ol, tbody, table, dl, div, section');
    var lists = [];
    for (var i = 0; i < candidates.length; i++) {
      var c = candidates[i];
      if (isNoise(c)) continue;
      var children = c.children;
      if (!children.length) continue;
      var rows = [];
      var tags = {};
      for (var j = 0; j < children.length; j++) {
        if (NOISE.test(classOf(children[j]))) continue;
        var links = titledLinks(children[j]).filter(function (a) { return !isNoise(a); });
        if (links.length >= 1 && links.length <= 3) {
          rows.push({ el: children[j], link: links[0], single: links.length === 1 });
          tags[children[j].tagName] = (tags[children[j].tagName] || 0) + 1;
        }
      }
      // Rows of a list are alike: keep the most common tag (li, tr, div.card …).
      var tag = Object.keys(tags).sort(function (x, y) { return tags[y] - tags[x]; })[0];
      rows = rows.filter(function (r) { return r.el.tagName === tag; });
      if (rows.length === 0 || rows.length < children.length * 0.5) continue;
      lists.push({ el: c, rows: rows });
    }
    return lists;
  }

  function headersOf(listEl) {
    var table = listEl.closest('table');
    if (!table) return [];
    var ths = table.querySelectorAll('thead th, tr:first-child th');
    return Array.prototype.map.call(ths, text);
  }

  function rowInfo(row) {
    var a = row.link;
    var cells = row.el.tagName === 'TR' ? Array.prototype.map.call(row.el.children, text) : [];
    return {
      title: text(a) || a.getAttribute('title') || '',
      href: usableHref(a),
      text: text(row.el),
      cells: cells,
      titleAttr: row.el.getAttribute('title') || a.getAttribute('title') || ''
    };
  }

  function pager() {
    var controls = document.querySelectorAll('a, button, span[onclick], input[type=button], li[onclick]');
    for (var i = 0; i < controls.length; i++) {
      var el = controls[i];
      var label = el.tagName === 'INPUT' ? el.value : text(el);
      if (!NEXT.test(label) || el.disabled || /disabled/.test(classOf(el))) continue;
      var href = el.tagName === 'A' ? usableHref(el) : null;
      el.setAttribute('data-govscore-next', '1');
      return { nextHref: href, script: !href };
    }
    // Numbered pagers without a "next": the control labelled current + 1 next to the current one.
    var current = document.querySelector('[class*=page] .current, [class*=page] .active, [class*=page] button[disabled], [class*=page] span.on, [class*=pag] strong');
    if (current) {
      var n = parseInt(text(current), 10);
      var scope = current.parentElement;
      var siblings = scope ? scope.querySelectorAll('a, button') : [];
      for (var k = 0; k < siblings.length; k++) {
        if (text(siblings[k]) === String(n + 1)) {
          siblings[k].setAttribute('data-govscore-next', '1');
          var h = siblings[k].tagName === 'A' ? usableHref(siblings[k]) : null;
          return { nextHref: h, script: !h };
        }
      }
    }
    return { nextHref: null, script: false };
  }

  function metas() {
    var out = {};
    var list = document.querySelectorAll('meta[name]');
    for (var i = 0; i < list.length; i++) out[list[i].getAttribute('name')] = list[i].getAttribute('content') || '';
    return out;
  }

  function mainText() {
    var clone = document.body.cloneNode(true);
    var all = clone.querySelectorAll('*');
    for (var i = all.length - 1; i >= 0; i--) {
      var e = all[i];
      var tag = e.tagName.toLowerCase();
      if (tag === 'script' || tag === 'style' || tag === 'nav' || tag === 'header' || tag === 'footer' || tag === 'aside' || NOISE.test(classOf(e))) {
        if (e.parentNode) e.parentNode.removeChild(e);
      }
    }
    return (clone.textContent || '').replace(/\s+/g, ' ').trim();
  }

  // The HTML behind a finding: the list's first rows, or the placeholder's container (at most 2 KB).
  function fragmentOf(best) {
    var html = '';
    if (best) {
      for (var i = 0; i < best.rows.length && i < 3; i++) html += best.rows[i].el.outerHTML + '\n';
    } else {
      var all = document.querySelectorAll('body *');
      for (var j = all.length - 1; j >= 0; j--) {
        if (all[j].children.length === 0 && PLACEHOLDER.test(all[j].textContent || '')) { html = all[j].outerHTML; break; }
      }
    }
    return html.slice(0, 2000);
  }

  window.__govscoreRead = function () {
    document.querySelectorAll('[data-govscore-next]').forEach(function (e) { e.removeAttribute('data-govscore-next'); });
    var lists = findLists();
    var best = null;
    lists.forEach(function (l) {
      if (!best || l.rows.length > best.rows.length) best = l;
    });
    var nav = [], more = [], allRows = [];
    var links = document.querySelectorAll('a');
    for (var i = 0; i < links.length; i++) {
      var a = links[i], href = usableHref(a), t = text(a) || a.getAttribute('title') || '';
      if (!href) continue;
      if (MORE.test(t) || (/更多/.test(t) && t.length <= 6) || (/(^|[-_\s])more([-_\s]|$)/i.test(classOf(a)) && !isNoise(a))) {
        var block = a.closest('div, section, td');
        var heading = block ? block.querySelector('h1, h2, h3, h4, .title, [class*=tit]') : null;
        more.push({ text: heading ? text(heading) : '', href: href });
      } else if (isNav(a) || (a.closest('header, [class*=nav], [class*=menu]'))) {
        nav.push({ text: t, href: href });
      }
    }
    titledLinks(document.body).forEach(function (a) {
      if (isNoise(a)) return;
      var row = a.closest('li, tr, dd, dt, p') || a.parentElement;
      allRows.push({ title: text(a) || a.getAttribute('title') || '', href: usableHref(a), text: text(row), cells: [], titleAttr: row.getAttribute('title') || a.getAttribute('title') || '' });
    });
    var crumbs = document.querySelector('[class*=crumb], [class*=position], [class*=location], [class*=bread], [class*=dqwz]');
    var crumbLinks = crumbs ? Array.prototype.map.call(crumbs.querySelectorAll('a'), text).filter(Boolean) : [];
    var body = mainText();
    var heading = document.querySelector('.main h1, .main h2, #content h2, .content h2, h2, h1');
    return {
      url: location.href,
      title: document.title,
      metas: metas(),
      crumbs: crumbLinks,
      heading: heading ? text(heading) : '',
      nav: nav,
      more: more,
      rows: best ? best.rows.map(rowInfo) : [],
      singleLinkRows: best ? best.rows.filter(function (r) { return r.single; }).length : 0,
      rowsTextLength: best ? best.rows.reduce(function (n, r) { return n + text(r.el).length; }, 0) : 0,
      headers: best ? headersOf(best.el) : [],
      allRows: allRows,
      placeholder: (body.match(PLACEHOLDER) || [null])[0],
      pager: pager(),
      mainText: body.slice(0, 3000),
      fragment: fragmentOf(best),
      links: Array.prototype.map.call(document.querySelectorAll('a[href]'), function (a) { return { href: a.href, image: false }; })
        .concat(Array.prototype.map.call(document.querySelectorAll('img[src]'), function (i) { return { href: i.src, image: true }; })),
      mainTextLength: body.length,
      iframes: Array.prototype.map.call(document.querySelectorAll('iframe[src]'), function (f) { return f.src; })
    };
  };
})();
